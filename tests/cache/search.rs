//! `mlkg search` from the search index of a cache entry, without loading the
//! graph: the same output as a search of the parsed file, for every kind of
//! query and option, and never from an entry that is not current.

use std::path::Path;

use assert_cmd::Command;
use mlkg::graph::cache;

use super::{big_graph, edited, write_with_mtime};

/// Runs mlkg on `path` with `args`: stdout, stderr and the exit code. With
/// a cache folder, the entry is used (and written on the first start);
/// without, the file is parsed every time.
fn mlkg(path: &Path, cache_dir: Option<&Path>, args: &[&str]) -> (String, String, Option<i32>) {
    let mut cmd = Command::cargo_bin("mlkg").unwrap();
    match cache_dir {
        Some(dir) => cmd.env("MLKG_CACHE_DIR", dir).env_remove("MLKG_NO_CACHE"),
        None => cmd.env("MLKG_NO_CACHE", "1"),
    };
    let out = cmd.arg("--graph").arg(path).args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

/// Searches answered by the names alone (which the entry's index answers)
/// and searches that need the lower tiers or fail (which load the graph).
const SEARCHES: &[&[&str]] = &[
    &["search", "grad", "--limit", "5"],
    &["search", "n12"],
    &["search", "vanish", "grad", "--limit", "3", "--json"],
    &["search", "lr", "--limit", "2", "--color", "always"],
    &["search", "d", "--limit", "20"],
    &["search", "ml", "--kind", "concept", "--limit", "4"],
    &["search", "ml", "--kind", "nosuchkind"],
    &["search", "gradiant", "descnet", "--limit", "50"],
    &["search", "momentum", "dropout", "--limit", "3"],
    &["search", "grad", "--limit", "0"],
    &["search", "zzqqxx"],
    &["search", "--", "-"],
    &["search", " "],
];

#[test]
fn a_search_from_the_entry_prints_what_a_search_of_the_file_prints() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, _) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    mlkg(&path, Some(&cache_dir), &["show", "n0"]);
    assert!(cache::entry(&cache_dir, &path).exists());
    for args in SEARCHES {
        assert_eq!(
            mlkg(&path, Some(&cache_dir), args),
            mlkg(&path, None, args),
            "mlkg {args:?}"
        );
    }
}

#[test]
fn the_entry_s_index_answers_a_search_and_only_while_it_is_current() {
    let tmp = tempfile::tempdir().unwrap();
    let (path, bytes) = big_graph(tmp.path());
    let cache_dir = tmp.path().join("cache");
    let search = ["search", "n0", "--limit", "1", "--json"];
    let first = mlkg(&path, Some(&cache_dir), &search);
    let entry = cache::entry(&cache_dir, &path);
    let stored = std::fs::read(&entry).unwrap();

    // The search index is the entry's last part: a label changed there is
    // what the next search prints, so that part is what answers. Its labels
    // are one text in node order, so n0's is the one just before n1's.
    let label_of = |id: &str| {
        let found = mlkg(
            &path,
            Some(&cache_dir),
            &["search", id, "--limit", "1", "--json"],
        );
        let found: serde_json::Value = serde_json::from_str(&found.0).unwrap();
        assert_eq!(found[0]["id"], id);
        found[0]["label"].as_str().unwrap().to_string()
    };
    let (label, next) = (label_of("n0"), label_of("n1"));
    let index = search_part(&stored);
    let both = format!("{label}{next}");
    let at = index.start
        + stored[index.clone()]
            .windows(both.len())
            .position(|w| w == both.as_bytes())
            .unwrap();
    let mut forged = stored.clone();
    forged[at] ^= 0x20;
    let sum = xxhash_rust::xxh3::xxh3_64(&forged[index.clone()]);
    forged[index.end..].copy_from_slice(&sum.to_le_bytes());
    std::fs::write(&entry, &forged).unwrap();
    let changed = mlkg(&path, Some(&cache_dir), &search);
    assert_ne!(changed.0, first.0, "the index did not answer");
    assert!(changed.0.contains(&format!(
        "{}{}",
        (label.as_bytes()[0] ^ 0x20) as char,
        &label[1..]
    )));

    // A damaged index is never used: the search reads the file instead.
    let mut damaged = stored.clone();
    damaged[at] ^= 0x20;
    std::fs::write(&entry, &damaged).unwrap();
    assert_eq!(mlkg(&path, Some(&cache_dir), &search), first);
    // Nor a cut one.
    std::fs::write(&entry, &stored[..stored.len() - 100]).unwrap();
    assert_eq!(mlkg(&path, Some(&cache_dir), &search), first);

    // A file changed under the same size and mtime is searched afresh.
    std::fs::write(&entry, &stored).unwrap();
    let before = std::fs::metadata(&path).unwrap();
    write_with_mtime(&path, &edited(&bytes), &before);
    assert_eq!(
        mlkg(&path, Some(&cache_dir), &search),
        mlkg(&path, None, &search)
    );
    assert_ne!(mlkg(&path, None, &search), first);
}

/// Where the search index is in an entry: after the header, the graph and
/// the graph's checksum, before its own checksum. The header ends with the
/// two parts' lengths and its own checksum.
fn search_part(entry: &[u8]) -> std::ops::Range<usize> {
    let word = |at: usize| u64::from_le_bytes(entry[at..at + 8].try_into().unwrap()) as usize;
    let end = (24..entry.len().min(8192))
        .find(|&h| {
            let parts = word(h - 24).checked_add(word(h - 16));
            parts.and_then(|p| p.checked_add(h + 16)) == Some(entry.len())
        })
        .unwrap();
    let start = end + word(end - 24) + 8;
    start..entry.len() - 8
}
