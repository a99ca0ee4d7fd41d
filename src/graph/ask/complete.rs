//! Completion while a query is typed: the word at the cursor is a kind after
//! `kind:`, a node after `REL:` (or `|`, `=`), else a relation or `kind:`.

use super::names::normal;
use crate::graph::Graph;
use crate::graph::search::SearchIndex;

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
    let bare = word.trim_start_matches(['-', '<']);
    let head_start = cursor - bare.len();
    let Some((head, rest)) = bare.split_once(':') else {
        return Completion {
            start: head_start,
            candidates: heads(graph, bare),
        };
    };
    let cut = rest.rfind(['|', '=']).map_or(0, |i| i + 1);
    let prefix = &rest[cut..];
    let start = cursor - prefix.len();
    let candidates = if normal(head) == "kind" {
        kinds(graph, prefix)
    } else {
        nodes(graph, index, prefix)
    };
    Completion { start, candidates }
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

/// Nodes whose names the prefix matches best, inserted by id (an id never
/// needs quotes).
fn nodes(graph: &Graph, index: &SearchIndex, prefix: &str) -> Vec<(String, String)> {
    if prefix.trim().is_empty() || prefix.starts_with(['"', '\'']) {
        return Vec::new();
    }
    index
        .search(graph, prefix, &[], MAX_CANDIDATES)
        .iter()
        .map(|h| {
            let n = graph.node(h.node);
            (n.id.clone(), format!("{} ({}, {})", n.id, n.label, n.kind))
        })
        .collect()
}
