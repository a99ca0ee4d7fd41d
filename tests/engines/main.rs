//! The engine exports (GraphML, Turtle, N-Triples, the CSV folders): their
//! structure on the embedded graph, and hostile text surviving each. The
//! modules check GraphML read back, the pictures (DOT, Mermaid), export
//! targets that are not plain files, and the exports read by real tools
//! (Python's packages, Mermaid in Chromium): one test binary, so the tests
//! that wait on those tools overlap with the rest.

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use mlkg::export::{self, Filter, Format, Options};
use mlkg::graph::load::load_embedded;

fn mlkg() -> Command {
    Command::cargo_bin("mlkg").unwrap()
}

#[path = "../common/hostile.rs"]
mod hostile;

mod browser;
mod files;
mod graphml;
mod pictures;
mod py;

use hostile::{HOSTILE, hostile_graph};

fn export_string(graph: &mlkg::graph::Graph, format: Format) -> String {
    let mut out = Vec::new();
    export::write(graph, &Filter::default(), format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn format_from_path_reads_extensions_and_folder_names() {
    for (path, want) in [
        ("g.dot", Some(Format::Dot)),
        ("g.GV", Some(Format::Dot)),
        ("g.json", Some(Format::Json)),
        ("g.mmd", Some(Format::Mermaid)),
        ("x/g.graphml", Some(Format::Graphml)),
        ("g.ttl", Some(Format::Turtle)),
        ("g.nt", Some(Format::Ntriples)),
        ("out/graph-neo4j", Some(Format::Neo4j)),
        ("graph-gremlin/", Some(Format::NeptuneGremlin)),
        ("graph_opencypher", Some(Format::NeptuneOpencypher)),
        ("notes.txt", None),
        ("folder", None),
    ] {
        assert_eq!(Format::from_path(Path::new(path)), want, "{path}");
    }
    assert!(Format::Neo4j.is_folder() && !Format::Graphml.is_folder());
}

#[test]
fn graphml_of_the_embedded_graph_declares_typed_keys_and_every_edge_with_an_id() {
    let graph = load_embedded().unwrap().graph;
    let xml = export_string(&graph, Format::Graphml);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let g = doc.descendants().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(g.attribute("edgedefault"), Some("directed"));
    let nodes = g.children().filter(|n| n.has_tag_name("node")).count();
    let edges: Vec<_> = g.children().filter(|n| n.has_tag_name("edge")).collect();
    assert_eq!(
        (nodes, edges.len()),
        (graph.node_count(), graph.edge_count())
    );
    let ids: std::collections::HashSet<_> =
        edges.iter().filter_map(|e| e.attribute("id")).collect();
    assert_eq!(ids.len(), edges.len(), "every edge has its own id");
    let keys: BTreeMap<&str, (&str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .map(|k| {
            (
                k.attribute("id").unwrap(),
                (
                    k.attribute("attr.name").unwrap(),
                    k.attribute("attr.type").unwrap(),
                ),
            )
        })
        .collect();
    let required = keys
        .iter()
        .find(|(id, (name, _))| id.starts_with("ep") && *name == "required")
        .expect("a key for the required mark on edges");
    assert_eq!(required.1.1, "boolean");
    let marked = edges
        .iter()
        .flat_map(|e| e.children())
        .filter(|d| d.attribute("key") == Some(required.0) && d.text() == Some("true"))
        .count();
    let want = graph
        .to_document()
        .edges
        .iter()
        .filter(|e| e.props.get("required").is_some_and(|v| v == "true"))
        .count();
    assert!(want > 0);
    assert_eq!(marked, want);
}

/// The text of the first `<data>` with a key named `name` under a node.
fn graphml_value(xml: &str, node: &str, name: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let key = doc
        .descendants()
        .find(|k| k.has_tag_name("key") && k.attribute("attr.name") == Some(name))?
        .attribute("id")?
        .to_string();
    let n = doc
        .descendants()
        .find(|n| n.has_tag_name("node") && n.attribute("id") == Some(node))?;
    n.children()
        .find(|d| d.attribute("key") == Some(key.as_str()))
        .and_then(|d| d.text().map(str::to_string))
}

#[test]
fn hostile_text_survives_graphml_with_only_xml_forbidden_characters_made_visible() {
    let xml = export_string(&hostile_graph(), Format::Graphml);
    let want = export::graphml::xml_text(HOSTILE).into_owned();
    assert!(want.contains("\\u{1b}") && want.contains('\r') && want.contains('\u{202e}'));
    for field in ["label", "summary", "notes", "p q"] {
        assert_eq!(
            graphml_value(&xml, "a", field).as_deref(),
            Some(want.as_str()),
            "{field}"
        );
    }
}

/// Every literal of a subject and predicate, read back by oxttl.
fn rdf_literals(text: &str, turtle: bool, subject_end: &str, pred_end: &str) -> Vec<String> {
    let triples: Vec<oxrdf::Triple> = if turtle {
        oxttl::TurtleParser::new()
            .for_slice(text.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap()
    } else {
        oxttl::NTriplesParser::new()
            .for_slice(text.as_bytes())
            .collect::<Result<_, _>>()
            .unwrap()
    };
    triples
        .iter()
        .filter(|t| t.subject.to_string().ends_with(subject_end))
        .filter(|t| t.predicate.as_str().ends_with(pred_end))
        .filter_map(|t| match &t.object {
            oxrdf::Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn hostile_text_survives_turtle_and_ntriples_exactly() {
    let graph = hostile_graph();
    for (format, turtle) in [(Format::Turtle, true), (Format::Ntriples, false)] {
        let text = export_string(&graph, format);
        for pred in ["#label", "vocab/summary", "vocab/notes", "prop/p%20q"] {
            assert_eq!(
                rdf_literals(&text, turtle, "node/a>", pred),
                [HOSTILE],
                "{format:?} {pred}"
            );
        }
        let mut aliases = rdf_literals(&text, turtle, "node/a>", "vocab/alias");
        aliases.sort();
        assert_eq!(aliases, [HOSTILE, "two"]);
        let note = rdf_literals(&text, turtle, "edge/a%7Cr%7Cb>", "vocab/note");
        assert_eq!(
            note,
            [HOSTILE],
            "the edge note rides on the reified statement"
        );
    }
}

/// An RFC 4180 reader, strict enough to fail on broken quoting.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(field.is_empty(), "a quote inside an unquoted field");
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "rows end in CRLF"),
            (false, '\n') => panic!("a bare line feed ends a row"),
            (false, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(
        !quoted && row.is_empty() && field.is_empty(),
        "the file ends a row"
    );
    rows
}

/// The rows of a CSV file as maps from header to value.
fn csv_records(path: &Path) -> Vec<BTreeMap<String, String>> {
    let rows = read_csv(&std::fs::read_to_string(path).unwrap());
    let header = &rows[0];
    rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), header.len(), "every row has every column");
            header.iter().cloned().zip(r.iter().cloned()).collect()
        })
        .collect()
}

fn export_folder(graph: &mlkg::graph::Graph, format: Format) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let opts = Options::default();
    export::write_path(graph, &Filter::default(), format, &opts, dir.path(), None).unwrap();
    dir
}

#[test]
fn hostile_text_survives_the_csv_folders_with_the_documented_escapes() {
    let graph = hostile_graph();
    let escaped = HOSTILE.replace(';', "\\;");
    for (format, id, name, aliases, edges) in [
        (
            Format::NeptuneGremlin,
            "~id",
            "name:String",
            "aliases:String[]",
            "edges.csv",
        ),
        (
            Format::NeptuneOpencypher,
            "id:ID",
            "name:String",
            "aliases:String[]",
            "edges.csv",
        ),
        (
            Format::Neo4j,
            "id:ID(Node)",
            "name",
            "aliases:string[]",
            "relationships.csv",
        ),
    ] {
        let dir = export_folder(&graph, format);
        let nodes = csv_records(&dir.path().join("nodes.csv"));
        let a = nodes.iter().find(|n| n[id] == "a").expect("node a");
        let neo = format == Format::Neo4j;
        let want = if neo { HOSTILE } else { escaped.as_str() };
        assert_eq!(a[name], want, "{format:?}");
        let delim = if neo { "|" } else { ";" };
        assert_eq!(a[aliases], format!("{want}{delim}two"), "{format:?}");
        let rels = csv_records(&dir.path().join(edges));
        assert_eq!(rels.len(), 1);
        let note = rels[0]
            .iter()
            .find(|(k, _)| k.starts_with("note"))
            .unwrap()
            .1;
        assert_eq!(note, want);
        let load = std::fs::read_to_string(dir.path().join("LOAD.md")).unwrap();
        if neo {
            assert!(load.contains("--array-delimiter=\"U+007C\""), "{load}");
        }
    }
}

#[test]
fn csv_headers_follow_each_loaders_grammar_and_every_edge_end_is_a_node() {
    let graph = load_embedded().unwrap().graph;
    let types = [
        "Bool", "Long", "Double", "String", "boolean", "long", "double", "string",
    ];
    for (format, id_col, edges, system) in [
        (
            Format::NeptuneGremlin,
            "~id",
            "edges.csv",
            &["~id", "~from", "~to", "~label"][..],
        ),
        (
            Format::NeptuneOpencypher,
            "id:ID",
            "edges.csv",
            &[":ID", ":START_ID", ":END_ID", ":TYPE"][..],
        ),
        (
            Format::Neo4j,
            "id:ID(Node)",
            "relationships.csv",
            &[":START_ID(Node)", ":END_ID(Node)", ":TYPE"][..],
        ),
    ] {
        let dir = export_folder(&graph, format);
        let nodes = csv_records(&dir.path().join("nodes.csv"));
        let rels = csv_records(&dir.path().join(edges));
        assert_eq!(
            (nodes.len(), rels.len()),
            (graph.node_count(), graph.edge_count())
        );
        let header: Vec<String> = rels[0].keys().cloned().collect();
        for s in system {
            assert!(header.iter().any(|h| h == s), "{format:?} lacks {s}");
        }
        for h in nodes[0].keys().chain(rels[0].keys()) {
            assert!(
                !h.contains([' ', ',', '\r', '\n']),
                "{format:?} header {h:?}"
            );
            if let Some((name, ty)) = h.rsplit_once(':')
                && !name.is_empty()
                && !ty.starts_with("ID")
                && !ty.starts_with("START")
                && !ty.starts_with("END")
            {
                assert!(
                    types.contains(&ty.trim_end_matches("[]")),
                    "{format:?} type {h}"
                );
            }
        }
        let ids: std::collections::HashSet<&String> = nodes.iter().map(|n| &n[id_col]).collect();
        let (from, to) = (&system[system.len() - 3], &system[system.len() - 2]);
        for r in &rels {
            assert!(
                ids.contains(&r[*from]) && ids.contains(&r[*to]),
                "{format:?} {r:?}"
            );
        }
    }
}

#[test]
fn folder_formats_need_an_output_folder_and_pick_up_the_format_from_its_name() {
    let out = mlkg()
        .args(["export", "--format", "neo4j"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("-o DIR"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("graph-gremlin");
    mlkg()
        .args(["export", "--root", "xgboost", "-o"])
        .arg(&target)
        .assert()
        .success();
    let nodes = std::fs::read_to_string(target.join("nodes.csv")).unwrap();
    assert!(nodes.starts_with("~id,~label,"), "{nodes}");
    assert!(target.join("LOAD.md").exists() && target.join("edges.csv").exists());
    let file = dir.path().join("g.ttl");
    mlkg().args(["export", "-o"]).arg(&file).assert().success();
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("@prefix rdfs:")
    );
}
