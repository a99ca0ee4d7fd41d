//! What the view draws, one module per part of the screen, and the small
//! helpers they share: kind colours, badges, cutting and wrapping text with
//! a marker where it is cut, and highlighted labels.

pub mod hits;
pub mod kinds;
pub mod neighbours;
pub mod node;
pub mod popups;
pub mod status;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::graph::query::Dir;
use crate::graph::{EdgeIndex, Graph};
use crate::text::visible;
use crate::tui::input::Input;

/// The style of the selected row in the focused pane.
pub const SELECTED: Style = Style::new()
    .bg(Color::DarkGray)
    .add_modifier(Modifier::BOLD);
/// The style of matched characters in a hit.
pub const MATCHED: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
/// The style of secondary text.
pub const DIM: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::DIM);
/// The border of the focused pane.
pub const FOCUSED_BORDER: Style = Style::new().fg(Color::Cyan);

pub use crate::color::color_of;

/// Marks on a list's border for the rows scrolled out of sight: `↑ N` at the
/// top for those above, `↓ N more` at the bottom for those below.
pub fn scroll_marks<'a>(
    mut block: Block<'a>,
    offset: usize,
    total: usize,
    height: usize,
) -> Block<'a> {
    let below = total.saturating_sub(offset + height);
    if below > 0 {
        block = block.title_bottom(Line::from(format!(" ↓ {below} more ")).right_aligned());
    }
    if offset > 0 {
        block = block.title(Line::from(format!(" ↑ {offset} ")).right_aligned());
    }
    block
}

/// The colour of a kind in a graph: its own hue unless an earlier kind has
/// it (see [`kinds`]); the terminal's own colour for an undeclared kind.
pub fn kind_color(graph: &Graph, kind: &str) -> Color {
    kinds::Looks::shared(graph).color(kind)
}

/// A four-letter badge for a kind (`Alg`, `Mode`, `Hyp`), in the kind's colour.
pub fn badge(graph: &Graph, kind: &str) -> Span<'static> {
    badge_fit(graph, kind, 0)
}

/// A badge for a kind in a pane `pane_width` cells wide: the kind's name of
/// up to ten letters from 48 cells on, else its four-letter form; padded so
/// the names after it line up.
pub fn badge_fit(graph: &Graph, kind: &str, pane_width: usize) -> Span<'static> {
    let looks = kinds::Looks::shared(graph);
    let width = if pane_width >= 48 {
        looks.word_width().max(4)
    } else {
        4
    };
    let name = looks.name(kind, width);
    Span::styled(
        format!("{name:<width$}"),
        Style::new().fg(looks.color(kind)),
    )
}

/// Text cut to a display width, ending in `…` when cut.
pub fn cut(s: &str, width: usize) -> String {
    // Only the start of a long text can show: measure no more than that.
    let s = &*crate::text::shorten(s, width.saturating_mul(4).saturating_add(16));
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// A line of spans cut to a display width, ending in `…` when cut.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return Line::from(spans);
    }
    let mut out = Vec::new();
    let mut room = width.saturating_sub(1);
    for s in spans {
        let w = s.content.width();
        if w <= room {
            room -= w;
            out.push(s);
            continue;
        }
        let part = cut(&s.content, room + 1);
        let part = part.trim_end_matches('…').to_string();
        out.push(Span::styled(part, s.style));
        break;
    }
    if width > 0 {
        out.push(Span::styled("…", DIM));
    }
    Line::from(out)
}

/// Text wrapped at spaces to a display width; a word longer than the width
/// is broken. Line breaks in the text are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for word in para.split(' ') {
            let ww = word.width();
            if w > 0 && w + 1 + ww > width {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            if w > 0 {
                line.push(' ');
                w += 1;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if w + cw > width && w > 0 {
                    out.push(std::mem::take(&mut line));
                    w = 0;
                }
                line.push(c);
                w += cw;
            }
        }
        out.push(line);
    }
    out
}

/// A label with the characters at `positions` (character indices) in the
/// match style, every character made safe to show.
pub fn highlighted(label: &str, positions: &[usize], base: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in label.chars().enumerate() {
        let hit = positions.binary_search(&i).is_ok();
        if hit != run_hit && !run.is_empty() {
            let style = if run_hit { base.patch(MATCHED) } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hit = hit;
        run.push_str(&visible(c.encode_utf8(&mut [0; 4])));
    }
    if !run.is_empty() {
        let style = if run_hit { base.patch(MATCHED) } else { base };
        spans.push(Span::styled(run, style));
    }
    spans
}

/// An edge read from the node it was reached from: `—accepts→`,
/// `←accepted by—`, or `—similar to—` for a symmetric relation.
pub fn arrow(graph: &Graph, edge: EdgeIndex, dir: Dir) -> String {
    let rel_id = &graph.edge(edge).rel;
    let rel = visible(graph.rel_label(rel_id)).into_owned();
    match (graph.is_symmetric(rel_id), dir) {
        (true, _) => format!("—{rel}—"),
        (false, Dir::Out) => format!("—{rel}→"),
        (false, Dir::In) => format!("←{rel}—"),
    }
}

/// A text input on one line of `width` cells: the text around the cursor
/// (the cursor drawn when `focused`), the whole text reversed when selected,
/// or a dim hint when it is empty.
pub fn input_line(input: &Input, focused: bool, hint: Option<&str>, width: u16) -> Line<'static> {
    let width = width as usize;
    let text = input.text();
    if text.is_empty() && !focused {
        return Line::styled(cut(hint.unwrap_or(""), width), DIM);
    }
    let before = visible(&text[..input.cursor()]).into_owned();
    let after = visible(&text[input.cursor()..]).into_owned();
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let base = if input.selected {
        reversed
    } else {
        Style::new()
    };
    if !focused {
        return Line::styled(cut(&format!("{before}{after}"), width), base);
    }
    let before = tail(&before, width.saturating_sub(1).min(width * 3 / 4 + 1));
    let room = width.saturating_sub(before.width() + 1);
    let mut chars = after.chars();
    let under = chars.next().map_or(" ".to_string(), |c| c.to_string());
    let rest: String = chars.collect();
    let mut spans = vec![
        Span::styled(before, base),
        Span::styled(under, reversed),
        Span::styled(cut(&rest, room), base),
    ];
    if text.is_empty()
        && let Some(h) = hint
    {
        spans.push(Span::styled(cut(h, room), DIM));
    }
    Line::from(spans)
}

/// The end of a text that fits a display width, with `…` in front when cut.
pub fn tail(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.reverse();
    format!("…{}", out.into_iter().collect::<String>())
}
