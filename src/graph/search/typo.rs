//! The typo tier: every query word matches a word of a node's names, as a
//! prefix or within its budget of edits (see [`super::edits`]).

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::edits::{budget, near};
use super::names::Query;
use super::words::Words;
use super::{PARALLEL_FROM, Scored, SearchIndex, Tier, chunked};

/// The words of the names a query word may stand for: those it starts
/// (no edit) and those within its budget, with their edits.
struct Stands {
    prefixed: Range<u32>,
    near: FxHashMap<u32, u8>,
}

impl Stands {
    fn new(words: &Words, q: &str, last: bool) -> Stands {
        Stands {
            prefixed: words.prefix_range(q),
            near: near(words.vocab(), words.lcp(), q, budget(q), last),
        }
    }

    /// How many postings the candidates of this word come from.
    fn cost(&self, words: &Words) -> usize {
        words.postings_len(self.prefixed.clone())
            + self
                .near
                .keys()
                .map(|&w| words.nodes_of(w).len())
                .sum::<usize>()
    }

    /// The nodes holding one of the words, ascending, once each.
    fn nodes(&self, words: &Words) -> Vec<u32> {
        let mut nodes = words.nodes_of_range(self.prefixed.clone());
        for &w in self.near.keys() {
            nodes.extend_from_slice(words.nodes_of(w));
        }
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// The fewest edits by which node `n` holds one of the words.
    fn edits(&self, words: &Words, n: u32) -> Option<u8> {
        if words.holds_any(n, &self.prefixed) {
            return Some(0);
        }
        if self.near.is_empty() {
            return None;
        }
        words
            .words_of(n)
            .iter()
            .filter_map(|w| self.near.get(w).copied())
            .min()
    }
}

impl SearchIndex {
    /// The nodes whose names hold every query word within its budget of
    /// edits, with the edits summed in `sub`; none when no word has a word
    /// within edits that it does not also start.
    pub(super) fn typo_hits(&self, query: &Query, kinds: &[String]) -> Vec<Scored> {
        let words = self.name_words();
        let last = query.words.len() - 1;
        let stand = |(i, q): (usize, &String)| Stands::new(words, q, i == last);
        // Each word walks the whole vocabulary: on a large one, the words go
        // to the cores.
        let stands: Vec<Stands> = if words.vocab().len() >= PARALLEL_FROM {
            query.words.par_iter().enumerate().map(stand).collect()
        } else {
            query.words.iter().enumerate().map(stand).collect()
        };
        let typo = stands
            .iter()
            .any(|s| s.near.keys().any(|w| !s.prefixed.contains(w)));
        if !typo {
            return Vec::new();
        }
        let Some(pick) = (0..stands.len()).min_by_key(|&i| stands[i].cost(words)) else {
            return Vec::new();
        };
        let candidates = stands[pick].nodes(words);
        chunked(&candidates, |chunk: &[u32]| {
            chunk
                .iter()
                .filter(|&&n| self.kind_ok(kinds, n))
                .filter_map(|&n| {
                    let mut sum = 0u32;
                    for s in &stands {
                        sum += u32::from(s.edits(words, n)?);
                    }
                    (sum > 0).then_some(Scored {
                        node: n,
                        tier: Tier::Typo,
                        fuzzy: None,
                        sub: sum,
                        close: 0,
                    })
                })
                .collect()
        })
    }
}
