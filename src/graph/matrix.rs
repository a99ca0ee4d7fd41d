//! The matrix of one kind against another by a relation: which algorithm
//! accepts which format, which trains on which instance.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;

use super::Graph;

/// One marked cell: an edge between a row's node and a column's node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Position in [`Matrix::rows`].
    pub row: usize,
    /// Position in [`Matrix::cols`].
    pub col: usize,
    /// The edge's note (notes of edges both ways are joined with "; ").
    pub note: String,
}

/// A kind-by-kind matrix of one relation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matrix {
    /// The row nodes, in file order.
    pub rows: Vec<NodeIndex>,
    /// The column nodes, in file order.
    pub cols: Vec<NodeIndex>,
    /// The marked cells, by row then column.
    pub cells: Vec<Cell>,
}

impl Matrix {
    /// The cell at a row and column, if marked.
    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&(row, col), |c| (c.row, c.col))
            .ok()
            .map(|i| &self.cells[i])
    }
}

impl Graph {
    /// The matrix of nodes of kind `rows` against nodes of kind `cols`, a
    /// cell marked where an edge of `rel` links the two, whichever way it
    /// runs. Rows and columns without a mark are left out unless `all`.
    pub fn matrix(&self, rows: &str, cols: &str, rel: &str, all: bool) -> Matrix {
        let mut marks: FxHashMap<(NodeIndex, NodeIndex), String> = FxHashMap::default();
        for e in self.g.edge_references().filter(|e| e.weight().rel == rel) {
            let (a, b) = (e.source(), e.target());
            let (ka, kb) = (&self.node(a).kind, &self.node(b).kind);
            let mut pairs = Vec::with_capacity(2);
            if ka == rows && kb == cols {
                pairs.push((a, b));
            }
            if kb == rows && ka == cols && a != b {
                pairs.push((b, a));
            }
            for pair in pairs {
                let note = &e.weight().note;
                marks
                    .entry(pair)
                    .and_modify(|n| {
                        if !note.is_empty() && n != note {
                            if !n.is_empty() {
                                n.push_str("; ");
                            }
                            n.push_str(note);
                        }
                    })
                    .or_insert_with(|| note.clone());
            }
        }
        let pick = |kind: &str, used: &dyn Fn(NodeIndex) -> bool| -> Vec<NodeIndex> {
            self.g
                .node_indices()
                .filter(|&ix| self.node(ix).kind == kind && (all || used(ix)))
                .collect()
        };
        let row_used: rustc_hash::FxHashSet<NodeIndex> = marks.keys().map(|k| k.0).collect();
        let col_used: rustc_hash::FxHashSet<NodeIndex> = marks.keys().map(|k| k.1).collect();
        let rows = pick(rows, &|ix| row_used.contains(&ix));
        let cols = pick(cols, &|ix| col_used.contains(&ix));
        let at = |list: &[NodeIndex]| -> FxHashMap<NodeIndex, usize> {
            list.iter().enumerate().map(|(i, &n)| (n, i)).collect()
        };
        let (row_at, col_at) = (at(&rows), at(&cols));
        let mut cells: Vec<Cell> = marks
            .into_iter()
            .filter_map(|((a, b), note)| {
                Some(Cell {
                    row: *row_at.get(&a)?,
                    col: *col_at.get(&b)?,
                    note,
                })
            })
            .collect();
        cells.sort_by_key(|c| (c.row, c.col));
        Matrix { rows, cols, cells }
    }
}
