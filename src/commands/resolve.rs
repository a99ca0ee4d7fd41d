//! Names given on the command line, resolved with [`crate::graph::resolve`]
//! and explained for people: a note on stderr when a name was guessed, and
//! errors that list the candidates each with a command that runs as printed.

use std::io::Write;

use super::Failure;
use crate::graph::resolve::{How, NameError, NodeError, Resolver};
use crate::graph::{Graph, NodeIndex};
use crate::text::{shorten, visible};

/// The longest part of an argument quoted back in a message, in characters.
pub const QUOTE_CHARS: usize = 80;

/// Resolves a NODE argument (see [`Resolver::node`]). When the node was
/// guessed (a search hit or a typo), says on `err` in one line what it was
/// taken as. Errors list the candidates, one per line with label, kind and a
/// command that runs as printed.
pub fn node(graph: &Graph, text: &str, err: &mut dyn Write) -> Result<NodeIndex, Failure> {
    node_with(&Resolver::new(graph), graph, text, err)
}

/// [`node`] with a resolver kept across several names.
pub fn node_with(
    resolver: &Resolver<'_>,
    graph: &Graph,
    text: &str,
    err: &mut dyn Write,
) -> Result<NodeIndex, Failure> {
    match resolver.node(text) {
        Ok(found) => {
            if matches!(found.how, How::Search | How::Typo) {
                let n = graph.node(found.node);
                writeln!(
                    err,
                    "mlkg: taking {} as {} ({})",
                    quoted(text),
                    graph.display_name(found.node),
                    n.id
                )?;
            }
            Ok(found.node)
        }
        Err(e) => Err(Failure::NotFound(node_message(graph, text, &e))),
    }
}

/// The message for a NODE argument that names no node clearly.
fn node_message(graph: &Graph, text: &str, e: &NodeError) -> String {
    match e {
        NodeError::Empty => {
            "the node name is empty; give an id, a label or an alias (`mlkg search WORDS` finds them)"
                .to_string()
        }
        NodeError::Ambiguous(candidates) => format!(
            "{} could mean several nodes; run one of these:\n{}",
            quoted(text),
            candidate_lines(graph, text, candidates)
        ),
        NodeError::NotFound {
            closest,
            fuzzy_hits,
        } => {
            let mut msg = format!("no node matches {}", quoted(text));
            if !closest.is_empty() {
                msg.push_str("; the closest names:\n");
                msg.push_str(&candidate_lines(graph, text, closest));
            }
            if *fuzzy_hits > 0 {
                let search = command_line(&["search".to_string(), text.to_string()]);
                msg.push_str(&format!("\n  `{search}` lists looser matches"));
            }
            msg
        }
    }
}

/// One line per candidate: name (with its owner when shared), kind, and
/// the command with its id.
fn candidate_lines(graph: &Graph, text: &str, candidates: &[NodeIndex]) -> String {
    let rows: Vec<(String, String, String)> = candidates
        .iter()
        .map(|&ix| {
            let n = graph.node(ix);
            (
                shorten(&graph.display_name(ix), 40).into_owned(),
                visible(&n.kind).into_owned(),
                replaced_command(text, &n.id),
            )
        })
        .collect();
    let w0 = rows.iter().map(|r| width(&r.0)).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| width(&r.1)).max().unwrap_or(0);
    let lines: Vec<String> = rows
        .iter()
        .map(|(label, kind, cmd)| {
            format!(
                "  {}  {}  {cmd}",
                super::paint::pad(label, w0),
                super::paint::pad(kind, w1)
            )
        })
        .collect();
    lines.join("\n")
}

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// The command being run, with the argument `text` replaced by `id`
/// (`mlkg show ID` when the argument is not found on the command line).
fn replaced_command(text: &str, id: &str) -> String {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut done = false;
    for a in &mut args {
        if a == text {
            *a = id.to_string();
            done = true;
            break;
        }
        if let Some(opt) = a
            .strip_suffix(text)
            .filter(|o| o.starts_with("--") && o.ends_with('='))
        {
            *a = format!("{opt}{id}");
            done = true;
            break;
        }
    }
    if !done {
        args = vec!["show".to_string(), id.to_string()];
    }
    command_line(&args)
}

/// `mlkg` and the arguments, each quoted for a POSIX shell where needed.
pub fn command_line(args: &[String]) -> String {
    let mut line = String::from("mlkg");
    for a in args {
        line.push(' ');
        line.push_str(&shell_quote(&shorten(a, 200)));
    }
    line
}

/// A word as a POSIX shell reads it back: unchanged when it is plain, else in
/// single quotes (a quote inside written as `'\''`). Characters a terminal
/// would act on are shown as escapes.
pub fn shell_quote(s: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:=+,@%".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        return s.to_string();
    }
    format!("'{}'", visible(&s.replace('\'', r"'\''")))
}

/// A text quoted back to the user, cut to [`QUOTE_CHARS`] characters.
pub fn quoted(text: &str) -> String {
    format!("\"{}\"", visible(&shorten(text, QUOTE_CHARS)))
}

/// Resolves `--kind` values to the ids of declared kinds.
pub fn kinds(graph: &Graph, given: &[String]) -> Result<Vec<String>, Failure> {
    let ids = || graph.kinds.keys();
    resolve_all("kind", given, ids, |r, g| {
        Resolver::new(graph).kind(g).map_err(r)
    })
}

/// Resolves `--rel` values to the ids of declared relations.
pub fn relations(graph: &Graph, given: &[String]) -> Result<Vec<String>, Failure> {
    let ids = || graph.relations.keys();
    resolve_all("relation", given, ids, |r, g| {
        Resolver::new(graph).relation(g).map_err(r)
    })
}

/// Resolves each given name with `one`, explaining a failure with the
/// declared ids.
fn resolve_all<'a, I: Iterator<Item = &'a String>>(
    what: &str,
    given: &[String],
    declared: impl Fn() -> I,
    one: impl Fn(&dyn Fn(NameError) -> Failure, &str) -> Result<&'a str, Failure>,
) -> Result<Vec<String>, Failure> {
    given
        .iter()
        .map(|g| {
            let explain = |e: NameError| {
                let ids: Vec<&str> = declared().map(String::as_str).collect();
                name_failure(what, g, &e, &ids)
            };
            one(&explain, g).map(str::to_string)
        })
        .collect()
}

/// The most declared names listed in an error.
const LISTED: usize = 40;

fn name_failure(what: &str, given: &str, e: &NameError, declared: &[&str]) -> Failure {
    let mut list: Vec<String> = declared
        .iter()
        .take(LISTED)
        .map(|d| visible(d).into_owned())
        .collect();
    if declared.len() > LISTED {
        list.push(format!("and {} more", declared.len() - LISTED));
    }
    let list = list.join(", ");
    let msg = match e {
        NameError::Empty => format!("the {what} is empty; the {what}s are: {list}"),
        NameError::Ambiguous(ids) => format!(
            "{} starts several {what}s: {}; give more of it",
            quoted(given),
            ids.iter()
                .take(LISTED)
                .map(|i| visible(i))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        NameError::Unknown(near) if !near.is_empty() => format!(
            "no {what} {} in this graph; did you mean {}? The {what}s are: {list}",
            quoted(given),
            near.iter()
                .map(|i| format!("\"{}\"", visible(i)))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
        NameError::Unknown(_) => format!(
            "no {what} {} in this graph; its {what}s are: {list}",
            quoted(given)
        ),
    };
    Failure::BadArgument(msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quote_leaves_plain_words_and_quotes_the_rest() {
        assert_eq!(shell_quote("linear_learner.l1"), "linear_learner.l1");
        assert_eq!(shell_quote("vanishing gradient"), "'vanishing gradient'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("$HOME"), "'$HOME'");
    }
}
