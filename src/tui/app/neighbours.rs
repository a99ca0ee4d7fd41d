//! The rows of the neighbour pane: a heading per relation and direction,
//! then its nodes, a long group folded behind a "+N more" row.

use std::collections::BTreeSet;

use crate::graph::{EdgeIndex, NodeIndex};

use crate::graph::Graph;
use crate::graph::query::{Dir, Group};

/// A group longer than this is folded to [`FOLDED_ROWS`] rows and "+N more".
pub const FOLD_OVER: usize = 6;
/// How many nodes a folded group shows.
pub const FOLDED_ROWS: usize = 5;

/// One row of the neighbour pane.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A group's heading: its label read from the focused node, its direction and size.
    Heading {
        /// The relation's id.
        rel: String,
        /// Which way the edges run.
        dir: Dir,
        /// "accepts", "accepted by".
        label: String,
        /// Whether the relation is symmetric.
        symmetric: bool,
        /// How many nodes the group holds.
        count: usize,
    },
    /// A neighbour.
    Node {
        /// The neighbour.
        node: NodeIndex,
        /// The edge that links it.
        edge: EdgeIndex,
    },
    /// The hidden rest of a folded group.
    More {
        /// The relation's id.
        rel: String,
        /// The direction.
        dir: Dir,
        /// How many nodes are hidden.
        hidden: usize,
    },
}

impl Row {
    /// Whether the selection can rest on this row.
    pub fn selectable(&self) -> bool {
        !matches!(self, Row::Heading { .. })
    }
}

/// The neighbour rows of a node, following only `rel` when given. Every
/// group shows whole when all of them fit in `room` rows or a relation is
/// chosen; else groups longer than [`FOLD_OVER`] fold behind "+N more",
/// except those in `expanded`.
pub fn rows(
    graph: &Graph,
    node: Option<NodeIndex>,
    rel: Option<&str>,
    expanded: &BTreeSet<(String, Dir)>,
    room: usize,
) -> Vec<Row> {
    let Some(node) = node else {
        return Vec::new();
    };
    let groups: Vec<Group> = graph
        .neighbour_groups(node)
        .into_iter()
        .filter(|g| rel.is_none_or(|r| r == g.rel))
        .collect();
    let whole: usize = groups.iter().map(|g| g.items.len() + 1).sum();
    let fold = rel.is_none() && whole > room;
    let mut out = Vec::new();
    for g in groups {
        out.push(Row::Heading {
            symmetric: graph.is_symmetric(&g.rel),
            rel: g.rel.clone(),
            dir: g.dir,
            label: g.label.clone(),
            count: g.items.len(),
        });
        let open = expanded.contains(&(g.rel.clone(), g.dir));
        let shown = if fold && g.items.len() > FOLD_OVER && !open {
            FOLDED_ROWS
        } else {
            g.items.len()
        };
        for &(node, edge) in &g.items[..shown] {
            out.push(Row::Node { node, edge });
        }
        if shown < g.items.len() {
            out.push(Row::More {
                rel: g.rel.clone(),
                dir: g.dir,
                hidden: g.items.len() - shown,
            });
        }
    }
    out
}

/// The first selectable row at or after `from`, else the last one before it.
pub fn nearest_selectable(rows: &[Row], from: usize) -> usize {
    if let Some(i) = (from..rows.len()).find(|&i| rows[i].selectable()) {
        return i;
    }
    (0..from.min(rows.len()))
        .rev()
        .find(|&i| rows[i].selectable())
        .unwrap_or(0)
}

/// The selectable row `steps` away from `from` (negative: up), stopping at the ends.
pub fn step(rows: &[Row], from: usize, steps: isize) -> usize {
    let selectable: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].selectable()).collect();
    if selectable.is_empty() {
        return 0;
    }
    let at = selectable
        .iter()
        .position(|&i| i >= from)
        .unwrap_or(selectable.len() - 1);
    let to = (at as isize + steps).clamp(0, selectable.len() as isize - 1);
    selectable[to as usize]
}
