//! Completion while a query is typed: the word at the cursor is a kind after
//! `kind:`, a node after `REL:` (or `|`, `=`: the nodes the relation reaches
//! first), an edge prop's name inside `[...]`, else a relation or `kind:`.

use rustc_hash::{FxHashMap, FxHashSet};

use super::names::normal;
use crate::graph::resolve::Resolver;
use crate::graph::search::SearchIndex;
use crate::graph::{Graph, NodeIndex};

/// The most candidates offered.
pub const MAX_CANDIDATES: usize = 8;

/// What can replace the word being typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completion {
    /// Byte offset where the replaced part starts (it ends at the cursor).
    pub start: usize,
    /// The candidates, best first: the text to insert and how to show it.
    pub candidates: Vec<(String, String)>,
}

impl Completion {
    /// What Tab inserts: the only candidate, else the longest start all
    /// candidates share when it is longer than what is typed, else the first.
    pub fn insertion(&self, typed: &str) -> Option<String> {
        let first = &self.candidates.first()?.0;
        if self.candidates.len() == 1 {
            return Some(first.clone());
        }
        let mut common = first.clone();
        for (c, _) in &self.candidates[1..] {
            let keep = common
                .char_indices()
                .zip(c.chars())
                .take_while(|((_, a), b)| a == b)
                .last()
                .map_or(0, |((i, a), _)| i + a.len_utf8());
            common.truncate(keep);
        }
        Some(if common.chars().count() > typed.chars().count() {
            common
        } else {
            first.clone()
        })
    }
}

/// The candidates for the word that ends at byte `cursor` of `text`.
pub fn complete(graph: &Graph, index: &SearchIndex, text: &str, cursor: usize) -> Completion {
    let cursor = cursor.min(text.len());
    let before = &text[..cursor];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let backwards = word.trim_start_matches('-').starts_with('<');
    let bare = word.trim_start_matches(['-', '<']);
    let head_start = cursor - bare.len();
    let Some((head, rest)) = bare.split_once(':') else {
        return Completion {
            start: head_start,
            candidates: heads(graph, bare),
        };
    };
    if normal(head) == "kind" {
        let prefix = &rest[rest.rfind('|').map_or(0, |i| i + 1)..];
        return Completion {
            start: cursor - prefix.len(),
            candidates: kinds(graph, prefix),
        };
    }
    let ends = Ends::of(graph, head, backwards);
    if let Some(open) = rest.rfind('[') {
        // Inside `[...]`: an edge prop's name; nothing for a value or after `]`.
        let inside = &rest[open + 1..];
        let prefix = &inside[inside.rfind(',').map_or(0, |i| i + 1)..];
        let candidates = if inside.contains(']') || prefix.contains('=') {
            Vec::new()
        } else {
            edge_props(graph, &ends, prefix)
        };
        return Completion {
            start: cursor - prefix.len(),
            candidates,
        };
    }
    let prefix = &rest[rest.rfind(['|', '=']).map_or(0, |i| i + 1)..];
    Completion {
        start: cursor - prefix.len(),
        candidates: nodes(graph, index, &ends, prefix),
    }
}

/// The relation a term names and the nodes at the far end of its edges,
/// most linked first.
struct Ends {
    rel: Option<String>,
    nodes: Vec<NodeIndex>,
}

impl Ends {
    /// The far ends of `head`'s edges read forwards (`REL:`) or backwards
    /// (`<REL:`, or the relation's inverse label).
    fn of(graph: &Graph, head: &str, backwards: bool) -> Ends {
        let Ok(rel) = Resolver::new(graph).relation(head) else {
            return Ends {
                rel: None,
                nodes: Vec::new(),
            };
        };
        let r = &graph.relations[rel];
        let inverse =
            !r.symmetric && normal(&r.inverse) == normal(head) && normal(rel) != normal(head);
        let backwards = backwards != inverse;
        let mut count: FxHashMap<NodeIndex, usize> = FxHashMap::default();
        for (_, from, to, _) in graph.edges().filter(|(_, _, _, e)| e.rel == rel) {
            let far: &[NodeIndex] = match (r.symmetric, backwards) {
                (true, _) => &[from, to],
                (false, false) => &[to],
                (false, true) => &[from],
            };
            for &n in far {
                *count.entry(n).or_default() += 1;
            }
        }
        let mut nodes: Vec<_> = count.into_iter().collect();
        nodes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ends {
            rel: Some(rel.to_string()),
            nodes: nodes.into_iter().map(|(n, _)| n).collect(),
        }
    }
}

fn starts(name: &str, prefix: &str) -> bool {
    normal(name).starts_with(&normal(prefix))
}

/// `kind:` and the relations a word starts, each ending in `:`.
fn heads(graph: &Graph, prefix: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if starts("kind", prefix) {
        out.push(("kind:".to_string(), "kind: a node's kind".to_string()));
    }
    for (id, r) in &graph.relations {
        if starts(id, prefix) || starts(&r.label, prefix) {
            out.push((format!("{id}:"), format!("{id}: {}", r.label)));
        }
    }
    out.truncate(MAX_CANDIDATES);
    out
}

fn kinds(graph: &Graph, prefix: &str) -> Vec<(String, String)> {
    graph
        .kinds
        .iter()
        .filter(|(id, k)| starts(id, prefix) || starts(&k.label, prefix))
        .map(|(id, k)| (id.clone(), format!("{id} ({})", k.label)))
        .take(MAX_CANDIDATES)
        .collect()
}

/// The props the relation's edges carry, by name.
fn edge_props(graph: &Graph, ends: &Ends, prefix: &str) -> Vec<(String, String)> {
    let Some(rel) = &ends.rel else {
        return Vec::new();
    };
    let mut keys = std::collections::BTreeSet::new();
    for (_, _, _, e) in graph.edges().filter(|(_, _, _, e)| e.rel == rel) {
        keys.extend(e.props.keys().filter(|k| starts(k, prefix)));
    }
    keys.into_iter()
        .take(MAX_CANDIDATES)
        .map(|k| (format!("{k}="), format!("{k}= an edge prop")))
        .collect()
}

/// Nodes for the word after `REL:`, inserted by id (an id never needs
/// quotes): with nothing typed, the nodes its edges reach most; else the
/// nodes whose names the prefix matches best, those its edges reach first.
fn nodes(graph: &Graph, index: &SearchIndex, ends: &Ends, prefix: &str) -> Vec<(String, String)> {
    let show = |ix: NodeIndex| {
        let n = graph.node(ix);
        (
            n.id.to_string(),
            format!("{} ({}, {})", n.id, n.label, n.kind),
        )
    };
    if prefix.starts_with(['"', '\'']) {
        return Vec::new();
    }
    if prefix.trim().is_empty() {
        return ends
            .nodes
            .iter()
            .take(MAX_CANDIDATES)
            .map(|&n| show(n))
            .collect();
    }
    let hits: Vec<NodeIndex> = index
        .search(graph, prefix, &[], 4 * MAX_CANDIDATES)
        .iter()
        .map(|h| h.node)
        .collect();
    let reached: FxHashSet<NodeIndex> = ends.nodes.iter().copied().collect();
    let (near, far): (Vec<NodeIndex>, Vec<NodeIndex>) =
        hits.into_iter().partition(|n| reached.contains(n));
    near.into_iter()
        .chain(far)
        .take(MAX_CANDIDATES)
        .map(show)
        .collect()
}
