//! Fuzzy search over each node's label, aliases and id.
//!
//! A query of several words matches a node only when every word matches one
//! of its names, in any order. Hits rank by tier (exact name, then prefix,
//! then every word a word-prefix, then fuzzy), then by fuzzy score, then by
//! the number of edges, then by label.

use std::cmp::Reverse;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use petgraph::graph::NodeIndex;
use rayon::prelude::*;

use super::Graph;

/// How well a node's names match a query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Tier {
    /// A name equals the query (ignoring case and punctuation).
    Exact,
    /// A name starts with the query.
    Prefix,
    /// Every query word starts a word of one name.
    WordPrefix,
    /// Every query word matches some name fuzzily.
    Fuzzy,
}

impl Tier {
    /// Best first.
    const ALL: [Tier; 4] = [Tier::Exact, Tier::Prefix, Tier::WordPrefix, Tier::Fuzzy];

    fn bonus(self) -> i64 {
        match self {
            Tier::Exact => 3_000_000,
            Tier::Prefix => 2_000_000,
            Tier::WordPrefix => 1_000_000,
            Tier::Fuzzy => 0,
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
}

/// The longest query looked at, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 256;
/// The longest name matched, in characters; the rest of a longer one is ignored.
pub const MAX_NAME_CHARS: usize = 1024;
/// Below this many candidates, scoring stays on one thread.
const PARALLEL_FROM: usize = 4096;

/// A search index over a graph's nodes: each node's label, aliases and id
/// in lowercase (cut to [`MAX_NAME_CHARS`]), its number of edges and kind.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    names: Vec<Vec<String>>,
    /// Whether all of a node's names are ASCII (then matching is decided
    /// without the fuzzy matcher).
    ascii: Vec<bool>,
    degree: Vec<usize>,
    kind: Vec<String>,
}

fn cut(s: &str) -> &str {
    match s.char_indices().nth(MAX_NAME_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A query taken apart once: its words and its squashed form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Query {
    text: String,
    words: Vec<String>,
    squashed: String,
}

impl Query {
    fn new(query: &str) -> Query {
        let text: String = query.chars().take(MAX_QUERY_CHARS).collect();
        Query {
            words: words(&text),
            squashed: squash(&text),
            text,
        }
    }
}

/// A matching node; its fuzzy score is worked out only when it may rank
/// among the hits shown.
#[derive(Debug, Clone, Copy)]
struct Scored {
    node: u32,
    tier: Tier,
    fuzzy: Option<i64>,
}

impl SearchIndex {
    /// Prepares the names of every node.
    pub fn new(graph: &Graph) -> SearchIndex {
        let mut names = Vec::with_capacity(graph.node_count());
        let mut degree = Vec::with_capacity(graph.node_count());
        let mut kind = Vec::with_capacity(graph.node_count());
        let mut ascii = Vec::with_capacity(graph.node_count());
        for ix in graph.g.node_indices() {
            let node = &graph.g[ix];
            let lower: Vec<String> = std::iter::once(&node.label)
                .chain(&node.aliases)
                .chain(std::iter::once(&node.id))
                .map(|n| cut(n).to_lowercase())
                .collect();
            ascii.push(lower.iter().all(|n| n.is_ascii()));
            names.push(lower);
            degree.push(graph.degree(ix));
            kind.push(node.kind.clone());
        }
        SearchIndex {
            names,
            ascii,
            degree,
            kind,
        }
    }

    /// Number of nodes indexed.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The hits for a query among nodes of the given kinds (all when empty),
    /// best first, at most `limit`. An empty query lists every node, most
    /// connected first.
    pub fn search(&self, graph: &Graph, query: &str, kinds: &[String], limit: usize) -> Vec<Hit> {
        let query = Query::new(query);
        let all: Vec<u32> = (0..self.names.len() as u32).collect();
        let scored = self.score(&query, kinds, &all);
        self.best(graph, &query, scored, limit)
    }

    /// The candidates that match a query, with their tiers, in parallel on
    /// large sets (one matcher per chunk: a shared one does not scale).
    /// Matching is decided by a subsequence test where names and query are
    /// ASCII; fuzzy scores wait for [`SearchIndex::best`].
    fn score(&self, query: &Query, kinds: &[String], candidates: &[u32]) -> Vec<Scored> {
        let ascii_query = query.words.iter().all(|w| w.is_ascii());
        let find = |chunk: &[u32]| -> Vec<Scored> {
            let matcher = SkimMatcherV2::default().ignore_case();
            chunk
                .iter()
                .filter(|&&i| kinds.is_empty() || kinds.contains(&self.kind[i as usize]))
                .filter_map(|&i| {
                    if query.words.is_empty() {
                        return Some(Scored {
                            node: i,
                            tier: Tier::Fuzzy,
                            fuzzy: Some(0),
                        });
                    }
                    let names = &self.names[i as usize];
                    if ascii_query && self.ascii[i as usize] {
                        let all = query
                            .words
                            .iter()
                            .all(|w| names.iter().any(|n| subsequence(n, w)));
                        return all.then(|| Scored {
                            node: i,
                            tier: tier(names, query),
                            fuzzy: None,
                        });
                    }
                    let fuzzy = fuzzy_score(names, query, &matcher)?;
                    Some(Scored {
                        node: i,
                        tier: tier(names, query),
                        fuzzy: Some(fuzzy),
                    })
                })
                .collect()
        };
        if candidates.len() < PARALLEL_FROM {
            return find(candidates);
        }
        let chunk = candidates
            .len()
            .div_ceil(rayon::current_num_threads() * 4)
            .max(1024);
        candidates
            .par_chunks(chunk)
            .map(find)
            .flatten_iter()
            .collect()
    }

    /// The best `limit` of the matches, sorted, with label positions. Fuzzy
    /// scores are worked out only down to the tier that fills `limit`: no
    /// hit below it can rank among the shown ones.
    fn best(&self, graph: &Graph, query: &Query, mut found: Vec<Scored>, limit: usize) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let mut counts = [0usize; 4];
        for s in &found {
            counts[s.tier as usize] += 1;
        }
        let mut total = 0;
        let last = Tier::ALL.into_iter().find(|t| {
            total += counts[*t as usize];
            total >= limit
        });
        found.retain(|s| last.is_none_or(|t| s.tier <= t));
        let fill = |chunk: &mut [Scored]| {
            let matcher = SkimMatcherV2::default().ignore_case();
            for s in chunk.iter_mut().filter(|s| s.fuzzy.is_none()) {
                s.fuzzy = fuzzy_score(&self.names[s.node as usize], query, &matcher);
            }
        };
        if found.len() < PARALLEL_FROM {
            fill(&mut found);
        } else {
            let chunk = found
                .len()
                .div_ceil(rayon::current_num_threads() * 4)
                .max(1024);
            found.par_chunks_mut(chunk).for_each(fill);
        }
        let score = |s: &Scored| s.tier.bonus() + s.fuzzy.unwrap_or(0);
        let key = |s: &Scored| {
            (
                s.tier,
                Reverse(score(s)),
                Reverse(self.degree[s.node as usize]),
            )
        };
        let order = |a: &Scored, b: &Scored| {
            key(a)
                .cmp(&key(b))
                .then_with(|| {
                    graph.g[NodeIndex::new(a.node as usize)]
                        .label
                        .cmp(&graph.g[NodeIndex::new(b.node as usize)].label)
                })
                .then_with(|| a.node.cmp(&b.node))
        };
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_by(order);
        let matcher = SkimMatcherV2::default().ignore_case();
        found
            .into_iter()
            .map(|s| Hit {
                node: NodeIndex::new(s.node as usize),
                score: score(&s),
                tier: s.tier,
                positions: label_positions(
                    cut(&graph.g[NodeIndex::new(s.node as usize)].label),
                    &query.words,
                    &matcher,
                ),
            })
            .collect()
    }
}

/// Search as the user types: when a query extends the previous one, only the
/// previous query's matches are scored again (a node that matches the longer
/// query must match the shorter one, since every word of the longer query
/// extends a word of the shorter or is new).
#[derive(Debug, Clone, Default)]
pub struct Typing {
    last: Option<(Query, Vec<String>, Vec<u32>)>,
}

impl Typing {
    /// A new session with nothing remembered.
    pub fn new() -> Typing {
        Typing::default()
    }

    /// The hits for the query, narrowing from the previous query's matches when possible.
    pub fn search(
        &mut self,
        index: &SearchIndex,
        graph: &Graph,
        query: &str,
        kinds: &[String],
        limit: usize,
    ) -> Vec<Hit> {
        let query = Query::new(query);
        let narrowed = match &self.last {
            Some((prev, prev_kinds, matches)) if prev_kinds == kinds && extends(&query, prev) => {
                Some(index.score(&query, kinds, matches))
            }
            _ => None,
        };
        let scored = narrowed.unwrap_or_else(|| {
            let all: Vec<u32> = (0..index.names.len() as u32).collect();
            index.score(&query, kinds, &all)
        });
        let matches = scored.iter().map(|s| s.node).collect();
        let hits = index.best(graph, &query, scored, limit);
        self.last = Some((query, kinds.to_vec(), matches));
        hits
    }
}

/// Whether every node matching `longer` also matches `shorter`: the longer
/// query's text starts with the shorter's, and the shorter has words.
fn extends(longer: &Query, shorter: &Query) -> bool {
    !shorter.words.is_empty() && longer.text.starts_with(&shorter.text)
}

/// Whether the characters of `pattern` occur in order in `text` (both lowercase).
fn subsequence(text: &str, pattern: &str) -> bool {
    if text.is_ascii() && pattern.is_ascii() {
        let mut t = text.bytes();
        return pattern.bytes().all(|p| t.any(|c| c == p));
    }
    true
}

/// The letters and digits of a lowercase name.
fn squashed(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter(|c| c.is_alphanumeric())
}

/// The sum over the query's words of each word's best fuzzy score among the
/// names, if every word matches one.
fn fuzzy_score(names: &[String], query: &Query, matcher: &SkimMatcherV2) -> Option<i64> {
    let mut fuzzy = 0;
    for w in &query.words {
        fuzzy += names
            .iter()
            .filter(|n| subsequence(n, w))
            .filter_map(|n| matcher.fuzzy_match(n, w))
            .max()?;
    }
    Some(fuzzy)
}

/// How well a matching node's names match a query.
fn tier(names: &[String], query: &Query) -> Tier {
    let q = query.squashed.as_str();
    if !q.is_empty() && names.iter().any(|n| squashed(n).eq(q.chars())) {
        Tier::Exact
    } else if !q.is_empty()
        && names.iter().any(|n| {
            let mut name = squashed(n);
            q.chars().all(|c| name.next() == Some(c))
        })
    {
        Tier::Prefix
    } else if names.iter().any(|n| {
        let name_words: Vec<&str> = n
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        query
            .words
            .iter()
            .all(|q| name_words.iter().any(|w| w.starts_with(q.as_str())))
    }) {
        Tier::WordPrefix
    } else {
        Tier::Fuzzy
    }
}

/// Which characters of the label the query's words match.
fn label_positions(label: &str, qwords: &[String], matcher: &SkimMatcherV2) -> Vec<usize> {
    let mut pos: Vec<usize> = qwords
        .iter()
        .filter_map(|w| matcher.fuzzy_indices(label, w))
        .flat_map(|(_, ix)| ix)
        .collect();
    pos.sort_unstable();
    pos.dedup();
    pos
}
