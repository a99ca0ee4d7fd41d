//! Drawing the table view: the frozen column labels, the rows with their
//! marks, scroll marks both ways on the border, and the line under the table
//! that names the cell under the cursor and its note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::MatrixView;
use crate::graph::NodeIndex;
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::screen::{Region, ScreenMap};
use crate::tui::widgets::{DIM, FOCUSED_BORDER, SELECTED, cut, scroll_marks};

/// The widest a row label is drawn.
const ROW_LABEL: usize = 24;
/// The width a column keeps when the columns do not all fit (its label cut to fit).
const COL_WIDTH: usize = 12;
/// The widest a column is drawn when there is room to spare.
const COL_ROOMY: usize = 24;

/// The widths of the row labels and of each column for a grid `width` wide:
/// columns as wide as their labels when they all fit, else [`COL_WIDTH`].
pub(super) fn widths(view: &MatrixView, app: &App, width: usize) -> (usize, usize) {
    let label = |ix: &NodeIndex| UnicodeWidthStr::width(app.graph.node(*ix).label.as_str());
    let widest = |nodes: &[NodeIndex]| nodes.iter().map(label).max().unwrap_or(0);
    let rw = widest(&view.matrix.rows).clamp(4, ROW_LABEL);
    let natural = widest(&view.matrix.cols).clamp(1, COL_ROOMY);
    let share = width.saturating_sub(rw + 1) / view.matrix.cols.len().max(1);
    (rw, natural.min(COL_WIDTH.max(share.saturating_sub(1))))
}

/// Where the grid goes: inside the border, above the footer line.
pub(super) fn grid_area(area: Rect) -> Rect {
    Block::bordered().inner(Rect {
        height: area.height.saturating_sub(1),
        ..area
    })
}

/// ```text
/// ┌ Table: Algorithm × Format by accepts ───────┐
/// │                  RecordIO-p… CSV        LibSVM│  frozen column labels
/// │ k-NN             ✓           ✓          ·     │
/// │ XGBoost          ✓          [✓]         ✓     │
/// └ ← 2 · 3 more → ─────────────────── ↓ 3 more ─┘
///  XGBoost × CSV: the edge's note
/// ```
pub(super) fn render(
    v: &MatrixView,
    app: &App,
    frame: &mut Frame,
    area: Rect,
    map: &mut ScreenMap,
) {
    let [boxed, foot] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let grid = grid_area(area);
    let (rw, cw) = widths(v, app, grid.width as usize);
    let block = frame_block(v, app, boxed);
    let inner = block.inner(boxed);
    frame.render_widget(block, boxed);
    let cols: Vec<usize> = (v.offset.1..v.matrix.cols.len()).take(v.room.1).collect();
    let mut lines = vec![head(v, app, &cols, rw, cw)];
    for r in (v.offset.0..v.matrix.rows.len()).take(v.room.0) {
        lines.push(row(v, app, r, &cols, rw, cw));
    }
    if v.matrix.rows.is_empty() {
        lines.push(Line::styled(
            " no edge of this relation links these kinds",
            DIM,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let body = Rect {
        y: grid.y + 1.min(grid.height),
        height: grid.height.saturating_sub(1),
        ..grid
    };
    map.list(Region::View, body, v.offset.0);
    frame.render_widget(
        Paragraph::new(Span::styled(footer(v, app, foot.width as usize), DIM)),
        foot,
    );
}

/// The border, its title, and marks for the rows and columns out of view.
fn frame_block<'a>(v: &MatrixView, app: &App, boxed: Rect) -> Block<'a> {
    let g = &app.graph;
    let title = format!(
        " Table: {} × {} by {} ({} × {}) ",
        g.kind_label(&v.kinds.0),
        g.kind_label(&v.kinds.1),
        g.rel_label(&v.rel),
        v.matrix.rows.len(),
        v.matrix.cols.len()
    );
    let mut block = Block::bordered()
        .title(cut(&visible(&title), boxed.width as usize))
        .border_style(FOCUSED_BORDER);
    block = scroll_marks(block, v.offset.0, v.matrix.rows.len(), v.room.0);
    let left = v.offset.1;
    let right = v.matrix.cols.len().saturating_sub(v.offset.1 + v.room.1);
    let marks = match (left, right) {
        (0, 0) => None,
        (0, r) => Some(format!(" {r} more columns → ")),
        (l, 0) => Some(format!(" ← {l} columns ")),
        (l, r) => Some(format!(" ← {l} · {r} more → ")),
    };
    if let Some(m) = marks {
        block = block.title_bottom(Line::from(m).left_aligned());
    }
    block
}

/// A label cut or padded to `w` columns.
fn padded(app: &App, ix: NodeIndex, w: usize) -> String {
    let s = cut(&visible(&app.graph.node(ix).label), w);
    let pad = w.saturating_sub(UnicodeWidthStr::width(s.as_str()));
    format!("{s}{}", " ".repeat(pad))
}

/// The frozen line of column labels.
fn head<'a>(v: &MatrixView, app: &App, cols: &[usize], rw: usize, cw: usize) -> Line<'a> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut spans = vec![Span::raw(" ".repeat(rw + 1))];
    for &c in cols {
        let style = if v.col == Some(c) { SELECTED } else { bold };
        spans.push(Span::styled(padded(app, v.matrix.cols[c], cw), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// One row: its frozen label, then a mark or a dot per column in view.
fn row<'a>(v: &MatrixView, app: &App, r: usize, cols: &[usize], rw: usize, cw: usize) -> Line<'a> {
    let on_row = r == v.row;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let style = match (on_row, v.col) {
        (true, None) => SELECTED,
        (true, Some(_)) => bold,
        _ => Style::new(),
    };
    let mut spans = vec![
        Span::styled(padded(app, v.matrix.rows[r], rw), style),
        Span::raw(" "),
    ];
    for &c in cols {
        let linked = v.matrix.cell(r, c).is_some();
        let mark = if linked { "✓" } else { "·" };
        let text = format!("{mark}{}", " ".repeat(cw.saturating_sub(1)));
        let style = if on_row && v.col == Some(c) {
            SELECTED
        } else if linked {
            Style::new()
        } else {
            DIM
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// The line under the table: the cell under the cursor and its note.
fn footer(v: &MatrixView, app: &App, width: usize) -> String {
    let g = &app.graph;
    let Some(&r) = v.matrix.rows.get(v.row) else {
        return String::new();
    };
    let text = match v.col.and_then(|c| v.matrix.cols.get(c).map(|&n| (c, n))) {
        None => format!(
            " {}: Enter opens it, → moves along its row",
            g.node(r).label
        ),
        Some((c, n)) => {
            let pair = format!("{} × {}", g.node(r).label, g.node(n).label);
            match v.matrix.cell(v.row, c) {
                Some(cell) if !cell.note.is_empty() => format!(" {pair}: {}", cell.note),
                Some(_) => format!(" {pair}: linked"),
                None => format!(" {pair}: not linked"),
            }
        }
    };
    cut(&visible(&text), width)
}
