//! How kinds look in the explorer: a colour each, no two kinds of a graph in
//! one hue while the palette lasts, and a name each in three lengths (the
//! label, a word of at most ten letters, four letters, and one letter for the
//! local-graph view), all different, so kinds stay apart with colours off
//! (`NO_COLOR`, `--color never`) and in graphs with more kinds than hues.
//!
//! The terminal colours are xterm's 256-colour palette at middle lightness,
//! readable on dark and on light backgrounds; a kind keeps the hue its graph
//! declares when no earlier kind has it, else it takes a hue no kind
//! declares.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ratatui::style::Color;

use crate::graph::Graph;
use crate::text::visible;

/// The hues, each with its terminal colour, around the colour wheel.
const HUES: [(&str, Color); 11] = [
    ("red", Color::Indexed(160)),
    ("orange", Color::Indexed(166)),
    ("yellow", Color::Indexed(136)),
    ("lime", Color::Indexed(64)),
    ("green", Color::Indexed(28)),
    ("cyan", Color::Indexed(30)),
    ("azure", Color::Indexed(32)),
    ("blue", Color::Indexed(63)),
    ("violet", Color::Indexed(135)),
    ("magenta", Color::Indexed(164)),
    ("rose", Color::Indexed(168)),
];

/// The grey for kinds declared grey, white or black.
const NEUTRAL: Color = Color::Indexed(244);

/// The hues handed to kinds whose own is taken, most distinct first.
const SPARE: [usize; 11] = [8, 1, 6, 10, 3, 0, 2, 4, 5, 7, 9];

/// How one kind looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Look {
    /// The kind's id.
    pub kind: String,
    /// Its colour on the terminal.
    pub color: Color,
    /// Its name cut to at most ten letters at a word's end where it can.
    pub word: String,
    /// Its four-letter form.
    pub short: String,
    /// Its one-letter mark.
    pub mark: char,
}

/// How every declared kind of a graph looks, in declaration order.
#[derive(Debug, Clone, Default)]
pub struct Looks {
    /// One look per declared kind.
    pub looks: Vec<Look>,
    /// Where each kind's look is in `looks`.
    at: HashMap<String, usize>,
    /// The widest word form.
    widest: usize,
}

/// The looks of the graphs asked about last, by their stamps, newest
/// first: two, so a graph loading beside the one shown (its looks worked
/// out on the loading thread) does not push the shown one's out.
static LAST: Mutex<Vec<(u64, Arc<Looks>)>> = Mutex::new(Vec::new());

/// How many graphs' looks are kept.
const KEPT: usize = 2;

impl Looks {
    /// The looks of a graph's kinds, worked out once per graph (by its
    /// stamp) on whichever thread asks first, and kept, since every badge
    /// and colour of a frame asks.
    pub fn shared(graph: &Graph) -> Arc<Looks> {
        if let Some(looks) = Looks::kept(graph) {
            return looks;
        }
        let stamp = graph.stamp();
        // Worked out without the lock, so a large graph's kinds on the
        // loading thread never hold up a frame.
        let looks = Arc::new(Looks::of(graph));
        let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        last.retain(|(s, _)| *s != stamp);
        last.insert(0, (stamp, Arc::clone(&looks)));
        last.truncate(KEPT);
        looks
    }

    /// The looks of a graph's kinds if they are worked out already.
    pub fn kept(graph: &Graph) -> Option<Arc<Looks>> {
        let last = LAST.lock().unwrap_or_else(|e| e.into_inner());
        let found = last.iter().find(|(s, _)| *s == graph.stamp());
        found.map(|(_, l)| Arc::clone(l))
    }

    /// The looks of a graph's kinds.
    pub fn of(graph: &Graph) -> Looks {
        let labels: Vec<(String, String, String)> = graph
            .kinds
            .iter()
            .map(|(id, k)| (id.clone(), visible(&k.label).into_owned(), k.color.clone()))
            .collect();
        let colors = colors(&labels.iter().map(|l| l.2.as_str()).collect::<Vec<_>>());
        let shorts = unique(labels.iter().map(|l| short_form(&l.1)).collect(), 4);
        let words = unique(labels.iter().map(|l| word_form(&l.1)).collect(), 10);
        let marks = marks(&labels.iter().map(|l| l.1.as_str()).collect::<Vec<_>>());
        let looks = labels
            .into_iter()
            .enumerate()
            .map(|(i, (kind, _, _))| Look {
                kind,
                color: colors[i],
                word: words[i].clone(),
                short: shorts[i].clone(),
                mark: marks[i],
            })
            .collect::<Vec<Look>>();
        let at = looks
            .iter()
            .enumerate()
            .map(|(i, l)| (l.kind.clone(), i))
            .collect();
        let widest = looks.iter().map(|l| l.word.chars().count()).max();
        Looks {
            looks,
            at,
            widest: widest.unwrap_or(4),
        }
    }

    /// The look of a kind, if it is declared.
    pub fn get(&self, kind: &str) -> Option<&Look> {
        self.at.get(kind).map(|&i| &self.looks[i])
    }

    /// A kind's colour; the terminal's own for an undeclared kind.
    pub fn color(&self, kind: &str) -> Color {
        self.get(kind).map_or(Color::Reset, |l| l.color)
    }

    /// A kind's one-letter mark; `?` for an undeclared kind.
    pub fn mark(&self, kind: &str) -> char {
        self.get(kind).map_or('?', |l| l.mark)
    }

    /// A kind's name in at most `width` letters: the word form when it fits,
    /// else the four-letter one.
    pub fn name(&self, kind: &str, width: usize) -> String {
        match self.get(kind) {
            Some(l) if l.word.chars().count() <= width => l.word.clone(),
            Some(l) => l.short.chars().take(width).collect(),
            None => kind.chars().take(width).collect(),
        }
    }

    /// The widest word form, so a column of kind names lines up.
    pub fn word_width(&self) -> usize {
        self.widest
    }
}

/// The hue a colour name belongs to (an index of [`HUES`]), or None for
/// greys and colours that are not understood.
fn hue_of(name: &str) -> Option<usize> {
    let plain = name.to_ascii_lowercase().replace(['-', '_', ' '], "");
    let plain = plain.strip_prefix("light").unwrap_or(&plain);
    if let Some(i) = HUES.iter().position(|(n, _)| *n == plain) {
        return Some(i);
    }
    let hex = plain.strip_prefix('#').filter(|h| h.len() == 6)?;
    let v = u32::from_str_radix(hex, 16).ok()?;
    let [r, g, b] = [v >> 16, v >> 8, v].map(|c| f64::from(c & 0xff) / 255.0);
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    if max - min < 0.15 {
        return None;
    }
    let d = max - min;
    let h = if max == r {
        60.0 * ((g - b) / d).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / d + 2.0)
    } else {
        60.0 * ((r - g) / d + 4.0)
    };
    const ANGLES: [f64; 11] = [
        0.0, 28.0, 50.0, 85.0, 120.0, 180.0, 205.0, 240.0, 275.0, 300.0, 335.0,
    ];
    let gap = |a: f64| (h - a).abs().min(360.0 - (h - a).abs());
    (0..ANGLES.len()).min_by(|&a, &b| gap(ANGLES[a]).total_cmp(&gap(ANGLES[b])))
}

/// Each kind's colour: its own hue unless an earlier kind has it, then a hue
/// no kind declares; colours repeat only past the palette.
fn colors(declared: &[&str]) -> Vec<Color> {
    let hues: Vec<Option<usize>> = declared.iter().map(|c| hue_of(c)).collect();
    let mut taken = [false; HUES.len()];
    let mut out: Vec<Option<Color>> = vec![None; declared.len()];
    let mut neutral_used = false;
    for (i, hue) in hues.iter().enumerate() {
        match *hue {
            Some(h) if !taken[h] => {
                taken[h] = true;
                out[i] = Some(own_color(declared[i]).unwrap_or(HUES[h].1));
            }
            None if !neutral_used => {
                neutral_used = true;
                out[i] = Some(NEUTRAL);
            }
            _ => {}
        }
    }
    let mut spare = SPARE.iter().filter(|&&h| !hues.contains(&Some(h)));
    let mut spare2 = SPARE.iter();
    out.iter()
        .enumerate()
        .map(|(i, c)| {
            c.or_else(|| {
                let h = spare
                    .find(|&&h| !taken[h])
                    .or_else(|| spare2.find(|&&h| !taken[h]))?;
                taken[*h] = true;
                Some(HUES[*h].1)
            })
            .unwrap_or_else(|| hues[i].map_or(NEUTRAL, |h| HUES[h].1))
        })
        .collect()
}

/// A declared `#rrggbb` is shown as it is; names map to the palette.
fn own_color(name: &str) -> Option<Color> {
    name.starts_with('#')
        .then(|| crate::color::color_of(name))
        .flatten()
}

/// Four letters that read as the kind: a short label as it is, the last
/// word of a longer one ("Input mode": "Mode"), else the start of the label
/// up to a syllable's end ("Algorithm": "Alg", "Technique": "Tech").
fn short_form(label: &str) -> String {
    let words: Vec<&str> = label.split_whitespace().collect();
    let word = match words.as_slice() {
        [] => return "?".into(),
        [one] => *one,
        [.., last] if last.chars().count() <= 4 => *last,
        [first, ..] => *first,
    };
    let chars: Vec<char> = word.chars().collect();
    if chars.len() <= 4 {
        return capitalised(&chars);
    }
    // Stop before a vowel that would start the next syllable.
    let n = if "aeiouyAEIOUY".contains(chars[3]) {
        3
    } else {
        4
    };
    capitalised(&chars[..n])
}

/// The label, or its first ten letters, cut at a word's end when one is near.
fn word_form(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() <= 10 {
        return label.to_string();
    }
    chars[..10]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn capitalised(chars: &[char]) -> String {
    let mut s: String = chars.iter().collect();
    if let Some(first) = s.chars().next() {
        s.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    }
    s
}

/// Names made unique: a repeated one gets a number at its end, within `width`.
/// The next number to try is kept per stem and digit count, and every number
/// passed is taken for good, so no name retries one: many kinds with the
/// same start stay linear.
fn unique(names: Vec<String>, width: usize) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<(String, u32), u64> = std::collections::HashMap::new();
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let mut candidate = name.clone();
        let mut digits = 1;
        while taken.contains(&candidate) {
            let stem: String = name
                .chars()
                .take(width.saturating_sub(digits as usize))
                .collect();
            let end = 10u64.saturating_pow(digits);
            let n = next
                .entry((stem.clone(), digits))
                .or_insert(if digits == 1 { 2 } else { end / 10 });
            while *n < end && taken.contains(&candidate) {
                candidate = format!("{stem}{n}");
                *n += 1;
            }
            digits += 1;
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

/// One letter per kind, all different while letters last: the label's first
/// letter, else its next letter no kind has, else any free letter.
fn marks(labels: &[&str]) -> Vec<char> {
    let mut used: std::collections::HashSet<char> = std::collections::HashSet::new();
    labels
        .iter()
        .map(|label| {
            let letters = label.chars().filter(|c| c.is_alphanumeric());
            let mut pool = letters.map(|c| c.to_ascii_uppercase()).chain('A'..='Z');
            let pick = pool
                .find(|c| !used.contains(c))
                .or_else(|| ('a'..='z').chain('0'..='9').find(|c| !used.contains(c)))
                .unwrap_or('?');
            used.insert(pick);
            pick
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each name's numbers tried from 2 up, one by one: what `unique` must
    /// give, slowly.
    fn unique_by_retrying(names: Vec<String>, width: usize) -> Vec<String> {
        let mut taken = std::collections::HashSet::new();
        let mut out = Vec::new();
        for name in names {
            let (mut candidate, mut n) = (name.clone(), 2);
            while taken.contains(&candidate) {
                let digits = n.to_string();
                let keep = width.saturating_sub(digits.len());
                candidate = name.chars().take(keep).collect::<String>() + &digits;
                n += 1;
            }
            taken.insert(candidate.clone());
            out.push(candidate);
        }
        out
    }

    #[test]
    fn unique_names_are_those_of_retrying_every_number() {
        let mut names: Vec<String> = (0..3000).map(|i| format!("K{i}")).collect();
        names.extend((0..300).map(|i| ["Kx", "K", "Kind", "K1"][i % 4].to_string()));
        let shorts: Vec<String> = names.iter().map(|n| n.chars().take(4).collect()).collect();
        let got = unique(shorts.clone(), 4);
        assert_eq!(got, unique_by_retrying(shorts, 4));
        let distinct: std::collections::HashSet<&String> = got.iter().collect();
        assert_eq!(distinct.len(), got.len());
    }

    #[test]
    fn short_forms_read_as_the_kind() {
        let got: Vec<String> = [
            "Algorithm",
            "Concept",
            "Technique",
            "Task",
            "Format",
            "Input mode",
            "Instance",
            "Hyperparameter",
            "Metric",
            "Feature",
            "Service",
        ]
        .iter()
        .map(|l| short_form(l))
        .collect();
        assert_eq!(
            got,
            [
                "Alg", "Conc", "Tech", "Task", "Form", "Mode", "Inst", "Hyp", "Metr", "Feat",
                "Serv"
            ]
        );
    }

    #[test]
    fn hues_of_names_and_hex() {
        assert_eq!(hue_of("lightcyan"), hue_of("cyan"));
        assert_eq!(hue_of("#00ff00"), hue_of("green"));
        assert_eq!(hue_of("#808080"), None);
        assert_eq!(hue_of("gray"), None);
    }

    #[test]
    fn more_kinds_than_hues_still_get_a_colour_each_while_they_last() {
        let declared = vec!["cyan"; 14];
        let got = colors(&declared);
        let distinct: std::collections::HashSet<_> = got.iter().take(11).collect();
        assert_eq!(distinct.len(), 11, "{got:?}");
    }
}
