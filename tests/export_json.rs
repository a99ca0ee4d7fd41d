//! The JSON export is written by hand for speed; these tests hold it to the
//! document serde_json writes for the same graph (`write_value` of the
//! graph's `Document`, the layout and escapes of every other `--json`
//! output), byte for byte: hostile text in every field, parts of a graph,
//! empty lists and maps, and graphs large enough to be rendered in many
//! chunks on several threads.

use std::path::PathBuf;

use mlkg::export::json::write_value;
use mlkg::export::{self, Filter, Format, Selection};
use mlkg::graph::{Document, Edge, Graph, Kind, Node, Relation, Source};
use proptest::prelude::*;

/// The export as written.
fn exported(graph: &Graph, filter: &Filter) -> String {
    let mut out = Vec::new();
    export::write(graph, filter, Format::Json, &mut out).expect("export writes");
    String::from_utf8(out).expect("UTF-8")
}

/// What serde_json writes for the part of the graph the filter keeps.
fn reference(graph: &Graph, filter: &Filter) -> String {
    let sel = Selection::new(graph, filter);
    let mut doc = graph.to_document();
    doc.nodes = sel.nodes.iter().map(|&ix| graph.node(ix).clone()).collect();
    doc.edges = sel.edges.iter().map(|&e| graph.edge_document(e)).collect();
    let mut out = Vec::new();
    write_value(&doc, &mut out).expect("serde writes");
    out.push(b'\n');
    String::from_utf8(out).expect("UTF-8")
}

/// Text that JSON or a terminal treats specially, and plain text.
fn text() -> impl Strategy<Value = String> {
    "\\PC{0,10}|[\"\\\\/\\n\\r\\t\\x00\\x08\\x0c\\x1b\\x7f\\u{85}\\u{9b}\\u{a0}\\u{200b}\\u{2013}\\u{2028}\\u{202e}\\u{2066}\\u{feff}\\u{fff9}\\u{fffd}\\u{ffff}\\u{1f600}é a]{0,8}"
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..3)
}

fn props() -> impl Strategy<Value = std::collections::BTreeMap<String, String>> {
    prop::collection::btree_map(text(), text(), 0..3)
}

fn arb_node() -> impl Strategy<Value = Node> {
    (
        text(),
        0usize..3,
        text(),
        texts(),
        text(),
        text(),
        props(),
        texts(),
    )
        .prop_map(
            |(id, kind, label, aliases, summary, notes, props, sources)| Node {
                id: id.into(),
                kind: ["a", "b", "undeclared \u{1b}"][kind].into(),
                label,
                aliases,
                summary,
                notes,
                props,
                sources,
            },
        )
}

fn arb_document() -> impl Strategy<Value = Document> {
    let kinds = prop::collection::vec((text(), text()), 0..3);
    let rels = prop::collection::vec((text(), text(), texts(), any::<bool>(), text()), 0..3);
    let nodes = prop::collection::vec(arb_node(), 0..8);
    let edges = prop::collection::vec((0usize..8, 0usize..8, text(), props()), 0..12);
    (text(), kinds, rels, nodes, edges).prop_map(|(name, kinds, rels, mut nodes, raw)| {
        let mut kinds: indexmap::IndexMap<String, Kind> = kinds
            .into_iter()
            .map(|(label, color)| (label.clone(), Kind { label, color }))
            .collect();
        kinds.insert(
            "a".into(),
            Kind {
                label: "A".into(),
                color: String::new(),
            },
        );
        let relations = rels
            .into_iter()
            .map(|(id, inverse, to, symmetric, question)| {
                let r = Relation {
                    label: id.clone(),
                    inverse,
                    from: to.iter().rev().cloned().collect(),
                    to,
                    symmetric,
                    question,
                    inverse_question: String::new(),
                };
                (id, r)
            })
            .collect();
        // Distinct ids, so every edge finds its ends.
        for (i, n) in nodes.iter_mut().enumerate() {
            n.id = format!("{}{i}", n.id).into();
        }
        let edges = raw
            .into_iter()
            .filter(|&(a, b, ..)| a < nodes.len() && b < nodes.len())
            .map(|(a, b, note, props)| Edge {
                from: nodes[a].id.clone(),
                rel: note.chars().rev().collect(),
                to: nodes[b].id.clone(),
                note,
                props,
            })
            .collect();
        Document {
            name,
            kinds,
            relations,
            nodes,
            edges,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn json_export_is_what_serde_writes_for_the_same_document(doc in arb_document()) {
        let graph = Graph::from_document(doc, Source::Embedded);
        let whole = Filter::default();
        prop_assert_eq!(exported(&graph, &whole), reference(&graph, &whole));
        let part = Filter { kinds: vec!["a".into()], ..Filter::default() };
        prop_assert_eq!(exported(&graph, &part), reference(&graph, &part));
    }
}

/// A graph of `n` nodes and three edges a node, with a few strings that
/// need escapes, enough for many chunks rendered in parallel.
fn large(n: usize) -> Graph {
    let text = format!(
        r#"(kinds: {{"k": (label: "K")}}, relations: {{"r": (label: "r \"q\"")}},
        nodes: [{}], edges: [{}])"#,
        (0..n)
            .map(|i| format!(
                r#"(id: "n{i}", kind: "k", label: "Node {i}\u{{202e}}", aliases: ["a{i}"], summary: "s\t{i}", props: {{"p": "{i}"}})"#
            ))
            .collect::<Vec<_>>()
            .join(","),
        (0..n * 3)
            .map(|i| format!(
                r#"(from: "n{}", rel: "r", to: "n{}", note: "{}")"#,
                i % n,
                (i * 7 + i / n + 1) % n,
                if i % 5 == 0 { "required\n" } else { "" }
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    mlkg::graph::load::load_str(&text, Source::File(PathBuf::from("large.ron")))
        .expect("large graph loads")
        .graph
}

#[test]
fn a_graph_of_many_chunks_is_written_in_order() {
    let graph = large(9000);
    let whole = Filter::default();
    let json = exported(&graph, &whole);
    assert_eq!(json, reference(&graph, &whole));
    assert!(
        json.contains(r#""label": "Node 8999\u202e""#),
        "the last node is written"
    );
    let root = graph.node_indices().nth(4500);
    let near = Filter {
        root,
        depth: 2,
        ..Filter::default()
    };
    assert_eq!(exported(&graph, &near), reference(&graph, &near));
}

#[test]
fn an_empty_graph_has_empty_lists_and_maps() {
    let graph = Graph::from_document(
        Document {
            name: String::new(),
            kinds: Default::default(),
            relations: Default::default(),
            nodes: vec![],
            edges: vec![],
        },
        Source::Embedded,
    );
    let json = exported(&graph, &Filter::default());
    assert_eq!(
        json,
        "{\n  \"kinds\": {},\n  \"relations\": {},\n  \"nodes\": [],\n  \"edges\": []\n}\n"
    );
    assert_eq!(json, reference(&graph, &Filter::default()));
}
