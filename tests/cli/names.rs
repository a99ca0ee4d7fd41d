//! NODE, kind and relation arguments: typos, ambiguity, empty names, and
//! commands suggested in a form the shell runs as printed.

use super::{json, mlkg, small, stderr_of};

#[test]
fn a_clear_typo_is_taken_with_a_note_on_stderr() {
    for (typed, id, label) in [
        ("xgbost", "xgboost", "XGBoost"),
        ("randon cut forest", "rcf", "Random Cut Forest"),
        (
            "vanishing gradiant",
            "vanishing-gradient",
            "Vanishing gradient",
        ),
    ] {
        let out = mlkg().args(["show", typed, "--json"]).assert().success();
        let out = out.get_output();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["id"], id, "{typed}");
        let note = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            note,
            format!("mlkg: taking \"{typed}\" as {label} ({id})\n"),
            "one line saying what the name was taken as"
        );
    }
    // An exact id, label or alias needs no note.
    mlkg()
        .args(["show", "xgboost"])
        .assert()
        .success()
        .stderr("");
    mlkg().args(["show", "XGB"]).assert().success().stderr("");
}

#[test]
fn an_ambiguous_name_lists_candidates_one_per_line_with_runnable_commands() {
    let err = stderr_of(mlkg().args(["show", "l1"]), 2);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "mlkg: \"l1\" could mean several nodes; run one of these:"
    );
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[1].contains("concept") && lines[1].ends_with("mlkg show l1-regularization"),
        "{err}"
    );
    assert!(
        lines[2].contains("hyperparameter") && lines[2].ends_with("mlkg show linear_learner.l1"),
        "{err}"
    );
    assert!(!err.contains("\\n"), "no literal \\n: {err}");
    // Each printed command runs as printed, options kept, the name replaced.
    let err = stderr_of(&mut small(&["neighbors", "mode", "--depth", "1"]), 2);
    let cmd = err
        .lines()
        .find_map(|l| l.split_once("  mlkg ").map(|(_, c)| c.to_string()))
        .expect("a command");
    assert_eq!(
        cmd,
        "--graph tests/fixtures/small.ron neighbors pipe-mode --depth 1"
    );
    let args = shell_words(&cmd);
    mlkg().args(&args).assert().success();
}

#[test]
fn suggested_commands_are_quoted_for_the_shell() {
    let err = stderr_of(mlkg().args(["show", "it's mode"]), 2);
    assert!(
        err.contains("`mlkg search 'it'\\''s mode'` lists looser matches"),
        "{err}"
    );
    let cmd = err.split('`').nth(1).expect("a command in backquotes");
    assert_eq!(
        shell_words(cmd.trim_start_matches("mlkg ")),
        ["search", "it's mode"]
    );
    let err = stderr_of(&mut small(&["path", "sigmoid", "pile mode"]), 2);
    assert!(
        err.contains("mlkg --graph tests/fixtures/small.ron path sigmoid pipe-mode"),
        "the argument after the one already resolved is the one replaced: {err}"
    );
}

#[test]
fn an_empty_name_says_so_and_nothing_close_says_no_node_matches() {
    for empty in ["", "   "] {
        let err = stderr_of(mlkg().args(["show", empty]), 2);
        assert!(err.starts_with("mlkg: the node name is empty"), "{err}");
    }
    let err = stderr_of(mlkg().args(["export", "--root", "nope"]), 2);
    assert!(err.starts_with("mlkg: no node matches \"nope\""), "{err}");
    assert!(!err.contains("NTM") && !err.contains("PCA"), "{err}");
    let err = stderr_of(mlkg().args(["show", "xgboostt"]), 0);
    assert!(err.contains("as XGBoost"), "{err}");
    // A few edits off but not a clear typo: the closest are offered.
    let err = stderr_of(&mut small(&["show", "lstn cell"]), 2);
    assert!(err.contains("no node matches \"lstn cell\""), "{err}");
}

#[test]
fn a_huge_argument_is_cut_when_quoted_back() {
    let huge = "q".repeat(100_000);
    let err = stderr_of(mlkg().args(["show", &huge]), 2);
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    assert!(err.contains("no node matches \"qqq"), "{err}");
    let err = stderr_of(mlkg().args(["search", &huge]), 1);
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
}

#[test]
fn a_huge_value_is_cut_in_every_error_that_quotes_it() {
    let huge = "q".repeat(100_000);
    let path = format!("/tmp/{huge}");
    let (color, long) = (format!("--color={huge}"), format!("--{huge}"));
    let (kind, accepts) = (format!("kind:{huge}"), format!("accepts:{huge}"));
    let h = huge.as_str();
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["--color", h, "stats"], 2),
        (vec!["stats", &color], 2),
        (vec!["search", "x", "--limit", h], 2),
        (vec!["neighbors", "xgboost", "--depth", h], 2),
        (vec!["neighbors", "xgboost", "--dir", h], 2),
        (vec!["export", "--format", h], 2),
        (vec!["completions", h], 2),
        (vec![h], 2),
        (vec!["stats", &long], 2),
        (vec!["search", "x", "--kind", h], 2),
        (
            vec!["table", "--rows", h, "--cols", "format", "--rel", "accepts"],
            2,
        ),
        (vec!["query", h], 2),
        (vec!["query", &kind], 2),
        (vec!["query", &accepts], 2),
        (vec!["--graph", &path, "stats"], 2),
        (vec!["check", &path], 2),
        (vec!["export", "-o", &path], 1),
    ];
    for (args, code) in cases {
        let err = stderr_of(mlkg().args(&args), code);
        let shown: Vec<String> = args.iter().map(|a| a.chars().take(20).collect()).collect();
        assert!(err.len() < 2_000, "{shown:?}: {} bytes of error", err.len());
        let cut = err.contains("qqq…") || err.contains("…qqq");
        assert!(cut, "{shown:?}: {err}");
        if !args.contains(&path.as_str()) {
            assert!(!err.contains(&"q".repeat(80)), "{shown:?}: {err}");
        }
    }
}

#[test]
fn kinds_and_relations_resolve_by_id_label_any_case_and_unique_prefix() {
    for kind in ["algorithm", "Algorithm", "ALGO", "algo"] {
        let hits = json(mlkg().args(["search", "x", "--kind", kind, "--json"]));
        let hits = hits.as_array().unwrap();
        assert!(!hits.is_empty(), "{kind}");
        assert!(hits.iter().all(|h| h["kind"] == "algorithm"), "{kind}");
    }
    let ids = |rel: &str| -> Vec<String> {
        json(mlkg().args(["neighbors", "xgboost", "--rel", rel, "--json"]))
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    let by_id = ids("trains_on");
    assert!(by_id.contains(&"gpu".to_string()), "{by_id:?}");
    for rel in ["trains on", "Trains_On", "train", "TRAINS"] {
        assert_eq!(ids(rel), by_id, "{rel}");
    }
    mlkg()
        .args(["export", "--kind", "Input mode", "--rel", "input mode of"])
        .assert()
        .success();
}

#[test]
fn unknown_kinds_and_relations_get_a_did_you_mean() {
    let err = stderr_of(mlkg().args(["neighbors", "xgboost", "--rel", "acepts"]), 2);
    assert!(err.contains("did you mean \"accepts\"?"), "{err}");
    let err = stderr_of(mlkg().args(["search", "x", "--kind", "algoritm"]), 2);
    assert!(err.contains("did you mean \"algorithm\"?"), "{err}");
    let err = stderr_of(mlkg().args(["search", "x", "--kind", "zzz"]), 2);
    assert!(err.contains("no kind \"zzz\""), "{err}");
    assert!(
        err.contains("algorithm, concept"),
        "the declared kinds: {err}"
    );
    let err = stderr_of(mlkg().args(["neighbors", "xgboost", "--rel", "in"]), 2);
    assert!(
        err.contains("\"in\" starts several relations") && err.contains("input_mode"),
        "{err}"
    );
    let err = stderr_of(mlkg().args(["search", "x", "--kind", ""]), 2);
    assert!(err.contains("the kind is empty"), "{err}");
}

/// Splits a command line the way a POSIX shell does, for the quoting used here.
fn shell_words(line: &str) -> Vec<String> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("for a in {line}; do printf '%s\\0' \"$a\"; done"))
        .output()
        .expect("sh runs");
    String::from_utf8(out.stdout)
        .unwrap()
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
