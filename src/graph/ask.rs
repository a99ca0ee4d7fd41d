//! The query language: questions that cut across nodes, such as
//! `kind:algorithm accepts:csv trains_on:gpu -trains_on:cpu`.
//!
//! A query is terms separated by spaces; a node is listed when every term
//! holds. `parse` turns the text into terms with their positions, `bind`
//! resolves kinds, relations and nodes by name (with "did you mean" when one
//! is unknown), and `eval` finds the nodes, following `is_a` chains below the
//! nodes named. [`run`] does all three.
//!
//! ```text
//! kind:K              the node is of kind K (K|K2: either)
//! REL:NODE            an edge REL from the node to NODE, or to a node that is_a NODE
//! <REL:NODE           an edge REL from NODE (or below it) to the node
//! REL:*  <REL:*       any such edge
//! REL:A|B             to A or to B
//! REL:=NODE           REL edges exist and all of them go to NODE (or below it): "only"
//! REL:NODE!           exactly NODE, not the nodes that are_a NODE
//! REL:NODE[p=v,...]   the edge's props match (v may be *: the prop is set)
//! p=v                 the node's own prop
//! -TERM               the term does not hold
//! ```

pub mod bind;
pub mod complete;
pub mod eval;
pub mod names;
pub mod parse;
pub mod syntax;

use petgraph::graph::NodeIndex;

use super::Graph;

pub use bind::Bound;
pub use names::Guess;
pub use parse::parse;
pub use syntax::Span;

/// A query that could not be read or names something the graph lacks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AskError {
    /// Where in the query the problem is (byte offsets).
    pub span: Span,
    /// What is wrong and what was expected.
    pub message: String,
    /// A suggestion ("did you mean ...?") or the valid choices.
    pub help: Option<String>,
}

impl AskError {
    /// An error at a span, without help.
    pub fn new(span: Span, message: impl Into<String>) -> AskError {
        AskError {
            span,
            message: message.into(),
            help: None,
        }
    }

    /// The same error with a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> AskError {
        self.help = Some(help.into());
        self
    }

    /// The message, the query, and a caret line under the offending term,
    /// then the help: what `mlkg query` prints on stderr. A long query is
    /// shown as a window of [`SHOWN_CHARS`] characters around the term, cut
    /// with `…`.
    pub fn render(&self, query: &str) -> String {
        let start = self.span.start.min(query.len());
        let end = self.span.end.clamp(start, query.len());
        let (before, under, after) = match (query.get(..start), query.get(start..end)) {
            (Some(b), Some(u)) => (b, u, &query[end..]),
            _ => ("", "", query),
        };
        let long = query.chars().nth(SHOWN_CHARS).is_some();
        let (before, under) = if long {
            let under = crate::text::shorten(under, SHOWN_CHARS / 2);
            (tail(before, SHOWN_CHARS / 4), under)
        } else {
            (before.into(), under.into())
        };
        let left = SHOWN_CHARS.saturating_sub(before.chars().count() + under.chars().count());
        let after = crate::text::shorten(after, left.max(2));
        let shown = |s: &str| -> String {
            s.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        };
        let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
        let (before, under) = (shown(&before), shown(&under));
        let mut out = format!(
            "bad query: {}\n  {before}{under}{}\n  {}{}",
            self.message,
            shown(&after),
            " ".repeat(width(&before)),
            "^".repeat(width(&under).max(1))
        );
        if let Some(help) = &self.help {
            out.push_str("\n  = ");
            out.push_str(help);
        }
        out
    }
}

/// How many characters of a query an error shows.
pub const SHOWN_CHARS: usize = 80;

/// The last `max` characters of `s`, after `…` when cut.
fn tail(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().rev().nth(max.saturating_sub(1)) {
        Some((at, _)) if at > 0 => format!("…{}", &s[at..]).into(),
        _ => s.into(),
    }
}

/// What a query found, and the node names it had to guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The nodes, sorted by kind (in the order the kinds are declared), then
    /// label, then id.
    pub nodes: Vec<NodeIndex>,
    /// Node names taken as a search hit or a typo of another name.
    pub guesses: Vec<Guess>,
}

/// Runs a query on a graph: the nodes and the names guessed.
pub fn answer(graph: &Graph, query: &str) -> Result<Answer, AskError> {
    let parsed = parse(query)?;
    let bound = bind::bind(graph, &parsed)?;
    Ok(Answer {
        nodes: eval::eval(graph, &bound),
        guesses: bound.guesses,
    })
}

/// Runs a query on a graph: the matching nodes sorted by kind (in the order
/// the kinds are declared), then label, then id.
pub fn run(graph: &Graph, query: &str) -> Result<Vec<NodeIndex>, AskError> {
    answer(graph, query).map(|a| a.nodes)
}
