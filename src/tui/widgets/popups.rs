//! Windows drawn over the screen: the help (from the key table), a filter
//! list, and the export prompt.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{DIM, FOCUSED_BORDER, SELECTED, cut, fit};
use crate::text::visible;
use crate::tui::app::{App, ListArea, Overlay, PickWhat, keep_visible};
use crate::tui::keymap::{Scope, help_rows};

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
pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    match app.overlay.clone() {
        Some(Overlay::Help { scroll }) => help(app, frame, area, scroll),
        Some(Overlay::Picker(p)) => {
            let what = match p.what {
                PickWhat::Kind => " Show only hits of kind ",
                PickWhat::Relation => " Show only neighbours by ",
            };
            let rows: Vec<(String, String)> = p
                .items
                .iter()
                .map(|(_, label, n)| (visible(label).into_owned(), n.to_string()))
                .collect();
            let longest = rows
                .iter()
                .map(|(l, _)| l.chars().count())
                .max()
                .unwrap_or(0);
            let w = (longest as u16 + 14).max(what.len() as u16 + 4);
            let popup = centered(area, w, rows.len() as u16 + 2);
            frame.render_widget(Clear, popup);
            let block = Block::bordered().title(what).border_style(FOCUSED_BORDER);
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            let height = inner.height as usize;
            let offset = keep_visible(0, p.selected, height);
            let width = inner.width as usize;
            let lines: Vec<Line> = rows
                .iter()
                .enumerate()
                .skip(offset)
                .take(height)
                .map(|(i, (label, n))| {
                    let text = format!("{label:<longest$}  {n:>5}");
                    let line = Line::raw(cut(&format!(" {text}"), width));
                    if i == p.selected {
                        line.style(SELECTED)
                    } else {
                        line
                    }
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), inner);
            app.screen.picker = Some(ListArea {
                area: inner,
                offset,
            });
        }
        Some(Overlay::Export { input }) => {
            let popup = centered(area, 64, 5);
            frame.render_widget(Clear, popup);
            let block = Block::bordered()
                .title(format!(
                    " Export the neighbourhood (depth {}) as DOT to ",
                    app.depth
                ))
                .border_style(FOCUSED_BORDER);
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            let width = inner.width as usize;
            let shown = visible(&input).into_owned();
            let lines = vec![
                fit(
                    vec![
                        Span::raw(shown),
                        Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
                    ],
                    width,
                ),
                Line::default(),
                Line::styled(cut("Enter writes it (atomically), Esc cancels", width), DIM),
            ];
            frame.render_widget(Paragraph::new(lines), inner);
        }
        None => {}
    }
}

/// The help overlay: every scope's keys, from the key table.
fn help(app: &mut App, frame: &mut Frame, area: Rect, scroll: usize) {
    let w = area.width.saturating_sub(4).min(72);
    let h = area.height.saturating_sub(2);
    let popup = centered(area, w, h);
    frame.render_widget(Clear, popup);
    let mut block = Block::bordered()
        .title(" Keys ")
        .title(Line::from(" Esc closes ").right_aligned())
        .border_style(FOCUSED_BORDER);
    let inner = block.inner(popup);
    let width = inner.width as usize;
    let keys_w = (width * 9 / 20).clamp(8, 24);
    let mut lines: Vec<Line> = Vec::new();
    for scope in Scope::ALL {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(
            scope.title(),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ));
        for (keys, what) in help_rows(scope) {
            lines.push(fit(
                vec![
                    Span::styled(
                        format!("  {:<keys_w$} ", cut(&keys, keys_w)),
                        Style::new().fg(Color::Yellow),
                    ),
                    Span::raw(what),
                ],
                width,
            ));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Mouse",
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    ));
    for (what, does) in [
        ("click", "select"),
        ("double-click", "open"),
        ("wheel", "scroll"),
    ] {
        lines.push(fit(
            vec![
                Span::styled(
                    format!("  {what:<keys_w$} "),
                    Style::new().fg(Color::Yellow),
                ),
                Span::raw(does),
            ],
            width,
        ));
    }
    lines.push(Line::default());
    for note in [
        "Ctrl-i is the same key as Tab in most terminals, so Tab",
        "cycles panes and L goes forward in the jump list too.",
    ] {
        lines.push(Line::styled(cut(note, width), DIM));
    }
    let height = inner.height as usize;
    let max = lines.len().saturating_sub(height);
    let scroll = scroll.min(max);
    if let Some(Overlay::Help { scroll: s }) = &mut app.overlay {
        *s = scroll;
    }
    app.screen.page = height.max(1);
    let below = lines.len().saturating_sub(scroll + height);
    if below > 0 {
        block = block.title_bottom(Line::from(format!(" ↓ {below} more (j) ")).right_aligned());
    }
    frame.render_widget(block, popup);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
