//! The pieces of the explorer's state: the mode and panes, overlays, path
//! mode's state, status messages and the map of where things were drawn.

use petgraph::graph::NodeIndex;
use ratatui::layout::Rect;

use crate::graph::query::Link;
use crate::graph::search::Hit;

/// A node of the local-graph view: the node, its depth, and the node and
/// link it was reached by (None for the focus).
pub type Placed = (NodeIndex, usize, Option<(NodeIndex, Link)>);

/// Where keys go, apart from overlays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The three panes.
    Browse,
    /// Typing in the search box.
    Search,
    /// Path mode.
    Path,
    /// The local-graph view.
    Graph,
}

/// The panes of the main screen, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The search box and the hits.
    Hits,
    /// The focused node.
    Node,
    /// Its neighbours.
    Neighbours,
}

/// What a filter list chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickWhat {
    /// A kind, to filter the hits.
    Kind,
    /// A relation, to filter the neighbours.
    Relation,
}

/// A list to choose a filter from.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// What is being chosen.
    pub what: PickWhat,
    /// The choices: id, label and how many nodes or edges it has.
    pub items: Vec<(String, String, usize)>,
    /// The selected choice.
    pub selected: usize,
}

/// A window over the screen that takes the keys while it is open.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// The keys, from the key table.
    Help {
        /// The first line shown.
        scroll: usize,
    },
    /// A filter list.
    Picker(Picker),
    /// The export prompt: the file to write.
    Export {
        /// The path typed so far.
        input: String,
    },
}

/// Path mode's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PathState {
    /// Whether the target is being typed (else the path is shown).
    pub picking: bool,
    /// The target query.
    pub query: String,
    /// Its hits.
    pub hits: Vec<Hit>,
    /// The selected hit.
    pub hit_sel: usize,
    /// Where the path starts.
    pub from: Option<NodeIndex>,
    /// The chosen target.
    pub target: Option<NodeIndex>,
    /// The path found to the target, None when there is none.
    pub steps: Option<Vec<Link>>,
    /// The selected node of the path (0 is the start).
    pub step_sel: usize,
}

/// A status message, shown until the next one or until it times out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// A list drawn on the screen, for the mouse: its area and first row shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListArea {
    /// Where the rows are.
    pub area: Rect,
    /// The index of the row at the top.
    pub offset: usize,
}

impl ListArea {
    /// The row index at a screen cell, if the cell is on a row.
    pub fn row_at(&self, col: u16, row: u16) -> Option<usize> {
        let a = self.area;
        (col >= a.x && col < a.right() && row >= a.y && row < a.bottom())
            .then(|| self.offset + (row - a.y) as usize)
    }
}

/// Where things were drawn last, written by the view, read by the mouse.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScreenMap {
    /// The search box.
    pub search_box: Option<Rect>,
    /// The hit rows.
    pub hits: Option<ListArea>,
    /// The focused node's pane.
    pub node: Option<Rect>,
    /// The neighbour rows.
    pub neighbours: Option<ListArea>,
    /// Path mode's rows (hits while picking, nodes of the path after).
    pub path: Option<ListArea>,
    /// The local-graph view's labels and the node index in `graph_nodes` each shows.
    pub graph_labels: Vec<(Rect, usize)>,
    /// The rows of a filter list.
    pub picker: Option<ListArea>,
    /// Rows a page holds in the focused list.
    pub page: usize,
}
