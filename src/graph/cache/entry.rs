//! What an entry says about the graph file it was made from: the file's
//! stamp and the time it was read, its content hash, its path, and mlkg's
//! version, in a header with a checksum of its own.

use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use xxhash_rust::xxh3::xxh3_64;

use super::{MAGIC, SETTLED};

/// What the file system says about a file: its identity, size and times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    dev: u64,
    ino: u64,
    pub(super) size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    /// The stamp in a file's metadata.
    pub fn of(meta: &Metadata) -> Stamp {
        Stamp {
            dev: meta.dev(),
            ino: meta.ino(),
            size: meta.size(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        }
    }

    fn words(&self) -> [u64; 7] {
        [
            self.dev,
            self.ino,
            self.size,
            self.mtime.0 as u64,
            self.mtime.1 as u64,
            self.ctime.0 as u64,
            self.ctime.1 as u64,
        ]
    }

    fn from_words(w: [u64; 7]) -> Stamp {
        Stamp {
            dev: w[0],
            ino: w[1],
            size: w[2],
            mtime: (w[3] as i64, w[4] as i64),
            ctime: (w[5] as i64, w[6] as i64),
        }
    }
}

/// A file's stamp taken by its handle just before its content was read,
/// with the time of the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub(super) stamp: Stamp,
    read_at: i128,
}

fn nanos(secs: i64, nsec: i64) -> i128 {
    i128::from(secs) * 1_000_000_000 + i128::from(nsec)
}

impl Snapshot {
    /// Takes the stamp of an open file now, before reading it.
    pub fn before_read(meta: &Metadata) -> Snapshot {
        Snapshot::read_at(meta, SystemTime::now())
    }

    /// The stamp of an open file with the time of its read given: what
    /// [`Snapshot::before_read`] takes with the clock at `when` (tests use it
    /// to make a read look later than it was).
    pub fn read_at(meta: &Metadata, when: SystemTime) -> Snapshot {
        let read_at = when
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        Snapshot {
            stamp: Stamp::of(meta),
            read_at,
        }
    }

    /// Whether two snapshots saw the same stamp.
    pub fn same_stamp(&self, other: &Snapshot) -> bool {
        self.stamp == other.stamp
    }

    /// Whether the file's ctime was older than the read by [`SETTLED`], so
    /// that any later change would show in its stamp.
    pub(super) fn settled(&self) -> bool {
        nanos(self.stamp.ctime.0, self.stamp.ctime.1) + SETTLED.as_nanos() as i128 <= self.read_at
    }
}

/// What an entry says about the file it was made from.
pub(super) struct Header {
    pub(super) path: Vec<u8>,
    pub(super) snapshot: Snapshot,
    pub(super) hash: u128,
    pub(super) payload_len: u64,
    /// The length of the search index after the graph.
    pub(super) search_len: u64,
}

/// The canonical path of a graph file, as bytes.
pub(super) fn canonical(path: &Path) -> Vec<u8> {
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    full.into_os_string().into_encoded_bytes()
}

impl Header {
    pub(super) fn encode(&self) -> Vec<u8> {
        let version = env!("CARGO_PKG_VERSION").as_bytes();
        let mut h = Vec::with_capacity(160 + self.path.len());
        h.extend_from_slice(MAGIC);
        h.push(version.len() as u8);
        h.extend_from_slice(version);
        h.extend_from_slice(&(self.path.len() as u32).to_le_bytes());
        h.extend_from_slice(&self.path);
        for w in self.snapshot.stamp.words() {
            h.extend_from_slice(&w.to_le_bytes());
        }
        h.extend_from_slice(&self.snapshot.read_at.to_le_bytes());
        h.extend_from_slice(&self.hash.to_le_bytes());
        h.extend_from_slice(&self.payload_len.to_le_bytes());
        h.extend_from_slice(&self.search_len.to_le_bytes());
        let sum = xxh3_64(&h);
        h.extend_from_slice(&sum.to_le_bytes());
        h
    }

    /// The header at the start of an entry of this mlkg version, with the
    /// rest of the entry; `None` for anything else.
    pub(super) fn decode(bytes: &[u8]) -> Option<(Header, &[u8])> {
        let version = env!("CARGO_PKG_VERSION").as_bytes();
        let mut r = Reader(bytes);
        (r.take(8)? == MAGIC).then_some(())?;
        let vlen = r.take(1)?[0] as usize;
        (r.take(vlen)? == version).then_some(())?;
        let plen = u32::from_le_bytes(*r.array()?) as usize;
        let path = r.take(plen)?.to_vec();
        let mut words = [0u64; 7];
        for w in &mut words {
            *w = u64::from_le_bytes(*r.array()?);
        }
        let read_at = i128::from_le_bytes(*r.array()?);
        let hash = u128::from_le_bytes(*r.array()?);
        let payload_len = u64::from_le_bytes(*r.array()?);
        let search_len = u64::from_le_bytes(*r.array()?);
        let covered = bytes.len() - r.0.len();
        let sum = u64::from_le_bytes(*r.array()?);
        (sum == xxh3_64(&bytes[..covered])).then_some(())?;
        let snapshot = Snapshot {
            stamp: Stamp::from_words(words),
            read_at,
        };
        let header = Header {
            path,
            snapshot,
            hash,
            payload_len,
            search_len,
        };
        Some((header, r.0))
    }
}

/// Reads fields off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (a, b) = self.0.split_at_checked(n)?;
        self.0 = b;
        Some(a)
    }

    fn array<const N: usize>(&mut self) -> Option<&'a [u8; N]> {
        let (a, b) = self.0.split_first_chunk::<N>()?;
        self.0 = b;
        Some(a)
    }
}
