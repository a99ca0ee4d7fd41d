//! Finding, opening and migrating the study database, and what can go
//! wrong doing so, each with a message that says what to do.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

/// The environment variable that moves the data folder.
pub const DATA_DIR_VAR: &str = "MLKG_DATA_DIR";

/// The database's file name inside the data folder.
pub const FILE_NAME: &str = "study.sqlite3";

/// The schema version this mlkg writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The migrations, in order: the one at index `i` takes version `i` to `i + 1`.
const MIGRATIONS: [&str; 2] = [
    "CREATE TABLE graphs (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
     CREATE TABLE cards (
        graph INTEGER NOT NULL REFERENCES graphs(id), card TEXT NOT NULL,
        stability REAL NOT NULL, difficulty REAL NOT NULL, due INTEGER NOT NULL,
        last_review INTEGER NOT NULL, reps INTEGER NOT NULL, lapses INTEGER NOT NULL,
        last_grade INTEGER NOT NULL, PRIMARY KEY (graph, card)) WITHOUT ROWID;
     CREATE TABLE reviews (
        id INTEGER PRIMARY KEY, graph INTEGER NOT NULL REFERENCES graphs(id),
        card TEXT NOT NULL, at INTEGER NOT NULL, grade INTEGER NOT NULL,
        answer TEXT NOT NULL, seconds REAL NOT NULL, interval REAL NOT NULL,
        stability REAL NOT NULL, difficulty REAL NOT NULL, kind TEXT NOT NULL);
     CREATE INDEX reviews_by_card ON reviews(graph, card, id);",
    "CREATE TABLE settings (
        graph INTEGER NOT NULL REFERENCES graphs(id), key TEXT NOT NULL,
        value TEXT NOT NULL, PRIMARY KEY (graph, key)) WITHOUT ROWID;",
];

/// Why the study database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No data folder could be found.
    #[error("no folder for study progress: set {DATA_DIR_VAR} (or XDG_DATA_HOME or HOME)")]
    NoDataDir,
    /// The file is not a sound SQLite database.
    #[error(
        "the study database {path} is damaged ({detail}); it was left as it is. \
         `mlkg study set-aside` moves it aside (nothing is deleted) and starts a new one"
    )]
    Damaged {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// The file was written by a newer mlkg.
    #[error(
        "the study database {path} was written by a newer mlkg (schema {found}; this one \
         knows up to {SCHEMA_VERSION}); it was left as it is. Update mlkg, or set \
         {DATA_DIR_VAR} to another folder"
    )]
    Newer {
        /// The database file.
        path: PathBuf,
        /// The schema version found.
        found: i64,
    },
    /// The folder or the file cannot be written.
    #[error(
        "cannot write study progress at {path}: {detail}. Make the folder writable, \
         or set {DATA_DIR_VAR} to a folder you can write"
    )]
    ReadOnly {
        /// The folder or file.
        path: PathBuf,
        /// What the system said.
        detail: String,
    },
    /// The disk is full.
    #[error(
        "the disk holding {path} is full: the last answer was not saved (earlier ones are \
         safe). Free some space and answer again"
    )]
    Full {
        /// The database file.
        path: PathBuf,
    },
    /// Another process held the database for too long.
    #[error("the study database {path} is busy in another mlkg; try again")]
    Busy {
        /// The database file.
        path: PathBuf,
    },
    /// Anything else SQLite reported.
    #[error("study database {path}: {detail}")]
    Other {
        /// The database file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
}

impl StoreError {
    /// Classifies a SQLite error on a file.
    pub fn from_sqlite(path: &Path, e: &rusqlite::Error) -> StoreError {
        let path = path.to_path_buf();
        let detail = e.to_string();
        match e.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
                StoreError::Damaged { path, detail }
            }
            Some(ErrorCode::DiskFull) => StoreError::Full { path },
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::ReadOnly { path, detail }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            // SQLite reports a full disk as an I/O error where it grows its
            // shared-memory file or log: ask the disk.
            Some(ErrorCode::SystemIoFailure) if disk_is_full(&path) => StoreError::Full { path },
            _ => StoreError::Other { path, detail },
        }
    }
}

/// Whether the disk holding a file has no room for 64 KiB more.
fn disk_is_full(path: &Path) -> bool {
    use std::io::Write;
    let probe = path.with_extension("space-probe");
    let full = std::fs::File::create(&probe)
        .and_then(|mut f| {
            f.write_all(&[0; 64 * 1024])?;
            f.sync_all()
        })
        .is_err_and(|e| e.kind() == std::io::ErrorKind::StorageFull);
    let _ = std::fs::remove_file(&probe);
    full
}

/// The data folder: `MLKG_DATA_DIR`, else `$XDG_DATA_HOME/mlkg`, else
/// `~/.local/share/mlkg`.
pub fn data_dir() -> Result<PathBuf, StoreError> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var(DATA_DIR_VAR) {
        return Ok(PathBuf::from(dir));
    }
    if let Some(dir) = var("XDG_DATA_HOME") {
        return Ok(Path::new(&dir).join("mlkg"));
    }
    var("HOME")
        .map(|home| Path::new(&home).join(".local/share/mlkg"))
        .ok_or(StoreError::NoDataDir)
}

/// Opens (creating if needed) the database in a folder, checked and migrated.
pub fn connect(dir: &Path) -> Result<(Connection, PathBuf), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| StoreError::ReadOnly {
        path: dir.to_path_buf(),
        detail: e.to_string(),
    })?;
    let path = dir.join(FILE_NAME);
    check_header(&path)?;
    let err = |e: rusqlite::Error| StoreError::from_sqlite(&path, &e);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(&path, flags).map_err(err)?;
    conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(err)?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::Newer { path, found });
    }
    // Checked before anything is written, so a damaged file stays as it was.
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(err)?;
    if check != "ok" {
        return Err(StoreError::Damaged {
            path,
            detail: check,
        });
    }
    conn.query_row("PRAGMA journal_mode=WAL", [], |_| Ok(()))
        .map_err(err)?;
    conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
        .map_err(err)?;
    if found < SCHEMA_VERSION {
        migrate(&mut conn).map_err(err)?;
    }
    Ok((conn, path))
}

/// Brings the schema up to date in one transaction (another process may
/// have done it meanwhile: the version is read again inside).
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()
}

/// Refuses a file that exists but does not start as a SQLite database
/// (SQLite would otherwise take an empty-looking file for a new one).
fn check_header(path: &Path) -> Result<(), StoreError> {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(());
    };
    let mut head = [0u8; 16];
    let n = file.read(&mut head).unwrap_or(0);
    if n == 0 || &head[..n.min(16)] == b"SQLite format 3\0" {
        return Ok(());
    }
    Err(StoreError::Damaged {
        path: path.to_path_buf(),
        detail: "it does not start as a SQLite database".into(),
    })
}

/// Moves a damaged database (and its journal files) aside, under a name
/// that nothing else has, so a new one can start; returns the new name.
pub fn set_aside(dir: &Path, stamp: &str) -> Result<PathBuf, StoreError> {
    let path = dir.join(FILE_NAME);
    let io = |e: std::io::Error| StoreError::ReadOnly {
        path: path.clone(),
        detail: e.to_string(),
    };
    for n in 0..1000 {
        let name = match n {
            0 => format!("{FILE_NAME}.damaged-{stamp}"),
            n => format!("{FILE_NAME}.damaged-{stamp}-{n}"),
        };
        let aside = dir.join(&name);
        match std::fs::hard_link(&path, &aside) {
            Ok(()) => {
                for suffix in ["-wal", "-shm"] {
                    let side = dir.join(format!("{FILE_NAME}{suffix}"));
                    if side.exists() {
                        std::fs::rename(&side, dir.join(format!("{name}{suffix}"))).map_err(io)?;
                    }
                }
                std::fs::remove_file(&path).map_err(io)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io(e)),
        }
    }
    Err(io(std::io::Error::other("too many damaged copies already")))
}
