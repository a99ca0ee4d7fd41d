//! Work bounded by the size of the answer: counts linear in kinds and
//! relations, walks a long chain deep without writing or holding too much.

use std::fmt::Write as _;
use std::path::Path;

use super::{json, mlkg, stdout};

/// A graph of `n` nodes, each of its own kind, linked in a chain.
fn chain(dir: &Path, n: usize) -> std::path::PathBuf {
    let mut s = String::from("(kinds: {");
    for i in 0..n {
        write!(s, "\"k{i}\": (label: \"K{i}\"),").unwrap();
    }
    s.push_str("}, relations: {\"next\": (label: \"next\", inverse: \"after\")}, nodes: [");
    for i in 0..n {
        write!(s, "(id: \"n{i}\", kind: \"k{i}\", label: \"N{i}\"),").unwrap();
    }
    s.push_str("], edges: [");
    for i in 1..n {
        write!(s, "(from: \"n{}\", rel: \"next\", to: \"n{i}\"),", i - 1).unwrap();
    }
    s.push_str("])");
    let path = dir.join(format!("chain{n}.ron"));
    std::fs::write(&path, s).unwrap();
    path
}

#[test]
fn stats_on_100k_kinds_counts_in_one_pass() {
    let dir = tempfile::tempdir().unwrap();
    let g = chain(dir.path(), 100_000);
    // Counting per kind by scanning every node was 10^10 steps here (over a
    // minute); one pass takes well under a second beside the load.
    let started = std::time::Instant::now();
    let v = json(mlkg().arg("--graph").arg(&g).args(["stats", "--json"]));
    assert_eq!(v["kinds"]["k99999"], 1);
    assert_eq!(v["relations"]["next"], 99_999);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(40),
        "stats took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_deep_walk_writes_bounded_indentation_and_streams_json() {
    let dir = tempfile::tempdir().unwrap();
    let g = chain(dir.path(), 3_000);
    let text = stdout(mlkg().arg("--graph").arg(&g).args([
        "neighbors",
        "n0",
        "--dir",
        "out",
        "--depth",
        "1000000",
    ]));
    assert_eq!(text.lines().count(), 3_000);
    let longest = text.lines().map(str::len).max().unwrap();
    assert!(longest < 80, "a line of {longest} bytes");
    assert!(
        text.contains("\n                [2999] N2998 —next→ N2999  [k2999]  n2999\n"),
        "deep lines say their depth"
    );
    let v = json(mlkg().arg("--graph").arg(&g).args([
        "neighbors",
        "n0",
        "--depth",
        "1000000",
        "--json",
    ]));
    assert_eq!(v.as_array().unwrap().len(), 2_999);
    assert_eq!(v[2_998]["depth"], 2_999);
    let v = json(
        mlkg()
            .arg("--graph")
            .arg(&g)
            .args(["path", "n2999", "n0", "--json"]),
    );
    assert_eq!(v["length"], 2_999);
    assert_eq!(v["nodes"].as_array().unwrap().len(), 3_000);
    assert_eq!(v["steps"][0]["direction"], "backward");
    assert!(
        v["text"]
            .as_str()
            .unwrap()
            .starts_with("N2999 ←next— N2998")
    );
}
