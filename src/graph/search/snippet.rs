//! The stretch of a node's text that a full-text hit was found in.

use petgraph::Direction;
use petgraph::graph::NodeIndex;

use super::Snippet;
use super::words::each_word;
use crate::graph::Graph;

/// Characters of context kept before the first match.
const BEFORE: usize = 30;
/// The longest snippet, in characters, without its ellipses.
const WIDTH: usize = 80;

/// Stretches of a text: (character index, length).
type Spans = Vec<(usize, usize)>;

/// How many of the query's words start words of a text, and where.
fn matches(text: &str, qwords: &[String]) -> (usize, Spans) {
    let mut found = Vec::new();
    let mut which = vec![false; qwords.len()];
    each_word(text, |w, at| {
        for (i, q) in qwords.iter().enumerate() {
            if w.starts_with(q.as_str()) {
                which[i] = true;
                found.push((at, q.chars().count()));
            }
        }
    });
    found.sort_unstable();
    found.dedup();
    (which.iter().filter(|&&b| b).count(), found)
}

/// The text field of a node (summary, notes, then its edges' notes) holding
/// the most query words, cut around the first of them.
pub fn find(graph: &Graph, node: NodeIndex, qwords: &[String]) -> Option<Snippet> {
    let n = &graph.g[node];
    let edges = [Direction::Outgoing, Direction::Incoming]
        .into_iter()
        .flat_map(|d| graph.g.edges_directed(node, d))
        .map(|e| e.weight().note.as_str());
    let mut best: Option<(usize, &str, Spans)> = None;
    for text in [n.summary.as_str(), n.notes.as_str()]
        .into_iter()
        .chain(edges)
    {
        let (count, found) = matches(text, qwords);
        if count > 0 && best.as_ref().is_none_or(|b| count > b.0) {
            best = Some((count, text, found));
        }
    }
    let (_, text, found) = best?;
    Some(cut(text, &found))
}

/// A stretch of `text` around its first match, on word boundaries, with the
/// matched characters' positions in it.
fn cut(text: &str, found: &[(usize, usize)]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let first = found.first().map_or(0, |f| f.0);
    let mut begin = first.saturating_sub(BEFORE);
    if begin > 0 {
        while begin < first && !chars[begin - 1].is_whitespace() {
            begin += 1;
        }
    }
    let mut end = (begin + WIDTH).min(chars.len());
    if end < chars.len() {
        let word_end = (begin..end).rev().find(|&i| chars[i].is_whitespace());
        end = word_end.filter(|&i| i > first).unwrap_or(end);
    }
    let lead = usize::from(begin > 0);
    let mut out: String = if begin > 0 {
        "…".into()
    } else {
        String::new()
    };
    out.extend(&chars[begin..end]);
    if end < chars.len() {
        out.push('…');
    }
    let positions = found
        .iter()
        .flat_map(|&(at, len)| at..at + len)
        .filter(|&c| c >= begin && c < end)
        .map(|c| c - begin + lead)
        .collect();
    Snippet {
        text: out,
        positions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_around_the_match_on_word_boundaries() {
        let text = "The network is trained on many images of streets and cars, and it is used to detect misalignment of parts on an assembly line in factories of every size and kind.";
        let q = vec!["misalign".to_string()];
        let s = cut(text, &matches(text, &q).1);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        let shown: String = s
            .positions
            .iter()
            .map(|&i| s.text.chars().nth(i).unwrap())
            .collect();
        assert_eq!(shown, "misalign");
        assert!(s.text.contains("used to detect misalignment"));
    }

    #[test]
    fn a_short_text_is_kept_whole() {
        let q = vec!["elbow".to_string()];
        let s = cut(
            "Pick k at the elbow.",
            &matches("Pick k at the elbow.", &q).1,
        );
        assert_eq!(s.text, "Pick k at the elbow.");
        assert_eq!(s.positions, vec![14, 15, 16, 17, 18]);
    }
}
