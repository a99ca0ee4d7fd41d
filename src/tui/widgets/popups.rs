//! Windows drawn over the screen: the help (from the key table, the
//! current scope first, filtered by what is typed), a filter list, and the
//! export prompt.
//!
//! ```text
//! ┌ Keys · type to filter: dep▌ ──────────── Esc closes ┐
//! │Local-graph view                                     │
//! │  + =          depth 2                               │
//! │  -            depth 1                               │
//! └──────────────────────────────────── ↓ 4 more (↓) ───┘
//! ```

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{DIM, FOCUSED_BORDER, SELECTED, cut, fit, input_line};
use crate::text::visible;
use crate::tui::app::{App, Overlay, PickWhat, Picker};
use crate::tui::input::Input;
use crate::tui::keymap::{Scope, help_rows};
use crate::tui::screen::{Region, ScreenMap};

/// A rectangle of at most `w` x `h` in the middle of `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(w.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

/// Draws the open overlay, if any.
pub fn render(app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    match &app.overlay {
        Some(Overlay::Help {
            first,
            filter,
            list,
        }) => help(frame, area, *first, filter, list.offset, map),
        Some(Overlay::Picker(p)) => picker(frame, area, p, map),
        Some(Overlay::Export { input, overwrite }) => {
            export_prompt(app, frame, area, input, *overwrite)
        }
        None => {}
    }
}

/// The popup of a filter list.
fn picker_popup(area: Rect, p: &Picker) -> Rect {
    let longest = p.items.iter().map(|(_, l, _)| l.chars().count()).max();
    let w = (longest.unwrap_or(0) as u16).saturating_add(14).max(30);
    centered(area, w, (p.items.len() as u16).saturating_add(2))
}

/// Where a filter list's rows go.
pub fn picker_area(area: Rect, p: &Picker) -> Rect {
    Block::bordered().inner(picker_popup(area, p))
}

fn picker(frame: &mut Frame, area: Rect, p: &Picker, map: &mut ScreenMap) {
    let what = match p.what {
        PickWhat::Kind => " Show only hits of kind ",
        PickWhat::Relation => " Show only neighbours by ",
    };
    let popup = picker_popup(area, p);
    frame.render_widget(Clear, popup);
    let block = Block::bordered().title(what).border_style(FOCUSED_BORDER);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let height = inner.height as usize;
    let offset = p.list.shown_offset(height);
    let width = inner.width as usize;
    let longest = width.saturating_sub(9);
    let lines: Vec<Line> = (p.items.iter().enumerate().skip(offset).take(height))
        .map(|(i, (_, label, n))| {
            let label = cut(&visible(label), longest);
            let line = Line::raw(cut(&format!(" {label:<longest$} {n:>6}"), width));
            if i == p.list.sel {
                line.style(SELECTED)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    map.list(Region::Picker, inner, offset);
}

fn export_prompt(app: &App, frame: &mut Frame, area: Rect, input: &Input, overwrite: bool) {
    // Wide enough for a long path on a wide screen.
    let popup = centered(area, (area.width * 3 / 5).clamp(72, 120), 5);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(format!(
            " Export the neighbourhood (depth {}) to ",
            app.filters.depth
        ))
        .border_style(FOCUSED_BORDER);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let width = inner.width as usize;
    let note = if overwrite {
        "the file exists: Enter replaces it, Esc cancels"
    } else {
        ".dot .gv .mmd .json .graphml .ttl .nt; Enter writes, Esc cancels"
    };
    let lines = vec![
        input_line(input, true, None, inner.width),
        Line::default(),
        Line::styled(cut(note, width), DIM),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The help's popup on a screen: from the top down to the line of key
/// hints, 100 columns wide in the middle, or the whole width when that
/// would leave less than two columns either side (its borders then lie on
/// the panes' own, never beside them).
pub fn help_popup(area: Rect) -> Rect {
    let width = if area.width >= 104 { 100 } else { area.width };
    Rect {
        x: area.x + (area.width - width) / 2,
        width,
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// The help's text area on a screen, and how many lines it has there.
pub fn help_layout(area: Rect, first: Scope, filter: &str) -> (Rect, usize) {
    let inner = Block::bordered().inner(help_popup(area));
    (inner, help_lines(first, filter, inner.width as usize).len())
}

/// The help's lines: the scope it was opened from first, then the others,
/// then the mouse; only rows containing `filter` when one is typed.
pub fn help_lines(first: Scope, filter: &str, width: usize) -> Vec<Line<'static>> {
    let filter = filter.to_lowercase();
    let keep = |keys: &str, what: &str| {
        filter.is_empty()
            || keys.to_lowercase().contains(&filter)
            || what.to_lowercase().contains(&filter)
    };
    let keys_w = (width * 2 / 5).clamp(8, 28);
    let row = |keys: &str, what: &str| {
        fit(
            vec![
                Span::styled(
                    format!("  {:<keys_w$} ", cut(keys, keys_w)),
                    Style::new().fg(Color::Yellow),
                ),
                Span::raw(what.to_string()),
            ],
            width,
        )
    };
    let heading = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
    let order = std::iter::once(first).chain(Scope::ALL.into_iter().filter(|s| *s != first));
    let mut lines: Vec<Line<'static>> = Vec::new();
    for scope in order {
        let rows: Vec<(String, &str)> = help_rows(scope)
            .into_iter()
            .filter(|(k, w)| keep(k, w))
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(scope.title(), heading));
        lines.extend(rows.iter().map(|(k, w)| row(k, w)));
    }
    let mouse = [
        ("click", "select"),
        ("double-click", "open"),
        ("wheel", "scroll"),
    ];
    let mouse: Vec<_> = mouse.iter().filter(|(k, w)| keep(k, w)).collect();
    if !mouse.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Mouse", heading));
        lines.extend(mouse.iter().map(|(k, w)| row(k, w)));
    }
    if filter.is_empty() {
        lines.push(Line::default());
        for note in [
            "Ctrl-i is the same key as Tab in most terminals, so Tab",
            "cycles panes and L goes forward in the jump list too.",
        ] {
            lines.push(Line::styled(cut(note, width), DIM));
        }
    }
    lines
}

/// The help overlay.
fn help(
    frame: &mut Frame,
    area: Rect,
    first: Scope,
    filter: &Input,
    scroll: usize,
    map: &mut ScreenMap,
) {
    let popup = help_popup(area);
    frame.render_widget(Clear, popup);
    let inner = Block::bordered().inner(popup);
    let width = inner.width as usize;
    let lines = help_lines(first, filter.text(), width);
    let height = inner.height as usize;
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let mut title = vec![Span::raw(" Keys · type to filter: ")];
    title.extend(input_line(filter, true, None, 24).spans);
    let mut block = Block::bordered()
        .title(Line::from(title))
        .title(Line::from(" Esc closes ").right_aligned())
        .border_style(FOCUSED_BORDER);
    let below = lines.len().saturating_sub(scroll + height);
    if below > 0 {
        block = block.title_bottom(Line::from(format!(" ↓ {below} more (↓) ")).right_aligned());
    }
    frame.render_widget(block, popup);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    if shown.is_empty() {
        let msg = Line::styled(
            cut("no key matches; Backspace edits the filter", width),
            DIM,
        );
        frame.render_widget(Paragraph::new(msg), inner);
    } else {
        frame.render_widget(Paragraph::new(shown), inner);
    }
    map.area(Region::Help, popup);
}
