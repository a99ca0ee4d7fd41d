//! JSON export: the same document as a graph file, field for field, so an
//! export loads back as the same graph. Characters that JSON allows raw but
//! that a terminal would act on (DEL, C1 controls, bidi overrides) are
//! written as `\uXXXX` escapes; the data stays lossless.
//!
//! The graph is streamed through serde as it lies: nodes and edges are
//! borrowed, never cloned, and the escapes are made as each string is
//! written, so no second copy of the output exists.

use std::io::{self, BufWriter, Write};

use indexmap::IndexMap;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};

use super::Selection;
use crate::graph::{Graph, Kind, Node, Props, Relation};

/// Writes the selection as a graph document in JSON.
pub fn write(graph: &Graph, sel: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let doc = DocumentRef {
        name: graph.name.as_deref().unwrap_or(""),
        kinds: &graph.kinds,
        relations: &graph.relations,
        nodes: Nodes(graph, sel),
        edges: Edges(graph, sel),
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    write_value(&doc, &mut out)?;
    writeln!(out)?;
    out.flush()
}

/// Writes any value as pretty JSON with terminal-unsafe characters escaped.
pub fn write_value<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// The document's fields in the order of [`crate::graph::Document`], borrowed.
#[derive(Serialize)]
struct DocumentRef<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    kinds: &'a IndexMap<String, Kind>,
    relations: &'a IndexMap<String, Relation>,
    nodes: Nodes<'a>,
    edges: Edges<'a>,
}

/// The selected nodes, serialized in place.
struct Nodes<'a>(&'a Graph, &'a Selection);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.1.nodes.len()))?;
        for &ix in &self.1.nodes {
            let node: &Node = self.0.node(ix);
            seq.serialize_element(node)?;
        }
        seq.end()
    }
}

/// The selected edges, serialized in place with their ends' ids.
struct Edges<'a>(&'a Graph, &'a Selection);

/// An edge's fields in the order of [`crate::graph::Edge`], borrowed.
#[derive(Serialize)]
struct EdgeRef<'a> {
    from: &'a str,
    rel: &'a str,
    to: &'a str,
    note: &'a str,
    props: &'a Props,
}

impl Serialize for Edges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let graph = self.0;
        let mut seq = s.serialize_seq(Some(self.1.edges.len()))?;
        for &e in &self.1.edges {
            let Some((a, b)) = graph.edge_ends(e) else {
                continue;
            };
            let data = graph.edge(e);
            seq.serialize_element(&EdgeRef {
                from: &graph.node(a).id,
                rel: &data.rel,
                to: &graph.node(b).id,
                note: &data.note,
                props: &data.props,
            })?;
        }
        seq.end()
    }
}

/// serde_json's pretty layout, with each terminal-unsafe character inside a
/// string written as its `\uXXXX` escape.
struct Safe(PrettyFormatter<'static>);

/// Whether a piece of a JSON string may hold a character that
/// [`crate::text::is_unsafe`] flags: those are DEL or start with one of
/// these UTF-8 lead bytes (C1 controls, U+2000 to U+2FFF, U+F000 to U+FFFF).
/// Control characters below U+0020 never reach a fragment: serde_json
/// escapes them itself.
fn may_be_unsafe(fragment: &str) -> bool {
    fragment
        .bytes()
        .any(|b| matches!(b, 0x7f | 0xc2 | 0xe2 | 0xef))
}

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        if !may_be_unsafe(s) {
            return w.write_all(s.as_bytes());
        }
        let mut rest = s;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| crate::text::is_unsafe(c))
        {
            w.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        w.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}
