//! One function per subcommand. Each writes its output to a `Write` so tests
//! can capture it; problems come back as a [`Failure`] for `main` to print
//! and map to an exit code.

mod paint;
mod report;
mod walk;

use std::io::{self, Write};
use std::path::Path;

use petgraph::graph::NodeIndex;

use crate::cli::{Cli, ColorWhen, Command};
use crate::export::{self, Filter, WriteError};
use crate::graph::check::Warnings;
use crate::graph::load::{self, Loaded};
use crate::graph::search::{SearchIndex, Tier};
use crate::graph::{Diagnostic, Graph, LoadError};
use crate::text::visible;

pub use paint::Paint;

/// Why a command did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The graph could not be loaded.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A NODE argument named no node clearly.
    #[error("{0}")]
    NotFound(String),
    /// An argument names a kind or relation the graph does not declare.
    #[error("{0}")]
    BadArgument(String),
    /// An export file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
}

impl Failure {
    /// The exit code: 2 for bad input (graph, arguments), 1 for I/O failures.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Load(_) | Failure::NotFound(_) | Failure::BadArgument(_) => 2,
            Failure::Write(_) | Failure::Io(_) => 1,
        }
    }

    /// Prints the failure for people, with every diagnostic of an invalid graph.
    pub fn report(&self, err: &mut dyn Write) -> io::Result<()> {
        if let Failure::Load(LoadError::Invalid { diagnostics, .. }) = self {
            for d in diagnostics {
                writeln!(err, "{d}\n")?;
            }
        }
        writeln!(err, "mlkg: {}", visible(&self.to_string()))
    }
}

/// Loads the graph a command works on: the file given, else the embedded one.
pub fn load_graph(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match path {
        Some(p) => load::load_path(p),
        None => load::load_embedded(),
    }
}

/// Loads the graph for a command that does not show warnings (faster on
/// large graphs, and a large unchanged file comes from the cache).
pub fn load_quietly(path: Option<&Path>) -> Result<Graph, LoadError> {
    let loaded = match path {
        Some(p) => load::load_path_with(p, Warnings::Skip)?,
        None => load::load_str_with(
            load::EMBEDDED,
            crate::graph::Source::Embedded,
            Warnings::Skip,
        )?,
    };
    Ok(loaded.graph)
}

/// Whether output should be coloured.
pub fn use_color(when: ColorWhen, is_terminal: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// Runs a subcommand.
pub fn run(
    cli: &Cli,
    command: &Command,
    paint: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    if let Command::Check(args) = command {
        let file = args.file.as_deref().or(cli.graph.as_deref());
        return check(file, out, err);
    }
    let graph = load_quietly(cli.graph.as_deref())?;
    let result = match command {
        Command::Search(a) => report::search(&graph, a, paint, out),
        Command::Show(a) => report::show(&graph, a, paint, out),
        Command::Neighbors(a) => walk::neighbors(&graph, a, paint, out),
        Command::Path(a) => walk::path(&graph, a, paint, out),
        Command::Export(a) => export_cmd(&graph, a, cli.graph.as_deref(), out),
        Command::Stats(a) => report::stats(&graph, a, paint, out),
        Command::Check(_) => Ok(()),
    };
    // The process ends right after a command: the system takes a large graph
    // back at exit faster than it can be freed piece by piece (~10% of a
    // command on a 100k-node graph).
    std::mem::forget(graph);
    result
}

/// `mlkg check`: `ok: N nodes, M edges` with any warnings, or every problem.
fn check(file: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    let loaded = load_graph(file)?;
    print_warnings(&loaded.warnings, err)?;
    let warnings = match loaded.warnings.len() {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        n => format!(", {n} warnings"),
    };
    writeln!(
        out,
        "ok: {} nodes, {} edges{warnings}",
        loaded.graph.node_count(),
        loaded.graph.edge_count()
    )?;
    Ok(())
}

fn export_cmd(
    graph: &Graph,
    a: &crate::cli::ExportArgs,
    input: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    check_kinds(graph, &a.kind)?;
    check_rels(graph, &a.rel)?;
    let root = a.root.as_deref().map(|r| resolve(graph, r)).transpose()?;
    let filter = Filter {
        root,
        depth: a.depth,
        kinds: a.kind.clone(),
        rels: a.rel.clone(),
    };
    let options = export::Options {
        base: a.base.clone(),
        cluster: a.cluster,
        max_edges: a.max_edges,
    };
    let format = a
        .format
        .or_else(|| a.output.as_deref().and_then(export::Format::from_path))
        .unwrap_or(export::Format::Dot);
    match &a.output {
        Some(path) => export::write_path(graph, &filter, format, &options, path, input)?,
        None if format.is_folder() => {
            return Err(Failure::BadArgument(format!(
                "--format {} writes a folder of files: give it with -o DIR",
                clap::ValueEnum::to_possible_value(&format)
                    .map_or_else(String::new, |v| v.get_name().to_string())
            )));
        }
        None => export::write_with(graph, &filter, format, &options, out)?,
    }
    Ok(())
}

/// Fails when a `--kind` names no declared kind.
fn check_kinds(graph: &Graph, kinds: &[String]) -> Result<(), Failure> {
    check_declared("kind", kinds, graph.kinds.keys())
}

/// Fails when a `--rel` names no declared relation.
fn check_rels(graph: &Graph, rels: &[String]) -> Result<(), Failure> {
    check_declared("relation", rels, graph.relations.keys())
}

fn check_declared<'a>(
    what: &str,
    given: &[String],
    declared: impl Iterator<Item = &'a String> + Clone,
) -> Result<(), Failure> {
    for g in given {
        if !declared.clone().any(|d| d == g) {
            let list: Vec<&str> = declared.map(String::as_str).collect();
            return Err(Failure::BadArgument(format!(
                "no {what} \"{g}\" in this graph; its {what}s are: {}",
                list.join(", ")
            )));
        }
    }
    Ok(())
}

/// Resolves a NODE argument: exact id, else exact label or alias (any case),
/// else the best fuzzy hit when it is clearly the best.
pub fn resolve(graph: &Graph, query: &str) -> Result<NodeIndex, Failure> {
    if let Some(ix) = graph.find(query) {
        return Ok(ix);
    }
    let lower = query.trim().to_lowercase();
    let named: Vec<NodeIndex> = graph
        .g
        .node_indices()
        .filter(|&ix| {
            let n = &graph.g[ix];
            n.label.to_lowercase() == lower || n.aliases.iter().any(|a| a.to_lowercase() == lower)
        })
        .collect();
    if named.len() == 1 {
        return Ok(named[0]);
    }
    let index = SearchIndex::new(graph);
    let hits = index.search(graph, query, &[], 6);
    if named.is_empty() {
        let clear = match hits.as_slice() {
            [only] => Some(only),
            [first, second, ..] if first.tier < second.tier && first.tier != Tier::Fuzzy => {
                Some(first)
            }
            [first, second, ..]
                if first.score >= second.score + second.score / 2 && first.score > 0 =>
            {
                Some(first)
            }
            _ => None,
        };
        if let Some(hit) = clear {
            return Ok(hit.node);
        }
    }
    let candidates: Vec<NodeIndex> = if named.is_empty() {
        hits.iter().map(|h| h.node).collect()
    } else {
        named
    };
    let mut msg = if candidates.is_empty() {
        format!("no node matches \"{query}\"; try `mlkg search {query}`")
    } else {
        format!("\"{query}\" could mean several nodes; give one of these ids:")
    };
    for ix in candidates {
        let n = &graph.g[ix];
        msg.push_str(&format!("\n  {:<28} {} [{}]", n.id, n.label, n.kind));
    }
    Err(Failure::NotFound(msg))
}

/// Prints the load warnings of a graph (used where a command shows them).
pub fn print_warnings(warnings: &[Diagnostic], err: &mut dyn Write) -> io::Result<()> {
    for w in warnings {
        writeln!(err, "{w}\n")?;
    }
    Ok(())
}
