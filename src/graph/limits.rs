//! Size limits on the strings of a graph file, so a hostile file cannot make
//! mlkg hold or draw megabytes of one name. The file itself is limited in
//! `load` ([`super::load::MAX_FILE_BYTES`]).

use super::diagnostic::{Collector, Diagnostic};
use super::span::Spans;
use super::{Document, Props};

/// The longest id, label, alias, kind or relation name, in bytes.
pub const MAX_NAME_BYTES: usize = 64 * 1024;
/// The longest summary, notes, note, source or property, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

fn too_long(file: &str, at: (usize, usize), what: &str, len: usize, max: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        at,
        format!(
            "{what} is {} KiB, more than the {} KiB limit",
            len.div_ceil(1024),
            max / 1024
        ),
    )
    .with_help("shorten it; long text belongs in a node's notes (up to 1 MiB)")
}

/// A property's key and value, each with its limit.
fn props(p: &Props) -> impl Iterator<Item = (&'static str, &str, usize)> {
    p.iter().flat_map(|(k, v)| {
        [
            ("props", k.as_str(), MAX_TEXT_BYTES),
            ("props", v.as_str(), MAX_TEXT_BYTES),
        ]
    })
}

/// Errors for every string over its limit.
pub fn check_sizes(doc: &Document, spans: &Spans, file: &str, out: &mut Collector) {
    for (i, n) in doc.nodes.iter().enumerate() {
        let fields = [
            ("id", n.id.as_str(), MAX_NAME_BYTES),
            ("kind", n.kind.as_str(), MAX_NAME_BYTES),
            ("label", n.label.as_str(), MAX_NAME_BYTES),
        ]
        .into_iter()
        .chain(
            n.aliases
                .iter()
                .map(|a| ("aliases", a.as_str(), MAX_NAME_BYTES)),
        )
        .chain([
            ("summary", n.summary.as_str(), MAX_TEXT_BYTES),
            ("notes", n.notes.as_str(), MAX_TEXT_BYTES),
        ])
        .chain(
            n.sources
                .iter()
                .map(|s| ("sources", s.as_str(), MAX_TEXT_BYTES)),
        )
        .chain(props(&n.props));
        for (field, value, max) in fields.filter(|(_, v, max)| v.len() > *max) {
            out.add("text over its size limit", || {
                too_long(
                    file,
                    spans.node(i, field),
                    &format!("the {field} of node {}", i + 1),
                    value.len(),
                    max,
                )
            });
        }
    }
    for (i, e) in doc.edges.iter().enumerate() {
        let fields = [
            ("from", e.from.as_str(), MAX_NAME_BYTES),
            ("rel", e.rel.as_str(), MAX_NAME_BYTES),
            ("to", e.to.as_str(), MAX_NAME_BYTES),
            ("note", e.note.as_str(), MAX_TEXT_BYTES),
        ]
        .into_iter()
        .chain(props(&e.props));
        for (field, value, max) in fields.filter(|(_, v, max)| v.len() > *max) {
            out.add("text over its size limit", || {
                too_long(
                    file,
                    spans.edge(i, field),
                    &format!("the {field} of edge {}", i + 1),
                    value.len(),
                    max,
                )
            });
        }
    }
    let declared = doc
        .kinds
        .iter()
        .map(|(k, v)| (k, &v.label))
        .chain(doc.relations.iter().map(|(k, v)| (k, &v.label)));
    for (key, label) in declared {
        if key.len() > MAX_NAME_BYTES || label.len() > MAX_NAME_BYTES {
            let at = if doc.kinds.contains_key(key) {
                spans.kind(key, "")
            } else {
                spans.relation(key, "")
            };
            out.add("text over its size limit", || {
                too_long(
                    file,
                    at,
                    "a kind or relation name",
                    key.len().max(label.len()),
                    MAX_NAME_BYTES,
                )
            });
        }
    }
}
