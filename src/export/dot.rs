//! Graphviz DOT export. Every id and label is quoted and escaped, so no
//! character of the graph can break the syntax; control characters are shown
//! as visible escapes.

use std::io::{self, Write};

use super::{Filter, Selection};
use crate::graph::Graph;
use crate::text::visible;

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

/// Writes the selection as a DOT digraph.
pub fn write(
    graph: &Graph,
    sel: &Selection,
    filter: &Filter,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "// mlkg export of {}",
        visible(&graph.source.to_string()).replace('\n', " ")
    )?;
    if !filter.is_whole() {
        writeln!(
            out,
            "// subgraph {}: {} of {} nodes, {} of {} edges",
            filter.describe(graph).replace('\n', " "),
            sel.nodes.len(),
            graph.node_count(),
            sel.edges.len(),
            graph.edge_count()
        )?;
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
    for &ix in &sel.nodes {
        let node = &graph.g[ix];
        let (shape, fill) = match graph.kinds.get_full(&node.kind) {
            Some((i, _, kind)) => (SHAPES[i % SHAPES.len()], fill_color(&kind.color)),
            None => ("box", fill_color("")),
        };
        writeln!(
            out,
            "  {} [label={}, shape={shape}, fillcolor=\"{fill}\", tooltip={}];",
            quote(&node.id),
            quote(&node.label),
            quote(graph.kind_label(&node.kind)),
        )?;
    }
    for &e in &sel.edges {
        let Some((a, b)) = graph.g.edge_endpoints(e) else {
            continue;
        };
        let rel = &graph.g[e].rel;
        let dir = if graph.is_symmetric(rel) {
            ", dir=none, style=dashed"
        } else {
            ""
        };
        writeln!(
            out,
            "  {} -> {} [label={}{dir}];",
            quote(&graph.g[a].id),
            quote(&graph.g[b].id),
            quote(graph.rel_label(rel)),
        )?;
    }
    writeln!(out, "}}")
}
