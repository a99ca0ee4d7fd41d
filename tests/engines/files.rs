//! Export targets that are not plain files: a FIFO, a device node,
//! symbolic links; a panic in the middle of an export; a target's
//! permissions. Each export is opened first and checked by its handle.
#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::Stdio;

use crate::mlkg;

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo");
}

fn export_to(path: &Path) -> (bool, String) {
    let out = mlkg()
        .args(["export", "--root", "xgboost", "-o"])
        .arg(path)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_fifo_that_nothing_reads_is_refused_at_once_and_stays_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.dot");
    mkfifo(&fifo);
    let (ok, err) = export_to(&fifo);
    assert!(!ok, "refused");
    assert!(err.contains("a FIFO that nothing reads"), "{err}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no file left");
}

#[test]
fn a_fifo_with_a_reader_is_written_in_place_never_renamed_over() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.dot");
    mkfifo(&fifo);
    let mut reader = std::process::Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // cat opens the FIFO for reading; wait until it has, or mlkg would find
    // no reader. Opening the write end ourselves would unblock it early, so
    // poll the process instead: a reader waiting in open for a writer
    // (`wait_for_partner`) already counts, as does one holding the FIFO.
    let fd_dir = format!("/proc/{}/fd", reader.id());
    let wchan = format!("/proc/{}/wchan", reader.id());
    for _ in 0..200 {
        let waiting = fs::read_to_string(&wchan).is_ok_and(|w| w == "wait_for_partner");
        let opened = fs::read_dir(&fd_dir)
            .map(|d| {
                d.flatten()
                    .any(|e| fs::read_link(e.path()).is_ok_and(|l| l == fifo))
            })
            .unwrap_or(false);
        if waiting || opened {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let (ok, err) = export_to(&fifo);
    assert!(ok, "{err}");
    let mut got = String::new();
    reader
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut got)
        .unwrap();
    reader.wait().unwrap();
    assert!(
        got.starts_with("// mlkg export") && got.contains("digraph"),
        "{got}"
    );
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_character_device_is_written_in_place_and_stays_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let dev = dir.path().join("null");
    // The same device as /dev/null, made where replacing it would harm
    // nothing; only root may make device nodes.
    let made = std::process::Command::new("mknod")
        .arg(&dev)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: mknod needs root");
        return;
    }
    fs::set_permissions(&dev, fs::Permissions::from_mode(0o666)).unwrap();
    let (ok, err) = export_to(&dev);
    assert!(ok, "{err}");
    let t = fs::symlink_metadata(&dev).unwrap().file_type();
    assert!(t.is_char_device(), "still a device, not a regular file");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no file left");
}

#[test]
fn dev_stdout_writes_to_standard_output() {
    let out = mlkg()
        .args(["export", "--root", "xgboost", "-o", "/dev/stdout"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("digraph"));
}

#[test]
fn a_link_to_a_regular_file_is_refused_and_a_link_to_a_device_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.dot");
    fs::write(&real, "keep").unwrap();
    let link = dir.path().join("link.dot");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (ok, err) = export_to(&link);
    assert!(!ok && err.contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&real).unwrap(), "keep");
    let to_null = dir.path().join("null.dot");
    std::os::unix::fs::symlink("/dev/null", &to_null).unwrap();
    let (ok, err) = export_to(&to_null);
    assert!(ok, "{err}");
    assert!(
        fs::symlink_metadata(&to_null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_directory_is_refused_for_a_one_file_format() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, err) = export_to(dir.path());
    assert!(!ok && err.contains("directory"), "{err}");
}

#[test]
fn a_panic_during_an_export_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("g.dot");
    fs::write(&target, "earlier").unwrap();
    let result = std::panic::catch_unwind(|| {
        let _ = mlkg::export::write_atomic(&target, None, |w| {
            w.write_all(b"half")?;
            panic!("a bug in an exporter");
        });
    });
    assert!(result.is_err());
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["g.dot"], "only the target, no temporary file");
    assert_eq!(fs::read_to_string(&target).unwrap(), "earlier");
}

#[test]
fn an_export_over_a_private_file_keeps_it_private_and_a_new_file_follows_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("g.dot");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    let (ok, err) = export_to(&target);
    assert!(ok, "{err}");
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(fs::read_to_string(&target).unwrap().contains("digraph"));
    let fresh = dir.path().join("new.dot");
    let (ok, err) = export_to(&fresh);
    assert!(ok, "{err}");
    let mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_ne!(
        mode & 0o044,
        0,
        "a new file is readable by others as usual: {mode:o}"
    );
}
