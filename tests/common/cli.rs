//! Running the real binary in the command-line tests, and reading what it
//! printed.

#![allow(dead_code)]

use std::borrow::BorrowMut;

use assert_cmd::Command;
use serde_json::Value;

/// The `mlkg` binary, with no graph or colour setting from the environment.
pub fn mlkg() -> Command {
    let mut cmd = Command::cargo_bin("mlkg").expect("binary built");
    cmd.env_remove("MLKG_GRAPH").env_remove("NO_COLOR");
    cmd
}

/// The binary on a graph file, with these arguments.
pub fn on_graph(graph: &str, args: &[&str]) -> Command {
    let mut cmd = mlkg();
    cmd.args(["--graph", graph]).args(args);
    cmd
}

/// What a command that must succeed printed on stdout.
pub fn stdout(mut cmd: impl BorrowMut<Command>) -> String {
    let out = cmd.borrow_mut().assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

/// What a command that must succeed printed on stdout, as JSON.
pub fn json(cmd: impl BorrowMut<Command>) -> Value {
    serde_json::from_str(&stdout(cmd)).expect("valid JSON")
}

/// What a command printed on stderr, asserting its exit code.
pub fn stderr_of(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code);
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}
