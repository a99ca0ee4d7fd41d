//! Finding the nodes a resolved query lists. A relation term naming nodes
//! gives the candidates (the nodes at the other end of its edges), so a query
//! such as `kind:algorithm accepts:csv` costs what CSV's edges cost, not a
//! pass over the graph; every term is then checked on each candidate.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;

use super::bind::{Bound, Cond, Test, Way};
use crate::graph::{Graph, Props};

/// The nodes for which every term holds, sorted by kind (in declaration
/// order), then label (ignoring case), then id.
pub fn eval(graph: &Graph, bound: &Bound) -> Vec<NodeIndex> {
    let mut found: Vec<NodeIndex> = match generator(bound) {
        Some((rel, way, targets)) => {
            let mut c: Vec<NodeIndex> = targets
                .iter()
                .flat_map(|&t| edges(graph, t, flip(way)))
                .filter(|(_, e)| e.rel == rel)
                .map(|(other, _)| other)
                .collect();
            c.sort_unstable();
            c.dedup();
            c.retain(|&ix| bound.conds.iter().all(|cond| holds(graph, ix, cond)));
            c
        }
        None => graph
            .g
            .node_indices()
            .filter(|&ix| bound.conds.iter().all(|cond| holds(graph, ix, cond)))
            .collect(),
    };
    sort(graph, &mut found);
    found
}

/// Sorts nodes by kind (declaration order, undeclared last), label ignoring
/// case, label, then id.
pub fn sort(graph: &Graph, nodes: &mut [NodeIndex]) {
    let rank: FxHashMap<&str, usize> = graph
        .kinds
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    nodes.sort_by_cached_key(|&ix| {
        let n = graph.node(ix);
        let kind = rank.get(n.kind.as_str()).copied().unwrap_or(usize::MAX);
        (kind, n.label.to_lowercase(), n.label.clone(), n.id.clone())
    });
}

/// The positive relation term with the fewest target nodes, if any.
fn generator(bound: &Bound) -> Option<(&str, Way, &rustc_hash::FxHashSet<NodeIndex>)> {
    bound
        .conds
        .iter()
        .filter(|c| !c.negated)
        .filter_map(|c| match &c.test {
            Test::Rel {
                rel,
                way,
                targets: Some(t),
                ..
            } => Some((rel.as_str(), *way, t)),
            _ => None,
        })
        .min_by_key(|(_, _, t)| t.len())
}

fn flip(way: Way) -> Way {
    match way {
        Way::Out => Way::In,
        Way::In => Way::Out,
        Way::Both => Way::Both,
    }
}

/// The edges at a node the given way, each with the node at the other end.
fn edges(
    graph: &Graph,
    ix: NodeIndex,
    way: Way,
) -> impl Iterator<Item = (NodeIndex, &crate::graph::EdgeData)> {
    let out = matches!(way, Way::Out | Way::Both).then(|| {
        graph
            .g
            .edges_directed(ix, Direction::Outgoing)
            .map(|e| (e.target(), e.weight()))
    });
    // A loop is seen once, from its outgoing side, when both ways are read.
    let inc = matches!(way, Way::In | Way::Both).then(|| {
        graph
            .g
            .edges_directed(ix, Direction::Incoming)
            .filter(move |e| way == Way::In || e.source() != e.target())
            .map(|e| (e.source(), e.weight()))
    });
    out.into_iter().flatten().chain(inc.into_iter().flatten())
}

/// Whether a term holds for a node (negation applied).
fn holds(graph: &Graph, ix: NodeIndex, cond: &Cond) -> bool {
    let node = graph.node(ix);
    let yes = match &cond.test {
        Test::Kind(kinds) => kinds.iter().any(|k| *k == node.kind),
        Test::Prop { key, value } => prop_matches(&node.props, key, value.as_deref()),
        Test::Rel {
            rel,
            way,
            targets,
            only,
            props,
        } => {
            let mut counted = edges(graph, ix, *way).filter(|(_, e)| {
                e.rel == rel
                    && props
                        .iter()
                        .all(|(k, v)| prop_matches(&e.props, k, v.as_deref()))
            });
            let hits = |other: &NodeIndex| targets.as_ref().is_none_or(|t| t.contains(other));
            if *only {
                let mut any = false;
                counted.all(|(other, _)| {
                    any = true;
                    hits(&other)
                }) && any
            } else {
                counted.any(|(other, _)| hits(&other))
            }
        }
    };
    yes != cond.negated
}

/// Whether props carry `key` with `value` (any case), or at all when `None`.
fn prop_matches(props: &Props, key: &str, value: Option<&str>) -> bool {
    match (props.get(key), value) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(have), Some(want)) => have.to_lowercase() == want.to_lowercase(),
    }
}
