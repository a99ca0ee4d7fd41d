//! Graphviz DOT export. Every id and label is quoted and escaped, so no
//! character of the graph can break the syntax; control characters are shown
//! as visible escapes.

use std::io::{self, Write};

use super::Export;
use crate::graph::Graph;
use crate::text::{shorten, visible};

/// The most characters of a label drawn. Graphviz refuses strings of more
/// than 16,384 bytes, which this stays under even when every character is
/// escaped.
pub const LABEL_CHARS: usize = 1000;

/// Node shapes, one per declared kind in order (repeating past the end).
const SHAPES: &[&str] = &[
    "box",
    "ellipse",
    "hexagon",
    "note",
    "cylinder",
    "component",
    "diamond",
    "parallelogram",
    "octagon",
    "tab",
    "house",
];

/// A fill colour for a kind's colour name: a light tint, so black text reads.
pub fn fill_color(name: &str) -> String {
    if let Some(hex) = name.strip_prefix('#')
        && hex.len() == 6
        && hex.chars().all(|c| c.is_ascii_hexdigit())
    {
        return format!("#{hex}");
    }
    let hex = match name
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "")
        .as_str()
    {
        "red" | "lightred" => "#f4a6a6",
        "green" | "lightgreen" => "#b5e3b5",
        "yellow" | "lightyellow" => "#f5e6a3",
        "blue" | "lightblue" => "#a9c8f0",
        "magenta" | "lightmagenta" => "#e3b3e8",
        "cyan" | "lightcyan" => "#a8e6e6",
        "gray" | "grey" | "darkgray" | "darkgrey" => "#d0d0d0",
        "black" => "#bbbbbb",
        _ => "#f0f0f0",
    };
    hex.to_string()
}

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
fn html(s: &str) -> String {
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
fn write_quoted(out: &mut dyn Write, s: &str) -> io::Result<()> {
    let plain = if s.is_ascii() {
        !s.bytes()
            .any(|b| b < 0x20 || b == 0x7f || b == b'"' || b == b'\\')
    } else {
        !s.chars()
            .any(|c| c == '"' || c == '\\' || crate::text::is_unsafe(c))
    };
    if !plain {
        return out.write_all(quote(s).as_bytes());
    }
    out.write_all(b"\"")?;
    out.write_all(s.as_bytes())?;
    out.write_all(b"\"")
}

/// Writes a node's DOT id: its id, or, past [`LABEL_CHARS`], the start of it
/// with the node's position (`… #17`), which no valid id can equal (ids are
/// ASCII), so nodes stay apart and Graphviz's string limit holds.
fn write_id(out: &mut dyn Write, graph: &Graph, ix: petgraph::graph::NodeIndex) -> io::Result<()> {
    let id = &graph.g[ix].id;
    match shorten(id, LABEL_CHARS) {
        std::borrow::Cow::Borrowed(id) => write_quoted(out, id),
        std::borrow::Cow::Owned(cut) => write_quoted(out, &format!("{cut} #{}", ix.index())),
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
    // The attributes every node of a kind shares, and every edge of a relation.
    let kind_attrs: Vec<String> = graph
        .kinds
        .iter()
        .enumerate()
        .map(|(i, (_, kind))| {
            format!(
                ", shape={}, fillcolor=\"{}\", tooltip={}];\n",
                SHAPES[i % SHAPES.len()],
                fill_color(&kind.color),
                quote(&shorten(&kind.label, LABEL_CHARS))
            )
        })
        .collect();
    let rel_attrs: Vec<String> = graph
        .relations
        .values()
        .map(|r| {
            format!(
                " [label={}{}];\n",
                quote(&shorten(&r.label, LABEL_CHARS)),
                if r.symmetric {
                    ", dir=none, style=dashed"
                } else {
                    ""
                }
            )
        })
        .collect();
    for &ix in &sel.nodes {
        let node = &graph.g[ix];
        out.write_all(b"  ")?;
        write_id(out, graph, ix)?;
        out.write_all(b" [label=")?;
        write_quoted(out, &shorten(&node.label, LABEL_CHARS))?;
        match graph.kinds.get_index_of(&node.kind) {
            Some(k) => out.write_all(kind_attrs[k].as_bytes())?,
            None => writeln!(
                out,
                ", shape=box, fillcolor=\"{}\", tooltip={}];",
                fill_color(""),
                quote(&node.kind)
            )?,
        }
    }
    for &e in &sel.edges {
        let Some((a, b)) = graph.g.edge_endpoints(e) else {
            continue;
        };
        out.write_all(b"  ")?;
        write_id(out, graph, a)?;
        out.write_all(b" -> ")?;
        write_id(out, graph, b)?;
        let rel = &graph.g[e].rel;
        match graph.relations.get_index_of(rel) {
            Some(r) => out.write_all(rel_attrs[r].as_bytes())?,
            None => writeln!(out, " [label={}];", quote(rel))?,
        }
    }
    writeln!(out, "}}")
}
