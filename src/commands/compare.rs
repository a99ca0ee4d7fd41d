//! `mlkg compare`: two nodes side by side, relation by relation.

use std::io::Write;

use clap::Args;
use clap_complete::ArgValueCompleter;
use serde_json::{Value, json};

use super::paint::pad;
use super::shell::complete_node;
use super::{Failure, Paint, resolve};
use crate::export::json::write_value;
use crate::graph::Graph;
use crate::graph::compare::{Comparison, Shared, Single};
use crate::graph::query::Dir;
use crate::graph::resolve::Resolver;

/// Examples for `--help`.
pub const HELP: &str = "\
For each relation and direction: the neighbours both have, those only A has
and those only B has, with the edges' notes; then the props side by side.
Neighbours of the same kind and label pair up (LDA's and NTM's num_topics).

Examples:
  mlkg compare lda ntm
  mlkg compare xgboost 'linear learner' --json";

/// Options of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first node: id, label, alias or query.
    #[arg(add = ArgValueCompleter::new(complete_node))]
    pub a: String,
    /// The second node.
    #[arg(add = ArgValueCompleter::new(complete_node))]
    pub b: String,
    /// Print JSON: {left, right, relations: [{rel, label, dir, both, left_only, right_only}], props}.
    #[arg(long)]
    pub json: bool,
}

/// `mlkg compare`.
pub fn compare(
    graph: &Graph,
    a: &CompareArgs,
    p: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let resolver = Resolver::new(graph);
    let left = resolve::node_with(&resolver, graph, &a.a, err)?;
    let right = resolve::node_with(&resolver, graph, &a.b, err)?;
    if left == right {
        let n = graph.node(left);
        return Err(Failure::BadArgument(format!(
            "{} and {} both name {} ({}): compare two different nodes",
            resolve::quoted(&a.a),
            resolve::quoted(&a.b),
            crate::text::visible(&n.label),
            n.id
        )));
    }
    let c = graph.compare(left, right);
    if a.json {
        write_value(&to_json(graph, &c), out)?;
        writeln!(out)?;
        return Ok(());
    }
    let (l, r) = (graph.node(left), graph.node(right));
    let (ln, rn) = (graph.display_name(left), graph.display_name(right));
    writeln!(
        out,
        "{} [{}] {}   vs   {} [{}] {}",
        p.bold(&ln),
        p.plain(&l.kind),
        p.dim(&l.id),
        p.bold(&rn),
        p.plain(&r.kind),
        p.dim(&r.id)
    )?;
    let only_l = format!("only {ln}");
    let only_r = format!("only {rn}");
    let width = ["both", &only_l, &only_r]
        .iter()
        .map(|s| unicode_width::UnicodeWidthStr::width(p.plain(s).as_str()))
        .max()
        .unwrap_or(4)
        .min(30);
    for d in &c.relations {
        let head = match d.dir {
            Dir::Out => format!("{} →", d.label),
            Dir::In => format!("← {}", d.label),
        };
        writeln!(out, "\n{}", p.bold(&head))?;
        for s in &d.both {
            let note = both_note(s, &ln, &rn);
            // Two nodes matched by their one label read as that label.
            let name = if s.left == s.right {
                graph.display_name(s.left)
            } else {
                graph.node(s.left).label.clone()
            };
            row(out, p, width, "both", &name, &note)?;
        }
        for (who, list) in [(&only_l, &d.left_only), (&only_r, &d.right_only)] {
            for s in list {
                row(out, p, width, who, &graph.display_name(s.node), &s.note)?;
            }
        }
    }
    if !c.props.is_empty() {
        writeln!(out, "\n{}", p.bold("props"))?;
        let kw = c
            .props
            .iter()
            .map(|r| r.key.chars().count())
            .max()
            .unwrap_or(0);
        let lw = c
            .props
            .iter()
            .map(|r| r.left.as_deref().unwrap_or("-").chars().count())
            .chain([ln.chars().count()])
            .max()
            .unwrap_or(0)
            .min(40);
        writeln!(out, "  {}  {}  {}", pad("", kw), pad(&ln, lw), rn)?;
        for row in &c.props {
            let lv = p.plain(row.left.as_deref().unwrap_or("-"));
            let rv = p.plain(row.right.as_deref().unwrap_or("-"));
            writeln!(
                out,
                "  {}  {}  {rv}",
                pad(&p.plain(&row.key), kw),
                pad(&lv, lw)
            )?;
        }
    }
    Ok(())
}

fn row(
    out: &mut dyn Write,
    p: Paint,
    width: usize,
    who: &str,
    label: &str,
    note: &str,
) -> std::io::Result<()> {
    let note = if note.is_empty() {
        String::new()
    } else {
        format!("  — {}", p.plain(note))
    };
    writeln!(
        out,
        "  {}  {}{}",
        p.dim(&pad(&p.plain(who), width)),
        p.plain(label),
        note
    )
}

/// The notes of a shared neighbour's two edges: one when they agree.
fn both_note(s: &Shared, left: &str, right: &str) -> String {
    match (s.left_note.as_str(), s.right_note.as_str()) {
        ("", "") => String::new(),
        (a, b) if a == b => a.to_string(),
        (a, "") => format!("{left}: {a}"),
        ("", b) => format!("{right}: {b}"),
        (a, b) => format!("{left}: {a}; {right}: {b}"),
    }
}

/// The JSON of `compare`.
pub fn to_json(graph: &Graph, c: &Comparison) -> Value {
    let node = |ix| {
        let n = graph.node(ix);
        json!({"id": n.id, "label": n.label, "kind": n.kind})
    };
    let single = |s: &Single| {
        let n = graph.node(s.node);
        json!({"id": n.id, "label": n.label, "note": s.note})
    };
    let relations: Vec<Value> = c
        .relations
        .iter()
        .map(|d| {
            let both: Vec<Value> = d
                .both
                .iter()
                .map(|s| {
                    let (a, b) = (graph.node(s.left), graph.node(s.right));
                    json!({"id": a.id, "label": a.label, "right_id": b.id,
                        "left_note": s.left_note, "right_note": s.right_note})
                })
                .collect();
            let dir = match (graph.is_symmetric(&d.rel), d.dir) {
                (true, _) => "both",
                (false, Dir::Out) => "out",
                (false, Dir::In) => "in",
            };
            json!({"rel": d.rel, "label": d.label, "dir": dir, "both": both,
                "left_only": d.left_only.iter().map(single).collect::<Vec<_>>(),
                "right_only": d.right_only.iter().map(single).collect::<Vec<_>>()})
        })
        .collect();
    let props: Vec<Value> = c
        .props
        .iter()
        .map(|r| json!({"key": r.key, "left": r.left, "right": r.right}))
        .collect();
    json!({"left": node(c.left), "right": node(c.right), "relations": relations, "props": props})
}
