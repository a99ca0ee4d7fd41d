//! The table view: one kind against another by a relation (the focused
//! node's kind against the selected neighbour's, by its relation), a mark
//! where an edge links the two. It scrolls both ways with the row labels and
//! the column labels frozen; Enter opens the node under the cursor (the
//! row's in the label column, else the column's).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Next, View};
use crate::graph::NodeIndex;
use crate::graph::matrix::Matrix;
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane, Row};
use crate::tui::keymap::Scope;
use crate::tui::list::keep_visible;
use crate::tui::screen::{Region, ScreenMap};
use crate::tui::widgets::{DIM, FOCUSED_BORDER, SELECTED, cut};

/// The widest a row label is drawn.
const ROW_LABEL: usize = 24;
/// The widest a column is drawn (its label cut to fit).
const COL_WIDTH: usize = 12;

/// The table view's state.
#[derive(Debug, Clone)]
pub struct MatrixView {
    /// The table.
    pub matrix: Matrix,
    /// The relation's id.
    pub rel: String,
    /// The kind of the rows and of the columns.
    pub kinds: (String, String),
    /// The cursor's row.
    pub row: usize,
    /// The cursor's column; `None` on the row labels.
    pub col: Option<usize>,
    /// The first row and column shown.
    pub offset: (usize, usize),
    /// How many rows and columns fit.
    pub room: (usize, usize),
}

impl MatrixView {
    /// The table of `rows` against `cols` by `rel`, the cursor on `at` (a row's node).
    pub fn new(app: &App, rows: &str, cols: &str, rel: &str, at: Option<NodeIndex>) -> MatrixView {
        let matrix = app.graph.matrix(rows, cols, rel, false);
        let row = at
            .and_then(|n| matrix.rows.iter().position(|&r| r == n))
            .unwrap_or(0);
        MatrixView {
            matrix,
            rel: rel.to_string(),
            kinds: (rows.to_string(), cols.to_string()),
            row,
            col: None,
            offset: (0, 0),
            room: (1, 1),
        }
    }

    /// The node under the cursor: the row's on the labels, else the column's.
    pub fn selected(&self) -> Option<NodeIndex> {
        match self.col {
            None => self.matrix.rows.get(self.row).copied(),
            Some(c) => self.matrix.cols.get(c).copied(),
        }
    }

    fn widths(&self, app: &App) -> (usize, usize) {
        let width = |ix: &NodeIndex| {
            unicode_width::UnicodeWidthStr::width(app.graph.node(*ix).label.as_str())
        };
        let rw = self
            .matrix
            .rows
            .iter()
            .map(width)
            .max()
            .unwrap_or(0)
            .clamp(4, ROW_LABEL);
        let cw = self
            .matrix
            .cols
            .iter()
            .map(width)
            .max()
            .unwrap_or(0)
            .clamp(1, COL_WIDTH);
        (rw, cw)
    }

    fn step(&mut self, action: Action) {
        let (rows, cols) = (self.matrix.rows.len(), self.matrix.cols.len());
        let page = self.room.0.max(1);
        let last = rows.saturating_sub(1);
        match action {
            Action::MoveDown => self.row = (self.row + 1).min(last),
            Action::MoveUp => self.row = self.row.saturating_sub(1),
            Action::PageDown => self.row = (self.row + page).min(last),
            Action::PageUp => self.row = self.row.saturating_sub(page),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = last,
            Action::CursorRight if cols > 0 => {
                self.col = Some(self.col.map_or(0, |c| (c + 1).min(cols - 1)))
            }
            Action::CursorLeft => self.col = self.col.and_then(|c| c.checked_sub(1)),
            _ => {}
        }
    }
}

impl App {
    /// Opens the table of the selected neighbour's relation: the focused
    /// node's kind against the neighbour's.
    pub(crate) fn open_matrix(&mut self) {
        let (Some(focus), Some(Row::Node { node, edge })) =
            (self.focus, self.main.selected_row().cloned())
        else {
            self.complain(
                "select a neighbour: t tables its relation, this node's kind against its kind",
            );
            return;
        };
        let rel = self.graph.edge(edge).rel.clone();
        let rows = self.graph.node(focus).kind.clone();
        let cols = self.graph.node(node).kind.clone();
        let view = MatrixView::new(self, &rows, &cols, &rel, Some(focus));
        self.open_view(Mode::Matrix(Box::new(view)));
    }
}

impl View for MatrixView {
    fn scope(&self) -> Scope {
        Scope::Matrix
    }

    fn update(&mut self, app: &mut App, action: Action) -> Next {
        match action {
            Action::Open => match self.selected() {
                Some(ix) => {
                    app.open(ix);
                    app.main.typing = false;
                    app.main.pane = Pane::Neighbours;
                    return Next::Leave;
                }
                None => app.complain("the table is empty"),
            },
            Action::LeaveView => return Next::Leave,
            Action::ToggleHelp => app.open_help(self.scope()),
            a @ (Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom
            | Action::CursorLeft
            | Action::CursorRight) => self.step(a),
            other => app.does_nothing_here(other),
        }
        Next::Stay
    }

    fn fit(&mut self, app: &App, area: Rect) {
        let (rw, cw) = self.widths(app);
        let grid = grid_area(area);
        self.room = (
            grid.height.saturating_sub(1) as usize,
            ((grid.width as usize).saturating_sub(rw + 1) / (cw + 1)).max(1),
        );
        self.offset.0 = keep_visible(self.offset.0, self.row, self.room.0);
        self.offset.1 = keep_visible(self.offset.1, self.col.unwrap_or(0), self.room.1);
    }

    /// ```text
    /// ┌ Table: Algorithm × Format by accepts ───────┐
    /// │                  RecordIO-p… CSV        LibSVM│  frozen column labels
    /// │ k-NN             ✓           ✓          ·     │
    /// │ XGBoost          ✓          [✓]         ✓     │
    /// └──────────────────────────────────────── ↓ 3 ─┘
    ///  XGBoost × CSV: the edge's note
    /// ```
    fn render(&self, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
        let [boxed, foot] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        let g = &app.graph;
        let title = format!(
            " Table: {} × {} by {} ({} × {}) ",
            g.kind_label(&self.kinds.0),
            g.kind_label(&self.kinds.1),
            g.rel_label(&self.rel),
            self.matrix.rows.len(),
            self.matrix.cols.len()
        );
        let block = Block::bordered()
            .title(cut(&visible(&title), boxed.width as usize))
            .border_style(FOCUSED_BORDER);
        let inner = block.inner(boxed);
        frame.render_widget(block, boxed);
        let (rw, cw) = self.widths(app);
        let label = |ix: NodeIndex, w: usize| {
            let s = cut(&visible(&g.node(ix).label), w);
            format!(
                "{s}{}",
                " ".repeat(w.saturating_sub(unicode_width::UnicodeWidthStr::width(s.as_str())))
            )
        };
        let cols: Vec<usize> = (self.offset.1..self.matrix.cols.len())
            .take(self.room.1)
            .collect();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let mut head = vec![Span::raw(" ".repeat(rw + 1))];
        for &c in &cols {
            let style = if self.col == Some(c) { SELECTED } else { bold };
            head.push(Span::styled(label(self.matrix.cols[c], cw), style));
            head.push(Span::raw(" "));
        }
        let mut lines = vec![Line::from(head)];
        for r in (self.offset.0..self.matrix.rows.len()).take(self.room.0) {
            let on_row = r == self.row;
            let style = if on_row && self.col.is_none() {
                SELECTED
            } else if on_row {
                bold
            } else {
                Style::new()
            };
            let mut spans = vec![
                Span::styled(label(self.matrix.rows[r], rw), style),
                Span::raw(" "),
            ];
            for &c in &cols {
                let mark = if self.matrix.cell(r, c).is_some() {
                    "✓"
                } else {
                    "·"
                };
                let text = format!("{mark}{}", " ".repeat(cw.saturating_sub(1)));
                let style = if on_row && self.col == Some(c) {
                    SELECTED
                } else if mark == "·" {
                    DIM
                } else {
                    Style::new()
                };
                spans.push(Span::styled(text, style));
                spans.push(Span::raw(" "));
            }
            lines.push(Line::from(spans));
        }
        if self.matrix.rows.is_empty() {
            lines.push(Line::styled(
                " no edge of this relation links these kinds",
                DIM,
            ));
        }
        frame.render_widget(Paragraph::new(lines), inner);
        let grid = grid_area(area);
        let body = Rect {
            y: grid.y + 1.min(grid.height),
            height: grid.height.saturating_sub(1),
            ..grid
        };
        map.list(Region::View, body, self.offset.0);
        frame.render_widget(
            Paragraph::new(Span::styled(self.footer(app, foot.width as usize), DIM)),
            foot,
        );
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        &[
            (Action::MoveDown, "rows"),
            (Action::CursorRight, "columns"),
            (Action::Open, "open"),
            (Action::LeaveView, "leave"),
        ]
    }

    fn pick(&mut self, app: &mut App, row: usize, open: bool) -> Next {
        if row < self.matrix.rows.len() {
            self.row = row;
            self.col = None;
            if open {
                return self.update(app, Action::Open);
            }
        }
        Next::Stay
    }

    fn reloaded(&mut self, app: &App, map: &dyn Fn(NodeIndex) -> Option<NodeIndex>) {
        let at = self.matrix.rows.get(self.row).copied().and_then(map);
        let (rows, cols) = self.kinds.clone();
        *self = MatrixView::new(app, &rows, &cols, &self.rel.clone(), at);
    }
}

impl MatrixView {
    /// The line under the table: the cell under the cursor and its note.
    fn footer(&self, app: &App, width: usize) -> String {
        let g = &app.graph;
        let Some(&r) = self.matrix.rows.get(self.row) else {
            return String::new();
        };
        let text = match self
            .col
            .and_then(|c| self.matrix.cols.get(c).map(|&n| (c, n)))
        {
            None => format!(
                " {}: Enter opens it, → moves along its row",
                g.node(r).label
            ),
            Some((c, n)) => match self.matrix.cell(self.row, c) {
                Some(cell) if !cell.note.is_empty() => {
                    format!(" {} × {}: {}", g.node(r).label, g.node(n).label, cell.note)
                }
                Some(_) => format!(" {} × {}: linked", g.node(r).label, g.node(n).label),
                None => format!(" {} × {}: not linked", g.node(r).label, g.node(n).label),
            },
        };
        cut(&visible(&text), width)
    }
}

/// Where the grid goes: inside the border, above the footer line.
fn grid_area(area: Rect) -> Rect {
    Block::bordered().inner(Rect {
        height: area.height.saturating_sub(1),
        ..area
    })
}
