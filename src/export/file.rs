//! Putting an export on disk. A regular file is replaced atomically (a
//! temporary file beside it, removed by a drop guard on any failure or panic,
//! renamed over the target only once complete, with the target's permissions
//! kept). A character device or a FIFO with a reader (`-o /dev/stdout`,
//! `-o /dev/null`) is written in place, never renamed over. The target is
//! opened first, without blocking, and the open handle is what gets checked,
//! so swapping the path between a check and the write changes nothing.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::text::shown_path;

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output is the graph being read.
    #[error("refusing to write {}: it is the graph file being read; choose another output", shown_path(.0))]
    SameAsInput(PathBuf),
    /// The output is a symbolic link to a regular file.
    #[error("refusing to write {}: it is a symbolic link; give the real path", shown_path(.0))]
    Symlink(PathBuf),
    /// The output exists and is neither a regular file nor something that
    /// can be written in place.
    #[error("refusing to write {}: it is {what}; give a regular file", shown_path(.path))]
    NotAFile {
        /// The output.
        path: PathBuf,
        /// What it is, in words.
        what: &'static str,
    },
    /// Writing failed; any earlier file at the path is untouched.
    #[error("cannot write {}: {source} (any earlier file there is unchanged)", shown_path(.path))]
    Io {
        /// The output.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// What the target path turned out to be, from its open handle.
enum Target {
    /// Nothing there yet.
    Absent,
    /// A regular file, with its permissions.
    Regular(Permissions),
    /// A device or pipe to write into as it is.
    InPlace(File),
}

/// Writes a file atomically, or in place for a character device or a FIFO.
/// On any failure (or panic) the temporary file is removed and an earlier
/// file at the path is left as it was. Refuses to write over `protect` (the
/// graph being read), comparing device and inode.
pub fn write_atomic(
    path: &Path,
    protect: Option<&Path>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    match open_target(path, protect)? {
        Target::InPlace(file) => {
            let mut w = BufWriter::new(file);
            body(&mut w).and_then(|()| w.flush()).map_err(io_err)
        }
        Target::Absent => replace(path, None, body).map_err(io_err),
        Target::Regular(perms) => replace(path, Some(perms), body).map_err(io_err),
    }
}

/// Opens what is at `path` without following a final link and without
/// blocking, and classifies the handle. A link is followed only to a device
/// or a pipe (`/dev/stdout` is one).
fn open_target(path: &Path, protect: Option<&Path>) -> Result<Target, WriteError> {
    let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let file = match open_nonblocking(path, !link) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound && !link => return Ok(Target::Absent),
        Err(e) => return Err(refusal(path, e, link)),
    };
    let meta = file.metadata().map_err(|source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(input) = protect
        && same_handle(&meta, input)
    {
        return Err(WriteError::SameAsInput(path.to_path_buf()));
    }
    let kind = kind_of(&meta);
    match kind {
        "a regular file" if link => Err(WriteError::Symlink(path.to_path_buf())),
        "a regular file" => Ok(Target::Regular(meta.permissions())),
        "a character device" | "a FIFO" => {
            set_blocking(&file).map_err(|source| WriteError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            Ok(Target::InPlace(file))
        }
        what => Err(WriteError::NotAFile {
            path: path.to_path_buf(),
            what,
        }),
    }
}

/// Why the target could not even be opened, in the user's terms.
fn refusal(path: &Path, e: io::Error, link: bool) -> WriteError {
    let path = path.to_path_buf();
    #[cfg(unix)]
    match e.raw_os_error() {
        Some(libc::ENXIO) => {
            return WriteError::NotAFile {
                path,
                what: "a FIFO that nothing reads",
            };
        }
        Some(libc::ELOOP) if !link => return WriteError::Symlink(path),
        Some(libc::EISDIR) => {
            return WriteError::NotAFile {
                path,
                what: "a directory",
            };
        }
        _ => {}
    }
    let _ = link;
    WriteError::Io { path, source: e }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path, nofollow: bool) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
    if nofollow {
        flags |= libc::O_NOFOLLOW;
    }
    match OpenOptions::new()
        .write(true)
        .custom_flags(flags)
        .open(path)
    {
        // A file the user may not write but whose folder they may: it is
        // replaced, as before; only its kind is needed.
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            OpenOptions::new().read(true).custom_flags(flags).open(path)
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path, _nofollow: bool) -> io::Result<File> {
    OpenOptions::new().write(true).open(path)
}

#[cfg(unix)]
fn set_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function's caller owns, with flags
    // read from it a moment before.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_blocking(_file: &File) -> io::Result<()> {
    Ok(())
}

/// What a handle is, in words.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Writes into a temporary file beside `path` and renames it over. The
/// temporary file is a drop guard: an error or a panic in `body` removes it.
fn replace(
    path: &Path,
    perms: Option<Permissions>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let prefix = format!(".{}.", name.to_string_lossy());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".mlkg.tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file gets the usual 0666 less the umask; a replaced one
        // keeps its own mode (set exactly below, past the umask).
        let mode = perms.as_ref().map_or(0o666, |p| p.mode() & 0o7777);
        builder.permissions(Permissions::from_mode(mode));
    }
    let tmp = builder
        .tempfile_in(&dir)
        .map_err(|e| folder_error(&dir, e))?;
    if let Some(perms) = perms {
        fs::set_permissions(tmp.path(), perms)?;
    }
    let mut w = BufWriter::new(tmp);
    body(&mut w)?;
    w.flush()?;
    let tmp = w.into_inner().map_err(|e| e.into_error())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Why no file could be created in `dir`, in words that name the folder
/// rather than the temporary file's name.
fn folder_error(dir: &Path, e: io::Error) -> io::Error {
    let why = match e.kind() {
        io::ErrorKind::NotFound => "does not exist; create it first".to_string(),
        io::ErrorKind::PermissionDenied => "is not writable by you".to_string(),
        _ => format!("cannot hold a new file: {}", io::Error::from(e.kind())),
    };
    io::Error::new(e.kind(), format!("the folder {} {why}", shown_path(dir)))
}

/// What writes one file of a folder export.
pub type FileBody<'a> = Box<dyn Fn(&mut dyn Write) -> io::Result<()> + 'a>;

/// A file of a folder export: its name and what writes it.
pub type FolderFile<'a> = (&'static str, FileBody<'a>);

/// Writes a folder of files (the CSV exports), each one atomically. The
/// folder is created when missing; anything else at the path is refused.
pub fn write_folder(
    dir: &Path,
    protect: Option<&Path>,
    files: &[FolderFile],
) -> Result<(), WriteError> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(m) if m.file_type().is_symlink() => return Err(WriteError::Symlink(dir.into())),
        Ok(_) => {
            return Err(WriteError::NotAFile {
                path: dir.into(),
                what: "not a folder (this format writes a folder of files)",
            });
        }
        Err(_) => fs::create_dir_all(dir).map_err(|source| WriteError::Io {
            path: dir.into(),
            source,
        })?,
    }
    for (name, body) in files {
        write_atomic(&dir.join(name), protect, |w| body(w))?;
    }
    Ok(())
}

/// Whether an open handle is the same file as a path (device and inode).
fn same_handle(meta: &fs::Metadata, other: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(other).is_ok_and(|o| o.dev() == meta.dev() && o.ino() == meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, other);
        false
    }
}

/// Whether two paths are the same file (device and inode), following links.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}
