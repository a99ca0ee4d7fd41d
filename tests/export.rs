//! Exports: DOT that an independent parser reads back, JSON that loads back
//! as the same graph, Mermaid, subgraphs, and atomic writes.

use std::path::{Path, PathBuf};

use dot_parser::{ast, canonical};
use mlkg::export::{self, Filter, Format, Selection, WriteError};
use mlkg::graph::load::{load_embedded, load_path, load_str};
use mlkg::graph::{Document, Edge, Graph, Kind, Node, Relation, Source};
use proptest::prelude::*;

fn small() -> Graph {
    load_path(Path::new("tests/fixtures/small.ron"))
        .expect("fixture loads")
        .graph
}

fn render(graph: &Graph, filter: &Filter, format: Format) -> String {
    let mut out = Vec::new();
    export::write(graph, filter, format, &mut out).expect("export writes");
    String::from_utf8(out).expect("UTF-8")
}

/// Parses DOT with the independent parser; returns (node ids, edge count).
fn parse_dot(text: &str) -> (Vec<String>, usize) {
    let parsed =
        ast::Graph::try_from(text).unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{text}"));
    let graph = canonical::Graph::from(parsed);
    let mut ids: Vec<String> = graph
        .nodes
        .set
        .keys()
        .filter(|k| !k.trim_matches('"').starts_with(export::dot::LEGEND_PREFIX))
        .cloned()
        .collect();
    ids.sort();
    (ids, graph.edges.set.len())
}

#[test]
fn dot_of_the_embedded_graph_parses_with_every_node_and_edge() {
    let graph = load_embedded().unwrap().graph;
    let (ids, edges) = parse_dot(&render(&graph, &Filter::default(), Format::Dot));
    assert_eq!(ids.len(), graph.node_count());
    assert_eq!(edges, graph.edge_count());
}

#[test]
fn dot_labels_edges_with_relations_and_colours_nodes_by_kind() {
    let dot = render(&small(), &Filter::default(), Format::Dot);
    assert!(
        dot.contains("\"xgboost\" -> \"csv\" [label=\"accepts\"];"),
        "{dot}"
    );
    assert!(
        dot.contains("\"xgboost\" [label=\"XGBoost\", shape=box, fillcolor=\"#a8e6e6\""),
        "{dot}"
    );
    assert!(
        dot.contains("\"file-mode\" -> \"pipe-mode\" [label=\"contrasts with\", dir=none"),
        "{dot}"
    );
}

#[test]
fn a_subgraph_export_says_what_it_was_cut_from() {
    let graph = small();
    let filter = Filter {
        root: graph.find("kmeans"),
        depth: 1,
        kinds: vec![],
        rels: vec!["accepts".into(), "hyperparameter".into()],
    };
    let dot = render(&graph, &filter, Format::Dot);
    assert!(dot.contains("// subgraph within 1 step(s) of \"kmeans\"; relations accepts, hyperparameter: 5 of 26 nodes, 4 of 31 edges"), "{dot}");
    let (ids, edges) = parse_dot(&dot);
    assert_eq!(ids.len(), 5);
    assert_eq!(edges, 4);
    let kinds = Filter {
        kinds: vec!["format".into()],
        ..Filter::default()
    };
    let sel = Selection::new(&graph, &kinds);
    assert_eq!(sel.nodes.len(), 3);
    assert!(sel.edges.is_empty(), "no edge links two formats");
}

#[test]
fn dot_escapes_quotes_backslashes_newlines_and_keywords() {
    let mut doc = small().to_document();
    doc.nodes[0].label = "say \"hi\"\\".into();
    doc.nodes[1].label = "node\ngraph\r{|}<> \u{1b}[31m".into();
    doc.nodes[2].id = "node".into();
    doc.edges
        .retain(|e| e.from != "supervised-learning" && e.to != "supervised-learning");
    let graph = Graph::from_document(doc, Source::Embedded);
    let dot = render(&graph, &Filter::default(), Format::Dot);
    assert!(dot.contains(r#"[label=<say &#34;hi&#34;&#92;>, "#), "{dot}");
    assert!(
        dot.contains(r#"[label="node\\ngraph\\r{|}<> \\u{1b}[31m""#),
        "{dot}"
    );
    assert!(!dot.contains('\u{1b}'), "no raw escape reaches the output");
    let (ids, edges) = parse_dot(&dot);
    assert_eq!(ids.len(), graph.node_count());
    assert_eq!(edges, graph.edge_count());
}

#[test]
fn json_export_loads_back_as_the_same_graph() {
    let graph = load_embedded().unwrap().graph;
    let json = render(&graph, &Filter::default(), Format::Json);
    let again = load_str(&json, Source::File(PathBuf::from("export.json")))
        .expect("the export loads")
        .graph;
    assert_eq!(again.to_document(), graph.to_document());
}

#[test]
fn json_escapes_characters_a_terminal_would_act_on_but_keeps_them() {
    let mut doc = small().to_document();
    doc.nodes[0].label = "a\u{7f}b\u{9b}c\u{202e}d".into();
    let graph = Graph::from_document(doc.clone(), Source::Embedded);
    let json = render(&graph, &Filter::default(), Format::Json);
    assert!(json.contains(r#""a\u007fb\u009bc\u202ed""#), "{json}");
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back.nodes[0].label, doc.nodes[0].label);
}

#[test]
fn mermaid_is_a_flowchart_with_escaped_labels() {
    let mut doc = small().to_document();
    doc.nodes[0].label = "a \"quoted\" [label] | pipe".into();
    let graph = Graph::from_document(doc, Source::Embedded);
    let m = render(&graph, &Filter::default(), Format::Mermaid);
    assert!(m.lines().any(|l| l == "flowchart LR"), "{m}");
    assert!(
        m.contains("n0[\"a #quot;quoted#quot; #91;label#93; #124; pipe\"]"),
        "{m}"
    );
    assert!(m.contains("n0 -->|\"accepts\"| n6"), "{m}");
    assert_eq!(
        m.lines()
            .filter(|l| ["-->", "---", "==>", "==="].iter().any(|a| l.contains(a)))
            .count(),
        graph.edge_count()
    );
}

#[test]
fn atomic_write_replaces_a_file_only_when_complete() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("graph.dot");
    std::fs::write(&out, "earlier").unwrap();
    let failed = export::write_atomic(&out, None, |w| {
        w.write_all(b"partial")?;
        Err(std::io::Error::other("disk full"))
    });
    assert!(matches!(failed, Err(WriteError::Io { .. })));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "earlier",
        "a failed export leaves the earlier file"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file is left"
    );
    export::write_atomic(&out, None, |w| w.write_all(b"new")).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "new");
}

#[test]
fn atomic_write_refuses_the_input_graph_under_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.ron");
    std::fs::write(&input, "keep").unwrap();
    let hard = dir.path().join("hard.ron");
    std::fs::hard_link(&input, &hard).unwrap();
    let dotted = dir.path().join(".").join("g.ron");
    for target in [&input, &hard, &dotted] {
        let r = export::write_atomic(target, Some(&input), |w| w.write_all(b"x"));
        assert!(matches!(r, Err(WriteError::SameAsInput(_))), "{target:?}");
    }
    #[cfg(unix)]
    {
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        assert!(matches!(
            export::write_atomic(&link, None, |w| w.write_all(b"x")),
            Err(WriteError::Symlink(_))
        ));
    }
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "keep");
}

/// Graphviz's `nop` on a DOT text: its stderr (empty when it parsed cleanly),
/// or None when Graphviz is not installed (CI installs it and sets
/// MLKG_REQUIRE_GRAPHVIZ, which makes its absence a failure).
fn graphviz_nop(dot: &str) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("nop")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        assert!(
            std::env::var_os("MLKG_REQUIRE_GRAPHVIZ").is_none(),
            "MLKG_REQUIRE_GRAPHVIZ is set but Graphviz's nop is missing"
        );
        return None;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let mut stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        stderr.push_str(&format!(" (exit {:?})", out.status.code()));
    }
    Some(stderr)
}

fn arb_graph() -> impl Strategy<Value = Document> {
    let label = "\\PC{0,12}|[\"\\\\{}<>|\\n\\r\\x00\\x1b\\u{9b}\\u{202e}\\u{fffe} ]{0,6}|node|Node|STRICT|graph|subgraph|edge|digraph|</TD>|\\\\N";
    (
        1usize..12,
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                0usize..3,
                any::<prop::sample::Index>(),
            ),
            0..30,
        ),
        prop::collection::vec(label, 12),
    )
        .prop_map(|(n, raw_edges, labels)| {
            let kinds = [("algorithm", "cyan"), ("format", "#123456")]
                .into_iter()
                .map(|(k, c)| {
                    (
                        k.to_string(),
                        Kind {
                            label: k.to_uppercase(),
                            color: c.into(),
                        },
                    )
                })
                .collect();
            let rel = |label: &str, symmetric| Relation {
                label: label.into(),
                inverse: if symmetric {
                    String::new()
                } else {
                    format!("{label} by")
                },
                from: vec![],
                to: vec![],
                symmetric,
                ..Relation::default()
            };
            let relations = [
                ("uses", rel("uses", false)),
                ("contrasts", rel("contrasts with", true)),
                ("node", rel("node \"edge\"", false)),
            ]
            .into_iter()
            .map(|(k, r)| (k.to_string(), r))
            .collect();
            let nodes: Vec<Node> = (0..n)
                .map(|i| Node {
                    id: format!("n{i}.x-y_z").into(),
                    kind: if i % 2 == 0 { "algorithm" } else { "format" }.into(),
                    label: if labels[i].trim().is_empty() {
                        format!("node {i}")
                    } else {
                        labels[i].clone()
                    },
                    aliases: vec![labels[(i + 1) % 12].clone()],
                    summary: labels[(i + 2) % 12].clone(),
                    notes: String::new(),
                    props: Default::default(),
                    sources: vec![],
                })
                .collect();
            let mut edges: Vec<Edge> = Vec::new();
            for (a, r, b) in raw_edges {
                let (a, b) = (a.index(n), b.index(n));
                let rel = ["uses", "contrasts", "node"][r].to_string();
                let dup = edges.iter().any(|e| {
                    e.rel == rel
                        && ((e.from == nodes[a].id && e.to == nodes[b].id)
                            || (rel == "contrasts" && e.from == nodes[b].id && e.to == nodes[a].id))
                });
                if !dup {
                    edges.push(Edge {
                        from: nodes[a].id.clone(),
                        rel: rel.into(),
                        to: nodes[b].id.clone(),
                        note: labels[a].clone(),
                        props: Default::default(),
                    });
                }
            }
            Document {
                name: String::new(),
                kinds,
                relations,
                nodes,
                edges,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_valid_graphs_survive_dot_and_json_export(doc in arb_graph()) {
        let graph = Graph::from_document(doc.clone(), Source::Embedded);
        let dot = render(&graph, &Filter::default(), Format::Dot);
        let (ids, edges) = parse_dot(&dot);
        prop_assert_eq!(ids.len(), graph.node_count());
        prop_assert_eq!(edges, graph.edge_count());
        if let Some(stderr) = graphviz_nop(&dot) {
            prop_assert!(stderr.is_empty(), "nop: {}", stderr);
        }
        let json = render(&graph, &Filter::default(), Format::Json);
        let back = load_str(&json, Source::File(PathBuf::from("p.json")));
        let back = back.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(back.graph.to_document(), doc);
    }
}

#[test]
fn a_missing_folder_is_named_in_the_error_not_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("missing");
    let err = export::write_atomic(&folder.join("graph.dot"), None, |w| w.write_all(b"x"))
        .expect_err("no folder to write in");
    let message = err.to_string();
    assert!(
        message.contains(&format!("the folder {} does not exist", folder.display())),
        "{message}"
    );
    assert!(!message.contains(".mlkg.tmp"), "{message}");
}
