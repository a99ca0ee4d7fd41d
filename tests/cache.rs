//! The cache of validated large graphs: used only for exactly the content it
//! was made from, never trusted when damaged, and never needed for a correct
//! answer.

use std::path::Path;

use assert_cmd::Command;
use mlkg::graph::Source;
use mlkg::graph::cache::{self, Fingerprint};
use mlkg::graph::load::load_path;

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

/// A graph file over the cache's size threshold.
fn big_graph(dir: &Path) -> (std::path::PathBuf, Vec<u8>) {
    let mut bytes = Vec::new();
    synth::write_graph(4000, 7, &mut bytes).unwrap();
    assert!(
        bytes.len() >= cache::MIN_BYTES,
        "the file must be large enough to be cached"
    );
    let path = dir.join("big.ron");
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

#[test]
fn an_entry_gives_back_the_same_graph_for_the_same_content_only() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, bytes) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    let parsed = load_path(&path).unwrap().graph;
    cache::put_in(&cache_dir, &path, &bytes, &parsed.to_document());

    let cached = cache::get_in(&cache_dir, &path, Fingerprint::of(&bytes))
        .expect("a hit for the same content");
    assert_eq!(cached.to_document(), parsed.to_document());
    assert_eq!(cached.source, Source::File(path.clone()));
    assert_eq!(cached.find("n17"), parsed.find("n17"));

    let mut changed = bytes.clone();
    let at = changed.windows(3).position(|w| w == b"n0\"").unwrap();
    changed[at] = b'm';
    assert!(
        cache::get_in(&cache_dir, &path, Fingerprint::of(&changed)).is_none(),
        "changed content misses"
    );
}

#[test]
fn a_damaged_entry_is_never_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, bytes) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    let doc = load_path(&path).unwrap().graph.to_document();
    cache::put_in(&cache_dir, &path, &bytes, &doc);
    let entry = cache::entry(&cache_dir, &path);
    let good = std::fs::read(&entry).unwrap();

    let mut flipped = good.clone();
    let last = flipped.len() - 10;
    flipped[last] ^= 0x40;
    std::fs::write(&entry, &flipped).unwrap();
    assert!(
        cache::get_in(&cache_dir, &path, Fingerprint::of(&bytes)).is_none(),
        "a flipped bit misses"
    );

    std::fs::write(&entry, &good[..good.len() / 2]).unwrap();
    assert!(
        cache::get_in(&cache_dir, &path, Fingerprint::of(&bytes)).is_none(),
        "a truncated entry misses"
    );

    std::fs::write(&entry, b"").unwrap();
    assert!(
        cache::get_in(&cache_dir, &path, Fingerprint::of(&bytes)).is_none(),
        "an empty entry misses"
    );
}

#[test]
fn small_files_are_not_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let cache_dir = tmp.path().join("cache");
    let path = Path::new("tests/fixtures/small.ron");
    let bytes = std::fs::read(path).unwrap();
    let doc = load_path(path).unwrap().graph.to_document();
    cache::put_in(&cache_dir, path, &bytes, &doc);
    assert!(!cache_dir.exists(), "nothing written for a small file");
}

#[test]
fn the_binary_uses_the_cache_and_sees_every_change_of_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, bytes) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    let show = |id: &str| {
        let out = Command::cargo_bin("mlkg")
            .unwrap()
            .env("MLKG_CACHE_DIR", &cache_dir)
            .env_remove("MLKG_NO_CACHE")
            .arg("--graph")
            .arg(&path)
            .args(["show", id, "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        serde_json::from_slice::<serde_json::Value>(&out).unwrap()
    };
    let first = show("n1");
    assert!(
        cache::entry(&cache_dir, &path).exists(),
        "the first start writes the entry"
    );
    assert_eq!(show("n1"), first, "the second start answers the same");

    // The same size, other content: the label of n1 changes one letter.
    let label = first["label"].as_str().unwrap().to_string();
    let mut renamed = label.clone();
    let c = renamed.remove(0);
    renamed.insert(0, if c == 'Z' { 'Y' } else { 'Z' });
    let text = String::from_utf8(bytes).unwrap().replacen(
        &format!("label: \"{label}\""),
        &format!("label: \"{renamed}\""),
        1,
    );
    std::fs::write(&path, text).unwrap();
    assert_eq!(
        show("n1")["label"],
        renamed.as_str(),
        "an edited file is parsed again"
    );
}
