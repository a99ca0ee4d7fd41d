//! Shell integration: completion scripts (`mlkg completions SHELL`, the same
//! as `COMPLETE=SHELL mlkg`), the completion of node ids, kinds and
//! relations from the graph in use, and the man page (`mlkg man`).

use std::ffi::OsStr;
use std::io::Write;
use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::CompletionCandidate;
use clap_complete::env::Shells;

use super::Failure;
use crate::cli::{Cli, CompletionsArgs};
use crate::graph::Graph;
use crate::text::shorten;

/// The environment variable that asks `mlkg` for completions.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// `mlkg completions SHELL`: the script that registers dynamic completion,
/// the same that `COMPLETE=SHELL mlkg` prints.
pub fn completions(a: &CompletionsArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let shells = Shells::builtins();
    let shell = shells
        .completer(a.shell.name())
        .ok_or_else(|| Failure::BadArgument(format!("no completion for {}", a.shell.name())))?;
    shell.write_registration(COMPLETE_VAR, "mlkg", "mlkg", &completer_path(), out)?;
    Ok(())
}

/// The program the shell calls back for completions: `mlkg` when it was run
/// from PATH, else the absolute path it was run by.
fn completer_path() -> String {
    let arg0 = PathBuf::from(std::env::args_os().next().unwrap_or_else(|| "mlkg".into()));
    let path = if arg0.components().count() > 1 {
        std::env::current_dir().map_or(arg0.clone(), |d| d.join(&arg0))
    } else {
        arg0
    };
    path.to_string_lossy().into_owned()
}

/// Answers a completion request when `COMPLETE` is set (and exits); returns
/// otherwise.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(COMPLETE_VAR)
        .complete();
}

/// The graph of the command line being completed: its `--graph`/`-g`, else
/// `MLKG_GRAPH`, else the embedded graph (a large file comes from the cache).
fn graph_in_use() -> Option<Graph> {
    let args: Vec<String> = std::env::args().collect();
    let mut given = None;
    for (i, a) in args.iter().enumerate() {
        if a == "--graph" || a == "-g" {
            given = args.get(i + 1).cloned();
        } else if let Some(v) = a.strip_prefix("--graph=") {
            given = Some(v.to_string());
        }
    }
    let path = given
        .or_else(|| std::env::var("MLKG_GRAPH").ok())
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    super::load_quietly(path.as_deref()).ok()
}

/// Candidates among `(id, help)` pairs that start with what was typed.
fn starting_with<'a>(
    current: &OsStr,
    items: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy().to_lowercase();
    items
        .filter(|(id, _)| id.starts_with(typed.as_str()))
        .map(|(id, help)| {
            CompletionCandidate::new(id).help(Some(shorten(help, 60).into_owned().into()))
        })
        .collect()
}

/// Completes a NODE argument with the ids of the graph in use.
pub fn complete_node(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(g) = graph_in_use() else {
        return Vec::new();
    };
    let found = starting_with(
        current,
        g.nodes().map(|n| (n.id.as_str(), n.label.as_str())),
    );
    std::mem::forget(g);
    found
}

/// Completes a `--kind` value with the kinds of the graph in use.
pub fn complete_kind(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(g) = graph_in_use() else {
        return Vec::new();
    };
    let found = starting_with(
        current,
        g.kinds
            .iter()
            .map(|(id, k)| (id.as_str(), k.label.as_str())),
    );
    std::mem::forget(g);
    found
}

/// Completes a `--rel` value with the relations of the graph in use.
pub fn complete_relation(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(g) = graph_in_use() else {
        return Vec::new();
    };
    let rels = g
        .relations
        .iter()
        .map(|(id, r)| (id.as_str(), r.label.as_str()));
    let found = starting_with(current, rels);
    std::mem::forget(g);
    found
}

/// `mlkg man`: one man page in roff for mlkg and every subcommand (each
/// subcommand a section with its synopsis, options and examples). Characters
/// beyond ASCII are written as roff escapes, so any troff reads it.
pub fn man(out: &mut dyn Write) -> Result<(), Failure> {
    let cmd = Cli::command().about("explore a typed knowledge graph in the terminal");
    let page = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    page.render_title(&mut buf)?;
    page.render_name_section(&mut buf)?;
    page.render_synopsis_section(&mut buf)?;
    page.render_description_section(&mut buf)?;
    page.render_options_section(&mut buf)?;
    writeln!(buf, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("mlkg {}", sub.get_name());
        writeln!(buf, ".SS \"{name}\"")?;
        let sub_page = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        let mut part = Vec::new();
        sub_page.render_description_section(&mut part)?;
        sub_page.render_synopsis_section(&mut part)?;
        sub_page.render_options_section(&mut part)?;
        sub_page.render_extra_section(&mut part)?;
        // The subcommand's sections become paragraphs under its heading.
        let text = String::from_utf8_lossy(&part).into_owned();
        for line in text.lines() {
            match line.strip_prefix(".SH ").map(|t| t.trim_matches('"')) {
                Some("DESCRIPTION" | "EXTRA") => writeln!(buf, ".PP")?,
                Some(title) => writeln!(buf, ".TP\n\\fB{title}\\fR")?,
                None => writeln!(buf, "{line}")?,
            }
        }
    }
    page.render_extra_section(&mut buf)?;
    page.render_version_section(&mut buf)?;
    out.write_all(roff_ascii(&String::from_utf8_lossy(&buf)).as_bytes())?;
    Ok(())
}

/// Roff text with every character beyond ASCII written as `\[uXXXX]`.
fn roff_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", c as u32));
        }
    }
    out
}
