//! The middle pane: the focused node's label, kind, aliases, summary,
//! notes (wrapped and scrollable), props and sources.
//!
//! ```text
//! ┌ Node ───────────────────────── ↑ 2 ┐
//! │ XGBoost                            │
//! │ Algorithm · xgboost                │
//! │ also: eXtreme Gradient Boosting    │
//! │ Gradient-boosted trees ...         │
//! └──────────────────── ↓ 12 more lines┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{DIM, FOCUSED_BORDER, cut, kind_color, wrap};
use crate::text::{shorten, visible, visible_multiline};

/// The most characters of one field the pane shows.
const SHOWN_CHARS: usize = 20_000;
use crate::tui::app::{App, Pane};
use crate::tui::screen::{Region, ScreenMap};

/// The text area of the pane, and how many lines the focused node takes there.
pub fn text_area(app: &App, area: Rect) -> (Rect, usize) {
    let inner = Block::bordered().inner(area);
    (inner, node_lines(app, inner.width as usize).len())
}

/// Draws the focused node.
pub fn render(app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let focused = app.main.pane == Pane::Node && !app.main.typing;
    let previewing = app.shown_node() != app.focus;
    let title = if previewing {
        " Preview (Enter opens) "
    } else {
        " Node "
    };
    let mut block = Block::bordered().title(title);
    if focused {
        block = block.border_style(FOCUSED_BORDER);
    }
    let inner = block.inner(area);
    map.area(Region::Node, area);
    let width = inner.width as usize;
    let lines = node_lines(app, width);
    let height = inner.height as usize;
    let scroll = app
        .main
        .node_scroll
        .offset
        .min(lines.len().saturating_sub(height));
    let below = lines.len().saturating_sub(scroll + height);
    if scroll > 0 {
        block = block.title(Line::from(format!(" ↑ {scroll} ")).right_aligned());
    }
    if below > 0 {
        block = block.title_bottom(
            Line::from(format!(
                " ↓ {below} more line{} ",
                if below == 1 { "" } else { "s" }
            ))
            .right_aligned(),
        );
    }
    frame.render_widget(block, area);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The node's text, wrapped to a width.
fn node_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let Some(ix) = app.shown_node() else {
        let note = match app.first_loading() {
            true => "the graph is loading",
            false => "the graph has no nodes",
        };
        return vec![Line::styled(cut(note, width), DIM)];
    };
    let graph = &app.graph;
    let node = graph.node(ix);
    let color = kind_color(graph, &node.kind);
    let mut out: Vec<Line<'static>> = Vec::new();
    // Long text is cut before it is wrapped, so a frame never wraps megabytes.
    let para = |out: &mut Vec<Line<'static>>, text: &str, style: Style| {
        for l in wrap(&shorten(text, SHOWN_CHARS), width) {
            out.push(Line::styled(l, style));
        }
    };
    para(
        &mut out,
        &visible(&node.label),
        Style::new().fg(color).add_modifier(Modifier::BOLD),
    );
    para(
        &mut out,
        &format!(
            "{} · {}",
            visible(graph.kind_label(&node.kind)),
            visible(&node.id)
        ),
        Style::new().fg(color),
    );
    if !node.aliases.is_empty() {
        let aliases: Vec<String> = node
            .aliases
            .iter()
            .map(|a| visible(a).into_owned())
            .collect();
        para(&mut out, &format!("also: {}", aliases.join(", ")), DIM);
    }
    if !node.summary.is_empty() {
        out.push(Line::default());
        para(&mut out, &visible_multiline(&node.summary), Style::new());
    }
    let heading = Style::new().add_modifier(Modifier::BOLD);
    if !node.notes.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Notes", heading));
        para(&mut out, &visible_multiline(&node.notes), Style::new());
    }
    if !node.props.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Props", heading));
        for (k, v) in &node.props {
            let text = format!("{}: {}", visible(k), visible(v));
            for l in wrap(&text, width.saturating_sub(2)) {
                out.push(Line::from(vec![Span::raw("  "), Span::raw(l)]));
            }
        }
    }
    if !node.sources.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("Sources", heading));
        let sources: Vec<String> = node
            .sources
            .iter()
            .map(|s| visible(s).into_owned())
            .collect();
        para(&mut out, &sources.join(" · "), DIM);
    }
    out
}
