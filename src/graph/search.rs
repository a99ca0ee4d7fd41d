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

/// A node's names, prepared once for matching.
#[derive(Debug, Clone)]
struct Names {
    /// Label, aliases and id, cut to [`MAX_NAME_CHARS`].
    raw: Vec<String>,
    /// The same, lowercase with only letters and digits.
    squashed: Vec<String>,
    /// The words of each name, lowercase.
    words: Vec<Vec<String>>,
}

/// A search index over a graph's nodes.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    names: Vec<Names>,
    degree: Vec<usize>,
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

impl SearchIndex {
    /// Prepares the names of every node.
    pub fn new(graph: &Graph) -> SearchIndex {
        let mut names = Vec::with_capacity(graph.node_count());
        let mut degree = Vec::with_capacity(graph.node_count());
        for ix in graph.g.node_indices() {
            let node = &graph.g[ix];
            let raw: Vec<String> = std::iter::once(&node.label)
                .chain(&node.aliases)
                .chain(std::iter::once(&node.id))
                .map(|n| cut(n).to_string())
                .collect();
            let squashed = raw.iter().map(|n| squash(n)).collect();
            let words = raw.iter().map(|n| words(n)).collect();
            names.push(Names {
                raw,
                squashed,
                words,
            });
            degree.push(graph.degree(ix));
        }
        SearchIndex { names, degree }
    }

    /// The hits for a query among nodes of the given kinds (all when empty),
    /// best first, at most `limit`. An empty query lists every node, most
    /// connected first.
    pub fn search(&self, graph: &Graph, query: &str, kinds: &[String], limit: usize) -> Vec<Hit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let qwords = words(&query);
        let qsquash = squash(&query);
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut hits: Vec<(Hit, i64)> = Vec::new();
        for (i, names) in self.names.iter().enumerate() {
            let ix = NodeIndex::new(i);
            if !kinds.is_empty() && !kinds.iter().any(|k| *k == graph.g[ix].kind) {
                continue;
            }
            if qwords.is_empty() {
                hits.push((
                    Hit {
                        node: ix,
                        score: 0,
                        tier: Tier::Fuzzy,
                        positions: Vec::new(),
                    },
                    0,
                ));
                continue;
            }
            let Some((tier, fuzzy)) = rank(names, &qwords, &qsquash, &matcher) else {
                continue;
            };
            let hit = Hit {
                node: ix,
                score: tier.bonus() + fuzzy,
                tier,
                positions: Vec::new(),
            };
            hits.push((hit, fuzzy));
        }
        hits.sort_by(|(a, _), (b, _)| {
            (
                a.tier,
                Reverse(a.score),
                Reverse(self.degree[a.node.index()]),
                &graph.g[a.node].label,
            )
                .cmp(&(
                    b.tier,
                    Reverse(b.score),
                    Reverse(self.degree[b.node.index()]),
                    &graph.g[b.node].label,
                ))
        });
        hits.truncate(limit);
        hits.into_iter()
            .map(|(mut hit, _)| {
                hit.positions =
                    label_positions(&self.names[hit.node.index()].raw[0], &qwords, &matcher);
                hit
            })
            .collect()
    }
}

/// The tier and fuzzy score of a node for a query, if every word matches.
fn rank(
    names: &Names,
    qwords: &[String],
    qsquash: &str,
    matcher: &SkimMatcherV2,
) -> Option<(Tier, i64)> {
    let mut fuzzy = 0;
    for w in qwords {
        fuzzy += names
            .raw
            .iter()
            .filter_map(|n| matcher.fuzzy_match(n, w))
            .max()?;
    }
    let tier = if !qsquash.is_empty() && names.squashed.iter().any(|n| n == qsquash) {
        Tier::Exact
    } else if !qsquash.is_empty() && names.squashed.iter().any(|n| n.starts_with(qsquash)) {
        Tier::Prefix
    } else if names.words.iter().any(|nw| {
        qwords
            .iter()
            .all(|q| nw.iter().any(|w| w.starts_with(q.as_str())))
    }) {
        Tier::WordPrefix
    } else {
        Tier::Fuzzy
    };
    Some((tier, fuzzy))
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
