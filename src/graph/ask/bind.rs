//! Resolving a parsed query's names against a graph: kinds and relations by
//! id or label in any case (`_`, `-` and spaces alike), nodes by id, label or
//! alias, props by key; each unknown name fails with "did you mean".

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use rustc_hash::FxHashSet;

use super::AskError;
use super::names::{Guess, Names, normal, unknown_key};
use super::syntax::{Atom, Name, PropTest, Target, Term};
use crate::graph::Graph;

/// Which edges at a node a relation term looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// Edges from the node.
    Out,
    /// Edges to the node.
    In,
    /// Both (symmetric relations).
    Both,
}

/// What a resolved term tests.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// The node's kind is one of these ids.
    Kind(Vec<String>),
    /// The node's prop `key` is `value` (any case), or set at all when `None`.
    Prop {
        /// The key as the graph spells it.
        key: String,
        /// The value wanted.
        value: Option<String>,
    },
    /// The node has edges of `rel` the `way` given.
    Rel {
        /// The relation's id.
        rel: String,
        /// Which edges.
        way: Way,
        /// The nodes the edges must reach (with those below them by `is_a`);
        /// `None` for any node.
        targets: Option<FxHashSet<NodeIndex>>,
        /// Every such edge must reach a target, and there is at least one.
        only: bool,
        /// Props each counted edge must carry.
        props: Vec<(String, Option<String>)>,
    },
}

/// One resolved term.
#[derive(Debug, Clone, PartialEq)]
pub struct Cond {
    /// The term must not hold.
    pub negated: bool,
    /// What it tests.
    pub test: Test,
}

/// A query with every name resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    /// The terms, all of which must hold.
    pub conds: Vec<Cond>,
    /// Node names taken as a search hit or a typo, worth a note.
    pub guesses: Vec<Guess>,
}

/// Resolves every name of a parsed query.
pub fn bind(graph: &Graph, terms: &[Term]) -> Result<Bound, AskError> {
    let mut conds = Vec::with_capacity(terms.len());
    let mut names_of = Names::new(graph);
    for term in terms {
        let test = match &term.atom {
            Atom::Kind(names) => Test::Kind(
                names
                    .iter()
                    .map(|n| names_of.kind(n))
                    .collect::<Result<_, _>>()?,
            ),
            Atom::Prop(p) => {
                let (key, value) = prop(graph, p, Holder::Node)?;
                Test::Prop { key, value }
            }
            Atom::Rel {
                incoming,
                rel,
                target,
                props,
            } => rel_test(graph, &mut names_of, *incoming, rel, target, props)?,
        };
        conds.push(Cond {
            negated: term.negated,
            test,
        });
    }
    Ok(Bound {
        conds,
        guesses: names_of.guesses,
    })
}

fn rel_test(
    graph: &Graph,
    names_of: &mut Names<'_>,
    incoming: bool,
    rel: &Name,
    target: &Target,
    props: &[PropTest],
) -> Result<Test, AskError> {
    let (id, backwards) = names_of.relation(rel)?;
    let decl = &graph.relations[&id];
    let way = match (decl.symmetric, incoming != backwards) {
        (true, _) => Way::Both,
        (false, false) => Way::Out,
        (false, true) => Way::In,
    };
    let (targets, only) = match target {
        Target::Any => (None, false),
        Target::Nodes { only, names } => {
            // A name shared by several nodes is read as the one the relation can reach.
            let range = match way {
                Way::In => &decl.from,
                _ => &decl.to,
            };
            let mut set = FxHashSet::default();
            for name in names {
                let ix = names_of.node(name, range)?;
                set.insert(ix);
                if !name.exact {
                    below(graph, ix, &mut set);
                }
            }
            (Some(set), *only)
        }
    };
    let props = props
        .iter()
        .map(|p| prop(graph, p, Holder::Edge))
        .collect::<Result<_, _>>()?;
    Ok(Test::Rel {
        rel: id,
        way,
        targets,
        only,
        props,
    })
}

/// Adds every node that `is_a` the node, directly or down a chain (walked
/// on its own: a node already in `set` as an exact name is still followed).
fn below(graph: &Graph, top: NodeIndex, set: &mut FxHashSet<NodeIndex>) {
    let mut seen = FxHashSet::from_iter([top]);
    let mut stack = vec![top];
    while let Some(ix) = stack.pop() {
        for e in graph.g.edges_directed(ix, Direction::Incoming) {
            let from = petgraph::visit::EdgeRef::source(&e);
            if e.weight().rel == "is_a" && seen.insert(from) {
                set.insert(from);
                stack.push(from);
            }
        }
    }
}

/// Where a prop lives.
#[derive(Clone, Copy)]
enum Holder {
    Node,
    Edge,
}

/// A prop test with its key as the graph spells it; a key that no node (or
/// edge) carries fails with "did you mean".
fn prop(graph: &Graph, p: &PropTest, holder: Holder) -> Result<(String, Option<String>), AskError> {
    let mut keys: Vec<&str> = match holder {
        Holder::Node => graph
            .g
            .node_weights()
            .flat_map(|n| n.props.keys())
            .map(String::as_str)
            .collect(),
        Holder::Edge => graph
            .g
            .edge_weights()
            .flat_map(|e| e.props.keys())
            .map(String::as_str)
            .collect(),
    };
    keys.sort_unstable();
    keys.dedup();
    let value = p.value.as_ref().map(|v| v.text.clone());
    let wanted = normal(&p.key.text);
    if let Some(key) = keys.iter().find(|k| normal(k) == wanted) {
        return Ok((key.to_string(), value));
    }
    let what = match holder {
        Holder::Node => "node",
        Holder::Edge => "edge",
    };
    Err(unknown_key(what, &p.key, &keys))
}
