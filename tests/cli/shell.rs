//! Shell integration: completion scripts and dynamic completion of node
//! ids, kinds and relations from the graph in use, and the man page.

use std::process::Command as Process;

use super::{SMALL, mlkg, stdout};

/// Whether a tool runs here; when it does not, the test may skip unless
/// the variable says the tool is required (CI sets it).
fn have(tool: &str, arg: &str, require: &str) -> bool {
    if Process::new(tool).arg(arg).output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os(require).is_none(),
        "{require} is set but {tool} is not installed"
    );
    eprintln!("skipped: {tool} is not installed (CI installs it)");
    false
}

#[test]
fn completions_print_a_script_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(mlkg().args(["completions", shell]));
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
        assert!(script.contains("mlkg"), "{shell}");
    }
    // The same script as `COMPLETE=bash mlkg`.
    let direct = stdout(mlkg().env("COMPLETE", "bash"));
    assert_eq!(direct, stdout(mlkg().args(["completions", "bash"])));
    mlkg().args(["completions", "tcsh"]).assert().code(2);
}

/// What the dynamic completer offers for a command line (words after `mlkg`).
fn offered(envs: &[(&str, &str)], words: &[&str]) -> Vec<String> {
    let mut cmd = mlkg();
    cmd.env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env("_CLAP_IFS", "\n")
        .args(["--", "mlkg"])
        .args(words);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    stdout(&mut cmd).lines().map(str::to_string).collect()
}

#[test]
fn node_kind_and_relation_values_complete_from_the_graph_in_use() {
    let ids = offered(&[], &["show", "xgb"]);
    assert!(ids.contains(&"xgboost".to_string()), "{ids:?}");
    assert!(ids.iter().all(|i| i.starts_with("xgb")), "{ids:?}");
    // The fixture's ids, through --graph on the line or MLKG_GRAPH.
    let ids = offered(&[], &["--graph", SMALL, "path", "sigmoid", "l"]);
    assert_eq!(ids, ["libsvm", "l1", "l2", "lstm"]);
    let ids = offered(&[("MLKG_GRAPH", SMALL)], &["export", "--root", "l"]);
    assert_eq!(ids, ["libsvm", "l1", "l2", "lstm"]);
    let kinds = offered(&[], &["search", "x", "--kind", "hyper"]);
    assert_eq!(kinds, ["hyperparameter"]);
    let rels = offered(&[], &["neighbors", "xgboost", "--rel", "tr"]);
    assert_eq!(rels, ["trains_on"]);
    // The questions' commands complete the same values.
    let ids = offered(&[("MLKG_GRAPH", SMALL)], &["compare", "sigmoid", "l"]);
    assert_eq!(ids, ["libsvm", "l1", "l2", "lstm"]);
    let kinds = offered(&[], &["table", "--rows", "hyper"]);
    assert_eq!(kinds, ["hyperparameter"]);
    let rels = offered(&[], &["table", "--rows", "algorithm", "--rel", "tr"]);
    assert_eq!(rels, ["trains_on"]);
}

#[test]
fn bash_completes_a_node_id_with_the_generated_script() {
    if !have("bash", "--version", "MLKG_REQUIRE_BASH") {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("mlkg");
    let dir = bin.parent().unwrap();
    let script = r#"source <(mlkg completions bash)
COMP_WORDS=(mlkg show xgb); COMP_CWORD=2; COMP_TYPE=9
COMP_LINE="mlkg show xgb"; COMP_POINT=${#COMP_LINE}
_clap_complete_mlkg mlkg xgb show
printf '%s\n' "${COMPREPLY[@]}""#;
    let out = Process::new("bash")
        .arg("-c")
        .arg(script)
        .env("PATH", format!("{}:/usr/bin:/bin", dir.display()))
        .env_remove("MLKG_GRAPH")
        .output()
        .expect("bash runs");
    let offered = String::from_utf8_lossy(&out.stdout);
    assert!(
        offered.lines().any(|l| l == "xgboost"),
        "offered: {offered}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_man_page_covers_every_command_and_groff_renders_it_cleanly() {
    let page = stdout(mlkg().arg("man"));
    assert!(
        page.contains(
            "
.TH mlkg 1 "
        ),
        "{page}"
    );
    for sub in super::SUBCOMMANDS {
        assert!(
            page.contains(&format!(".SS \"mlkg {sub}\"")),
            "{sub} has a section"
        );
    }
    assert!(page.is_ascii(), "non-ASCII written as roff escapes");
    if !have("groff", "--version", "MLKG_REQUIRE_GROFF") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mlkg.1");
    std::fs::write(&file, &page).unwrap();
    let out = Process::new("groff")
        .args(["-man", "-Tutf8", "-ww"])
        .arg(&file)
        .output()
        .expect("groff runs");
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warned");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("—causes→") && text.contains("←mitigates—"),
        "escapes render"
    );
}
