//! The right pane: the focused node's neighbours grouped by relation and
//! direction ("accepts →", "← accepted by"), long groups folded.
//!
//! ```text
//! ┌ Neighbours 14 ─ rel: accepts (r) ┐
//! │accepts → (4)                     │
//! │› Fmt  CSV                        │
//! │  Fmt  LibSVM                     │
//! │← used by (9)                     │
//! │  +4 more (Enter shows them)      │
//! └────────────────────── ↓ 3 more ──┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{DIM, FOCUSED_BORDER, SELECTED, badge_fit, cut, fit, scroll_marks};
use crate::graph::query::Dir;
use crate::text::visible;
use crate::tui::app::{App, Pane, Row};
use crate::tui::screen::{Region, ScreenMap};

/// Where the rows go in the pane's area.
pub fn list_area(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// Draws the neighbour rows.
pub fn render(app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let m = &app.main;
    let focused = m.pane == Pane::Neighbours && !m.typing;
    let total: usize = m
        .rows
        .iter()
        .map(|r| match r {
            Row::Heading { count, .. } => *count,
            _ => 0,
        })
        .sum();
    let mut title = vec![Span::raw(format!(" Neighbours {total} "))];
    if let Some(rel) = &app.filters.rel {
        title.push(Span::styled(
            format!(" rel: {} (r) ", visible(app.graph.rel_label(rel))),
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    let mut block = Block::bordered().title(Line::from(title));
    if focused {
        block = block.border_style(FOCUSED_BORDER);
    }
    let inner = block.inner(area);
    let height = inner.height as usize;
    let offset = m.row_list.shown_offset(height);
    block = scroll_marks(block, offset, m.rows.len(), height);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let lines: Vec<Line> = (m.rows.iter().enumerate().skip(offset).take(height))
        .map(|(i, row)| row_line(app, row, i == m.row_list.sel, focused, width))
        .collect();
    if m.rows.is_empty() && height > 0 {
        let msg = match (&app.filters.rel, app.focus) {
            (Some(_), _) => "no neighbours by this relation; r clears the filter",
            (None, Some(_)) => "no neighbours",
            (None, None) if app.first_loading() => "the graph is loading",
            (None, None) => "",
        };
        frame.render_widget(Paragraph::new(Span::styled(cut(msg, width), DIM)), inner);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    map.list(Region::Neighbours, inner, offset);
}

fn row_line(app: &App, row: &Row, selected: bool, focused: bool, width: usize) -> Line<'static> {
    let base = if selected && focused {
        SELECTED
    } else {
        Style::new()
    };
    let marker = Span::styled(if selected { "› " } else { "  " }, base);
    let line = match row {
        Row::Heading {
            dir,
            label,
            symmetric,
            count,
            ..
        } => {
            let label = visible(label);
            let text = match (symmetric, dir) {
                (true, _) => format!("↔ {label}"),
                (false, Dir::Out) => format!("{label} →"),
                (false, Dir::In) => format!("← {label}"),
            };
            let spans = vec![
                Span::styled(text, Style::new().add_modifier(Modifier::BOLD)),
                Span::styled(format!(" ({count})"), DIM),
            ];
            return fit(spans, width);
        }
        Row::Node { node, edge } => {
            let n = app.graph.node(*node);
            let mut spans = vec![
                marker,
                badge_fit(&app.graph, &n.kind, width).patch_style(base),
                Span::styled(" ", base),
                Span::styled(app.graph.display_name(*node), base),
            ];
            let data = app.graph.edge(*edge);
            for (k, v) in &data.props {
                spans.push(Span::styled("  ", base));
                spans.push(Span::styled(prop_badge(k, v), PROP));
            }
            if !data.note.is_empty() {
                spans.push(Span::styled(format!("  {}", visible(&data.note)), DIM));
            }
            fit(spans, width)
        }
        Row::More { hidden, .. } => fit(
            vec![
                marker,
                Span::styled(
                    format!("+{hidden} more (Enter shows them)"),
                    base.patch(DIM),
                ),
            ],
            width,
        ),
    };
    if selected && focused {
        line.style(SELECTED)
    } else {
        line
    }
}

/// The style of an edge's property badges.
const PROP: Style = Style::new()
    .fg(ratatui::style::Color::Black)
    .bg(ratatui::style::Color::Gray);

/// An edge property as a badge: `required` for `required: "true"`, else `key value`.
fn prop_badge(key: &str, value: &str) -> String {
    let (key, value) = (visible(key), visible(value));
    match value.as_ref() {
        "true" | "yes" => format!(" {key} "),
        _ => format!(" {key} {value} "),
    }
}
