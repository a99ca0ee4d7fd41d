//! Study cards on the embedded graph, checked against the graph itself with
//! an independent reading of its edges: the answers are exactly the right
//! nodes among the options, no option repeats, every option is of the
//! answers' kind, and no wrong option is right by `is_a` either.

use std::collections::{BTreeSet, HashMap, HashSet};

use mlkg::commands::load_graph;
use mlkg::graph::Graph;
use mlkg::study::{Card, CardType, generate};

fn embedded() -> Graph {
    load_graph(None).expect("the embedded graph loads").graph
}

/// Every `(subject, rel, dir)` → the nodes it points at, read independently.
fn truth(graph: &Graph) -> HashMap<(String, String, &'static str), HashSet<String>> {
    let mut t: HashMap<_, HashSet<String>> = HashMap::new();
    for (from, data, to) in graph.edge_triples() {
        let (a, b) = (from.id.to_string(), to.id.to_string());
        if graph.is_symmetric(&data.rel) {
            t.entry((a.clone(), data.rel.to_string(), "out"))
                .or_default()
                .insert(b.clone());
            t.entry((b, data.rel.to_string(), "out"))
                .or_default()
                .insert(a);
        } else {
            t.entry((a.clone(), data.rel.to_string(), "out"))
                .or_default()
                .insert(b.clone());
            t.entry((b, data.rel.to_string(), "in"))
                .or_default()
                .insert(a);
        }
    }
    t
}

/// A node with everything above and below it through `is_a`.
fn is_a_family(graph: &Graph, id: &str) -> HashSet<String> {
    let edges: Vec<(String, String)> = graph
        .edge_triples()
        .filter(|(_, d, _)| d.rel == "is_a")
        .map(|(f, _, t)| (f.id.to_string(), t.id.to_string()))
        .collect();
    let mut family = HashSet::from([id.to_string()]);
    for up in [true, false] {
        let mut stack = vec![id.to_string()];
        while let Some(x) = stack.pop() {
            for (f, t) in &edges {
                let next = if up && *f == x {
                    t
                } else if !up && *t == x {
                    f
                } else {
                    continue;
                };
                if family.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
    }
    family
}

fn check_which(graph: &Graph, card: &Card, right: &HashSet<String>) {
    let kinds: HashSet<&str> = right
        .iter()
        .map(|id| graph.node_by_id(id).unwrap().kind.as_str())
        .collect();
    let family: HashSet<String> = right.iter().flat_map(|r| is_a_family(graph, r)).collect();
    for o in &card.options {
        let node = graph
            .node_by_id(&o.id)
            .unwrap_or_else(|| panic!("{}: option {} is no node", card.id, o.id));
        assert_eq!(o.label, node.label, "{}", card.id);
        assert!(
            kinds.contains(node.kind.as_str()),
            "{}: option {} is a {}",
            card.id,
            o.id,
            node.kind
        );
        let is_answer = card.answers.contains(&o.id);
        assert_eq!(
            is_answer,
            right.contains(&o.id),
            "{}: option {} is right? {}",
            card.id,
            o.id,
            is_answer
        );
        if !is_answer {
            assert!(
                !family.contains(&o.id),
                "{}: distractor {} is right through is_a",
                card.id,
                o.id
            );
            assert_ne!(o.id, card.subject, "{}: the subject is offered", card.id);
        }
    }
    let shown_right = card
        .options
        .iter()
        .filter(|o| right.contains(&o.id))
        .count();
    assert!(
        shown_right >= 1 && shown_right < card.options.len(),
        "{}",
        card.id
    );
    let correct: BTreeSet<&str> = card.correct.iter().map(String::as_str).collect();
    let expected: BTreeSet<&str> = right
        .iter()
        .map(|id| graph.node_by_id(id).unwrap().label.as_str())
        .collect();
    assert_eq!(
        correct, expected,
        "{}: every correct answer is listed",
        card.id
    );
    let wanted = if shown_right > 1 {
        CardType::Multi
    } else {
        CardType::Choice
    };
    assert_eq!(card.kind, wanted, "{}", card.id);
    if shown_right > 1 {
        assert!(
            card.prompt.ends_with(&format!("(choose {shown_right})")),
            "{}",
            card.prompt
        );
    }
}

#[test]
fn every_card_holds_against_the_graph() {
    let graph = embedded();
    let cards = generate(&graph);
    let truth = truth(&graph);
    let ids: HashSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), cards.len(), "card ids are distinct");
    assert!(cards.len() >= 300, "only {} cards", cards.len());
    let rels: HashSet<&str> = cards.iter().map(|c| c.rel.as_str()).collect();
    assert!(rels.len() >= 12, "only {} relations: {rels:?}", rels.len());
    for card in &cards {
        let labels: HashSet<String> = card
            .options
            .iter()
            .map(|o| o.label.to_lowercase())
            .collect();
        let oids: HashSet<&str> = card.options.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(
            labels.len(),
            card.options.len(),
            "{}: an option label repeats",
            card.id
        );
        assert_eq!(
            oids.len(),
            card.options.len(),
            "{}: an option repeats",
            card.id
        );
        assert!(
            card.answers.iter().all(|a| oids.contains(a.as_str())),
            "{}",
            card.id
        );
        assert!(!card.prompt.contains('{'), "{}: {}", card.id, card.prompt);
        match card.kind {
            CardType::Truefalse => {
                let edge = graph
                    .edge_triples()
                    .find(|(f, d, t)| {
                        card.id
                            == format!(
                                "is:{}:{}:{}:{}",
                                f.id,
                                d.rel,
                                t.id,
                                card.id.rsplit(':').next().unwrap()
                            )
                    })
                    .unwrap_or_else(|| panic!("{}: no such edge", card.id));
                let prop = card.id.rsplit(':').next().unwrap();
                let stated = edge.1.props.get(prop).map(String::as_str) == Some("true");
                assert_eq!(card.answers, vec![stated.to_string()], "{}", card.id);
            }
            _ => {
                let key = (card.subject.clone(), card.rel.clone(), card.direction);
                let right = truth
                    .get(&key)
                    .unwrap_or_else(|| panic!("{}: no edges", card.id));
                check_which(&graph, card, right);
            }
        }
    }
}

#[test]
fn cards_are_the_same_on_every_run_and_survive_an_edit() {
    let graph = embedded();
    let (a, b) = (generate(&graph), generate(&graph));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y, "a card differs between two runs");
    }
    // Removing one edge retires at most the cards that asked about it.
    let mut doc = graph.to_document();
    let gone = doc.edges.remove(0);
    let edited = Graph::from_document(doc, graph.source.clone());
    let before: HashSet<String> = generate(&graph).into_iter().map(|c| c.id).collect();
    let after: HashSet<String> = generate(&edited).into_iter().map(|c| c.id).collect();
    for id in before.difference(&after) {
        assert!(
            id.contains(gone.from.as_str()) || id.contains(gone.to.as_str()),
            "{id} vanished"
        );
    }
    assert!(after.is_subset(&before));
}

#[test]
fn the_embedded_questions_read_well() {
    let cards = generate(&embedded());
    let prompt = |id: &str| cards.iter().find(|c| c.id == id).map(|c| c.prompt.clone());
    assert_eq!(
        prompt("which:kmeans:hyperparameter:out")
            .as_deref()
            .map(|p| p.starts_with("Which hyperparameters does K-Means have?")),
        Some(true)
    );
    // Each relation's own wording, where the graph gives one, for every subject.
    let graph = embedded();
    let mut asked = 0;
    for c in cards
        .iter()
        .filter(|c| c.rel == "input_mode" || c.rel == "is_a")
    {
        let label = &graph.node_by_id(&c.subject).unwrap().label;
        let wanted = match (c.rel.as_str(), c.direction) {
            ("input_mode", "out") => format!("Which input modes does {label} support?"),
            ("input_mode", _) => format!("Which algorithms support {label}?"),
            ("is_a", "out") => format!("What is {label} a kind of?"),
            _ => continue,
        };
        assert!(c.prompt.starts_with(&wanted), "{}: {}", c.id, c.prompt);
        asked += 1;
    }
    assert!(asked > 10);
    assert!(
        prompt("which:csv:accepts:in")
            .unwrap()
            .starts_with("Which algorithms accept CSV?")
    );
    for c in &cards {
        for bad in [
            " a?",
            "does not support input",
            "have hyperparameter",
            "is a?",
        ] {
            assert!(!c.prompt.contains(bad), "{}: {}", c.id, c.prompt);
        }
    }
}

#[test]
fn check_refuses_a_bad_question_wording_with_its_position() {
    use mlkg::graph::load::{Source, load_str};
    let graph = |question: &str, extra: &str| {
        format!(
            "(kinds: {{\"a\": (label: \"A\")}},\n relations: {{\n  \"r\": (label: \"r\", {extra}question: {question:?}),\n }},\n nodes: [], edges: [])"
        )
    };
    for (question, extra, wanted) in [
        ("Which {kinds} does it have?", "", "never names {subject}"),
        (
            "Which {thing} does {subject} have?",
            "",
            "unknown placeholder at \"{thing}",
        ),
        ("Is {subject} } odd?", "", "unknown placeholder at \"}"),
        ("   ", "", "it is blank"),
    ] {
        let text = graph(question, extra);
        let Err(mlkg::graph::LoadError::Invalid { diagnostics, .. }) =
            load_str(&text, Source::Embedded)
        else {
            panic!("{question:?} was accepted");
        };
        let d = &diagnostics[0];
        assert!(d.message.contains(wanted), "{}", d.message);
        assert!(d.message.contains("bad `question`"), "{}", d.message);
        assert_eq!(d.line, 3, "{d:?}");
    }
    let symmetric = "(kinds: {}, relations: {\"r\": (label: \"r\", symmetric: true, inverse_question: \"Which {subject}?\")}, nodes: [], edges: [])";
    assert!(load_str(symmetric, Source::Embedded).is_err());
    let fine = graph("Which {kinds} does {subject} have?", "");
    assert!(load_str(&fine, Source::Embedded).is_ok());
}
