//! The cache trusts nothing it did not make: entries and folders of other
//! users, links, FIFOs, oversized entries are ignored; its own folder and
//! entries are closed to others; entries of deleted graphs are pruned. And
//! a graph file swapped for a FIFO between a check and an open cannot hang.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use mlkg::graph::Document;
use mlkg::graph::cache;
use mlkg::graph::load::load_path;

use crate::synth;

const NOBODY: u32 = 65534;

/// A folder all users may enter, with a cacheable graph file in it.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut bytes = Vec::new();
    synth::write_graph(4000, 7, &mut bytes).unwrap();
    let path = tmp.path().join("big.ron");
    std::fs::write(&path, &bytes).unwrap();
    (tmp, path)
}

/// Runs `mlkg --graph G show n0 --json` with a cache folder, under a time
/// and memory limit, as `user` when given; its output and n0's label. A
/// search for `n0`, which reads the entry's search index rather than its
/// graph, must find the same label.
fn show(path: &Path, cache_dir: &Path, user: Option<u32>) -> (Output, String) {
    let (out, label) = run(path, cache_dir, user, &["show", "n0", "--json"], "");
    let (found, found_label) = run(
        path,
        cache_dir,
        user,
        &["search", "n0", "--limit", "1", "--json"],
        "/0",
    );
    assert_eq!(
        (found.status.code(), &found_label),
        (out.status.code(), &label),
        "a search disagrees with show: {}",
        String::from_utf8_lossy(&found.stderr)
    );
    (out, label)
}

/// Runs mlkg with `args` as `show` does; the label at `pointer/label` of its JSON.
fn run(
    path: &Path,
    cache_dir: &Path,
    user: Option<u32>,
    args: &[&str],
    pointer: &str,
) -> (Output, String) {
    let bin = env!("CARGO_BIN_EXE_mlkg");
    let mut cmd = Command::new("timeout");
    cmd.arg("20");
    if let Some(uid) = user {
        cmd.args([
            "setpriv",
            &format!("--reuid={uid}"),
            &format!("--regid={uid}"),
            "--clear-groups",
        ]);
    }
    // 1.5 GB of address space: reading /dev/zero or a huge entry would fail.
    cmd.args(["sh", "-c", "ulimit -v 1500000; exec \"$@\"", "sh", bin])
        .env("MLKG_CACHE_DIR", cache_dir)
        .env_remove("MLKG_NO_CACHE")
        .arg("--graph")
        .arg(path)
        .args(args);
    let out = cmd.output().unwrap();
    let label = serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .ok()
        .and_then(|v| {
            v.pointer(&format!("{pointer}/label"))?
                .as_str()
                .map(str::to_string)
        })
        .unwrap_or_default();
    (out, label)
}

/// The document of `path` with n0's label replaced: what a forger would plant.
fn forged(path: &Path) -> Document {
    let mut doc = load_path(path).unwrap().graph.to_document();
    doc.nodes[0].label = "FORGED".into();
    doc
}

/// Writes an entry for `path` that claims its current content but holds `doc`.
fn plant(cache_dir: &Path, path: &Path, doc: &Document) {
    crate::put(cache_dir, path, doc);
    assert!(cache::entry(cache_dir, path).exists());
}

fn chown(path: &Path, uid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(uid)).unwrap();
}

/// Whether this test can act as a second user (root with setpriv).
fn second_user() -> bool {
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let setpriv = Command::new("setpriv").arg("--version").output().is_ok();
    if !(root && setpriv) {
        assert!(
            std::env::var_os("MLKG_REQUIRE_SETPRIV").is_none(),
            "MLKG_REQUIRE_SETPRIV is set but this is not root with setpriv"
        );
        eprintln!("skipped: needs root and setpriv to act as a second user");
    }
    root && setpriv
}

#[test]
fn an_entry_planted_by_another_user_is_ignored() {
    if !second_user() {
        return;
    }
    let (tmp, path) = setup();
    let cache_dir = tmp.path().join("cache");
    // The folder is nobody's own; the entry in it is root's, readable.
    plant(&cache_dir, &path, &forged(&path));
    chown(&cache_dir, NOBODY);
    let entry = cache::entry(&cache_dir, &path);
    std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (out, label) = show(&path, &cache_dir, Some(NOBODY));
    assert!(out.status.success(), "{out:?}");
    assert_ne!(label, "FORGED", "another user's entry was served");
}

#[test]
fn a_folder_of_another_user_is_ignored_and_never_written() {
    if !second_user() {
        return;
    }
    let (tmp, path) = setup();
    let cache_dir = tmp.path().join("cache");
    // The entry is nobody's own, but the folder is root's and open to all.
    plant(&cache_dir, &path, &forged(&path));
    let entry = cache::entry(&cache_dir, &path);
    chown(&entry, NOBODY);
    std::fs::set_permissions(&cache_dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    let (out, label) = show(&path, &cache_dir, Some(NOBODY));
    assert!(out.status.success(), "{out:?}");
    assert_ne!(
        label, "FORGED",
        "an entry in another user's folder was served"
    );
    let left = std::fs::read_dir(&cache_dir).unwrap().count();
    assert_eq!(left, 1, "nothing is written into another user's folder");
}

#[test]
fn the_folder_is_closed_and_entries_are_private() {
    let (tmp, path) = setup();
    let cache_dir = tmp.path().join("cache");
    let (out, _) = show(&path, &cache_dir, None);
    assert!(out.status.success(), "{out:?}");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().mode() & 0o777;
    assert_eq!(mode(&cache_dir), 0o700);
    assert_eq!(mode(&cache::entry(&cache_dir, &path)), 0o600);
    // A folder of the user's that others may enter is closed at the next use.
    std::fs::set_permissions(&cache_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (out, _) = show(&path, &cache_dir, None);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(mode(&cache_dir), 0o700);
}

#[test]
fn an_entry_that_is_a_fifo_a_link_or_huge_is_not_read() {
    let (tmp, path) = setup();
    let cache_dir = tmp.path().join("cache");
    std::fs::create_dir(&cache_dir).unwrap();
    std::fs::set_permissions(&cache_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    let entry = cache::entry(&cache_dir, &path);
    let expected = load_path(&path).unwrap().graph.to_document().nodes[0]
        .label
        .clone();

    let fifo = Command::new("mkfifo").arg(&entry).status().unwrap();
    assert!(fifo.success());
    let (out, label) = show(&path, &cache_dir, None);
    assert!(out.status.success(), "a FIFO entry: {out:?}");
    assert_eq!(label, expected);
    std::fs::remove_file(&entry).unwrap();

    std::os::unix::fs::symlink("/dev/zero", &entry).unwrap();
    let (out, label) = show(&path, &cache_dir, None);
    assert!(out.status.success(), "a link to /dev/zero: {out:?}");
    assert_eq!(label, expected);
    std::fs::remove_file(&entry).unwrap();

    // A link to a good entry is not followed either.
    plant(&cache_dir, &path, &forged(&path));
    let real = cache_dir.join("elsewhere");
    std::fs::rename(&entry, &real).unwrap();
    std::os::unix::fs::symlink(&real, &entry).unwrap();
    let (out, label) = show(&path, &cache_dir, None);
    assert!(out.status.success(), "{out:?}");
    assert_ne!(label, "FORGED", "a link to an entry was followed");
    std::fs::remove_file(&entry).unwrap();

    // 8 GiB, sparse: over the bound for this graph, never read.
    let huge = std::fs::File::create(&entry).unwrap();
    huge.set_len(8 << 30).unwrap();
    let (out, label) = show(&path, &cache_dir, None);
    assert!(out.status.success(), "a huge entry: {out:?}");
    assert_eq!(label, expected);
}

#[test]
fn entries_of_deleted_graphs_and_over_the_total_are_pruned() {
    let (tmp, path) = setup();
    let cache_dir = tmp.path().join("cache");
    let doc = load_path(&path).unwrap().graph.to_document();
    let other = tmp.path().join("other.ron");
    std::fs::copy(&path, &other).unwrap();
    plant(&cache_dir, &other, &doc);
    std::fs::remove_file(&other).unwrap();
    let gone = cache::entry(&cache_dir, &other);
    assert!(gone.exists());
    plant(&cache_dir, &path, &doc);
    assert!(!gone.exists(), "the entry of a deleted graph is pruned");

    let third = tmp.path().join("third.ron");
    std::fs::copy(&path, &third).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    plant(&cache_dir, &third, &doc);
    let size = std::fs::metadata(cache::entry(&cache_dir, &third))
        .unwrap()
        .len();
    cache::prune_in(&cache_dir, size + size / 2);
    assert!(
        cache::entry(&cache_dir, &third).exists(),
        "the newest stays"
    );
    assert!(
        !cache::entry(&cache_dir, &path).exists(),
        "the oldest goes when the total is over the bound"
    );
}

#[test]
fn a_graph_file_swapped_for_a_fifo_never_hangs_a_load() {
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("good.ron");
    std::fs::copy("tests/fixtures/small.ron", &good).unwrap();
    let fifo = tmp.path().join("fifo");
    let target = tmp.path().join("g.ron");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // The target is always there, a regular file and a FIFO in turn.
    let swapper = {
        let (good, fifo, target, stop) = (good.clone(), fifo.clone(), target.clone(), stop.clone());
        let link = fifo.with_extension("link");
        let c_fifo = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let _ = std::fs::hard_link(&good, &link);
                let _ = std::fs::rename(&link, &target);
                // SAFETY: a valid NUL-terminated path.
                unsafe { libc::mkfifo(c_fifo.as_ptr(), 0o600) };
                let _ = std::fs::rename(&fifo, &target);
            }
        })
    };
    // Loads until many found the file and many the FIFO, so the swap raced
    // the loads both ways; the counts are shared to tell a hang apart.
    let seen = std::sync::Arc::new([(); 2].map(|_| std::sync::atomic::AtomicUsize::new(0)));
    let (tx, rx) = std::sync::mpsc::channel();
    let (loads, counts) = (target.clone(), seen.clone());
    std::thread::spawn(move || {
        let count = |i: usize| counts[i].load(std::sync::atomic::Ordering::Relaxed);
        while count(0) + count(1) < 2000 || count(0) < 200 || count(1) < 200 {
            let i = usize::from(load_path(&loads).is_err());
            counts[i].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        let _ = tx.send(());
    });
    let finished = rx.recv_timeout(Duration::from_secs(20));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    swapper.join().unwrap();
    let [file, other] = [0, 1].map(|i| seen[i].load(std::sync::atomic::Ordering::Relaxed));
    assert!(
        finished.is_ok(),
        "a load hung on a FIFO swapped in, or the swap never raced the loads \
         ({file} loads of the file, {other} refused)"
    );
}

/// An entry a process was writing when it was killed is removed by a later
/// prune once it is an hour old; one being written now, and files that
/// are not the cache's, stay.
#[test]
fn unfinished_entries_left_by_a_stopped_process_are_pruned() {
    let (tmp, path) = setup();
    let cache_dir = tmp.path().join("cache");
    let doc = load_path(&path).unwrap().graph.to_document();
    plant(&cache_dir, &path, &doc);
    let entry = cache::entry(&cache_dir, &path);
    let name = entry.file_name().unwrap().to_str().unwrap().to_string();
    let made = |file: &str, age: u64| {
        let p = cache_dir.join(file);
        let f = std::fs::File::create(&p).unwrap();
        f.set_modified(std::time::SystemTime::now() - Duration::from_secs(age))
            .unwrap();
        p
    };
    let stale = made(&format!(".{name}.4242.tmp"), 2 * 3600);
    let fresh = made(&format!(".{name}.4343.tmp"), 60);
    let other = made(".notes.4242.tmp", 2 * 3600);
    cache::prune_in(&cache_dir, u64::MAX);
    assert!(!stale.exists(), "an hour-old unfinished entry goes");
    assert!(fresh.exists(), "one being written stays");
    assert!(other.exists(), "a file that is not the cache's stays");
    assert!(entry.exists());
}
