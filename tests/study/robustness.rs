//! Study progress under faults (docs/robustness.md, "Study progress"): a
//! damaged database, one from a newer mlkg, a read-only data folder and a
//! full disk each give a clear message, and no answer already acknowledged
//! is lost; the damaged file is kept aside, never overwritten.

use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

const T0: &str = "2026-11-30T08:00:00Z";
const CARD: &str = "which:xgboost:accepts:out";

fn study(data: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("mlkg")
        .unwrap()
        .env_remove("MLKG_GRAPH")
        .env("MLKG_DATA_DIR", data)
        .env("MLKG_NOW", T0)
        .arg("study")
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn reviews(data: &Path) -> u64 {
    let o = study(data, &["stats", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["reviews"].as_u64().unwrap()
}

fn db(data: &Path) -> std::path::PathBuf {
    data.join("study.sqlite3")
}

#[test]
fn s1_a_damaged_database_is_reported_kept_and_set_aside_only_when_asked() {
    for damage in [Damage::NotSqlite, Damage::BrokenPages] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        assert!(study(data, &["grade", CARD, "good"]).status.success());
        damage.apply(&db(data));
        let before = std::fs::read(db(data)).unwrap();
        let o = study(data, &["grade", CARD, "good"]);
        assert_eq!(o.status.code(), Some(1), "{damage:?}");
        let msg = stderr(&o);
        assert!(
            msg.contains("is damaged") && msg.contains("study.sqlite3"),
            "{msg}"
        );
        assert!(msg.contains("mlkg study set-aside"), "{msg}");
        assert_eq!(
            std::fs::read(db(data)).unwrap(),
            before,
            "the damaged file is untouched"
        );
        let o = study(data, &["set-aside"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let aside: Vec<_> = std::fs::read_dir(data)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with("-08-00"))
            .collect();
        assert_eq!(
            aside.len(),
            1,
            "{:?}",
            std::fs::read_dir(data).unwrap().collect::<Vec<_>>()
        );
        assert_eq!(
            std::fs::read(&aside[0]).unwrap(),
            before,
            "kept aside as it was"
        );
        assert!(study(data, &["grade", CARD, "good"]).status.success());
        assert_eq!(reviews(data), 1, "a new database starts");
    }
}

#[derive(Debug, Clone, Copy)]
enum Damage {
    NotSqlite,
    BrokenPages,
}

impl Damage {
    fn apply(self, path: &Path) {
        // Fold the log into the main file first, so the damage is all there is.
        let conn = rusqlite::Connection::open(path).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        drop(conn);
        let mut bytes = std::fs::read(path).unwrap();
        match self {
            Damage::NotSqlite => bytes[..16].copy_from_slice(b"this is not sql!"),
            Damage::BrokenPages => {
                for b in &mut bytes[100..] {
                    *b ^= 0x5a;
                }
            }
        }
        std::fs::write(path, bytes).unwrap();
    }
}

#[test]
fn s2_a_database_from_a_newer_mlkg_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(study(data, &["grade", CARD, "good"]).status.success());
    let conn = rusqlite::Connection::open(db(data)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(conn);
    let before = std::fs::read(db(data)).unwrap();
    let o = study(data, &["grade", CARD, "good"]);
    assert_eq!(o.status.code(), Some(1));
    let msg = stderr(&o);
    assert!(msg.contains("newer mlkg (schema 99"), "{msg}");
    assert_eq!(std::fs::read(db(data)).unwrap(), before);
}

/// A small tmpfs, unmounted when dropped; None where mounting is not allowed.
struct Disk(tempfile::TempDir);

impl Disk {
    fn mount(size: &str) -> Option<Disk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Disk(dir))
    }

    fn remount(&self, how: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{how}")])
            .arg(self.0.path())
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

impl Drop for Disk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

fn skip_without_mount() {
    assert!(
        std::env::var_os("MLKG_REQUIRE_MOUNT").is_none(),
        "MLKG_REQUIRE_MOUNT is set but mounting a tmpfs failed"
    );
    eprintln!("skipped: mounting a tmpfs needs root");
}

#[test]
fn s3_a_read_only_data_folder_is_a_clear_error() {
    let Some(disk) = Disk::mount("4m") else {
        return skip_without_mount();
    };
    let data = disk.0.path().join("mlkg");
    assert!(study(&data, &["grade", CARD, "good"]).status.success());
    disk.remount("ro");
    let o = study(&data, &["grade", CARD, "good"]);
    assert_eq!(o.status.code(), Some(1));
    let msg = stderr(&o);
    assert!(
        msg.contains("cannot write study progress") && msg.contains("MLKG_DATA_DIR"),
        "{msg}"
    );
    // A data folder that cannot be created says so too.
    let o = study(&disk.0.path().join("new"), &["due"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot write study progress"),
        "{}",
        stderr(&o)
    );
    disk.remount("rw");
    assert_eq!(reviews(&data), 1, "the earlier answer is there");
}

#[test]
fn s4_a_full_disk_loses_only_the_answer_in_flight() {
    let Some(disk) = Disk::mount("512k") else {
        return skip_without_mount();
    };
    let data = disk.0.path().join("mlkg");
    assert!(study(&data, &["grade", CARD, "good"]).status.success());
    let filler = disk.0.path().join("filler");
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&filler).unwrap();
        while f.write_all(&[0u8; 4096]).is_ok() {}
        let _ = f.sync_all();
    }
    let mut failed = None;
    for i in 0..50 {
        let card = format!(
            "which:xgboost:{}:out",
            ["accepts", "trains_on", "solves"][i % 3]
        );
        let o = study(&data, &["grade", &card, "good"]);
        if !o.status.success() {
            failed = Some(o);
            break;
        }
    }
    let o = failed.expect("grading on a full disk fails at some point");
    assert_eq!(o.status.code(), Some(1));
    let msg = stderr(&o);
    assert!(
        msg.contains("is full") && msg.contains("earlier ones are safe"),
        "{msg}"
    );
    std::fs::remove_file(&filler).unwrap();
    let n = reviews(&data);
    assert!(n >= 1, "the earlier answers are there");
    assert!(study(&data, &["grade", CARD, "good"]).status.success());
    assert_eq!(reviews(&data), n + 1);
}
