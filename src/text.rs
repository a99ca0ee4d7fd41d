//! Text made safe to show on a terminal: control, bidi and invisible
//! characters become visible escapes, so text from a graph file can never act
//! on the terminal. The loaded data stays exact; only what is shown changes.

use std::borrow::Cow;

/// Whether a character must not reach a terminal as itself.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{FFFE}'..='\u{FFFF}')
}

/// The text with every unsafe character replaced by a visible escape:
/// `\n` and `\t` and `\r` by their usual escapes, the rest as `\u{..}`.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Like [`visible`] but keeps line breaks, for multi-line text such as notes.
pub fn visible_multiline(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        c => out.push(c),
    }
}

/// The text cut to at most `max` characters, ending in `…` when cut, so
/// nothing downstream (wrapping, drawing, Graphviz) ever works on megabytes.
pub fn shorten(s: &str, max: usize) -> Cow<'_, str> {
    if s.len() <= max {
        // No more characters than bytes.
        return Cow::Borrowed(s);
    }
    match s.char_indices().nth(max.saturating_sub(1)) {
        Some((end, _)) if s[end..].chars().nth(1).is_some() => {
            Cow::Owned(format!("{}…", &s[..end]))
        }
        _ => Cow::Borrowed(s),
    }
}

/// How many characters of a path a message quotes.
pub const PATH_CHARS: usize = 200;

/// A path as a message quotes it: made visible, and past [`PATH_CHARS`]
/// characters its middle cut out (`…`), so the start and the file name stay.
pub fn shown_path(path: &std::path::Path) -> String {
    let text = path.display().to_string();
    let text = visible(&text);
    let count = text.chars().count();
    if count <= PATH_CHARS {
        return text.into_owned();
    }
    let half = PATH_CHARS / 2;
    let head: String = text.chars().take(half).collect();
    let tail: String = text.chars().skip(count - half).collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi() {
        assert_eq!(visible("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(visible("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(visible("l1\nl2"), "l1\\nl2");
        assert_eq!(visible_multiline("l1\nl2\u{7}"), "l1\nl2\\u{7}");
        assert!(matches!(visible("plain é"), Cow::Borrowed(_)));
        assert_eq!(visible("\u{fffe}"), "\\u{fffe}");
    }

    #[test]
    fn shorten_cuts_with_a_marker() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abcd", 4), "abcd");
        assert_eq!(shorten("éééé", 3), "éé…");
        assert_eq!(shorten("", 3), "");
        let long = format!("/a/{}/graph.ron", "x".repeat(1_000));
        let shown = shown_path(std::path::Path::new(&long));
        assert_eq!(shown.chars().count(), PATH_CHARS + 1);
        assert!(shown.starts_with("/a/xx") && shown.ends_with("x/graph.ron"));
        assert_eq!(shown_path(std::path::Path::new("/a/b\n")), "/a/b\\n");
    }
}
