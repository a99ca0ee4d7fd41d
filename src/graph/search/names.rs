//! Matching a query against a node's names: which tier a name match is in,
//! its fuzzy score, and which characters of the label it covers.

use std::cell::RefCell;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::Tier;
use super::arena::{Masks, Names, mask};
use super::edits::{align, budget};
use super::skim::{self, Scorer};
use super::words::each_word;

/// A query taken apart once: its words, its squashed form and its length.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The query as typed, cut to its longest length.
    pub text: String,
    /// Its words, lowercase.
    pub words: Vec<String>,
    /// Its letters and digits, lowercase.
    pub squashed: String,
    /// Its length in characters, without surrounding blanks.
    pub chars: usize,
    /// What a node's [`Masks`] must hold to match it; `None` where it is
    /// not ASCII.
    pub need: Option<Masks>,
}

/// What a node's masks must hold: every letter of the words (to match at
/// all), the first letter of the squashed query among its names' first
/// letters (to start a name), each word's first letter among its words'
/// first letters (for every word to start a word).
fn need(words: &[String], squashed: &str) -> Option<Masks> {
    let first = |w: &str| mask(w.get(..1).unwrap_or(""));
    let mut all = 0;
    let mut word_heads = 0;
    for w in words {
        all |= mask(w)?;
        word_heads |= first(w)?;
    }
    Some(Masks {
        all,
        heads: first(squashed)?,
        word_heads,
    })
}

impl Query {
    /// Takes apart the first `max` characters of a query.
    pub fn new(query: &str, max: usize) -> Query {
        let text: String = query.chars().take(max).collect();
        let (words, squashed) = (words(&text), squash(&text));
        Query {
            need: need(&words, &squashed),
            words,
            squashed,
            chars: text.trim().chars().count(),
            text,
        }
    }
}

/// The letters and digits of a text, lowercase.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The runs of letters and digits of a text, lowercase.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the characters of `pattern` occur in order in `text` (both
/// lowercase); true when either is not ASCII (the fuzzy matcher decides).
pub fn subsequence(text: &str, pattern: &str) -> bool {
    if text.is_ascii() && pattern.is_ascii() {
        let mut t = text.bytes();
        return pattern.bytes().all(|p| t.any(|c| c == p));
    }
    true
}

/// The letters and digits of a lowercase name.
fn squashed(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter(|c| c.is_alphanumeric())
}

thread_local! {
    /// Each thread's table for [`Scorer`], kept between calls.
    static SCORER: RefCell<Scorer> = RefCell::default();
}

/// The sum over the query's words of each word's best fuzzy score among the
/// names, if every word matches one. The matcher's scores, worked out by
/// [`Scorer`] where name and word are ASCII and the word allows it.
pub fn fuzzy_score(names: Names<'_>, query: &Query, matcher: &SkimMatcherV2) -> Option<i64> {
    SCORER.with_borrow_mut(|scorer| {
        let mut fuzzy = 0;
        for w in &query.words {
            let ours = w.is_ascii() && skim::exact_for(w.as_bytes());
            fuzzy += names
                .iter()
                .filter(|n| subsequence(n, w))
                .filter_map(|n| {
                    if ours && n.is_ascii() {
                        scorer.score(n.as_bytes(), w.as_bytes())
                    } else {
                        matcher.fuzzy_match(n, w)
                    }
                })
                .max()?;
        }
        Some(fuzzy)
    })
}

/// How well a matching node's names match a query; `masks` are the node's,
/// which rule out the upper tiers for most nodes without reading a name.
pub fn tier(names: Names<'_>, masks: Masks, query: &Query) -> Tier {
    upper_tier(names, masks, query, Tier::Initials).unwrap_or(Tier::Fuzzy)
}

/// Whether a node's masks allow it a tier of `worst` or better for a query
/// that needs `need` (see [`upper_tier`]).
pub fn may_reach(masks: Masks, need: Masks, worst: Tier) -> bool {
    let holds = |bits: fn(&Masks) -> u64| bits(&masks) & bits(&need) == bits(&need);
    holds(|m| m.heads) || (worst >= Tier::WordPrefix && holds(|m| m.word_heads))
}

/// A node's tier if it is `worst` or better (of the tiers above fuzzy),
/// looked for no further down. A node of such a tier matches the query:
/// its every word is in one of the node's names.
pub fn upper_tier(names: Names<'_>, masks: Masks, query: &Query, worst: Tier) -> Option<Tier> {
    let holds = |bits: fn(&Masks) -> u64| {
        query
            .need
            .as_ref()
            .is_none_or(|need| bits(&masks) & bits(need) == bits(need))
    };
    let q = query.squashed.as_str();
    let may_start = !q.is_empty() && holds(|m| m.heads);
    if may_start && names.iter().any(|n| squashed(n).eq(q.chars())) {
        return Some(Tier::Exact);
    }
    if may_start
        && names.iter().any(|n| {
            let mut name = squashed(n);
            q.chars().all(|c| name.next() == Some(c))
        })
    {
        return Some(Tier::Prefix);
    }
    if worst < Tier::WordPrefix {
        return None;
    }
    if holds(|m| m.word_heads)
        && names
            .iter()
            .any(|n| (query.words.iter()).all(|q| name_words(n).any(|w| w.starts_with(q.as_str()))))
    {
        return Some(Tier::WordPrefix);
    }
    let initial_masks =
        (query.need.as_ref()).is_none_or(|need| masks.word_heads & need.all == need.all);
    (worst >= Tier::Initials && initial_masks && initials(names, query)).then_some(Tier::Initials)
}

/// The runs of letters and digits of a lowercase name.
fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether a query of one word of 2 to 5 letters spells the initials of a
/// name of several words (`lr`: Learning rate).
fn initials(names: Names<'_>, query: &Query) -> bool {
    let [word] = query.words.as_slice() else {
        return false;
    };
    if !(2..=5).contains(&word.chars().count()) {
        return false;
    }
    names.iter().any(|n| {
        let mut parts = name_words(n);
        let mut count = 0;
        let same = word.chars().all(|c| {
            count += 1;
            parts.next().and_then(|p| p.chars().next()) == Some(c)
        });
        same && count >= 2 && parts.next().is_none()
    })
}

/// Which characters of the label the query's words match fuzzily.
pub fn label_positions(label: &str, qwords: &[String], matcher: &SkimMatcherV2) -> Vec<usize> {
    let mut pos: Vec<usize> = qwords
        .iter()
        .filter_map(|w| matcher.fuzzy_indices(label, w))
        .flat_map(|(_, ix)| ix)
        .collect();
    pos.sort_unstable();
    pos.dedup();
    pos
}

/// Which characters of the label the query's words match word by word: as a
/// prefix of a word, or (with `typos`) as far as the letters of a word within
/// the query word's budget of edits line up with it.
pub fn word_positions(label: &str, qwords: &[String], typos: bool) -> Vec<usize> {
    let mut label_words: Vec<(String, usize)> = Vec::new();
    each_word(label, |w, at| label_words.push((w.to_string(), at)));
    let last = qwords.len().saturating_sub(1);
    let mut pos = Vec::new();
    for (i, q) in qwords.iter().enumerate() {
        let mut best: Option<(u8, Vec<usize>)> = None;
        for (w, at) in &label_words {
            let found = if w.starts_with(q.as_str()) {
                Some((0, (0..q.chars().count()).map(|c| at + c).collect()))
            } else if typos && budget(q) > 0 && w.is_ascii() {
                let (edits, matched) = align(q, w, i == last);
                (edits <= budget(q)).then(|| (edits, matched.iter().map(|c| at + c).collect()))
            } else {
                None
            };
            if let Some(f) = found
                && best.as_ref().is_none_or(|b| f.0 < b.0)
            {
                best = Some(f);
            }
        }
        pos.extend(best.map(|b| b.1).unwrap_or_default());
    }
    pos.sort_unstable();
    pos.dedup();
    pos
}

#[cfg(test)]
mod tests {
    use super::super::arena::Arena;
    use super::*;

    /// Texts of a few letters, blanks, digits, a dash and a non-ASCII letter.
    fn texts(seed: &mut u64, count: usize) -> Vec<String> {
        const ALPHABET: &[&str] = &["a", "b", "v", "g", " ", "-", "1", "é", "ab", "va"];
        (0..count)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let len = 1 + (*seed >> 33) as usize % 7;
                (0..len)
                    .map(|i| ALPHABET[((*seed >> (3 * i + 5)) as usize) % ALPHABET.len()])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn masks_never_change_a_tier() {
        let mut seed = 7;
        let nodes: Vec<Vec<String>> = (0..400).map(|_| texts(&mut seed, 3)).collect();
        let arena = Arena::build(nodes.len(), |n, add| nodes[n].iter().for_each(|s| add(s)));
        let mut upper = 0;
        for q in texts(&mut seed, 300) {
            let query = Query::new(&q, 64);
            for n in 0..nodes.len() as u32 {
                let names = arena.names(n);
                let pruned = tier(names, arena.masks(n), &query);
                assert_eq!(pruned, tier(names, Masks::ANY, &query), "{q:?} {names:?}");
                upper += usize::from(pruned < Tier::Fuzzy);
            }
        }
        assert!(upper > 100, "the upper tiers are reached: {upper}");
    }
}
