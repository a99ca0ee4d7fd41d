//! The engine exports read by real tools (tests/py/engines_check.py):
//! networkx reads GraphML, rdflib and pyoxigraph read RDF, LadybugDB loads
//! the openCypher CSV, and the CSV headers follow the loaders' grammars.
//! Skipped where Python or its packages are missing, unless
//! MLKG_REQUIRE_PYTHON is set (as .ci/run does, with MLKG_PYTHON naming the
//! interpreter of the virtual environment it makes).

use std::path::{Path, PathBuf};
use std::process::Command;

use mlkg::export::{self, Filter, Format, Options};
use mlkg::graph::Graph;
use mlkg::graph::load::load_embedded;
use serde_json::json;

use crate::hostile;

fn python() -> Option<String> {
    let py = std::env::var("MLKG_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok = Command::new(&py)
        .args(["-c", "import networkx, rdflib, pyoxigraph, ladybug"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok || std::env::var_os("MLKG_REQUIRE_PYTHON").is_none(),
        "MLKG_REQUIRE_PYTHON is set but {py} lacks networkx, rdflib, pyoxigraph or ladybug"
    );
    if !ok {
        eprintln!("skipped: {py} with networkx, rdflib, pyoxigraph and ladybug is not installed");
    }
    ok.then_some(py)
}

/// What the checks compare with: mlkg's own view of the graph.
fn expectation(graph: &Graph) -> serde_json::Value {
    let doc = graph.to_document();
    let nodes: serde_json::Map<String, serde_json::Value> = doc
        .nodes
        .iter()
        .map(|n| {
            let v = json!({
                "kind": n.kind,
                "label": n.label,
                "graphml_label": export::graphml::xml_text(&n.label),
                "iri_id": export::rdf::encode(&n.id),
            });
            (n.id.to_string(), v)
        })
        .collect();
    let edges: Vec<_> = doc
        .edges
        .iter()
        .map(|e| {
            let required = e.props.get("required").is_some_and(|v| v == "true");
            json!({"from": e.from, "to": e.to, "rel": e.rel, "required": required})
        })
        .collect();
    let mut accepts_csv: Vec<&str> = doc
        .edges
        .iter()
        .filter(|e| e.rel == "accepts" && e.to == "csv")
        .filter(|e| {
            graph
                .find(&e.from)
                .is_some_and(|ix| graph.node(ix).kind == "algorithm")
        })
        .map(|e| e.from.as_str())
        .collect();
    accepts_csv.sort();
    json!({
        "base": export::rdf::DEFAULT_BASE,
        "nodes": nodes,
        "edges": edges,
        "accepts_csv": accepts_csv,
    })
}

fn run(py: &str, args: &[&Path]) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/engines_check.py");
    let out = Command::new(py).arg(script).args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{args:?}: {text}");
    eprint!("{text}");
}

/// Exports a graph in every engine format into a folder, with the
/// expectation beside them.
fn export_all(graph: &Graph, dir: &Path) -> PathBuf {
    let opts = Options::default();
    for (format, name) in [
        (Format::Graphml, "g.graphml"),
        (Format::Turtle, "g.ttl"),
        (Format::Ntriples, "g.nt"),
        (Format::NeptuneGremlin, "gremlin"),
        (Format::NeptuneOpencypher, "opencypher"),
        (Format::Neo4j, "neo4j"),
    ] {
        export::write_path(
            graph,
            &Filter::default(),
            format,
            &opts,
            &dir.join(name),
            None,
        )
        .unwrap();
    }
    let want = dir.join("expect.json");
    std::fs::write(&want, expectation(graph).to_string()).unwrap();
    want
}

fn check_all(graph: &Graph) {
    let Some(py) = python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let want = export_all(graph, d);
    let p = |s: &str| d.join(s);
    run(&py, &[Path::new("graphml"), &p("g.graphml"), &want]);
    run(&py, &[Path::new("rdf"), &p("g.ttl"), &p("g.nt"), &want]);
    run(&py, &[Path::new("opencypher"), &p("opencypher"), &want]);
    for (fmt, folder) in [
        ("neptune-gremlin", "gremlin"),
        ("neptune-opencypher", "opencypher"),
        ("neo4j", "neo4j"),
    ] {
        run(&py, &[Path::new("headers"), Path::new(fmt), &p(folder)]);
    }
}

#[test]
fn real_tools_read_the_embedded_graphs_engine_exports_as_mlkg_sees_it() {
    check_all(&load_embedded().unwrap().graph);
}

#[test]
fn real_tools_read_hostile_text_back_with_the_same_labels() {
    check_all(&hostile::hostile_graph());
}
