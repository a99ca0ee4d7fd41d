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
    /// Each node's masks; all bits for a node with a name that is not ASCII.
    masks: Vec<Masks>,
}

/// What letters and digits a node's names hold, as masks (see [`mask`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Masks {
    /// Every letter and digit.
    pub all: u64,
    /// The first letter or digit of each name.
    pub heads: u64,
    /// The first letter or digit of each word of each name.
    pub word_heads: u64,
}

impl Masks {
    /// The masks of a node with a name that is not ASCII: nothing ruled out.
    pub const ANY: Masks = Masks {
        all: u64::MAX,
        heads: u64::MAX,
        word_heads: u64::MAX,
    };

    /// The masks of ASCII names.
    fn of<'a>(names: impl Iterator<Item = &'a str>) -> Masks {
        let mut m = Masks {
            all: 0,
            heads: 0,
            word_heads: 0,
        };
        for name in names {
            let bytes = name.as_bytes();
            m.all |= bytes.iter().fold(0, |a, &b| a | bit(b));
            m.heads |= bytes.iter().map(|&b| bit(b)).find(|&b| b != 0).unwrap_or(0);
            for (i, &b) in bytes.iter().enumerate() {
                if i == 0 || !bytes[i - 1].is_ascii_alphanumeric() {
                    m.word_heads |= bit(b);
                }
            }
        }
        m
    }

    /// Whether these are a node's with a name that is not ASCII.
    pub fn any(&self) -> bool {
        self.all == u64::MAX
    }
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
            arena.first.push(offset(arena.ends.len()));
            let masks = if arena.text[from..].is_ascii() {
                Masks::of(arena.names(n as u32).iter())
            } else {
                Masks::ANY
            };
            arena.masks.push(masks);
        }
        arena
    }

    /// The arena's parts: the names' text, each name's end, each node's
    /// first name, each node's masks.
    pub fn parts(&self) -> (&str, &[u32], &[u32], &[Masks]) {
        (&self.text, &self.ends, &self.first, &self.masks)
    }

    /// The arena of these parts, if they fit together as [`Arena::build`]
    /// makes them (so that no name can be cut outside the text or inside a
    /// character).
    pub fn from_parts(
        text: String,
        ends: Vec<u32>,
        first: Vec<u32>,
        masks: Vec<Masks>,
    ) -> Option<Arena> {
        let rising = |v: &[u32]| v.windows(2).all(|w| w[0] <= w[1]);
        let fits = first.len() == masks.len() + 1
            && first.first() == Some(&0)
            && first.last().is_some_and(|&l| l as usize == ends.len())
            && rising(&first)
            && rising(&ends)
            && ends.iter().all(|&e| text.is_char_boundary(e as usize));
        fits.then_some(Arena {
            text,
            ends,
            first,
            masks,
        })
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

    /// The masks of node `n`.
    pub fn masks(&self, n: u32) -> Masks {
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
        let m = arena.masks(0);
        assert_eq!(m.all, mask("learningrate").unwrap());
        assert_eq!(m.heads, mask("l").unwrap());
        assert_eq!(m.word_heads, mask("lr").unwrap());
        assert!(arena.masks(1).any());
        assert!(!m.any());
        assert_eq!(mask("é"), None);
        assert_eq!(mask("a1"), Some(1 | 1 << 27));
    }

    #[test]
    fn parts_that_do_not_fit_together_make_no_arena() {
        let arena = Arena::build(2, |n, add| ["ab", "é"][..=n].iter().for_each(|s| add(s)));
        let (text, ends, first, masks) = arena.parts();
        let (text, ends, first, masks) = (
            text.to_string(),
            ends.to_vec(),
            first.to_vec(),
            masks.to_vec(),
        );
        let again =
            Arena::from_parts(text.clone(), ends.clone(), first.clone(), masks.clone()).unwrap();
        assert_eq!(again.names(1).iter().collect::<Vec<_>>(), ["ab", "é"]);
        // An end inside `é`, past the text, ends that fall, a node too many.
        let mut inside = ends.clone();
        *inside.last_mut().unwrap() -= 1;
        assert!(Arena::from_parts(text.clone(), inside, first.clone(), masks.clone()).is_none());
        let mut past = ends.clone();
        *past.last_mut().unwrap() += 1;
        assert!(Arena::from_parts(text.clone(), past, first.clone(), masks.clone()).is_none());
        let falling: Vec<u32> = ends.iter().rev().copied().collect();
        assert!(Arena::from_parts(text.clone(), falling, first.clone(), masks.clone()).is_none());
        assert!(Arena::from_parts(text, ends, first, masks[..1].to_vec()).is_none());
    }
}
