//! An index of words per node: the sorted distinct words, the nodes that hold
//! each word and the words each node holds, all in flat arrays.
//!
//! Words are runs of letters and digits, lowercased; a run written in
//! camelCase (`BlazingText`) also gives its parts (`blazing`, `text`). Since
//! the words are sorted, the words that start with a prefix are one range of
//! word ids, and the nodes holding any of them one range of the postings.

use std::ops::Range;

use rustc_hash::FxHashMap;

/// The longest word indexed, in bytes; the rest of a longer one is ignored.
pub const MAX_WORD: usize = 64;

/// Words of many nodes, with postings both ways.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Distinct words, sorted.
    vocab: Vec<Box<str>>,
    /// How many bytes each word shares with the one before it.
    lcp: Vec<u8>,
    /// `post[post_start[w]..post_start[w + 1]]`: the nodes holding word `w`, ascending.
    post_start: Vec<usize>,
    post: Vec<u32>,
    /// `fwd[fwd_start[n]..fwd_start[n + 1]]`: the words of node `n`, ascending.
    fwd_start: Vec<usize>,
    fwd: Vec<u32>,
}

/// Calls `f` with each word of `text` (lowercase) and the character index
/// where it starts in `text`.
pub fn each_word(text: &str, mut f: impl FnMut(&str, usize)) {
    if text.is_ascii() {
        return ascii_words(text.as_bytes(), &mut f);
    }
    let mut buf = String::new();
    let mut run_start = None;
    let mut chars = 0;
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut flush = |buf: &mut String, parts: &mut Vec<(usize, usize)>, start: usize| {
        if !buf.is_empty() {
            f(cut(buf), start);
            if parts.len() > 1 {
                for w in 0..parts.len() {
                    let (b, c) = parts[w];
                    let end = parts.get(w + 1).map_or(buf.len(), |p| p.0);
                    f(cut(&buf[b..end]), start + c);
                }
            }
        }
        buf.clear();
        parts.clear();
    };
    let mut prev_lower = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            let start = *run_start.get_or_insert(chars);
            if parts.is_empty() || (prev_lower && ch.is_uppercase()) {
                parts.push((buf.len(), chars - start));
            }
            prev_lower = ch.is_lowercase();
            buf.extend(ch.to_lowercase());
        } else if let Some(start) = run_start.take() {
            flush(&mut buf, &mut parts, start);
            prev_lower = false;
        }
        chars += 1;
    }
    if let Some(start) = run_start {
        flush(&mut buf, &mut parts, start);
    }
}

/// [`each_word`] for ASCII text, a byte at a time.
fn ascii_words(text: &[u8], f: &mut impl FnMut(&str, usize)) {
    let mut low: Vec<u8> = Vec::with_capacity(MAX_WORD);
    let mut emit = |run: &[u8], at: usize, low: &mut Vec<u8>| {
        low.clear();
        low.extend(
            run[..run.len().min(MAX_WORD)]
                .iter()
                .map(u8::to_ascii_lowercase),
        );
        if let Ok(w) = std::str::from_utf8(low) {
            f(w, at);
        }
    };
    let mut i = 0;
    while i < text.len() {
        if !text[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < text.len() && text[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = &text[start..i];
        emit(run, start, &mut low);
        let camel = |k: usize| run[k - 1].is_ascii_lowercase() && run[k].is_ascii_uppercase();
        if (1..run.len()).any(camel) {
            let mut from = 0;
            for k in (1..run.len()).filter(|&k| camel(k)).chain([run.len()]) {
                emit(&run[from..k], start + from, &mut low);
                from = k;
            }
        }
    }
}

/// A word cut to [`MAX_WORD`] bytes, at a character boundary.
fn cut(w: &str) -> &str {
    if w.len() <= MAX_WORD {
        return w;
    }
    let mut end = MAX_WORD;
    while !w.is_char_boundary(end) {
        end -= 1;
    }
    &w[..end]
}

impl Words {
    /// Indexes `count` nodes; `texts(n, add)` calls `add` with each text of node `n`.
    pub fn build(count: usize, mut texts: impl FnMut(usize, &mut dyn FnMut(&str))) -> Words {
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut vocab: Vec<Box<str>> = Vec::new();
        let mut fwd_start = Vec::with_capacity(count + 1);
        let mut fwd: Vec<u32> = Vec::new();
        fwd_start.push(0);
        for n in 0..count {
            let from = fwd.len();
            texts(n, &mut |text| {
                each_word(text, |w, _| {
                    let id = match ids.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = vocab.len() as u32;
                            vocab.push(w.into());
                            ids.insert(w.into(), id);
                            id
                        }
                    };
                    fwd.push(id);
                })
            });
            let mine = &mut fwd[from..];
            mine.sort_unstable();
            let kept = dedup_sorted(mine);
            fwd.truncate(from + kept);
            fwd_start.push(fwd.len());
        }
        drop(ids);
        Words::sorted(vocab, fwd_start, fwd)
    }

    /// Renumbers the words in sorted order and fills the postings.
    fn sorted(vocab: Vec<Box<str>>, fwd_start: Vec<usize>, mut fwd: Vec<u32>) -> Words {
        let mut order: Vec<u32> = (0..vocab.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| vocab[a as usize].cmp(&vocab[b as usize]));
        let mut rank = vec![0u32; vocab.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        let mut slots: Vec<Option<Box<str>>> = vocab.into_iter().map(Some).collect();
        let vocab: Vec<Box<str>> = order
            .iter()
            .map(|&old| slots[old as usize].take().unwrap_or_default())
            .collect();
        let mut counts = vec![0usize; vocab.len() + 1];
        for n in 0..fwd_start.len() - 1 {
            let mine = &mut fwd[fwd_start[n]..fwd_start[n + 1]];
            for w in mine.iter_mut() {
                *w = rank[*w as usize];
                counts[*w as usize + 1] += 1;
            }
            mine.sort_unstable();
        }
        for w in 1..counts.len() {
            counts[w] += counts[w - 1];
        }
        let post_start = counts.clone();
        let mut post = vec![0u32; fwd.len()];
        for n in 0..fwd_start.len() - 1 {
            for &w in &fwd[fwd_start[n]..fwd_start[n + 1]] {
                post[counts[w as usize]] = n as u32;
                counts[w as usize] += 1;
            }
        }
        Words {
            lcp: super::edits::common_prefixes(&vocab),
            vocab,
            post_start,
            post,
            fwd_start,
            fwd,
        }
    }

    /// The distinct words, sorted.
    pub fn vocab(&self) -> &[Box<str>] {
        &self.vocab
    }

    /// How many bytes each word of [`Words::vocab`] shares with the one before it.
    pub fn lcp(&self) -> &[u8] {
        &self.lcp
    }

    /// The ids of the words that start with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let lo = self.vocab.partition_point(|w| &**w < prefix);
        let len = self.vocab[lo..].partition_point(|w| w.starts_with(prefix));
        lo as u32..(lo + len) as u32
    }

    /// How many postings the words of `ids` have together.
    pub fn postings_len(&self, ids: Range<u32>) -> usize {
        self.post_start[ids.end as usize] - self.post_start[ids.start as usize]
    }

    /// The nodes holding word `id`.
    pub fn nodes_of(&self, id: u32) -> &[u32] {
        &self.post[self.post_start[id as usize]..self.post_start[id as usize + 1]]
    }

    /// The nodes holding any of the words of `ids`, ascending, once each.
    pub fn nodes_of_range(&self, ids: Range<u32>) -> Vec<u32> {
        let s = &self.post[self.post_start[ids.start as usize]..self.post_start[ids.end as usize]];
        let mut nodes = s.to_vec();
        if ids.len() > 1 {
            nodes.sort_unstable();
            let kept = dedup_sorted(&mut nodes);
            nodes.truncate(kept);
        }
        nodes
    }

    /// The words of node `n`, ascending.
    pub fn words_of(&self, n: u32) -> &[u32] {
        &self.fwd[self.fwd_start[n as usize]..self.fwd_start[n as usize + 1]]
    }

    /// Whether node `n` holds a word of `ids`.
    pub fn holds_any(&self, n: u32, ids: &Range<u32>) -> bool {
        let mine = self.words_of(n);
        let at = mine.partition_point(|&w| w < ids.start);
        mine.get(at).is_some_and(|&w| w < ids.end)
    }
}

/// Removes repeats from a sorted slice in place; returns the length kept.
fn dedup_sorted(s: &mut [u32]) -> usize {
    if s.is_empty() {
        return 0;
    }
    let mut kept = 1;
    for i in 1..s.len() {
        if s[i] != s[kept - 1] {
            s[kept] = s[i];
            kept += 1;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        each_word(text, |w, at| out.push((w.to_string(), at)));
        out
    }

    #[test]
    fn camel_case_runs_give_their_parts() {
        assert_eq!(
            words("BlazingText, k-NN"),
            vec![
                ("blazingtext".into(), 0),
                ("blazing".into(), 0),
                ("text".into(), 7),
                ("k".into(), 13),
                ("nn".into(), 15)
            ]
        );
        assert_eq!(words("XGBoost"), vec![("xgboost".into(), 0)]);
    }

    #[test]
    fn postings_go_both_ways() {
        let texts = ["cold start", "start", "warm Cold"];
        let w = Words::build(3, |n, add| add(texts[n]));
        let cold = w.prefix_range("cold");
        assert_eq!(w.nodes_of_range(cold.clone()), vec![0, 2]);
        assert_eq!(w.nodes_of_range(w.prefix_range("")), vec![0, 1, 2]);
        assert!(w.holds_any(2, &cold));
        assert!(!w.holds_any(1, &cold));
        assert_eq!(w.postings_len(w.prefix_range("st")), 2);
        assert_eq!(w.nodes_of(w.prefix_range("warm").start), &[2]);
    }
}
