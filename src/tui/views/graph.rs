//! The local-graph view: the focused node and its neighbourhood (depth 1
//! or 2) drawn as a layered diagram, one layer per step from the focus, each
//! edge labelled with its relation; one node is selected, Enter recentres
//! on it.

mod draw;

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Next, View, is_move};
use crate::graph::NodeIndex;
use crate::graph::query::{Dir, Link, Walk};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::list::List;
use crate::tui::screen::ScreenMap;

/// The most nodes the view lists (it scrolls through them).
pub const MAX_GRAPH_NODES: usize = 400;

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
    /// The row of the diagram each node is drawn on (a node shares its
    /// parent's row when it is the parent's first child).
    pub rows: Vec<usize>,
    /// The first row of the diagram shown.
    pub top: usize,
    /// How many rows of the diagram the screen shows.
    pub height: usize,
}

impl GraphView {
    /// The view of the focused node's neighbourhood.
    pub fn new(app: &App) -> GraphView {
        let mut view = GraphView {
            nodes: Vec::new(),
            total: 0,
            list: List::default(),
            rows: Vec::new(),
            top: 0,
            height: 0,
        };
        view.refresh(app);
        view
    }

    /// The selected node.
    pub fn selected(&self) -> Option<NodeIndex> {
        self.nodes.get(self.list.sel).map(|n| n.0)
    }

    /// How many rows the diagram has.
    pub fn row_count(&self) -> usize {
        self.rows.last().map_or(0, |r| r + 1)
    }

    /// Scrolls so the selected node's row is shown.
    fn keep_selection_shown(&mut self) {
        let row = self.rows.get(self.list.sel).copied().unwrap_or(0);
        self.top = crate::tui::list::keep_visible(self.top, row, self.height);
        let last_top = self.row_count().saturating_sub(self.height.max(1));
        self.top = self.top.min(last_top);
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
                self.keep_selection_shown();
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

    fn fit(&mut self, app: &App, area: Rect) {
        self.height = draw::diagram_height(self, app, area);
        self.list.fit(self.height);
        self.keep_selection_shown();
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
            self.keep_selection_shown();
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
            self.rows.clear();
            self.list.set_len(0);
            return;
        };
        let rels: Vec<String> = app.filters.rel.iter().cloned().collect();
        let mut nodes = app
            .graph
            .neighbourhood(focus, app.filters.depth, &rels, Walk::Both);
        self.total = nodes.len();
        nodes.truncate(MAX_GRAPH_NODES);
        self.nodes = tree_order(app, nodes);
        self.rows = rows_of(&self.nodes);
        self.list.set_len(self.nodes.len());
        self.keep_selection_shown();
    }

    fn reloaded(&mut self, app: &App, _map: &dyn Fn(NodeIndex) -> Option<NodeIndex>) {
        self.refresh(app);
    }
}

/// The nodes in the order the diagram reads them: the focus, then each node
/// followed by the nodes reached through it; siblings by direction (out
/// first) and relation (in declaration order), so a relation's nodes are
/// drawn together under one label.
fn tree_order(app: &App, nodes: Vec<Placed>) -> Vec<Placed> {
    let order = |p: &Placed| {
        p.2.map(|(_, link)| {
            let rel = &app.graph.edge(link.edge).rel;
            let inward = link.dir == Dir::In && !app.graph.is_symmetric(rel);
            (inward, app.graph.relations.get_index_of(rel.as_str()))
        })
    };
    let mut children: HashMap<NodeIndex, Vec<usize>> = HashMap::new();
    for (i, p) in nodes.iter().enumerate() {
        if let Some((parent, _)) = p.2 {
            children.entry(parent).or_default().push(i);
        }
    }
    for list in children.values_mut() {
        list.sort_by_key(|&i| order(&nodes[i]));
    }
    let mut out = Vec::with_capacity(nodes.len());
    let mut stack: Vec<usize> = nodes
        .iter()
        .position(|p| p.2.is_none())
        .into_iter()
        .collect();
    while let Some(i) = stack.pop() {
        out.push(nodes[i]);
        if let Some(kids) = children.get(&nodes[i].0) {
            stack.extend(kids.iter().rev());
        }
    }
    out
}

/// The row of each node: a first child shares its parent's row, every
/// other node starts a row of its own.
fn rows_of(nodes: &[Placed]) -> Vec<usize> {
    let mut rows = Vec::with_capacity(nodes.len());
    let mut next = 0;
    for (i, p) in nodes.iter().enumerate() {
        let after_parent = i > 0 && p.2.is_some_and(|(parent, _)| nodes[i - 1].0 == parent);
        if after_parent {
            rows.push(rows[i - 1]);
        } else {
            rows.push(next);
            next += 1;
        }
    }
    rows
}
