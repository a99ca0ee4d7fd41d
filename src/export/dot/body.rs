//! The node and edge statements of a DOT export. Large selections are
//! rendered in chunks on all cores (rayon) into buffers written in order, a
//! bounded window at a time, so the output is the same as one thread's and
//! memory stays bounded.

use std::io::{self, Write};

use rayon::prelude::*;

use super::{LABEL_CHARS, quote, write_id, write_quoted};
use crate::export::Export;
use crate::export::style::{Looks, dot_shape};
use crate::text::shorten;

/// Items per buffer.
const CHUNK: usize = 4096;
/// Buffers rendered before they are written.
const WINDOW: usize = 32;
/// The most characters of a tooltip.
const TOOLTIP_CHARS: usize = 300;

/// Renders items into `out` in order, in parallel past one chunk.
fn in_chunks<T: Sync>(
    items: &[T],
    out: &mut dyn Write,
    render: impl Fn(&T, &mut Vec<u8>) + Sync,
) -> io::Result<()> {
    let one = |chunk: &[T]| {
        let mut buf = Vec::with_capacity(chunk.len() * 96);
        for item in chunk {
            render(item, &mut buf);
        }
        buf
    };
    if items.len() <= CHUNK {
        return out.write_all(&one(items));
    }
    for window in items.chunks(CHUNK * WINDOW) {
        let parts: Vec<Vec<u8>> = window.par_chunks(CHUNK).map(one).collect();
        for part in parts {
            out.write_all(&part)?;
        }
    }
    Ok(())
}

/// Writes a node's tooltip, `Kind: summary` (or the kind alone), without
/// building the string first when neither part needs an escape.
fn write_tooltip(buf: &mut Vec<u8>, kind: &str, summary: &str) {
    if summary.is_empty() {
        return write_quoted(buf, &shorten(kind, TOOLTIP_CHARS));
    }
    let plain = |s: &str| {
        !s.bytes()
            .any(|b| b < 0x20 || b == 0x7f || b == b'"' || b == b'\\' || b >= 0x80)
    };
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

/// Writes the node statements, grouped in a cluster per kind with
/// `--cluster`.
pub fn nodes(ex: &Export, looks: &Looks, out: &mut dyn Write) -> io::Result<()> {
    let graph = ex.graph;
    let kind_attrs: Vec<String> = (0..graph.kinds.len())
        .map(|k| {
            format!(
                ", shape={}, fillcolor=\"{}\"",
                dot_shape(Some(k)),
                looks.fill(Some(k))
            )
        })
        .collect();
    let undeclared = format!(", shape=box, fillcolor=\"{}\"", looks.fill(None));
    let root = ex.filter.root;
    let render = |&ix: &_, buf: &mut Vec<u8>| {
        let node = graph.node(ix);
        let k = graph.kinds.get_index_of(&node.kind);
        buf.extend_from_slice(b"  ");
        write_id(buf, &node.id, ix.index());
        buf.extend_from_slice(b" [label=");
        write_quoted(buf, &shorten(&node.label, LABEL_CHARS));
        buf.extend_from_slice(k.map_or(&undeclared, |k| &kind_attrs[k]).as_bytes());
        buf.extend_from_slice(b", tooltip=");
        write_tooltip(buf, graph.kind_label(&node.kind), &node.summary);
        if root == Some(ix) {
            buf.extend_from_slice(b", penwidth=3, color=\"#c0392b\", fontsize=13");
        }
        buf.extend_from_slice(b"];\n");
    };
    if !ex.options.cluster {
        return in_chunks(&ex.sel.nodes, out, render);
    }
    let mut buckets = vec![Vec::new(); graph.kinds.len() + 1];
    for &ix in &ex.sel.nodes {
        let k = graph.kinds.get_index_of(&graph.node(ix).kind);
        buckets[k.unwrap_or(graph.kinds.len())].push(ix);
    }
    for (k, bucket) in buckets.iter().enumerate().filter(|(_, b)| !b.is_empty()) {
        let Some((_, kind)) = graph.kinds.get_index(k) else {
            in_chunks(bucket, out, render)?;
            continue;
        };
        writeln!(
            out,
            "  subgraph \"cluster_k{k}\" {{\n  label={};\n  style=\"rounded,dashed\";\n  color=\"#888888\";",
            quote(&shorten(&kind.label, LABEL_CHARS))
        )?;
        in_chunks(bucket, out, render)?;
        writeln!(out, "  }}")?;
    }
    Ok(())
}

/// Writes the edge statements: labelled with the relation, symmetric ones
/// dashed without arrows, required ones bold, notes as tooltips.
pub fn edges(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let graph = ex.graph;
    let heads: Vec<String> = graph
        .relations
        .values()
        .map(|r| format!(" [label={}", quote(&shorten(&r.label, LABEL_CHARS))))
        .collect();
    let render = |&e: &_, buf: &mut Vec<u8>| {
        let Some((a, b)) = graph.edge_ends(e) else {
            return;
        };
        let data = graph.edge(e);
        buf.extend_from_slice(b"  ");
        write_id(buf, &graph.node(a).id, a.index());
        buf.extend_from_slice(b" -> ");
        write_id(buf, &graph.node(b).id, b.index());
        let rel = graph.relations.get_index_of(&data.rel);
        match rel {
            Some(r) => buf.extend_from_slice(heads[r].as_bytes()),
            None => {
                buf.extend_from_slice(b" [label=");
                buf.extend_from_slice(quote(&data.rel).as_bytes());
            }
        }
        let symmetric = rel.is_some() && graph.is_symmetric(&data.rel);
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
    in_chunks(&ex.sel.edges, out, render)
}
