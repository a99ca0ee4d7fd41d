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
use crate::graph::Graph;

/// Each kind's id with the words that name it: its id and label, singular
/// and plural, lowercase.
pub fn names(graph: &Graph) -> Vec<(String, Vec<String>)> {
    graph
        .kinds
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

    /// The hits of the kind-word tier, in order in `sub`.
    pub(super) fn kind_hits(
        &self,
        graph: &Graph,
        query: &Query,
        kinds: &[String],
        limit: usize,
    ) -> Vec<Scored> {
        if query.words.len() < 2 {
            return Vec::new();
        }
        let named = query.words.iter().enumerate().rev();
        let Some((at, kind)) = named
            .filter_map(|(i, w)| self.kind_named(w).map(|k| (i, k.to_string())))
            .next()
        else {
            return Vec::new();
        };
        let rest: Vec<&str> = (query.words.iter().enumerate())
            .filter(|&(i, _)| i != at)
            .map(|(_, w)| w.as_str())
            .collect();
        let rest = Query::new(&rest.join(" "), MAX_QUERY_CHARS);
        let found = self.score(&rest, &[], &self.everyone());
        let found_all = found.clone();
        let of_kind: Vec<Scored> = (found.iter().copied())
            .filter(|s| self.kind[s.node as usize] == kind && self.kind_ok(kinds, s.node))
            .collect();
        let target = self.finish(graph, &rest, &[], found, 1, false);
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
        if let Some(t) = target.first().filter(|h| h.tier.is_name()) {
            let t = t.node.index() as u32;
            // The node named, then (when it is named well) the others named as well.
            let mut targets = vec![t];
            if target[0].tier <= Tier::WordPrefix {
                let strong = (found_all.iter())
                    .filter(|s| s.tier <= Tier::WordPrefix && s.node != t)
                    .map(|s| (s.tier, Reverse(self.degree[s.node as usize]), s.node));
                let mut strong: Vec<_> = strong.collect();
                strong.sort_unstable();
                targets.extend(strong.into_iter().take(limit).map(|s| s.2));
            }
            for target in targets {
                let mut linked: Vec<u32> = (graph
                    .g
                    .neighbors_undirected(NodeIndex::new(target as usize)))
                .map(|ix| ix.index() as u32)
                .filter(|&n| self.kind[n as usize] == kind)
                .collect();
                linked.sort_unstable_by_key(|&n| (Reverse(self.degree[n as usize]), n));
                linked.into_iter().for_each(|n| push(n, 0));
            }
            push(t, 1);
        }
        let kind_list = [kind];
        let rest_hits = self.finish(graph, &rest, &kind_list, of_kind, limit, false);
        for (i, h) in rest_hits.iter().filter(|h| h.tier.is_name()).enumerate() {
            push(h.node.index() as u32, 2 + i as u32);
        }
        out
    }
}
