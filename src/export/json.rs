//! JSON export: the same document as a graph file, field for field, so an
//! export loads back as the same graph. Characters that JSON allows raw but
//! that a terminal would act on (DEL, C1 controls, bidi overrides) are
//! written as `\uXXXX` escapes; the data stays lossless.
//!
//! The graph document is written by hand (modules `document` and `escape`) in
//! serde_json's pretty layout, from the graph as it lies: nodes and edges
//! are borrowed, never cloned, and rendered on all cores in chunks written
//! in order. [`write_value`] writes any other value the same way through
//! serde_json, for the commands' `--json` output.

mod document;
mod escape;

use std::io::{self, BufWriter, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::Selection;
use crate::graph::Graph;

/// Writes the selection as a graph document in JSON.
pub fn write(graph: &Graph, sel: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    document::write(graph, sel, &mut out)?;
    out.flush()
}

/// Writes any value as pretty JSON with terminal-unsafe characters escaped.
pub fn write_value<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser).map_err(io::Error::other)
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
        let mut escaped = Vec::with_capacity(12);
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| crate::text::is_unsafe(c))
        {
            w.write_all(&rest.as_bytes()[..at])?;
            escaped.clear();
            escape::push_unicode(&mut escaped, c);
            w.write_all(&escaped)?;
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
