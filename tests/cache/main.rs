//! The cache of validated large graphs: used only for exactly the content it
//! was made from, never trusted when damaged or from another version, and
//! never needed for a correct answer.

use std::fs::{File, FileTimes};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use assert_cmd::Command;
use mlkg::graph::cache::{self, Snapshot};
use mlkg::graph::load::load_path;
use mlkg::graph::search::stored as cache_search;
use mlkg::graph::{Document, Graph, Source};

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

mod hostile;
mod search;

/// A graph file over the cache's size threshold.
fn big_graph(dir: &Path) -> (PathBuf, Vec<u8>) {
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

/// Stores the graph of `path` as read now.
fn put(cache_dir: &Path, path: &Path, doc: &Document) {
    let bytes = std::fs::read(path).unwrap();
    let meta = File::open(path).unwrap().metadata().unwrap();
    let graph = Graph::from_document(doc.clone(), Source::File(path.to_path_buf()));
    cache::put_in(
        cache_dir,
        path,
        cache::Fingerprint::of(&bytes),
        Snapshot::before_read(&meta),
        &graph,
    );
}

/// What the cache gives for `path` as it is now.
fn get(cache_dir: &Path, path: &Path) -> Option<Graph> {
    let file = File::open(path).unwrap();
    let meta = file.metadata().unwrap();
    cache::get_in(cache_dir, path, &file, &meta)
}

/// The search index the cache gives for `path` as it is now.
fn search(cache_dir: &Path, path: &Path) -> Option<cache_search::Stored> {
    let file = File::open(path).unwrap();
    let meta = file.metadata().unwrap();
    cache::search_in(cache_dir, path, &file, &meta)
}

/// The same bytes with one letter of the label of `n0` changed.
fn edited(bytes: &[u8]) -> Vec<u8> {
    let mut changed = bytes.to_vec();
    let node = changed.windows(8).position(|w| w == b"id: \"n0\"").unwrap();
    let at = node
        + changed[node..]
            .windows(8)
            .position(|w| w == b"label: \"")
            .unwrap()
        + 8;
    changed[at] = if changed[at] == b'Z' { b'Y' } else { b'Z' };
    changed
}

/// Writes `bytes` at `path` and gives it the modification time `like` had.
fn write_with_mtime(path: &Path, bytes: &[u8], like: &std::fs::Metadata) {
    std::fs::write(path, bytes).unwrap();
    let f = File::options().write(true).open(path).unwrap();
    f.set_times(FileTimes::new().set_modified(like.modified().unwrap()))
        .unwrap();
}

#[test]
fn an_entry_gives_back_the_same_graph_for_the_same_content() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, _) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    let parsed = load_path(&path).unwrap().graph;
    put(&cache_dir, &path, &parsed.to_document());

    let cached = get(&cache_dir, &path).expect("a hit for the same content");
    assert_eq!(cached.to_document(), parsed.to_document());
    assert_eq!(cached.source, Source::File(path.clone()));
    assert_eq!(cached.find("n17"), parsed.find("n17"));
}

#[test]
fn the_same_size_and_mtime_with_other_bytes_misses() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, bytes) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    put(
        &cache_dir,
        &path,
        &load_path(&path).unwrap().graph.to_document(),
    );
    let before = std::fs::metadata(&path).unwrap();

    write_with_mtime(&path, &edited(&bytes), &before);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (after.len(), after.modified().unwrap()),
        (before.len(), before.modified().unwrap())
    );
    assert!(get(&cache_dir, &path).is_none(), "changed content misses");
}

#[test]
fn a_file_replaced_by_rename_misses_unless_its_content_is_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, bytes) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    put(
        &cache_dir,
        &path,
        &load_path(&path).unwrap().graph.to_document(),
    );
    let before = std::fs::metadata(&path).unwrap();

    let other = tmp.path().join("other.ron");
    write_with_mtime(&other, &edited(&bytes), &before);
    std::fs::rename(&other, &path).unwrap();
    assert!(get(&cache_dir, &path).is_none(), "other content misses");

    write_with_mtime(&other, &bytes, &before);
    std::fs::rename(&other, &path).unwrap();
    assert!(
        get(&cache_dir, &path).is_some(),
        "the same content under a new inode is still the same graph"
    );
}

#[test]
fn a_settled_file_is_proved_current_by_its_stamp_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, bytes) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    let graph = load_path(&path).unwrap().graph;
    let meta = File::open(&path).unwrap().metadata().unwrap();
    // The file's last change is its ctime, which cannot be set; the reads
    // below are given their time instead of waiting for the clock.
    let changed = UNIX_EPOCH + Duration::new(meta.ctime() as u64, meta.ctime_nsec() as u32);
    let put_read_at = |when| {
        cache::put_in(
            &cache_dir,
            &path,
            cache::Fingerprint::of(&bytes),
            Snapshot::read_at(&meta, when),
            &graph,
        );
    };
    // A handle that cannot be read: only a check by the stamp can succeed.
    let unreadable = File::options().append(true).open(&path).unwrap();
    let by_stamp = |unreadable: &File| {
        let meta = unreadable.metadata().unwrap();
        cache::get_in(&cache_dir, &path, unreadable, &meta).is_some()
    };

    put_read_at(changed + cache::SETTLED - Duration::from_nanos(1));
    assert!(
        !by_stamp(&unreadable),
        "read just before the file settled: the stamp alone proves nothing"
    );
    put_read_at(changed + cache::SETTLED);
    assert!(by_stamp(&unreadable), "read once the file settled");

    // Its times set again (same mtime, new ctime): the content is hashed.
    unreadable
        .set_times(FileTimes::new().set_modified(meta.modified().unwrap()))
        .unwrap();
    assert!(!by_stamp(&unreadable));
    assert!(
        get(&cache_dir, &path).is_some(),
        "same content, still a hit"
    );
}

#[test]
fn a_damaged_or_foreign_entry_is_never_trusted() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, _) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    put(
        &cache_dir,
        &path,
        &load_path(&path).unwrap().graph.to_document(),
    );
    let entry = cache::entry(&cache_dir, &path);
    let good = std::fs::read(&entry).unwrap();
    let mut cases: Vec<(&str, Vec<u8>)> = Vec::new();

    let mut flipped = good.clone();
    let graph = flipped.len() / 4;
    flipped[graph] ^= 0x40;
    cases.push(("a flipped bit in the graph", flipped));
    cases.push(("a truncated entry", good[..good.len() / 2].to_vec()));
    cases.push(("an empty entry", Vec::new()));
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let at = good
        .windows(version.len())
        .position(|w| w == version)
        .unwrap();
    let mut other_version = good.clone();
    other_version[at + version.len() - 1] ^= 0x01;
    cases.push(("another version's entry", other_version));
    let mut old_format = good.clone();
    old_format[7] = b'2';
    cases.push(("an older format", old_format));

    for (what, bytes) in cases {
        std::fs::write(&entry, &bytes).unwrap();
        assert!(get(&cache_dir, &path).is_none(), "{what} misses");
        if what != "a flipped bit in the graph" {
            assert!(
                search(&cache_dir, &path).is_none(),
                "{what} misses a search"
            );
        }
    }
    // The search index is checked on its own: damage there costs a search
    // its shortcut, not a load its graph.
    let mut flipped = good.clone();
    let index = flipped.len() - 10;
    flipped[index] ^= 0x40;
    std::fs::write(&entry, &flipped).unwrap();
    assert!(
        search(&cache_dir, &path).is_none(),
        "a flipped bit in the index misses"
    );
    assert!(get(&cache_dir, &path).is_some(), "the graph is whole");
    std::fs::write(&entry, &good).unwrap();
    assert!(
        get(&cache_dir, &path).is_some(),
        "the good entry still hits"
    );
    assert!(search(&cache_dir, &path).is_some(), "and gives its index");
}

#[test]
fn small_files_are_not_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let cache_dir = tmp.path().join("cache");
    let path = Path::new("tests/fixtures/small.ron");
    let doc = load_path(path).unwrap().graph.to_document();
    put(&cache_dir, path, &doc);
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
    let first = show("n0");
    assert!(
        cache::entry(&cache_dir, &path).exists(),
        "the first start writes the entry"
    );
    assert_eq!(show("n0"), first, "the second start answers the same");

    let before = std::fs::metadata(&path).unwrap();
    let changed = edited(&bytes);
    write_with_mtime(&path, &changed, &before);
    let label = first["label"].as_str().unwrap();
    assert_ne!(
        show("n0")["label"],
        label,
        "an edited file of the same size and mtime is parsed again"
    );
}
