//! Reading the command line, and writing clap's own messages (help,
//! version, usage errors) with their failures reported and no argument
//! quoted back whole.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};

use clap::Parser;

use super::Cli;
use crate::commands::resolve::QUOTE_CHARS;

/// The parsed command line; on help, version or a usage error, clap's
/// message is written and the process exits (0, 2, or 1 when the message
/// cannot be written).
pub fn parse_or_exit() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => std::process::exit(report(&e, &args)),
    }
}

/// Writes clap's message for `e` where clap would (help and version on
/// stdout, errors on stderr), each long argument cut, and returns the exit
/// code. A message that cannot be written (`--help > /dev/full`) is an
/// error, as for any output; a closed pipe is not.
pub fn report(e: &clap::Error, args: &[OsString]) -> i32 {
    let written = if e.use_stderr() {
        let stream = io::stderr();
        let text = message(e, args, colored(&stream));
        write_flushed(stream.lock(), &text)
    } else {
        let stream = io::stdout();
        let text = message(e, args, colored(&stream));
        write_flushed(stream.lock(), &text)
    };
    match written {
        Ok(()) => e.exit_code(),
        Err(w) if w.kind() == io::ErrorKind::BrokenPipe => e.exit_code(),
        Err(w) => {
            let _ = writeln!(io::stderr(), "mlkg: cannot write output: {w}");
            if e.use_stderr() { e.exit_code() } else { 1 }
        }
    }
}

/// clap's message as text, styled or plain, every argument longer than
/// [`QUOTE_CHARS`] (or the value after its `=`) cut to that with `…`.
pub fn message(e: &clap::Error, args: &[OsString], styled: bool) -> String {
    let rendered = e.render();
    let mut text = if styled {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let mut long: Vec<String> = Vec::new();
    for arg in args.iter().skip(1).map(|a| a.to_string_lossy()) {
        if let Some((_, value)) = arg.split_once('=').filter(|_| arg.starts_with('-')) {
            long.push(value.to_string());
        }
        long.push(arg.into_owned());
    }
    long.retain(|a| a.chars().count() > QUOTE_CHARS);
    // The longest first, so a value inside an argument is cut as part of it.
    long.sort_by_key(|a| std::cmp::Reverse(a.len()));
    for a in &long {
        if text.contains(a.as_str()) {
            text = text.replace(a.as_str(), &crate::text::shorten(a, QUOTE_CHARS));
        }
    }
    text
}

/// Whether clap's styles should reach this stream: a terminal, NO_COLOR
/// unset or empty, TERM not `dumb` (what clap does by itself).
fn colored(stream: &impl IsTerminal) -> bool {
    stream.is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

fn write_flushed(mut out: impl Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}
