//! The local-graph view: the focused node and its neighbourhood (depth 1
//! or 2) drawn as a diagram; one node is selected, Enter recentres on it.

mod draw;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Next, View, is_move};
use crate::graph::NodeIndex;
use crate::graph::query::{Link, Walk};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::list::List;
use crate::tui::screen::ScreenMap;

/// The most nodes the view draws.
pub const MAX_GRAPH_NODES: usize = 48;

/// A node of the view: the node, its depth, and the node and link it was
/// reached by (None for the focus).
pub type Placed = (NodeIndex, usize, Option<(NodeIndex, Link)>);

/// The local-graph view's state.
#[derive(Debug, Clone)]
pub struct GraphView {
    /// The nodes drawn, the focus first.
    pub nodes: Vec<Placed>,
    /// How many nodes the neighbourhood had before the view's cap.
    pub total: usize,
    /// The selected node (index in `nodes`).
    pub list: List,
}

impl GraphView {
    /// The view of the focused node's neighbourhood.
    pub fn new(app: &App) -> GraphView {
        let mut view = GraphView {
            nodes: Vec::new(),
            total: 0,
            list: List::default(),
        };
        view.refresh(app);
        view
    }

    /// The selected node.
    pub fn selected(&self) -> Option<NodeIndex> {
        self.nodes.get(self.list.sel).map(|n| n.0)
    }
}

impl View for GraphView {
    fn scope(&self) -> Scope {
        Scope::Graph
    }

    fn update(&mut self, app: &mut App, action: Action) -> Next {
        match action {
            a if is_move(a) => {
                self.list.apply(a, |_| true);
            }
            Action::Open => {
                if let Some(ix) = self.selected() {
                    app.open(ix);
                    self.list = List::default();
                    self.refresh(app);
                }
            }
            Action::Back | Action::Forward => {
                if action == Action::Back {
                    app.go_back();
                } else {
                    app.go_forward();
                }
                self.list = List::default();
                self.refresh(app);
            }
            Action::DepthMore | Action::DepthLess => {
                app.filters.depth = if action == Action::DepthMore { 2 } else { 1 };
                self.list = List::default();
                self.refresh(app);
                app.say(format!("depth {}", app.filters.depth));
            }
            Action::FilterRelation => {
                app.toggle_rel_filter();
                self.refresh(app);
            }
            Action::Export => app.ask_export_path(),
            Action::LeaveView => return Next::Leave,
            Action::ToggleHelp => app.open_help(self.scope()),
            other => app.does_nothing_here(other),
        }
        Next::Stay
    }

    fn fit(&mut self, _app: &App, area: Rect) {
        self.list.fit(area.height.saturating_sub(2) as usize);
    }

    fn render(&self, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
        draw::render(self, app, frame, area, map);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        &[
            (Action::MoveDown, "select"),
            (Action::Open, "open"),
            (Action::Back, "back"),
            (Action::DepthMore, "depth 2"),
            (Action::DepthLess, "depth 1"),
            (Action::FilterRelation, "relation"),
            (Action::Export, "export"),
            (Action::LeaveView, "leave"),
        ]
    }

    fn pick(&mut self, app: &mut App, row: usize, open: bool) -> Next {
        if row < self.nodes.len() {
            self.list.select(row);
            if open {
                return self.update(app, Action::Open);
            }
        }
        Next::Stay
    }

    fn refresh(&mut self, app: &App) {
        let Some(focus) = app.focus else {
            self.nodes.clear();
            self.total = 0;
            self.list.set_len(0);
            return;
        };
        let rels: Vec<String> = app.filters.rel.iter().cloned().collect();
        let mut nodes = app
            .graph
            .neighbourhood(focus, app.filters.depth, &rels, Walk::Both);
        self.total = nodes.len();
        nodes.truncate(MAX_GRAPH_NODES);
        self.nodes = nodes;
        self.list.set_len(self.nodes.len());
    }

    fn reloaded(&mut self, app: &App, _map: &dyn Fn(NodeIndex) -> Option<NodeIndex>) {
        self.refresh(app);
    }
}
