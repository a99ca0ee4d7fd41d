//! A cache of validated large graphs, so the second start on an unchanged
//! file skips parsing and validation.
//!
//! One entry per graph file (named by a hash of its path) in the user's cache
//! folder: `$MLKG_CACHE_DIR`, else `$XDG_CACHE_HOME/mlkg`, else
//! `~/.cache/mlkg`; `MLKG_NO_CACHE=1` turns it off. An entry holds the
//! file's size and content hash (xxh3-128) and the validated graph
//! (postcard, edges by node position so nothing is looked up again), with a
//! checksum of its own. It is used only when all of these match the file as
//! read now, so any change to the file, a truncated or corrupt entry, or
//! another mlkg version means parsing again. Files under [`MIN_BYTES`] parse
//! fast enough and are never cached. Every failure here is silent: the cache
//! only ever saves time.

use std::io::Read;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use super::{Document, EdgeData, Graph, Kind, Node, Props, Relation, Source};

/// Files smaller than this are not cached.
pub const MIN_BYTES: usize = 1 << 20;

const MAGIC: &[u8; 8] = b"mlkg\0gc2";

/// What an entry holds, as written.
#[derive(Serialize)]
struct Stored<'a> {
    kinds: &'a IndexMap<String, Kind>,
    relations: &'a IndexMap<String, Relation>,
    nodes: &'a [Node],
    edges: Vec<StoredEdge<'a>>,
}

#[derive(Serialize)]
struct StoredEdge<'a> {
    from: u32,
    to: u32,
    rel: &'a str,
    note: &'a str,
    props: &'a Props,
}

/// What an entry holds, as read back (the same fields in the same order).
#[derive(Deserialize)]
struct Loaded {
    kinds: IndexMap<String, Kind>,
    relations: IndexMap<String, Relation>,
    nodes: Vec<Node>,
    edges: Vec<LoadedEdge>,
}

#[derive(Deserialize)]
struct LoadedEdge {
    from: u32,
    to: u32,
    rel: String,
    note: String,
    props: Props,
}

/// The cache folder, unless caching is off.
pub fn dir() -> Option<PathBuf> {
    if std::env::var_os("MLKG_NO_CACHE").is_some_and(|v| !v.is_empty() && v != "0") {
        return None;
    }
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("MLKG_CACHE_DIR")
        .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("mlkg")))
        .or_else(|| var("HOME").map(|h| h.join(".cache").join("mlkg")))
}

/// Where the entry of a graph file lives.
pub fn entry(dir: &Path, path: &Path) -> PathBuf {
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let key = xxh3_128(full.as_os_str().as_encoded_bytes());
    dir.join(format!("{key:032x}.bin"))
}

/// A file's size and content hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    size: u64,
    hash: u128,
}

impl Fingerprint {
    /// The fingerprint of content held in memory.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            size: bytes.len() as u64,
            hash: xxh3_128(bytes),
        }
    }
}

/// The fingerprint of content read from a stream, a block at a time.
pub fn fingerprint(mut reader: impl Read) -> std::io::Result<Fingerprint> {
    let mut hasher = Xxh3::new();
    let mut block = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&block[..n]);
        size += n as u64;
    }
    Ok(Fingerprint {
        size,
        hash: hasher.digest128(),
    })
}

/// The header that must match: magic, mlkg's version, the file's size and content hash.
fn header(print: Fingerprint) -> Vec<u8> {
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut h = Vec::with_capacity(64);
    h.extend_from_slice(MAGIC);
    h.push(version.len() as u8);
    h.extend_from_slice(version);
    h.extend_from_slice(&print.size.to_le_bytes());
    h.extend_from_slice(&print.hash.to_le_bytes());
    h
}

/// The validated graph of a file with this fingerprint, if the cache holds
/// it for exactly this content.
pub fn get(path: &Path, print: Fingerprint) -> Option<Graph> {
    get_in(&dir()?, path, print)
}

/// [`get`] with the cache folder given.
pub fn get_in(dir: &Path, path: &Path, print: Fingerprint) -> Option<Graph> {
    if print.size < MIN_BYTES as u64 {
        return None;
    }
    let stored = std::fs::read(entry(dir, path)).ok()?;
    let rest = stored.strip_prefix(header(print).as_slice())?;
    let (sum, payload) = rest.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*sum) != xxh3_64(payload) {
        return None;
    }
    let loaded: Loaded = postcard::from_bytes(payload).ok()?;
    let edges = loaded
        .edges
        .into_iter()
        .map(|e| {
            (
                e.from as usize,
                e.to as usize,
                EdgeData {
                    rel: e.rel,
                    note: e.note,
                    props: e.props,
                },
            )
        })
        .collect();
    let source = Source::File(path.to_path_buf());
    Some(Graph::from_parts(
        loaded.kinds,
        loaded.relations,
        loaded.nodes,
        edges,
        source,
    ))
}

/// Stores the validated document of a file whose content is `bytes`.
/// Best effort: nothing happens if the cache folder cannot be written.
pub fn put(path: &Path, bytes: &[u8], doc: &Document) {
    if let Some(dir) = dir() {
        put_in(&dir, path, bytes, doc);
    }
}

/// [`put`] with the cache folder given.
pub fn put_in(dir: &Path, path: &Path, bytes: &[u8], doc: &Document) {
    if bytes.len() < MIN_BYTES {
        return;
    }
    let mut position: FxHashMap<&str, u32> = FxHashMap::default();
    for (i, n) in doc.nodes.iter().enumerate() {
        position.insert(n.id.as_str(), i as u32);
    }
    let edges: Option<Vec<StoredEdge>> = doc
        .edges
        .iter()
        .map(|e| {
            Some(StoredEdge {
                from: *position.get(e.from.as_str())?,
                to: *position.get(e.to.as_str())?,
                rel: &e.rel,
                note: &e.note,
                props: &e.props,
            })
        })
        .collect();
    let Some(edges) = edges else { return };
    let stored = Stored {
        kinds: &doc.kinds,
        relations: &doc.relations,
        nodes: &doc.nodes,
        edges,
    };
    let Ok(payload) = postcard::to_allocvec(&stored) else {
        return;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let _ = crate::export::write_atomic(&entry(dir, path), None, |w| {
        w.write_all(&header(Fingerprint::of(bytes)))?;
        w.write_all(&xxh3_64(&payload).to_le_bytes())?;
        w.write_all(&payload)
    });
}
