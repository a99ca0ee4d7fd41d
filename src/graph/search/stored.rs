//! A search index as bytes, with what a search's hits show of each node
//! (label, id, kind, the name it is listed by), so that a search from the
//! command line can run from a cache entry without building the graph.
//!
//! The bytes are a list of parts, each its length (8 bytes, little-endian)
//! and its content: numbers little-endian, texts UTF-8 with each item's end.
//! Reading takes the parts from a [`Parts`], which can read each straight
//! into its own memory, and checks that they fit together; the caller checks
//! the bytes' checksum.

use std::sync::OnceLock;

use indexmap::IndexMap;

use super::arena::{Arena, Masks};
use super::{Labels, SearchIndex, Snippet, kind};
use crate::graph::{Graph, Kind};

/// A search index read back from bytes, with the nodes' shown texts.
pub struct Stored {
    /// The index, without the words of names and text (the tiers that need
    /// those need the graph as well).
    pub index: SearchIndex,
    /// The declared kinds.
    pub kinds: IndexMap<String, Kind>,
    labels: Texts,
    ids: Texts,
    /// Each node's name as listed where it differs from its label.
    listed: Texts,
}

/// One row of a search's output.
pub struct Row<'a> {
    /// The node's id.
    pub id: &'a str,
    /// The node's label.
    pub label: &'a str,
    /// The node's kind.
    pub kind: &'a str,
    /// The node's name as a list shows it (`k · K-Means`).
    pub listed: String,
}

impl Stored {
    /// What a search's output shows of node `n`.
    pub fn row(&self, n: u32) -> Row<'_> {
        let label = self.labels.get(n);
        let listed = match self.listed.get(n) {
            "" => crate::text::visible(label).into_owned(),
            other => other.to_string(),
        };
        Row {
            id: self.ids.get(n),
            label,
            kind: self.index.kind_of(n),
            listed,
        }
    }
}

impl Labels for Stored {
    fn label(&self, n: u32) -> &str {
        self.labels.get(n)
    }

    /// The stored index has no text: its searches stop at the names.
    fn snippet(&self, _n: u32, _words: &[String]) -> Option<Snippet> {
        None
    }
}

/// Many texts back to back, with each one's end.
struct Texts {
    text: String,
    ends: Vec<u32>,
}

impl Texts {
    fn get(&self, n: u32) -> &str {
        let n = n as usize;
        let from = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        &self.text[from..self.ends[n] as usize]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn read(input: &mut impl Parts) -> Option<Texts> {
        let text = String::from_utf8(input.bytes()?).ok()?;
        let ends = input.u32s()?;
        let fits = ends.windows(2).all(|w| w[0] <= w[1])
            && ends.iter().all(|&e| text.is_char_boundary(e as usize));
        fits.then_some(Texts { text, ends })
    }
}

/// The index of `graph` and its nodes' shown texts, as bytes.
pub fn write(graph: &Graph, index: &SearchIndex) -> Vec<u8> {
    let nodes: Vec<_> = graph.g.node_indices().collect();
    let mut out = Output::default();
    out.part(&postcard::to_allocvec(&graph.kinds).unwrap_or_default());
    out.texts(index.kind_ids.iter().map(String::as_str));
    out.u32s(index.kind.iter().copied());
    let (text, ends, first, masks) = index.names.parts();
    out.part(text.as_bytes());
    out.u32s(ends.iter().copied());
    out.u32s(first.iter().copied());
    out.u64s(masks.iter().flat_map(|m| [m.all, m.heads, m.word_heads]));
    out.u64s(index.label_key.iter().copied());
    out.u32s(
        index
            .degree
            .iter()
            .map(|&d| u32::try_from(d).unwrap_or(u32::MAX)),
    );
    out.u32s(index.label_chars.iter().copied());
    out.texts(nodes.iter().map(|&ix| graph.g[ix].label.as_str()));
    out.texts(nodes.iter().map(|&ix| graph.g[ix].id.as_str()));
    // A node whose label no other node has is listed by its label: nothing
    // is kept for it, and nothing made.
    let listed: Vec<String> = nodes
        .iter()
        .map(|&ix| {
            if !graph.label_is_shared(ix) {
                return String::new();
            }
            match graph.display_name(ix) {
                same if same == crate::text::visible(&graph.g[ix].label) => String::new(),
                other => other,
            }
        })
        .collect();
    out.texts(listed.iter().map(String::as_str));
    out.0
}

/// The parts of a stored index, read one after another.
pub trait Parts {
    /// The next part's bytes.
    fn bytes(&mut self) -> Option<Vec<u8>>;
    /// The next part as numbers.
    fn u32s(&mut self) -> Option<Vec<u32>>;
    /// The next part as numbers.
    fn u64s(&mut self) -> Option<Vec<u64>>;
}

/// The stored index in `input`, if it holds one whole (and nothing after).
pub fn read(input: &mut impl Parts) -> Option<Stored> {
    let kinds: IndexMap<String, Kind> = postcard::from_bytes(&input.bytes()?).ok()?;
    let kind_ids = Texts::read(input)?;
    let kind_ids: Vec<String> = (0..kind_ids.len() as u32)
        .map(|k| kind_ids.get(k).to_string())
        .collect();
    let kind = input.u32s()?;
    let count = kind.len();
    if kind.iter().any(|&k| k as usize >= kind_ids.len()) {
        return None;
    }
    let text = String::from_utf8(input.bytes()?).ok()?;
    let ends = input.u32s()?;
    let first = input.u32s()?;
    let masks = input.u64s()?;
    if masks.len() % 3 != 0 {
        return None;
    }
    let masks: Vec<Masks> = (masks.chunks_exact(3))
        .map(|m| Masks {
            all: m[0],
            heads: m[1],
            word_heads: m[2],
        })
        .collect();
    let names = Arena::from_parts(text, ends, first, masks)?;
    let label_key = input.u64s()?;
    let degree: Vec<usize> = input.u32s()?.into_iter().map(|d| d as usize).collect();
    let label_chars = input.u32s()?;
    let labels = Texts::read(input)?;
    let ids = Texts::read(input)?;
    let listed = Texts::read(input)?;
    let whole = names.len() == count
        && [&labels, &ids, &listed].iter().all(|t| t.len() == count)
        && label_key.len() == count
        && degree.len() == count
        && label_chars.len() == count;
    if !whole {
        return None;
    }
    let index = SearchIndex {
        names,
        label_key,
        degree,
        kind,
        kind_ids,
        label_chars,
        name_words: OnceLock::new(),
        text_words: OnceLock::new(),
        kind_names: kind::names(&kinds),
    };
    Some(Stored {
        index,
        kinds,
        labels,
        ids,
        listed,
    })
}

/// Parts written one after another.
#[derive(Default)]
struct Output(Vec<u8>);

impl Output {
    fn part(&mut self, bytes: &[u8]) {
        self.0
            .extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        self.0.extend_from_slice(bytes);
    }

    fn u32s(&mut self, items: impl Iterator<Item = u32>) {
        let bytes: Vec<u8> = items.flat_map(u32::to_le_bytes).collect();
        self.part(&bytes);
    }

    fn u64s(&mut self, items: impl Iterator<Item = u64>) {
        let bytes: Vec<u8> = items.flat_map(u64::to_le_bytes).collect();
        self.part(&bytes);
    }

    /// Texts as their concatenation, then each one's end.
    fn texts<'a>(&mut self, items: impl Iterator<Item = &'a str>) {
        let mut text = String::new();
        let mut ends = Vec::new();
        for item in items {
            text.push_str(item);
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        self.part(text.as_bytes());
        self.u32s(ends.into_iter());
    }
}
