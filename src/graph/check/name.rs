//! The graph's own `name`: optional, one line of printable text, not blank,
//! at most [`MAX_NAME`] characters (study progress is kept under it).

use crate::graph::Document;
use crate::graph::diagnostic::{Collector, Diagnostic};
use crate::graph::span::Spans;

/// The longest graph name, in characters.
pub const MAX_NAME: usize = 100;

/// The graph's `name`, if given: one line of printable text, not blank.
pub(super) fn check_name(doc: &Document, spans: &Spans, file: &str, out: &mut Collector) {
    let name = &doc.name;
    if name.is_empty() {
        return;
    }
    let problem = if name.trim().is_empty() {
        "it is blank".to_string()
    } else if name.chars().any(char::is_control) {
        "it holds a control character or a line break".to_string()
    } else if name.chars().count() > MAX_NAME {
        format!("it is longer than {MAX_NAME} characters")
    } else {
        return;
    };
    out.add("bad name", || {
        Diagnostic::error(
            file,
            spans.top("name"),
            format!("the graph's `name` is not usable: {problem}"),
        )
        .with_help(
            "give the graph a short name on one line, e.g. name: \"sagemaker-ml\" \
             (study progress is kept under it), or leave `name` out",
        )
    });
}
