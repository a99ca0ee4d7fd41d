//! The cards as an Anki deck in Anki's plain-text import format: header
//! lines (`#separator:tab`, `#html:true`, ...), then one note per line with
//! a stable GUID (so importing again updates the notes instead of adding
//! copies), the front, the back, and tags by kind and relation.

use std::io::{self, Write};

use xxhash_rust::xxh3::xxh3_64;

use super::cards::Card;

/// The GUID of a card's note: the same for the same card id, always.
pub fn guid(card_id: &str) -> String {
    format!("mlkg-{:016x}", xxh3_64(card_id.as_bytes()))
}

/// Writes the deck: header lines, then one note per card.
pub fn write(cards: &[Card], deck: &str, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "#separator:tab")?;
    writeln!(out, "#html:true")?;
    writeln!(out, "#notetype:Basic")?;
    writeln!(out, "#deck:{}", deck.replace(['\n', '\r', '\t'], " "))?;
    writeln!(out, "#guid column:1")?;
    writeln!(out, "#tags column:4")?;
    writeln!(out, "#columns:GUID\tFront\tBack\tTags")?;
    for card in cards {
        let fields = [guid(&card.id), front(card), back(card), tags(card)];
        let line: Vec<String> = fields.iter().map(|f| quoted(f)).collect();
        writeln!(out, "{}", line.join("\t"))?;
    }
    Ok(())
}

fn front(card: &Card) -> String {
    let mut s = escape(&card.prompt);
    s.push_str("<ol type=\"A\">");
    for o in &card.options {
        s.push_str(&format!("<li>{}</li>", escape(&o.label)));
    }
    s.push_str("</ol>");
    s
}

fn back(card: &Card) -> String {
    let letters: Vec<String> = card
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| card.answers.contains(&o.id))
        .map(|(i, o)| format!("{}. {}", letter(i), escape(&o.label)))
        .collect();
    let mut s = format!("<b>{}</b>", letters.join("<br>"));
    if card.correct.len() > card.answers.len() {
        let all: Vec<String> = card.correct.iter().map(|c| escape(c)).collect();
        s.push_str(&format!("<br>Every correct answer: {}", all.join(", ")));
    }
    for note in &card.notes {
        s.push_str(&format!("<br><i>{}</i>", escape(note)));
    }
    if !card.source.is_empty() {
        s.push_str(&format!(
            "<br><small>Source: {}</small>",
            escape(&card.source.join(", "))
        ));
    }
    s
}

fn tags(card: &Card) -> String {
    let clean = |t: &str| t.replace(|c: char| c.is_whitespace() || c == '"', "_");
    format!(
        "mlkg kind::{} rel::{}",
        clean(&card.answer_kind),
        clean(&card.rel)
    )
}

/// The letter of an option: A, B, C, ...
pub fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// HTML-escapes text and turns line breaks into `<br>`.
fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\n' => s.push_str("<br>"),
            '\r' => {}
            c => s.push(c),
        }
    }
    s
}

/// A field as Anki's CSV reader takes it: in double quotes (with inner
/// quotes doubled) when it holds the separator, a quote or a line break.
fn quoted(field: &str) -> String {
    if field.contains(['\t', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_escaping() {
        assert_eq!(quoted("a\tb"), "\"a\tb\"");
        assert_eq!(quoted("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(quoted("plain"), "plain");
        assert_eq!(escape("a<b & \"c\"\nd"), "a&lt;b &amp; &quot;c&quot;<br>d");
        assert_eq!(guid("which:x:accepts:out"), guid("which:x:accepts:out"));
        assert_ne!(guid("which:x:accepts:out"), guid("which:x:accepts:in"));
    }
}
