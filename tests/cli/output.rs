//! Text output: colour, alignment, wrapping, exit codes, `check`, walks.

use predicates::prelude::*;

use super::{SMALL, json, mlkg, small, stderr_of, stdout};

/// The text without ANSI escape sequences.
fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn color_always_wins_over_no_color_for_every_style() {
    let text = stdout(
        mlkg()
            .env("NO_COLOR", "1")
            .args(["--color", "always", "show", "relu"]),
    );
    assert!(
        text.contains("\u{1b}[38;5;13mtechnique\u{1b}[39m"),
        "{text:?}"
    );
    assert!(!text.contains("\u{1b}[m"), "no empty style: {text:?}");
}

#[test]
fn columns_align_the_same_with_and_without_colour() {
    for args in [
        &["search", "mode"][..],
        &["show", "kmeans"],
        &["stats"],
        &["neighbors", "relu", "--depth", "2"],
    ] {
        let plain = stdout(&mut small(args));
        let coloured = stdout(small(args).args(["--color", "always"]));
        assert!(coloured.contains('\u{1b}'), "{args:?} is coloured");
        assert_eq!(strip_ansi(&coloured), plain, "{args:?}");
    }
}

#[test]
fn long_notes_wrap_at_columns_and_stay_whole_in_a_pipe() {
    let piped = stdout(&mut small(&["show", "sigmoid"]));
    assert!(piped.contains("\n  The notes write 1/(1-exp(-x)); the sigmoid is 1/(1+exp(-x)).\n"));
    let wrapped = stdout(small(&["show", "sigmoid"]).env("COLUMNS", "30"));
    assert!(
        wrapped
            .contains("\n  The notes write\n  1/(1-exp(-x)); the sigmoid\n  is 1/(1+exp(-x)).\n"),
        "{wrapped}"
    );
    let notes = wrapped.split("notes:\n").nth(1).unwrap();
    for line in notes.lines().take_while(|l| l.starts_with("  ")) {
        assert!(line.chars().count() <= 30, "{line:?}");
    }
}

#[test]
fn search_exits_1_without_a_hit_and_takes_unquoted_words() {
    small(&["search", "zzqqxx"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("mlkg: no node matches \"zzqqxx\"\n");
    small(&["search", "zzqqxx", "--json"])
        .assert()
        .code(1)
        .stdout("[]\n");
    let hits = json(mlkg().args(["search", "vanishing", "gradient", "--json"]));
    assert_eq!(hits[0]["id"], "vanishing-gradient");
    mlkg().arg("search").assert().code(2);
}

#[test]
fn an_empty_search_is_a_usage_error_not_every_node() {
    for words in [&[""][..], &["  "], &["", ""]] {
        let err = stderr_of(mlkg().arg("search").args(words), 2);
        assert!(
            err.starts_with("mlkg: the search is empty: give one or more words"),
            "{err}"
        );
        assert!(err.contains("mlkg query kind:KIND"), "{err}");
        mlkg().arg("search").args(words).assert().stdout("");
    }
}

#[test]
fn help_and_version_onto_a_full_device_fail_like_any_output() {
    let Ok(_) = std::fs::File::options().write(true).open("/dev/full") else {
        return;
    };
    let full = || {
        std::fs::File::options()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    for args in [
        &["--help"][..],
        &["-h"],
        &["search", "--help"],
        &["--version"],
        &["stats"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_mlkg"))
            .args(args)
            .env_remove("MLKG_GRAPH")
            .stdout(full())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("mlkg: cannot write output: No space left on device"),
            "{args:?}: {err}"
        );
    }
    // A reader that stops early is not an error.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mlkg"))
        .arg("--help")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn search_limit_0_means_no_limit() {
    let all = json(&mut small(&["search", "e", "--limit", "0", "--json"]));
    let some = json(&mut small(&["search", "e", "--limit", "3", "--json"]));
    assert_eq!(some.as_array().unwrap().len(), 3);
    assert!(all.as_array().unwrap().len() > 20, "{all}");
}

#[test]
fn check_quiet_prints_only_errors_and_check_ends_with_a_summary() {
    mlkg()
        .args(["check", "--quiet", SMALL])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // The embedded graph has warnings; quiet hides them.
    mlkg()
        .args(["check", "-q"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    mlkg()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"^ok: \d+ nodes, \d+ edges, \d+ warnings\n$").unwrap());
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        r#"(kinds: {"a": (label: "A")}, nodes: [(id: "x", kind: "a", label: "X"), (id: "y", kind: "b", label: "Y")])"#,
    )
    .unwrap();
    let err = stderr_of(mlkg().arg("check").arg(&bad), 2);
    assert!(err.contains("warning: "), "{err}");
    assert!(
        err.trim_end()
            .lines()
            .last()
            .unwrap()
            .ends_with("is not a valid graph: 1 error(s), 2 warning(s)"),
        "{err}"
    );
    let quiet = stderr_of(mlkg().args(["check", "--quiet"]).arg(&bad), 2);
    assert!(!quiet.contains("warning"), "{quiet}");
    assert!(
        quiet.contains("error: ") && quiet.contains("1 error(s)"),
        "{quiet}"
    );
}

#[test]
fn neighbors_in_reads_each_edge_with_the_inverse_label() {
    let text = stdout(&mut small(&["neighbors", "csv", "--dir", "in"]));
    assert_eq!(
        text,
        "CSV  csv\n  ←accepted by— XGBoost  [algorithm]  xgboost\n  ←accepted by— K-Means  [algorithm]  kmeans\n"
    );
}

#[test]
fn an_empty_mlkg_graph_names_the_variable() {
    let err = stderr_of(mlkg().env("MLKG_GRAPH", "").args(["show", "xgboost"]), 2);
    assert!(
        err.starts_with("mlkg: MLKG_GRAPH is set but empty"),
        "{err}"
    );
    // --graph wins over it.
    small(&["show", "csv"])
        .env("MLKG_GRAPH", "")
        .assert()
        .success();
}
