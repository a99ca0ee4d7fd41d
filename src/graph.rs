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
    /// Labels that more than one node has (lowercase), found on first use.
    shared_labels: std::sync::OnceLock<rustc_hash::FxHashSet<String>>,
    /// Where the graph came from.
    pub source: Source,
    /// The name the file gives the graph, if any.
    pub name: Option<String>,
    /// A number no other graph built in this process has (a clone keeps it).
    stamp: u64,
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
        // The graph's own id index resolves the edges: each end is looked
        // up once (on a large graph every lookup is a cache miss or two).
        Graph::build(doc, source, |index, _, _, e| {
            Some((*index.get(e.from.as_str())?, *index.get(e.to.as_str())?))
        })
    }

    /// Builds a graph from a validated document and its edges' ends as
    /// [`check::validate_resolving`] found them, so no id is looked up
    /// again. Ends that are out of range are skipped; ends that do not
    /// match the edges leave the build to [`Graph::from_document`].
    pub fn from_checked(doc: Document, ends: &[[u32; 2]], source: Source) -> Graph {
        if ends.len() != doc.edges.len() {
            return Graph::from_document(doc, source);
        }
        Graph::build(doc, source, |_, at, i, _| {
            let [a, b] = ends[i].map(|end| at.get(end as usize).copied());
            Some((a?, b?))
        })
    }

    /// Builds a graph whose nodes are the document's first node of each id,
    /// in order, and whose edges join the ends `end` finds, given the id
    /// index, each node position's node, and the edge with its position.
    fn build(
        doc: Document,
        source: Source,
        end: impl Fn(
            &FxHashMap<Id, NodeIndex>,
            &[NodeIndex],
            usize,
            &Edge,
        ) -> Option<(NodeIndex, NodeIndex)>,
    ) -> Graph {
        let mut g = DiGraph::with_capacity(doc.nodes.len(), doc.edges.len());
        let mut index: FxHashMap<Id, NodeIndex> = FxHashMap::default();
        index.reserve(doc.nodes.len());
        let mut at = Vec::with_capacity(doc.nodes.len());
        for node in doc.nodes {
            let i = match index.entry(node.id.clone()) {
                std::collections::hash_map::Entry::Vacant(slot) => *slot.insert(g.add_node(node)),
                std::collections::hash_map::Entry::Occupied(first) => *first.get(),
            };
            at.push(i);
        }
        for (i, e) in doc.edges.into_iter().enumerate() {
            if let Some((a, b)) = end(&index, &at, i, &e) {
                let data = EdgeData {
                    rel: e.rel,
                    note: e.note,
                    props: e.props,
                };
                g.add_edge(a, b, data);
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
        let shared = self.shared_labels();
        !shared.is_empty() && shared.contains(&self.g[ix].label.to_lowercase())
    }

    /// Works out now what is otherwise worked out on first use (the labels
    /// several nodes share), so a graph loaded on one thread is ready to
    /// show on another without a pause.
    pub fn warm(&self) {
        self.shared_labels();
    }

    fn shared_labels(&self) -> &rustc_hash::FxHashSet<String> {
        self.shared_labels.get_or_init(|| {
            let mut seen: FxHashMap<String, bool> = FxHashMap::default();
            for n in self.g.node_weights() {
                seen.entry(n.label.to_lowercase())
                    .and_modify(|twice| *twice = true)
                    .or_insert(false);
            }
            seen.into_iter()
                .filter(|(_, t)| *t)
                .map(|(l, _)| l)
                .collect()
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
