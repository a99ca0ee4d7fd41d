//! `search`, `show` and `stats`: text for people, JSON for scripts.

use std::io::Write;

use serde_json::{Value, json};

use super::paint::{pad, wrap};
use super::{Failure, Paint, resolve};
use crate::cli::{SearchArgs, ShowArgs, StatsArgs};
use crate::export::json::write_value;
use crate::graph::query::Dir;
use crate::graph::search::stored::{Row, Stored};
use crate::graph::search::{Hit, SearchIndex};
use crate::graph::{EdgeData, Graph, NodeIndex, Source};

/// `mlkg search`.
pub fn search(graph: &Graph, a: &SearchArgs, p: Paint, out: &mut dyn Write) -> Result<(), Failure> {
    let kinds = resolve::kinds(graph, &a.kind)?;
    let query = a.query.join(" ");
    if query.trim().is_empty() {
        return Err(Failure::BadArgument(
            "the search is empty: give one or more words, e.g. `mlkg search gradient`\n\
             (to list every node of a kind: `mlkg query kind:KIND`)"
                .to_string(),
        ));
    }
    let hits = SearchIndex::lazy(graph).search(graph, &query, &kinds, limit(a));
    let rows = hits.iter().map(|h| {
        let n = graph.node(h.node);
        Row {
            id: &n.id,
            label: &n.label,
            kind: &n.kind,
            listed: graph.display_name(h.node),
        }
    });
    print_hits(graph, &hits, rows.collect(), &query, a, p, out)
}

/// `mlkg search` from the search index of a graph's cache entry, without
/// the graph: `None` when that cannot give the answer [`search`] gives (the
/// names alone do not fill the hits asked for, or the arguments are wrong),
/// for the caller to load the graph and search it.
pub fn search_stored(
    stored: &Stored,
    a: &SearchArgs,
    p: Paint,
    out: &mut dyn Write,
) -> Option<Result<(), Failure>> {
    let kinds_only = Graph::from_parts(
        stored.kinds.clone(),
        Default::default(),
        Vec::new(),
        Vec::new(),
        Source::Embedded,
    );
    let kinds = resolve::kinds(&kinds_only, &a.kind).ok()?;
    let query = a.query.join(" ");
    if query.trim().is_empty() {
        return None;
    }
    let hits = stored
        .index
        .search_names(stored, &query, &kinds, limit(a))?;
    if hits.is_empty() {
        return None;
    }
    let rows = hits.iter().map(|h| stored.row(h.node.index() as u32));
    Some(print_hits(
        &kinds_only,
        &hits,
        rows.collect(),
        &query,
        a,
        p,
        out,
    ))
}

/// The most hits `--limit` asks for.
fn limit(a: &SearchArgs) -> usize {
    if a.limit == 0 { usize::MAX } else { a.limit }
}

/// A search's hits, one row each, as text or JSON; `graph` gives the kinds'
/// colours.
fn print_hits(
    graph: &Graph,
    hits: &[Hit],
    rows: Vec<Row>,
    query: &str,
    a: &SearchArgs,
    p: Paint,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if a.json {
        let list: Vec<Value> = hits
            .iter()
            .zip(&rows)
            .map(|(h, n)| {
                let snippet = h.snippet.as_ref().map(|s| json!({"text": s.text, "positions": s.positions}));
                json!({"id": n.id, "label": n.label, "kind": n.kind, "score": h.score, "tier": h.tier.name(),
                    "positions": h.positions, "snippet": snippet})
            })
            .collect();
        write_value(&list, out)?;
        writeln!(out)?;
    }
    if hits.is_empty() {
        return Err(Failure::NoMatch(format!(
            "no node matches {}",
            resolve::quoted(query)
        )));
    }
    if a.json {
        return Ok(());
    }
    let width = (rows.iter())
        .map(|n| unicode_width::UnicodeWidthStr::width(n.listed.as_str()))
        .max()
        .unwrap_or(0)
        .min(40);
    for (h, n) in hits.iter().zip(&rows) {
        let label = pad(&n.listed, width);
        let shown = if p.on {
            format!(
                "{}{}",
                p.highlight(n.label, &h.positions),
                &label[p.plain(n.label).len()..]
            )
        } else {
            label
        };
        let found_in = h.snippet.as_ref().map_or(String::new(), |s| {
            format!("  — \"{}\"", p.highlight(&s.text, &s.positions))
        });
        writeln!(
            out,
            "{shown}  {}  {}{found_in}",
            kind_badge(graph, n.kind, p),
            p.dim(n.id)
        )?;
    }
    Ok(())
}

/// A node's kind in its colour, padded for alignment (the padding outside
/// the colour, so columns align the same with and without it).
pub(super) fn kind_badge(graph: &Graph, kind: &str, p: Paint) -> String {
    let shown = kind_word(graph, kind, p);
    let width = unicode_width::UnicodeWidthStr::width(p.plain(kind).as_str());
    format!("{shown}{}", " ".repeat(14usize.saturating_sub(width)))
}

/// A node's kind in its colour.
pub(super) fn kind_word(graph: &Graph, kind: &str, p: Paint) -> String {
    let color = graph.kinds.get(kind).map_or("", |k| k.color.as_str());
    p.colored(kind, color)
}

/// What an edge carries, for the end of a listed node's line: each prop as
/// `key=value`, then `— note`; empty when it carries nothing.
pub(super) fn edge_extra(edge: &EdgeData, p: Paint) -> String {
    let mut extra = String::new();
    for (k, v) in &edge.props {
        extra.push_str(&format!("  {k}={v}"));
    }
    if !edge.note.is_empty() {
        extra.push_str(&format!("  — {}", edge.note));
    }
    p.plain(&extra)
}

/// `mlkg show`.
pub fn show(
    graph: &Graph,
    a: &ShowArgs,
    p: Paint,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let ix = resolve::node(graph, &a.node, err)?;
    if a.json {
        write_value(&show_json(graph, ix), out)?;
        writeln!(out)?;
        return Ok(());
    }
    let n = graph.node(ix);
    writeln!(
        out,
        "{}  {}  {}",
        p.bold(&n.label),
        kind_word(graph, &n.kind, p),
        p.dim(&n.id)
    )?;
    if !n.aliases.is_empty() {
        writeln!(out, "aliases: {}", p.plain(&n.aliases.join(", ")))?;
    }
    if !n.summary.is_empty() {
        writeln!(out)?;
        for line in wrap(&p.plain(&n.summary), 0, p.width) {
            writeln!(out, "{line}")?;
        }
    }
    if !n.notes.is_empty() {
        writeln!(out, "\nnotes:")?;
        let notes = crate::text::visible_multiline(&n.notes);
        for line in wrap(&notes, 2, p.width) {
            writeln!(out, "{line}")?;
        }
    }
    for (k, v) in &n.props {
        writeln!(out, "{}: {}", p.plain(k), p.plain(v))?;
    }
    if !n.sources.is_empty() {
        writeln!(out, "sources: {}", p.plain(&n.sources.join("; ")))?;
    }
    for group in graph.neighbour_groups(ix) {
        let arrow = match group.dir {
            Dir::Out => format!("{} →", group.label),
            Dir::In => format!("← {}", group.label),
        };
        writeln!(out, "\n{} ({})", p.bold(&arrow), group.items.len())?;
        for (other, e) in group.items {
            let m = graph.node(other);
            writeln!(
                out,
                "  {}  {}  {}{}",
                graph.display_name(other),
                kind_word(graph, &m.kind, p),
                p.dim(&m.id),
                edge_extra(graph.edge(e), p)
            )?;
        }
    }
    Ok(())
}

/// The JSON of `show`: the node's fields with its `out` and `in` edges.
pub fn show_json(graph: &Graph, ix: NodeIndex) -> Value {
    let n = graph.node(ix);
    let mut outs = Vec::new();
    let mut ins = Vec::new();
    for link in graph.links(ix) {
        let edge = graph.edge(link.edge);
        let m = graph.node(link.node);
        match link.dir {
            Dir::Out => outs.push(json!({"rel": edge.rel, "label": graph.rel_label(&edge.rel), "to": m.id, "to_label": m.label, "to_kind": m.kind, "note": edge.note, "props": edge.props})),
            Dir::In => ins.push(json!({"rel": edge.rel, "label": graph.rel_inverse_label(&edge.rel), "from": m.id, "from_label": m.label, "from_kind": m.kind, "note": edge.note, "props": edge.props})),
        }
    }
    json!({"id": n.id, "kind": n.kind, "label": n.label, "aliases": n.aliases, "summary": n.summary, "notes": n.notes, "props": n.props, "sources": n.sources, "out": outs, "in": ins})
}

/// How many of `items` are each of the `declared` ids, in declaration
/// order, counted in one pass (linear in ids and items together).
fn counts<'a>(
    declared: impl Iterator<Item = &'a str>,
    items: impl Iterator<Item = &'a str>,
) -> Vec<(&'a str, usize)> {
    let mut at: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut list: Vec<(&str, usize)> = Vec::new();
    for id in declared {
        at.entry(id).or_insert_with(|| {
            list.push((id, 0));
            list.len() - 1
        });
    }
    for item in items {
        if let Some(&i) = at.get(item) {
            list[i].1 += 1;
        }
    }
    list
}

/// `mlkg stats`.
pub fn stats(graph: &Graph, a: &StatsArgs, p: Paint, out: &mut dyn Write) -> Result<(), Failure> {
    let kinds = counts(
        graph.kinds.keys().map(String::as_str),
        graph.nodes().map(|n| n.kind.as_str()),
    );
    let rels = counts(
        graph.relations.keys().map(String::as_str),
        graph.edges().map(|(_, _, _, e)| e.rel.as_str()),
    );
    let degrees = graph.degrees();
    let mut by_degree: Vec<NodeIndex> = graph.node_indices().collect();
    by_degree.sort_by(|&a, &b| {
        let key = |ix: NodeIndex| {
            (
                std::cmp::Reverse(degrees[ix.index()]),
                &graph.node(ix).label,
            )
        };
        key(a).cmp(&key(b))
    });
    let top: Vec<NodeIndex> = by_degree.iter().copied().take(10).collect();
    let isolated: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|&ix| degrees[ix.index()] == 0)
        .collect();
    let components = graph.component_count();
    if a.json {
        let v = json!({
            "nodes": graph.node_count(),
            "edges": graph.edge_count(),
            "kinds": kinds.iter().map(|&(k, n)| (k.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "relations": rels.iter().map(|&(r, n)| (r.to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
            "most_connected": top.iter().map(|&ix| json!({"id": graph.node(ix).id, "label": graph.node(ix).label, "edges": graph.degree(ix)})).collect::<Vec<_>>(),
            "isolated": isolated.iter().map(|&ix| graph.node(ix).id.clone()).collect::<Vec<_>>(),
            "components": components,
        });
        write_value(&v, out)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{}: {} nodes, {} edges, {} connected component(s)",
        p.bold(&graph.source.to_string()),
        graph.node_count(),
        graph.edge_count(),
        components
    )?;
    writeln!(out, "\n{}", p.bold("nodes per kind"))?;
    for (k, n) in &kinds {
        writeln!(out, "  {n:>5}  {}", kind_word(graph, k, p))?;
    }
    writeln!(out, "\n{}", p.bold("edges per relation"))?;
    for (r, n) in &rels {
        writeln!(out, "  {n:>5}  {}", p.plain(r))?;
    }
    writeln!(out, "\n{}", p.bold("most connected"))?;
    for &ix in &top {
        writeln!(
            out,
            "  {:>5}  {}  {}",
            graph.degree(ix),
            graph.display_name(ix),
            p.dim(&graph.node(ix).id)
        )?;
    }
    writeln!(out, "\n{} ({})", p.bold("isolated nodes"), isolated.len())?;
    for &ix in &isolated {
        writeln!(
            out,
            "  {}  {}",
            graph.display_name(ix),
            p.dim(&graph.node(ix).id)
        )?;
    }
    Ok(())
}
