//! The cache folder and its entry files, trusted only as far as the file
//! system proves them ours: the folder is the user's and closed to others
//! (0700), an entry is the user's own regular file (0600), opened without
//! following links and without blocking, and read only under a size bound.

use std::fs::{self, DirBuilder, File, Metadata, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The effective user this process runs as.
fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Whether a file's owner is the user running mlkg.
pub(super) fn is_mine(meta: &Metadata) -> bool {
    meta.uid() == euid()
}

/// A cache folder that belongs to the user and is closed to everyone else.
pub(super) struct Folder(PathBuf);

impl Folder {
    /// The folder if it exists, is a directory and is the user's; a folder
    /// of the user's that others may enter is closed first.
    pub(super) fn open(dir: &Path) -> Option<Folder> {
        let meta = fs::metadata(dir).ok()?;
        if !meta.is_dir() || !is_mine(&meta) {
            return None;
        }
        if meta.mode() & 0o077 != 0 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).ok()?;
        }
        Some(Folder(dir.to_path_buf()))
    }

    /// The folder, made (0700) if missing.
    pub(super) fn create(dir: &Path) -> Option<Folder> {
        if !dir.exists() {
            DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .ok()?;
        }
        Folder::open(dir)
    }

    /// An entry opened for reading, if it is the user's own regular file of
    /// at most `bound` bytes. Links are not followed and a FIFO or a device
    /// does not block: the entry is opened first, then checked by its handle.
    pub(super) fn open_entry(&self, name: &str, bound: u64) -> Option<Opened> {
        let (file, size) = open_entry(&self.0.join(name), bound)?;
        Some(Opened { file, size })
    }

    /// The first `limit` bytes of an entry, under the same rules as
    /// [`Folder::open_entry`].
    pub(super) fn read_head(&self, name: &str, limit: u64) -> Option<Vec<u8>> {
        let entry = self.open_entry(name, u64::MAX)?;
        let mut bytes = vec![0; usize::try_from(entry.size.min(limit)).ok()?];
        entry.read_at(&mut bytes, 0)?;
        Some(bytes)
    }

    /// Writes an entry (0600) by `fill`, which is given the new file beside
    /// it, open for writing; renamed over the entry only if `fill` succeeds,
    /// so a reader sees the old entry or the new one. The new file is
    /// removed if anything fails, a panic included; one left by a process
    /// that was killed is removed by a later prune.
    pub(super) fn write_with(
        &self,
        name: &str,
        fill: impl FnOnce(&mut File) -> Option<()>,
    ) -> Option<()> {
        let tmp = Unfinished(self.0.join(format!(".{name}.{}.tmp", std::process::id())));
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW)
            .open(&tmp.0)
            .ok()?;
        fill(&mut f)?;
        fs::rename(&tmp.0, self.0.join(name)).ok()?;
        std::mem::forget(tmp);
        Some(())
    }

    /// Entries being written that were left by a process that stopped (last
    /// written over an hour ago): the user's regular files named like one.
    pub(super) fn stale_writes(&self) -> Vec<String> {
        let Ok(list) = fs::read_dir(&self.0) else {
            return Vec::new();
        };
        let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        list.filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name().into_string().ok()?;
            let meta = fs::symlink_metadata(e.path()).ok()?;
            let stale = meta.modified().is_ok_and(|m| m < hour_ago);
            (is_write_name(&name) && meta.is_file() && is_mine(&meta) && stale).then_some(name)
        })
        .collect()
    }

    /// The entries: the user's regular files named like one, with their
    /// metadata (links and anything else are left alone).
    pub(super) fn entries(&self) -> Vec<(String, Metadata)> {
        let Ok(list) = fs::read_dir(&self.0) else {
            return Vec::new();
        };
        list.filter_map(|e| {
            let e = e.ok()?;
            let name = e.file_name().into_string().ok()?;
            let meta = fs::symlink_metadata(e.path()).ok()?;
            (is_entry_name(&name) && meta.is_file() && is_mine(&meta)).then_some((name, meta))
        })
        .collect()
    }

    /// Removes an entry.
    pub(super) fn remove(&self, name: &str) {
        let _ = fs::remove_file(self.0.join(name));
    }
}

/// An entry open for reading.
pub(super) struct Opened {
    file: File,
    size: u64,
}

impl Opened {
    /// The entry's size in bytes.
    pub(super) fn size(&self) -> u64 {
        self.size
    }

    /// Fills `buf` from `offset`, if the entry holds that much.
    pub(super) fn read_at(&self, buf: &mut [u8], offset: u64) -> Option<()> {
        use std::os::unix::fs::FileExt;
        (offset.checked_add(buf.len() as u64)? <= self.size).then_some(())?;
        self.file.read_exact_at(buf, offset).ok()
    }
}

/// Whether a file name is an entry's: 32 hex digits and `.bin`.
pub(super) fn is_entry_name(name: &str) -> bool {
    name.strip_suffix(".bin")
        .is_some_and(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Whether a file name is that of an entry being written: `.<entry>.<pid>.tmp`.
fn is_write_name(name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|n| n.strip_suffix(".tmp"))
        .and_then(|n| n.rsplit_once('.'))
        .is_some_and(|(entry, pid)| {
            is_entry_name(entry) && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        })
}

/// A new file that is removed when dropped, unless forgotten once finished.
struct Unfinished(PathBuf);

impl Drop for Unfinished {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// Opens an entry without following a link and without blocking, then
/// checks by the handle that it is the user's regular file of at most
/// `bound` bytes.
fn open_entry(path: &Path, bound: u64) -> Option<(File, u64)> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .ok()?;
    let meta = file.metadata().ok()?;
    (meta.is_file() && is_mine(&meta) && meta.len() <= bound).then_some((file, meta.len()))
}
