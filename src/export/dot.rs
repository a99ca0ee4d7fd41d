//! Graphviz DOT export. Every id and label is quoted and escaped, so no
//! character of the graph can break the syntax; control characters are shown
//! as visible escapes. The picture has a legend (each kind's shape and
//! colour), the root of a subgraph drawn distinctly, required edges bold,
//! node summaries and edge notes as tooltips (SVG titles), and with
//! `--cluster` a box around each kind. Nodes and edges are rendered in
//! parallel chunks, written in order (see [`body`] and
//! [`crate::export::render`]).

mod body;

use std::io::{self, Write};

use super::style::{Looks, dot_shape};
use super::{Export, scan};
use crate::text::{shorten, visible};

/// The most characters of a label drawn. Graphviz refuses strings of more
/// than 16,384 bytes, which this stays under even when every character is
/// escaped.
pub const LABEL_CHARS: usize = 1000;

pub use super::style::fill_color;

/// A DOT string for an id or label: double-quoted with `"` and `\` escaped
/// and newlines as `\n`, controls made visible first. Graphviz's lexer reads
/// `\"` as a quote whatever comes before it, so a quoted string can never end
/// in a backslash: such text is written as an HTML string with entities.
pub fn quote(s: &str) -> String {
    let shown = visible(s);
    if shown.ends_with('\\') {
        return html(&shown);
    }
    let mut out = String::with_capacity(shown.len() + 2);
    out.push('"');
    for c in shown.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A DOT HTML string holding plain text: every character that HTML or DOT
/// could read as markup is an entity.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    out.push('<');
    for c in s.chars() {
        match c {
            '&' | '<' | '>' | '"' | '\\' | '\'' => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// Writes a DOT string for an id or label, as [`quote`] does, without an
/// allocation in the common case of text that needs no escape.
fn write_quoted(out: &mut Vec<u8>, s: &str) {
    // Printable ASCII is found eight bytes at a time; from the first other
    // byte on, the text is looked at by character.
    let first = scan::next_special(s.as_bytes(), 0);
    let plain = first == s.len()
        || (s.as_bytes()[first] >= 0x80
            && !s[first..]
                .chars()
                .any(|c| c == '"' || c == '\\' || crate::text::is_unsafe(c)));
    if !plain {
        out.extend_from_slice(quote(s).as_bytes());
        return;
    }
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// Writes a node's DOT id: its id, or, past [`LABEL_CHARS`], the start of it
/// with the node's position (`… #17`), which no valid id can equal (ids are
/// ASCII), so nodes stay apart and Graphviz's string limit holds.
fn write_id(out: &mut Vec<u8>, id: &str, position: usize) {
    match shorten(id, LABEL_CHARS) {
        std::borrow::Cow::Borrowed(id) => write_quoted(out, id),
        std::borrow::Cow::Owned(cut) => write_quoted(out, &format!("{cut} #{position}")),
    }
}

/// Writes the selection as a DOT digraph.
pub fn write(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let (graph, sel, filter) = (ex.graph, ex.sel, ex.filter);
    for line in super::comments(graph, sel, filter) {
        writeln!(out, "// {line}")?;
    }
    writeln!(out, "digraph \"mlkg\" {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];"
    )?;
    writeln!(
        out,
        "  node [style=\"filled,rounded\", fontname=\"Helvetica\", fontsize=11];"
    )?;
    writeln!(
        out,
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];"
    )?;
    let looks = Looks::new(graph);
    let ids = body::ids(graph, &sel.nodes);
    body::nodes(ex, &ids, &looks, out)?;
    body::edges(ex, &ids, out)?;
    legend(ex, &looks, out)?;
    writeln!(out, "}}")
}

/// The prefix of the legend's node ids; no valid node id has a `:`.
pub const LEGEND_PREFIX: &str = "legend:";

/// The legend: a cluster holding one node per kind drawn, in that kind's
/// shape and colour, its label saying what bold, dashed and a thick border
/// mean.
fn legend(ex: &Export, looks: &Looks, out: &mut dyn Write) -> io::Result<()> {
    let graph = ex.graph;
    let positions = body::kind_positions(ex);
    let mut used = vec![false; graph.kinds.len()];
    for &ix in &ex.sel.nodes {
        if let Some(&k) = positions.get(graph.node(ix).kind.as_str()) {
            used[k] = true;
        }
    }
    if !used.contains(&true) {
        return Ok(());
    }
    let mut title = String::from("Legend\\nbold edge: required\\ndashed, no arrow: symmetric");
    if ex.filter.root.is_some() {
        title.push_str("\\nthick red border: the root");
    }
    writeln!(
        out,
        "  subgraph \"cluster_legend\" {{\n  label=\"{title}\";\n  style=rounded;\n  color=\"#888888\";"
    )?;
    for (k, (_, kind)) in graph.kinds.iter().enumerate().filter(|(k, _)| used[*k]) {
        writeln!(
            out,
            "  \"{LEGEND_PREFIX}k{k}\" [label={}, shape={}, fillcolor=\"{}\", tooltip=\"kind\"];",
            quote(&shorten(&kind.label, LABEL_CHARS)),
            dot_shape(Some(k)),
            looks.fill(Some(k))
        )?;
    }
    writeln!(out, "  }}")
}
