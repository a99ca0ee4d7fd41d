//! Mermaid flowchart export, for notes and READMEs that render it. Node ids
//! are generated (`n0`, `n1`, ...) and labels use Mermaid's entity escapes,
//! so no label can break the syntax.

use std::collections::HashMap;
use std::io::{self, Write};

use super::Export;
use super::dot::LABEL_CHARS;
use super::dot::fill_color;
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

/// Writes the selection as a Mermaid flowchart.
pub fn write(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let (graph, sel, filter) = (ex.graph, ex.sel, ex.filter);
    for line in super::comments(graph, sel, filter) {
        writeln!(out, "%% {line}")?;
    }
    writeln!(out, "flowchart LR")?;
    let mut name = HashMap::new();
    for (i, &ix) in sel.nodes.iter().enumerate() {
        name.insert(ix, format!("n{i}"));
        writeln!(
            out,
            "  n{i}[\"{}\"]",
            escape(&shorten(&graph.g[ix].label, LABEL_CHARS))
        )?;
    }
    for &e in &sel.edges {
        let Some((a, b)) = graph.g.edge_endpoints(e) else {
            continue;
        };
        let (Some(na), Some(nb)) = (name.get(&a), name.get(&b)) else {
            continue;
        };
        let rel = &graph.g[e].rel;
        let arrow = if graph.is_symmetric(rel) {
            "---"
        } else {
            "-->"
        };
        writeln!(
            out,
            "  {na} {arrow}|\"{}\"| {nb}",
            escape(graph.rel_label(rel))
        )?;
    }
    for (k, (kind, def)) in graph.kinds.iter().enumerate() {
        let members: Vec<&str> = sel
            .nodes
            .iter()
            .filter(|ix| graph.g[**ix].kind == *kind)
            .filter_map(|ix| name.get(ix).map(String::as_str))
            .collect();
        if members.is_empty() {
            continue;
        }
        writeln!(
            out,
            "  classDef k{k} fill:{},color:#000",
            fill_color(&def.color)
        )?;
        writeln!(out, "  class {} k{k}", members.join(","))?;
    }
    Ok(())
}
