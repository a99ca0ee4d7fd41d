//! A small graph with text a terminal or an export format could trip on in
//! every field, for the engine exports' tests.

use std::path::PathBuf;

use mlkg::graph::load::{Source, load_str};

/// Escapes, quotes, markup, separators, a CRLF, NUL, bidi and a BOM.
pub const HOSTILE: &str =
    "A\u{1b}[31mred; \"q\" 'a' <b>&amp; x,y\r\nz\u{7}\u{0}\u{202e}rtl\u{feff}\\ end:";

/// Node `a` carries the text everywhere (an alias, a prop, its edge's note),
/// node `b` is plain; the edge is marked required.
pub fn hostile_graph() -> mlkg::graph::Graph {
    let text = format!(
        "(\n    kinds: {{\"k\": (label: \"K\")}},\n    relations: {{\"r\": (label: \"r\", inverse: \"r by\")}},\n    nodes: [(id: \"a\", kind: \"k\", label: {HOSTILE:?}, aliases: [{HOSTILE:?}, \"two\"], summary: {HOSTILE:?}, notes: {HOSTILE:?}, props: {{\"p q\": {HOSTILE:?}}}),\n        (id: \"b\", kind: \"k\", label: \"B\")],\n    edges: [(from: \"a\", rel: \"r\", to: \"b\", note: {HOSTILE:?}, props: {{\"required\": \"true\"}})],\n)"
    );
    load_str(&text, Source::File(PathBuf::from("hostile.ron")))
        .unwrap()
        .graph
}
