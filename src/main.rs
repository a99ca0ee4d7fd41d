//! The `mlkg` binary: parse the command line, run, map failures to exit codes.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use mlkg::cli::{Cli, Command, Invocation};
use mlkg::commands::study::StudyArgs;
use mlkg::commands::{self, Failure, Paint};

fn main() -> ExitCode {
    commands::shell::complete_if_asked();
    let cli = mlkg::cli::parse::parse_or_exit();
    let command = match &cli.command {
        None => return explore(&cli, None, None),
        Some(Invocation::Explore(a)) => return explore(&cli, a.node.as_deref(), None),
        // `mlkg study` in a terminal opens the study screen; in a pipe it prints.
        Some(Invocation::Command(Command::Study(a)))
            if a.action.is_none()
                && std::io::stdin().is_terminal()
                && std::io::stdout().is_terminal() =>
        {
            return explore(&cli, None, Some(a));
        }
        Some(Invocation::Command(c)) => c,
    };
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let paint = Paint::new(
        commands::use_color(cli.color, tty),
        commands::paint::wrap_width(tty),
    );
    if paint.on {
        // crossterm drops colours by itself under NO_COLOR; `--color always`
        // wins over it completely.
        crossterm::style::force_color_output(true);
    }
    // Large outputs (exports) go out in blocks, not a write per line.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut err = std::io::stderr().lock();
    let result = commands::run(&cli, command, paint, &mut out, &mut err);
    let flushed = out.flush();
    match result {
        Ok(()) => match flushed {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                let _ = writeln!(err, "mlkg: cannot write output: {e}");
                ExitCode::from(1)
            }
        },
        Err(Failure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(f) => {
            let _ = f.report(&mut err);
            ExitCode::from(f.exit_code())
        }
    }
}

/// Opens the explorer, on `node` when given (on the study screen with
/// `study`). Needs a terminal on stdin and stdout; without one, says what
/// to use instead and exits with 2, writing nothing to stdout.
fn explore(cli: &Cli, node: Option<&str>, study: Option<&StudyArgs>) -> ExitCode {
    let mut err = std::io::stderr().lock();
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        let _ = writeln!(
            err,
            "mlkg: the explorer needs a terminal that can move the cursor and draw, and TERM=dumb \
             says this one cannot.\nRun it in a terminal emulator (TERM=xterm-256color), or use \
             `mlkg search QUERY` and `mlkg show NODE`, which print plain text."
        );
        return ExitCode::from(2);
    }
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        let _ = writeln!(
            err,
            "mlkg: the explorer needs a terminal on stdin and stdout.\n\
             For pipes and scripts, use `mlkg search QUERY` or `mlkg show NODE` \
             (`mlkg --help` lists every command)."
        );
        return ExitCode::from(2);
    }
    let path = match mlkg::cli::graph_path(cli.graph.as_deref()) {
        Ok(p) => p,
        Err(e) => return failed(Failure::BadArgument(e), &mut err),
    };
    // A graph file is read off the UI thread: the explorer is drawn at once
    // and the graph shows when it is ready. (A file that cannot be opened
    // is reported below before the screen changes.)
    let file = path.as_ref().and_then(|p| {
        let meta = std::fs::metadata(p).ok().filter(|m| m.is_file())?;
        Some((p.clone(), meta.len()))
    });
    if let (None, Some((path, bytes))) = (study, file) {
        drop(err);
        let source = mlkg::graph::Source::File(path.clone());
        let app = mlkg::tui::App::loading(source, node.map(str::to_string), bytes);
        return run_explorer(cli, app, Some(path));
    }
    // A name that names no node opens the explorer with it typed in the
    // search box, its hits listed.
    let prepared = commands::load_quietly(path.as_deref())
        .map_err(Failure::from)
        .map(|graph| {
            let start =
                node.and_then(|q| commands::resolve::node(&graph, q, &mut std::io::sink()).ok());
            (graph, start)
        });
    let (graph, start) = match prepared.and_then(|p| match study {
        // Settings given on the command line are kept before the screen opens.
        Some(args) => commands::study::open_session(&p.0, args).map(|_| p),
        None => Ok(p),
    }) {
        Ok(p) => p,
        Err(f) => return failed(f, &mut err),
    };
    drop(err);
    let watch = graph.source.path().map(|p| p.to_path_buf());
    let mut app = mlkg::tui::App::new(graph, start);
    if let (None, Some(q)) = (start, node) {
        app = app.with_query(q);
    }
    if study.is_some() {
        app = app.studying();
    }
    run_explorer(cli, app, watch)
}

/// Runs the explorer on `app`, watching `watch`, and maps how it ended to
/// an exit code.
fn run_explorer(cli: &Cli, app: mlkg::tui::App, watch: Option<std::path::PathBuf>) -> ExitCode {
    // `--color never` and NO_COLOR draw without colours (kinds keep their
    // letters); `--color always` draws them even under NO_COLOR.
    crossterm::style::force_color_output(commands::use_color(cli.color, true));
    match mlkg::tui::run(app, watch) {
        Ok(mlkg::tui::Ended::Quit) => ExitCode::SUCCESS,
        // As a shell reports a process a signal stopped: 128 + the signal.
        Ok(mlkg::tui::Ended::Signal(sig)) => ExitCode::from(128u8.saturating_add(sig as u8)),
        Ok(mlkg::tui::Ended::Failed(e)) => failed(Failure::from(*e), &mut std::io::stderr()),
        Err(e) => {
            eprintln!("mlkg: the explorer stopped: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reports a failure on stderr; its exit code.
fn failed(f: Failure, err: &mut dyn Write) -> ExitCode {
    let _ = f.report(err);
    ExitCode::from(f.exit_code())
}
