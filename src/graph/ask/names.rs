//! Finding the kinds, relations and nodes a query names, with
//! [`crate::graph::resolve`] (as every command does), and explaining a name
//! that fits nothing or several things at its place in the query.

use petgraph::graph::NodeIndex;

use super::AskError;
use super::syntax::{Name, Span};
use crate::graph::Graph;
use crate::graph::resolve::{NameError, NodeError, Resolver, allowed_edits, edits_within};

/// The most names a help line lists.
const LISTED: usize = 30;

/// A node name taken as a search hit or a typo of another name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guess {
    /// Where the name is in the query.
    pub span: Span,
    /// The name as written.
    pub text: String,
    /// The node it was taken as.
    pub node: NodeIndex,
}

/// A name as compared: lowercase, `-` and `_` read as spaces, trimmed.
pub(super) fn normal(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect()
}

/// Resolves the names of one query against one graph.
pub(super) struct Names<'g> {
    graph: &'g Graph,
    resolver: Resolver<'g>,
    /// The node names that were guessed, in query order.
    pub guesses: Vec<Guess>,
}

impl<'g> Names<'g> {
    /// Names resolved against a graph.
    pub fn new(graph: &'g Graph) -> Names<'g> {
        Names {
            graph,
            resolver: Resolver::new(graph),
            guesses: Vec::new(),
        }
    }

    /// The id of the kind a name gives.
    pub fn kind(&self, name: &Name) -> Result<String, AskError> {
        let ids = self.graph.kinds.keys().map(String::as_str);
        match self.resolver.kind(&name.text) {
            Ok(id) => Ok(id.to_string()),
            Err(e) => Err(declared_error("kind", name, e, ids)),
        }
    }

    /// The id of the relation a name gives, and whether the name is its
    /// inverse label (`accepted by`), which reads it backwards.
    pub fn relation(&self, name: &Name) -> Result<(String, bool), AskError> {
        let ids = self.graph.relations.keys().map(String::as_str);
        let id = match self.resolver.relation(&name.text) {
            Ok(id) => id,
            Err(e) => return Err(declared_error("relation", name, e, ids)),
        };
        let r = &self.graph.relations[id];
        let text = normal(&name.text);
        let (exact, starts) = (
            |n: &str| normal(n) == text,
            |n: &str| normal(n).starts_with(&text),
        );
        let forwards = exact(id) || exact(&r.label) || (starts(id) || starts(&r.label));
        let backwards = !r.symmetric
            && !r.inverse.is_empty()
            && (exact(&r.inverse) || (starts(&r.inverse) && !forwards))
            && !exact(id)
            && !exact(&r.label);
        Ok((id.to_string(), backwards))
    }

    /// The node a name gives; a name several nodes share is narrowed to the
    /// kinds in `range` when that leaves one.
    pub fn node(&mut self, name: &Name, range: &[String]) -> Result<NodeIndex, AskError> {
        let g = self.graph;
        let fits =
            |ix: &NodeIndex| range.is_empty() || range.iter().any(|k| *k == g.node(*ix).kind);
        let describe = |list: &[NodeIndex]| -> Vec<String> {
            list.iter()
                .map(|&ix| {
                    let n = g.node(ix);
                    format!("{} ({}, {})", n.id, n.label, n.kind)
                })
                .collect()
        };
        match self.resolver.node(&name.text) {
            Ok(found) => {
                use crate::graph::resolve::How;
                if matches!(found.how, How::Search | How::Typo) {
                    self.guesses.push(Guess {
                        span: name.span,
                        text: name.text.clone(),
                        node: found.node,
                    });
                }
                Ok(found.node)
            }
            Err(NodeError::Ambiguous(all)) => {
                let fitting: Vec<NodeIndex> = all.iter().copied().filter(fits).collect();
                if let [only] = fitting.as_slice() {
                    return Ok(*only);
                }
                let msg = format!("\"{}\" names several nodes", name.shown());
                let help = format!("give one of these ids: {}", describe(&all).join(", "));
                Err(AskError::new(name.span, msg).with_help(help))
            }
            Err(NodeError::NotFound {
                closest,
                fuzzy_hits,
            }) => {
                let help = if !closest.is_empty() {
                    format!("did you mean {}?", describe(&closest).join(" or "))
                } else if fuzzy_hits > 0 && name.shown() == name.text {
                    format!("`mlkg search '{}'` lists looser matches", name.shown())
                } else {
                    "`mlkg search WORDS` finds nodes by any of their names".to_string()
                };
                let msg = format!("no node \"{}\" in this graph", name.shown());
                Err(AskError::new(name.span, msg).with_help(help))
            }
            Err(NodeError::Empty) => Err(AskError::new(name.span, "the node name is empty")),
        }
    }
}

/// The error for a kind or relation name that fits none or several.
fn declared_error<'a>(
    what: &str,
    name: &Name,
    e: NameError,
    ids: impl Iterator<Item = &'a str>,
) -> AskError {
    let (msg, help) = match e {
        NameError::Ambiguous(ids) => (
            format!("\"{}\" starts several {what}s", name.shown()),
            format!("give more of it: {}", ids.join(", ")),
        ),
        NameError::Unknown(near) if !near.is_empty() => (
            format!("no {what} \"{}\" in this graph", name.shown()),
            format!("did you mean \"{}\"?", near.join("\" or \"")),
        ),
        NameError::Unknown(_) | NameError::Empty => {
            let list: Vec<&str> = ids.take(LISTED).collect();
            (
                format!("no {what} \"{}\" in this graph", name.shown()),
                format!("its {what}s are: {}", list.join(", ")),
            )
        }
    };
    AskError::new(name.span, msg).with_help(help)
}

/// The error for a prop key no node (or edge) carries, with the closest keys.
pub(super) fn unknown_key(what: &str, name: &Name, keys: &[&str]) -> AskError {
    let text: Vec<char> = normal(&name.text).chars().collect();
    let max = allowed_edits(&name.text).max(1) + 1;
    let mut near: Vec<(usize, &str)> = keys
        .iter()
        .filter_map(|k| {
            let k_chars: Vec<char> = normal(k).chars().collect();
            Some((edits_within(&text, &k_chars, max)?, *k))
        })
        .collect();
    near.sort();
    let help = match near.first() {
        Some((_, best)) => format!("did you mean \"{best}\"?"),
        None if keys.is_empty() => format!("no {what} in this graph has props"),
        None => {
            let list: Vec<&str> = keys.iter().take(LISTED).copied().collect();
            format!("the {what} props are: {}", list.join(", "))
        }
    };
    let msg = format!("no {what} prop \"{}\" in this graph", name.shown());
    AskError::new(name.span, msg).with_help(help)
}
