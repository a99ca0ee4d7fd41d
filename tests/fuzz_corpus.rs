//! Replays the fuzzers' corpus of interesting inputs (tests/fuzz-corpus/,
//! kept small with `cargo fuzz cmin`) through the fuzz targets' checks, so
//! what the fuzzers found stays fixed. README "Fuzzing" says how to run them.

mod common;

use common::fuzz_checks::{check_export, check_graphml, check_load, check_query};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn the_loader_corpus_holds() {
    let all = inputs("load");
    assert!(
        all.len() >= 20,
        "the corpus is there ({} inputs)",
        all.len()
    );
    for (name, data) in all {
        let result = std::panic::catch_unwind(|| check_load(&data));
        assert!(result.is_ok(), "{name} fails the loader's checks");
    }
}

#[test]
fn the_export_corpus_holds() {
    let all = inputs("export");
    assert!(
        all.len() >= 20,
        "the corpus is there ({} inputs)",
        all.len()
    );
    for (name, data) in all {
        let result = std::panic::catch_unwind(|| check_export(&data));
        assert!(result.is_ok(), "{name} fails the exporters' checks");
    }
}

#[test]
fn the_graphml_corpus_holds() {
    let all = inputs("graphml");
    assert!(all.len() >= 5, "the corpus is there ({} inputs)", all.len());
    for (name, data) in all {
        let result = std::panic::catch_unwind(|| check_graphml(&data));
        assert!(result.is_ok(), "{name} fails the GraphML reader's checks");
    }
}

#[test]
fn the_query_corpus_holds() {
    let all = inputs("query");
    assert!(
        all.len() >= 20,
        "the corpus is there ({} inputs)",
        all.len()
    );
    for (name, data) in all {
        let result = std::panic::catch_unwind(|| check_query(&data));
        assert!(result.is_ok(), "{name} fails the query checks");
    }
}
