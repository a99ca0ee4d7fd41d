//! The names of every node in one contiguous arena: each node's names
//! (label, aliases, id last), lowercased, back to back in one string with
//! u32 offsets, and a 64-bit mask of the letters and digits they hold, so
//! that a scan over a million nodes reads memory in order and rejects a node
//! lacking a query letter without looking at its names.

/// The lowercased names of many nodes, with a letter mask per node.
#[derive(Debug, Clone, Default)]
pub struct Arena {
    text: String,
    /// `text[ends[k - 1]..ends[k]]` is name `k` (from 0 at `k == 0`).
    ends: Vec<u32>,
    /// Node `n`'s names are `first[n]..first[n + 1]`.
    first: Vec<u32>,
    /// The letters and digits each node's names hold (see [`mask`]); all
    /// bits for a node with a name that is not ASCII.
    masks: Vec<u64>,
}

/// The names of one node, label first and id last.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    text: &'a str,
    ends: &'a [u32],
    from: u32,
}

impl<'a> Names<'a> {
    /// The names, in order.
    pub fn iter(self) -> impl Iterator<Item = &'a str> + Clone {
        let text = self.text;
        let mut from = self.from as usize;
        self.ends.iter().map(move |&end| {
            let name = &text[from..end as usize];
            from = end as usize;
            name
        })
    }

    /// The names shown to people: all but the id.
    pub fn shown(self) -> Names<'a> {
        Names {
            ends: &self.ends[..self.ends.len().saturating_sub(1)],
            ..self
        }
    }
}

/// The bit of an ASCII letter or digit in a mask; none for other bytes.
fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'A'..=b'Z' => 1 << (b - b'A'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

/// The mask of the ASCII letters and digits of a text (a word of a query);
/// `None` when it is not ASCII (the mask cannot rule anything out then).
pub fn mask(text: &str) -> Option<u64> {
    text.is_ascii()
        .then(|| text.bytes().fold(0, |m, b| m | bit(b)))
}

impl Arena {
    /// An arena for `count` nodes; `names(n, add)` calls `add` with each
    /// name of node `n`, lowercased, label first and id last.
    pub fn build(count: usize, mut names: impl FnMut(usize, &mut dyn FnMut(&str))) -> Arena {
        let mut arena = Arena {
            text: String::new(),
            ends: Vec::with_capacity(count * 3),
            first: Vec::with_capacity(count + 1),
            masks: Vec::with_capacity(count),
        };
        arena.first.push(0);
        for n in 0..count {
            let from = arena.text.len();
            names(n, &mut |name| {
                arena.text.push_str(name);
                arena.ends.push(offset(arena.text.len()));
            });
            let mine = &arena.text[from..];
            arena.masks.push(mask(mine).unwrap_or(u64::MAX));
            arena.first.push(offset(arena.ends.len()));
        }
        arena
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.masks.len()
    }

    /// The names of node `n`.
    pub fn names(&self, n: u32) -> Names<'_> {
        let (a, b) = (self.first[n as usize], self.first[n as usize + 1]);
        Names {
            text: &self.text,
            ends: &self.ends[a as usize..b as usize],
            from: if a == 0 { 0 } else { self.ends[a as usize - 1] },
        }
    }

    /// The letter mask of node `n`.
    pub fn mask(&self, n: u32) -> u64 {
        self.masks[n as usize]
    }
}

/// An offset into the arena: a graph's file is at most 512 MiB and
/// lowercasing at most doubles a name, so the arena stays below 4 GiB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_back_in_order_with_their_masks() {
        let names = [vec!["learning rate", "lr", "lr"], vec!["é", "x9"], vec![]];
        let arena = Arena::build(3, |n, add| names[n].iter().for_each(|s| add(s)));
        assert_eq!(
            arena.names(0).iter().collect::<Vec<_>>(),
            ["learning rate", "lr", "lr"]
        );
        assert_eq!(arena.names(0).shown().iter().count(), 2);
        assert_eq!(arena.names(1).iter().collect::<Vec<_>>(), ["é", "x9"]);
        assert_eq!(arena.names(2).iter().count(), 0);
        assert_eq!(arena.mask(0), mask("learningrate").unwrap());
        assert_eq!(arena.mask(1), u64::MAX);
        assert_eq!(mask("é"), None);
        assert_eq!(mask("a1"), Some(1 | 1 << 27));
    }
}
