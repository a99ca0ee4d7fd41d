//! Words within a few edits of a query word: substitutions, insertions,
//! deletions and transpositions of neighbours (optimal string alignment).
//!
//! The sorted vocabulary is walked as a trie: a word shares the table rows of
//! the common prefix with the word before it, and once every cell of a row is
//! over the budget, every word with that prefix is skipped at once.

use rustc_hash::FxHashMap;

use super::words::{MAX_WORD, Vocab};

/// The edits a query word may be off by: none below 4 letters, one from 4,
/// two from 8.
pub fn budget(word: &str) -> u8 {
    if !word.is_ascii() || word.len() > MAX_WORD {
        return 0;
    }
    match word.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The ids of the words of `vocab` (sorted) within `k` edits of `q`, with
/// their edits. With `open_end`, a word also counts when a prefix of it at
/// least as long as `q` is within `k` edits (the query word is still being
/// typed).
/// `lcp[i]` is the length of the prefix `vocab[i]` shares with `vocab[i - 1]`
/// (see [`common_prefixes`]).
pub fn near(vocab: &Vocab, lcp: &[u8], q: &str, k: u8, open_end: bool) -> FxHashMap<u32, u8> {
    let mut found = FxHashMap::default();
    if k == 0 {
        return found;
    }
    let q = q.as_bytes();
    let m = q.len();
    let width = m + 1;
    // rows[d * width..][..width]: the distances of v[..d] to each prefix of q.
    let mut rows: Vec<u8> = (0..=m as u8).collect();
    // best[d]: the least distance of q to a prefix of v no longer than d (and at least m long).
    let mut best: Vec<u8> = vec![if m == 0 { 0 } else { u8::MAX }];
    let mut i = 0;
    while i < vocab.len() {
        let v = vocab.get(i).as_bytes();
        // The word before was either vocab[i - 1] or one whose stem ended
        // the skip here: either way it shares lcp[i] bytes with this one.
        let common = usize::from(lcp[i]).min(best.len() - 1);
        rows.truncate((common + 1) * width);
        best.truncate(common + 1);
        let mut dead = None;
        for d in common..v.len() {
            let row_min = push_row(&mut rows, q, v, d, k);
            let here = rows[(d + 1) * width + m];
            let open = if open_end && d + 1 >= m {
                here
            } else {
                u8::MAX
            };
            best.push(best[d].min(open));
            if row_min > k {
                dead = Some(d + 1);
                break;
            }
        }
        match dead {
            Some(depth) => {
                let end = past_stem(lcp, i, depth);
                if best[depth] <= k {
                    for id in i..end {
                        found.insert(id as u32, best[depth]);
                    }
                }
                i = end;
            }
            None => {
                let dist = rows[v.len() * width + m].min(best[v.len()]);
                if dist <= k {
                    found.insert(i as u32, dist);
                }
                i += 1;
            }
        }
    }
    found
}

/// For each word of a sorted vocabulary, the length of the prefix it
/// shares with the word before it (0 for the first), at most 255.
pub fn common_prefixes(vocab: &Vocab) -> Vec<u8> {
    let mut lcp = Vec::with_capacity(vocab.len());
    let mut prev: &[u8] = &[];
    for w in vocab.iter() {
        let w = w.as_bytes();
        let common = prev.iter().zip(w).take_while(|(a, b)| a == b).count();
        lcp.push(common.min(255) as u8);
        prev = w;
    }
    lcp
}

/// The first index after `from` whose word does not share the first
/// `depth` bytes of `vocab[from]` (a stem no longer than [`MAX_WORD`]).
fn past_stem(lcp: &[u8], from: usize, depth: usize) -> usize {
    /// Bytes looked at together: a stem can hold a million ids.
    const BLOCK: usize = 32;
    let depth = depth.min(255) as u8;
    let rest = &lcp[from + 1..];
    let blocks = rest
        .chunks_exact(BLOCK)
        .take_while(|block| block.iter().fold(true, |all, &c| all & (c >= depth)))
        .count();
    let at = blocks * BLOCK;
    from + 1 + at + rest[at..].iter().take_while(|&&c| c >= depth).count()
}

/// Appends the row for `v[..d + 1]`; returns its least cell. Cells more
/// than `k` off the diagonal cannot be `k` or less and are not worked out:
/// every cell holds its distance or `k + 1`, whichever is less, which
/// decides the same for "within `k`" (a cell's value only grows with its
/// neighbours').
fn push_row(rows: &mut Vec<u8>, q: &[u8], v: &[u8], d: usize, k: u8) -> u8 {
    let width = q.len() + 1;
    let c = v[d];
    let above = d * width;
    let cap = k.saturating_add(1);
    let i = d + 1;
    rows.push(i.min(usize::from(cap)) as u8);
    let mut least = rows[rows.len() - 1];
    for j in 1..width {
        if i.abs_diff(j) > usize::from(k) {
            rows.push(cap);
            continue;
        }
        let here = rows.len();
        let cost = u8::from(q[j - 1] != c);
        let mut x = (rows[above + j].saturating_add(1))
            .min(rows[here - 1].saturating_add(1))
            .min(rows[above + j - 1].saturating_add(cost));
        if d >= 1 && j >= 2 && c == q[j - 2] && v[d - 1] == q[j - 1] {
            x = x.min(rows[above - width + j - 2].saturating_add(1));
        }
        let x = x.min(cap);
        rows.push(x);
        least = least.min(x);
    }
    least
}

/// The edits between `q` and `v`, or between `q` and the best prefix of `v`
/// at least as long as `q` when `open_end`, with the byte indices of `v` that
/// match a character of `q` in that alignment.
pub fn align(q: &str, v: &str, open_end: bool) -> (u8, Vec<usize>) {
    let (q, v) = (q.as_bytes(), v.as_bytes());
    let (m, n) = (q.len(), v.len());
    let width = m + 1;
    let mut rows: Vec<u8> = (0..=m.min(255) as u8).collect();
    for d in 0..n {
        push_row(&mut rows, q, v, d, u8::MAX);
    }
    let at = |i: usize, j: usize| rows[i * width + j];
    let end = if open_end {
        (m.min(n)..=n).min_by_key(|&i| at(i, m)).unwrap_or(n)
    } else {
        n
    };
    let dist = at(end, m);
    let (mut i, mut j) = (end, m);
    let mut matched = Vec::new();
    while i > 0 && j > 0 {
        let here = at(i, j);
        if v[i - 1] == q[j - 1] && here == at(i - 1, j - 1) {
            matched.push(i - 1);
            i -= 1;
            j -= 1;
        } else if here == at(i - 1, j - 1).saturating_add(1) {
            i -= 1;
            j -= 1;
        } else if i >= 2 && j >= 2 && here == at(i - 2, j - 2).saturating_add(1) {
            i -= 2;
            j -= 2;
        } else if here == at(i - 1, j).saturating_add(1) {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    matched.reverse();
    (dist, matched)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab(words: &[&str]) -> Vocab {
        let mut v = words.to_vec();
        v.sort();
        Vocab::new(v)
    }

    fn within(words: &[&str], q: &str, k: u8, open: bool) -> Vec<(String, u8)> {
        let v = vocab(words);
        let mut out: Vec<(String, u8)> = near(&v, &common_prefixes(&v), q, k, open)
            .into_iter()
            .map(|(id, d)| (v.get(id as usize).to_string(), d))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn one_edit_of_each_sort() {
        let words = [
            "anomaly",
            "anomalies",
            "gradient",
            "blazing",
            "factorization",
            "zebra",
        ];
        assert_eq!(
            within(&words, "anomoly", 1, false),
            vec![("anomaly".into(), 1)]
        );
        assert_eq!(
            within(&words, "gradiant", 2, false),
            vec![("gradient".into(), 1)]
        );
        assert_eq!(
            within(&words, "blazzing", 2, false),
            vec![("blazing".into(), 1)]
        );
        assert_eq!(
            within(&words, "blaizng", 1, false),
            vec![("blazing".into(), 1)]
        );
        assert_eq!(
            within(&words, "factorisation", 2, false),
            vec![("factorization".into(), 1)]
        );
        assert!(within(&words, "anmoloy", 1, false).is_empty());
    }

    #[test]
    fn an_open_end_matches_a_prefix_as_long_as_the_query() {
        let words = ["anomaly", "anomalies", "ant"];
        assert_eq!(
            within(&words, "anoma", 1, true),
            vec![("anomalies".into(), 0), ("anomaly".into(), 0)]
        );
        assert_eq!(
            within(&words, "anomo", 1, true),
            vec![("anomalies".into(), 1), ("anomaly".into(), 1)]
        );
        assert!(within(&words, "anomo", 1, false).is_empty());
    }

    #[test]
    fn the_words_of_a_stem_are_skipped_at_once() {
        // Stems ending inside the first block of 32, at its end, and
        // inside a later one.
        for count in [0, 1, 2, 3, 7, 8, 31, 32, 33, 40, 64, 100] {
            let mut words = vec!["a".to_string()];
            words.extend((0..count).map(|i| format!("ab{i:03}")));
            words.push("ac".into());
            // Words after the stems, so that each stem ends in a full block.
            words.extend((0..100).map(|i| format!("b{i:03}")));
            let v = vocab(&words.iter().map(String::as_str).collect::<Vec<_>>());
            let lcp = common_prefixes(&v);
            let at = v.iter().position(|w| w.starts_with("ab")).unwrap_or(1);
            if count > 0 {
                assert_eq!(past_stem(&lcp, at, 2), 1 + count, "{count}");
            }
            assert_eq!(past_stem(&lcp, 0, 1), 2 + count, "{count}");
            assert_eq!(past_stem(&lcp, 2 + count, 1), v.len(), "{count}");
        }
    }

    #[test]
    fn alignment_marks_the_matching_letters() {
        assert_eq!(
            align("gradiant", "gradient", false),
            (1, vec![0, 1, 2, 3, 4, 6, 7])
        );
        assert_eq!(align("blazzing", "blazing", false).0, 1);
        assert_eq!(align("anomo", "anomaly", true), (1, vec![0, 1, 2, 3]));
    }
}
