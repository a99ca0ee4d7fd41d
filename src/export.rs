//! Exports of the graph or a part of it: DOT for Graphviz, JSON (the same
//! document as a graph file), Mermaid flowcharts. Each writes to any
//! `Write`; [`write_atomic`] puts a file in place only once it is complete.

pub mod dot;
pub mod json;
pub mod mermaid;

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use petgraph::graph::{EdgeIndex, NodeIndex};

use crate::graph::Graph;
use crate::graph::query::Walk;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// JSON, the same document as a graph file.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
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
                self.depth, graph.g[root].id
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
            for ix in graph.g.node_indices() {
                kept[ix.index()] &= filter.kinds.contains(&graph.g[ix].kind);
            }
        }
        let nodes: Vec<NodeIndex> = graph
            .g
            .node_indices()
            .filter(|ix| kept[ix.index()])
            .collect();
        let edges = graph
            .g
            .edge_indices()
            .filter(|e| filter.rels.is_empty() || filter.rels.contains(&graph.g[*e].rel))
            .filter(|e| {
                graph
                    .g
                    .edge_endpoints(*e)
                    .is_some_and(|(a, b)| kept[a.index()] && kept[b.index()])
            })
            .collect();
        Selection { nodes, edges }
    }
}

/// Writes an export in a format.
pub fn write(
    graph: &Graph,
    filter: &Filter,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sel = Selection::new(graph, filter);
    match format {
        Format::Dot => dot::write(graph, &sel, filter, out),
        Format::Json => json::write(graph, &sel, out),
        Format::Mermaid => mermaid::write(graph, &sel, filter, out),
    }
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output is the graph being read.
    #[error("refusing to write {0}: it is the graph file being read; choose another output")]
    SameAsInput(PathBuf),
    /// The output is a symbolic link.
    #[error("refusing to write {0}: it is a symbolic link; give the real path")]
    Symlink(PathBuf),
    /// Writing failed; any earlier file at the path is untouched.
    #[error("cannot write {path}: {source} (any earlier file there is unchanged)")]
    Io {
        /// The output.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
}

/// Writes a file atomically: into a temporary file in the same folder, flushed
/// and synced, then renamed over the target. On any failure the temporary file
/// is removed and an earlier file at the path is left as it was. Refuses to
/// write over `protect` (the graph being read), comparing device and inode.
pub fn write_atomic(
    path: &Path,
    protect: Option<&Path>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let io_err = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Ok(meta) = fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            return Err(WriteError::Symlink(path.to_path_buf()));
        }
        if let Some(input) = protect
            && same_file(path, input)
        {
            return Err(WriteError::SameAsInput(path.to_path_buf()));
        }
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| {
        io_err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ))
    })?;
    let (tmp, file) = create_temp(&dir, &name.to_string_lossy()).map_err(io_err)?;
    let result = (|| {
        let mut w = BufWriter::new(file);
        body(&mut w)?;
        w.flush()?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    Ok(())
}

/// Creates a new file beside the target with the usual permissions (0666
/// less the umask), never reusing an existing name.
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    for n in 0..1000 {
        let tmp = dir.join(format!(".{name}.mlkg-{pid}-{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free temporary file name",
    ))
}

/// Whether two paths are the same file (device and inode), following links.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (fs::canonicalize(a), fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}
