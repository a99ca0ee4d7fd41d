//! A graph that names itself keeps its study progress under that name,
//! wherever the file is; progress kept under the file's path before it had
//! a name is adopted; `check` refuses an unusable name with its position.

use std::path::Path;
use std::process::Command;

use mlkg::graph::load::{Source, load_str};

const NOW: &str = "2027-01-10T09:00:00Z";

fn graph(name: Option<&str>) -> String {
    let name = name.map_or(String::new(), |n| format!("  name: {n:?},\n"));
    format!(
        "(\n{name}  kinds: {{\"a\": (label: \"Algorithm\"), \"f\": (label: \"Format\")}},\n  \
         relations: {{\"accepts\": (label: \"accepts\", inverse: \"accepted by\")}},\n  \
         nodes: [(id: \"x\", kind: \"a\", label: \"X\"), (id: \"y\", kind: \"a\", label: \"Y\"),\n    \
         (id: \"c\", kind: \"f\", label: \"C\"), (id: \"d\", kind: \"f\", label: \"D\")],\n  \
         edges: [(from: \"x\", rel: \"accepts\", to: \"c\"), (from: \"y\", rel: \"accepts\", to: \"d\")],\n)\n"
    )
}

fn study(data: &Path, file: &Path, args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_mlkg"))
        .arg("--graph")
        .arg(file)
        .arg("study")
        .args(args)
        .arg("--json")
        .env("MLKG_DATA_DIR", data)
        .env("MLKG_NOW", NOW)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn reviews(data: &Path, file: &Path) -> u64 {
    study(data, file, &["stats"])["reviews"].as_u64().unwrap()
}

#[test]
fn a_named_graph_keeps_its_progress_when_the_file_moves() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    std::fs::write(&a, graph(Some("demo"))).unwrap();
    study(&data, &a, &["grade", "which:x:accepts:out", "good"]);
    assert_eq!(reviews(&data, &a), 1);
    std::fs::rename(&a, &b).unwrap();
    assert_eq!(reviews(&data, &b), 1, "the same name, the same progress");
    std::fs::write(&a, graph(Some("other"))).unwrap();
    assert_eq!(reviews(&data, &a), 0, "another name starts afresh");
}

#[test]
fn progress_kept_by_path_is_adopted_when_the_graph_gets_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let file = dir.path().join("g.ron");
    std::fs::write(&file, graph(None)).unwrap();
    study(&data, &file, &["grade", "which:x:accepts:out", "good"]);
    std::fs::write(&file, graph(Some("demo"))).unwrap();
    assert_eq!(
        reviews(&data, &file),
        1,
        "the path's progress moved to the name"
    );
    let db = rusqlite::Connection::open(data.join("study.sqlite3")).unwrap();
    let keys: Vec<String> = db
        .prepare("SELECT key FROM graphs ORDER BY key")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(keys, vec!["name:demo".to_string()], "one key, renamed");
}

#[test]
fn check_refuses_an_unusable_name_with_its_position() {
    for (name, wanted) in [
        ("   ", "it is blank"),
        ("two\nlines", "control character"),
        (&"n".repeat(101)[..], "longer than 100"),
    ] {
        let Err(mlkg::graph::LoadError::Invalid { diagnostics, .. }) =
            load_str(&graph(Some(name)), Source::Embedded)
        else {
            panic!("{name:?} was accepted");
        };
        let d = &diagnostics[0];
        assert!(
            d.message.contains("`name`") && d.message.contains(wanted),
            "{}",
            d.message
        );
        assert_eq!((d.line, d.col), (2, 9), "{d:?}");
    }
    assert!(load_str(&graph(Some("SageMaker ML")), Source::Embedded).is_ok());
}

#[test]
fn the_embedded_graphs_progress_moves_to_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = mlkg::study::Store::open(dir.path(), "embedded").unwrap();
    let answer = mlkg::study::store::Answer {
        card: "which:xgboost:accepts:out",
        kind: "format",
        grade: mlkg::study::Grade::Good,
        given: "",
        seconds: 3.0,
    };
    store
        .grade(&answer, 1_799_000_000, &mlkg::study::Settings::default())
        .unwrap();
    drop(store);
    let out = Command::new(env!("CARGO_BIN_EXE_mlkg"))
        .args(["study", "stats", "--json"])
        .env("MLKG_DATA_DIR", dir.path())
        .env("MLKG_NOW", NOW)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        stats["reviews"], 1,
        "kept under `embedded` before the graph had a name"
    );
}
