//! The full-text tier: every query word starts a word of a node's names,
//! summary, notes or the notes of its edges.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use rustc_hash::FxHashSet;

use super::names::Query;
use super::words::Words;
use super::{Scored, SearchIndex, Tier};
use crate::graph::Graph;

/// The words of every node's names and text, edge notes counting for both ends.
pub fn build(graph: &Graph, nodes: &[NodeIndex]) -> Words {
    Words::build(nodes.len(), |n, add| {
        let ix = nodes[n];
        let node = &graph.g[ix];
        add(&node.label);
        node.aliases.iter().for_each(|a| add(a));
        add(&node.id);
        add(&node.summary);
        add(&node.notes);
        for dir in [Direction::Outgoing, Direction::Incoming] {
            for e in graph.g.edges_directed(ix, dir) {
                add(&e.weight().note);
            }
        }
    })
}

impl SearchIndex {
    /// The nodes not yet `seen` whose text holds every query word as a word prefix.
    pub(super) fn text_hits(
        &self,
        graph: &Graph,
        query: &Query,
        kinds: &[String],
        seen: &FxHashSet<u32>,
    ) -> Vec<Scored> {
        let words = self.text_words(graph);
        let mut ranges: Vec<_> = query.words.iter().map(|w| words.prefix_range(w)).collect();
        ranges.sort_by_key(|r| words.postings_len(r.clone()));
        let Some((pick, rest)) = ranges.split_first() else {
            return Vec::new();
        };
        let mut candidates = words.nodes_of_range(pick.clone());
        for r in rest {
            if candidates.is_empty() {
                break;
            }
            words.keep_holding(&mut candidates, r.clone());
        }
        candidates
            .into_iter()
            .filter(|&n| self.kind_ok(kinds, n) && !seen.contains(&n))
            .map(|n| Scored {
                node: n,
                tier: Tier::FullText,
                fuzzy: None,
                sub: 0,
                close: 0,
            })
            .collect()
    }
}
