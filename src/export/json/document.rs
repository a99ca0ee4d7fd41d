//! The graph document in JSON, written by hand in serde_json's pretty layout
//! (two spaces an indent, `[]` and `{}` when empty), byte for byte what
//! serializing a [`crate::graph::Document`] with [`super::write_value`]
//! gives. The fields' names and indents are constants; nodes and edges are
//! rendered in parallel chunks written in order, and each node's quoted id
//! is prepared once for the edges.

use std::borrow::Cow;
use std::io::{self, Write};

use indexmap::IndexMap;

use super::escape::string;
use crate::export::Selection;
use crate::export::render::{Ids, in_chunks};
use crate::graph::{EdgeIndex, Graph, Kind, Node, NodeIndex, Props, Relation};

/// About how many bytes a node takes.
const NODE_LINE: usize = 512;
/// About how many bytes an edge takes.
const EDGE_LINE: usize = 128;

/// Spaces for the deepest indent written.
const SPACES: &[u8] = b"            ";

/// A line break and the indent of `depth` levels.
fn newline(out: &mut Vec<u8>, depth: usize) {
    out.push(b'\n');
    out.extend_from_slice(&SPACES[..2 * depth]);
}

/// An object's key at `depth`, with the comma before it unless it is first.
fn key(out: &mut Vec<u8>, first: bool, depth: usize, name: &str) {
    if !first {
        out.push(b',');
    }
    newline(out, depth);
    string(out, name);
    out.extend_from_slice(b": ");
}

/// A list of strings whose key is at `depth`.
fn strings(out: &mut Vec<u8>, items: &[String], depth: usize) {
    if items.is_empty() {
        return out.extend_from_slice(b"[]");
    }
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        newline(out, depth + 1);
        string(out, item);
    }
    newline(out, depth);
    out.push(b']');
}

/// Properties whose key is at `depth`.
fn props(out: &mut Vec<u8>, props: &Props, depth: usize) {
    if props.is_empty() {
        return out.extend_from_slice(b"{}");
    }
    out.push(b'{');
    for (i, (k, v)) in props.iter().enumerate() {
        key(out, i == 0, depth + 1, k);
        string(out, v);
    }
    newline(out, depth);
    out.push(b'}');
}

/// A map of declarations at the top level, each value written by `value`.
fn declarations<T>(out: &mut Vec<u8>, map: &IndexMap<String, T>, value: fn(&mut Vec<u8>, &T)) {
    if map.is_empty() {
        return out.extend_from_slice(b"{}");
    }
    out.push(b'{');
    for (i, (id, item)) in map.iter().enumerate() {
        key(out, i == 0, 2, id);
        out.push(b'{');
        value(out, item);
        newline(out, 2);
        out.push(b'}');
    }
    newline(out, 1);
    out.push(b'}');
}

/// A kind's fields.
fn kind(out: &mut Vec<u8>, kind: &Kind) {
    key(out, true, 3, "label");
    string(out, &kind.label);
    key(out, false, 3, "color");
    string(out, &kind.color);
}

/// A relation's fields.
fn relation(out: &mut Vec<u8>, r: &Relation) {
    key(out, true, 3, "label");
    string(out, &r.label);
    key(out, false, 3, "inverse");
    string(out, &r.inverse);
    key(out, false, 3, "from");
    strings(out, &r.from, 3);
    key(out, false, 3, "to");
    strings(out, &r.to, 3);
    key(out, false, 3, "symmetric");
    out.extend_from_slice(if r.symmetric { b"true" } else { b"false" });
    key(out, false, 3, "question");
    string(out, &r.question);
    key(out, false, 3, "inverse_question");
    string(out, &r.inverse_question);
}

/// A node, an element of the top-level `nodes` list.
fn node(out: &mut Vec<u8>, n: &Node) {
    out.extend_from_slice(b"{\n      \"id\": ");
    string(out, &n.id);
    out.extend_from_slice(b",\n      \"kind\": ");
    string(out, &n.kind);
    out.extend_from_slice(b",\n      \"label\": ");
    string(out, &n.label);
    out.extend_from_slice(b",\n      \"aliases\": ");
    strings(out, &n.aliases, 3);
    out.extend_from_slice(b",\n      \"summary\": ");
    string(out, &n.summary);
    out.extend_from_slice(b",\n      \"notes\": ");
    string(out, &n.notes);
    out.extend_from_slice(b",\n      \"props\": ");
    props(out, &n.props, 3);
    out.extend_from_slice(b",\n      \"sources\": ");
    strings(out, &n.sources, 3);
    out.extend_from_slice(b"\n    }");
}

/// Writes a top-level list, `[]` when empty, each element rendered in
/// parallel chunks after its separator.
fn list<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    line: usize,
    render: impl Fn(&T, &mut Vec<u8>) + Sync,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    in_chunks(items, line, out, |i, item, buf| {
        buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        render(item, buf);
    })?;
    out.write_all(b"\n  ]")
}

/// Writes the selection as a graph document.
pub fn write(graph: &Graph, sel: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let mut head = Vec::with_capacity(4096);
    head.push(b'{');
    let name = graph.name.as_deref().unwrap_or("");
    if !name.is_empty() {
        key(&mut head, true, 1, "name");
        string(&mut head, name);
    }
    key(&mut head, name.is_empty(), 1, "kinds");
    declarations(&mut head, &graph.kinds, kind);
    key(&mut head, false, 1, "relations");
    declarations(&mut head, &graph.relations, relation);
    key(&mut head, false, 1, "nodes");
    out.write_all(&head)?;
    list(out, &sel.nodes, NODE_LINE, |&ix, buf| {
        node(buf, graph.node(ix))
    })?;
    out.write_all(b",\n  \"edges\": ")?;
    let ids = Ids::new(graph, &sel.nodes, |buf, id, _| string(buf, id));
    let ids = &ids;
    // An index the graph does not hold is left out, as serde would.
    let edges: Cow<[EdgeIndex]> = if sel.edges.iter().all(|&e| graph.edge_ends(e).is_some()) {
        Cow::Borrowed(&sel.edges)
    } else {
        Cow::Owned(
            sel.edges
                .iter()
                .copied()
                .filter(|&e| graph.edge_ends(e).is_some())
                .collect(),
        )
    };
    list(out, &edges, EDGE_LINE, |&e, buf| edge(graph, ids, e, buf))?;
    out.write_all(b"\n}\n")
}

/// An edge, an element of the top-level `edges` list (one the graph holds).
fn edge(graph: &Graph, ids: &Ids, e: EdgeIndex, out: &mut Vec<u8>) {
    let Some((a, b)) = graph.edge_ends(e) else {
        return;
    };
    let data = graph.edge(e);
    out.extend_from_slice(b"{\n      \"from\": ");
    quoted_id(out, graph, ids, a);
    out.extend_from_slice(b",\n      \"rel\": ");
    string(out, &data.rel);
    out.extend_from_slice(b",\n      \"to\": ");
    quoted_id(out, graph, ids, b);
    out.extend_from_slice(b",\n      \"note\": ");
    string(out, &data.note);
    out.extend_from_slice(b",\n      \"props\": ");
    props(out, &data.props, 3);
    out.extend_from_slice(b"\n    }");
}

/// A node's quoted id: prepared when the node is kept, else written now.
fn quoted_id(out: &mut Vec<u8>, graph: &Graph, ids: &Ids, ix: NodeIndex) {
    match ids.get(ix) {
        [] => string(out, &graph.node(ix).id),
        id => out.extend_from_slice(id),
    }
}
