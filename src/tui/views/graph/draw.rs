//! Drawing the local-graph view: the focused node in the middle, its
//! neighbours on a ring around it (and theirs on an outer ring at depth 2),
//! drawn with ratatui's Canvas: lines for edges, labels coloured by kind.
//!
//! ```text
//! ┌ Local graph · depth 1 (+/-) · 9 nodes ─────────────────┐
//! │            CSV          LibSVM                          │
//! │               ╲        ╱                                │
//! │   Parquet ──── [XGBoost] ──── Classification            │
//! │               ╱        ╲                                │
//! │        eta            max_depth                         │
//! └ XGBoost —accepts→ CSV ─────────────────────────────────┘
//! ```

use std::collections::HashMap;
use std::f64::consts::PI;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use ratatui::widgets::canvas::{Canvas, Line as Segment};
use unicode_width::UnicodeWidthStr;

use super::GraphView;
use crate::graph::NodeIndex;
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::screen::{Region, ScreenMap};
use crate::tui::widgets::{FOCUSED_BORDER, arrow, cut, fit, kind_color};

/// Where a node's label goes, in cells of the canvas.
struct Placed {
    index: usize,
    node: NodeIndex,
    col: u16,
    row: u16,
    text: String,
    centre: (f64, f64),
}

/// Draws the view over the whole body.
pub fn render(view: &GraphView, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let shown = view.nodes.len();
    let depth = app.filters.depth;
    let mut title = format!(" Local graph · depth {depth} (+/-) · {shown} nodes ");
    if view.total > shown {
        title = format!(
            " Local graph · depth {depth} (+/-) · {shown} of {} nodes shown ",
            view.total
        );
    }
    if let Some(rel) = &app.filters.rel {
        title.push_str(&format!("· rel: {} ", visible(app.graph.rel_label(rel))));
    }
    let inner = Block::bordered().inner(area);
    let placed = if inner.width < 3 || inner.height < 3 {
        Vec::new()
    } else {
        place(view, app, inner.width, inner.height)
    };
    let hidden = view.nodes.len() - placed.len();
    if hidden > 0 && !placed.is_empty() {
        title.push_str(&format!("· +{hidden} not drawn (j/k reach them) "));
    }
    let block = Block::bordered()
        .title(title)
        .title_bottom(info_line(view, app))
        .title_bottom(legend(view, app, area.width as usize / 2).right_aligned())
        .border_style(FOCUSED_BORDER);
    frame.render_widget(block, area);
    if placed.is_empty() {
        return;
    }
    let at: HashMap<NodeIndex, (f64, f64)> = placed.iter().map(|p| (p.node, p.centre)).collect();

    let selected = view.selected();
    let mut segments = Vec::new();
    let mut heads = Vec::new();
    let nodes: Vec<NodeIndex> = placed.iter().map(|p| p.node).collect();
    for (_, a, b, data) in app.graph.edges_among(&nodes) {
        if (app.filters.rel.as_ref()).is_some_and(|r| *r != data.rel) {
            continue;
        }
        if let (Some(&p), Some(&q)) = (at.get(&a), at.get(&b)) {
            let hot = selected.is_some_and(|s| s == a || s == b);
            let color = if hot { Color::Yellow } else { Color::DarkGray };
            segments.push((Segment::new(p.0, p.1, q.0, q.1, color), hot));
            if !app.graph.is_symmetric(&data.rel) {
                // The head sits most of the way along, before the target's label.
                let at = (p.0 + (q.0 - p.0) * 0.7, p.1 + (q.1 - p.1) * 0.7);
                heads.push((at, head(p, q), color, hot));
            }
        }
    }
    heads.sort_by_key(|h| h.3);
    // Lines touching the selection go last, so they are drawn on top.
    segments.sort_by_key(|(_, hot)| *hot);
    let h = f64::from(inner.height - 1);
    let mut labels: Vec<(f64, f64, Line<'static>)> = Vec::new();
    for p in &placed {
        let i = p.index;
        let node = app.graph.node(p.node);
        let mut style = Style::new().fg(kind_color(&app.graph, &node.kind));
        if Some(p.node) == app.focus {
            style = style.add_modifier(Modifier::BOLD);
        }
        if i == view.list.sel {
            style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        }
        labels.push((
            f64::from(p.col),
            h - f64::from(p.row),
            Line::from(Span::styled(p.text.clone(), style)),
        ));
        let label_area = Rect {
            x: inner.x + p.col,
            y: inner.y + p.row,
            width: (p.text.width() as u16).min(inner.width - p.col),
            height: 1,
        };
        map.item(Region::View, label_area, i);
    }
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, f64::from(inner.width - 1)])
        .y_bounds([0.0, h])
        .paint(move |ctx| {
            for (s, _) in &segments {
                ctx.draw(s);
            }
            ctx.layer();
            for ((x, y), glyph, color, _) in &heads {
                ctx.print(*x, *y, Span::styled(*glyph, Style::new().fg(*color)));
            }
            for (x, y, line) in &labels {
                ctx.print(*x, *y, line.clone());
            }
        });
    frame.render_widget(canvas, inner);
}

/// Each kind drawn, in its colour.
fn legend(view: &GraphView, app: &App, width: usize) -> Line<'static> {
    let mut kinds: Vec<&str> = Vec::new();
    for &(ix, ..) in &view.nodes {
        let kind = app.graph.node(ix).kind.as_str();
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for kind in kinds {
        let color = kind_color(&app.graph, kind);
        spans.push(Span::styled("■ ", Style::new().fg(color)));
        spans.push(Span::raw(format!(
            "{} ",
            visible(app.graph.kind_label(kind))
        )));
    }
    fit(spans, width)
}

/// The selected node and how it is linked, for the bottom of the frame.
fn info_line(view: &GraphView, app: &App) -> Line<'static> {
    let Some(&(ix, _, via)) = view.nodes.get(view.list.sel) else {
        return Line::default();
    };
    let label = visible(app.label(ix)).into_owned();
    let text = match via {
        None => format!(" {label} (focus) · j/k select "),
        Some((from, link)) => {
            let from = visible(app.label(from)).into_owned();
            format!(
                " {from} {} {label} ",
                arrow(&app.graph, link.edge, link.dir)
            )
        }
    };
    Line::from(text)
}

/// Places every node: the focus in the middle, depth 1 on an inner ring,
/// depth 2 on an outer ring near the node it was reached from.
fn place(view: &GraphView, app: &App, width: u16, height: u16) -> Vec<Placed> {
    let (w, h) = (f64::from(width - 1), f64::from(height - 1));
    let (cx, cy) = (w / 2.0, h / 2.0);
    let two = view.nodes.iter().any(|n| n.1 >= 2);
    let (r1x, r1y) = if two {
        (w * 0.24, h * 0.26)
    } else {
        (w * 0.38, h * 0.40)
    };
    let (r2x, r2y) = (w * 0.44, h * 0.46);
    let first: Vec<NodeIndex> = view
        .nodes
        .iter()
        .filter(|n| n.1 == 1)
        .map(|n| n.0)
        .collect();
    let n1 = first.len().max(1) as f64;
    let angle_of = |i: usize| -PI / 2.0 + 2.0 * PI * i as f64 / n1;
    let mut children: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for &(ix, d, via) in &view.nodes {
        if d == 2
            && let Some((parent, _)) = via
        {
            children.entry(parent).or_default().push(ix);
        }
    }
    let max_label = (width as usize / if two { 7 } else { 5 }).clamp(6, 24);
    let mut out = Vec::new();
    let mut taken: Vec<(u16, u16, u16)> = Vec::new();
    for (index, &(ix, d, via)) in view.nodes.iter().enumerate() {
        let (x, y) = match d {
            0 => (cx, cy),
            1 => {
                let i = first.iter().position(|&f| f == ix).unwrap_or(0);
                let a = angle_of(i);
                (cx + r1x * a.cos(), cy + r1y * a.sin())
            }
            _ => {
                let parent = via.map(|v| v.0);
                let i = parent
                    .and_then(|p| first.iter().position(|&f| f == p))
                    .unwrap_or(0);
                let siblings = parent.and_then(|p| children.get(&p));
                let m = siblings.map_or(1, Vec::len).max(1) as f64;
                let j = siblings
                    .and_then(|s| s.iter().position(|&c| c == ix))
                    .unwrap_or(0) as f64;
                let sector = 2.0 * PI / n1 * 0.8;
                let a = angle_of(i) - sector / 2.0 + sector * (j + 0.5) / m;
                (cx + r2x * a.cos(), cy + r2y * a.sin())
            }
        };
        let label = app.graph.display_name(ix);
        let text = if d == 0 {
            format!("[{}]", cut(&label, (max_label + 4).min(width as usize - 2)))
        } else {
            cut(&label, max_label.min(width as usize))
        };
        let tw = text.width() as f64;
        let col = (x - tw / 2.0).round().clamp(0.0, (w + 1.0 - tw).max(0.0)) as u16;
        // A label with no free place nearby is left out (the title counts
        // it), so labels never overlap or run together.
        let Some(row) = free_row(
            &taken,
            y.round().clamp(0.0, h) as u16,
            col,
            tw as u16,
            height,
        ) else {
            continue;
        };
        taken.push((row, col, col + tw as u16));
        out.push(Placed {
            index,
            node: ix,
            col,
            row,
            text,
            centre: (x, h - y),
        });
    }
    out
}

/// The row nearest `row` where a label from `col` to `col + len` overlaps
/// no label placed before (with a space between), if there is one.
fn free_row(taken: &[(u16, u16, u16)], row: u16, col: u16, len: u16, height: u16) -> Option<u16> {
    let clear = |r: u16| {
        taken
            .iter()
            .all(|&(tr, a, b)| tr != r || col > b || col + len < a)
    };
    for d in [0i32, -1, 1, -2, 2] {
        let r = i32::from(row) + d;
        if r >= 0 && r < i32::from(height) && clear(r as u16) {
            return Some(r as u16);
        }
    }
    None
}

/// An arrow head pointing from `p` towards `q` (canvas coordinates, y up).
fn head(p: (f64, f64), q: (f64, f64)) -> &'static str {
    let angle = (q.1 - p.1).atan2((q.0 - p.0) * 0.5).to_degrees();
    const HEADS: [&str; 8] = ["→", "↗", "↑", "↖", "←", "↙", "↓", "↘"];
    HEADS[(((angle + 360.0 + 22.5) % 360.0) / 45.0) as usize % 8]
}
