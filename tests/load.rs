//! Loading and validation: every problem is found, each at its line and column.

use std::path::PathBuf;

use mlkg::graph::load::{load_bytes, load_embedded, load_path, load_str};
use mlkg::graph::{Diagnostic, LoadError, Severity, Source};

const HEAD: &str = r#"(
    kinds: {"algorithm": (label: "Algorithm", color: "cyan"), "format": (label: "Format")},
    relations: {
        "accepts": (label: "accepts", inverse: "accepted by", from: ["algorithm"], to: ["format"]),
        "contrasts": (label: "contrasts with", symmetric: true),
    },
"#;

fn source() -> Source {
    Source::File(PathBuf::from("t.ron"))
}

/// Loads a graph made of HEAD and the given nodes and edges; returns every diagnostic.
fn diagnostics(body: &str) -> Vec<Diagnostic> {
    match load_str(&format!("{HEAD}{body}\n)"), source()) {
        Ok(loaded) => loaded.warnings,
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics,
        Err(e) => panic!("unexpected error {e}"),
    }
}

fn errors(body: &str) -> Vec<(usize, usize, String)> {
    diagnostics(body)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.line, d.col, d.message))
        .collect()
}

const NODES: &str = r#"    nodes: [
        (id: "xgboost", kind: "algorithm", label: "XGBoost"),
        (id: "csv", kind: "format", label: "CSV", aliases: ["text/csv"]),
    ],
"#;

#[test]
fn a_valid_graph_loads_with_no_problem() {
    let d = diagnostics(&format!(
        "{NODES}    edges: [(from: \"xgboost\", rel: \"accepts\", to: \"csv\")],"
    ));
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn the_embedded_graph_is_valid_and_embedded() {
    let loaded = load_embedded().expect("embedded graph loads");
    assert!(loaded.graph.node_count() > 20);
    assert!(loaded.graph.find("xgboost").is_some());
    assert_eq!(loaded.graph.source, Source::Embedded);
}

#[test]
fn a_syntax_error_names_line_and_column_and_shows_the_line() {
    let d =
        diagnostics("    nodes: [(id: \"a\" kind: \"algorithm\", label: \"A\")],\n    edges: [],");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].line, d[0].col), (7, 22));
    assert!(d[0].message.starts_with("RON syntax"), "{}", d[0].message);
    let shown = d[0].to_string();
    assert!(shown.contains("t.ron:7:22"), "{shown}");
    let lines: Vec<&str> = shown.lines().collect();
    let src = lines
        .iter()
        .position(|l| l.contains("(id: \"a\" kind"))
        .expect("source line shown");
    let code_col = lines[src].find("    nodes").unwrap();
    let caret_col = lines[src + 1].find('^').unwrap();
    assert_eq!(caret_col - code_col, 21, "caret under column 22:\n{shown}");
}

#[test]
fn duplicate_ids_point_at_the_second_and_name_the_first() {
    let e = errors(
        "    nodes: [\n        (id: \"a\", kind: \"format\", label: \"A\"),\n        (id: \"a\", kind: \"format\", label: \"B\"),\n    ],\n    edges: [(from: \"a\", rel: \"contrasts\", to: \"a\")],",
    );
    assert_eq!(e, vec![(9, 14, "duplicate node id \"a\"".to_string())]);
}

#[test]
fn a_dangling_edge_suggests_the_closest_ids() {
    let d = diagnostics(&format!(
        "{NODES}    edges: [(from: \"xgbost\", rel: \"accepts\", to: \"csv\")],"
    ));
    let e: Vec<&Diagnostic> = d.iter().filter(|d| d.is_error()).collect();
    assert_eq!(e.len(), 1, "{d:?}");
    assert_eq!((e[0].line, e[0].col), (11, 20));
    assert_eq!(e[0].id.as_deref(), Some("xgbost"));
    assert_eq!(e[0].help.as_deref(), Some("did you mean \"xgboost\"?"));
}

#[test]
fn undeclared_kind_and_relation_are_errors() {
    let e = errors(
        "    nodes: [(id: \"a\", kind: \"algoritm\", label: \"A\"), (id: \"b\", kind: \"format\", label: \"B\")],\n    edges: [(from: \"a\", rel: \"acepts\", to: \"b\")],",
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!((e[0].0, e[0].1), (7, 29));
    assert!(e[0].2.contains("undeclared kind \"algoritm\""));
    assert_eq!((e[1].0, e[1].1), (8, 30));
    assert!(e[1].2.contains("undeclared relation \"acepts\""));
}

#[test]
fn an_edge_outside_its_relation_kinds_is_an_error() {
    let e = errors(&format!(
        "{NODES}    edges: [(from: \"csv\", rel: \"accepts\", to: \"xgboost\")],"
    ));
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].2.contains("cannot go from a node of kind \"format\""),
        "{e:?}"
    );
    assert!(
        e[1].2.contains("cannot go to a node of kind \"algorithm\""),
        "{e:?}"
    );
    assert_eq!((e[0].0, e[0].1), (11, 20));
}

#[test]
fn bad_ids_and_empty_labels_are_errors() {
    let e = errors(
        "    nodes: [(id: \"Bad Id\", kind: \"format\", label: \"  \")],\n    edges: [(from: \"Bad Id\", rel: \"contrasts\", to: \"Bad Id\")],",
    );
    let msgs: Vec<&str> = e.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(
        msgs,
        vec![
            "bad node id \"Bad Id\"",
            "node \"Bad Id\" has an empty label"
        ]
    );
    assert_eq!((e[0].0, e[0].1), (7, 18));
    assert_eq!((e[1].0, e[1].1), (7, 51));
}

#[test]
fn duplicate_edges_are_errors_both_ways_for_symmetric_relations() {
    let body = format!(
        "{NODES}    edges: [\n        (from: \"xgboost\", rel: \"accepts\", to: \"csv\"),\n        (from: \"xgboost\", rel: \"accepts\", to: \"csv\", note: \"again\"),\n        (from: \"xgboost\", rel: \"contrasts\", to: \"csv\"),\n        (from: \"csv\", rel: \"contrasts\", to: \"xgboost\"),\n    ],"
    );
    let e = errors(&body);
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!((e[0].0, e[0].1), (13, 9));
    assert!(e[0].2.starts_with("duplicate edge xgboost -accepts-> csv"));
    assert_eq!((e[1].0, e[1].1), (15, 9));
}

#[test]
fn duplicate_edges_to_a_missing_node_are_found_by_their_ids() {
    let body = format!(
        "{NODES}    edges: [\n        (from: \"xgboost\", rel: \"accepts\", to: \"tsv\"),\n        (from: \"xgboost\", rel: \"accepts\", to: \"tsv\"),\n        (from: \"xgboost\", rel: \"contrasts\", to: \"gone\"),\n        (from: \"gone\", rel: \"contrasts\", to: \"xgboost\"),\n    ],"
    );
    let e = errors(&body);
    let duplicates: Vec<_> = e
        .iter()
        .filter(|e| e.2.starts_with("duplicate edge"))
        .collect();
    assert_eq!(duplicates.len(), 2, "{e:?}");
    assert_eq!((duplicates[0].0, duplicates[0].1), (13, 9));
    assert_eq!((duplicates[1].0, duplicates[1].1), (15, 9));
    assert_eq!(
        e.iter().filter(|e| e.2.contains("no node")).count(),
        4,
        "{e:?}"
    );
}

#[test]
fn long_ids_that_start_alike_are_different_nodes() {
    let body = "    nodes: [\n        (id: \"gradient_boosted_trees.a\", kind: \"algorithm\", label: \"A\"),\n        (id: \"gradient_boosted_trees.b\", kind: \"format\", label: \"B\"),\n        (id: \"gradient_boosted_trees\", kind: \"format\", label: \"C\"),\n    ],\n    edges: [\n        (from: \"gradient_boosted_trees.a\", rel: \"accepts\", to: \"gradient_boosted_trees.b\"),\n        (from: \"gradient_boosted_trees.a\", rel: \"accepts\", to: \"gradient_boosted_trees\"),\n        (from: \"gradient_boosted_trees.a\", rel: \"accepts\", to: \"gradient_boosted_trees.c\"),\n    ],";
    let e = errors(body);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].2.contains("no node \"gradient_boosted_trees.c\""),
        "{e:?}"
    );
    let fixed = body.replace(
        "        (from: \"gradient_boosted_trees.a\", rel: \"accepts\", to: \"gradient_boosted_trees.c\"),\n",
        "",
    );
    let loaded = load_str(&format!("{HEAD}{fixed}\n)"), source()).expect("loads");
    assert_eq!(loaded.graph.edge_count(), 2);
}

#[test]
fn orphans_and_shared_names_are_warnings_not_errors() {
    let body = "    nodes: [\n        (id: \"a\", kind: \"format\", label: \"Image classification\"),\n        (id: \"b\", kind: \"algorithm\", label: \"Image Classification\"),\n        (id: \"c\", kind: \"format\", label: \"C\"),\n    ],\n    edges: [(from: \"b\", rel: \"accepts\", to: \"a\")],";
    let loaded =
        load_str(&format!("{HEAD}{body}\n)"), source()).expect("warnings do not stop loading");
    let w: Vec<(usize, String)> = loaded
        .warnings
        .iter()
        .map(|d| (d.line, d.message.clone()))
        .collect();
    assert_eq!(w.len(), 2, "{w:?}");
    assert!(
        w[0].1
            .contains("\"image classification\" names both \"a\" (format) and \"b\" (algorithm)"),
        "{w:?}"
    );
    assert_eq!(w[0].0, 9);
    assert_eq!(w[1], (10, "node \"c\" has no edges".to_string()));
}

#[test]
fn every_problem_is_reported_at_once_even_after_a_syntax_error() {
    let text = std::fs::read_to_string("tests/fixtures/three-problems.ron").unwrap();
    let Err(LoadError::Invalid { diagnostics, .. }) = load_str(&text, source()) else {
        panic!("must fail")
    };
    let found: Vec<(usize, usize, &str)> = diagnostics
        .iter()
        .map(|d| (d.line, d.col, d.message.as_str()))
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!((found[0].0, found[0].1), (10, 67));
    assert!(found[0].2.starts_with("RON syntax"));
    assert_eq!(found[1], (11, 14, "duplicate node id \"csv\""));
    assert_eq!(
        found[2],
        (
            15,
            47,
            "edge xgboost -accepts-> parquett: no node \"parquett\""
        )
    );
}

#[test]
fn json_loads_the_same_fields() {
    let json = r#"{"kinds": {"a": {"label": "A"}}, "relations": {}, "nodes": [{"id": "x", "kind": "b", "label": "X"}], "edges": []}"#;
    let Err(LoadError::Invalid { diagnostics, .. }) = load_str(json, source()) else {
        panic!("must fail")
    };
    let diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!((diagnostics[0].line, diagnostics[0].col), (1, 81));
    let broken = "{\"kinds\": {}\n, \"nodes\": [}";
    let Err(LoadError::Invalid { diagnostics, .. }) = load_str(broken, source()) else {
        panic!("must fail")
    };
    assert_eq!((diagnostics[0].line, diagnostics[0].col), (2, 13));
    assert!(diagnostics[0].message.starts_with("JSON syntax"));
}

#[test]
fn unknown_fields_are_errors_naming_the_field() {
    let e = errors(
        "    nodes: [(id: \"a\", kind: \"format\", label: \"A\", colour: \"red\")],\n    edges: [],",
    );
    assert_eq!(e.len(), 1);
    assert!(e[0].2.contains("colour"), "{e:?}");
    assert_eq!(e[0].0, 7);
}

#[test]
fn odd_input_gives_errors_not_panics() {
    for text in [
        "",
        "   \n ",
        "(",
        ")",
        "[",
        "((((",
        "\"",
        "r#\"",
        "/*",
        "(nodes: [(id: \"a\", kind: \"k\", label: \"A\"),",
        "{",
        "{\"nodes\": [{\"id\": 1}]}",
        "\0",
    ] {
        let r = load_str(text, source());
        let Err(LoadError::Invalid { diagnostics, .. }) = r else {
            panic!("{text:?} must be invalid")
        };
        assert!(!diagnostics.is_empty(), "{text:?}");
        assert!(
            diagnostics.iter().all(|d| d.line >= 1 && d.col >= 1),
            "{text:?}"
        );
    }
}

#[test]
fn invalid_utf8_is_pointed_at() {
    let Err(LoadError::Invalid { diagnostics, .. }) =
        load_bytes(b"(\n  kinds: {\"\xff\"", source())
    else {
        panic!("must fail")
    };
    assert_eq!((diagnostics[0].line, diagnostics[0].col), (2, 12));
    assert!(diagnostics[0].message.contains("UTF-8"));
}

#[test]
fn a_bom_and_crlf_line_endings_load() {
    let text = std::fs::read_to_string("tests/fixtures/small.ron")
        .unwrap()
        .replace('\n', "\r\n");
    let loaded = load_str(&format!("\u{feff}{text}"), source()).expect("BOM and CRLF load");
    assert!(loaded.graph.find("xgboost").is_some());
}

#[test]
fn a_directory_or_missing_file_is_an_io_error() {
    for path in ["tests", "tests/fixtures/no-such-file.ron"] {
        let Err(LoadError::Io { path: p, .. }) = load_path(std::path::Path::new(path)) else {
            panic!("{path} must fail")
        };
        assert_eq!(p, path);
    }
}

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

/// The fast reader of plain RON gives what `ron` gives, or leaves the text
/// to `ron`: on every file of the load fuzzing corpus (damaged on purpose)
/// and the fixtures, each of which it reads when `ron` does.
#[test]
fn the_plain_reader_agrees_with_ron_on_the_corpus_and_the_fixtures() {
    let mut files = 0;
    for dir in ["tests/fuzz-corpus/load", "tests/fixtures"] {
        for entry in std::fs::read_dir(dir).expect("the corpus is there") {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("readable");
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            files += 1;
            let plain = mlkg::graph::load::plain::parse(text);
            let by_ron = ron::Options::default().from_str::<mlkg::graph::Document>(text);
            if let Some(doc) = &plain {
                assert_eq!(Some(doc), by_ron.as_ref().ok(), "{}", path.display());
            }
            if dir == "tests/fixtures" && by_ron.is_ok() {
                assert!(plain.is_some(), "{} is plain RON", path.display());
            }
        }
    }
    assert!(files > 100, "{files} files");
}

/// A large synthetic graph, as the benchmarks use, reads the same both ways.
#[test]
fn the_plain_reader_reads_a_synthetic_graph_as_ron_does() {
    let mut bytes = Vec::new();
    synth::write_graph(3_000, 5, &mut bytes).expect("generate");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let doc = mlkg::graph::load::plain::parse(&text).expect("plain RON");
    let by_ron = ron::Options::default()
        .from_str::<mlkg::graph::Document>(&text)
        .expect("valid RON");
    assert_eq!(doc.nodes.len(), 3_000);
    assert_eq!(doc, by_ron);
}

/// A file loaded for a command (no warnings, its text freed once parsed)
/// reports the same errors, at the same places, as `mlkg check` does; a
/// valid one gives the same graph.
#[test]
fn a_file_loaded_for_a_command_reports_what_check_reports() {
    use mlkg::graph::check::Warnings;
    use mlkg::graph::load::load_path_with;
    let dir = tempfile::tempdir().expect("temp dir");
    let bodies = [
        format!("{NODES}    edges: [(from: \"xgboost\", rel: \"accepts\", to: \"csv\")],"),
        format!("{NODES}    edges: [(from: \"xgbost\", rel: \"accepts\", to: \"csv\")],"),
        format!("{NODES}    edges: [(from: \"csv\", rel: \"accepts\", to: \"xgboost\")],"),
        "    nodes: [\n        (id: \"a\", kind: \"format\", label: \"A\"),\n        (id: \"a\", kind: \"format\", label: \"B\"),\n    ],\n    edges: [(from: \"a\", rel: \"contrasts\", to: \"a\")],".to_string(),
        format!("{NODES}    edges: [(from: \"xgboost\", rel: \"acepts\", to: \"csv\"), (from: \"xgboost\" rel: \"accepts\", to: \"csv\")],"),
        format!("{NODES}    edges: [(from: \"xgboost\", rel: \"accepts\", to: \"csv\"), (from: \"xgboost\", rel: \"accepts\", to: \"csv\")],"),
    ];
    let mut files: Vec<Vec<u8>> = bodies
        .iter()
        .map(|b| format!("{HEAD}{b}\n)").into_bytes())
        .collect();
    files.push(b"(nodes: [(id: \"a\", kind: \"k\", label: \"\xff\")])".to_vec());
    files.push(format!("\u{feff}{HEAD}{NODES}\n)").into_bytes());
    let errors_of = |r: Result<mlkg::graph::load::Loaded, LoadError>| match r {
        Ok(loaded) => Ok(loaded.graph.to_document()),
        Err(LoadError::Invalid { diagnostics, .. }) => Err(diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect::<Vec<_>>()),
        Err(e) => panic!("unexpected error {e}"),
    };
    let mut invalid = 0;
    for (i, bytes) in files.iter().enumerate() {
        let path = dir.path().join(format!("g{i}.ron"));
        std::fs::write(&path, bytes).expect("write");
        let checked = errors_of(load_path(&path));
        let quiet = errors_of(load_path_with(&path, Warnings::Skip));
        assert_eq!(quiet, checked, "file {i}");
        invalid += usize::from(checked.is_err());
    }
    assert_eq!(invalid, files.len() - 2);
}

/// A graph built from what validation resolved is the graph built by
/// looking each end up: with a missing end, and (left to the lookups) with
/// a repeated id or ends that do not match the edges.
#[test]
fn a_graph_built_from_resolved_ends_is_the_graph_built_by_lookups() {
    use mlkg::graph::check::{Warnings, validate_resolving};
    use mlkg::graph::span::Spans;
    use mlkg::graph::{Document, Graph};
    let text = format!(
        "{HEAD}    nodes: [\n        (id: \"a\", kind: \"algorithm\", label: \"A\"),\n        (id: \"b\", kind: \"format\", label: \"B\"),\n        (id: \"a\", kind: \"format\", label: \"A again\"),\n        (id: \"c\", kind: \"format\", label: \"C\"),\n    ],\n    edges: [\n        (from: \"a\", rel: \"accepts\", to: \"c\"),\n        (from: \"c\", rel: \"contrasts\", to: \"b\"),\n        (from: \"a\", rel: \"accepts\", to: \"gone\"),\n        (from: \"b\", rel: \"contrasts\", to: \"a\"),\n    ],\n)"
    );
    let doc: Document = ron::Options::default().from_str(&text).expect("RON");
    let check =
        |doc: &Document| validate_resolving(doc, &Spans::pending(), "t.ron", Warnings::Skip);
    let (found, resolved) = check(&doc);
    assert!(
        !found.is_empty(),
        "the repeated id and the missing end are errors"
    );
    assert_eq!(resolved.ends, vec![[0, 3], [3, 1], [0, u32::MAX], [1, 0]]);
    assert_eq!(resolved.index.len(), 3);
    let by_lookups = Graph::from_document(doc.clone(), source());
    let built = Graph::from_checked(doc.clone(), resolved, source());
    assert_eq!(built.node_count(), 3);
    assert_eq!(built.edge_count(), 3);
    assert_eq!(built.to_document(), by_lookups.to_document());
    // Without the repeated id, from the ends alone.
    let mut distinct = doc.clone();
    distinct.nodes[2].id = "d".into();
    let (_, resolved) = check(&distinct);
    assert_eq!(resolved.ends, vec![[0, 3], [3, 1], [0, u32::MAX], [1, 0]]);
    let by_lookups = Graph::from_document(distinct.clone(), source());
    let built = Graph::from_checked(distinct.clone(), resolved, source());
    assert_eq!(built.node_count(), 4);
    assert_eq!(built.edge_count(), 3);
    assert_eq!(built.to_document(), by_lookups.to_document());
    assert_eq!(built.find("d"), by_lookups.find("d"));
    // Ends that do not match the edges are not trusted.
    let (_, mut resolved) = check(&distinct);
    resolved.ends.truncate(1);
    let short = Graph::from_checked(distinct, resolved, source());
    assert_eq!(short.to_document(), by_lookups.to_document());
}

/// Duplicate edges are listed in file order, each where its edge is among
/// the edge's other problems, however many there are and however the
/// search for them is split between cores.
#[test]
fn duplicate_edges_are_listed_in_file_order_among_the_other_problems() {
    // Pairs of nodes, each pair's edge twice, then an edge its relation
    // does not allow: enough edges for the search to be shared out.
    let pairs = 6_000;
    let mut nodes = String::from("    nodes: [\n");
    let mut edges = String::from("    edges: [\n");
    for i in 0..pairs {
        nodes.push_str(&format!(
            "        (id: \"a{i}\", kind: \"algorithm\", label: \"A{i}\"),\n        (id: \"f{i}\", kind: \"format\", label: \"F{i}\"),\n"
        ));
        let edge = format!("        (from: \"a{i}\", rel: \"accepts\", to: \"f{i}\"),\n");
        edges.push_str(&edge);
        edges.push_str(&edge);
        edges.push_str(&format!(
            "        (from: \"f{i}\", rel: \"accepts\", to: \"a{i}\"),\n"
        ));
    }
    let d = diagnostics(&format!("{nodes}    ],\n{edges}    ],"));
    let duplicates: Vec<&Diagnostic> = d
        .iter()
        .filter(|d| d.message.contains("duplicate edge"))
        .collect();
    assert_eq!(duplicates.len(), mlkg::graph::SHOWN_PER_KIND + 1);
    // The i-th duplicate is the second edge of pair i, 3 lines each.
    let first_edge_line = 1 + HEAD.lines().count() + 1 + 2 * pairs + 2;
    for (i, dup) in duplicates.iter().enumerate() {
        assert_eq!(dup.line, first_edge_line + 3 * i + 1, "{dup}");
        assert!(
            dup.message.contains(&format!("a{i} -accepts-> f{i}")),
            "{dup}"
        );
    }
    assert_eq!(duplicates.last().map(|d| d.more), Some(pairs - 51));
}

/// Where problems share a position (a GraphML file's edges are not placed
/// by line), they come in the order of the edges they are about.
#[test]
fn problems_at_one_position_come_in_edge_order() {
    let edge = |id: &str, from: &str, to: &str| {
        format!(
            "<edge id=\"{id}\" source=\"{from}\" target=\"{to}\"><data key=\"e0\">accepts</data></edge>"
        )
    };
    let relations = "{&quot;accepts&quot;:{&quot;label&quot;:&quot;accepts&quot;,&quot;from&quot;:[&quot;algorithm&quot;],&quot;to&quot;:[&quot;format&quot;]}}";
    let kinds = "{&quot;algorithm&quot;:{&quot;label&quot;:&quot;Algorithm&quot;},&quot;format&quot;:{&quot;label&quot;:&quot;Format&quot;}}";
    let text = format!(
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"gk\" for=\"graph\" attr.name=\"mlkg.kinds\" attr.type=\"string\"/>\n<key id=\"gr\" for=\"graph\" attr.name=\"mlkg.relations\" attr.type=\"string\"/>\n<key id=\"n0\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n<key id=\"e0\" for=\"edge\" attr.name=\"rel\" attr.type=\"string\"/>\n<graph id=\"g\" edgedefault=\"directed\"><data key=\"gk\">{kinds}</data><data key=\"gr\">{relations}</data>\n<node id=\"x\"><data key=\"n0\">algorithm</data></node><node id=\"c\"><data key=\"n0\">format</data></node><node id=\"j\"><data key=\"n0\">format</data></node>\n{}{}{}{}{}{}\n</graph></graphml>\n",
        edge("e0", "x", "c"),
        edge("e1", "x", "c"),
        edge("e2", "c", "x"),
        edge("e3", "x", "j"),
        edge("e4", "x", "j"),
        edge("e5", "j", "x"),
    );
    let problems: Vec<String> = match load_str(&text, Source::File(PathBuf::from("g.graphml"))) {
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics
            .into_iter()
            .map(|d| {
                let what = if d.message.starts_with("duplicate") {
                    "dup"
                } else {
                    "kind"
                };
                format!("{what} {}", d.message.split(':').next().unwrap_or_default())
            })
            .collect(),
        other => panic!("expected errors, got {other:?}"),
    };
    assert_eq!(
        problems,
        [
            "dup duplicate edge x -accepts-> c",
            "kind edge c -accepts-> x",
            "kind edge c -accepts-> x",
            "dup duplicate edge x -accepts-> j",
            "kind edge j -accepts-> x",
            "kind edge j -accepts-> x",
        ]
    );
}
