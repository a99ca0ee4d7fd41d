//! Edge ids in the formats that name edges (GraphML, RDF statements, here read in N-Triples, the
//! Neptune CSV folders): `from|rel|to`, `|2`, `|3` on a repeat, and each id
//! written beside its own edge.

use mlkg::export::{self, Filter, Format, Options};
use mlkg::graph::{Document, Graph, Source};

/// Two nodes joined three times by one relation (notes tell the copies
/// apart) and once by another in between. Checking refuses such a file, but
/// a graph built from an unchecked document (an import) can hold it.
fn repeated() -> Graph {
    let text = r#"(
        kinds: {"thing": (label: "Thing")},
        relations: {"r": (label: "r"), "s": (label: "s")},
        nodes: [
            (id: "a", kind: "thing", label: "A"),
            (id: "b", kind: "thing", label: "B"),
        ],
        edges: [
            (from: "a", rel: "r", to: "b", note: "first"),
            (from: "a", rel: "s", to: "b", note: "other"),
            (from: "a", rel: "r", to: "b", note: "second"),
            (from: "a", rel: "r", to: "b", note: "third"),
        ],
    )"#;
    let doc: Document = ron::from_str(text).expect("document parses");
    Graph::from_document(doc, Source::Embedded)
}

fn render(graph: &Graph, filter: &Filter, format: Format) -> String {
    let mut out = Vec::new();
    export::write(graph, filter, format, &mut out).expect("export writes");
    String::from_utf8(out).expect("UTF-8")
}

/// The (id, note) pairs of an export, read off each edge's own line or block.
fn pairs(text: &str, format: Format) -> Vec<(String, String)> {
    let notes = ["first", "other", "second", "third"];
    let chunks: Vec<&str> = match format {
        Format::Graphml => text.split("<edge ").skip(1).collect(),
        _ => text.lines().collect(),
    };
    let mut found = Vec::new();
    for chunk in chunks {
        let Some(note) = notes.iter().find(|n| chunk.contains(*n)) else {
            continue;
        };
        let id = ["a|r|b|3", "a|r|b|2", "a|s|b", "a|r|b"]
            .into_iter()
            .find(|id| chunk.contains(id) || chunk.contains(&id.replace('|', "%7C")))
            .unwrap_or_else(|| panic!("no edge id in {chunk:?}"));
        found.push((id.to_string(), note.to_string()));
    }
    found
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(i, n)| (i.to_string(), n.to_string()))
        .collect()
}

#[test]
fn repeated_edges_get_numbered_ids_beside_their_own_edge_in_every_format() {
    let graph = repeated();
    let all = [
        ("a|r|b", "first"),
        ("a|s|b", "other"),
        ("a|r|b|2", "second"),
        ("a|r|b|3", "third"),
    ];
    let want = owned(&all);
    let whole = Filter::default();
    for format in [
        Format::Graphml,
        Format::NeptuneGremlin,
        Format::NeptuneOpencypher,
    ] {
        let text = if format.is_folder() {
            let dir = tempfile::tempdir().expect("temp dir");
            export::write_path(
                &graph,
                &whole,
                format,
                &Options::default(),
                dir.path(),
                None,
            )
            .expect("folder writes");
            std::fs::read_to_string(dir.path().join("edges.csv")).expect("edges.csv")
        } else {
            render(&graph, &whole, format)
        };
        assert_eq!(pairs(&text, format), want, "{format:?}:\n{text}");
    }
    let triples = render(&graph, &whole, Format::Ntriples);
    let notes: Vec<&str> = triples.lines().filter(|l| l.contains("/note>")).collect();
    assert_eq!(
        pairs(&notes.join("\n"), Format::Ntriples),
        want,
        "{triples}"
    );
}

#[test]
fn a_filtered_export_numbers_only_the_edges_it_keeps() {
    let graph = repeated();
    let only_r = Filter {
        rels: vec!["r".into()],
        ..Filter::default()
    };
    let text = render(&graph, &only_r, Format::Graphml);
    let want = [
        ("a|r|b", "first"),
        ("a|r|b|2", "second"),
        ("a|r|b|3", "third"),
    ];
    assert_eq!(pairs(&text, Format::Graphml), owned(&want), "{text}");
}
