//! Exports of the graph or a part of it: pictures (DOT for Graphviz,
//! Mermaid flowcharts), JSON (the same document as a graph file), GraphML,
//! RDF (Turtle, N-Triples), and folders of CSV files for the bulk loaders of
//! Amazon Neptune (Gremlin and openCypher) and Neo4j. Single-file formats
//! write to any `Write`; [`write_path`] puts a file or folder in place only
//! once it is complete (see [`file`]).

pub mod csv;
pub mod dot;
pub mod file;
pub mod graphml;
pub mod json;
pub mod mermaid;
pub mod neo4j;
pub mod neptune;
pub mod rdf;
pub mod render;
pub mod scan;
pub mod style;

use std::io::{self, Write};
use std::path::Path;

pub use file::{WriteError, same_file, write_atomic};

use crate::graph::query::Walk;
use crate::graph::{EdgeIndex, Graph, NodeIndex};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// JSON, the same document as a graph file.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
    /// GraphML (yEd, Gephi, Cytoscape, networkx).
    Graphml,
    /// RDF in Turtle.
    Turtle,
    /// RDF in N-Triples.
    Ntriples,
    /// A folder of CSV files for Amazon Neptune's Gremlin bulk loader.
    NeptuneGremlin,
    /// A folder of CSV files for Amazon Neptune's openCypher bulk loader.
    NeptuneOpencypher,
    /// A folder of CSV files for `neo4j-admin database import`.
    Neo4j,
}

impl Format {
    /// The format a path asks for: by extension for files (`.dot`/`.gv`,
    /// `.json`, `.mmd`/`.mermaid`, `.graphml`, `.ttl`, `.nt`), and for the
    /// CSV folders by how the folder's name ends (`neo4j`, `gremlin`,
    /// `opencypher` or `cypher`, as in `graph-neo4j/`). None when the path
    /// names no format.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let ext = name.rsplit_once('.').map(|(_, e)| e);
        let by_ext = match ext {
            Some("dot" | "gv") => Some(Format::Dot),
            Some("json") => Some(Format::Json),
            Some("mmd" | "mermaid") => Some(Format::Mermaid),
            Some("graphml") => Some(Format::Graphml),
            Some("ttl") => Some(Format::Turtle),
            Some("nt") => Some(Format::Ntriples),
            _ => None,
        };
        by_ext.or_else(|| {
            [
                ("neo4j", Format::Neo4j),
                ("gremlin", Format::NeptuneGremlin),
                ("opencypher", Format::NeptuneOpencypher),
                ("cypher", Format::NeptuneOpencypher),
            ]
            .into_iter()
            .find(|(end, _)| name.ends_with(end))
            .map(|(_, f)| f)
        })
    }

    /// Whether the format is a folder of files rather than one file.
    pub fn is_folder(self) -> bool {
        matches!(
            self,
            Format::NeptuneGremlin | Format::NeptuneOpencypher | Format::Neo4j
        )
    }
}

/// Settings some formats read; the defaults suit most uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The IRI under which RDF exports name nodes and relations.
    pub base: String,
    /// DOT: group nodes by kind in clusters.
    pub cluster: bool,
    /// Mermaid: a `maxEdges` to write in the front matter, if any.
    pub max_edges: Option<usize>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            base: rdf::DEFAULT_BASE.to_string(),
            cluster: false,
            max_edges: None,
        }
    }
}

/// What part of the graph to export.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Start from this node and keep what is within `depth` steps.
    pub root: Option<NodeIndex>,
    /// Steps from the root (ignored without a root).
    pub depth: usize,
    /// Keep only nodes of these kinds (all when empty).
    pub kinds: Vec<String>,
    /// Keep only edges of these relations (all when empty).
    pub rels: Vec<String>,
}

impl Filter {
    /// Whether this filter keeps the whole graph.
    pub fn is_whole(&self) -> bool {
        self.root.is_none() && self.kinds.is_empty() && self.rels.is_empty()
    }

    /// A sentence saying what the filter cut, for a comment in the output.
    pub fn describe(&self, graph: &Graph) -> String {
        let mut parts = Vec::new();
        if let Some(root) = self.root {
            parts.push(format!(
                "within {} step(s) of \"{}\"",
                self.depth,
                graph.node(root).id
            ));
        }
        if !self.kinds.is_empty() {
            parts.push(format!("kinds {}", self.kinds.join(", ")));
        }
        if !self.rels.is_empty() {
            parts.push(format!("relations {}", self.rels.join(", ")));
        }
        parts.join("; ")
    }
}

/// The comment lines an export starts with: the graph it came from and, for
/// a part of it, what it was cut from. Made visible, so a line never breaks.
pub fn comments(graph: &Graph, sel: &Selection, filter: &Filter) -> Vec<String> {
    let mut lines = vec![format!(
        "mlkg export of {}",
        crate::text::visible(&graph.source.to_string())
    )];
    if !filter.is_whole() {
        lines.push(format!(
            "subgraph {}: {} of {} nodes, {} of {} edges",
            crate::text::visible(&filter.describe(graph)),
            sel.nodes.len(),
            graph.node_count(),
            sel.edges.len(),
            graph.edge_count()
        ));
    }
    lines
}

/// The nodes and edges an export holds, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Nodes kept.
    pub nodes: Vec<NodeIndex>,
    /// Edges kept: both ends kept and the relation allowed.
    pub edges: Vec<EdgeIndex>,
}

impl Selection {
    /// Everything the filter keeps.
    pub fn new(graph: &Graph, filter: &Filter) -> Selection {
        let mut kept = vec![filter.root.is_none(); graph.node_count()];
        if let Some(root) = filter.root {
            for (ix, _, _) in graph.neighbourhood(root, filter.depth, &filter.rels, Walk::Both) {
                kept[ix.index()] = true;
            }
        }
        if !filter.kinds.is_empty() {
            for (ix, n) in graph.node_indices().zip(graph.nodes()) {
                kept[ix.index()] &= filter.kinds.iter().any(|k| *k == n.kind);
            }
        }
        let nodes: Vec<NodeIndex> = graph.node_indices().filter(|ix| kept[ix.index()]).collect();
        let edges = graph
            .edges()
            .filter(|(_, a, b, d)| {
                (filter.rels.is_empty() || filter.rels.iter().any(|r| *r == d.rel))
                    && kept[a.index()]
                    && kept[b.index()]
            })
            .map(|(e, ..)| e)
            .collect();
        Selection { nodes, edges }
    }
}

/// Writes an export in a single-file format with the default options.
pub fn write(
    graph: &Graph,
    filter: &Filter,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_with(graph, filter, format, &Options::default(), out)
}

/// Writes an export in a single-file format. A folder format writes its
/// main (nodes) file only: use [`write_path`] for the whole folder.
pub fn write_with(
    graph: &Graph,
    filter: &Filter,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sel = Selection::new(graph, filter);
    let ex = Export {
        graph,
        sel: &sel,
        filter,
        options,
    };
    match format {
        Format::Dot => dot::write(&ex, out),
        Format::Json => json::write(graph, &sel, out),
        Format::Mermaid => mermaid::write(&ex, out),
        Format::Graphml => graphml::write(&ex, out),
        Format::Turtle => rdf::write(&ex, rdf::Syntax::Turtle, out),
        Format::Ntriples => rdf::write(&ex, rdf::Syntax::NTriples, out),
        Format::NeptuneGremlin | Format::NeptuneOpencypher | Format::Neo4j => {
            let files = folder_files(&ex, format);
            (files[0].1)(out)
        }
    }
}

/// Past this many nodes a DOT export suggests `sfdp`.
pub const SFDP_ADVICE_NODES: usize = 200;

/// Advice about an export's size for the person running it (for stderr):
/// a large DOT picture lays out better with `sfdp`; a Mermaid chart past its
/// renderer's edge limit is not drawn at all.
pub fn advice(graph: &Graph, filter: &Filter, format: Format, options: &Options) -> Option<String> {
    if !matches!(format, Format::Dot | Format::Mermaid) {
        return None;
    }
    let (nodes, edges) = if filter.is_whole() {
        (graph.node_count(), graph.edge_count())
    } else {
        let sel = Selection::new(graph, filter);
        (sel.nodes.len(), sel.edges.len())
    };
    let part = "export a part with --root NODE --depth N, --kind or --rel";
    match format {
        Format::Dot if nodes > SFDP_ADVICE_NODES => Some(format!(
            "{nodes} nodes: `sfdp -Tsvg` lays out a graph this size better than `dot` \
             (`mlkg export | sfdp -Tsvg -Goverlap=prism > graph.svg`); or {part}"
        )),
        Format::Mermaid => {
            let limit = options.max_edges.unwrap_or(mermaid::DEFAULT_MAX_EDGES);
            (edges > limit).then(|| {
                format!(
                    "{edges} edges, past Mermaid's limit of {limit}: renderers show \"Edge limit \
                     exceeded\" instead of the chart; {part}, or raise the limit with \
                     --max-edges {edges} (front matter `maxEdges`)"
                )
            })
        }
        _ => None,
    }
}

/// Writes an export to a path: one file atomically, or, for the CSV
/// formats, a folder of files (created when missing) with a `LOAD.md`.
pub fn write_path(
    graph: &Graph,
    filter: &Filter,
    format: Format,
    options: &Options,
    path: &Path,
    protect: Option<&Path>,
) -> Result<(), WriteError> {
    if !format.is_folder() {
        return write_atomic(path, protect, |w| {
            write_with(graph, filter, format, options, w)
        });
    }
    let sel = Selection::new(graph, filter);
    let ex = Export {
        graph,
        sel: &sel,
        filter,
        options,
    };
    file::write_folder(path, protect, &folder_files(&ex, format))
}

/// A file of a folder export: its name and what writes it.
pub type FolderFile<'a> = (
    &'static str,
    Box<dyn Fn(&mut dyn Write) -> io::Result<()> + 'a>,
);

/// The files of a folder format, the nodes file first.
fn folder_files<'a>(ex: &'a Export<'a>, format: Format) -> Vec<FolderFile<'a>> {
    match format {
        Format::Neo4j => neo4j::files(ex),
        Format::NeptuneGremlin => neptune::files(ex, neptune::Dialect::Gremlin),
        _ => neptune::files(ex, neptune::Dialect::OpenCypher),
    }
}

/// Everything an exporter reads: the graph, what is kept of it, the filter
/// that kept it (for comments and the root) and the options.
#[derive(Clone, Copy)]
pub struct Export<'a> {
    /// The whole graph.
    pub graph: &'a Graph,
    /// What is exported.
    pub sel: &'a Selection,
    /// How it was cut.
    pub filter: &'a Filter,
    /// Format settings.
    pub options: &'a Options,
}

impl<'a> Export<'a> {
    /// The kept edges in file order, each with its two ends and its stable
    /// id, `from|rel|to`, with `|2`, `|3`... on a repeat (ids cannot hold
    /// `|`, so a repeat never meets another edge's id).
    pub fn edges_with_ids(
        &self,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, String)> + 'a {
        let g = self.graph;
        let mut seen: rustc_hash::FxHashMap<(NodeIndex, &'a str, NodeIndex), usize> =
            rustc_hash::FxHashMap::default();
        self.sel.edges.iter().filter_map(move |&e| {
            let (a, b) = g.edge_ends(e)?;
            let rel = g.edge(e).rel.as_str();
            let count = seen.entry((a, rel, b)).or_insert(0);
            *count += 1;
            let (from, to) = (&g.node(a).id, &g.node(b).id);
            let id = match *count {
                1 => format!("{from}|{rel}|{to}"),
                n => format!("{from}|{rel}|{to}|{n}"),
            };
            Some((e, a, b, id))
        })
    }
}
