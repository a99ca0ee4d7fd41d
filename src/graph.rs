//! The graph model: a document as written in a graph file (`Document`), and
//! the loaded, validated graph (`Graph`) on petgraph with an id → index map.
//!
//! Submodules: `load` reads a file into a `Graph` with diagnostics, `cache`
//! keeps validated large graphs for a fast second start, `span`
//! finds where each item sits in the text, `check` validates (`limits`
//! bounds string sizes), `query` walks
//! neighbours and paths, `search` ranks fuzzy hits, `resolve` turns what
//! people type into nodes, kinds and relations, `ask` answers queries
//! such as `kind:algorithm accepts:csv -trains_on:gpu`, `compare` sets two
//! nodes side by side, `matrix` tabulates one kind against another.

pub mod ask;
pub mod cache;
pub mod check;
pub mod compare;
pub mod diagnostic;
pub mod graphml;
pub mod limits;
pub mod load;
pub mod matrix;
pub mod query;
pub mod resolve;
pub mod search;
pub mod span;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use indexmap::IndexMap;
use petgraph::graph::DiGraph;
/// The index of a node or an edge in a [`Graph`]: stable while the graph lives.
pub use petgraph::graph::{EdgeIndex, NodeIndex};
use serde::{Deserialize, Serialize};

pub use diagnostic::{Diagnostic, SHOWN_PER_KIND, Severity};
pub use load::{LoadError, Source};

/// An id of a node, kind or relation. Ids are short: up to 24 bytes are
/// held in place, so a large graph's millions of ids (each edge names
/// three) are not each an allocation of their own.
pub type Id = compact_str::CompactString;

/// Free-form string properties of a node or an edge.
pub type Props = BTreeMap<String, String>;

/// A graph file as written: kinds, relations, nodes and edges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// The graph's own name, if it gives one: study progress is kept under it,
    /// wherever the file is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Node kinds by id, in declaration order.
    #[serde(default)]
    pub kinds: IndexMap<String, Kind>,
    /// Relations by id, in declaration order.
    #[serde(default)]
    pub relations: IndexMap<String, Relation>,
    /// The nodes.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// The edges.
    #[serde(default)]
    pub edges: Vec<Edge>,
}

/// A declared node kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    /// How the kind is shown to people.
    pub label: String,
    /// A colour name (`cyan`, `lightblue`, ...) or `#rrggbb`; empty for the default.
    #[serde(default)]
    pub color: String,
}

/// A declared relation between nodes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The label read forwards ("accepts").
    pub label: String,
    /// The label read backwards ("accepted by"); empty for symmetric relations.
    #[serde(default)]
    pub inverse: String,
    /// Kinds an edge may start from; empty means any.
    #[serde(default)]
    pub from: Vec<String>,
    /// Kinds an edge may end at; empty means any.
    #[serde(default)]
    pub to: Vec<String>,
    /// Whether the relation reads the same both ways.
    #[serde(default)]
    pub symmetric: bool,
    /// Study question asked of an edge's `from` node, with `{subject}` and
    /// `{kinds}` placeholders; empty for the default wording.
    #[serde(default)]
    pub question: String,
    /// Study question asked of an edge's `to` node; empty for the default.
    #[serde(default)]
    pub inverse_question: String,
}

impl Relation {
    /// The label for reading an edge of this relation backwards.
    pub fn inverse_label(&self) -> &str {
        if self.symmetric || self.inverse.is_empty() {
            &self.label
        } else {
            &self.inverse
        }
    }
}

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Stable id: lowercase ASCII, digits, `-`, `_`, `.`.
    pub id: Id,
    /// The id of a declared kind.
    pub kind: Id,
    /// The name people write.
    pub label: String,
    /// Other names: acronyms, spellings, content types.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One sentence.
    #[serde(default)]
    pub summary: String,
    /// Longer free text.
    #[serde(default)]
    pub notes: String,
    /// Free-form properties.
    #[serde(default)]
    pub props: Props,
    /// Where the facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
}

/// An edge as written in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// Id of the node it starts from.
    pub from: Id,
    /// Id of a declared relation.
    pub rel: Id,
    /// Id of the node it ends at.
    pub to: Id,
    /// A qualification of the fact (mode limits, "recommended", ...).
    #[serde(default)]
    pub note: String,
    /// Free-form properties (`required: "true"` on hyperparameters).
    #[serde(default)]
    pub props: Props,
}

/// What an edge of the loaded graph carries (its ends are the petgraph edge's).
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeData {
    /// Id of the relation.
    pub rel: Id,
    /// The edge's note.
    pub note: String,
    /// The edge's props.
    pub props: Props,
}

/// A validated graph, ready for search, queries and export.
#[derive(Debug, Clone)]
pub struct Graph {
    /// Declared kinds, in order.
    pub kinds: IndexMap<String, Kind>,
    /// Declared relations, in order.
    pub relations: IndexMap<String, Relation>,
    /// Nodes and edges, in file order; reached only through `Graph`'s methods.
    g: DiGraph<Node, EdgeData>,
    index: FxHashMap<Id, NodeIndex>,
    /// Labels that more than one node has (ignoring case), found on first use.
    shared_labels: std::sync::OnceLock<SharedLabels>,
    /// Where the graph came from.
    pub source: Source,
    /// The name the file gives the graph, if any.
    pub name: Option<String>,
    /// A number no other graph built in this process has (a clone keeps it).
    stamp: u64,
}

/// The labels more than one node has (ignoring case), by the hash of their
/// lowercase form.
#[derive(Debug, Clone, Default)]
struct SharedLabels {
    by_hash: FxHashMap<u64, Label>,
}

/// What the nodes whose lowercase labels have one hash are.
#[derive(Debug, Clone, Copy)]
enum Label {
    /// One node so far.
    Once(NodeIndex),
    /// Several, all with the first one's label.
    Shared(NodeIndex),
    /// Several, and at least two of their labels differ.
    Collided,
}

/// The hash of a label's lowercase form, which is left in `buf`.
fn label_hash(label: &str, buf: &mut Vec<u8>) -> u64 {
    lowercase(label, buf);
    xxhash_rust::xxh3::xxh3_64(buf)
}

/// A label's lowercase form, in `buf` (allocating only for labels outside ASCII).
fn lowercase(label: &str, buf: &mut Vec<u8>) {
    buf.clear();
    if label.is_ascii() {
        buf.extend(label.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        buf.extend_from_slice(label.to_lowercase().as_bytes());
    }
}

/// Adds a written edge between two nodes of the graph.
fn add_edge(g: &mut DiGraph<Node, EdgeData>, a: NodeIndex, b: NodeIndex, e: Edge) {
    let data = EdgeData {
        rel: e.rel,
        note: e.note,
        props: e.props,
    };
    g.add_edge(a, b, data);
}

/// The stamp of the next graph built.
fn next_stamp() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Graph {
    /// A number that tells this graph from every other built in this process
    /// (a clone keeps it), so what is worked out from a graph once can be
    /// kept and reused while the same graph is shown.
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// Builds a graph from a document that passed validation.
    ///
    /// Edges whose ends are missing are skipped, so this never panics even on
    /// a document that was not checked.
    pub fn from_document(doc: Document, source: Source) -> Graph {
        // The graph's own id index resolves the edges: one map, each node
        // id and each end looked up once (on a large graph every lookup is
        // a cache miss or two).
        let mut g = DiGraph::with_capacity(doc.nodes.len(), doc.edges.len());
        let mut index: FxHashMap<Id, NodeIndex> = FxHashMap::default();
        index.reserve(doc.nodes.len());
        for node in doc.nodes {
            if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(node.id.clone()) {
                slot.insert(g.add_node(node));
            }
        }
        for e in doc.edges {
            if let (Some(&a), Some(&b)) = (index.get(e.from.as_str()), index.get(e.to.as_str())) {
                add_edge(&mut g, a, b, e);
            }
        }
        let mut graph = Graph::assemble(doc.kinds, doc.relations, g, index, source);
        graph.name = Some(doc.name).filter(|n| !n.is_empty());
        graph
    }

    /// Builds a graph from a validated document and what validation
    /// resolved ([`check::validate_resolving`]): its id index becomes the
    /// graph's and no id is looked up again. Ends out of range are skipped;
    /// a document with repeated ids, or ends that do not match its edges,
    /// leave the build to [`Graph::from_document`].
    pub fn from_checked(doc: Document, resolved: check::Resolved, source: Source) -> Graph {
        let check::Resolved { index, ends } = resolved;
        if index.len() != doc.nodes.len() || ends.len() != doc.edges.len() {
            return Graph::from_document(doc, source);
        }
        let mut g = DiGraph::with_capacity(doc.nodes.len(), doc.edges.len());
        for node in doc.nodes {
            g.add_node(node);
        }
        let count = g.node_count();
        for (e, [a, b]) in doc.edges.into_iter().zip(ends) {
            let (a, b) = (a as usize, b as usize);
            if a < count && b < count {
                add_edge(&mut g, NodeIndex::new(a), NodeIndex::new(b), e);
            }
        }
        let mut graph = Graph::assemble(doc.kinds, doc.relations, g, index, source);
        graph.name = Some(doc.name).filter(|n| !n.is_empty());
        graph
    }

    /// A graph without kinds, relations or nodes, from `source` (what is
    /// shown while the graph itself loads).
    pub fn empty(source: Source) -> Graph {
        Graph::from_parts(
            IndexMap::new(),
            IndexMap::new(),
            Vec::new(),
            Vec::new(),
            source,
        )
    }

    /// Builds a graph from nodes with distinct ids and edges given by the
    /// positions of their ends in `nodes` (edges with an end out of range are
    /// skipped).
    pub fn from_parts(
        kinds: IndexMap<String, Kind>,
        relations: IndexMap<String, Relation>,
        nodes: Vec<Node>,
        edges: Vec<(usize, usize, EdgeData)>,
        source: Source,
    ) -> Graph {
        let mut g = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index = FxHashMap::default();
        index.reserve(nodes.len());
        for node in nodes {
            let id = node.id.clone();
            let ix = g.add_node(node);
            index.insert(id, ix);
        }
        let count = g.node_count();
        for (a, b, data) in edges {
            if a < count && b < count {
                g.add_edge(NodeIndex::new(a), NodeIndex::new(b), data);
            }
        }
        Graph::assemble(kinds, relations, g, index, source)
    }

    fn assemble(
        kinds: IndexMap<String, Kind>,
        relations: IndexMap<String, Relation>,
        g: DiGraph<Node, EdgeData>,
        index: FxHashMap<Id, NodeIndex>,
        source: Source,
    ) -> Graph {
        Graph {
            kinds,
            relations,
            g,
            index,
            shared_labels: std::sync::OnceLock::new(),
            source,
            name: None,
            stamp: next_stamp(),
        }
    }

    /// The document this graph was built from, field for field.
    pub fn to_document(&self) -> Document {
        let nodes = self.g.node_weights().cloned().collect();
        let edges = self
            .g
            .edge_indices()
            .map(|e| self.edge_document(e))
            .collect();
        Document {
            name: self.name.clone().unwrap_or_default(),
            kinds: self.kinds.clone(),
            relations: self.relations.clone(),
            nodes,
            edges,
        }
    }

    /// One edge in its written form.
    pub fn edge_document(&self, e: EdgeIndex) -> Edge {
        let (a, b) = self
            .g
            .edge_endpoints(e)
            .expect("edge index from this graph");
        let data = &self.g[e];
        Edge {
            from: self.g[a].id.clone(),
            rel: data.rel.clone(),
            to: self.g[b].id.clone(),
            note: data.note.clone(),
            props: data.props.clone(),
        }
    }

    /// What an edge carries.
    pub fn edge(&self, e: EdgeIndex) -> &EdgeData {
        &self.g[e]
    }

    /// The two ends of an edge, start first.
    pub fn edge_ends(&self, e: EdgeIndex) -> Option<(NodeIndex, NodeIndex)> {
        self.g.edge_endpoints(e)
    }

    /// The node index of an id.
    pub fn find(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The node at an index.
    pub fn node(&self, ix: NodeIndex) -> &Node {
        &self.g[ix]
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.g.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.g.edge_count()
    }

    /// Every node's index, in file order.
    pub fn node_indices(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        self.g.node_indices()
    }

    /// Every node, in file order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.g.node_weights()
    }

    /// The node an edge starts from and the node it ends at.
    pub fn endpoints(&self, e: EdgeIndex) -> (NodeIndex, NodeIndex) {
        self.g
            .edge_endpoints(e)
            .expect("edge index from this graph")
    }

    /// Every edge with its ends, in file order.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &EdgeData)> + '_ {
        use petgraph::visit::EdgeRef;
        self.g
            .edge_references()
            .map(|e| (e.id(), e.source(), e.target(), e.weight()))
    }

    /// How many nodes each kind has, in one pass.
    pub fn kind_counts(&self) -> FxHashMap<&str, usize> {
        let mut counts = FxHashMap::default();
        for n in self.g.node_weights() {
            *counts.entry(n.kind.as_str()).or_default() += 1;
        }
        counts
    }

    /// How many edges each relation has, in one pass.
    pub fn rel_counts(&self) -> FxHashMap<&str, usize> {
        let mut counts = FxHashMap::default();
        for e in self.g.edge_weights() {
            *counts.entry(e.rel.as_str()).or_default() += 1;
        }
        counts
    }

    /// How many connected pieces the graph has, edges read both ways.
    pub fn component_count(&self) -> usize {
        petgraph::algo::connected_components(&self.g)
    }

    /// Whether another node has the same label (ignoring case).
    pub fn label_is_shared(&self, ix: NodeIndex) -> bool {
        let mut buf = Vec::new();
        match self
            .shared_labels()
            .by_hash
            .get(&label_hash(&self.g[ix].label, &mut buf))
        {
            None | Some(Label::Once(_)) => false,
            Some(Label::Shared(_)) => true,
            // Two different labels with one hash: compared one by one.
            Some(Label::Collided) => {
                let own = self.g[ix].label.to_lowercase();
                self.g
                    .node_indices()
                    .any(|other| other != ix && self.g[other].label.to_lowercase() == own)
            }
        }
    }

    /// Works out now what is otherwise worked out on first use (the labels
    /// several nodes share), so a graph loaded on one thread is ready to
    /// show on another without a pause.
    pub fn warm(&self) {
        self.shared_labels();
    }

    /// The labels, by the hash of their lowercase form: no lowercase copy of
    /// each label is kept (on a large graph that is a million allocations).
    fn shared_labels(&self) -> &SharedLabels {
        self.shared_labels.get_or_init(|| {
            let mut by_hash: FxHashMap<u64, Label> = FxHashMap::default();
            by_hash.reserve(self.g.node_count());
            let (mut buf, mut first_buf) = (Vec::new(), Vec::new());
            for ix in self.g.node_indices() {
                let label = &self.g[ix].label;
                let slot = by_hash
                    .entry(label_hash(label, &mut buf))
                    .or_insert(Label::Once(ix));
                if let Label::Once(first) | Label::Shared(first) = *slot
                    && first != ix
                {
                    lowercase(&self.g[first].label, &mut first_buf);
                    *slot = if first_buf == buf {
                        Label::Shared(first)
                    } else {
                        Label::Collided
                    };
                }
            }
            by_hash.retain(|_, l| !matches!(l, Label::Once(_)));
            SharedLabels { by_hash }
        })
    }

    /// The node a node belongs to, to tell same-named nodes apart: the
    /// other end of its `part_of` edge, else the algorithm it is a
    /// hyperparameter of.
    pub fn owner(&self, ix: NodeIndex) -> Option<NodeIndex> {
        use petgraph::visit::EdgeRef;
        let out = self.g.edges_directed(ix, petgraph::Direction::Outgoing);
        let part_of = out
            .filter(|e| e.weight().rel == "part_of")
            .map(|e| e.target());
        let inc = self.g.edges_directed(ix, petgraph::Direction::Incoming);
        let hyper = inc
            .filter(|e| e.weight().rel == "hyperparameter")
            .map(|e| e.source());
        part_of.chain(hyper).next()
    }

    /// A node's label as people should read it in a list: with `· owner`
    /// when another node has the same label (`k · K-Means`, `k · k-NN`), the
    /// id's namespace (`kmeans` of `kmeans.k`) standing in for an owner.
    pub fn display_name(&self, ix: NodeIndex) -> String {
        let label = crate::text::visible(&self.g[ix].label).into_owned();
        if !self.label_is_shared(ix) {
            return label;
        }
        let owner = match self.owner(ix) {
            Some(o) => self.g[o].label.clone(),
            None => match self.g[ix].id.rsplit_once('.') {
                Some((space, _)) => space.to_string(),
                None => return label,
            },
        };
        format!("{label} · {}", crate::text::visible(&owner))
    }

    /// Every node's degree, by node index, counted in one pass over the
    /// edges (asking each node walks its edges, a cache miss each on a
    /// large graph).
    pub fn degrees(&self) -> Vec<usize> {
        let mut degrees = vec![0; self.g.node_count()];
        for e in self.g.raw_edges() {
            degrees[e.source().index()] += 1;
            degrees[e.target().index()] += 1;
        }
        degrees
    }

    /// Number of edges at a node, both directions.
    pub fn degree(&self, ix: NodeIndex) -> usize {
        self.g
            .edges_directed(ix, petgraph::Direction::Outgoing)
            .count()
            + self
                .g
                .edges_directed(ix, petgraph::Direction::Incoming)
                .count()
    }

    /// The label of a kind, or its id when undeclared.
    pub fn kind_label<'a>(&'a self, kind: &'a str) -> &'a str {
        self.kinds.get(kind).map_or(kind, |k| k.label.as_str())
    }

    /// The relation declaration of an id.
    pub fn relation(&self, rel: &str) -> Option<&Relation> {
        self.relations.get(rel)
    }

    /// The label of a relation read forwards, or its id when undeclared.
    pub fn rel_label<'a>(&'a self, rel: &'a str) -> &'a str {
        self.relations.get(rel).map_or(rel, |r| r.label.as_str())
    }

    /// The label of a relation read backwards, or its id when undeclared.
    pub fn rel_inverse_label<'a>(&'a self, rel: &'a str) -> &'a str {
        self.relations.get(rel).map_or(rel, |r| r.inverse_label())
    }

    /// Every edge as its `from` node, its data and its `to` node, in file order.
    pub fn edge_triples(&self) -> impl Iterator<Item = (&Node, &EdgeData, &Node)> {
        self.g
            .raw_edges()
            .iter()
            .map(|e| (&self.g[e.source()], &e.weight, &self.g[e.target()]))
    }

    /// The node with an id.
    pub fn node_by_id(&self, id: &str) -> Option<&Node> {
        self.find(id).map(|ix| &self.g[ix])
    }

    /// Whether a relation is symmetric.
    pub fn is_symmetric(&self, rel: &str) -> bool {
        self.relations.get(rel).is_some_and(|r| r.symmetric)
    }
}

/// Whether a string follows the id rules: non-empty, lowercase ASCII letters,
/// digits, `-`, `_` and `.`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, label: &str) -> Node {
        Node {
            id: id.into(),
            kind: "k".into(),
            label: label.into(),
            aliases: Vec::new(),
            summary: String::new(),
            notes: String::new(),
            props: Props::new(),
            sources: Vec::new(),
        }
    }

    fn graph(labels: &[&str]) -> Graph {
        let nodes = labels
            .iter()
            .enumerate()
            .map(|(i, l)| node(&format!("n{i}"), l))
            .collect();
        Graph::from_parts(
            IndexMap::new(),
            IndexMap::new(),
            nodes,
            Vec::new(),
            Source::Embedded,
        )
    }

    #[test]
    fn a_label_is_shared_when_another_node_has_it_in_any_case() {
        let g = graph(&["K", "k", "Ünïcode", "üNÏCODE", "alone", "ΣΑΣ", "σας"]);
        let shared: Vec<bool> = g.node_indices().map(|ix| g.label_is_shared(ix)).collect();
        let lower = |l: &str| l.to_lowercase();
        let expected: Vec<bool> = g
            .node_indices()
            .map(|ix| {
                g.node_indices()
                    .any(|o| o != ix && lower(&g.node(o).label) == lower(&g.node(ix).label))
            })
            .collect();
        assert_eq!(shared, expected);
        assert_eq!(shared, [true, true, true, true, false, true, true]);
    }

    #[test]
    fn labels_whose_hashes_collide_are_compared_one_by_one() {
        let g = graph(&["one", "two", "two"]);
        let mut buf = Vec::new();
        // As if "one" and "two" had one hash: both are under it.
        let collided = [label_hash("one", &mut buf), label_hash("two", &mut buf)]
            .map(|h| (h, Label::Collided));
        g.shared_labels
            .set(SharedLabels {
                by_hash: collided.into_iter().collect(),
            })
            .expect("not yet worked out");
        let shared: Vec<bool> = g.node_indices().map(|ix| g.label_is_shared(ix)).collect();
        assert_eq!(shared, [false, true, true]);
    }
}
