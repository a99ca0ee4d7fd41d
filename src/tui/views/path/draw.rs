//! Drawing path mode.
//!
//! ```text
//! ┌ Path from Sigmoid to ───────────────────────────┐
//! │ relu▌                                           │
//! └─────────────────────────────────────────────────┘
//! ┌ Targets 3 ──────────────────────────────────────┐   while picking
//! │› Conc ReLU                                      │
//! └─────────────────────────────────────────────────┘
//! ┌ Sigmoid → ReLU ─────────────────────────────────┐   once found
//! │ Sigmoid —causes→ Vanishing gradient ←mitigates— │
//! │ ReLU                                            │
//! │                                                 │
//! │› Conc Sigmoid                                   │
//! │  —causes→ Conc Vanishing gradient               │
//! └─────────────────────────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::PathView;
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::screen::{Region, ScreenMap};
use crate::tui::widgets::{
    DIM, FOCUSED_BORDER, SELECTED, arrow, badge, cut, fit, highlighted, input_line, wrap,
};

/// The area of the view's list, and how many rows it holds.
pub fn list_area(view: &PathView, app: &App, area: Rect) -> (Rect, usize) {
    let [_, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    let inner = Block::bordered().inner(rest);
    if view.picking {
        return (inner, view.hits.len());
    }
    (list_rows(view, app, inner), view.path_nodes().len())
}

fn chain_text(view: &PathView, app: &App, width: usize) -> Vec<String> {
    match &view.steps {
        Some(steps) => wrap(&app.graph.path_text(view.from, steps), width),
        None => Vec::new(),
    }
}

/// Draws path mode over the whole body.
pub fn render(view: &PathView, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let [input, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    let from = visible(app.label(view.from)).into_owned();
    let block = Block::bordered()
        .title(format!(" Path from {from} to "))
        .border_style(if view.picking {
            FOCUSED_BORDER
        } else {
            Style::new()
        });
    let inner = block.inner(input);
    frame.render_widget(block, input);
    let hint = (view.picking && view.query.text().is_empty())
        .then_some(" type a target, Enter finds the path");
    frame.render_widget(
        Paragraph::new(input_line(&view.query, view.picking, hint, inner.width)),
        inner,
    );
    if view.picking {
        targets(view, app, frame, rest, map);
    } else {
        chain(view, app, frame, rest, map);
    }
}

fn targets(view: &PathView, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let block = Block::bordered().title(format!(" Targets {} ", view.hits.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let offset = view.hit_list.shown_offset(height);
    let width = inner.width as usize;
    let lines: Vec<Line> = (view.hits.iter().enumerate().skip(offset).take(height))
        .map(|(i, hit)| {
            let node = app.graph.node(hit.node);
            let sel = i == view.hit_list.sel;
            let base = if sel { SELECTED } else { Style::new() };
            let mut spans = vec![
                Span::styled(if sel { "› " } else { "  " }, base),
                badge(&app.graph, &node.kind).patch_style(base),
                Span::styled(" ", base),
            ];
            spans.extend(highlighted(&node.label, &hit.positions, base));
            let line = fit(spans, width);
            if sel { line.style(SELECTED) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    map.list(Region::View, inner, offset);
}

fn chain(view: &PathView, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let Some(target) = view.target else {
        return;
    };
    let title = format!(
        " {} → {} ",
        visible(app.label(view.from)),
        visible(app.label(target))
    );
    let block = Block::bordered().title(title).border_style(FOCUSED_BORDER);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let Some(steps) = &view.steps else {
        let msg = "no path links them; / picks another target, Esc leaves";
        frame.render_widget(Paragraph::new(Line::styled(cut(msg, width), DIM)), inner);
        return;
    };
    let mut lines: Vec<Line> = chain_text(view, app, width)
        .into_iter()
        .map(|l| Line::styled(l, Style::new().add_modifier(Modifier::BOLD)))
        .collect();
    lines.push(Line::default());
    frame.render_widget(Paragraph::new(lines), inner);
    let rows = list_rows(view, app, inner);
    let height = rows.height as usize;
    let offset = view.step_list.shown_offset(height);
    let nodes = view.path_nodes();
    let lines: Vec<Line> = (nodes.iter().enumerate().skip(offset).take(height))
        .map(|(i, &ix)| {
            let sel = i == view.step_list.sel;
            let base = if sel { SELECTED } else { Style::new() };
            let node = app.graph.node(ix);
            let mut spans = vec![Span::styled(if sel { "› " } else { "  " }, base)];
            if i > 0 {
                let step = steps[i - 1];
                spans.push(Span::styled(
                    format!("{} ", arrow(&app.graph, step.edge, step.dir)),
                    base.patch(DIM),
                ));
            }
            spans.push(badge(&app.graph, &node.kind).patch_style(base));
            spans.push(Span::styled(" ", base));
            spans.push(Span::styled(app.graph.display_name(ix), base));
            let line = fit(spans, width);
            if sel { line.style(SELECTED) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
    map.list(Region::View, rows, offset);
}

/// The rows under the chain's text, inside the frame.
fn list_rows(view: &PathView, app: &App, inner: Rect) -> Rect {
    let top = chain_text(view, app, inner.width as usize).len() as u16 + 1;
    Rect {
        y: inner.y.saturating_add(top).min(inner.bottom()),
        height: inner.height.saturating_sub(top),
        ..inner
    }
}
