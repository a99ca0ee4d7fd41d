//! Mermaid exports rendered by Mermaid itself in headless Chromium: a
//! subgraph of the embedded graph and the hostile fixture render without an
//! error, with one SVG node per exported node. Mermaid comes from the npm
//! registry, pinned by tests/browser/package-lock.json (`npm ci` there).
//! Skipped where Chromium or that install is missing, unless
//! MLKG_REQUIRE_CHROMIUM is set (as .ci/run does).

use std::path::{Path, PathBuf};
use std::process::Command;

use mlkg::export::{self, Filter, Format, Options};
use mlkg::graph::Graph;
use mlkg::graph::load::load_embedded;

use crate::hostile;

fn mermaid_js() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/mermaid/dist/mermaid.min.js")
}

fn chromium() -> Option<String> {
    let bin = std::env::var("MLKG_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let ok = Command::new(&bin)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        && mermaid_js().exists();
    assert!(
        ok || std::env::var_os("MLKG_REQUIRE_CHROMIUM").is_none(),
        "MLKG_REQUIRE_CHROMIUM is set but {bin} or tests/browser/node_modules (npm ci) is missing"
    );
    if !ok {
        eprintln!("skipped: {bin} or tests/browser/node_modules is not installed");
    }
    ok.then_some(bin)
}

/// Renders a Mermaid text in Chromium: the rendered page's DOM.
fn render(bin: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let html = format!(
        "<!doctype html><meta charset=\"utf-8\"><title>wait</title><body><div id=\"out\"></div>\
         <script src=\"file://{}\"></script>\
         <script>\
         mermaid.initialize({{startOnLoad: false, securityLevel: 'strict'}});\
         mermaid.render('g', {}).then(r => {{\
           document.getElementById('out').innerHTML = r.svg; document.title = 'rendered';\
         }}).catch(e => {{ document.title = 'error: ' + e; }});\
         </script></body>",
        mermaid_js().display(),
        serde_json::to_string(text).unwrap()
    );
    std::fs::write(&page, html).unwrap();
    let profile = dir.path().join("profile");
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=20000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn mermaid(graph: &Graph, filter: &Filter) -> String {
    let mut out = Vec::new();
    export::write_with(
        graph,
        filter,
        Format::Mermaid,
        &Options::default(),
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

fn check(bin: &str, graph: &Graph, filter: &Filter, nodes: usize) {
    let text = mermaid(graph, filter);
    let dom = render(bin, &text);
    assert!(
        dom.contains("<title>rendered</title>"),
        "Mermaid did not render: {}",
        &dom[..dom.len().min(2000)]
    );
    let drawn = dom.matches("class=\"node ").count();
    assert_eq!(drawn, nodes, "one SVG node per exported node");
}

#[test]
fn a_subgraph_of_the_embedded_graph_renders_in_chromium() {
    let Some(bin) = chromium() else {
        return;
    };
    let graph = load_embedded().unwrap().graph;
    let filter = Filter {
        root: graph.find("xgboost"),
        depth: 1,
        ..Filter::default()
    };
    let nodes = export::Selection::new(&graph, &filter).nodes.len();
    assert!(nodes > 10);
    check(&bin, &graph, &filter, nodes);
}

#[test]
fn the_hostile_fixture_renders_in_chromium() {
    let Some(bin) = chromium() else {
        return;
    };
    let graph = hostile::hostile_graph();
    check(&bin, &graph, &Filter::default(), graph.node_count());
}
