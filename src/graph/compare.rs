//! Two nodes side by side: for each relation and direction, the neighbours
//! both have, those only one has (with the edges' notes), then their props.
//!
//! Neighbours pair by node, else by kind and label: LDA's `num_topics` and
//! NTM's `num_topics` are two hyperparameter nodes, but the same question.

use std::collections::BTreeSet;

use petgraph::graph::NodeIndex;

use super::Graph;
use super::query::Dir;

/// A neighbour only one side has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Single {
    /// The neighbour.
    pub node: NodeIndex,
    /// The edge's note.
    pub note: String,
}

/// A neighbour both sides have (the same node, or two of the same kind and label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The left side's neighbour.
    pub left: NodeIndex,
    /// The right side's neighbour (often the same node).
    pub right: NodeIndex,
    /// The note on the left side's edge.
    pub left_note: String,
    /// The note on the right side's edge.
    pub right_note: String,
}

/// One relation read one way, compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationDiff {
    /// The relation's id.
    pub rel: String,
    /// Out or in (symmetric relations are `Out`).
    pub dir: Dir,
    /// The relation's label read that way ("accepts", "accepted by").
    pub label: String,
    /// Neighbours both have, by label.
    pub both: Vec<Shared>,
    /// Neighbours only the left has, by label.
    pub left_only: Vec<Single>,
    /// Neighbours only the right has, by label.
    pub right_only: Vec<Single>,
}

/// One prop key with each side's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropRow {
    /// The key.
    pub key: String,
    /// The left node's value, if set.
    pub left: Option<String>,
    /// The right node's value, if set.
    pub right: Option<String>,
}

/// Two nodes compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The left node.
    pub left: NodeIndex,
    /// The right node.
    pub right: NodeIndex,
    /// Each relation and direction either side has, outgoing first, in
    /// declaration order.
    pub relations: Vec<RelationDiff>,
    /// The union of both nodes' prop keys, sorted.
    pub props: Vec<PropRow>,
}

impl Graph {
    /// Compares two nodes' neighbours and props.
    pub fn compare(&self, left: NodeIndex, right: NodeIndex) -> Comparison {
        let lg = self.neighbour_groups(left);
        let rg = self.neighbour_groups(right);
        let mut keys: Vec<(Dir, usize, &str, &str)> = lg
            .iter()
            .chain(&rg)
            .map(|g| {
                let order = self.relations.get_index_of(&g.rel).unwrap_or(usize::MAX);
                (g.dir, order, g.rel.as_str(), g.label.as_str())
            })
            .collect();
        keys.sort();
        keys.dedup();
        let relations = keys
            .into_iter()
            .map(|(dir, _, rel, label)| {
                let side = |groups: &[super::query::Group]| -> Vec<Single> {
                    groups
                        .iter()
                        .filter(|g| g.dir == dir && g.rel == rel)
                        .flat_map(|g| &g.items)
                        .map(|&(node, e)| Single {
                            node,
                            note: self.g[e].note.clone(),
                        })
                        .collect()
                };
                let mut diff = self.pair(side(&lg), side(&rg));
                diff.rel = rel.to_string();
                diff.dir = dir;
                diff.label = label.to_string();
                diff
            })
            .collect();
        Comparison {
            left,
            right,
            relations,
            props: self.prop_rows(left, right),
        }
    }

    /// Pairs two sides' neighbours: the same node first, then the same kind and label.
    fn pair(&self, mut left: Vec<Single>, mut right: Vec<Single>) -> RelationDiff {
        let mut both = Vec::new();
        let same_node = |a: &Single, b: &Single| a.node == b.node;
        let same_name = |a: &Single, b: &Single| {
            let (x, y) = (self.node(a.node), self.node(b.node));
            x.kind == y.kind && x.label.to_lowercase() == y.label.to_lowercase()
        };
        for same in [&same_node as &dyn Fn(&Single, &Single) -> bool, &same_name] {
            let mut i = 0;
            while i < left.len() {
                match right.iter().position(|r| same(&left[i], r)) {
                    Some(j) => {
                        let (l, r) = (left.remove(i), right.remove(j));
                        both.push(Shared {
                            left: l.node,
                            right: r.node,
                            left_note: l.note,
                            right_note: r.note,
                        });
                    }
                    None => i += 1,
                }
            }
        }
        let key = |ix: NodeIndex| {
            let n = self.node(ix);
            (n.label.to_lowercase(), n.id.clone())
        };
        both.sort_by_cached_key(|s| key(s.left));
        left.sort_by_cached_key(|s| key(s.node));
        right.sort_by_cached_key(|s| key(s.node));
        RelationDiff {
            rel: String::new(),
            dir: Dir::Out,
            label: String::new(),
            both,
            left_only: left,
            right_only: right,
        }
    }

    fn prop_rows(&self, left: NodeIndex, right: NodeIndex) -> Vec<PropRow> {
        let (l, r) = (&self.node(left).props, &self.node(right).props);
        let keys: BTreeSet<&String> = l.keys().chain(r.keys()).collect();
        keys.into_iter()
            .map(|k| PropRow {
                key: k.clone(),
                left: l.get(k).cloned(),
                right: r.get(k).cloned(),
            })
            .collect()
    }
}
