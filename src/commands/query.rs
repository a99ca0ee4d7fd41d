//! `mlkg query`: the nodes for which every term of a query holds.

use std::io::Write;

use clap::Args;
use serde_json::{Value, json};

use super::report::kind_badge;
use super::resolve::quoted;
use super::{Failure, Paint};
use crate::export::json::write_value;
use crate::graph::Graph;
use crate::graph::ask;

/// The query language in brief, for `--help`.
pub const HELP: &str = "\
Terms are separated by spaces; a node is listed when every term holds.
  kind:K              the node is of kind K (kind:K1|K2: either)
  REL:NODE            the node has an edge REL to NODE, or to a node that is_a NODE
  <REL:NODE           NODE (or a node below it) has an edge REL to the node
  REL:*  <REL:*       any such edge
  REL:A|B             to A or to B
  REL:=NODE           it has REL edges and all of them go to NODE (or below): \"only\"
  REL:NODE!           exactly NODE, not the nodes that are_a NODE
  REL:NODE[p=v,...]   the edge's props match (v = * for any value)
  p=v                 the node's own prop
  -TERM               the term does not hold
REL and K are ids or labels in any case (_, - and spaces alike); NODE is an
id, label or alias. Quote names with spaces: solves:\"topic modeling\".

Examples:
  mlkg query 'kind:algorithm accepts:csv trains_on:gpu'
  mlkg query 'kind:algorithm accepts:=csv'              accepts only CSV
  mlkg query 'kind:algorithm trains_on:gpu -trains_on:cpu'
  mlkg query '<hyperparameter:kmeans[required=true]'    K-Means' required hyperparameters
  mlkg query '<accepts:xgboost' --json                  the formats XGBoost accepts";

/// Options of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The query, e.g. 'kind:algorithm accepts:csv' (several words are joined with spaces).
    #[arg(required = true, num_args = 1.., allow_hyphen_values = true, value_name = "EXPR")]
    pub expr: Vec<String>,
    /// Print JSON: an array of {id, label, kind}.
    #[arg(long)]
    pub json: bool,
}

/// `mlkg query`.
pub fn query(
    graph: &Graph,
    a: &QueryArgs,
    p: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    // Words after the query are taken as part of it, so a `--json` at the
    // end arrives among them; no term can be `--json`.
    let json = a.json || a.expr.iter().any(|w| w == "--json");
    let words: Vec<&str> = a
        .expr
        .iter()
        .map(String::as_str)
        .filter(|w| *w != "--json")
        .collect();
    let text = words.join(" ");
    let answer = ask::answer(graph, &text).map_err(|e| Failure::BadArgument(e.render(&text)))?;
    for g in &answer.guesses {
        let n = graph.node(g.node);
        writeln!(
            err,
            "mlkg: taking {} as {} ({})",
            quoted(&g.text),
            graph.display_name(g.node),
            n.id
        )?;
    }
    let found = answer.nodes;
    if json {
        let list: Vec<Value> = found
            .iter()
            .map(|&ix| {
                let n = graph.node(ix);
                json!({"id": n.id, "label": n.label, "kind": n.kind})
            })
            .collect();
        write_value(&list, out)?;
        writeln!(out)?;
        return Ok(());
    }
    if found.is_empty() {
        let shown = crate::text::shorten(&text, super::resolve::QUOTE_CHARS);
        writeln!(out, "no node matches {}", p.plain(&shown))?;
        return Ok(());
    }
    let width = found
        .iter()
        .map(|&ix| unicode_width::UnicodeWidthStr::width(graph.display_name(ix).as_str()))
        .max()
        .unwrap_or(0)
        .min(40);
    for &ix in &found {
        let n = graph.node(ix);
        writeln!(
            out,
            "{}  {}  {}",
            super::paint::pad(&graph.display_name(ix), width),
            kind_badge(graph, &n.kind, p),
            p.dim(&n.id)
        )?;
    }
    writeln!(out, "{}", p.dim(&format!("{} node(s)", found.len())))?;
    Ok(())
}
