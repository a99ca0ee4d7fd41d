//! Drawing the local-graph view as a layered diagram: the focus in the left
//! layer, the nodes one step away in the next, those two steps away in the
//! third. Each edge carries its relation and its direction (`─accepts─→`
//! from the node on the left, `←hosts──` into it), the relation written
//! once for a run of siblings; each node carries its kind's colour and
//! letter, and a legend names them. One node per cell of a fixed column, so
//! labels never overlap; the diagram scrolls when it is taller than the
//! screen, the focus staying in its corner. Only the links the view already
//! holds are drawn: a frame never walks the graph.
//!
//! ```text
//! ┌ Local graph · depth 2 (+/-) · 9 nodes ───────────────────────────┐
//! │[XGBoost] ─┬─accepts──→ F CSV ─────┬─←accepts── A Linear Learner  │
//! │           │                       └─←──────── A K-NN             │
//! │           ├─────────→ F LibSVM                                   │
//! │           └─solves───→ T Classification                          │
//! │ A Algorithm  F Format  T Task                                    │
//! └ XGBoost —accepts→ CSV ───────────────────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use super::GraphView;
use crate::graph::query::Dir;
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::screen::{Region, ScreenMap};
use crate::tui::widgets::kinds::Looks;
use crate::tui::widgets::{FOCUSED_BORDER, arrow, cut, fit, scroll_marks};

/// The style of edges: the terminal's own colour, dimmed, which reads on
/// dark and light backgrounds alike.
const EDGE: Style = Style::new().add_modifier(Modifier::DIM);
/// The style of the edge into the selected node.
const HOT: Style = Style::new().add_modifier(Modifier::BOLD);

/// The widths of the diagram's columns: the focus's, then for each layer
/// its connector (3 cells), its relation and its node labels.
struct Columns {
    focus: usize,
    rel: Vec<usize>,
    node: Vec<usize>,
}

impl Columns {
    /// The x of layer `layer`'s connector (layer >= 1), from the left.
    fn start(&self, layer: usize) -> usize {
        let mut x = self.focus;
        for l in 1..layer {
            x += 3 + self.rel[l - 1] + self.node[l - 1];
        }
        x
    }
}

/// How many rows of the diagram fit in a body of `area` (the legend below
/// it takes one row, two when it does not fit in one and there is room).
pub fn diagram_height(view: &GraphView, app: &App, area: Rect) -> usize {
    let inner = Block::bordered().inner(area);
    let legend = legend_rows(view, app, inner);
    inner.height.saturating_sub(legend.len() as u16) as usize
}

/// Draws the view over the whole body.
pub fn render(view: &GraphView, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let shown = view.nodes.len();
    let depth = app.filters.depth;
    let mut title = format!(" Local graph · depth {depth} (+/-) · {shown} nodes ");
    if view.total > shown {
        title = format!(
            " Local graph · depth {depth} (+/-) · {shown} of {} nodes ",
            view.total
        );
    }
    if let Some(rel) = &app.filters.rel {
        title.push_str(&format!("· rel: {} ", visible(app.graph.rel_label(rel))));
    }
    let block = Block::bordered()
        .title(title)
        .title_bottom(info_line(view, app))
        .border_style(FOCUSED_BORDER);
    let inner = block.inner(area);
    let legend = legend_rows(view, app, inner);
    let height = (inner.height as usize).saturating_sub(legend.len());
    let block = scroll_marks(block, view.top, view.row_count(), height);
    frame.render_widget(block, area);
    if inner.width < 4 || height == 0 {
        return;
    }
    let looks = Looks::shared(&app.graph);
    let cols = columns(view, app, inner.width as usize);
    let buf = frame.buffer_mut();
    let diagram = Rect {
        height: height as u16,
        ..inner
    };
    for (i, _) in view.nodes.iter().enumerate() {
        draw_node(view, app, &looks, &cols, buf, diagram, i, map);
    }
    connectors(view, &cols, buf, diagram);
    for (k, line) in legend.into_iter().enumerate() {
        let y = inner.y + (height + k) as u16;
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

/// The columns' widths for a diagram `width` cells wide.
fn columns(view: &GraphView, app: &App, width: usize) -> Columns {
    let layers = view.nodes.iter().map(|n| n.1).max().unwrap_or(0);
    let widest = |layer: usize, f: &dyn Fn(usize) -> usize| {
        (view.nodes.iter().enumerate())
            .filter(|(_, n)| n.1 == layer)
            .map(|(i, _)| f(i))
            .max()
            .unwrap_or(0)
    };
    let label_w = |i: usize| app.graph.display_name(view.nodes[i].0).width() + 3;
    let focus_cap = (width / if layers > 1 { 6 } else { 5 }).max(8);
    let focus = widest(0, &label_w).min(focus_cap);
    let rel_cap = (width / if layers > 1 { 6 } else { 3 }).clamp(6, 26);
    let rel: Vec<usize> = (1..=layers)
        .map(|l| {
            let w = widest(l, &|i| match view.nodes[i].2 {
                Some((_, link)) => visible(rel_text(app, link.edge)).width() + 3,
                None => 0,
            });
            w.min(rel_cap)
        })
        .collect();
    let mut room = width.saturating_sub(focus + rel.iter().map(|r| r + 3).sum::<usize>());
    let mut node = Vec::new();
    for l in 1..=layers {
        let share = room / (layers - l + 1);
        let w = if l == layers {
            room
        } else {
            widest(l, &label_w).min(share)
        };
        node.push(w);
        room -= w;
    }
    Columns { focus, rel, node }
}

/// The label an edge's relation is read by from its `from` end.
fn rel_text(app: &App, edge: crate::graph::EdgeIndex) -> &str {
    app.graph.rel_label(&app.graph.edge(edge).rel)
}

/// Draws one node's label and the edge into it, on its row if shown.
#[allow(clippy::too_many_arguments)]
fn draw_node(
    view: &GraphView,
    app: &App,
    looks: &Looks,
    cols: &Columns,
    buf: &mut Buffer,
    area: Rect,
    i: usize,
    map: &mut ScreenMap,
) {
    let (ix, layer, via) = view.nodes[i];
    let row = view.rows[i];
    // The focus stays in the top-left corner while the diagram scrolls.
    let row = if layer == 0 { view.top } else { row };
    if row < view.top || row >= view.top + area.height as usize {
        return;
    }
    let y = area.y + (row - view.top) as u16;
    let selected = i == view.list.sel;
    let node = app.graph.node(ix);
    let mut style = Style::new().fg(looks.color(&node.kind));
    if selected {
        style = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
    }
    let name = visible(&app.graph.display_name(ix)).into_owned();
    let (x, room, text) = if layer == 0 {
        let text = format!("[{}]", cut(&name, cols.focus.saturating_sub(3)));
        (0, cols.focus, text)
    } else {
        let x = cols.start(layer) + 3;
        let rel_w = cols.rel[layer - 1];
        if let Some((_, link)) = via {
            let same = i > 0 && same_run(view, app, i);
            let text = edge_text(app, link.edge, link.dir, rel_w, same);
            let edge_style = if selected { HOT } else { EDGE };
            put(buf, area, x, y, &text, rel_w, edge_style);
        }
        let room = cols.node[layer - 1];
        let mark = looks.mark(&node.kind);
        let text = format!("{mark} {}", cut(&name, room.saturating_sub(3)));
        (x + rel_w, room, text)
    };
    if layer == 0 {
        style = style.add_modifier(Modifier::BOLD);
    }
    let w = put(buf, area, x, y, &text, room.saturating_sub(1), style);
    if w > 0 {
        let cell = Rect::new(area.x + x as u16, y, w as u16, 1);
        map.item(Region::View, cell, i);
    }
}

/// Whether node `i` hangs off the same node by the same relation and
/// direction as the node drawn just above it in its column.
fn same_run(view: &GraphView, app: &App, i: usize) -> bool {
    let (_, layer, via) = view.nodes[i];
    let prev = view.nodes[..i].iter().rev().find(|n| n.1 <= layer);
    match (via, prev) {
        (Some((p, a)), Some(&(_, l, Some((q, b))))) => {
            l == layer
                && p == q
                && a.dir == b.dir
                && app.graph.edge(a.edge).rel == app.graph.edge(b.edge).rel
        }
        _ => false,
    }
}

/// An edge's cell, `width` wide, after its connector: `accepts──→ `,
/// `←hosts───── ` or `similar──── `; only the line and head when `repeat`
/// (same relation as the row above).
fn edge_text(
    app: &App,
    edge: crate::graph::EdgeIndex,
    dir: Dir,
    width: usize,
    repeat: bool,
) -> String {
    let symmetric = app.graph.is_symmetric(&app.graph.edge(edge).rel);
    let label = if repeat {
        String::new()
    } else {
        cut(&visible(rel_text(app, edge)), width.saturating_sub(3))
    };
    let body = width.saturating_sub(1);
    // The connector before it already draws the line's start.
    let (head, tail) = match (symmetric, dir) {
        (true, _) => ("", "─"),
        (false, Dir::Out) => ("", "→"),
        (false, Dir::In) => ("←", "─"),
    };
    let fill = body.saturating_sub(label.width() + head.width() + 1);
    format!("{head}{label}{}{tail} ", "─".repeat(fill))
}

/// The connectors between a node and the nodes reached through it: `─┬─`
/// on the parent's row, `├─` and `└─` on its children's rows, `│` between.
fn connectors(view: &GraphView, cols: &Columns, buf: &mut Buffer, area: Rect) {
    for (p, &(parent, layer, _)) in view.nodes.iter().enumerate() {
        let kids: Vec<usize> = (p + 1..view.nodes.len())
            .take_while(|&k| view.nodes[k].1 > layer)
            .filter(|&k| view.nodes[k].1 == layer + 1)
            .filter(|&k| view.nodes[k].2.is_some_and(|(q, _)| q == parent))
            .collect();
        let (Some(&first), Some(&last)) = (kids.first(), kids.last()) else {
            continue;
        };
        let x = cols.start(layer + 1);
        // The focus is drawn on the first row shown.
        let own_row = if layer == 0 { view.top } else { view.rows[p] };
        let (first, last) = (view.rows[first], view.rows[last]);
        let hot_row = kids
            .iter()
            .find(|&&k| k == view.list.sel)
            .map(|&k| view.rows[k]);
        let shown = view.top..view.top + area.height as usize;
        for row in first.min(own_row).max(view.top)..=last.min(shown.end.saturating_sub(1)) {
            let here = kids.iter().any(|&k| view.rows[k] == row);
            let (above, below) = (row > first.min(own_row), row < last);
            let glyph = if row == own_row {
                match (above, below, here) {
                    (false, false, _) => "───",
                    (false, true, true) => "─┬─",
                    (true, true, true) => "─┼─",
                    (true, false, true) => "─┴─",
                    (false, true, false) => "─┐ ",
                    (true, true, false) => "─┤ ",
                    (true, false, false) => "─┘ ",
                }
            } else if here {
                if below { " ├─" } else { " └─" }
            } else {
                " │ "
            };
            let y = area.y + (row - view.top) as u16;
            let style = if hot_row == Some(row) { HOT } else { EDGE };
            put(buf, area, x, y, glyph, 3, style);
        }
    }
}

/// Writes text at column `x` of `area`'s row `y`, at most `width` cells
/// and never past the area; returns the cells written.
fn put(
    buf: &mut Buffer,
    area: Rect,
    x: usize,
    y: u16,
    text: &str,
    width: usize,
    s: Style,
) -> usize {
    let room = (area.width as usize).saturating_sub(x).min(width);
    if room == 0 {
        return 0;
    }
    let text = cut(text, room);
    buf.set_stringn(area.x + x as u16, y, &text, room, s);
    text.width().min(room)
}

/// The legend: each kind drawn, its letter in its colour, then its name;
/// on two rows when one cannot hold it and the body has room.
fn legend_rows(view: &GraphView, app: &App, inner: Rect) -> Vec<Line<'static>> {
    let looks = Looks::shared(&app.graph);
    let mut kinds: Vec<&str> = Vec::new();
    for &(ix, ..) in &view.nodes {
        let kind = app.graph.node(ix).kind.as_str();
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    if kinds.is_empty() || inner.height < 4 {
        return Vec::new();
    }
    let width = inner.width as usize;
    let items: Vec<Vec<Span<'static>>> = kinds
        .iter()
        .map(|k| {
            let style = Style::new().fg(looks.color(k)).add_modifier(Modifier::BOLD);
            vec![
                Span::styled(looks.mark(k).to_string(), style),
                Span::styled(
                    format!(" {}  ", visible(app.graph.kind_label(k))),
                    Style::new(),
                ),
            ]
        })
        .collect();
    let mut rows: Vec<Vec<Span<'static>>> = vec![vec![Span::raw(" ")]];
    let mut used = 1;
    let two = inner.height >= 12;
    for item in items {
        let w: usize = item.iter().map(|s| s.content.width()).sum();
        if used + w > width && two && rows.len() < 2 {
            rows.push(vec![Span::raw(" ")]);
            used = 1;
        }
        used += w;
        rows.last_mut().expect("a row").extend(item);
    }
    rows.into_iter().map(|r| fit(r, width)).collect()
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
