//! GraphML in: `--graph FILE.graphml` reads mlkg's own export back as the
//! same graph, and files as networkx and yEd write them, with errors that
//! name the line and column.

use std::path::PathBuf;

use mlkg::export::Format;
use mlkg::graph::load::{LoadError, Source, load_embedded, load_str};

use crate::export_string;

fn load(text: &str) -> mlkg::graph::Graph {
    load_str(text, Source::File(PathBuf::from("in.graphml")))
        .unwrap_or_else(|e| panic!("{e:?}"))
        .graph
}

#[test]
fn graphml_export_loads_back_as_the_same_graph() {
    let graph = load_embedded().unwrap().graph;
    let back = load(&export_string(&graph, Format::Graphml));
    assert_eq!(
        export_string(&back, Format::Json),
        export_string(&graph, Format::Json),
        "graphml -> --graph -> json gives the json export of the original"
    );
}

#[test]
fn text_that_xml_can_carry_survives_the_round_trip_exactly() {
    let tricky = "a <b> & \"c\" 'd'\r\n\ttab ]]> \u{202e}rtl ✓ 漢字 \\ end; x:y";
    let text = format!(
        "(kinds: {{\"k\": (label: {tricky:?})}}, relations: {{\"r\": (label: {tricky:?})}},\n nodes: [(id: \"a\", kind: \"k\", label: {tricky:?}, aliases: [{tricky:?}], notes: {tricky:?}, props: {{\"label\": {tricky:?}, \"props.x\": \"1\"}}), (id: \"b\", kind: \"k\", label: \"B\")],\n edges: [(from: \"a\", rel: \"r\", to: \"b\", note: {tricky:?}, props: {{\"rel\": \"x\"}})])"
    );
    let graph = load_str(&text, Source::Embedded).unwrap().graph;
    let back = load(&export_string(&graph, Format::Graphml));
    assert_eq!(back.to_document(), graph.to_document());
}

#[test]
fn networkx_style_graphml_takes_kinds_from_type_labels_from_name_and_declares_what_it_uses() {
    let xml = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="type" attr.type="string" />
  <key id="d1" for="node" attr.name="name" attr.type="string" />
  <key id="d2" for="node" attr.name="age" attr.type="long"><default>0</default></key>
  <key id="d3" for="edge" attr.name="label" attr.type="string" />
  <graph edgedefault="directed">
    <node id="Alice"><data key="d0">Person</data><data key="d1">Alice A</data><data key="d2">31</data></node>
    <node id="n1"><data key="d0">Company</data></node>
    <edge source="Alice" target="n1" id="0"><data key="d3">works at</data></edge>
    <edge source="n1" target="Alice" />
  </graph>
</graphml>"#;
    let g = load(xml);
    let alice = g.node(g.find("alice").expect("an id made valid"));
    assert_eq!(
        (alice.kind.as_str(), alice.label.as_str()),
        ("person", "Alice A")
    );
    assert_eq!(alice.props.get("age").map(String::as_str), Some("31"));
    assert_eq!(
        alice.props.get("graphml_id").map(String::as_str),
        Some("Alice")
    );
    let n1 = g.node(g.find("n1").unwrap());
    assert_eq!(
        (n1.label.as_str(), n1.props.get("age").map(String::as_str)),
        ("n1", Some("0"))
    );
    assert_eq!(g.kinds["company"].label, "Company");
    assert_eq!(g.relations["works-at"].label, "works at");
    assert!(
        g.relations.contains_key("related"),
        "an edge without a label"
    );
    assert_eq!(g.edge_count(), 2);
}

#[test]
fn yed_labels_inside_graphics_markup_are_read() {
    let xml = r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30" width="30"/>
      <y:NodeLabel>Gradient descent</y:NodeLabel></y:ShapeNode></data></node>
  </graph>
</graphml>"#;
    let g = load(xml);
    let n = g.node(g.find("n0").unwrap());
    assert_eq!(
        n.props.get("d6").map(String::as_str),
        Some("Gradient descent")
    );
    assert_eq!(n.kind, "node");
}

fn errors(text: &str) -> Vec<(usize, usize, String)> {
    match load_str(text, Source::File(PathBuf::from("bad.graphml"))) {
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics
            .into_iter()
            .map(|d| (d.line, d.col, d.message))
            .collect(),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn broken_graphml_gives_errors_with_line_and_column() {
    let e = errors("<graphml><graph>\n<node id=\"a\">\n</graph></graphml>");
    assert_eq!((e[0].0, e[0].1), (3, 1), "{e:?}");
    assert!(e[0].2.contains("XML syntax"), "{e:?}");
    let e = errors(
        "<graphml><graph>\n  <node id=\"a\"/>\n    <edge source=\"a\" target=\"zz\"/>\n  <node id=\"a\"/></graph></graphml>",
    );
    assert_eq!((e[0].0, e[0].1), (3, 5), "{e:?}");
    assert!(e[0].2.contains("\"zz\""), "{e:?}");
    assert_eq!((e[1].0, e[1].1), (4, 3), "{e:?}");
    assert!(e[1].2.contains("second node"), "{e:?}");
    let e = errors("<notgraphml/>");
    assert!(e[0].2.contains("no <graphml>"), "{e:?}");
    let e = errors("<graphml>&bogus;</graphml>");
    assert!(e[0].2.contains("XML syntax"), "{e:?}");
}

#[test]
fn graph_option_reads_a_graphml_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.graphml");
    assert_cmd::Command::cargo_bin("mlkg")
        .unwrap()
        .args(["export", "--root", "xgboost", "-o"])
        .arg(&file)
        .assert()
        .success();
    let out = assert_cmd::Command::cargo_bin("mlkg")
        .unwrap()
        .arg("--graph")
        .arg(&file)
        .args(["show", "xgboost"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("XGBoost"));
}
