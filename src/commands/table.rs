//! `mlkg table`: one kind against another by a relation, as text,
//! Markdown (notes as footnotes), CSV or JSON.

use std::io::Write;

use clap::{Args, ValueEnum};
use clap_complete::ArgValueCompleter;
use serde_json::json;

use super::paint::pad;
use super::shell::{complete_kind, complete_relation};
use super::{Failure, Paint, resolve};
use crate::export::json::write_value;
use crate::graph::Graph;
use crate::graph::matrix::Matrix;

/// Examples for `--help`.
pub const HELP: &str = "\
A cell is marked where an edge of the relation links the row's node and the
column's node, whichever way it runs; in Markdown, the edges' notes are
footnotes. Rows and columns are in the graph file's order; those without
any mark are left out unless --all.

Examples:
  mlkg table --rows algorithm --cols format --rel accepts
  mlkg table --rows algorithm --cols instance --rel trains_on --format markdown
  mlkg table --rows algorithm --cols mode --rel input_mode --format csv";

/// How `table` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Aligned columns for the terminal.
    Text,
    /// A Markdown table, the edges' notes as footnotes.
    Markdown,
    /// CSV: a header row, then one row per node; `x` marks, `x; note` with a note.
    Csv,
    /// {rows: [{id, label}], cols: [{id, label}], cells: [{row, col, note}]}.
    Json,
}

/// Options of `table`.
#[derive(Debug, Args)]
pub struct TableArgs {
    /// The kind of the rows (id or label).
    #[arg(long, value_name = "KIND", add = ArgValueCompleter::new(complete_kind))]
    pub rows: String,
    /// The kind of the columns (id or label).
    #[arg(long, value_name = "KIND", add = ArgValueCompleter::new(complete_kind))]
    pub cols: String,
    /// The relation that marks a cell (id or label).
    #[arg(long, value_name = "REL", add = ArgValueCompleter::new(complete_relation))]
    pub rel: String,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    /// Keep rows and columns without any mark.
    #[arg(long)]
    pub all: bool,
}

/// `mlkg table`.
pub fn table(graph: &Graph, a: &TableArgs, p: Paint, out: &mut dyn Write) -> Result<(), Failure> {
    let kinds = resolve::kinds(graph, &[a.rows.clone(), a.cols.clone()])?;
    let (rows, cols) = (&kinds[0], &kinds[1]);
    let rel = resolve::relations(graph, std::slice::from_ref(&a.rel))?.remove(0);
    let m = graph.matrix(rows, cols, &rel, a.all);
    // For people, an empty table is a sentence, not a header over nothing
    // (as `query` says "no node matches"); CSV and JSON stay data.
    if m.rows.is_empty() && matches!(a.format, TableFormat::Text | TableFormat::Markdown) {
        write!(
            out,
            "no {} node is linked to a {} node by {rel}",
            p.plain(rows),
            p.plain(cols)
        )?;
        writeln!(out, "{}", declared_kinds(graph, &rel))?;
        return Ok(());
    }
    match a.format {
        TableFormat::Json => {
            let list = |v: &[_]| -> Vec<serde_json::Value> {
                v.iter()
                    .map(|&ix| json!({"id": graph.node(ix).id, "label": graph.node(ix).label}))
                    .collect()
            };
            let cells: Vec<serde_json::Value> = m
                .cells
                .iter()
                .map(|c| json!({"row": graph.node(m.rows[c.row]).id, "col": graph.node(m.cols[c.col]).id, "note": c.note}))
                .collect();
            write_value(
                &json!({"rows": list(&m.rows), "cols": list(&m.cols), "cells": cells}),
                out,
            )?;
            writeln!(out)?;
        }
        TableFormat::Csv => csv(graph, &m, out)?,
        TableFormat::Markdown => markdown(graph, &m, out)?,
        TableFormat::Text => text(graph, &m, p, out)?,
    }
    Ok(())
}

/// Each row's cells as text, empty where unmarked.
fn grid(m: &Matrix, marks: &[String]) -> Vec<Vec<String>> {
    let mut grid = vec![vec![String::new(); m.cols.len()]; m.rows.len()];
    for (c, mark) in m.cells.iter().zip(marks) {
        grid[c.row][c.col] = mark.clone();
    }
    grid
}

/// Text wider than this (a terminal's usual width) gets its column headers
/// staggered over several lines, its columns two characters apart.
const TEXT_WIDTH: usize = 80;

/// Aligned text: the column labels above their columns when they fit in
/// [`TEXT_WIDTH`], else staggered, each above its own column:
///
/// ```text
///                   RecordIO-protobuf
///                   │ CSV
///                   │ │ LibSVM
/// XGBoost           ✓ ✓ ✓
/// ```
fn text(graph: &Graph, m: &Matrix, p: Paint, out: &mut dyn Write) -> std::io::Result<()> {
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let label = |ix| graph.display_name(ix);
    let rw = m.rows.iter().map(|&r| width(&label(r))).max().unwrap_or(0);
    let wide: Vec<usize> = m.cols.iter().map(|&c| width(&label(c))).collect();
    let fits = rw + wide.iter().map(|w| w + 2).sum::<usize>() <= TEXT_WIDTH;
    let cw: Vec<usize> = if fits { wide } else { vec![1; m.cols.len()] };
    let gap = if fits { "  " } else { " " };
    if !fits {
        for (i, &c) in m.cols.iter().enumerate() {
            let mut head = pad("", rw);
            head.push_str(&format!("{gap}│").repeat(i));
            head.push_str(&format!("{gap}{}", label(c)));
            writeln!(out, "{}", p.bold(&head))?;
        }
    } else if !m.cols.is_empty() {
        let mut head = pad("", rw);
        for (&c, w) in m.cols.iter().zip(&cw) {
            head.push_str(&format!("{gap}{}", pad(&label(c), *w)));
        }
        writeln!(out, "{}", p.bold(head.trim_end()))?;
    }
    let marks = vec!["✓".to_string(); m.cells.len()];
    for (&r, cells) in m.rows.iter().zip(grid(m, &marks)) {
        let mut line = pad(&label(r), rw);
        for (cell, w) in cells.iter().zip(&cw) {
            line.push_str(&format!(
                "{gap}{}",
                pad(if cell.is_empty() { "·" } else { cell }, *w)
            ));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    let noted = m.cells.iter().filter(|c| !c.note.is_empty()).count();
    if noted > 0 {
        let hint = format!("{noted} mark(s) carry a note: --format markdown lists them");
        writeln!(out, "{}", p.dim(&hint))?;
    }
    Ok(())
}

/// The notes under a table, numbered as their marks.
fn notes(
    graph: &Graph,
    m: &Matrix,
    out: &mut dyn Write,
    number: impl Fn(usize) -> String,
) -> std::io::Result<()> {
    let noted: Vec<_> = m.cells.iter().filter(|c| !c.note.is_empty()).collect();
    if !noted.is_empty() {
        writeln!(out)?;
    }
    for (i, c) in noted.iter().enumerate() {
        let (r, k) = (graph.node(m.rows[c.row]), graph.node(m.cols[c.col]));
        let line = format!("{}{}, {}: {}", number(i + 1), r.label, k.label, c.note);
        writeln!(out, "{}", crate::text::visible(&line))?;
    }
    Ok(())
}

fn markdown(graph: &Graph, m: &Matrix, out: &mut dyn Write) -> std::io::Result<()> {
    let cell = |s: &str| crate::text::visible(s).replace('|', "\\|");
    let mut head = String::from("| |");
    let mut rule = String::from("| --- |");
    for &c in &m.cols {
        head.push_str(&format!(" {} |", cell(&graph.display_name(c))));
        rule.push_str(" :---: |");
    }
    writeln!(out, "{head}\n{rule}")?;
    let mut n = 0;
    let marks: Vec<String> = m
        .cells
        .iter()
        .map(|c| {
            if c.note.is_empty() {
                "✓".to_string()
            } else {
                n += 1;
                format!("✓[^{n}]")
            }
        })
        .collect();
    for (&r, cells) in m.rows.iter().zip(grid(m, &marks)) {
        let mut line = format!("| {} |", cell(&graph.display_name(r)));
        for c in cells {
            line.push_str(&format!(" {c} |"));
        }
        writeln!(out, "{line}")?;
    }
    notes(graph, m, out, |n| format!("[^{n}]: "))
}

fn csv(graph: &Graph, m: &Matrix, out: &mut dyn Write) -> std::io::Result<()> {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut head = String::new();
    for &c in &m.cols {
        head.push(',');
        head.push_str(&field(&graph.node(c).label));
    }
    writeln!(out, "{head}")?;
    let marks: Vec<String> = m
        .cells
        .iter()
        .map(|c| match c.note.as_str() {
            "" => "x".to_string(),
            note => format!("x; {note}"),
        })
        .collect();
    for (&r, cells) in m.rows.iter().zip(grid(m, &marks)) {
        let mut line = field(&graph.node(r).label);
        for c in cells {
            line.push(',');
            line.push_str(&field(&c));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// What a relation declares it links, for an empty table: "; it links
/// algorithm to instance".
fn declared_kinds(graph: &Graph, rel: &str) -> String {
    match graph.relation(rel) {
        Some(r) if !r.from.is_empty() && !r.to.is_empty() => {
            format!("; it links {} to {}", r.from.join("|"), r.to.join("|"))
        }
        _ => String::new(),
    }
}
