//! The compare view: the marked node and the focused one side by side, a
//! heading per relation and direction, a row per neighbour either has (in
//! the column of the node that has it), then their props. Enter opens the
//! neighbour on the selected row.

mod draw;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Next, View, is_move};
use crate::graph::NodeIndex;
use crate::graph::query::Dir;
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::app::{App, Mode, Pane};
use crate::tui::keymap::Scope;
use crate::tui::list::List;
use crate::tui::screen::ScreenMap;

/// One row of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareRow {
    /// A relation read one way: "accepts →".
    Heading(String),
    /// A neighbour of the left node, the right one or both, with the notes.
    Item {
        /// The left node's neighbour, if it has it.
        left: Option<NodeIndex>,
        /// The right node's neighbour, if it has it.
        right: Option<NodeIndex>,
        /// The edges' notes, for the line under the view.
        note: String,
    },
    /// A prop with each side's value.
    Prop(String, String, String),
}

impl CompareRow {
    /// Whether the selection can rest on it: a neighbour or a prop.
    fn selectable(&self) -> bool {
        matches!(self, CompareRow::Item { .. } | CompareRow::Prop(..))
    }
}

/// The compare view's state.
#[derive(Debug, Clone)]
pub struct CompareView {
    /// The marked node.
    pub left: NodeIndex,
    /// The focused node.
    pub right: NodeIndex,
    /// The rows.
    pub rows: Vec<CompareRow>,
    /// The selection (on item rows only).
    pub list: List,
}

impl CompareView {
    /// The view of two nodes.
    pub fn new(app: &App, left: NodeIndex, right: NodeIndex) -> CompareView {
        let c = app.graph.compare(left, right);
        let mut rows = Vec::new();
        let name = |ix: NodeIndex| visible(&app.graph.node(ix).label).into_owned();
        let (ln, rn) = (name(left), name(right));
        let note = |a: &str, b: &str| match (a, b) {
            ("", "") => String::new(),
            (a, b) if a == b => a.to_string(),
            (a, "") => format!("{ln}: {a}"),
            ("", b) => format!("{rn}: {b}"),
            (a, b) => format!("{ln}: {a} · {rn}: {b}"),
        };
        for d in &c.relations {
            rows.push(CompareRow::Heading(match d.dir {
                Dir::Out => format!("{} →", d.label),
                Dir::In => format!("← {}", d.label),
            }));
            for s in &d.both {
                let (l, r) = (Some(s.left), Some(s.right));
                let note = note(&s.left_note, &s.right_note);
                rows.push(CompareRow::Item {
                    left: l,
                    right: r,
                    note,
                });
            }
            for s in &d.left_only {
                let item = CompareRow::Item {
                    left: Some(s.node),
                    right: None,
                    note: note(&s.note, ""),
                };
                rows.push(item);
            }
            for s in &d.right_only {
                let item = CompareRow::Item {
                    left: None,
                    right: Some(s.node),
                    note: note("", &s.note),
                };
                rows.push(item);
            }
        }
        if !c.props.is_empty() {
            rows.push(CompareRow::Heading("props".to_string()));
        }
        for p in c.props {
            let v = |x: Option<String>| x.unwrap_or_else(|| "·".to_string());
            rows.push(CompareRow::Prop(p.key, v(p.left), v(p.right)));
        }
        let mut list = List::new(rows.len());
        list.select_nearest(0, |i| rows[i].selectable());
        CompareView {
            left,
            right,
            rows,
            list,
        }
    }

    fn selectable(&self, i: usize) -> bool {
        self.rows.get(i).is_some_and(CompareRow::selectable)
    }

    fn open_selected(&mut self, app: &mut App) -> Next {
        let Some(CompareRow::Item { left, right, .. }) = self.rows.get(self.list.sel) else {
            app.complain("a prop is not a node: Enter opens the neighbours above");
            return Next::Stay;
        };
        let Some(ix) = left.or(*right) else {
            return Next::Stay;
        };
        app.open(ix);
        app.main.typing = false;
        app.main.pane = Pane::Neighbours;
        Next::Leave
    }
}

impl App {
    /// Marks the focused node to compare another with.
    pub(crate) fn mark_focus(&mut self) {
        let Some(ix) = self.focus else {
            self.complain("no node to mark");
            return;
        };
        self.mark = Some(ix);
        let label = visible(self.label(ix)).into_owned();
        self.say(format!(
            "marked {label}; open another node and press c to compare"
        ));
    }

    /// Opens the compare view of the marked node and the focused one.
    pub(crate) fn open_compare(&mut self) {
        match (self.mark, self.focus) {
            (Some(left), Some(right)) if left != right => {
                let view = CompareView::new(self, left, right);
                self.open_view(Mode::Compare(Box::new(view)));
            }
            (Some(_), Some(_)) => self.complain("open another node to compare with the marked one"),
            _ => self.complain("mark a node with m first, then open another and press c"),
        }
    }
}

impl View for CompareView {
    fn scope(&self) -> Scope {
        Scope::Compare
    }

    fn update(&mut self, app: &mut App, action: Action) -> Next {
        match action {
            a if is_move(a) => {
                let rows = &self.rows;
                self.list.apply(a, |i| rows[i].selectable());
            }
            Action::Open => return self.open_selected(app),
            Action::LeaveView => return Next::Leave,
            Action::ToggleHelp => app.open_help(self.scope()),
            other => app.does_nothing_here(other),
        }
        Next::Stay
    }

    fn fit(&mut self, _app: &App, area: Rect) {
        self.list.set_len(self.rows.len());
        self.list.fit(draw::list_area(area).height as usize);
    }

    fn render(&self, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
        draw::render(self, app, frame, area, map);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        &[
            (Action::MoveDown, "move"),
            (Action::Open, "open"),
            (Action::LeaveView, "leave"),
        ]
    }

    fn pick(&mut self, app: &mut App, row: usize, open: bool) -> Next {
        if self.selectable(row) {
            self.list.select(row);
            if open {
                return self.open_selected(app);
            }
        }
        Next::Stay
    }

    fn reloaded(&mut self, app: &App, map: &dyn Fn(NodeIndex) -> Option<NodeIndex>) {
        match (map(self.left), map(self.right)) {
            (Some(l), Some(r)) => *self = CompareView::new(app, l, r),
            _ => self.rows.clear(),
        }
    }
}
