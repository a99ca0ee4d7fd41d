//! Colour for text output, on only when asked for (see `--color`).

use crossterm::style::{Attribute, Color, Stylize};
use ratatui::backend::IntoCrossterm;

use crate::text::visible;

/// Styles text with ANSI colours when enabled, and always makes it safe to
/// show (control characters from the graph become visible escapes).
#[derive(Debug, Clone, Copy, Default)]
pub struct Paint {
    /// Whether to emit colour.
    pub on: bool,
    /// The width to wrap long text at; `None` leaves lines whole.
    pub width: Option<usize>,
}

/// The narrowest width text is wrapped at.
const MIN_WIDTH: usize = 20;

/// The width to wrap text output at: `COLUMNS` when set to a number, else
/// the terminal's width when stdout is one; else none (piped output is not
/// wrapped, so scripts and grep see whole lines).
pub fn wrap_width(is_terminal: bool) -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok());
    let width = columns.or_else(|| {
        is_terminal
            .then(|| crossterm::terminal::size().ok())
            .flatten()
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w > 0)
    })?;
    Some(width.max(MIN_WIDTH))
}

/// Text cut into lines of at most `width` columns after `indent` spaces,
/// breaking at spaces (a word longer than a line is cut); with no width,
/// the text's own lines, indented.
pub fn wrap(text: &str, indent: usize, width: Option<usize>) -> Vec<String> {
    let pad = " ".repeat(indent);
    let Some(width) = width.map(|w| w.saturating_sub(indent).max(MIN_WIDTH / 2)) else {
        return text.lines().map(|l| format!("{pad}{l}")).collect();
    };
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let mut word = word.to_string();
            let mut w = unicode_width::UnicodeWidthStr::width(word.as_str());
            if used > 0 && used + 1 + w > width {
                lines.push(format!("{pad}{}", std::mem::take(&mut line)));
                used = 0;
            }
            while w > width {
                let (head, rest) = split_at_width(&word, width);
                lines.push(format!("{pad}{head}"));
                word = rest.to_string();
                w = unicode_width::UnicodeWidthStr::width(word.as_str());
            }
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(&word);
            used += w;
        }
        lines.push(format!("{pad}{line}"));
    }
    lines
}

/// The longest head of `s` at most `width` columns wide (at least one
/// character), and the rest.
fn split_at_width(s: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width && i > 0 {
            return s.split_at(i);
        }
    }
    (s, "")
}

/// A terminal colour for a kind's colour name (`cyan`, `light-blue`, `#rrggbb`).
pub fn term_color(name: &str) -> Option<Color> {
    crate::color::color_of(name).map(IntoCrossterm::into_crossterm)
}

impl Paint {
    /// Paint with colour on or off and text wrapped at `width`, if any.
    pub fn new(on: bool, width: Option<usize>) -> Paint {
        Paint { on, width }
    }

    /// Plain text, made safe.
    pub fn plain(self, s: &str) -> String {
        visible(s).into_owned()
    }

    /// Bold text.
    pub fn bold(self, s: &str) -> String {
        let s = visible(s);
        if self.on {
            s.bold().to_string()
        } else {
            s.into_owned()
        }
    }

    /// Dimmed text, for ids and secondary details.
    pub fn dim(self, s: &str) -> String {
        let s = visible(s);
        if self.on {
            s.dim().to_string()
        } else {
            s.into_owned()
        }
    }

    /// Text in a kind's colour.
    pub fn colored(self, s: &str, color: &str) -> String {
        let s = visible(s);
        match term_color(color).filter(|_| self.on) {
            Some(c) => s.with(c).to_string(),
            None => s.into_owned(),
        }
    }

    /// A label with the characters at `positions` (character indices) emphasised.
    pub fn highlight(self, label: &str, positions: &[usize]) -> String {
        if !self.on || positions.is_empty() {
            return self.plain(label);
        }
        let mut out = String::new();
        for (i, c) in label.chars().enumerate() {
            let shown = visible(c.encode_utf8(&mut [0; 4])).into_owned();
            if positions.binary_search(&i).is_ok() {
                out.push_str(
                    &shown
                        .with(Color::Yellow)
                        .attribute(Attribute::Bold)
                        .to_string(),
                );
            } else {
                out.push_str(&shown);
            }
        }
        out
    }
}

/// Pads text shown in a terminal to a display width (counting wide characters twice).
pub fn pad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width_and_cuts_long_words() {
        assert_eq!(
            wrap("one two three four five six", 2, Some(22)),
            ["  one two three four", "  five six"]
        );
        assert_eq!(wrap("a\nb", 2, None), ["  a", "  b"]);
        let long = "x".repeat(25);
        assert_eq!(wrap(&long, 0, Some(20)), ["x".repeat(20), "x".repeat(5)]);
        for line in wrap(&"日本語 ".repeat(20), 2, Some(30)) {
            assert!(
                unicode_width::UnicodeWidthStr::width(line.as_str()) <= 30,
                "{line}"
            );
        }
    }
}
