//! Ranking the matches: the order within and across tiers, and each hit's
//! highlighted characters and snippet.

use std::cmp::Reverse;

use fuzzy_matcher::skim::SkimMatcherV2;
use petgraph::graph::NodeIndex;
use rayon::prelude::*;

use super::names::{Query, fuzzy_score, label_positions, subsequence, word_positions};
use super::{Hit, Labels, PARALLEL_FROM, Scored, SearchIndex, Tier, cut};

impl SearchIndex {
    /// The best `limit` of the matches, sorted, with label positions. Fuzzy
    /// scores are worked out only down to the tier that fills `limit`: no
    /// hit below it can rank among the shown ones.
    pub(super) fn best(
        &self,
        labels: &dyn Labels,
        query: &Query,
        mut found: Vec<Scored>,
        limit: usize,
    ) -> Vec<Hit> {
        if limit == 0 {
            return Vec::new();
        }
        let mut counts = [0usize; Tier::ALL.len()];
        for s in &found {
            counts[s.tier as usize] += 1;
        }
        let mut total = 0;
        let last = Tier::ALL.into_iter().find(|t| {
            total += counts[*t as usize];
            total >= limit
        });
        found.retain(|s| last.is_none_or(|t| s.tier <= t));
        self.fill_fuzzy(query, &mut found);
        let score = |s: &Scored| s.tier.bonus() + s.fuzzy.unwrap_or(0) - i64::from(s.sub.min(999));
        let key = |s: &Scored| {
            (
                s.tier,
                Reverse(score(s)),
                s.close,
                Reverse(self.degree[s.node as usize]),
                s.sub,
                self.label_key[s.node as usize],
            )
        };
        let label = |s: &Scored| labels.label(s.node);
        let order = |a: &Scored, b: &Scored| {
            key(a)
                .cmp(&key(b))
                .then_with(|| label(a).cmp(label(b)))
                .then_with(|| a.node.cmp(&b.node))
        };
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_by(order);
        found
            .into_iter()
            .map(|s| self.hit(labels, query, s, score(&s)))
            .collect()
    }

    /// Works out the fuzzy scores still missing, in parallel on large sets.
    fn fill_fuzzy(&self, query: &Query, found: &mut [Scored]) {
        let fill = |chunk: &mut [Scored]| {
            let matcher = SkimMatcherV2::default().ignore_case();
            for s in chunk
                .iter_mut()
                .filter(|s| s.fuzzy.is_none() && s.tier <= Tier::Fuzzy)
            {
                s.fuzzy = fuzzy_score(self.names.names(s.node), query, &matcher);
            }
            for s in chunk.iter_mut() {
                s.close = self.closeness(s, query);
            }
        };
        if found.len() < PARALLEL_FROM {
            fill(found);
        } else {
            let chunk = found
                .len()
                .div_ceil(rayon::current_num_threads() * 4)
                .max(1024);
            found.par_chunks_mut(chunk).for_each(fill);
        }
    }

    /// How far in length from the query the closest of a node's names is
    /// (among its label and aliases every query word is a subsequence of); the label's
    /// length for the typo tier, nothing for the tiers below.
    fn closeness(&self, s: &Scored, query: &Query) -> u32 {
        let far = |n: usize| n.abs_diff(query.chars) as u32;
        if query.words.is_empty() {
            return 0;
        }
        match s.tier {
            Tier::Typo => far(self.label_chars[s.node as usize] as usize),
            Tier::Kind | Tier::FullText => 0,
            _ => {
                // The id is the last name; nodes found by their id alone
                // (`xgboost.alpha`) rank after those found by their label or
                // an alias, all alike.
                let matches = |n: &&str| query.words.iter().all(|w| subsequence(n, w));
                (self.names.names(s.node).shown().iter().filter(matches))
                    .map(|n| far(n.chars().count()))
                    .min()
                    .unwrap_or(u32::MAX)
            }
        }
    }

    /// A ranked match as a hit: where the label matches, and for a
    /// full-text hit the stretch of text that does.
    fn hit(&self, labels: &dyn Labels, query: &Query, s: Scored, score: i64) -> Hit {
        let label = cut(labels.label(s.node));
        let positions = if s.tier <= Tier::Fuzzy {
            label_positions(label, &query.words, &SkimMatcherV2::default().ignore_case())
        } else {
            word_positions(label, &query.words, true)
        };
        let snippet = (s.tier == Tier::FullText)
            .then(|| labels.snippet(s.node, &query.words))
            .flatten();
        Hit {
            node: NodeIndex::new(s.node as usize),
            score,
            tier: s.tier,
            positions,
            snippet,
        }
    }
}
