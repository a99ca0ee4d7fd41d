//! The graph file's watcher and its loads, off the UI thread. The watcher
//! compares the file's identity and times (device, inode, ctime, mtime,
//! size) a few times a second and reports a change; a load then hashes the
//! content first and reports `Unchanged` when it is what was read last (a
//! `touch`), else reads it, validates it and builds what the screen needs
//! of it (see [`Reload::prepare`]), all on its own thread.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Msg;
use super::app::{Reload, Wanted};
use super::event::Event;
use crate::graph::cache::{Fingerprint, fingerprint};
use crate::graph::check::Warnings;
use crate::graph::load::{self, MAX_FILE_BYTES};

/// How often the graph file is looked at.
const WATCH_EVERY: Duration = Duration::from_millis(300);

/// Watches a graph file and loads it when asked.
pub struct Loader {
    path: PathBuf,
    tx: Sender<Msg>,
    /// The fingerprint of the content read last (good or bad).
    last: Arc<Mutex<Option<Fingerprint>>>,
}

/// What the watcher compares.
type Stamp = Option<(u64, u64, i64, i64, i64, i64, u64)>;

fn stamp(path: &Path) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((
        m.dev(),
        m.ino(),
        m.ctime(),
        m.ctime_nsec(),
        m.mtime(),
        m.mtime_nsec(),
        m.size(),
    ))
}

fn print_of(path: &Path) -> Option<Fingerprint> {
    let file = File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    fingerprint(std::io::Read::take(file, MAX_FILE_BYTES + 1)).ok()
}

impl Loader {
    /// Starts watching `path`; changes are sent as `Event::FileChanged`.
    pub fn start(path: PathBuf, tx: Sender<Msg>) -> Loader {
        let last = Arc::new(Mutex::new(None));
        let (watched, sender, known) = (path.clone(), tx.clone(), Arc::clone(&last));
        std::thread::spawn(move || {
            let mut seen = stamp(&watched);
            *known.lock().unwrap_or_else(|e| e.into_inner()) = print_of(&watched);
            loop {
                std::thread::sleep(WATCH_EVERY);
                let now = stamp(&watched);
                if now != seen {
                    seen = now;
                    if sender.send(Msg::App(Event::FileChanged)).is_err() {
                        break;
                    }
                }
            }
        });
        Loader { path, tx, last }
    }

    /// Loads the file on a thread of its own, with what the screen wants
    /// of it built there too; the result comes back as an event.
    pub fn load(&self, generation: u64, wanted: Wanted) {
        let (path, tx, last) = (self.path.clone(), self.tx.clone(), Arc::clone(&self.last));
        std::thread::spawn(move || {
            // The first load reads the file whatever it holds (the watcher
            // takes its fingerprint meanwhile).
            if wanted.first.is_none() {
                let print = print_of(&path);
                let mut known = last.lock().unwrap_or_else(|e| e.into_inner());
                if print.is_some() && *known == print {
                    let _ = tx.send(Msg::App(Event::Unchanged { generation }));
                    return;
                }
                *known = print;
            }
            let result = load::load_path_with(&path, Warnings::Skip)
                .map(|l| Reload::prepare(l.graph, &wanted));
            let _ = tx.send(Msg::App(Event::Loaded {
                generation,
                result: Box::new(result),
            }));
        });
    }
}
