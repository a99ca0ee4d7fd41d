//! One function per subcommand. Each writes its output to a `Write` so tests
//! can capture it; problems come back as a [`Failure`] for `main` to print
//! and map to an exit code.

pub mod compare;
pub mod paint;
pub mod query;
mod report;
pub mod resolve;
pub mod shell;
mod stream;
pub mod study;
pub mod table;
mod walk;

use std::io::{self, Write};
use std::path::Path;

use crate::cli::{Cli, ColorWhen, Command};
use crate::export::{self, Filter, WriteError};
use crate::graph::check::Warnings;
use crate::graph::load::{self, Loaded};
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
    /// A search found nothing (exit 1, as grep).
    #[error("{0}")]
    NoMatch(String),
    /// An argument names a kind or relation the graph does not declare.
    #[error("{0}")]
    BadArgument(String),
    /// An export file could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The study database could not be used.
    #[error(transparent)]
    Study(#[from] crate::study::StoreError),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
}

impl Failure {
    /// The exit code: 2 for bad input (graph, arguments), 1 for a search
    /// with no hit and for I/O failures.
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Load(_) | Failure::NotFound(_) | Failure::BadArgument(_) => 2,
            Failure::NoMatch(_) | Failure::Write(_) | Failure::Io(_) | Failure::Study(_) => 1,
        }
    }

    /// Prints the failure for people, with every diagnostic of an invalid graph.
    pub fn report(&self, err: &mut dyn Write) -> io::Result<()> {
        if let Failure::Load(LoadError::Invalid { diagnostics, .. }) = self {
            for d in diagnostics {
                writeln!(err, "{d}\n")?;
            }
            let warnings: usize = diagnostics
                .iter()
                .filter(|d| !d.is_error())
                .map(Diagnostic::count)
                .sum();
            if warnings > 0 {
                let msg = format!("{self}, {warnings} warning(s)");
                return writeln!(err, "mlkg: {}", visible(&msg));
            }
        }
        // Each line made safe on its own: the message's own line breaks stay.
        let msg = self.to_string();
        for (i, line) in msg.split('\n').enumerate() {
            let prefix = if i == 0 { "mlkg: " } else { "" };
            writeln!(err, "{prefix}{}", visible(line))?;
        }
        Ok(())
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
    match command {
        Command::Completions(a) => return shell::completions(a, out),
        Command::Man => return shell::man(out),
        _ => {}
    }
    let path = crate::cli::graph_path(cli.graph.as_deref()).map_err(Failure::BadArgument)?;
    if let Command::Check(args) = command {
        return check(
            args.file.as_deref().or(path.as_deref()),
            args.quiet,
            out,
            err,
        );
    }
    if let (Command::Search(a), Some(p)) = (command, path.as_deref())
        && let Some(stored) = load::cached_search(p)
        && let Some(done) = report::search_stored(&stored, a, paint, out)
    {
        std::mem::forget(stored);
        return done;
    }
    let graph = load_quietly(path.as_deref())?;
    let result = match command {
        Command::Search(a) => report::search(&graph, a, paint, out),
        Command::Show(a) => report::show(&graph, a, paint, out, err),
        Command::Neighbors(a) => walk::neighbors(&graph, a, paint, out, err),
        Command::Path(a) => walk::path(&graph, a, paint, out, err),
        Command::Export(a) => export_cmd(&graph, a, path.as_deref(), out, err),
        Command::Stats(a) => report::stats(&graph, a, paint, out),
        Command::Query(a) => query::query(&graph, a, paint, out, err),
        Command::Compare(a) => compare::compare(&graph, a, paint, out, err),
        Command::Table(a) => table::table(&graph, a, paint, out),
        Command::Study(a) => study::run(&graph, a, path.as_deref(), out),
        Command::Check(_) | Command::Completions(_) | Command::Man => Ok(()),
    };
    // The process ends right after a command: the system takes a large graph
    // back at exit faster than it can be freed piece by piece (~10% of a
    // command on a 100k-node graph).
    std::mem::forget(graph);
    result
}

/// `mlkg check`: `ok: N nodes, M edges` with any warnings, or every problem.
fn check(
    file: Option<&Path>,
    quiet: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let loaded = match load_graph(file) {
        Ok(loaded) => loaded,
        Err(LoadError::Invalid {
            file,
            mut diagnostics,
        }) if quiet => {
            diagnostics.retain(Diagnostic::is_error);
            return Err(LoadError::Invalid { file, diagnostics }.into());
        }
        Err(e) => return Err(e.into()),
    };
    if quiet {
        return Ok(());
    }
    print_warnings(&loaded.warnings, err)?;
    let warnings = match loaded.warnings.iter().map(Diagnostic::count).sum() {
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
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let kinds = resolve::kinds(graph, &a.kind)?;
    let rels = resolve::relations(graph, &a.rel)?;
    let root = a
        .root
        .as_deref()
        .map(|r| resolve::node(graph, r, err))
        .transpose()?;
    let filter = Filter {
        root,
        depth: a.depth,
        kinds,
        rels,
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
        None => {
            export::write_with(graph, &filter, format, &options, out)?;
            out.flush()?;
        }
    }
    // Advice only once the export is written: a failed one gets its error alone.
    if let Some(advice) = export::advice(graph, &filter, format, &options) {
        writeln!(err, "mlkg: {advice}")?;
    }
    Ok(())
}

/// Prints the load warnings of a graph (used where a command shows them).
pub fn print_warnings(warnings: &[Diagnostic], err: &mut dyn Write) -> io::Result<()> {
    for w in warnings {
        writeln!(err, "{w}\n")?;
    }
    Ok(())
}
