//! What the fuzz targets check on each input, shared with the test that
//! replays the corpus of interesting inputs in `cargo test`.

#![allow(dead_code)]

use mlkg::export::{Filter, Format, write};
use mlkg::graph::load::load_bytes;
use mlkg::graph::{LoadError, Source};

/// The loader on any bytes: a graph or diagnostics with positions, never a
/// panic; a graph reads back the same through its JSON export.
pub fn check_load(data: &[u8]) {
    match load_bytes(data, Source::File("fuzz.ron".into())) {
        Ok(loaded) => {
            let doc = loaded.graph.to_document();
            let json = serde_json::to_string(&doc).expect("serialises");
            let again = load_bytes(json.as_bytes(), Source::File("fuzz.json".into()))
                .expect("an export loads");
            assert_eq!(again.graph.to_document(), doc);
        }
        Err(LoadError::Invalid { diagnostics, .. }) => {
            assert!(!diagnostics.is_empty());
            for d in &diagnostics {
                assert!(d.line >= 1 && d.col >= 1);
                assert!(
                    !d.to_string().contains('\u{1b}'),
                    "a message shows an escape raw"
                );
            }
        }
        Err(e) => panic!("in-memory loading cannot fail to read: {e}"),
    }
}

/// The exporters on any graph that loads: DOT parses back with the same
/// nodes and edges, JSON loads back as the same graph, Mermaid has a line
/// per edge.
pub fn check_export(data: &[u8]) {
    let Ok(loaded) = load_bytes(data, Source::File("fuzz.ron".into())) else {
        return;
    };
    let graph = loaded.graph;
    let render = |format| {
        let mut out = Vec::new();
        write(&graph, &Filter::default(), format, &mut out).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    };
    dot_keeps_the_graph(&render(Format::Dot), &graph);
    let json = render(Format::Json);
    let again = load_bytes(json.as_bytes(), Source::File("fuzz.json".into())).expect("JSON loads");
    assert_eq!(again.graph.to_document(), graph.to_document());
    let mermaid = render(Format::Mermaid);
    let arrows = mermaid
        .lines()
        .filter(|l| ["-->", "---", "==>", "==="].iter().any(|a| l.contains(a)))
        .count();
    assert_eq!(arrows, graph.edge_count());
}

/// DOT that parses with an independent parser (dot-parser) into every node
/// and edge of the graph, the legend's nodes aside.
pub fn dot_keeps_the_graph(dot: &str, graph: &mlkg::graph::Graph) {
    let parsed = dot_parser::canonical::Graph::from(
        dot_parser::ast::Graph::try_from(dot).unwrap_or_else(|e| panic!("{e}\n{dot}")),
    );
    let legend = parsed
        .nodes
        .set
        .keys()
        .filter(|k| {
            k.trim_matches('"')
                .starts_with(mlkg::export::dot::LEGEND_PREFIX)
        })
        .count();
    assert_eq!(parsed.nodes.set.len() - legend, graph.node_count());
    assert_eq!(parsed.edges.set.len(), graph.edge_count());
}

/// The GraphML reader on any bytes: a graph or diagnostics with positions,
/// never a panic; a graph's GraphML export reads back to the same export.
pub fn check_graphml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if !mlkg::graph::graphml::is_graphml(text) {
        return;
    }
    check_load(data);
    let Ok(loaded) = load_bytes(data, Source::File("fuzz.graphml".into())) else {
        return;
    };
    let graphml = |graph: &mlkg::graph::Graph| {
        let mut out = Vec::new();
        write(graph, &Filter::default(), Format::Graphml, &mut out).expect("writes to memory");
        String::from_utf8(out).expect("UTF-8")
    };
    let first = graphml(&loaded.graph);
    let again = load_bytes(first.as_bytes(), Source::File("fuzz.graphml".into()))
        .expect("a GraphML export loads");
    assert!(
        graphml(&again.graph) == first,
        "GraphML reads back to the same export"
    );
}

/// The query language on any text, against a small graph: an answer or an
/// error whose span lies on the query's character boundaries, never a panic;
/// an answer is sorted, without repeats, and the same on a second run.
pub fn check_query(data: &[u8]) {
    use std::sync::OnceLock;
    static GRAPH: OnceLock<mlkg::graph::Graph> = OnceLock::new();
    let graph = GRAPH.get_or_init(|| {
        let text = include_str!("../fixtures/ask.ron");
        mlkg::graph::load::load_str(text, Source::File("ask.ron".into()))
            .expect("the fixture loads")
            .graph
    });
    let query = String::from_utf8_lossy(data);
    match mlkg::graph::ask::run(graph, &query) {
        Ok(found) => {
            let mut unique = found.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), found.len(), "a node is listed twice");
            assert_eq!(mlkg::graph::ask::run(graph, &query).ok(), Some(found));
        }
        Err(e) => {
            let (start, end) = (e.span.start, e.span.end);
            assert!(start <= end && end <= query.len(), "span {start}..{end}");
            assert!(query.is_char_boundary(start) && query.is_char_boundary(end));
            let shown = e.render(&query);
            assert!(shown.starts_with("bad query: ") && shown.contains('^'));
        }
    }
}
