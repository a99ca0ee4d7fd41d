//! Every subcommand end to end, through the real binary.

use assert_cmd::Command;
use predicates::prelude::*;

#[path = "cli/edges.rs"]
mod edges;
#[path = "cli/names.rs"]
mod names;
#[path = "cli/output.rs"]
mod output;
#[path = "common/cli.rs"]
mod run;
#[path = "cli/scale.rs"]
mod scale;
#[path = "cli/shell.rs"]
mod shell;

use run::{json, mlkg, stderr_of, stdout};

const SMALL: &str = "tests/fixtures/small.ron";

fn small(args: &[&str]) -> Command {
    run::on_graph(SMALL, args)
}

/// Every subcommand.
const SUBCOMMANDS: [&str; 13] = [
    "query",
    "compare",
    "table",
    "search",
    "show",
    "neighbors",
    "path",
    "export",
    "check",
    "stats",
    "completions",
    "man",
    "explore",
];

#[test]
fn every_subcommand_has_help_with_an_example() {
    for sub in SUBCOMMANDS {
        mlkg()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"))
            .stdout(predicate::str::contains(format!("mlkg {sub}")));
    }
}

#[test]
fn search_puts_vanishing_gradient_first_for_words_in_any_order() {
    let hits = json(mlkg().args(["search", "gradient vanishing", "--json"]));
    assert_eq!(hits[0]["label"], "Vanishing gradient");
    let first = hits[0].as_object().unwrap();
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "id",
            "label",
            "kind",
            "score",
            "tier",
            "positions",
            "snippet"
        ]
    );
    assert!(!hits[0]["positions"].as_array().unwrap().is_empty());
    // `--help` names every field, each tier and the snippet's shape.
    let help = stdout(mlkg().args(["search", "--help"]));
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let json_help = format!("{{{}}}", keys.join(", "));
    assert!(help.contains(&json_help), "{help}");
    for tier in [
        "exact",
        "word prefix",
        "initials",
        "typo",
        "full text",
        "{text, positions}",
    ] {
        assert!(help.contains(tier), "{tier}: {help}");
    }
}

#[test]
fn search_filters_by_kind_and_limits() {
    let hits = json(&mut small(&[
        "search", "c", "--kind", "format", "--limit", "2", "--json",
    ]));
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h["kind"] == "format"));
    small(&["search", "x", "--kind", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no kind \"nope\""));
}

#[test]
fn search_text_is_aligned_and_uncoloured_in_a_pipe() {
    small(&["search", "mode"])
        .assert()
        .success()
        .stdout(concat!(
            "Pipe mode          mode            pipe-mode\n",
            "File mode          mode            file-mode\n",
            "RecordIO-protobuf  format          recordio-protobuf  — \"…framing; required for Pipe mode.\"\n",
            "Regularization     concept         regularization  — \"Constraining a model to reduce overfitting.\"\n",
        ));
}

#[test]
fn show_groups_neighbours_by_relation_with_inverse_labels() {
    let text = stdout(&mut small(&["show", "csv"]));
    assert!(
        text.starts_with("CSV  format  csv\naliases: text/csv\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n← accepted by (2)\n  XGBoost  algorithm  xgboost\n  K-Means  algorithm  kmeans\n"
        ),
        "{text}"
    );
}

#[test]
fn show_json_has_the_documented_shape() {
    let v = json(&mut small(&["show", "K-MEANS", "--json"]));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "id", "kind", "label", "aliases", "summary", "notes", "props", "sources", "out", "in"
        ]
    );
    assert_eq!(v["id"], "kmeans");
    let k = v["out"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["to"] == "kmeans.k")
        .expect("k edge");
    assert_eq!(k["rel"], "hyperparameter");
    assert_eq!(k["label"], "has hyperparameter");
    assert_eq!(k["to_kind"], "hyperparameter");
    assert_eq!(k["props"]["required"], "true");
    let v = json(&mut small(&["show", "csv", "--json"]));
    assert_eq!(v["in"][0]["label"], "accepted by");
    assert_eq!(v["in"][0]["from"], "xgboost");
}

#[test]
fn node_arguments_resolve_by_id_label_alias_or_clear_fuzzy_hit() {
    for arg in [
        "vanishing-gradient",
        "VANISHING GRADIENT",
        "vanishing gradient problem",
        "vanish",
    ] {
        assert_eq!(
            json(&mut small(&["show", arg, "--json"]))["id"],
            "vanishing-gradient",
            "{arg}"
        );
    }
    small(&["show", "mode"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("could mean several nodes"))
        .stderr(predicate::str::contains("file-mode"));
    small(&["show", "zzzzqqq"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no node matches"));
}

#[test]
fn neighbors_follow_relations_directions_and_depth() {
    let v = json(&mut small(&[
        "neighbors",
        "xgboost",
        "--rel",
        "accepts",
        "--json",
    ]));
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["csv", "libsvm", "recordio-protobuf"]);
    assert_eq!(v[0]["via"]["label"], "accepts");
    let v = json(&mut small(&["neighbors", "csv", "--dir", "in", "--json"]));
    assert_eq!(v[0]["via"]["label"], "accepted by");
    assert_eq!(v.as_array().unwrap().len(), 2);
    let v = json(&mut small(&["neighbors", "relu", "--depth", "2", "--json"]));
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == "lstm" && n["depth"] == 2)
    );
    assert!(
        json(&mut small(&["neighbors", "csv", "--dir", "out", "--json"]))
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn path_reads_each_relation_the_right_way() {
    small(&["path", "sigmoid", "lstm"])
        .assert()
        .success()
        .stdout("Sigmoid —causes→ Vanishing gradient ←mitigates— LSTM\n2 step(s)\n");
    let v = json(&mut small(&["path", "sigmoid", "lstm", "--json"]));
    assert_eq!(v["length"], 2);
    assert_eq!(v["steps"][1]["direction"], "backward");
    assert_eq!(v["nodes"][2]["id"], "lstm");
    small(&["path", "xgboost", "lstm", "--rel", "accepts"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no path"));
}

#[test]
fn export_writes_dot_json_and_mermaid() {
    small(&["export"])
        .assert()
        .success()
        .stdout(predicate::str::contains("digraph \"mlkg\" {"))
        .stdout(predicate::str::contains(
            "\"xgboost\" -> \"csv\" [label=\"accepts\"];",
        ));
    let doc = json(&mut small(&["export", "--format", "json"]));
    assert_eq!(doc["nodes"].as_array().unwrap().len(), 26);
    small(&["export", "--format", "mermaid", "--root", "kmeans", "--depth", "1"]).assert().success().stdout(predicate::str::starts_with("%% mlkg export of tests/fixtures/small.ron\n%% subgraph within 1 step(s) of \"kmeans\": 10 of 26 nodes, 11 of 31 edges\nflowchart LR\n"));
}

#[test]
fn export_to_a_file_is_atomic_and_never_overwrites_the_graph() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("g.ron");
    std::fs::copy(SMALL, &graph).unwrap();
    let out = dir.path().join("g.dot");
    mlkg()
        .arg("--graph")
        .arg(&graph)
        .args(["export", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert!(std::fs::read_to_string(&out).unwrap().contains("digraph"));
    mlkg()
        .arg("--graph")
        .arg(&graph)
        .args(["export", "--format", "json", "-o"])
        .arg(&graph)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("it is the graph file being read"));
    assert_eq!(
        std::fs::read_to_string(&graph).unwrap(),
        std::fs::read_to_string(SMALL).unwrap()
    );
    mlkg()
        .arg("--graph")
        .arg(&graph)
        .args(["export", "-o"])
        .arg(dir.path().join("missing/x.dot"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"));
}

#[test]
fn check_says_ok_with_counts() {
    mlkg()
        .args(["check", SMALL])
        .assert()
        .success()
        .stdout("ok: 26 nodes, 31 edges\n");
    mlkg()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: "));
}

#[test]
fn check_names_a_syntax_error_a_duplicate_and_a_dangling_edge_and_exits_2() {
    mlkg()
        .args(["check", "tests/fixtures/three-problems.ron"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: RON syntax").and(predicate::str::contains("tests/fixtures/three-problems.ron:10:67")))
        .stderr(predicate::str::contains("error: duplicate node id \"csv\"\n  --> tests/fixtures/three-problems.ron:11:14"))
        .stderr(predicate::str::contains("error: edge xgboost -accepts-> parquett: no node \"parquett\"\n  --> tests/fixtures/three-problems.ron:15:47"))
        .stderr(predicate::str::contains("3 error(s)"));
}

#[test]
fn check_uses_graph_and_environment_when_no_file_is_given() {
    mlkg()
        .env("MLKG_GRAPH", SMALL)
        .arg("check")
        .assert()
        .success()
        .stdout("ok: 26 nodes, 31 edges\n");
    mlkg()
        .args([
            "--graph",
            "tests/fixtures/three-problems.ron",
            "show",
            "xgboost",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid graph"));
}

#[test]
fn stats_count_kinds_relations_and_components() {
    let v = json(&mut small(&["stats", "--json"]));
    assert_eq!(v["nodes"], 26);
    assert_eq!(v["kinds"]["algorithm"], 2);
    assert_eq!(v["relations"]["accepts"], 5);
    assert_eq!(
        v["most_connected"][0]["id"], "kmeans",
        "9 edges, tied with XGBoost, first by label"
    );
    assert_eq!(v["most_connected"][0]["edges"], 9);
    assert_eq!(v["components"], 2);
    small(&["stats"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nodes per kind"));
}

#[test]
fn colour_is_off_in_pipes_on_when_asked_and_no_color_is_honoured() {
    small(&["search", "csv"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
    small(&["--color", "always", "search", "csv"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    small(&["--color", "auto", "search", "csv"])
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn graphviz_renders_the_dot_export() {
    if std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("MLKG_REQUIRE_GRAPHVIZ").is_none(),
            "MLKG_REQUIRE_GRAPHVIZ is set but Graphviz's dot is not installed"
        );
        eprintln!("skipped: Graphviz's dot is not installed (CI installs it)");
        return;
    }
    let dot = mlkg()
        .arg("export")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&dot)?;
            child.wait_with_output()
        })
        .expect("dot runs");
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "dot warned: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn neighbors_text_reads_each_edge_the_right_way() {
    let text = stdout(&mut small(&["neighbors", "relu"]));
    assert!(
        text.contains("  —mitigates→ Vanishing gradient  [concept]  vanishing-gradient\n"),
        "{text}"
    );
    assert!(
        text.contains("  —contrasts with— Sigmoid  [technique]  sigmoid\n"),
        "a symmetric relation has no arrow head: {text}"
    );
    assert!(
        stdout(&mut small(&["neighbors", "csv", "--dir", "in"]))
            .contains("  ←accepted by— XGBoost"),
        "incoming edges read backwards, with the inverse label"
    );
}
