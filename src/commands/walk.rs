//! `neighbors` and `path`.

use std::io::Write;

use serde_json::{Value, json};

use super::{Failure, Paint, resolve};
use crate::cli::{DirArg, NeighborsArgs, PathArgs};
use crate::export::json::write_value;
use crate::graph::Graph;
use crate::graph::query::{Dir, Link, Walk};

/// `mlkg neighbors`.
pub fn neighbors(
    graph: &Graph,
    a: &NeighborsArgs,
    p: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let rels = resolve::relations(graph, &a.rel)?;
    let root = resolve::node(graph, &a.node, err)?;
    let walk = match a.dir {
        DirArg::Out => Walk::Out,
        DirArg::In => Walk::In,
        DirArg::Both => Walk::Both,
    };
    let reached = graph.neighbourhood(root, a.depth, &rels, walk);
    if a.json {
        let list: Vec<Value> = reached
            .iter()
            .filter_map(|(ix, depth, via)| {
                let (parent, link) = via.as_ref()?;
                let n = graph.node(*ix);
                let edge = &graph.g[link.edge];
                let (dir, label) = reading(graph, link);
                Some(json!({"id": n.id, "label": n.label, "kind": n.kind, "depth": depth,
                    "via": {"from": graph.node(*parent).id, "rel": edge.rel, "label": label, "dir": dir}}))
            })
            .collect();
        write_value(&list, out)?;
        writeln!(out)?;
        return Ok(());
    }
    let r = graph.node(root);
    writeln!(out, "{}  {}", p.bold(&r.label), p.dim(&r.id))?;
    for (ix, depth, via) in &reached {
        let Some((parent, link)) = via else { continue };
        let n = graph.node(*ix);
        // Read the way `path` reads: the relation's own label, the arrow
        // pointing the way the edge runs.
        let label = graph.rel_label(&graph.g[link.edge].rel);
        let arrow = match reading(graph, link).0 {
            "both" => format!("—{label}—"),
            "out" => format!("—{label}→"),
            _ => format!("←{label}—"),
        };
        let from = if *depth > 1 {
            format!("{} ", p.plain(&graph.node(*parent).label))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{}{from}{} {}  [{}]  {}",
            "  ".repeat(*depth),
            p.plain(&arrow),
            p.plain(&n.label),
            p.plain(&n.kind),
            p.dim(&n.id)
        )?;
    }
    if reached.len() == 1 {
        writeln!(out, "  (no neighbours with these options)")?;
    }
    Ok(())
}

/// How a link reads from the node it was reached from: direction word and label.
fn reading(graph: &Graph, link: &Link) -> (&'static str, String) {
    let rel = &graph.g[link.edge].rel;
    if graph.is_symmetric(rel) {
        return ("both", graph.rel_label(rel).to_string());
    }
    match link.dir {
        Dir::Out => ("out", graph.rel_label(rel).to_string()),
        Dir::In => ("in", graph.rel_inverse_label(rel).to_string()),
    }
}

/// `mlkg path`.
pub fn path(
    graph: &Graph,
    a: &PathArgs,
    p: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let rels = resolve::relations(graph, &a.rel)?;
    let resolver = crate::graph::resolve::Resolver::new(graph);
    let from = resolve::node_with(&resolver, graph, &a.from, err)?;
    let to = resolve::node_with(&resolver, graph, &a.to, err)?;
    let Some(steps) = graph.shortest_path(from, to, &rels) else {
        return Err(Failure::NotFound(format!(
            "no path links \"{}\" and \"{}\"{}",
            graph.node(from).id,
            graph.node(to).id,
            if a.rel.is_empty() {
                String::new()
            } else {
                " with these relations".to_string()
            }
        )));
    };
    let text = graph.path_text(from, &steps);
    if a.json {
        let mut nodes = vec![graph.node(from)];
        let mut walked = Vec::new();
        let mut at = from;
        for step in &steps {
            let edge = &graph.g[step.edge];
            let forward = step.dir == Dir::Out || graph.is_symmetric(&edge.rel);
            walked.push(json!({"from": graph.node(at).id, "to": graph.node(step.node).id, "rel": edge.rel,
                "label": graph.rel_label(&edge.rel), "direction": if forward { "forward" } else { "backward" }}));
            nodes.push(graph.node(step.node));
            at = step.node;
        }
        let nodes: Vec<Value> = nodes
            .iter()
            .map(|n| json!({"id": n.id, "label": n.label, "kind": n.kind}))
            .collect();
        write_value(
            &json!({"length": steps.len(), "text": text, "nodes": nodes, "steps": walked}),
            out,
        )?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", p.plain(&text))?;
    writeln!(out, "{}", p.dim(&format!("{} step(s)", steps.len())))?;
    Ok(())
}
