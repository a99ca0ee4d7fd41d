//! The fuzzy matcher's score (fuzzy-matcher's `SkimMatcherV2`, ignoring
//! case, score only) worked out on ASCII bytes into a reused buffer: the
//! same table of two rows, cell for cell, without the matcher's per-call
//! allocations and `char` vectors. Ranking a hundred thousand names by their
//! fuzzy score was most of a one-letter query's time.
//!
//! The matcher reuses its table between calls without clearing it, and for
//! a few patterns (see [`exact_for`]) a cell left from an earlier call can
//! reach the score; those stay with the matcher itself, so every score is
//! the one it gives.

use std::cmp::max;

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

/// One cell of the table: the best score ending in a match here (`m`), in
/// a gap here (`p`), and the consecutive-match bonus the matcher keeps.
#[derive(Debug, Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

const RESET: Cell = Cell {
    m: NEG_INFINITY,
    p: NEG_INFINITY,
    bonus: 0,
};

/// What a character is to the matcher's bonuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

fn class(b: u8) -> Class {
    match b {
        0 => Class::Empty,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Class::HardSep,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => Class::SoftSep,
        b'0'..=b'9' => Class::Number,
        b'A'..=b'Z' => Class::Upper,
        _ => Class::Lower,
    }
}

/// The bonus for matching a character of class `cur` after one of `prev`:
/// the start of a word, after punctuation, a camel-case hump, or none.
fn in_place_bonus(prev: Class, cur: Class) -> i32 {
    match (prev, cur) {
        (Class::Empty | Class::HardSep, _) => BONUS_HEAD,
        (Class::SoftSep, _) => BONUS_BREAK,
        (Class::Lower | Class::Number, Class::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// Whether a pattern's score never depends on what an earlier call left in
/// the matcher's table. The table keeps two rows, pattern character `i` in
/// row `(i + 1) % 2`, and clears row 0 but not row 1 on each call; a bonus
/// left in row 1 is carried along a run of one character by the even
/// characters equal to it, and counts for an even character `i` only after
/// a match of character `i - 1` in that run: when characters `0, 2, ...,
/// i - 2` and `i - 1` are all the same.
pub fn exact_for(pattern: &[u8]) -> bool {
    let Some(&first) = pattern.first() else {
        return true;
    };
    let same = |at: usize| pattern[at].eq_ignore_ascii_case(&first);
    (2..pattern.len())
        .step_by(2)
        .all(|i| !((0..i - 1).step_by(2).all(same) && same(i - 1)))
}

/// A table and its scratch space, kept between calls.
#[derive(Debug, Default)]
pub struct Scorer {
    cells: Vec<Cell>,
    bonus: Vec<i32>,
    first: Vec<usize>,
}

impl Scorer {
    /// The matcher's score of `pattern` in `choice` (both ASCII; see
    /// [`exact_for`] for the patterns it equals the matcher on), if every
    /// character of the pattern occurs in order.
    pub fn score(&mut self, choice: &[u8], pattern: &[u8]) -> Option<i64> {
        if pattern.is_empty() {
            return Some(0);
        }
        self.first.clear();
        let mut rest = pattern.iter().peekable();
        for (at, c) in choice.iter().enumerate() {
            match rest.peek() {
                Some(p) if c.eq_ignore_ascii_case(p) => {
                    self.first.push(at);
                    rest.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        if rest.peek().is_some() {
            return None;
        }
        let cols = choice.len() + 1;
        self.bonus.clear();
        self.bonus.push(0);
        let mut prev = Class::Empty;
        for &c in choice {
            let cur = class(c);
            self.bonus.push(in_place_bonus(prev, cur));
            prev = cur;
        }
        if cols > 1 {
            self.bonus[1] *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
        self.cells.clear();
        self.cells.resize(2 * cols, RESET);
        for cell in &mut self.cells[..cols] {
            cell.p = GAP_EXTENSION;
        }
        self.fill(choice, pattern);
        let last = (pattern.len() & 1) * cols;
        let from = self.first[pattern.len() - 1];
        let best = self.cells[last + from..last + cols]
            .iter()
            .map(|c| c.m)
            .max();
        best.map(i64::from)
    }

    /// Fills the two rows as the matcher does, one pattern character after
    /// the other.
    fn fill(&mut self, choice: &[u8], pattern: &[u8]) {
        let cols = choice.len() + 1;
        let cells = &mut self.cells;
        for (i, &p) in pattern.iter().enumerate() {
            let row = ((i + 1) & 1) * cols;
            let row_prev = (i & 1) * cols;
            let skip = self.first[i];
            for (j, &c) in choice.iter().enumerate().skip(skip) {
                let (cur, last, prev) = (row + j + 1, row + j, row_prev + j);
                if c.eq_ignore_ascii_case(&p) {
                    let score = SCORE_MATCH + if c != p { PENALTY_CASE_MISMATCH } else { 0 };
                    let in_place = self.bonus[j + 1];
                    let consecutive = max(cells[last].bonus, max(in_place, BONUS_CONSECUTIVE));
                    cells[last].bonus = consecutive;
                    let by_match = cells[prev].m + consecutive;
                    let by_skip = cells[prev].p + in_place;
                    cells[cur].m = max(by_match, by_skip) + score;
                } else {
                    cells[cur].m = NEG_INFINITY;
                    cells[cur].bonus = 0;
                }
                cells[cur].p = max(
                    GAP_START + GAP_EXTENSION + cells[last].m,
                    GAP_EXTENSION + cells[last].p,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    use super::*;

    /// Random texts over a few letters (doubled often), both cases, digits
    /// and both kinds of separator.
    fn text(seed: &mut u64, max_len: usize, alphabet: &[u8]) -> Vec<u8> {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let len = (*seed >> 33) as usize % (max_len + 1);
        (0..len)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                alphabet[(*seed >> 33) as usize % alphabet.len()]
            })
            .collect()
    }

    #[test]
    fn scores_equal_the_matchers_whatever_it_matched_before() {
        const NAMES: &[u8] = b"aabbcAB1 -_./(\0";
        const PATTERNS: &[u8] = b"aabbcAB1-";
        // One matcher for the whole test, as the search uses one per chunk:
        // what its earlier calls left in its table must not show.
        let matcher = SkimMatcherV2::default().ignore_case();
        let mut scorer = Scorer::default();
        let mut seed = 11;
        let (mut compared, mut matched) = (0, 0);
        while compared < 200_000 {
            let choice = text(&mut seed, 24, NAMES);
            let pattern = text(&mut seed, 6, PATTERNS);
            let theirs = matcher.fuzzy_match(
                std::str::from_utf8(&choice).unwrap(),
                std::str::from_utf8(&pattern).unwrap(),
            );
            if !exact_for(&pattern) {
                continue;
            }
            let ours = scorer.score(&choice, &pattern);
            let shown = |t: &[u8]| t.escape_ascii().to_string();
            assert_eq!(ours, theirs, "{} in {}", shown(&pattern), shown(&choice));
            compared += 1;
            matched += usize::from(ours.is_some());
        }
        assert!(matched > 20_000, "most comparisons match: {matched}");
    }

    #[test]
    fn only_patterns_opening_on_a_run_of_one_character_need_the_matcher() {
        assert!(exact_for(b"vanishing"));
        assert!(exact_for(b"v"));
        assert!(!exact_for(b"aaa"));
        assert!(exact_for(b"aa"));
        assert!(exact_for(b"allocation"));
        assert!(!exact_for(b"aab"));
        assert!(!exact_for(b"abaab"));
        assert!(exact_for(b"abab"));
    }
}
