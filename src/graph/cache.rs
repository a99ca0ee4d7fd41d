//! A cache of validated large graphs, so the second start on an unchanged
//! file skips parsing and validation.
//!
//! One entry per graph file (named by a hash of its path) in the user's cache
//! folder: `$MLKG_CACHE_DIR`, else `$XDG_CACHE_HOME/mlkg`, else
//! `~/.cache/mlkg`; `MLKG_NO_CACHE=1` turns it off. An entry holds mlkg's
//! version, the file's path, its [`Stamp`] (device, inode, size, mtime,
//! ctime) as it was just before it was read and the time of that read, its
//! content hash (xxh3-128), the validated graph (postcard, edges by node
//! position) and its search index with what a search shows of each node
//! (`search::stored`), each part with a checksum. A search from the command
//! line reads the header and the index alone.
//!
//! An entry is current when the file's stamp is the recorded one and the
//! file's ctime was already older than the read by [`SETTLED`]: any later
//! write, `touch -d`, rename over it or copy would have moved its ctime or
//! inode. Otherwise (a stamp that differs but the same size, or a file
//! changed just before it was read) the file's content is hashed and
//! compared; docs/PERFORMANCE.md says why this is safe. Files under
//! [`MIN_BYTES`] parse fast enough and are never cached. Every failure here
//! is silent: the cache only ever saves time. `store` keeps the folder and
//! its files safe from other users and from links, FIFOs and devices.

mod entry;
mod store;

use entry::{Header, canonical};
pub use entry::{Snapshot, Stamp};

use std::ffi::OsString;
use std::fs::{File, Metadata};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use super::search::{SearchIndex, stored};
use super::{EdgeData, Graph, Id, Kind, Node, Props, Relation, Source};

/// Files smaller than this are not cached.
pub const MIN_BYTES: usize = 1 << 20;

const MAGIC: &[u8; 8] = b"mlkg\0gc4";

/// How much older than its read a file's ctime must be for its stamp alone
/// to prove the content unchanged (file times come from a clock that ticks
/// in steps of a few milliseconds).
pub const SETTLED: Duration = Duration::from_secs(2);

/// The entries of a folder are kept under this many bytes in all.
pub const MAX_TOTAL_BYTES: u64 = 4 << 30;

/// An entry's header is within its first this many bytes (a path is at
/// most 4 KiB).
const HEAD_BYTES: u64 = 8192;

/// An entry larger than this for a file of `size` bytes is never read.
fn entry_bound(size: u64) -> u64 {
    size.saturating_mul(4).saturating_add(1 << 20)
}

/// What an entry holds, as written.
#[derive(Serialize)]
struct Stored<'a> {
    kinds: &'a IndexMap<String, Kind>,
    relations: &'a IndexMap<String, Relation>,
    nodes: NodesOf<'a>,
    edges: EdgesOf<'a>,
    name: &'a str,
}

/// The nodes of a graph, in order, written as a sequence.
struct NodesOf<'a>(&'a Graph);

impl Serialize for NodesOf<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.g.node_weights())
    }
}

/// The edges of a graph, in order, written as a sequence as they are read
/// (on a large graph, a list of them all would be another 150 MB).
struct EdgesOf<'a>(&'a Graph);

impl Serialize for EdgesOf<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.g.raw_edges().iter().map(|e| StoredEdge {
            from: e.source().index() as u32,
            to: e.target().index() as u32,
            rel: &e.weight.rel,
            note: &e.weight.note,
            props: &e.weight.props,
        }))
    }
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
    name: String,
}

#[derive(Deserialize)]
struct LoadedEdge {
    from: u32,
    to: u32,
    rel: Id,
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

/// Whether a graph file of `len` bytes gets an entry: it is large enough
/// and caching is on.
pub fn wanted(len: usize) -> bool {
    len >= MIN_BYTES && dir().is_some()
}

/// Where the entry of a graph file lives.
pub fn entry(dir: &Path, path: &Path) -> PathBuf {
    dir.join(entry_name(path))
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

/// The validated graph of a large file, if the cache holds it for exactly
/// the content the file has now. `file` is the graph file, open and not yet
/// read, and `meta` its metadata taken by that handle.
pub fn get(path: &Path, file: &File, meta: &Metadata) -> Option<Graph> {
    get_in(&dir()?, path, file, meta)
}

/// [`get`] with the cache folder given.
pub fn get_in(dir: &Path, path: &Path, file: &File, meta: &Metadata) -> Option<Graph> {
    let (entry, header, at) = open_current(dir, path, file, meta)?;
    let len = usize::try_from(header.payload_len).ok()?;
    let mut payload = vec![0; len.checked_add(8)?];
    entry.read_at(&mut payload, at)?;
    let sum = payload.split_off(len);
    (sum == xxh3_64(&payload).to_le_bytes()).then_some(())?;
    decode_graph(&payload, path)
}

/// The search index of a large file and what a search shows of its nodes,
/// if the cache holds them for exactly the content the file has now; read
/// without the graph.
pub fn search(path: &Path, file: &File, meta: &Metadata) -> Option<stored::Stored> {
    search_in(&dir()?, path, file, meta)
}

/// [`search`] with the cache folder given.
pub fn search_in(dir: &Path, path: &Path, file: &File, meta: &Metadata) -> Option<stored::Stored> {
    let (entry, header, graph_at) = open_current(dir, path, file, meta)?;
    let at = graph_at.checked_add(header.payload_len)?.checked_add(8)?;
    let mut parts = EntryParts {
        entry,
        at,
        end: at.checked_add(header.search_len)?,
        hasher: Xxh3::new(),
    };
    let index = stored::read(&mut parts)?;
    parts.check()?;
    Some(index)
}

/// The entry of a graph file, its header and where its graph starts, if the
/// entry is current for the file as it is now.
fn open_current(
    dir: &Path,
    path: &Path,
    file: &File,
    meta: &Metadata,
) -> Option<(store::Opened, Header, u64)> {
    if meta.len() < MIN_BYTES as u64 {
        return None;
    }
    let folder = store::Folder::open(dir)?;
    let entry = folder.open_entry(&entry_name(path), entry_bound(meta.len()))?;
    let mut head = vec![0; HEAD_BYTES as usize];
    let got = head.len().min(entry.size() as usize);
    entry.read_at(&mut head[..got], 0)?;
    let (header, rest) = Header::decode(&head[..got])?;
    if header.path != canonical(path) || !is_current(&header, file, meta) {
        return None;
    }
    let graph_at = (got - rest.len()) as u64;
    Some((entry, header, graph_at))
}

/// The parts of an entry's search index, read one after another straight
/// into their own memory and hashed on the way; [`EntryParts::check`]
/// compares the hash with the checksum after them.
struct EntryParts {
    entry: store::Opened,
    at: u64,
    end: u64,
    hasher: Xxh3,
}

impl EntryParts {
    /// Fills `buf` with the next bytes, within the index.
    fn fill(&mut self, buf: &mut [u8]) -> Option<()> {
        let next = self.at.checked_add(buf.len() as u64)?;
        (next <= self.end).then_some(())?;
        self.entry.read_at(buf, self.at)?;
        self.hasher.update(buf);
        self.at = next;
        Some(())
    }

    /// The next part's length, in bytes.
    fn len(&mut self) -> Option<usize> {
        let mut len = [0; 8];
        self.fill(&mut len)?;
        let len = u64::from_le_bytes(len);
        (len <= self.end - self.at).then_some(())?;
        usize::try_from(len).ok()
    }

    /// The next part as numbers, read into their vector and then put in
    /// this machine's byte order.
    fn numbers<T: bytemuck::Pod>(&mut self, from_le: fn(T) -> T) -> Option<Vec<T>> {
        let len = self.len()?;
        let size = std::mem::size_of::<T>();
        let mut v = vec![T::zeroed(); (len % size == 0).then_some(len / size)?];
        self.fill(bytemuck::cast_slice_mut(&mut v))?;
        v.iter_mut().for_each(|x| *x = from_le(*x));
        Some(v)
    }

    /// Whether every part was read and the checksum after them matches.
    fn check(self) -> Option<()> {
        (self.at == self.end).then_some(())?;
        let mut sum = [0; 8];
        self.entry.read_at(&mut sum, self.end)?;
        (sum == self.hasher.digest().to_le_bytes()).then_some(())
    }
}

impl stored::Parts for EntryParts {
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let mut v = vec![0; self.len()?];
        self.fill(&mut v)?;
        Some(v)
    }

    fn u32s(&mut self) -> Option<Vec<u32>> {
        self.numbers(u32::from_le)
    }

    fn u64s(&mut self) -> Option<Vec<u64>> {
        self.numbers(u64::from_le)
    }
}

/// Whether an entry's header describes the file as it is now: the same
/// stamp, settled before the entry's read; else the same content hash.
fn is_current(header: &Header, file: &File, meta: &Metadata) -> bool {
    let now = Stamp::of(meta);
    if now == header.snapshot.stamp && header.snapshot.settled() {
        return true;
    }
    if now.size != header.snapshot.stamp.size {
        return false;
    }
    let mut reader = file;
    fingerprint(Read::by_ref(&mut reader).take(meta.len() + 1))
        .is_ok_and(|p| p.size == now.size && p.hash == header.hash)
}

/// The graph in an entry's payload, if it decodes.
fn decode_graph(payload: &[u8], path: &Path) -> Option<Graph> {
    let loaded: Loaded = postcard::from_bytes(payload).ok()?;
    let edges = loaded
        .edges
        .into_iter()
        .map(|e| {
            let data = EdgeData {
                rel: e.rel,
                note: e.note,
                props: e.props,
            };
            (e.from as usize, e.to as usize, data)
        })
        .collect();
    let source = Source::File(path.to_path_buf());
    let mut graph = Graph::from_parts(loaded.kinds, loaded.relations, loaded.nodes, edges, source);
    graph.name = Some(loaded.name).filter(|n| !n.is_empty());
    Some(graph)
}

/// Stores the validated graph of a file whose content is `content`, read
/// as `snapshot` says. Best effort: nothing happens if the cache folder
/// cannot be written.
pub fn put(path: &Path, content: Fingerprint, snapshot: Snapshot, graph: &Graph) {
    if let Some(dir) = dir() {
        put_in(&dir, path, content, snapshot, graph);
    }
}

/// [`put`] with the cache folder given.
pub fn put_in(dir: &Path, path: &Path, content: Fingerprint, snapshot: Snapshot, graph: &Graph) {
    if content.size < MIN_BYTES as u64 || snapshot.stamp.size != content.size {
        return;
    }
    let Some(folder) = store::Folder::create(dir) else {
        return;
    };
    let mut header = Header {
        path: canonical(path),
        snapshot,
        hash: content.hash,
        payload_len: 0,
        search_len: 0,
    };
    let name = entry_name(path);
    // The graph goes to the file as it is encoded, after room for the
    // header, while the search index is built on the other core; the
    // header, with both lengths, is written last.
    let written = folder.write_with(&name, |f| {
        let start = header.encode().len() as u64;
        f.seek(SeekFrom::Start(start)).ok()?;
        // The labels several nodes share, which the search part lists, are
        // worked out on the graph's side first: the index takes longer.
        let (payload, search) = rayon::join(
            || {
                graph.warm();
                encode_graph(graph, &mut *f)
            },
            || stored::write(graph, &SearchIndex::lazy(graph)),
        );
        let (payload_len, sum) = payload?;
        f.write_all(&sum.to_le_bytes()).ok()?;
        f.write_all(&search).ok()?;
        f.write_all(&xxh3_64(&search).to_le_bytes()).ok()?;
        header.payload_len = payload_len;
        header.search_len = search.len() as u64;
        f.write_all_at(&header.encode(), 0).ok()
    });
    if written.is_some() {
        prune(&folder, &name, MAX_TOTAL_BYTES);
    }
}

/// Writes the validated graph as an entry's payload, returning its length
/// and checksum.
fn encode_graph(graph: &Graph, out: &mut File) -> Option<(u64, u64)> {
    let stored = Stored {
        kinds: &graph.kinds,
        relations: &graph.relations,
        nodes: NodesOf(graph),
        edges: EdgesOf(graph),
        name: graph.name.as_deref().unwrap_or_default(),
    };
    let summed = Summed {
        out: std::io::BufWriter::with_capacity(1 << 20, out),
        hasher: Xxh3::new(),
        len: 0,
    };
    let mut summed = postcard::to_io(&stored, summed).ok()?;
    summed.out.flush().ok()?;
    Some((summed.len, summed.hasher.digest()))
}

/// A writer that counts and checksums what goes through it.
struct Summed<W> {
    out: W,
    hasher: Xxh3,
    len: u64,
}

impl<W: Write> Write for Summed<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// The file name of a graph file's entry.
fn entry_name(path: &Path) -> String {
    format!("{:032x}.bin", xxh3_128(&canonical(path)))
}

/// Removes the entries of a cache folder whose graph file is gone or that
/// another mlkg version wrote, then the oldest ones (never `keep`) until
/// all of them take at most `max_total` bytes.
pub fn prune_in(dir: &Path, max_total: u64) {
    if let Some(folder) = store::Folder::open(dir) {
        prune(&folder, "", max_total);
    }
}

fn prune(folder: &store::Folder, keep: &str, max_total: u64) {
    for name in folder.stale_writes() {
        folder.remove(&name);
    }
    let mut live = Vec::new();
    for (name, meta) in folder.entries() {
        let head = folder.read_head(&name, HEAD_BYTES).unwrap_or_default();
        let graph = Header::decode(&head).map(|(h, _)| PathBuf::from(OsString::from_vec(h.path)));
        match graph {
            Some(g) if name == keep || g.exists() => live.push((name, meta)),
            _ => folder.remove(&name),
        }
    }
    live.sort_by_key(|(name, meta)| {
        (
            name.as_str() != keep,
            std::cmp::Reverse(meta.modified().ok()),
        )
    });
    let mut total = 0u64;
    for (name, meta) in live {
        total = total.saturating_add(meta.len());
        if total > max_total && name != keep {
            folder.remove(&name);
        }
    }
}
