//! The right pane: the focused node's neighbours grouped by relation and
//! direction ("accepts →", "← accepted by"), long groups folded.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{DIM, FOCUSED_BORDER, SELECTED, badge, cut, fit, scroll_marks};
use crate::graph::query::Dir;
use crate::text::visible;
use crate::tui::app::{App, ListArea, Mode, Pane, Row, keep_visible};

/// Draws the neighbour rows.
pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    let focused = app.pane == Pane::Neighbours && app.mode == Mode::Browse;
    let total: usize = app
        .rows
        .iter()
        .map(|r| match r {
            Row::Heading { count, .. } => *count,
            _ => 0,
        })
        .sum();
    let mut title = vec![Span::raw(format!(" Neighbours {total} "))];
    if let Some(rel) = &app.rel_filter {
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
    app.row_offset = keep_visible(app.row_offset, app.row_sel, height);
    // Keep a group's heading in sight when its first row is selected.
    if app.row_offset > 0 && app.row_offset == app.row_sel {
        let heading_above = matches!(app.rows.get(app.row_sel - 1), Some(Row::Heading { .. }));
        if heading_above && height > 1 {
            app.row_offset -= 1;
        }
    }
    block = scroll_marks(block, app.row_offset, app.rows.len(), height);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(app.row_offset)
        .take(height)
        .map(|(i, row)| row_line(app, row, i == app.row_sel, focused, width))
        .collect();
    if app.rows.is_empty() && height > 0 {
        let msg = match (&app.rel_filter, app.focus) {
            (Some(_), _) => "no neighbours by this relation; r clears the filter",
            (None, Some(_)) => "no neighbours",
            (None, None) => "",
        };
        frame.render_widget(Paragraph::new(Span::styled(cut(msg, width), DIM)), inner);
    }
    frame.render_widget(Paragraph::new(lines), inner);
    app.screen.neighbours = Some(ListArea {
        area: inner,
        offset: app.row_offset,
    });
    if focused {
        app.screen.page = height.max(1);
    }
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
                badge(&app.graph, &n.kind).patch_style(base),
                Span::styled(" ", base),
                Span::styled(visible(&n.label).into_owned(), base),
            ];
            let note = &app.graph.g[*edge].note;
            if !note.is_empty() {
                spans.push(Span::styled(format!("  {}", visible(note)), DIM));
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
