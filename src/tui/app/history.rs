//! The jump list: every node opened, in order, with a position in it, as in
//! vim. Opening a node drops what was ahead of the position; going back and
//! forward moves the position. Each entry remembers its selected neighbour
//! row, so coming back lands where you left, and the query the search box
//! held, so Back returns to a query's results.

use crate::graph::NodeIndex;

/// One visited node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jump {
    /// The node.
    pub node: NodeIndex,
    /// The neighbour row selected when it was left.
    pub row: usize,
    /// The query (`:...`) the search box held when it was left, if any.
    pub query: Option<String>,
}

/// The nodes visited and where we are among them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    entries: Vec<Jump>,
    pos: usize,
}

/// How many entries the jump list keeps.
pub const MAX_JUMPS: usize = 100;

impl JumpList {
    /// A jump list holding one node.
    pub fn new(start: NodeIndex) -> JumpList {
        JumpList {
            entries: vec![Jump {
                node: start,
                row: 0,
                query: None,
            }],
            pos: 0,
        }
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[Jump] {
        &self.entries
    }

    /// The position of the current entry.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The current node, if any.
    pub fn current(&self) -> Option<NodeIndex> {
        self.entries.get(self.pos).map(|j| j.node)
    }

    /// Remembers the selected row of the current entry.
    pub fn remember_row(&mut self, row: usize) {
        if let Some(j) = self.entries.get_mut(self.pos) {
            j.row = row;
        }
    }

    /// Remembers the query the search box holds as the current entry is left.
    pub fn remember_query(&mut self, query: Option<String>) {
        if let Some(j) = self.entries.get_mut(self.pos) {
            j.query = query;
        }
    }

    /// Records a newly opened node after the current one, dropping the
    /// entries ahead.
    pub fn push(&mut self, node: NodeIndex) {
        if self.entries.is_empty() {
            self.entries.push(Jump {
                node,
                row: 0,
                query: None,
            });
            self.pos = 0;
            return;
        }
        self.entries.truncate(self.pos + 1);
        self.entries.push(Jump {
            node,
            row: 0,
            query: None,
        });
        if self.entries.len() > MAX_JUMPS {
            self.entries.remove(0);
        }
        self.pos = self.entries.len() - 1;
    }

    /// Steps back, returning the entry now current.
    pub fn back(&mut self) -> Option<Jump> {
        if self.pos == 0 {
            return None;
        }
        self.pos -= 1;
        self.entries.get(self.pos).cloned()
    }

    /// Steps forward, returning the entry now current.
    pub fn forward(&mut self) -> Option<Jump> {
        if self.pos + 1 >= self.entries.len() {
            return None;
        }
        self.pos += 1;
        self.entries.get(self.pos).cloned()
    }

    /// Rebuilds the list after the graph changed: `map` gives each node's
    /// index in the new graph, or None when it is gone. Gone entries are
    /// dropped; the position stays on the current entry, or the nearest
    /// surviving one before it.
    pub fn remap(&mut self, map: impl Fn(NodeIndex) -> Option<NodeIndex>) {
        let mut entries = Vec::new();
        let mut pos = 0;
        for (i, j) in self.entries.iter().enumerate() {
            if let Some(node) = map(j.node) {
                if entries.last().is_some_and(|l: &Jump| l.node == node) {
                    if i <= self.pos {
                        pos = entries.len() - 1;
                    }
                    continue;
                }
                entries.push(Jump {
                    node,
                    row: j.row,
                    query: j.query.clone(),
                });
                if i <= self.pos {
                    pos = entries.len() - 1;
                }
            }
        }
        self.entries = entries;
        self.pos = pos;
    }
}
