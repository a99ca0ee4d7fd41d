//! Finding a query's matches only as far down the tiers as the hits asked
//! for can reach. When the exact and prefix tiers, or the name tiers above
//! fuzzy, already hold `limit` nodes, no node below them can be shown: the
//! masks find those tiers' nodes without testing the others' names, and the
//! fuzzy tier's nodes are never looked for.
//!
//! Typing narrows each tier on its own: a node of the exact or prefix tier
//! for a query was of one of them for every query it extends, and a node of
//! the word-prefix tier or better was of one of those (its squashed names
//! start with the longer squashed query; each word of the shorter query is a
//! word of the longer or starts its last word).

use super::names::{Query, may_reach, upper_tier};
use super::{Scored, SearchIndex, Tier, chunked};

/// Where a scan looks.
#[derive(Debug, Clone, Copy)]
pub struct Within<'a> {
    /// Nodes holding every match of the query, and maybe others.
    pub left: &'a [u32],
    /// Nodes holding every node of the query's tiers down to the tier
    /// given, and maybe others.
    pub upper: Option<(&'a [u32], Tier)>,
}

/// What a scan found.
#[derive(Debug)]
pub struct Scan {
    /// The matches of every tier that can reach the hits: all the matches
    /// when the tiers above fuzzy leave room.
    pub found: Vec<Scored>,
    /// Nodes holding every match, when the scan narrowed them.
    pub left: Option<Vec<u32>>,
    /// The tier down to which `found` holds every node of the query.
    pub upper: Tier,
}

impl SearchIndex {
    /// The matches within the nodes given that can rank among the best `limit`.
    pub(super) fn scan(
        &self,
        query: &Query,
        kinds: &[String],
        within: Within,
        limit: usize,
    ) -> Scan {
        if query.need.is_none() || query.words.is_empty() {
            return Scan::all(self.score(query, kinds, within.left));
        }
        let [word] = query.words.as_slice() else {
            return self.scan_from(query, kinds, within, limit, false);
        };
        self.scan_from(query, kinds, within, limit, (2..=5).contains(&word.len()))
    }

    fn scan_from(
        &self,
        query: &Query,
        kinds: &[String],
        within: Within,
        limit: usize,
        initials: bool,
    ) -> Scan {
        // The initials tier does not narrow (a longer word spells the
        // initials of a name of more words): only every match holds it.
        let covers = |upper: Tier, worst: Tier| match worst {
            Tier::Initials if initials => upper > Tier::Initials,
            _ => upper >= worst.min(Tier::WordPrefix),
        };
        let from = |worst: Tier| match within.upper {
            Some((nodes, upper)) if covers(upper, worst) => nodes,
            _ => within.left,
        };
        // A query of several words seldom starts `limit` names: its prefix
        // and word-prefix tiers are found in one pass over the nodes, not
        // two, unless typing left fewer nodes that may start a name.
        let narrower = from(Tier::Prefix).len() < from(Tier::Initials).len();
        let passes: &[Tier] = if query.words.len() > 1 && !narrower {
            &[Tier::Initials]
        } else {
            &[Tier::Prefix, Tier::Initials]
        };
        for &worst in passes {
            let found = self.upper(query, kinds, from(worst), worst);
            if found.iter().filter(|s| s.tier <= worst).count() >= limit {
                // Every node of the tiers looked for is found, but the
                // initials tier does not narrow.
                return Scan {
                    found,
                    left: None,
                    upper: worst.min(Tier::WordPrefix),
                };
            }
        }
        Scan::all(self.score(query, kinds, within.left))
    }

    /// The candidates of the given kinds of tier `worst` or better, and
    /// those with a name that is not ASCII that match (as in
    /// [`SearchIndex::score`], whatever their tier); the query is ASCII.
    fn upper(
        &self,
        query: &Query,
        kinds: &[String],
        candidates: &[u32],
        worst: Tier,
    ) -> Vec<Scored> {
        let need = query.need.unwrap_or(super::arena::Masks::ANY);
        chunked(candidates, |chunk: &[u32]| {
            let mut found = Vec::new();
            for &i in chunk {
                let masks = self.names.masks(i);
                if masks.all & need.all != need.all || !self.kind_ok(kinds, i) {
                    continue;
                }
                if masks.any() {
                    found.extend(self.score(query, &[], &[i]));
                } else if may_reach(masks, need, worst)
                    && let Some(tier) = upper_tier(self.names.names(i), masks, query, worst)
                {
                    found.push(Scored::name(i, tier, None));
                }
            }
            found
        })
    }
}

impl Scan {
    /// Every match, and so every node of every tier.
    fn all(found: Vec<Scored>) -> Scan {
        let left = found.iter().map(|s| s.node).collect();
        Scan {
            found,
            left: Some(left),
            upper: Tier::FullText,
        }
    }
}
