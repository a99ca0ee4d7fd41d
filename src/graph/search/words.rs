//! An index of words per node: the sorted distinct words, the nodes that hold
//! each word and the words each node holds, all in flat arrays.
//!
//! Words are runs of letters and digits, lowercased; a run written in
//! camelCase (`BlazingText`) also gives its parts (`blazing`, `text`). Since
//! the words are sorted, the words that start with a prefix are one range of
//! word ids, and the nodes holding any of them one range of the postings.

use std::ops::Range;

use compact_str::CompactString;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::chunked;

/// The longest word indexed, in bytes; the rest of a longer one is ignored.
pub const MAX_WORD: usize = 64;

/// Words of many nodes, with postings both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// Distinct words, sorted.
    vocab: Vocab,
    /// How many bytes each word shares with the one before it.
    lcp: Vec<u8>,
    /// `post[post_start[w]..post_start[w + 1]]`: the nodes holding word `w`, ascending.
    post_start: Vec<usize>,
    post: Vec<u32>,
    /// `fwd[fwd_start[n]..fwd_start[n + 1]]`: the words of node `n`, ascending.
    fwd_start: Vec<usize>,
    fwd: Vec<u32>,
}

/// Sorted words back to back in one string: a walk over them reads memory
/// in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocab {
    text: String,
    /// Word `i` is `text[ends[i - 1]..ends[i]]` (from 0 at `i == 0`).
    ends: Vec<usize>,
}

impl Vocab {
    /// The words, in the order given (sorted, for [`Words`]).
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Vocab {
        let mut vocab = Vocab::default();
        for w in words {
            vocab.text.push_str(w);
            vocab.ends.push(vocab.text.len());
        }
        vocab
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Word `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        let from = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[from..self.ends[i]]
    }

    /// The words, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The number of words before the first for which `pred` is false (the
    /// words are partitioned by it).
    fn partition_point(&self, from: usize, pred: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (from, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if pred(self.get(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }
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
    /// Indexes `count` nodes; `texts(n, add)` calls `add` with each text of
    /// node `n`. A large graph's nodes are indexed in parts on all cores, and
    /// the parts' words merged as they are sorted.
    pub fn build(count: usize, texts: impl Fn(usize, &mut dyn FnMut(&str)) + Sync) -> Words {
        /// Nodes a part indexes on one core.
        const PART: usize = 1 << 16;
        Words::build_in_parts(count, PART, texts)
    }

    /// [`Words::build`] with parts of `per_part` nodes.
    fn build_in_parts(
        count: usize,
        per_part: usize,
        texts: impl Fn(usize, &mut dyn FnMut(&str)) + Sync,
    ) -> Words {
        if count < 2 * per_part {
            let part = Part::build(0..count, &texts);
            return Words::sorted(part.vocab, part.fwd_start, part.fwd);
        }
        let ranges: Vec<Range<usize>> = (0..count)
            .step_by(per_part)
            .map(|from| from..(from + per_part).min(count))
            .collect();
        let parts: Vec<Part> = ranges
            .into_par_iter()
            .map(|range| Part::build(range, &texts))
            .collect();
        let mut vocab = Vec::with_capacity(parts.iter().map(|p| p.vocab.len()).sum());
        let mut fwd = Vec::with_capacity(parts.iter().map(|p| p.fwd.len()).sum());
        let mut fwd_start = Vec::with_capacity(count + 1);
        fwd_start.push(0);
        for part in parts {
            let (words, at) = (vocab.len() as u32, fwd.len());
            vocab.extend(part.vocab);
            fwd.extend(part.fwd.iter().map(|w| w + words));
            fwd_start.extend(part.fwd_start[1..].iter().map(|s| s + at));
        }
        Words::sorted(vocab, fwd_start, fwd)
    }

    /// Renumbers the words in sorted order and fills the postings.
    fn sorted(vocab: Vec<CompactString>, fwd_start: Vec<usize>, mut fwd: Vec<u32>) -> Words {
        // Most words differ in their first 8 bytes: compared as a number
        // first, the words themselves are seldom read.
        let mut order: Vec<(u64, u32)> = (vocab.iter().enumerate())
            .map(|(i, w)| (super::label_key(w), i as u32))
            .collect();
        order.sort_unstable_by(|a, b| {
            (a.0.cmp(&b.0)).then_with(|| vocab[a.1 as usize].cmp(&vocab[b.1 as usize]))
        });
        // A word found in several parts is one word: its copies get one rank.
        let mut rank = vec![0u32; vocab.len()];
        let mut kept: Vec<&str> = Vec::with_capacity(vocab.len());
        for &(_, old) in &order {
            let word = vocab[old as usize].as_str();
            if kept.last() != Some(&word) {
                kept.push(word);
            }
            rank[old as usize] = kept.len() as u32 - 1;
        }
        let vocab = Vocab::new(kept);
        drop(order);
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
    pub fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// How many bytes each word of [`Words::vocab`] shares with the one before it.
    pub fn lcp(&self) -> &[u8] {
        &self.lcp
    }

    /// The ids of the words that start with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let lo = self.vocab.partition_point(0, |w| w < prefix);
        let hi = self.vocab.partition_point(lo, |w| w.starts_with(prefix));
        lo as u32..hi as u32
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

    /// Keeps the nodes of `nodes` (ascending) that hold a word of `ids`: by
    /// marking the nodes of its postings when there are not many more of
    /// them than nodes, else by looking in each node's words.
    pub fn keep_holding(&self, nodes: &mut Vec<u32>, ids: Range<u32>) {
        /// A posting marked costs about this many times less than a node's words looked in.
        const MARK_PER_LOOK: usize = 8;
        let postings =
            &self.post[self.post_start[ids.start as usize]..self.post_start[ids.end as usize]];
        if postings.len() / MARK_PER_LOOK > nodes.len() {
            let keep = chunked(nodes, |chunk: &[u32]| {
                chunk
                    .iter()
                    .copied()
                    .filter(|&n| self.holds_any(n, &ids))
                    .collect()
            });
            *nodes = keep;
            return;
        }
        let mut marked = vec![0u64; self.fwd_start.len().saturating_sub(1).div_ceil(64)];
        for &n in postings {
            marked[n as usize / 64] |= 1 << (n % 64);
        }
        nodes.retain(|&n| marked[n as usize / 64] & (1 << (n % 64)) != 0);
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

/// The words of some of the nodes, numbered as first found.
struct Part {
    vocab: Vec<CompactString>,
    /// `fwd[fwd_start[i]..fwd_start[i + 1]]`: the words of the part's node `i`, once each.
    fwd_start: Vec<usize>,
    fwd: Vec<u32>,
}

impl Part {
    fn build(nodes: Range<usize>, texts: &impl Fn(usize, &mut dyn FnMut(&str))) -> Part {
        // Words of up to 24 bytes are held in place: no allocation each.
        let mut ids: FxHashMap<CompactString, u32> = FxHashMap::default();
        let mut vocab: Vec<CompactString> = Vec::new();
        let mut fwd_start = Vec::with_capacity(nodes.len() + 1);
        let mut fwd: Vec<u32> = Vec::new();
        fwd_start.push(0);
        for n in nodes {
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
        Part {
            vocab,
            fwd_start,
            fwd,
        }
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

    #[test]
    fn nodes_are_kept_by_marks_or_by_their_words_alike() {
        // Every node holds `all`; every third holds `third` or `thirty`.
        let w = Words::build(300, |n, add| {
            add("all");
            if n % 3 == 0 {
                add(if n % 2 == 0 { "third" } else { "thirty" });
            }
        });
        let third = w.prefix_range("thir");
        assert_eq!(third.len(), 2);
        let wanted =
            |nodes: &[u32]| -> Vec<u32> { nodes.iter().copied().filter(|n| n % 3 == 0).collect() };
        // Few nodes against 100 postings: each node's words are looked in.
        let few = vec![0, 1, 2, 3, 299];
        let mut kept = few.clone();
        w.keep_holding(&mut kept, third.clone());
        assert_eq!(kept, wanted(&few));
        // Many nodes: the postings are marked.
        let many: Vec<u32> = (0..300).collect();
        let mut kept = many.clone();
        w.keep_holding(&mut kept, third);
        assert_eq!(kept, wanted(&many));
        let mut none = many.clone();
        w.keep_holding(&mut none, w.prefix_range("zzz"));
        assert!(none.is_empty());
    }

    #[test]
    fn words_indexed_in_parts_are_the_words_indexed_at_once() {
        let texts = [
            "cold start",
            "Start warm",
            "",
            "BlazingText cold",
            "k-NN kNN cold cold",
            "warm",
            "é Éclair",
            "start",
            // Words alike in their first 8 bytes, in different parts.
            "normalization normalize",
            "normalizer normalizations",
        ];
        let text = |n: usize, add: &mut dyn FnMut(&str)| add(texts[n % texts.len()]);
        let once = Words::build_in_parts(40, 1000, text);
        assert_eq!(once.vocab().iter().next(), Some("blazing"));
        let vocab: Vec<&str> = once.vocab().iter().collect();
        assert!(vocab.windows(2).all(|w| w[0] < w[1]), "{vocab:?}");
        assert_eq!(once.prefix_range("normaliz").len(), 4);
        for per_part in [1, 3, 7, 20] {
            assert_eq!(
                Words::build_in_parts(40, per_part, text),
                once,
                "{per_part}"
            );
        }
    }

    #[test]
    fn the_vocabulary_reads_back_in_order() {
        let v = Vocab::new(["", "a", "ab", "b"]);
        assert_eq!(v.len(), 4);
        assert_eq!(v.iter().collect::<Vec<_>>(), ["", "a", "ab", "b"]);
        assert_eq!(v.partition_point(0, |w| w < "ab"), 2);
        assert_eq!(v.partition_point(2, |w| w.starts_with('a')), 3);
    }
}
