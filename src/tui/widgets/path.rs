//! Path mode: the target being typed with its hits, then the shortest path
//! as a chain read the right way and one openable row per node.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{DIM, FOCUSED_BORDER, SELECTED, badge, cut, fit, highlighted, wrap};
use crate::graph::query::Dir;
use crate::text::visible;
use crate::tui::app::{App, ListArea, keep_visible};

/// Draws path mode over the whole body.
pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    let [input, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    let from = app
        .path
        .from
        .map(|f| visible(app.label(f)).into_owned())
        .unwrap_or_default();
    let block = Block::bordered()
        .title(format!(" Path from {from} to "))
        .border_style(if app.path.picking {
            FOCUSED_BORDER
        } else {
            Style::new()
        });
    let inner = block.inner(input);
    frame.render_widget(block, input);
    let mut spans = vec![Span::raw(visible(&app.path.query).into_owned())];
    if app.path.picking {
        spans.push(Span::styled(
            " ",
            Style::new().add_modifier(Modifier::REVERSED),
        ));
        if app.path.query.is_empty() {
            spans.push(Span::styled(" type a target, Enter finds the path", DIM));
        }
    }
    frame.render_widget(Paragraph::new(fit(spans, inner.width as usize)), inner);
    if app.path.picking {
        targets(app, frame, rest);
    } else {
        chain(app, frame, rest);
    }
}

fn targets(app: &mut App, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(format!(" Targets {} ", app.path.hits.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let height = inner.height as usize;
    let offset = keep_visible(0, app.path.hit_sel, height);
    let width = inner.width as usize;
    let lines: Vec<Line> = app
        .path
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, hit)| {
            let node = app.graph.node(hit.node);
            let sel = i == app.path.hit_sel;
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
    app.screen.path = Some(ListArea {
        area: inner,
        offset,
    });
    app.screen.page = height.max(1);
}

fn chain(app: &mut App, frame: &mut Frame, area: Rect) {
    let (Some(from), Some(target)) = (app.path.from, app.path.target) else {
        return;
    };
    let title = format!(
        " {} → {} ",
        visible(app.label(from)),
        visible(app.label(target))
    );
    let block = Block::bordered().title(title).border_style(FOCUSED_BORDER);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let Some(steps) = app.path.steps.clone() else {
        let msg = "no path links them; / picks another target, Esc leaves";
        frame.render_widget(Paragraph::new(Line::styled(cut(msg, width), DIM)), inner);
        app.screen.path = None;
        return;
    };
    let text = app.graph.path_text(from, &steps);
    let mut lines: Vec<Line> = wrap(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, Style::new().add_modifier(Modifier::BOLD)))
        .collect();
    lines.push(Line::default());
    let top = lines.len() as u16;
    let nodes = app.path_nodes();
    for (i, &ix) in nodes.iter().enumerate() {
        let sel = i == app.path.step_sel;
        let base = if sel { SELECTED } else { Style::new() };
        let node = app.graph.node(ix);
        let mut spans = vec![Span::styled(if sel { "› " } else { "  " }, base)];
        if i > 0 {
            let step = steps[i - 1];
            let rel_id = &app.graph.g[step.edge].rel;
            let rel = visible(app.graph.rel_label(rel_id)).into_owned();
            let arrow = match (app.graph.is_symmetric(rel_id), step.dir) {
                (true, _) => format!("—{rel}— "),
                (false, Dir::Out) => format!("—{rel}→ "),
                (false, Dir::In) => format!("←{rel}— "),
            };
            spans.push(Span::styled(arrow, base.patch(DIM)));
        }
        spans.push(badge(&app.graph, &node.kind).patch_style(base));
        spans.push(Span::styled(" ", base));
        spans.push(Span::styled(visible(&node.label).into_owned(), base));
        let line = fit(spans, width);
        lines.push(if sel { line.style(SELECTED) } else { line });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let rows = Rect {
        y: inner.y.saturating_add(top).min(inner.bottom()),
        height: inner.height.saturating_sub(top),
        ..inner
    };
    app.screen.path = Some(ListArea {
        area: rows,
        offset: 0,
    });
}
