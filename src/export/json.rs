//! JSON export: the same document as a graph file, field for field, so an
//! export loads back as the same graph. Characters that JSON allows raw but
//! that a terminal would act on (DEL, C1 controls, bidi overrides) are
//! written as `\uXXXX` escapes; the data stays lossless.

use std::io::{self, Write};

use serde::Serialize;

use super::Selection;
use crate::graph::{Document, Graph};

/// Writes the selection as a graph document in JSON.
pub fn write(graph: &Graph, sel: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        kinds: graph.kinds.clone(),
        relations: graph.relations.clone(),
        nodes: sel.nodes.iter().map(|&ix| graph.g[ix].clone()).collect(),
        edges: sel.edges.iter().map(|&e| graph.edge_document(e)).collect(),
    };
    write_value(&doc, out)?;
    writeln!(out)
}

/// Writes any value as pretty JSON with terminal-unsafe characters escaped.
pub fn write_value<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    out.write_all(escape_unsafe(&text).as_bytes())
}

/// Replaces, inside an already valid JSON text, each character a terminal
/// could act on with its `\uXXXX` escape (they can only occur inside strings,
/// where the escape means the same character).
fn escape_unsafe(json: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| crate::text::is_unsafe(c);
    if !json.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if unsafe_char(c) && c != '\n' {
            let mut buf = [0u16; 2];
            for unit in c.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
