//! The explorer's state ([`App`]) and the one place it changes
//! ([`App::update`]). Nothing here touches the terminal or the disk: work
//! with the outside world comes back as an [`Effect`].
//!
//! Submodules: `history` (the jump list), `neighbours` (the neighbour rows),
//! `state` (the pieces of state), `browse` (the main screen and the search
//! box), `views` (path mode, the local-graph view, filter lists, the export
//! prompt), `outside` (reload and export results, the mouse).

mod browse;
pub mod history;
pub mod neighbours;
mod outside;
mod state;
mod views;

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;

use crate::graph::query::Dir;
use crate::graph::search::{Hit, SearchIndex, Typing};
use crate::graph::{Graph, LoadError};

pub use history::{Jump, JumpList};
pub use neighbours::Row;
pub use state::{
    ListArea, Message, Mode, Overlay, Pane, PathState, PickWhat, Picker, Placed, ScreenMap,
};

use super::action::{Action, Effect};
use super::keymap::Scope;

/// The most hits listed.
pub const MAX_HITS: usize = 500;
/// The most nodes the local-graph view draws.
pub const MAX_GRAPH_NODES: usize = 48;

/// All the explorer's state.
#[derive(Debug, Clone)]
pub struct App {
    /// The graph shown: the last one that loaded.
    pub graph: Graph,
    /// The search index of `graph`.
    pub index: SearchIndex,
    /// Where keys go.
    pub mode: Mode,
    /// The focused pane.
    pub pane: Pane,
    /// The open overlay, if any.
    pub overlay: Option<Overlay>,
    /// The search query.
    pub query: String,
    /// Its hits, best first.
    pub hits: Vec<Hit>,
    /// The selected hit.
    pub hit_sel: usize,
    /// The first hit row shown.
    pub hit_offset: usize,
    /// The kind the hits are filtered by.
    pub kind_filter: Option<String>,
    /// The relation the neighbours are filtered by.
    pub rel_filter: Option<String>,
    /// The focused node (None only for a graph without nodes).
    pub focus: Option<NodeIndex>,
    /// How we got here.
    pub jumps: JumpList,
    /// The neighbour rows of the focused node.
    pub rows: Vec<Row>,
    /// The selected neighbour row.
    pub row_sel: usize,
    /// The first neighbour row shown.
    pub row_offset: usize,
    /// Groups unfolded past "+N more".
    pub expanded: BTreeSet<(String, Dir)>,
    /// How far the focused node's pane is scrolled, in lines.
    pub node_scroll: usize,
    /// Path mode's state.
    pub path: PathState,
    /// The nodes of the local-graph view: node, depth, and the node and link it was reached by.
    pub graph_nodes: Vec<Placed>,
    /// How many nodes the neighbourhood had before the view's cap.
    pub graph_total: usize,
    /// The selected node of the local-graph view (index in `graph_nodes`).
    pub graph_sel: usize,
    /// Neighbourhood depth of the graph view and exports (1 or 2).
    pub depth: usize,
    /// The status message.
    pub message: Option<Message>,
    /// Counts messages, so the event loop can time out the current one.
    pub message_seq: u64,
    /// Why the graph file on disk does not load, while it does not.
    pub banner: Option<Vec<String>>,
    /// False once the user quits.
    pub running: bool,
    /// Where things were drawn last.
    pub screen: ScreenMap,
    /// The search session, narrowing as the query grows.
    typing: Typing,
    /// Whether the hits are behind the query (while a burst of keys is applied).
    hits_stale: bool,
    /// Whether searches wait until the burst of keys being applied is done.
    deferring: bool,
}

impl App {
    /// The explorer on a graph, focused on `start` (in the main screen) or,
    /// without one, on a sensible first node with the search box ready.
    pub fn new(graph: Graph, start: Option<NodeIndex>) -> App {
        let index = SearchIndex::new(&graph);
        let focus = start.or_else(|| default_start(&graph));
        let mut app = App {
            index,
            mode: if start.is_some() {
                Mode::Browse
            } else {
                Mode::Search
            },
            pane: if start.is_some() {
                Pane::Neighbours
            } else {
                Pane::Hits
            },
            overlay: None,
            query: String::new(),
            hits: Vec::new(),
            hit_sel: 0,
            hit_offset: 0,
            kind_filter: None,
            rel_filter: None,
            focus,
            jumps: focus.map(JumpList::new).unwrap_or_default(),
            rows: Vec::new(),
            row_sel: 0,
            row_offset: 0,
            expanded: BTreeSet::new(),
            node_scroll: 0,
            path: PathState::default(),
            graph_nodes: Vec::new(),
            graph_total: 0,
            graph_sel: 0,
            depth: 1,
            message: None,
            message_seq: 0,
            banner: None,
            running: true,
            screen: ScreenMap::default(),
            typing: Typing::new(),
            hits_stale: false,
            deferring: false,
            graph,
        };
        app.research();
        if let Some(at) = app.hits.iter().position(|h| Some(h.node) == app.focus) {
            app.hit_sel = at;
        }
        app.rebuild_rows(0);
        app.rebuild_graph_nodes();
        app
    }

    /// Where keys go now: the overlay's scope, else the mode's.
    pub fn scope(&self) -> Scope {
        match &self.overlay {
            Some(Overlay::Help { .. }) => Scope::Help,
            Some(Overlay::Picker(_)) => Scope::Picker,
            Some(Overlay::Export { .. }) => Scope::Prompt,
            None => match self.mode {
                Mode::Browse => Scope::Browse,
                Mode::Search => Scope::Search,
                Mode::Path if self.path.picking => Scope::PathPick,
                Mode::Path => Scope::PathSteps,
                Mode::Graph => Scope::Graph,
            },
        }
    }

    /// Applies an action. Returns the work it needs from the outside world.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => {
                self.running = false;
                return None;
            }
            Action::Click(..)
            | Action::DoubleClick(..)
            | Action::WheelUp(..)
            | Action::WheelDown(..) => return self.mouse(action),
            _ => {}
        }
        match self.scope() {
            Scope::Help => self.help_action(action),
            Scope::Picker => self.picker_action(action),
            Scope::Prompt => return self.prompt_action(action),
            Scope::Search => self.search_action(action),
            Scope::PathPick | Scope::PathSteps => self.path_action(action),
            Scope::Graph => return self.graph_action(action),
            Scope::Browse => return self.browse_action(action),
        }
        None
    }

    /// Sets the status message.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
        self.message_seq += 1;
    }

    /// Sets a status message that reports a failure.
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
        self.message_seq += 1;
    }

    /// Clears the status message if it is still message number `seq`.
    pub fn expire_message(&mut self, seq: u64) {
        if self.message_seq == seq {
            self.message = None;
        }
    }

    /// The label of a node, as stored.
    pub fn label(&self, ix: NodeIndex) -> &str {
        &self.graph.node(ix).label
    }

    /// The selected hit's node.
    pub fn selected_hit(&self) -> Option<NodeIndex> {
        self.hits.get(self.hit_sel).map(|h| h.node)
    }

    /// Runs the search again for the query and kind filter (or, while a
    /// burst of keys is applied, marks the hits as behind the query).
    pub fn research(&mut self) {
        if self.deferring {
            self.hits_stale = true;
            return;
        }
        let kinds: Vec<String> = self.kind_filter.iter().cloned().collect();
        self.hits = self
            .typing
            .search(&self.index, &self.graph, &self.query, &kinds, MAX_HITS);
        self.hits_stale = false;
        self.hit_sel = 0;
        self.hit_offset = 0;
    }

    /// Applies one action of a burst (every event that was waiting before a
    /// frame): edits of the query are not searched until [`App::settle`], so
    /// typing fast never queues searches and the screen shows the latest
    /// query's hits; any other action first brings the hits up to date, so it
    /// sees what the screen would.
    pub fn apply(&mut self, action: Action) -> Option<Effect> {
        if !matches!(
            action,
            Action::Insert(_) | Action::DeleteChar | Action::ClearInput
        ) {
            self.settle();
        }
        self.deferring = true;
        let effect = self.update(action);
        self.deferring = false;
        effect
    }

    /// Applies a burst of actions with [`App::apply`], then settles; returns their effects.
    pub fn update_all(&mut self, actions: impl IntoIterator<Item = Action>) -> Vec<Effect> {
        let effects = actions.into_iter().filter_map(|a| self.apply(a)).collect();
        self.settle();
        effects
    }

    /// Forgets the search session (after the graph changed).
    pub(super) fn reset_typing(&mut self) {
        self.typing = Typing::new();
    }

    /// Runs the search the last burst of keys left pending, if any.
    pub fn settle(&mut self) {
        if self.hits_stale {
            self.research();
        }
    }

    /// Rebuilds the neighbour rows, selecting the selectable row nearest `sel`.
    pub fn rebuild_rows(&mut self, sel: usize) {
        self.rows = neighbours::rows(
            &self.graph,
            self.focus,
            self.rel_filter.as_deref(),
            &self.expanded,
        );
        self.row_sel = neighbours::nearest_selectable(&self.rows, sel);
    }

    /// Rebuilds the local-graph view's nodes for the focus, depth and relation filter.
    pub fn rebuild_graph_nodes(&mut self) {
        let Some(focus) = self.focus else {
            self.graph_nodes.clear();
            self.graph_total = 0;
            return;
        };
        let rels: Vec<String> = self.rel_filter.iter().cloned().collect();
        let mut nodes =
            self.graph
                .neighbourhood(focus, self.depth, &rels, crate::graph::query::Walk::Both);
        self.graph_total = nodes.len();
        nodes.truncate(MAX_GRAPH_NODES);
        self.graph_nodes = nodes;
        self.graph_sel = self.graph_sel.min(self.graph_nodes.len().saturating_sub(1));
    }

    /// The export of what is on screen: the focused node's neighbourhood at
    /// the current depth, following the relation filter; with a kind filter,
    /// only nodes of that kind and the focused node's.
    pub fn export_filter(&self) -> crate::export::Filter {
        let mut kinds: Vec<String> = self.kind_filter.iter().cloned().collect();
        if let (Some(f), false) = (self.focus, kinds.is_empty()) {
            let own = self.graph.node(f).kind.clone();
            if !kinds.contains(&own) {
                kinds.push(own);
            }
        }
        crate::export::Filter {
            root: self.focus,
            depth: self.depth,
            kinds,
            rels: self.rel_filter.iter().cloned().collect(),
        }
    }

    /// Why the graph could not be reloaded, one line per error.
    pub fn banner_lines(err: &LoadError) -> Vec<String> {
        match err {
            LoadError::Invalid { diagnostics, .. } => diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| format!("{}:{}:{}: {}", d.file, d.line, d.col, d.message))
                .collect(),
            other => vec![other.to_string()],
        }
    }
}

/// The first node to show: XGBoost when the graph has it, else the most
/// connected algorithm, else the most connected node.
pub fn default_start(graph: &Graph) -> Option<NodeIndex> {
    if let Some(ix) = graph.find("xgboost") {
        return Some(ix);
    }
    let best = |kind: Option<&str>| {
        graph
            .g
            .node_indices()
            .filter(|&ix| kind.is_none_or(|k| graph.node(ix).kind == k))
            .max_by_key(|&ix| (graph.degree(ix), std::cmp::Reverse(ix.index())))
    };
    best(Some("algorithm")).or_else(|| best(None))
}

/// The offset that keeps row `sel` visible in a list `height` rows high.
pub fn keep_visible(offset: usize, sel: usize, height: usize) -> usize {
    if height == 0 {
        return sel;
    }
    if sel < offset {
        sel
    } else if sel >= offset + height {
        sel + 1 - height
    } else {
        offset
    }
}
