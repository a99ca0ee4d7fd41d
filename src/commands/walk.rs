//! `neighbors` and `path`.

use std::io::Write;

use serde_json::json;

use super::{Failure, Paint, resolve, stream};
use crate::cli::{DirArg, NeighborsArgs, PathArgs};
use crate::export::json::write_value;
use crate::graph::query::{Dir, Link, Walk};
use crate::graph::{Graph, NodeIndex};

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
        let items = reached.iter().filter_map(|(ix, depth, via)| {
            let (parent, link) = via.as_ref()?;
            let n = graph.node(*ix);
            let edge = graph.edge(link.edge);
            let (dir, label) = reading(graph, link);
            Some(
                json!({"id": n.id, "label": n.label, "kind": n.kind, "depth": depth,
                "via": {"from": graph.node(*parent).id, "rel": edge.rel, "label": label, "dir": dir,
                    "note": edge.note, "props": edge.props}}),
            )
        });
        stream::array(out, 0, items)?;
        writeln!(out)?;
        return Ok(());
    }
    let r = graph.node(root);
    writeln!(out, "{}  {}", p.bold(&r.label), p.dim(&r.id))?;
    for (ix, depth, via) in &reached {
        let Some((parent, link)) = via else { continue };
        let n = graph.node(*ix);
        // Read as `show` reads: outgoing with the relation's label, incoming
        // with its inverse ("←accepted by—"), the arrow the way the edge runs.
        let (dir, label) = reading(graph, link);
        let arrow = match dir {
            "both" => format!("—{label}—"),
            "out" => format!("—{label}→"),
            _ => format!("←{label}—"),
        };
        let from = if *depth > 1 {
            format!("{} ", graph.display_name(*parent))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{}{from}{} {}  [{}]  {}{}",
            indent(*depth),
            p.plain(&arrow),
            graph.display_name(*ix),
            p.plain(&n.kind),
            p.dim(&n.id),
            super::report::edge_extra(graph.edge(link.edge), p)
        )?;
    }
    if reached.len() == 1 {
        writeln!(out, "  (no neighbours with these options)")?;
    }
    Ok(())
}

/// Indentation stops growing past this depth; deeper lines say their depth.
pub const MAX_INDENT: usize = 8;

/// Two spaces per step up to [`MAX_INDENT`] steps, then the depth in
/// brackets: a walk a million steps deep writes short lines.
fn indent(depth: usize) -> String {
    let pad = "  ".repeat(depth.min(MAX_INDENT));
    if depth > MAX_INDENT {
        format!("{pad}[{depth}] ")
    } else {
        pad
    }
}

/// How a link reads from the node it was reached from: direction word and label.
fn reading(graph: &Graph, link: &Link) -> (&'static str, String) {
    let rel = &graph.edge(link.edge).rel;
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
        path_json(graph, from, &steps, &text, out)?;
        return Ok(());
    }
    writeln!(out, "{}", p.plain(&text))?;
    writeln!(out, "{}", p.dim(&format!("{} step(s)", steps.len())))?;
    Ok(())
}

/// `path --json`, written as it goes: `{length, text, nodes, steps}`.
fn path_json(
    graph: &Graph,
    from: NodeIndex,
    steps: &[Link],
    text: &str,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let node = |ix: NodeIndex| {
        let n = graph.node(ix);
        json!({"id": n.id, "label": n.label, "kind": n.kind})
    };
    write!(out, "{{\n  \"length\": {},\n  \"text\": ", steps.len())?;
    write_value(text, out)?;
    out.write_all(b",\n  \"nodes\": ")?;
    let nodes = std::iter::once(from).chain(steps.iter().map(|s| s.node));
    stream::array(out, 2, nodes.map(node))?;
    out.write_all(b",\n  \"steps\": ")?;
    let befores = std::iter::once(from).chain(steps.iter().map(|s| s.node));
    let walked = befores.zip(steps).map(|(at, step)| {
        let edge = graph.edge(step.edge);
        let forward = step.dir == Dir::Out || graph.is_symmetric(&edge.rel);
        json!({"from": graph.node(at).id, "to": graph.node(step.node).id, "rel": edge.rel,
            "label": graph.rel_label(&edge.rel), "direction": if forward { "forward" } else { "backward" }})
    });
    stream::array(out, 2, walked)?;
    out.write_all(b"\n}\n")?;
    Ok(())
}
