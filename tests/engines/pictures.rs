//! Pictures people can read: DOT with a legend, clusters, a distinct root,
//! bold required edges and tooltips, advice to use sfdp on large graphs;
//! Mermaid with a shape and fill per kind and a warning past its edge limit.

use std::collections::HashSet;

use crate::mlkg;
use mlkg::export::{self, Filter, Format, Options};
use mlkg::graph::load::load_embedded;

fn render(filter: &Filter, format: Format, options: &Options) -> String {
    let graph = load_embedded().unwrap().graph;
    let mut out = Vec::new();
    export::write_with(&graph, filter, format, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn around(id: &str, depth: usize) -> Filter {
    let graph = load_embedded().unwrap().graph;
    Filter {
        root: graph.find(id),
        depth,
        ..Filter::default()
    }
}

#[test]
fn dot_has_a_legend_with_each_drawn_kind_in_its_shape_and_colour() {
    let dot = render(&around("kmeans", 1), Format::Dot, &Options::default());
    let legend = &dot[dot.find("subgraph \"cluster_legend\"").expect("a legend")..];
    assert!(legend.contains("bold edge: required"), "{legend}");
    assert!(legend.contains("thick red border: the root"), "{legend}");
    for (kind, shape) in [("Algorithm", "box"), ("Hyperparameter", "parallelogram")] {
        let line = legend
            .lines()
            .find(|l| l.contains(&format!("label=\"{kind}\"")))
            .unwrap_or_else(|| panic!("{kind} in the legend: {legend}"));
        assert!(line.contains(&format!("shape={shape}")), "{line}");
        let node = dot
            .lines()
            .find(|l| {
                l.contains("shape=")
                    && l.contains(&format!("shape={shape}"))
                    && !l.contains("legend:")
            })
            .unwrap();
        let fill = |l: &str| l.split("fillcolor=").nth(1).unwrap()[..9].to_string();
        assert_eq!(
            fill(line),
            fill(node),
            "the legend's colour is the nodes' colour"
        );
    }
    assert!(
        !legend.contains("label=\"Metric\""),
        "only kinds drawn are listed"
    );
}

#[test]
fn dot_marks_the_root_required_edges_and_carries_tooltips() {
    let dot = render(&around("kmeans", 1), Format::Dot, &Options::default());
    let root = dot
        .lines()
        .find(|l| l.starts_with("  \"kmeans\" ["))
        .unwrap();
    assert!(root.contains("penwidth=3"), "{root}");
    let others = dot.lines().filter(|l| l.contains("penwidth=3")).count();
    assert_eq!(others, 1, "only the root is drawn so");
    let k = dot
        .lines()
        .find(|l| l.contains("\"kmeans\" -> \"kmeans.k\""))
        .unwrap();
    assert!(k.contains("style=bold"), "a required hyperparameter: {k}");
    let optional = dot
        .lines()
        .find(|l| l.contains("\"kmeans\" -> \"kmeans.init_method\""))
        .unwrap();
    assert!(!optional.contains("bold"), "{optional}");
    assert!(
        root.contains("tooltip=\"Algorithm: "),
        "the summary as a tooltip: {root}"
    );
    let noted = dot
        .lines()
        .filter(|l| l.contains(" -> ") && l.contains("tooltip="))
        .count();
    assert!(noted > 0, "edge notes as tooltips");
}

#[test]
fn dot_cluster_groups_nodes_by_kind() {
    let options = Options {
        cluster: true,
        ..Options::default()
    };
    let dot = render(&around("xgboost", 1), Format::Dot, &options);
    let start = dot
        .find("subgraph \"cluster_k7\" {")
        .expect("a hyperparameter cluster");
    let end = start + dot[start..].find("\n  }\n").unwrap();
    let inside = &dot[start..end];
    assert!(inside.contains("label=\"Hyperparameter\""), "{inside}");
    assert!(inside.contains("\"xgboost.subsample\""), "{inside}");
    assert!(!inside.contains("\"xgboost\" ["), "{inside}");
}

#[test]
fn a_large_dot_export_advises_sfdp_and_a_small_one_does_not() {
    let out = mlkg().arg("export").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.contains("sfdp"), "{err}");
    let out = mlkg()
        .args(["export", "--root", "kmeans"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
}

#[test]
fn a_failed_dot_export_gives_its_error_without_advice() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-folder/graph.dot");
    let mut to_missing = std::process::Command::new(env!("CARGO_BIN_EXE_mlkg"));
    to_missing.args(["export", "-o"]).arg(&missing);
    let mut runs = vec![(to_missing, "no-such-folder")];
    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let mut to_full = std::process::Command::new(env!("CARGO_BIN_EXE_mlkg"));
        to_full.arg("export").stdout(full);
        runs.push((to_full, "No space left"));
    }
    for (mut cmd, reason) in runs {
        let out = cmd.env_remove("MLKG_GRAPH").output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(reason) && !err.contains("sfdp"), "{err}");
    }
}

#[test]
fn mermaid_gives_each_kind_its_own_shape_and_fill() {
    let m = render(&Filter::default(), Format::Mermaid, &Options::default());
    let fills: Vec<&str> = m
        .lines()
        .filter_map(|l| l.trim().strip_prefix("classDef "))
        .map(|l| l.split("fill:").nth(1).unwrap().split(',').next().unwrap())
        .collect();
    let graph = load_embedded().unwrap().graph;
    assert_eq!(fills.len(), graph.kinds.len());
    assert_eq!(
        fills.iter().collect::<HashSet<_>>().len(),
        fills.len(),
        "no two kinds share a fill: {fills:?}"
    );
    let shape_of = |id: &str| {
        let n = m
            .lines()
            .find(|l| l.contains(&format!("\"{id}\"")))
            .unwrap();
        let opening = n
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric());
        opening.split('"').next().unwrap().to_string()
    };
    assert_ne!(shape_of("XGBoost"), shape_of("CSV"));
}

#[test]
fn mermaid_past_500_edges_warns_with_the_ways_out_and_front_matter_raises_the_limit() {
    let out = mlkg()
        .args(["export", "--format", "mermaid"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    for way in ["500", "--root", "--kind", "--max-edges", "maxEdges"] {
        assert!(err.contains(way), "{way}: {err}");
    }
    let out = mlkg()
        .args(["export", "--format", "mermaid", "--max-edges", "1000"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("---\nconfig:\n  maxEdges: 1000\n---\n"),
        "{text}"
    );
    let out = mlkg()
        .args(["export", "--format", "mermaid", "--root", "xgboost"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
}

#[test]
fn a_long_summary_is_cut_the_same_in_every_tooltip_path() {
    let long = "word ".repeat(100);
    for summary in [long.clone(), format!("{long}é \"q\""), "short".to_string()] {
        let text = format!(
            "(kinds: {{\"k\": (label: \"Kind\")}}, relations: {{}}, nodes: [(id: \"a\", kind: \"k\", label: \"A\", summary: {summary:?})], edges: [])"
        );
        let graph = mlkg::graph::load::load_str(&text, mlkg::graph::Source::Embedded)
            .unwrap()
            .graph;
        let mut out = Vec::new();
        export::write(&graph, &Filter::default(), Format::Dot, &mut out).unwrap();
        let dot = String::from_utf8(out).unwrap();
        let want = export::dot::quote(&mlkg::text::shorten(&format!("Kind: {summary}"), 300));
        assert!(dot.contains(&format!("tooltip={want}]")), "{want}\n{dot}");
    }
}
