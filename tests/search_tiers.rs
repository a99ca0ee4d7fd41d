//! Each search tier and ranking rule, with the queries people type, on the
//! embedded graph and on a small graph made for the full-text tier.

use mlkg::graph::Graph;
use mlkg::graph::load::{Source, load_embedded, load_str};
use mlkg::graph::search::{Hit, SearchIndex, Tier};

fn embedded() -> (Graph, SearchIndex) {
    let graph = load_embedded().expect("embedded graph").graph;
    let index = SearchIndex::new(&graph);
    (graph, index)
}

fn hits(g: &(Graph, SearchIndex), query: &str, limit: usize) -> Vec<Hit> {
    g.1.search(&g.0, query, &[], limit)
}

fn ids(g: &(Graph, SearchIndex), query: &str, limit: usize) -> Vec<String> {
    hits(g, query, limit)
        .iter()
        .map(|h| g.0.node(h.node).id.to_string())
        .collect()
}

/// The characters of `text` at `positions`.
fn picked(text: &str, positions: &[usize]) -> String {
    let chars: Vec<char> = text.chars().collect();
    positions.iter().map(|&i| chars[i]).collect()
}

#[test]
fn ties_go_to_the_closest_length_then_to_more_edges() {
    let g = embedded();
    // Every BlazingText node starts with "blazing": the shortest label wins.
    assert_eq!(
        ids(&g, "blazing", 3)[..3],
        [
            "blazingtext",
            "blazingtext_word2vec",
            "blazingtext_text_classification"
        ]
    );
    // "l1" is the whole of an alias of L1 regularization and of the label of
    // Linear Learner's l1: equally close, so the one with more edges.
    let l1 = hits(&g, "l1", 2);
    assert_eq!(g.0.node(l1[0].node).id, "l1-regularization");
    assert!(g.0.degree(l1[0].node) > g.0.degree(l1[1].node));
}

#[test]
fn initials_of_a_several_word_label_match_short_queries() {
    let g = embedded();
    for (query, id) in [
        ("lr", "learning-rate"),
        ("sgd", "sgd"),
        ("ner", "comprehend-custom-entity-recognition"),
        ("rcf", "rcf"),
        ("fm", "factorization_machines"),
    ] {
        assert_eq!(ids(&g, query, 1), [id], "{query}");
    }
    // Without an alias, the initials alone rank a label above fuzzy matches.
    let tsf = hits(&g, "tsf", 5);
    assert_eq!(g.0.node(tsf[0].node).id, "time-series-forecasting");
    assert_eq!(tsf[0].tier, Tier::Initials);
    assert!(tsf[1..].iter().all(|h| h.tier > Tier::Initials));
}

#[test]
fn a_word_off_by_an_edit_or_two_still_finds_the_node() {
    let g = embedded();
    for (query, id, label_part) in [
        (
            "vanishing gradiant",
            "vanishing-gradient",
            "Vanishing gradint",
        ),
        ("anomoly detection", "anomaly-detection", "Anomly detection"),
        (
            "factorisation machines",
            "factorization_machines",
            "Factoriation Machines",
        ),
        ("blazzing text", "blazingtext", "BlazingText"),
    ] {
        let top = &hits(&g, query, 3)[0];
        assert_eq!(g.0.node(top.node).id, id, "{query}");
        assert_eq!(top.tier, Tier::Typo, "{query}");
        let label = &g.0.node(top.node).label;
        assert_eq!(
            picked(label, &top.positions),
            label_part.replace(' ', ""),
            "{query}"
        );
    }
    // Four letters are forgiven one edit, three letters none, and three edits are too many.
    let lstn = hits(&g, "lstn", 50);
    assert!(
        lstn.iter()
            .any(|h| h.tier == Tier::Typo && g.0.node(h.node).id == "lstm")
    );
    assert!(hits(&g, "rnx", 50).iter().all(|h| h.tier != Tier::Typo));
    assert!(
        ids(&g, "vanishing grdaiatn", 5)
            .iter()
            .all(|id| id != "vanishing-gradient")
    );
}

#[test]
fn a_transposition_is_one_edit() {
    let g = embedded();
    let top = &hits(&g, "anomaly detcetion", 1)[0];
    assert_eq!(g.0.node(top.node).id, "anomaly-detection");
    assert_eq!(top.tier, Tier::Typo);
}

#[test]
fn typos_rank_below_every_name_match() {
    let g = embedded();
    let all = hits(&g, "regularisation", 50);
    let first_typo = all
        .iter()
        .position(|h| h.tier == Tier::Typo)
        .expect("typo hits");
    assert!(all[..first_typo].iter().all(|h| h.tier < Tier::Typo));
    assert!(all[first_typo..].iter().all(|h| h.tier >= Tier::Typo));
    assert!(ids(&g, "regularisation", 50).contains(&"regularization".to_string()));
}

#[test]
fn a_kind_word_ranks_the_nodes_of_that_kind_linked_to_the_rest_first() {
    let g = embedded();
    let anomaly = ids(&g, "anomaly detection algorithm", 5);
    let mut first_two = anomaly[..2].to_vec();
    first_two.sort();
    assert_eq!(first_two, ["ip_insights", "rcf"]);
    assert_eq!(anomaly[2], "anomaly-detection", "then the task itself");
    let mut topic = ids(&g, "topic modelling algorithm", 3)[..2].to_vec();
    topic.sort();
    assert_eq!(topic, ["lda", "ntm"]);
    // Plural kind words, and the kind's label as well as its id.
    let gpu = hits(&g, "gpu algorithms", 50);
    let gpu_ix = g.0.find("gpu").expect("gpu node");
    let linked: Vec<_> = gpu
        .iter()
        .take_while(|h| g.0.node(h.node).kind == "algorithm")
        .collect();
    assert!(
        linked.len() >= 5,
        "{} algorithms train on GPU",
        linked.len()
    );
    for h in &linked {
        assert_eq!(h.tier, Tier::Kind);
        assert!(
            g.0.links(h.node).iter().any(|l| l.node == gpu_ix),
            "{}",
            g.0.node(h.node).id
        );
    }
}

#[test]
fn a_kind_word_alone_filters_the_rest_by_kind() {
    let g = embedded();
    let metrics = hits(&g, "regression metrics", 10);
    assert!(!metrics.is_empty());
    let kinds: Vec<&str> = metrics
        .iter()
        .map(|h| g.0.node(h.node).kind.as_str())
        .collect();
    let first_other = kinds
        .iter()
        .position(|&k| k != "metric")
        .unwrap_or(kinds.len());
    assert!(
        first_other >= 2,
        "metrics that evaluate regression first: {kinds:?}"
    );
}

#[test]
fn words_found_only_in_text_rank_last_and_show_where() {
    let g = embedded();
    for (query, id, word) in [
        ("misalignment", "semantic_segmentation", "misalignment"),
        ("elbow", "kmeans", "elbow"),
    ] {
        let all = hits(&g, query, 50);
        let at = all
            .iter()
            .position(|h| g.0.node(h.node).id == id)
            .expect(query);
        let hit = &all[at];
        assert_eq!(hit.tier, Tier::FullText, "{query}");
        assert!(all[..at].iter().all(|h| h.tier <= Tier::FullText));
        assert!(all[at..].iter().all(|h| h.tier == Tier::FullText));
        let snippet = hit.snippet.as_ref().expect("a snippet");
        assert_eq!(
            picked(&snippet.text, &snippet.positions).to_lowercase(),
            word,
            "{query}"
        );
        assert!(
            all.iter()
                .filter(|h| h.tier < Tier::FullText)
                .all(|h| h.snippet.is_none())
        );
    }
}

const NOTES: &str = r#"(
    kinds: {"algorithm": (label: "Algorithm"), "task": (label: "Task")},
    relations: {"solves": (label: "solves", inverse: "solved by")},
    nodes: [
        (id: "fm", kind: "algorithm", label: "Factorization Machines", summary: "Pairwise interactions.",
            notes: "Suffers from the cold start problem for new users."),
        (id: "rec", kind: "task", label: "Recommendation"),
        (id: "start", kind: "task", label: "Start here"),
    ],
    edges: [(from: "fm", rel: "solves", to: "rec", note: "sparse click data, a cold start")],
)"#;

#[test]
fn notes_and_edge_notes_are_searched_below_names() {
    let graph = load_str(NOTES, Source::Embedded).expect("graph").graph;
    let index = SearchIndex::new(&graph);
    let found: Vec<(String, Tier, String)> = index
        .search(&graph, "cold start", &[], 10)
        .into_iter()
        .map(|h| {
            let s = h.snippet.expect("a snippet on each full-text hit");
            (
                graph.node(h.node).id.to_string(),
                h.tier,
                picked(&s.text, &s.positions),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("fm".into(), Tier::FullText, "coldstart".into()),
            ("rec".into(), Tier::FullText, "coldstart".into()),
        ]
    );
    // A name match comes before the text: "start" names the third node.
    let start = index.search(&graph, "start", &[], 10);
    assert_eq!(graph.node(start[0].node).id, "start");
    assert!(start[1..].iter().all(|h| h.tier == Tier::FullText));
}

#[test]
fn the_kinds_given_filter_every_tier() {
    let g = embedded();
    let kinds = vec!["task".to_string()];
    for query in [
        "anomoly detection",
        "misalignment",
        "anomaly detection algorithm",
    ] {
        let found = g.1.search(&g.0, query, &kinds, 20);
        assert!(!found.is_empty(), "{query}");
        assert!(
            found.iter().all(|h| g.0.node(h.node).kind == "task"),
            "{query}"
        );
    }
}

#[test]
fn a_snippet_around_its_match_keeps_the_match_in_sight() {
    let g = embedded();
    let hit = hits(&g, "misalignment", 50)
        .into_iter()
        .find(|h| h.snippet.is_some())
        .expect("a full-text hit");
    let near = hit.snippet.as_ref().expect("snippet").around(12);
    assert!(near.text.starts_with('…'));
    assert!(near.positions[0] <= 13, "{near:?}");
    let at = near.positions[0];
    assert!(
        near.text
            .chars()
            .nth(at - 1)
            .is_some_and(char::is_whitespace),
        "starts a word: {near:?}"
    );
    assert!(
        hit.snippet
            .as_ref()
            .expect("snippet")
            .around(0)
            .text
            .starts_with("…misalignment")
    );
    assert_eq!(picked(&near.text, &near.positions), "misalignment");
}

/// The explorer shows where a full-text hit was found, after its label.
#[test]
fn the_explorer_shows_a_full_text_hit_with_its_snippet() {
    use mlkg::tui::action::Action;
    use mlkg::tui::app::App;
    use mlkg::tui::event::Event;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let graph = load_embedded().expect("embedded graph").graph;
    let mut app = App::new(graph, None);
    for c in "misalignment".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Event::Resize(160, 30));
    let mut terminal = Terminal::new(TestBackend::new(160, 30)).expect("terminal");
    terminal
        .draw(|f| {
            mlkg::tui::view::draw(&app, f);
        })
        .expect("draw");
    let buf = terminal.backend().buffer();
    let rows: Vec<String> = (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("Semantic Segmentation — …") && r.contains("misalign")),
        "{}",
        rows.join("\n")
    );
}
