//! Walking the graph: a node's neighbours grouped by relation, the
//! neighbourhood within a depth, and shortest paths with each step read the
//! right way.

use std::collections::{HashMap, VecDeque};

use rustc_hash::FxHashMap;

use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::Graph;

/// Which way an edge is read from the node being looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dir {
    /// The node is the edge's `from`.
    Out,
    /// The node is the edge's `to`.
    In,
}

/// Which edges a walk may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Walk {
    /// Outgoing edges only.
    Out,
    /// Incoming edges only.
    In,
    /// Both.
    #[default]
    Both,
}

impl Walk {
    fn allows(self, dir: Dir) -> bool {
        matches!(
            (self, dir),
            (Walk::Both, _) | (Walk::Out, Dir::Out) | (Walk::In, Dir::In)
        )
    }
}

/// A node reached by a walk: the node, its distance, and the node it was
/// reached from with the link it was reached by (none for the start).
pub type Reached = (NodeIndex, usize, Option<(NodeIndex, Link)>);

/// Neighbours sharing a relation and a direction.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The relation's id.
    pub rel: String,
    /// Out or in; symmetric relations are always `Out`.
    pub dir: Dir,
    /// The label read from the node: the relation's label or its inverse.
    pub label: String,
    /// The neighbours with the edge that links each.
    pub items: Vec<(NodeIndex, EdgeIndex)>,
}

/// One edge seen from a node: the neighbour, the edge and its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The node at the other end.
    pub node: NodeIndex,
    /// The edge.
    pub edge: EdgeIndex,
    /// How the edge runs as seen from the first node.
    pub dir: Dir,
}

impl Graph {
    /// The edges whose both ends are among `nodes`, with their ends.
    pub fn edges_among(
        &self,
        nodes: &[NodeIndex],
    ) -> Vec<(EdgeIndex, NodeIndex, NodeIndex, &super::EdgeData)> {
        let set: std::collections::HashSet<NodeIndex> = nodes.iter().copied().collect();
        let mut out = Vec::new();
        for &a in nodes {
            for e in self.g.edges_directed(a, Direction::Outgoing) {
                if set.contains(&e.target()) {
                    out.push((e.id(), a, e.target(), e.weight()));
                }
            }
        }
        out.sort_by_key(|e| e.0);
        out.dedup_by_key(|e| e.0);
        out
    }

    /// Every edge at a node, outgoing first, each in file order.
    pub fn links(&self, ix: NodeIndex) -> Vec<Link> {
        let mut out: Vec<Link> = self
            .g
            .edges_directed(ix, Direction::Outgoing)
            .map(|e| Link {
                node: e.target(),
                edge: e.id(),
                dir: Dir::Out,
            })
            .collect();
        out.extend(
            self.g
                .edges_directed(ix, Direction::Incoming)
                .filter(|e| e.source() != e.target())
                .map(|e| Link {
                    node: e.source(),
                    edge: e.id(),
                    dir: Dir::In,
                }),
        );
        out.sort_by_key(|l| (l.dir, l.edge));
        out
    }

    /// The neighbours of a node grouped by relation and direction: outgoing
    /// groups first, each side in the order the relations are declared.
    /// Symmetric relations form one group whichever way the edge was written.
    pub fn neighbour_groups(&self, ix: NodeIndex) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        let mut at: HashMap<(&str, Dir), usize> = HashMap::new();
        for link in self.links(ix) {
            let rel = self.g[link.edge].rel.as_str();
            let dir = if self.is_symmetric(rel) {
                Dir::Out
            } else {
                link.dir
            };
            let slot = *at.entry((rel, dir)).or_insert_with(|| {
                let label = match dir {
                    Dir::Out => self.rel_label(rel),
                    Dir::In => self.rel_inverse_label(rel),
                };
                groups.push(Group {
                    rel: rel.to_string(),
                    dir,
                    label: label.to_string(),
                    items: Vec::new(),
                });
                groups.len() - 1
            });
            groups[slot].items.push((link.node, link.edge));
        }
        let order = |rel: &str| self.relations.get_index_of(rel).unwrap_or(usize::MAX);
        groups.sort_by_key(|g| (g.dir, order(&g.rel)));
        groups
    }

    /// Nodes within `depth` steps of `root` (root included at depth 0), in
    /// breadth-first order, following only `rels` (all when empty) in the
    /// given direction. Each reached node comes with the link it was reached by.
    pub fn neighbourhood(
        &self,
        root: NodeIndex,
        depth: usize,
        rels: &[String],
        walk: Walk,
    ) -> Vec<Reached> {
        let mut seen: HashMap<NodeIndex, usize> = HashMap::from([(root, 0)]);
        let mut order = vec![(root, 0, None)];
        let mut queue = VecDeque::from([(root, 0usize)]);
        while let Some((ix, d)) = queue.pop_front() {
            if d >= depth {
                continue;
            }
            for link in self.links(ix) {
                if !walk.allows(link.dir) && !self.is_symmetric(&self.g[link.edge].rel) {
                    continue;
                }
                if !rels.is_empty() && !rels.iter().any(|r| *r == self.g[link.edge].rel) {
                    continue;
                }
                if let std::collections::hash_map::Entry::Vacant(v) = seen.entry(link.node) {
                    v.insert(d + 1);
                    order.push((link.node, d + 1, Some((ix, link))));
                    queue.push_back((link.node, d + 1));
                }
            }
        }
        order
    }

    /// A shortest path between two nodes, ignoring which way edges run,
    /// following only `rels` (all when empty). Each step says how its edge
    /// runs, so the path can be read the right way.
    ///
    /// A bidirectional breadth-first search: whole layers are expanded from
    /// whichever side has the smaller frontier, so it visits about the
    /// square root of what a one-sided search visits on a well-linked graph.
    pub fn shortest_path(
        &self,
        from: NodeIndex,
        to: NodeIndex,
        rels: &[String],
    ) -> Option<Vec<Link>> {
        if from == to {
            return Some(Vec::new());
        }
        let mut sides = [Side::new(from), Side::new(to)];
        loop {
            let s = usize::from(sides[1].frontier.len() < sides[0].frontier.len());
            if sides[s].frontier.is_empty() {
                return None;
            }
            let (this, other) = if s == 0 {
                let [a, b] = &mut sides;
                (a, &*b)
            } else {
                let [a, b] = &mut sides;
                (b, &*a)
            };
            if let Some(meet) = self.expand(this, other, rels) {
                let [forward, backward] = &sides;
                return Some(join(forward, backward, meet));
            }
        }
    }

    /// Expands one whole layer of a side; the first node (in expansion
    /// order) also reached by the other side, if any.
    fn expand(&self, side: &mut Side, other: &Side, rels: &[String]) -> Option<NodeIndex> {
        let mut next = Vec::new();
        let mut meet = None;
        for &ix in &side.frontier {
            for (node, edge, dir) in self.incident(ix) {
                if !rels.is_empty() && !rels.iter().any(|r| *r == self.g[edge].rel) {
                    continue;
                }
                if side.prev.contains_key(&node) || node == side.root {
                    continue;
                }
                side.prev.insert(node, (ix, Link { node, edge, dir }));
                next.push(node);
                if meet.is_none() && (other.prev.contains_key(&node) || node == other.root) {
                    meet = Some(node);
                }
            }
            if meet.is_some() {
                break;
            }
        }
        side.frontier = next;
        meet
    }

    /// Every edge at a node with its other end, in storage order, without
    /// allocating; self-loops once.
    fn incident(&self, ix: NodeIndex) -> impl Iterator<Item = (NodeIndex, EdgeIndex, Dir)> + '_ {
        let out = self
            .g
            .edges_directed(ix, Direction::Outgoing)
            .map(|e| (e.target(), e.id(), Dir::Out));
        let inc = self
            .g
            .edges_directed(ix, Direction::Incoming)
            .filter(|e| e.source() != e.target())
            .map(|e| (e.source(), e.id(), Dir::In));
        out.chain(inc)
    }

    /// A path as text, each relation read the right way:
    /// `Sigmoid —causes→ Vanishing gradient ←mitigates— ReLU`, a node whose
    /// label another node shares named with its owner (`k · K-Means`).
    pub fn path_text(&self, from: NodeIndex, steps: &[Link]) -> String {
        let mut out = self.display_name(from);
        for step in steps {
            let rel = self.rel_label(&self.g[step.edge].rel);
            let arrow = if self.is_symmetric(&self.g[step.edge].rel) {
                format!(" —{rel}— ")
            } else {
                match step.dir {
                    Dir::Out => format!(" —{rel}→ "),
                    Dir::In => format!(" ←{rel}— "),
                }
            };
            out.push_str(&crate::text::visible(&arrow));
            out.push_str(&self.display_name(step.node));
        }
        out
    }
}

/// One side of a bidirectional search: where it started, how each reached
/// node was reached, and the last layer reached.
struct Side {
    root: NodeIndex,
    prev: FxHashMap<NodeIndex, (NodeIndex, Link)>,
    frontier: Vec<NodeIndex>,
}

impl Side {
    fn new(root: NodeIndex) -> Side {
        Side {
            root,
            prev: FxHashMap::default(),
            frontier: vec![root],
        }
    }

    /// The links from the root to a reached node, root first.
    fn walk_back(&self, mut at: NodeIndex) -> Vec<(NodeIndex, Link)> {
        let mut steps = Vec::new();
        while at != self.root {
            let (before, link) = self.prev[&at];
            steps.push((before, link));
            at = before;
        }
        steps.reverse();
        steps
    }
}

/// The steps from the forward side's root to the backward side's root
/// through the node where they met; the backward half is turned around.
fn join(forward: &Side, backward: &Side, meet: NodeIndex) -> Vec<Link> {
    let mut steps: Vec<Link> = forward
        .walk_back(meet)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    for (before, link) in backward.walk_back(meet).into_iter().rev() {
        let dir = match link.dir {
            Dir::Out => Dir::In,
            Dir::In => Dir::Out,
        };
        steps.push(Link {
            node: before,
            edge: link.edge,
            dir,
        });
    }
    steps
}
