//! `query` against a plain reference evaluation over the JSON export: on
//! random small graphs (a property test), and on the embedded graph for the
//! learners' questions.

#[path = "common/reference.rs"]
mod reference;

use mlkg::export::{self, Filter, Format};
use mlkg::graph::ask;
use mlkg::graph::load::{load_embedded, load_str};
use mlkg::graph::{Graph, Source};
use proptest::prelude::*;
use reference::{Ask, Term};
use serde_json::{Value, json};

fn export_json(graph: &Graph) -> Value {
    let mut out = Vec::new();
    export::write(graph, &Filter::default(), Format::Json, &mut out).expect("export");
    serde_json::from_slice(&out).expect("JSON export parses")
}

fn run_ids(graph: &Graph, query: &str) -> Result<Vec<String>, ask::AskError> {
    ask::run(graph, query).map(|found| {
        found
            .iter()
            .map(|&ix| graph.node(ix).id.to_string())
            .collect()
    })
}

const KINDS: [&str; 3] = ["a", "b", "c"];
const RELS: [&str; 3] = ["r", "s", "is_a"];

/// A random small graph as a JSON document: three kinds, a plain relation
/// `r`, a symmetric `s`, `is_a`; node props `p`, edge props `q`.
fn graph_doc() -> impl Strategy<Value = Value> {
    let node = (
        0..3usize,
        prop::option::of(prop::sample::select(vec!["x", "X", "y"])),
        0..4u8,
    );
    let edge = (
        0..7usize,
        prop::sample::select(vec![0usize, 1, 2, 2]),
        0..7usize,
        prop::option::of(prop::sample::select(vec!["1", "2"])),
    );
    (prop::collection::vec(node, 1..7), prop::collection::vec(edge, 0..18)).prop_map(|(nodes, edges)| {
        let n = nodes.len();
        let nodes: Vec<Value> = nodes
            .iter()
            .enumerate()
            .map(|(i, (k, p, l))| {
                let props = p.map_or(json!({}), |v| json!({"p": v}));
                // Labels repeat on purpose, so the sort falls back to ids.
                json!({"id": format!("n{i}"), "kind": KINDS[*k], "label": format!("L{l}"), "props": props})
            })
            .collect();
        let mut seen = std::collections::HashSet::new();
        let edges: Vec<Value> = edges
            .iter()
            .map(|(a, r, b, q)| (a % n, *r, b % n, q))
            .filter(|(a, r, b, _)| seen.insert(if *r == 1 { (*a.min(b), *r, *a.max(b)) } else { (*a, *r, *b) }))
            .map(|(a, r, b, q)| {
                let props = q.map_or(json!({}), |v| json!({"q": v}));
                json!({"from": format!("n{a}"), "rel": RELS[r], "to": format!("n{b}"), "props": props})
            })
            .collect();
        json!({
            "kinds": {"a": {"label": "A"}, "b": {"label": "B"}, "c": {"label": "C"}},
            "relations": {
                "r": {"label": "r", "inverse": "r of"},
                "s": {"label": "s", "symmetric": true},
                "is_a": {"label": "is a", "inverse": "includes"}
            },
            "nodes": nodes, "edges": edges
        })
    })
}

fn values() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(vec![
        "x".to_string(),
        "y".to_string(),
        "1".to_string(),
        "2".to_string(),
    ]))
}

fn term() -> impl Strategy<Value = Term> {
    let kind = prop::collection::vec(prop::sample::select(KINDS.to_vec()), 1..3)
        .prop_map(|k| Ask::Kind(k.iter().map(|s| s.to_string()).collect()));
    let node_prop = values().prop_map(|v| Ask::Prop("p".into(), v));
    (
        any::<bool>(),
        prop_oneof![1 => kind, 1 => node_prop, 2 => rel_term()],
    )
        .prop_map(|(negated, ask)| Term { negated, ask })
}

fn rel_term() -> impl Strategy<Value = Ask> {
    let names = prop::collection::vec((0..7usize, any::<bool>()), 0..3);
    let edge_props = prop::collection::vec(values(), 0..2);
    (
        any::<bool>(),
        prop::sample::select(RELS.to_vec()),
        names,
        any::<bool>(),
        edge_props,
    )
        .prop_map(|(incoming, rel, nodes, only, props)| Ask::Rel {
            incoming,
            rel: rel.to_string(),
            only: only && !nodes.is_empty(),
            nodes: nodes
                .into_iter()
                .map(|(i, exact)| (format!("n{i}"), exact))
                .collect(),
            props: props.into_iter().map(|v| ("q".to_string(), v)).collect(),
        })
}

/// Whether the reference says the query names something the graph lacks:
/// a node id out of range or a prop no node or edge carries.
fn unknown_name(doc: &Value, terms: &[Term]) -> bool {
    let nodes = doc["nodes"].as_array().unwrap();
    let edges = doc["edges"].as_array().unwrap();
    let has = |list: &Vec<Value>, key: &str| list.iter().any(|x| x["props"].get(key).is_some());
    terms.iter().any(|t| match &t.ask {
        Ask::Kind(_) => false,
        Ask::Prop(k, _) => !has(nodes, k),
        Ask::Rel {
            nodes: names,
            props,
            ..
        } => {
            names
                .iter()
                .any(|(n, _)| !nodes.iter().any(|x| x["id"] == n.as_str()))
                || props.iter().any(|(k, _)| !has(edges, k))
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn query_agrees_with_a_plain_evaluation_of_the_json_export(
        doc in graph_doc(),
        terms in prop::collection::vec(term(), 1..4),
    ) {
        let graph = load_str(&doc.to_string(), Source::File("random.json".into()))
            .expect("random graph is valid")
            .graph;
        let exported = export_json(&graph);
        let query = reference::render(&terms);
        match run_ids(&graph, &query) {
            Ok(found) => {
                prop_assert!(!unknown_name(&exported, &terms), "{query} should fail");
                prop_assert_eq!(found, reference::evaluate(&exported, &terms), "{}", query);
            }
            Err(e) => prop_assert!(unknown_name(&exported, &terms), "{}", e.render(&query)),
        }
    }
}

fn rel(rel: &str, node: &str) -> Ask {
    rel_with(false, rel, node, false, vec![])
}

fn rel_with(
    incoming: bool,
    rel: &str,
    node: &str,
    only: bool,
    props: Vec<(String, Option<String>)>,
) -> Ask {
    Ask::Rel {
        incoming,
        rel: rel.into(),
        nodes: vec![(node.into(), false)],
        only,
        props,
    }
}

fn yes(ask: Ask) -> Term {
    Term {
        negated: false,
        ask,
    }
}

#[test]
fn the_learners_questions_agree_with_the_reference_on_the_embedded_graph() {
    let graph = load_embedded().expect("embedded graph").graph;
    let doc = export_json(&graph);
    let algorithm = || yes(Ask::Kind(vec!["algorithm".into()]));
    let only_csv = rel_with(false, "accepts", "csv", true, vec![]);
    let required = rel_with(
        true,
        "hyperparameter",
        "kmeans",
        false,
        vec![("required".into(), Some("true".into()))],
    );
    let cases: Vec<(&str, Vec<Term>)> = vec![
        (
            "kind:algorithm accepts:csv trains_on:gpu",
            vec![
                algorithm(),
                yes(rel("accepts", "csv")),
                yes(rel("trains_on", "gpu")),
            ],
        ),
        (
            "kind:algorithm accepts:=csv",
            vec![algorithm(), yes(only_csv)],
        ),
        (
            "kind:algorithm trains_on:gpu -trains_on:cpu",
            vec![
                algorithm(),
                yes(rel("trains_on", "gpu")),
                Term {
                    negated: true,
                    ask: rel("trains_on", "cpu"),
                },
            ],
        ),
        ("<hyperparameter:kmeans[required=true]", vec![yes(required)]),
        (
            "kind:algorithm learning:unsupervised input_mode:pipe",
            vec![
                algorithm(),
                yes(rel("learning", "unsupervised-learning")),
                yes(rel("input_mode", "pipe-mode")),
            ],
        ),
        (
            "<accepts:xgboost",
            vec![yes(rel_with(true, "accepts", "xgboost", false, vec![]))],
        ),
        (
            "kind:algorithm supports:incremental-training",
            vec![algorithm(), yes(rel("supports", "incremental-training"))],
        ),
        (
            "mitigates:vanishing-gradient",
            vec![yes(rel("mitigates", "vanishing-gradient"))],
        ),
    ];
    for (query, terms) in cases {
        let want = reference::evaluate(&doc, &terms);
        assert!(!want.is_empty(), "{query}: the reference lists nothing");
        assert_eq!(run_ids(&graph, query).expect(query), want, "{query}");
    }
}
