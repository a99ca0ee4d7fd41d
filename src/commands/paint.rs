//! Colour for text output, on only when asked for (see `--color`).

use crossterm::style::{Attribute, Color, Stylize};
use ratatui::backend::IntoCrossterm;

use crate::text::visible;

/// Styles text with ANSI colours when enabled, and always makes it safe to
/// show (control characters from the graph become visible escapes).
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    /// Whether to emit colour.
    pub on: bool,
}

/// A terminal colour for a kind's colour name (`cyan`, `light-blue`, `#rrggbb`).
pub fn term_color(name: &str) -> Option<Color> {
    crate::color::color_of(name).map(IntoCrossterm::into_crossterm)
}

impl Paint {
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
