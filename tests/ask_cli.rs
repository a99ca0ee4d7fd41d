//! `query`, `compare` and `table` end to end, through the real binary, on
//! the fixture and on the embedded graph, text and JSON.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

#[path = "common/cli.rs"]
mod run;

use run::{json, mlkg, stdout};

const FIXTURE: &str = "tests/fixtures/ask.ron";

fn fixture(args: &[&str]) -> Command {
    run::on_graph(FIXTURE, args)
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|v| v["id"].as_str().expect("an id"))
        .collect()
}

#[test]
fn the_commands_have_help_with_examples() {
    for sub in ["query", "compare", "table"] {
        mlkg()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"))
            .stdout(predicate::str::contains(format!("mlkg {sub}")));
    }
    mlkg()
        .args(["query", "--help"])
        .assert()
        .stdout(predicate::str::contains("REL:=NODE").and(predicate::str::contains("NODE!")));
}

#[test]
fn query_prints_each_node_with_its_kind_and_id_or_json() {
    let text = stdout(fixture(&["query", "kind:algorithm trains_on:gpu"]));
    assert_eq!(
        text,
        "Alpha Boost  algorithm       alpha\nDelta        algorithm       delta\nGamma Net    algorithm       gamma\n3 node(s)\n"
    );
    let list = json(fixture(&["query", "<accepts:alpha", "--json"]));
    assert_eq!(
        list,
        serde_json::json!([
            {"id": "csv", "label": "CSV", "kind": "format"},
            {"id": "protobuf", "label": "RecordIO-protobuf", "kind": "format"}
        ])
    );
    assert_eq!(
        stdout(fixture(&["query", "accepts:jsonl!"])),
        "no node matches accepts:jsonl!\n"
    );
    assert_eq!(
        json(fixture(&["query", "--json", "accepts:jsonl!"])),
        serde_json::json!([])
    );
}

#[test]
fn query_words_join_and_a_leading_minus_is_a_term() {
    // Unquoted words form one query; `-TERM` is a term, `--json` the flag.
    let list = json(fixture(&[
        "query",
        "kind:algorithm",
        "trains_on:gpu",
        "-trains_on:cpu",
        "--json",
    ]));
    assert_eq!(ids(&list), ["gamma"]);
    let list = json(fixture(&[
        "query",
        "-kind:algorithm",
        "kind:algorithm|mode",
        "--json",
    ]));
    assert_eq!(ids(&list), ["file", "pipe"]);
}

#[test]
fn a_bad_query_exits_2_with_a_caret_and_nothing_on_stdout() {
    fixture(&["query", "kind:algorithm acepts:csv"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("mlkg: bad query: no relation \"acepts\" in this graph\n  kind:algorithm acepts:csv\n                 ^^^^^^\n  = did you mean \"accepts\"?\n");
    fixture(&["query", "accepts:csv["])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "expected a prop name inside `[...]`, found the end of the query",
        ));
    fixture(&["query", "accepts:recordio-protxxxx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean protobuf (RecordIO-protobuf, format)?",
        ));
    // A typo is taken as the closest name, and said so on stderr.
    fixture(&["query", "accepts:csb", "--json"])
        .assert()
        .success()
        .stderr("mlkg: taking \"csb\" as CSV (csv)\n");
}

#[test]
fn query_answers_on_the_embedded_graph() {
    let list = json(mlkg().args(["query", "<hyperparameter:kmeans[required=true]", "--json"]));
    assert_eq!(ids(&list), ["kmeans.feature_dim", "kmeans.k"]);
    let text = stdout(mlkg().args(["query", "kind:algorithm accepts:=csv"]));
    assert!(
        text.starts_with("IP Insights  algorithm       ip_insights\n"),
        "{text}"
    );
}

#[test]
fn compare_lists_both_and_each_side_with_notes_then_props() {
    let text = stdout(fixture(&["compare", "alpha", "Beta Means"]));
    for line in [
        "Alpha Boost [algorithm] alpha   vs   Beta Means [algorithm] beta",
        "accepts →\n  both              CSV  — Alpha Boost: File mode only; Beta Means: first column is the label\n  only Alpha Boost  RecordIO-protobuf\n",
        "trains on →\n  only Alpha Boost  CPU\n  only Alpha Boost  P3  — single instance\n  only Beta Means   ml.c5.xl\n",
        "has hyperparameter →\n  both              k\n  only Alpha Boost  eta\n",
        "contrasts with →\n  only Beta Means   Gamma Net\n",
        "props\n            Alpha Boost  Beta Means\n  family    trees        -\n  learning  supervised   Unsupervised\n",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
    let v = json(fixture(&["compare", "alpha", "beta", "--json"]));
    assert_eq!(
        v["left"],
        serde_json::json!({"id": "alpha", "label": "Alpha Boost", "kind": "algorithm"})
    );
    assert_eq!(v["right"]["id"], "beta");
    let rels: Vec<&str> = v["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rel"].as_str().unwrap())
        .collect();
    assert_eq!(
        rels,
        [
            "accepts",
            "input_mode",
            "trains_on",
            "hyperparameter",
            "learning",
            "contrasts"
        ]
    );
    let hyper = &v["relations"][3];
    assert_eq!(hyper["dir"], "out");
    assert_eq!(hyper["both"][0]["id"], "alpha.k");
    assert_eq!(hyper["both"][0]["right_id"], "beta.k");
    assert_eq!(ids(&hyper["left_only"]), ["alpha.eta"]);
    assert_eq!(ids(&hyper["right_only"]), Vec::<&str>::new());
    assert_eq!(v["relations"][5]["dir"], "both");
    assert_eq!(v["relations"][0]["both"][0]["left_note"], "File mode only");
    assert_eq!(
        v["props"][1],
        serde_json::json!({"key": "learning", "left": "supervised", "right": "Unsupervised"})
    );
    assert_eq!(v["props"][0]["right"], Value::Null);
}

#[test]
fn compare_lda_and_ntm_on_the_embedded_graph() {
    let v = json(mlkg().args(["compare", "lda", "ntm", "--json"]));
    let rel = |id: &str| {
        v["relations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["rel"] == id && r["dir"] == "out")
            .unwrap_or_else(|| panic!("no {id}"))
            .clone()
    };
    let both = |id: &str| -> Vec<String> {
        rel(id)["both"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["label"].as_str().unwrap().to_string())
            .collect()
    };
    // Both unsupervised topic models taking RecordIO-protobuf and CSV, with num_topics.
    assert_eq!(both("learning"), ["Unsupervised learning"]);
    assert!(both("solves").contains(&"Topic modeling".to_string()));
    let formats = both("accepts");
    assert!(
        formats.contains(&"CSV".to_string()) && formats.contains(&"RecordIO-protobuf".to_string())
    );
    assert!(both("hyperparameter").contains(&"num_topics".to_string()));
    // They differ in the instances they train on: NTM on GPUs, LDA not.
    assert!(ids(&rel("trains_on")["right_only"]).contains(&"gpu"));
    let text = stdout(mlkg().args(["compare", "lda", "ntm"]));
    assert!(text.contains("  both      num_topics"), "{text}");
    assert!(text.contains("  only NTM  GPU"), "{text}");
}

#[test]
fn compare_of_an_unknown_node_exits_2() {
    fixture(&["compare", "alpha", "zzz"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn compare_of_a_node_with_itself_exits_2_naming_it() {
    let out = fixture(&["compare", "alpha", "Alpha Boost"])
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("both name Alpha Boost (alpha): compare two different nodes"),
        "{err}"
    );
}

#[test]
fn table_text_markdown_csv_and_json_on_the_fixture() {
    let args = [
        "table",
        "--rows",
        "algorithm",
        "--cols",
        "instance",
        "--rel",
        "trains_on",
    ];
    assert_eq!(
        stdout(fixture(&args)),
        "             CPU  GPU  C5  ml.c5.xl  P3\n\
         Alpha Boost  ✓    ·    ·   ·         ✓\n\
         Beta Means   ·    ·    ·   ✓         ·\n\
         Gamma Net    ·    ✓    ·   ·         ·\n\
         Delta        ·    ✓    ✓   ·         ·\n\
         1 mark(s) carry a note: --format markdown lists them\n"
    );
    let md = stdout(fixture(&[&args[..], &["--format", "markdown"]].concat()));
    assert!(
        md.starts_with("| | CPU | GPU | C5 | ml.c5.xl | P3 |\n| --- | :---: |"),
        "{md}"
    );
    assert!(
        md.contains("| Alpha Boost | ✓ |  |  |  | ✓[^1] |\n"),
        "{md}"
    );
    assert!(
        md.ends_with("\n[^1]: Alpha Boost, P3: single instance\n"),
        "{md}"
    );
    let csv = stdout(fixture(&[&args[..], &["--format", "csv"]].concat()));
    assert_eq!(csv.lines().next(), Some(",CPU,GPU,C5,ml.c5.xl,P3"));
    assert!(
        csv.contains("\nAlpha Boost,x,,,,x; single instance\n"),
        "{csv}"
    );
    let v = json(fixture(&[&args[..], &["--format", "json"]].concat()));
    assert_eq!(ids(&v["rows"]), ["alpha", "beta", "gamma", "delta"]);
    assert_eq!(ids(&v["cols"]), ["cpu", "gpu", "c5", "c5x", "p3"]);
    assert_eq!(
        v["cells"][1],
        serde_json::json!({"row": "alpha", "col": "p3", "note": "single instance"})
    );
    assert_eq!(v["cells"].as_array().unwrap().len(), 6);
}

#[test]
fn table_leaves_out_unmarked_rows_unless_all_and_reads_edges_either_way() {
    let base = [
        "table",
        "--rows",
        "algorithm",
        "--cols",
        "mode",
        "--rel",
        "input_mode",
        "-f",
        "json",
    ];
    let v = json(fixture(&base));
    assert_eq!(ids(&v["rows"]), ["alpha", "beta", "gamma"]);
    let v = json(fixture(&[&base[..], &["--all"]].concat()));
    assert_eq!(ids(&v["rows"]), ["alpha", "beta", "gamma", "delta"]);
    // Formats as rows: the accepts edges run from the columns.
    let v = json(fixture(&[
        "table",
        "--rows",
        "Format",
        "--cols",
        "algorithm",
        "--rel",
        "accepts",
        "-f",
        "json",
    ]));
    assert_eq!(ids(&v["rows"]), ["csv", "protobuf", "json", "augmented"]);
    assert_eq!(
        v["cells"][0],
        serde_json::json!({"row": "csv", "col": "alpha", "note": "File mode only"})
    );
    fixture(&[
        "table",
        "--rows",
        "algoritm",
        "--cols",
        "mode",
        "--rel",
        "input_mode",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "no kind \"algoritm\" in this graph; did you mean \"algorithm\"?",
    ));
}

#[test]
fn table_gives_the_content_type_and_instance_tables_back_on_the_embedded_graph() {
    let v = json(mlkg().args([
        "table",
        "--rows",
        "algorithm",
        "--cols",
        "format",
        "--rel",
        "accepts",
        "-f",
        "json",
    ]));
    let has = |row: &str, col: &str| {
        v["cells"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["row"] == row && c["col"] == col)
    };
    assert!(has("xgboost", "libsvm") && has("xgboost", "csv") && has("ip_insights", "csv"));
    assert!(!has("ip_insights", "recordio-protobuf"));
    let text = stdout(mlkg().args([
        "table",
        "--rows",
        "algorithm",
        "--cols",
        "instance",
        "--rel",
        "trains on",
    ]));
    let lda = text
        .lines()
        .find(|l| l.starts_with("LDA "))
        .expect("an LDA row");
    assert_eq!(lda.matches('✓').count(), 1, "{lda}");
    let md = stdout(mlkg().args([
        "table",
        "--rows",
        "algorithm",
        "--cols",
        "format",
        "--rel",
        "accepts",
        "--format",
        "markdown",
    ]));
    assert!(md.contains("[^1]: "), "{md}");
}

/// The display width of the widest line of a text.
fn widest(text: &str) -> usize {
    text.lines()
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0)
}

#[test]
fn wide_tables_fit_an_80_column_terminal_with_marks_under_their_labels() {
    for (cols, rel) in [("format", "accepts"), ("instance", "trains_on")] {
        let text = stdout(mlkg().args([
            "table",
            "--rows",
            "algorithm",
            "--cols",
            cols,
            "--rel",
            rel,
            "--all",
        ]));
        assert!(widest(&text) <= 80, "wider than 80 columns:\n{text}");
    }
    let text = stdout(mlkg().args([
        "table",
        "--rows",
        "algorithm",
        "--cols",
        "format",
        "--rel",
        "accepts",
    ]));
    // The last staggered label stands where its column's marks are.
    let lines: Vec<&str> = text.lines().collect();
    let last_head = lines
        .iter()
        .rposition(|l| l.contains('│'))
        .expect("staggered");
    let tail = lines[last_head].split('│').next_back().unwrap();
    let at = lines[last_head].chars().count() - tail.trim_start().chars().count();
    let xgb = lines
        .iter()
        .find(|l| l.starts_with("XGBoost "))
        .expect("XGBoost row");
    let col = xgb.chars().nth(at).expect("a cell under the last label");
    assert!(col == '·' || col == '✓', "{col:?} in {xgb:?}");
}

#[test]
fn an_empty_table_says_so_without_a_blank_line() {
    let empty = [
        "table", "--rows", "task", "--cols", "format", "--rel", "accepts",
    ];
    let text = stdout(mlkg().args(empty));
    assert_eq!(
        text,
        "no task node is linked to a format node by accepts; it links algorithm to format\n"
    );
    // Markdown is for people too: the sentence, not a header over nothing;
    // CSV and JSON stay data a program reads as empty.
    let markdown = stdout(mlkg().args(empty).args(["--format", "markdown"]));
    assert_eq!(markdown, text);
    let csv = stdout(mlkg().args(empty).args(["--format", "csv"]));
    assert_eq!(csv, "\n");
    let list = json(mlkg().args(empty).args(["--format", "json"]));
    assert_eq!(
        list,
        serde_json::json!({"rows": [], "cols": [], "cells": []})
    );
}
