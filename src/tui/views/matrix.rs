//! The table view: one kind against another by a relation (the focused
//! node's kind against the selected neighbour's, by its relation), a mark
//! where an edge links the two. It scrolls both ways with the row labels and
//! the column labels frozen; Enter opens the node under the cursor (the
//! row's in the label column, else the column's).

mod draw;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Next, View};
use crate::graph::NodeIndex;
use crate::graph::matrix::Matrix;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane, Row};
use crate::tui::keymap::Scope;
use crate::tui::list::keep_visible;
use crate::tui::screen::ScreenMap;

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
        let grid = draw::grid_area(area);
        let (rw, cw) = draw::widths(self, app, grid.width as usize);
        self.room = (
            grid.height.saturating_sub(1) as usize,
            ((grid.width as usize).saturating_sub(rw + 1) / (cw + 1)).max(1),
        );
        // Keep the cursor in view, and scroll back when a larger area has room.
        let (rows, cols) = (self.matrix.rows.len(), self.matrix.cols.len());
        let first_row = self.offset.0.min(rows.saturating_sub(self.room.0));
        let first_col = self.offset.1.min(cols.saturating_sub(self.room.1));
        self.offset.0 = keep_visible(first_row, self.row, self.room.0);
        self.offset.1 = keep_visible(first_col, self.col.unwrap_or(0), self.room.1);
    }

    fn render(&self, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
        draw::render(self, app, frame, area, map);
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
