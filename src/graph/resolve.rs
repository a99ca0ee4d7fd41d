//! What people type, resolved to the graph's nodes, kinds and relations.
//!
//! Every place that takes a name (command-line arguments, the query
//! language, study filters) resolves it here, so a name that works in one
//! place works in all of them. A node is found by its exact id, then by a
//! label or alias in any case, then by a clear best search hit, then by typo
//! tolerance (edit distance); a kind or relation by id or label in any case,
//! then by a unique prefix. What is not clear comes back as an error that
//! carries the candidates, for the caller to show in its own way.

use std::cell::OnceCell;

use petgraph::graph::NodeIndex;

use super::Graph;
use super::search::{Hit, SearchIndex, Tier};

/// How a node was found; anything but `Id` and `Name` is a guess worth a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// The text is the node's id.
    Id,
    /// The text is the node's label or an alias, in any case.
    Name,
    /// The node is the clear best search hit.
    Search,
    /// The node's name is the clear closest by edit distance.
    Typo,
}

/// A node found for a text, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The node.
    pub node: NodeIndex,
    /// How it was found.
    pub how: How,
}

/// Why a text names no node clearly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeError {
    /// The text is empty or only spaces.
    Empty,
    /// Several nodes fit equally well; the candidates, best first.
    Ambiguous(Vec<NodeIndex>),
    /// No node fits; the closest by edit distance (maybe none), and how many
    /// nodes a fuzzy search finds for the text.
    NotFound {
        /// Nodes whose names are a few edits away, closest first.
        closest: Vec<NodeIndex>,
        /// The number of weak (fuzzy) search hits, at most a handful.
        fuzzy_hits: usize,
    },
}

/// Why a text names no declared kind or relation clearly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// The text is empty or only spaces.
    Empty,
    /// The text starts several ids or labels; their ids.
    Ambiguous(Vec<String>),
    /// Nothing fits; the ids a few edits away (maybe none).
    Unknown(Vec<String>),
}

/// The most candidates an error carries.
pub const MAX_CANDIDATES: usize = 8;

/// Resolves names against one graph; build it once to resolve many names
/// (the search index is built on first need and kept).
#[derive(Debug)]
pub struct Resolver<'g> {
    graph: &'g Graph,
    index: OnceCell<SearchIndex>,
}

impl<'g> Resolver<'g> {
    /// A resolver over a graph.
    pub fn new(graph: &'g Graph) -> Resolver<'g> {
        Resolver {
            graph,
            index: OnceCell::new(),
        }
    }

    /// The node a text names: exact id; else a label or alias in any case
    /// (several such nodes: ambiguous); else the one node whose name is
    /// closest by edit distance within [`allowed_edits`]; else the search hit
    /// when it is the only one of the best tier above fuzzy (an exact,
    /// prefix or word-prefix match); else several equally close typos are
    /// ambiguous; else a fuzzy hit that scores far above the next; else
    /// several prefix hits are ambiguous and anything else is not found.
    pub fn node(&self, text: &str) -> Result<Found, NodeError> {
        let g = self.graph;
        let text = text.trim();
        if text.is_empty() {
            return Err(NodeError::Empty);
        }
        let found = |node, how| Ok(Found { node, how });
        if let Some(ix) = g.find(text) {
            return found(ix, How::Id);
        }
        let named = named(g, text);
        match named.as_slice() {
            [only] => return found(*only, How::Name),
            [_, _, ..] => return Err(NodeError::Ambiguous(named)),
            [] => {}
        }
        let typos = closest(g, text, allowed_edits(text));
        match typos.as_slice() {
            [(only, _)] => return found(*only, How::Typo),
            [(_, d0), (_, d1), ..] if d0 < d1 => return found(typos[0].0, How::Typo),
            _ => {}
        }
        let index = self.index.get_or_init(|| SearchIndex::lazy(g));
        // Names only: a node found by its kind or its text is not named.
        let mut hits = index.search(g, text, &[], MAX_CANDIDATES);
        hits.retain(|h| h.tier <= Tier::Fuzzy);
        let strong: Vec<&Hit> = hits.iter().filter(|h| h.tier < Tier::Fuzzy).collect();
        if let [first, rest @ ..] = strong.as_slice()
            && rest.first().is_none_or(|second| first.tier < second.tier)
        {
            return found(first.node, How::Search);
        }
        if let [(_, d0), ..] = typos.as_slice() {
            let tied = typos.iter().take_while(|(_, d)| d == d0);
            return Err(NodeError::Ambiguous(tied.map(|(ix, _)| *ix).collect()));
        }
        match hits.as_slice() {
            [only] if only.tier == Tier::Fuzzy => return found(only.node, How::Search),
            [first, second, ..]
                if first.tier == Tier::Fuzzy
                    && first.score > 0
                    && first.score >= second.score + second.score / 2 =>
            {
                return found(first.node, How::Search);
            }
            _ => {}
        }
        if strong.len() > 1 {
            let top = strong[0].tier;
            let tied = strong.iter().take_while(|h| h.tier == top);
            return Err(NodeError::Ambiguous(tied.map(|h| h.node).collect()));
        }
        // Close enough to mention: a third of the text's characters.
        let wider = allowed_edits(text).max(text.chars().count() / 3);
        Err(NodeError::NotFound {
            closest: closest(g, text, wider)
                .into_iter()
                .take(3)
                .map(|(ix, _)| ix)
                .collect(),
            fuzzy_hits: hits.len(),
        })
    }

    /// The id of the kind a text names: by id or label in any case, else by
    /// a unique prefix of them.
    pub fn kind(&self, text: &str) -> Result<&'g str, NameError> {
        let g = self.graph;
        let names = g
            .kinds
            .iter()
            .map(|(id, k)| (id.as_str(), vec![id.as_str(), k.label.as_str()]));
        declared(text, names)
    }

    /// The id of the relation a text names: by id, label or inverse label in
    /// any case, else by a unique prefix of them.
    pub fn relation(&self, text: &str) -> Result<&'g str, NameError> {
        let g = self.graph;
        let names = g.relations.iter().map(|(id, r)| {
            let mut names = vec![id.as_str(), r.label.as_str()];
            if !r.inverse.is_empty() {
                names.push(r.inverse.as_str());
            }
            (id.as_str(), names)
        });
        declared(text, names)
    }
}

/// Nodes with a label or alias equal to the text in any case.
fn named(g: &Graph, text: &str) -> Vec<NodeIndex> {
    let lower = text.to_lowercase();
    g.g.node_indices()
        .filter(|&ix| {
            let n = &g.g[ix];
            n.label.to_lowercase() == lower || n.aliases.iter().any(|a| a.to_lowercase() == lower)
        })
        .take(MAX_CANDIDATES)
        .collect()
}

/// How many edits a text of this length may be from a name and still be
/// taken as a typo of it: none up to 2 characters, 1 up to 5, 2 up to 11, 3
/// beyond.
pub fn allowed_edits(text: &str) -> usize {
    match text.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        6..=11 => 2,
        _ => 3,
    }
}

/// A name as compared for typos: lowercase, `-` and `_` read as spaces.
fn normal(s: &str) -> Vec<char> {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect()
}

/// Nodes whose closest name is at most `max` edits from the text, closest
/// first (then most connected, then by label), at most [`MAX_CANDIDATES`].
fn closest(g: &Graph, text: &str, max: usize) -> Vec<(NodeIndex, usize)> {
    if max == 0 {
        return Vec::new();
    }
    let query = normal(text);
    let mut name = Vec::new();
    let mut found: Vec<(NodeIndex, usize)> =
        g.g.node_indices()
            .filter_map(|ix| {
                let n = &g.g[ix];
                let names = std::iter::once(n.label.as_str())
                    .chain(n.aliases.iter().map(String::as_str))
                    .chain(std::iter::once(n.id.as_str()));
                let best = names
                    .filter_map(|s| {
                        name.clear();
                        name.extend(normal(
                            crate::text::shorten(s, query.len() + max + 1).as_ref(),
                        ));
                        edits_within(&query, &name, max)
                    })
                    .min()?;
                Some((ix, best))
            })
            .collect();
    found.sort_by(|a, b| {
        (a.1, std::cmp::Reverse(g.degree(a.0)), &g.g[a.0].label).cmp(&(
            b.1,
            std::cmp::Reverse(g.degree(b.0)),
            &g.g[b.0].label,
        ))
    });
    found.dedup_by_key(|(ix, _)| *ix);
    found.truncate(MAX_CANDIDATES);
    found
}

/// The edit distance between two texts (insertions, deletions,
/// substitutions and swaps of two neighbours), if it is at most `max`.
pub fn edits_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    let mut rows = vec![vec![0usize; width]; 3];
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, before) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let mut row_min = usize::MAX;
        rows[cur][0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[before][j - 2] + 1);
            }
            rows[cur][j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
    }
    let d = rows[a.len() % 3][b.len()];
    (d <= max).then_some(d)
}

/// Resolves a text among declared names (each id with its names): an exact
/// name in any case, else a unique prefix, else nearby ids for "did you mean".
fn declared<'g>(
    text: &str,
    names: impl Iterator<Item = (&'g str, Vec<&'g str>)> + Clone,
) -> Result<&'g str, NameError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NameError::Empty);
    }
    let lower = normal(text);
    let fits = |pred: &dyn Fn(&[char]) -> bool| -> Vec<&'g str> {
        names
            .clone()
            .filter(|(_, ns)| ns.iter().any(|n| pred(&normal(n))))
            .map(|(id, _)| id)
            .collect()
    };
    if let [id, ..] = fits(&|n| n == lower.as_slice()).as_slice() {
        return Ok(id);
    }
    let prefixed = fits(&|n| n.starts_with(&lower));
    match prefixed.as_slice() {
        [id] => return Ok(id),
        [_, _, ..] => {
            return Err(NameError::Ambiguous(
                prefixed.iter().map(|s| s.to_string()).collect(),
            ));
        }
        [] => {}
    }
    let max = allowed_edits(text).max(1) + 1;
    let mut near: Vec<(usize, &'g str)> = names
        .filter_map(|(id, ns)| {
            let d = ns
                .iter()
                .filter_map(|n| edits_within(&lower, &normal(n), max))
                .min()?;
            Some((d, id))
        })
        .collect();
    near.sort();
    Err(NameError::Unknown(
        near.into_iter()
            .take(3)
            .map(|(_, id)| id.to_string())
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits(a: &str, b: &str) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        edits_within(&a, &b, 3)
    }

    #[test]
    fn edit_distance_counts_swaps_as_one_and_stops_past_the_bound() {
        assert_eq!(edits("xgbost", "xgboost"), Some(1));
        assert_eq!(edits("ntm", "nmt"), Some(1));
        assert_eq!(edits("randon cut forest", "random cut forest"), Some(1));
        assert_eq!(edits("", "abc"), Some(3));
        assert_eq!(edits("kitten", "sitting"), Some(3));
        assert_eq!(edits("abcdefgh", "hgfedcba"), None);
        assert_eq!(edits("a", "abcdef"), None);
    }
}
