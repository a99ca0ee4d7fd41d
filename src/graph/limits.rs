//! Size limits on the strings of a graph file, so a hostile file cannot make
//! mlkg hold or draw megabytes of one name. The file itself is limited in
//! `load` ([`super::load::MAX_FILE_BYTES`]).

use super::Document;
use super::diagnostic::Diagnostic;
use super::span::Spans;

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

/// Errors for every string over its limit.
pub fn check_sizes(doc: &Document, spans: &Spans, file: &str, out: &mut Vec<Diagnostic>) {
    for (i, n) in doc.nodes.iter().enumerate() {
        let names = [("id", &n.id), ("kind", &n.kind), ("label", &n.label)];
        for (field, value) in names {
            if value.len() > MAX_NAME_BYTES {
                out.push(too_long(
                    file,
                    spans.node(i, field),
                    &format!("the {field} of node {}", i + 1),
                    value.len(),
                    MAX_NAME_BYTES,
                ));
            }
        }
        if let Some(a) = n.aliases.iter().find(|a| a.len() > MAX_NAME_BYTES) {
            out.push(too_long(
                file,
                spans.node(i, "aliases"),
                &format!("an alias of node {}", i + 1),
                a.len(),
                MAX_NAME_BYTES,
            ));
        }
        let texts = std::iter::once(("summary", &n.summary))
            .chain(std::iter::once(("notes", &n.notes)))
            .chain(n.sources.iter().map(|s| ("sources", s)))
            .chain(
                n.props
                    .iter()
                    .flat_map(|(k, v)| [("props", k), ("props", v)]),
            );
        for (field, value) in texts {
            if value.len() > MAX_TEXT_BYTES {
                out.push(too_long(
                    file,
                    spans.node(i, field),
                    &format!("the {field} of node {}", i + 1),
                    value.len(),
                    MAX_TEXT_BYTES,
                ));
            }
        }
    }
    for (i, e) in doc.edges.iter().enumerate() {
        for (field, value) in [("from", &e.from), ("rel", &e.rel), ("to", &e.to)] {
            if value.len() > MAX_NAME_BYTES {
                out.push(too_long(
                    file,
                    spans.edge(i, field),
                    &format!("the {field} of edge {}", i + 1),
                    value.len(),
                    MAX_NAME_BYTES,
                ));
            }
        }
        let texts = std::iter::once(("note", &e.note)).chain(
            e.props
                .iter()
                .flat_map(|(k, v)| [("props", k), ("props", v)]),
        );
        for (field, value) in texts {
            if value.len() > MAX_TEXT_BYTES {
                out.push(too_long(
                    file,
                    spans.edge(i, field),
                    &format!("the {field} of edge {}", i + 1),
                    value.len(),
                    MAX_TEXT_BYTES,
                ));
            }
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
            out.push(too_long(
                file,
                at,
                "a kind or relation name",
                key.len().max(label.len()),
                MAX_NAME_BYTES,
            ));
        }
    }
}
