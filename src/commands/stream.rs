//! JSON written as it is produced, element by element, in the same pretty
//! form as a whole document, so a long walk never holds its output twice.

use std::io::{self, Write};

use serde::Serialize;

use crate::export::json::write_value;

/// Writes the items as a pretty JSON array whose opening bracket sits at
/// `indent` spaces (elements one level deeper), one item in memory at a time.
pub fn array<T: Serialize>(
    out: &mut dyn Write,
    indent: usize,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    let mut first = true;
    let mut buf = Vec::new();
    for item in items {
        out.write_all(if first { b"[\n" } else { b",\n" })?;
        first = false;
        buf.clear();
        write_value(&item, &mut buf)?;
        write_indented(out, &buf, indent + 2)?;
    }
    if first {
        out.write_all(b"[]")
    } else {
        write!(out, "\n{}]", " ".repeat(indent))
    }
}

/// Writes a JSON text with every line indented.
fn write_indented(out: &mut dyn Write, json: &[u8], indent: usize) -> io::Result<()> {
    let pad = " ".repeat(indent);
    for (i, line) in json.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(pad.as_bytes())?;
        out.write_all(line)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn a_streamed_array_reads_as_the_pretty_document() {
        let items = vec![json!({"a": 1, "b": {"c": [1, 2]}}), json!({"a": "\u{7f}"})];
        let mut streamed = Vec::new();
        super::array(&mut streamed, 0, items.clone()).unwrap();
        let mut whole = Vec::new();
        crate::export::json::write_value(&items, &mut whole).unwrap();
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            String::from_utf8(whole).unwrap()
        );
        let mut empty = Vec::new();
        super::array(&mut empty, 4, Vec::<u8>::new()).unwrap();
        assert_eq!(empty, b"[]");
    }
}
