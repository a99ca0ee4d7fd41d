//! The kind-word tier: a query word that names a kind (`algorithm`,
//! `metrics`) keeps that kind; when the rest of the query names a node, the
//! nodes of that kind linked to it come first (`anomaly detection algorithm`:
//! the algorithms that solve anomaly detection), then that node itself, then
//! the other hits of the rest that are of the kind.

use std::cmp::Reverse;

use petgraph::graph::NodeIndex;
use rustc_hash::FxHashSet;

use super::names::Query;
use super::{MAX_QUERY_CHARS, Scored, SearchIndex, Tier};
use indexmap::IndexMap;

use crate::graph::{Graph, Kind};

/// Each kind's id with the words that name it: its id and label, singular
/// and plural, lowercase.
pub fn names(kinds: &IndexMap<String, Kind>) -> Vec<(String, Vec<String>)> {
    kinds
        .iter()
        .map(|(id, kind)| {
            let mut words = Vec::new();
            for base in [id.to_lowercase(), kind.label.to_lowercase()] {
                if base.is_empty() || base.contains(|c: char| !c.is_alphanumeric()) {
                    continue;
                }
                if let Some(stem) = base.strip_suffix('y') {
                    words.push(format!("{stem}ies"));
                }
                words.push(format!("{base}s"));
                words.push(format!("{base}es"));
                words.push(base);
            }
            (id.clone(), words)
        })
        .collect()
}

impl SearchIndex {
    /// The kind a query word names, if any.
    fn kind_named(&self, word: &str) -> Option<&str> {
        self.kind_names
            .iter()
            .find(|(_, words)| words.iter().any(|w| w == word))
            .map(|(id, _)| id.as_str())
    }

    /// The kind a query names and the rest of the query, when it has both.
    fn split_kind(&self, query: &Query) -> Option<(String, Query)> {
        if query.words.len() < 2 {
            return None;
        }
        let (at, kind) = (query.words.iter().enumerate().rev())
            .find_map(|(i, w)| self.kind_named(w).map(|k| (i, k.to_string())))?;
        let rest: Vec<&str> = (query.words.iter().enumerate())
            .filter(|&(i, _)| i != at)
            .map(|(_, w)| w.as_str())
            .collect();
        Some((kind, Query::new(&rest.join(" "), MAX_QUERY_CHARS)))
    }

    /// The hits of the kind-word tier, in order in `sub`: the nodes of the
    /// kind linked to the node the rest names (0), that node (1), the rest's
    /// other hits of the kind (2 on).
    pub(super) fn kind_hits(
        &self,
        graph: &Graph,
        query: &Query,
        kinds: &[String],
        limit: usize,
    ) -> Vec<Scored> {
        let Some((kind, rest)) = self.split_kind(query) else {
            return Vec::new();
        };
        let found = self.score(&rest, &[], &self.everyone());
        let of_kind: Vec<Scored> = (found.iter().copied())
            .filter(|s| self.kind_of(s.node) == kind && self.kind_ok(kinds, s.node))
            .collect();
        let mut out: Vec<Scored> = Vec::new();
        let mut seen = FxHashSet::default();
        let mut push = |n: u32, sub: u32| {
            if self.kind_ok(kinds, n) && seen.insert(n) {
                out.push(Scored {
                    node: n,
                    tier: Tier::Kind,
                    fuzzy: None,
                    sub,
                    close: 0,
                });
            }
        };
        let named = self.named(graph, &rest, found, limit);
        if let Some(&first) = named.first() {
            for target in &named {
                self.linked(graph, *target, &kind)
                    .into_iter()
                    .for_each(|n| push(n, 0));
            }
            push(first, 1);
        }
        let kind_list = [kind];
        let rest_hits = self.finish(graph, &rest, &kind_list, of_kind, limit, false);
        for (i, h) in rest_hits.iter().filter(|h| h.tier.is_name()).enumerate() {
            push(h.node.index() as u32, 2 + i as u32);
        }
        out
    }

    /// The node the rest of a query names (its best name hit) and, when it
    /// is named well (a word prefix or better), the others named as well,
    /// best first; `found` are the rest's name matches.
    fn named(&self, graph: &Graph, rest: &Query, found: Vec<Scored>, limit: usize) -> Vec<u32> {
        let strong: Vec<Scored> = (found.iter().copied())
            .filter(|s| s.tier <= Tier::WordPrefix)
            .collect();
        let best = self.finish(graph, rest, &[], found, 1, false);
        let Some(first) = best.first().filter(|h| h.tier.is_name()) else {
            return Vec::new();
        };
        let first_node = first.node.index() as u32;
        let mut targets = vec![first_node];
        if first.tier <= Tier::WordPrefix {
            let mut others: Vec<_> = (strong.iter())
                .filter(|s| s.node != first_node)
                .map(|s| (s.tier, Reverse(self.degree[s.node as usize]), s.node))
                .collect();
            others.sort_unstable();
            targets.extend(others.into_iter().take(limit).map(|s| s.2));
        }
        targets
    }

    /// The nodes of a kind linked to a node either way, most connected first.
    fn linked(&self, graph: &Graph, node: u32, kind: &str) -> Vec<u32> {
        let mut linked: Vec<u32> = (graph.g.neighbors_undirected(NodeIndex::new(node as usize)))
            .map(|ix| ix.index() as u32)
            .filter(|&n| self.kind_of(n) == kind)
            .collect();
        linked.sort_unstable_by_key(|&n| (Reverse(self.degree[n as usize]), n));
        linked.dedup();
        linked
    }
}
