//! The node and edge statements of a DOT export, rendered in parallel chunks
//! written in order ([`crate::export::render`]). What every statement
//! repeats is prepared once: each node's quoted id in one buffer (an edge
//! copies two of them), and the kinds' and relations' attributes found by a
//! fast hash of their ids.

use std::io::{self, Write};

use rustc_hash::FxHashMap;

use super::{LABEL_CHARS, quote, write_id, write_quoted};
use crate::export::render::{Ids, in_chunks};
use crate::export::style::{Looks, dot_shape};
use crate::export::{Export, scan};
use crate::graph::{Graph, NodeIndex};
use crate::text::shorten;

/// About how many bytes a node statement takes (with its tooltip).
const NODE_LINE: usize = 256;
/// About how many bytes an edge statement takes.
const EDGE_LINE: usize = 64;
/// The most characters of a tooltip.
const TOOLTIP_CHARS: usize = 300;

/// Writes a node's tooltip, `Kind: summary` (or the kind alone), without
/// building the string first when neither part needs an escape.
fn write_tooltip(buf: &mut Vec<u8>, kind: &str, summary: &str) {
    if summary.is_empty() {
        return write_quoted(buf, &shorten(kind, TOOLTIP_CHARS));
    }
    let plain = scan::is_plain;
    let room = TOOLTIP_CHARS.saturating_sub(kind.len() + 2);
    if room > 1 && plain(kind) && plain(summary) {
        // ASCII: characters are bytes, so this cut is the one shorten makes.
        buf.push(b'"');
        buf.extend_from_slice(kind.as_bytes());
        buf.extend_from_slice(b": ");
        if summary.len() <= room {
            buf.extend_from_slice(summary.as_bytes());
        } else {
            buf.extend_from_slice(&summary.as_bytes()[..room - 1]);
            buf.extend_from_slice("…".as_bytes());
        }
        buf.push(b'"');
        return;
    }
    let tip = format!("{kind}: {summary}");
    write_quoted(buf, &shorten(&tip, TOOLTIP_CHARS));
}

/// Each kept node's quoted DOT id, by the node's index.
pub fn ids(graph: &Graph, nodes: &[NodeIndex]) -> Ids {
    Ids::new(graph, nodes, write_id)
}

/// Each kind's position among the declared kinds, by its id.
pub fn kind_positions<'a>(ex: &Export<'a>) -> FxHashMap<&'a str, usize> {
    ex.graph
        .kinds
        .keys()
        .enumerate()
        .map(|(k, id)| (id.as_str(), k))
        .collect()
}

/// Writes the node statements, grouped in a cluster per kind with
/// `--cluster`.
pub fn nodes(ex: &Export, ids: &Ids, looks: &Looks, out: &mut dyn Write) -> io::Result<()> {
    let graph = ex.graph;
    let positions = kind_positions(ex);
    // Shape and fill, then the tooltip's start, of each kind.
    let kind_attrs: Vec<(String, &str)> = graph
        .kinds
        .values()
        .enumerate()
        .map(|(k, kind)| {
            let attrs = format!(
                ", shape={}, fillcolor=\"{}\", tooltip=",
                dot_shape(Some(k)),
                looks.fill(Some(k))
            );
            (attrs, kind.label.as_str())
        })
        .collect();
    let undeclared = format!(", shape=box, fillcolor=\"{}\", tooltip=", looks.fill(None));
    let root = ex.filter.root;
    let kind_of = |ix: NodeIndex| positions.get(graph.node(ix).kind.as_str()).copied();
    let render = |_: usize, &ix: &NodeIndex, buf: &mut Vec<u8>| {
        let node = graph.node(ix);
        buf.extend_from_slice(b"  ");
        buf.extend_from_slice(ids.get(ix));
        buf.extend_from_slice(b" [label=");
        write_quoted(buf, &shorten(&node.label, LABEL_CHARS));
        let (attrs, kind_label) = match kind_of(ix) {
            Some(k) => (kind_attrs[k].0.as_str(), kind_attrs[k].1),
            None => (undeclared.as_str(), node.kind.as_str()),
        };
        buf.extend_from_slice(attrs.as_bytes());
        write_tooltip(buf, kind_label, &node.summary);
        if root == Some(ix) {
            buf.extend_from_slice(b", penwidth=3, color=\"#c0392b\", fontsize=13");
        }
        buf.extend_from_slice(b"];\n");
    };
    if !ex.options.cluster {
        return in_chunks(&ex.sel.nodes, NODE_LINE, out, render);
    }
    let mut buckets = vec![Vec::new(); graph.kinds.len() + 1];
    for &ix in &ex.sel.nodes {
        buckets[kind_of(ix).unwrap_or(graph.kinds.len())].push(ix);
    }
    for (k, bucket) in buckets.iter().enumerate().filter(|(_, b)| !b.is_empty()) {
        let Some((_, kind)) = graph.kinds.get_index(k) else {
            in_chunks(bucket, NODE_LINE, out, render)?;
            continue;
        };
        writeln!(
            out,
            "  subgraph \"cluster_k{k}\" {{\n  label={};\n  style=\"rounded,dashed\";\n  color=\"#888888\";",
            quote(&shorten(&kind.label, LABEL_CHARS))
        )?;
        in_chunks(bucket, NODE_LINE, out, render)?;
        writeln!(out, "  }}")?;
    }
    Ok(())
}

/// Writes the edge statements: labelled with the relation, symmetric ones
/// dashed without arrows, required ones bold, notes as tooltips.
pub fn edges(ex: &Export, ids: &Ids, out: &mut dyn Write) -> io::Result<()> {
    let graph = ex.graph;
    // Each declared relation's label attribute and whether it is symmetric.
    let rels: FxHashMap<&str, (String, bool)> = graph
        .relations
        .iter()
        .map(|(id, r)| {
            let head = format!(" [label={}", quote(&shorten(&r.label, LABEL_CHARS)));
            (id.as_str(), (head, r.symmetric))
        })
        .collect();
    let render = |_: usize, &e: &_, buf: &mut Vec<u8>| {
        let Some((a, b)) = graph.edge_ends(e) else {
            return;
        };
        let data = graph.edge(e);
        buf.extend_from_slice(b"  ");
        buf.extend_from_slice(ids.get(a));
        buf.extend_from_slice(b" -> ");
        buf.extend_from_slice(ids.get(b));
        let symmetric = match rels.get(data.rel.as_str()) {
            Some((head, symmetric)) => {
                buf.extend_from_slice(head.as_bytes());
                *symmetric
            }
            None => {
                buf.extend_from_slice(b" [label=");
                buf.extend_from_slice(quote(&data.rel).as_bytes());
                false
            }
        };
        let required = data.props.get("required").is_some_and(|v| v == "true");
        match (symmetric, required) {
            (true, true) => buf.extend_from_slice(b", dir=none, style=\"dashed,bold\", penwidth=2"),
            (true, false) => buf.extend_from_slice(b", dir=none, style=dashed"),
            (false, true) => buf.extend_from_slice(b", style=bold, penwidth=2"),
            (false, false) => {}
        }
        if !data.note.is_empty() {
            buf.extend_from_slice(b", tooltip=");
            write_quoted(buf, &shorten(&data.note, TOOLTIP_CHARS));
        }
        buf.extend_from_slice(b"];\n");
    };
    in_chunks(&ex.sel.edges, EDGE_LINE, out, render)
}
