//! Search over the nodes: their names first, then their text.
//!
//! Hits come in tiers, each below every hit of the tiers above it:
//! 1. names: exact, prefix, every query word a word prefix, initials (`lr`:
//!    Learning rate), every word a fuzzy subsequence; a query of several
//!    words matches a node only when every word matches one of its names;
//! 2. typos: every query word of 4 letters or more may be one edit off a word
//!    of a name (two from 8 letters), transpositions included;
//! 3. kind words: a word naming a kind (`algorithm`, `metrics`) keeps that
//!    kind, and when the rest names a node, the nodes of that kind linked to
//!    it come first, then that node, then the rest's other hits of the kind;
//! 4. full text: every word found in a name, summary, notes or edge note.
//!
//! Within a tier, ties go to the better fuzzy score or fewer edits, then to
//! the label closest in length to the query, then to more edges, then to
//! the label. The lower tiers are worked out only when the upper ones leave
//! room among the hits asked for.

mod arena;
mod edits;
mod kind;
mod names;
mod rank;
mod scan;
mod skim;
mod snippet;
pub mod stored;
mod text;
mod typing;
mod typo;
mod words;

use std::sync::OnceLock;

use fuzzy_matcher::skim::SkimMatcherV2;
use petgraph::graph::NodeIndex;
use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::Graph;
use arena::Arena;
use names::{Query, fuzzy_score, subsequence, tier};
pub use typing::Typing;
use words::Words;

/// How well a node matches a query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// A name equals the query (ignoring case and punctuation).
    Exact,
    /// A name starts with the query.
    Prefix,
    /// Every query word starts a word of one name.
    WordPrefix,
    /// The query spells the initials of a name of several words.
    Initials,
    /// Every query word matches some name fuzzily.
    Fuzzy,
    /// Every query word matches a word of a name, some within a few edits.
    Typo,
    /// A query word names the node's kind and the rest names it or a neighbour.
    Kind,
    /// Every query word is found in the node's names or text.
    FullText,
}

impl Tier {
    /// Best first.
    const ALL: [Tier; 8] = [
        Tier::Exact,
        Tier::Prefix,
        Tier::WordPrefix,
        Tier::Initials,
        Tier::Fuzzy,
        Tier::Typo,
        Tier::Kind,
        Tier::FullText,
    ];

    fn bonus(self) -> i64 {
        (Tier::ALL.len() - 1 - self as usize) as i64 * 1_000_000
    }

    /// The tier's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Tier::Exact => "exact",
            Tier::Prefix => "prefix",
            Tier::WordPrefix => "word prefix",
            Tier::Initials => "initials",
            Tier::Fuzzy => "fuzzy",
            Tier::Typo => "typo",
            Tier::Kind => "kind",
            Tier::FullText => "full text",
        }
    }

    /// Whether the tier matches a name (rather than a kind or the text).
    pub fn is_name(self) -> bool {
        self <= Tier::Typo
    }
}

/// Where a full-text hit's words were found: a stretch of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The stretch, with `…` where it was cut.
    pub text: String,
    /// Character indices of `text` that the query's words match, ascending.
    pub positions: Vec<usize>,
}

impl Snippet {
    /// The snippet from the start of the word at most `before` characters
    /// ahead of its first match (with `…` where it is cut), for a narrow
    /// place to show it.
    pub fn around(&self, before: usize) -> Snippet {
        let chars: Vec<char> = self.text.chars().collect();
        let first = self.positions.first().copied().unwrap_or(0);
        let from = (first.saturating_sub(before)..first)
            .find(|&i| i == 0 || chars[i - 1].is_whitespace())
            .unwrap_or(first);
        if from <= 1 {
            return self.clone();
        }
        let mut text = String::from("…");
        text.extend(&chars[from..]);
        Snippet {
            text,
            positions: self.positions.iter().map(|&p| p + 1 - from).collect(),
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The node.
    pub node: NodeIndex,
    /// Higher is better; hits are sorted by it first.
    pub score: i64,
    /// The match tier.
    pub tier: Tier,
    /// Character indices of the label that matched, ascending.
    pub positions: Vec<usize>,
    /// For a full-text hit, where its words were found.
    pub snippet: Option<Snippet>,
}

/// What ranking needs of the nodes besides the index: each label as
/// written, and for a full-text hit the stretch of text it was found in.
pub trait Labels {
    /// The label of node `n`.
    fn label(&self, n: u32) -> &str;
    /// Where a full-text hit's words are in node `n`'s text.
    fn snippet(&self, n: u32, words: &[String]) -> Option<Snippet>;
}

impl Labels for Graph {
    fn label(&self, n: u32) -> &str {
        &self.g[NodeIndex::new(n as usize)].label
    }

    fn snippet(&self, n: u32, words: &[String]) -> Option<Snippet> {
        snippet::find(self, NodeIndex::new(n as usize), words)
    }
}

/// The longest query looked at, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 256;
/// The longest name matched, in characters; the rest of a longer one is ignored.
pub const MAX_NAME_CHARS: usize = 1024;
/// The fewest letters and digits a query needs to be looked for in the text
/// (fewer start too many words to help).
const TEXT_FROM: usize = 3;
/// Below this many candidates, scoring stays on one thread.
const PARALLEL_FROM: usize = 4096;

/// A search index over a graph's nodes: each node's names in lowercase (cut
/// to [`MAX_NAME_CHARS`]), its number of edges, kind and label length, and
/// the words of its names and of its whole text. Built from a [`Graph`] in
/// one pass over its nodes and edges.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    names: Arena,
    /// The first 8 bytes of each label, big-endian: orders most labels
    /// without reaching for the label itself.
    label_key: Vec<u64>,
    degree: Vec<usize>,
    /// Each node's kind, as a position in `kind_ids`.
    kind: Vec<u32>,
    /// The kinds the nodes have, each once.
    kind_ids: Vec<String>,
    label_chars: Vec<u32>,
    /// The words of each node's names (label, aliases, id), built on first need.
    name_words: OnceLock<Words>,
    /// The words of each node's names, summary, notes and edge notes, built on first need.
    text_words: OnceLock<Words>,
    /// Each kind's id with the words that name it (id, label, plurals).
    kind_names: Vec<(String, Vec<String>)>,
}

/// The first 8 bytes of a label as a number that orders as the label does
/// when two differ within them.
fn label_key(label: &str) -> u64 {
    let mut key = [0u8; 8];
    let n = label.len().min(8);
    key[..n].copy_from_slice(&label.as_bytes()[..n]);
    u64::from_be_bytes(key)
}

fn cut(s: &str) -> &str {
    match s.char_indices().nth(MAX_NAME_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `s` in lowercase, in `buf` when it is ASCII (most names: no allocation).
fn lowercase<'a>(s: &str, buf: &'a mut String) -> &'a str {
    if s.is_ascii() {
        buf.clear();
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        *buf = s.to_lowercase();
    }
    buf
}

/// Each item as a position in the list of the distinct items, with that list.
fn intern<'a>(items: impl Iterator<Item = &'a str>) -> (Vec<u32>, Vec<String>) {
    let mut ids: Vec<String> = Vec::new();
    let mut at: rustc_hash::FxHashMap<&'a str, u32> = rustc_hash::FxHashMap::default();
    let positions = items
        .map(|item| {
            *at.entry(item).or_insert_with(|| {
                ids.push(item.to_string());
                ids.len() as u32 - 1
            })
        })
        .collect();
    (positions, ids)
}

/// A matching node; its fuzzy score is worked out only when it may rank
/// among the hits shown. `sub` orders the hits of a lower tier.
#[derive(Debug, Clone, Copy)]
struct Scored {
    node: u32,
    tier: Tier,
    fuzzy: Option<i64>,
    sub: u32,
    /// How far in length the closest matching name is from the query.
    close: u32,
}

impl Scored {
    fn name(node: u32, tier: Tier, fuzzy: Option<i64>) -> Scored {
        Scored {
            node,
            tier,
            fuzzy,
            sub: 0,
            close: 0,
        }
    }
}

/// Runs `f` over chunks of `items`, on several threads when there are many,
/// and joins the results with one allocation: after a large graph is built
/// the heap is fragmented, and every allocation of a growing vector cost a
/// search through it.
fn chunked<T: Sync, R: Send>(items: &[T], f: impl Fn(&[T]) -> Vec<R> + Sync + Send) -> Vec<R> {
    if items.len() < PARALLEL_FROM {
        return f(items);
    }
    let chunk = items
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(1024);
    let parts: Vec<Vec<R>> = items.par_chunks(chunk).map(f).collect();
    let mut all = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    parts.into_iter().for_each(|part| all.extend(part));
    all
}

impl SearchIndex {
    /// Prepares the names of every node; the words of their names and text
    /// wait for the first search that needs them (the typo and full-text
    /// tiers): what a single search from the command line wants.
    pub fn lazy(graph: &Graph) -> SearchIndex {
        let nodes: Vec<NodeIndex> = graph.g.node_indices().collect();
        let (kind, kind_ids) = intern(nodes.iter().map(|&ix| graph.g[ix].kind.as_str()));
        let mut lower = String::new();
        let names = Arena::build(nodes.len(), |n, add| {
            let node = &graph.g[nodes[n]];
            std::iter::once(node.label.as_str())
                .chain(node.aliases.iter().map(String::as_str))
                .chain(std::iter::once(node.id.as_str()))
                .for_each(|name| add(lowercase(cut(name), &mut lower)))
        });
        SearchIndex {
            names,
            label_key: nodes
                .iter()
                .map(|&ix| label_key(&graph.g[ix].label))
                .collect(),
            degree: {
                let all = graph.degrees();
                nodes.iter().map(|&ix| all[ix.index()]).collect()
            },
            kind,
            kind_ids,
            label_chars: nodes
                .iter()
                .map(|&ix| graph.g[ix].label.chars().count() as u32)
                .collect(),
            name_words: OnceLock::new(),
            text_words: OnceLock::new(),
            kind_names: kind::names(&graph.kinds),
        }
    }

    /// The index with the words of its names and text built now, in
    /// parallel, rather than on the first search that needs them: what the
    /// explorer wants, so that no keystroke waits for them.
    pub fn new(graph: &Graph) -> SearchIndex {
        let index = SearchIndex::lazy(graph);
        rayon::join(|| index.name_words(), || index.text_words(graph));
        index
    }

    /// The words of each node's names.
    fn name_words(&self) -> &Words {
        self.name_words.get_or_init(|| {
            Words::build(self.names.len(), |n, add| {
                self.names.names(n as u32).iter().for_each(&mut *add)
            })
        })
    }

    /// The words of each node's names and text; `graph` is the one indexed.
    fn text_words(&self, graph: &Graph) -> &Words {
        self.text_words.get_or_init(|| {
            let nodes: Vec<NodeIndex> = graph.g.node_indices().collect();
            text::build(graph, &nodes)
        })
    }

    /// Number of nodes indexed.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.names.len() == 0
    }

    /// The hits for a query among nodes of the given kinds (all when empty),
    /// best first, at most `limit`. An empty query lists every node, most
    /// connected first.
    pub fn search(&self, graph: &Graph, query: &str, kinds: &[String], limit: usize) -> Vec<Hit> {
        let query = Query::new(query, MAX_QUERY_CHARS);
        let within = scan::Within {
            left: &self.everyone(),
            upper: None,
        };
        let found = self.scan(&query, kinds, within, limit).found;
        self.finish(graph, &query, kinds, found, limit, true)
    }

    /// [`SearchIndex::search`] when the names alone give its hits (they
    /// fill `limit`, so no lower tier is looked at); `None` when the lower
    /// tiers are needed, which want the whole graph.
    pub fn search_names(
        &self,
        labels: &dyn Labels,
        query: &str,
        kinds: &[String],
        limit: usize,
    ) -> Option<Vec<Hit>> {
        let query = Query::new(query, MAX_QUERY_CHARS);
        let found = self.score(&query, kinds, &self.everyone());
        (query.words.is_empty() || found.len() >= limit)
            .then(|| self.best(labels, &query, found, limit))
    }

    fn everyone(&self) -> Vec<u32> {
        (0..self.names.len() as u32).collect()
    }

    /// The kind of node `n`.
    fn kind_of(&self, n: u32) -> &str {
        &self.kind_ids[self.kind[n as usize] as usize]
    }

    fn kind_ok(&self, kinds: &[String], n: u32) -> bool {
        kinds.is_empty() || kinds.iter().any(|k| k == self.kind_of(n))
    }

    /// The candidates whose names match a query, with their tiers, in
    /// parallel on large sets (one matcher per chunk: a shared one does not
    /// scale). Matching is decided by a subsequence test where names and
    /// query are ASCII; fuzzy scores wait for [`SearchIndex::best`].
    fn score(&self, query: &Query, kinds: &[String], candidates: &[u32]) -> Vec<Scored> {
        let need = query.need.map_or(0, |n| n.all);
        chunked(candidates, |chunk: &[u32]| -> Vec<Scored> {
            let matcher = SkimMatcherV2::default().ignore_case();
            let mut found = Vec::with_capacity(chunk.len());
            let matches = chunk.iter().filter_map(|&i| {
                let masks = self.names.masks(i);
                if masks.all & need != need || !self.kind_ok(kinds, i) {
                    return None;
                }
                if query.words.is_empty() {
                    return Some(Scored::name(i, Tier::Fuzzy, Some(0)));
                }
                let names = self.names.names(i);
                if query.need.is_some() && !masks.any() {
                    let all = query
                        .words
                        .iter()
                        .all(|w| names.iter().any(|n| subsequence(n, w)));
                    return all.then(|| Scored::name(i, tier(names, masks, query), None));
                }
                let fuzzy = fuzzy_score(names, query, &matcher)?;
                Some(Scored::name(i, tier(names, masks, query), Some(fuzzy)))
            });
            found.extend(matches);
            found
        })
    }

    /// Adds the lower tiers while the hits leave room, then ranks.
    fn finish(
        &self,
        graph: &Graph,
        query: &Query,
        kinds: &[String],
        mut found: Vec<Scored>,
        limit: usize,
        with_kinds: bool,
    ) -> Vec<Hit> {
        if !query.words.is_empty() && found.len() < limit {
            let mut seen: FxHashSet<u32> = found.iter().map(|s| s.node).collect();
            for tier in [Tier::Typo, Tier::Kind, Tier::FullText] {
                if found.len() >= limit {
                    break;
                }
                let more = match tier {
                    Tier::Typo => self.typo_hits(query, kinds),
                    Tier::Kind if with_kinds => self.kind_hits(graph, query, kinds, limit),
                    Tier::FullText if query.squashed.chars().count() >= TEXT_FROM => {
                        self.text_hits(graph, query, kinds, &seen)
                    }
                    _ => Vec::new(),
                };
                for s in more {
                    if seen.insert(s.node) {
                        found.push(s);
                    }
                }
            }
        }
        self.best(graph, query, found, limit)
    }
}
