//! Mermaid flowchart export, for notes and READMEs that render it. Node ids
//! are generated (`n0`, `n1`, ...) and labels use Mermaid's entity escapes,
//! so no label can break the syntax. Each kind has its own shape and fill;
//! required edges are thick (`==>`).

use std::collections::HashMap;
use std::io::{self, Write};

use super::Export;
use super::dot::LABEL_CHARS;
use super::style::{Looks, mermaid_shape};
use crate::text::{shorten, visible};

/// A label in Mermaid's quoted form: quotes, brackets and other syntax
/// characters as `#code;` entities, controls made visible.
pub fn escape(s: &str) -> String {
    let shown = visible(s);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '|' | '[' | ']' | '{' | '}' | '(' | ')' | '`' | ';' => {
                out.push_str(&format!("#{};", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Mermaid's default limit on edges; past it renderers show "Edge limit
/// exceeded" instead of the chart.
pub const DEFAULT_MAX_EDGES: usize = 500;

/// Writes the selection as a Mermaid flowchart: each kind its own shape and
/// fill, front matter raising `maxEdges` when asked.
pub fn write(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let (graph, sel, filter) = (ex.graph, ex.sel, ex.filter);
    if let Some(max) = ex.options.max_edges {
        writeln!(out, "---\nconfig:\n  maxEdges: {max}\n---")?;
    }
    for line in super::comments(graph, sel, filter) {
        writeln!(out, "%% {line}")?;
    }
    writeln!(out, "flowchart LR")?;
    let mut name = HashMap::new();
    let mut members: Vec<Vec<String>> = vec![Vec::new(); graph.kinds.len()];
    for (i, &ix) in sel.nodes.iter().enumerate() {
        name.insert(ix, format!("n{i}"));
        let node = graph.node(ix);
        let k = graph.kinds.get_index_of(node.kind.as_str());
        let (open, close) = mermaid_shape(k);
        writeln!(
            out,
            "  n{i}{open}\"{}\"{close}",
            escape(&shorten(&node.label, LABEL_CHARS))
        )?;
        if let Some(k) = k {
            members[k].push(format!("n{i}"));
        }
    }
    for &e in &sel.edges {
        let Some((a, b)) = graph.edge_ends(e) else {
            continue;
        };
        let (Some(na), Some(nb)) = (name.get(&a), name.get(&b)) else {
            continue;
        };
        let data = graph.edge(e);
        let required = data.props.get("required").is_some_and(|v| v == "true");
        let arrow = match (graph.is_symmetric(&data.rel), required) {
            (true, false) => "---",
            (true, true) => "===",
            (false, false) => "-->",
            (false, true) => "==>",
        };
        writeln!(
            out,
            "  {na} {arrow}|\"{}\"| {nb}",
            escape(graph.rel_label(&data.rel))
        )?;
    }
    let looks = Looks::new(graph);
    for (k, list) in members.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
        writeln!(
            out,
            "  classDef k{k} fill:{},stroke:#555,color:#000",
            looks.fill(Some(k))
        )?;
        writeln!(out, "  class {} k{k}", list.join(","))?;
    }
    Ok(())
}
