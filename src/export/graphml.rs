//! GraphML export, written with quick-xml. Every attribute is a declared
//! key with its type (`string`, `boolean`, `int`, `double`, as the values
//! are); nodes carry kind, label, aliases, summary, notes, sources and each
//! prop, edges rel, label, note and each prop; every edge has an id
//! (`from|rel|to`), so parallel edges survive. Lists are JSON arrays. The
//! graph's declared kinds and relations ride along as JSON in graph data
//! (`mlkg.kinds`, `mlkg.relations`), so `--graph FILE.graphml` gives back
//! the same graph. A prop whose key is one of the fixed names is written
//! as `props.KEY`.
//!
//! XML 1.0 cannot carry most control characters (nor U+FFFE, U+FFFF) even
//! as references: those are written as visible `\u{..}` escapes, the one
//! place an export changes text. A carriage return is kept as `&#13;`.

use std::borrow::Cow;
use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::Export;
use super::csv::{ColType, Column, columns};

/// Node attribute names with a fixed meaning.
pub const NODE_FIELDS: &[&str] = &["kind", "label", "aliases", "summary", "notes", "sources"];
/// Edge attribute names with a fixed meaning.
pub const EDGE_FIELDS: &[&str] = &["rel", "label", "note"];
/// The prefix of a prop whose key is a fixed name.
pub const PROP_PREFIX: &str = "props.";

/// Text as XML 1.0 can carry it: characters outside its `Char` production
/// as visible `\u{..}` escapes.
pub fn xml_text(s: &str) -> Cow<'_, str> {
    let bad = |c: char| !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if bad(c) {
                    format!("\\u{{{:x}}}", c as u32)
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// The attribute name of a prop key.
pub fn prop_attr(key: &str, fixed: &[&str]) -> String {
    if fixed.contains(&key) || key.starts_with(PROP_PREFIX) {
        format!("{PROP_PREFIX}{key}")
    } else {
        key.to_string()
    }
}

fn attr_type(t: ColType) -> &'static str {
    match t {
        ColType::Bool => "boolean",
        ColType::Int => "long",
        ColType::Double => "double",
        ColType::Text => "string",
    }
}

type Xml<'w> = Writer<&'w mut dyn Write>;

fn key(w: &mut Xml, id: &str, domain: &str, name: &str, ty: &str) -> io::Result<()> {
    w.create_element("key")
        .with_attributes([
            ("id", id),
            ("for", domain),
            ("attr.name", &xml_text(name)),
            ("attr.type", ty),
        ])
        .write_empty()?;
    Ok(())
}

fn data(w: &mut Xml, key: &str, value: &str) -> io::Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    let text = quick_xml::escape::escape(xml_text(value)).replace('\r', "&#13;");
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::from_escaped(text))?;
    Ok(())
}

fn json_list(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        serde_json::to_string(items).unwrap_or_default()
    }
}

/// The columns ordered by the attribute name as written, so that a key
/// whose name XML cannot carry as is (a control character, written as a
/// `\u{..}` escape) keeps its place when the export is read back and written
/// again.
fn in_written_order(mut cols: Vec<Column>, fixed: &[&str]) -> Vec<Column> {
    cols.sort_by_cached_key(|c| {
        (
            xml_text(&prop_attr(&c.key, fixed)).into_owned(),
            c.key.clone(),
        )
    });
    cols
}

/// Writes the selection as a GraphML document.
pub fn write(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let g = ex.graph;
    let node_cols = columns(ex.sel.nodes.iter().map(|&ix| &g.node(ix).props), &[]);
    let edge_cols = columns(ex.sel.edges.iter().map(|&e| &g.edge(e).props), &[]);
    let node_cols = in_written_order(node_cols, NODE_FIELDS);
    let edge_cols = in_written_order(edge_cols, EDGE_FIELDS);
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    for line in super::comments(g, ex.sel, ex.filter) {
        let safe = xml_text(&line).replace("--", "- -");
        w.write_event(Event::Comment(BytesText::from_escaped(format!(" {safe} "))))?;
    }
    w.create_element("graphml")
        .with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ])
        .write_inner_content(|w| {
            key(w, "gk", "graph", "mlkg.kinds", "string")?;
            key(w, "gr", "graph", "mlkg.relations", "string")?;
            if ex.graph.name.is_some() {
                key(w, "gn", "graph", "mlkg.name", "string")?;
            }
            for (i, f) in NODE_FIELDS.iter().enumerate() {
                key(w, &format!("n{i}"), "node", f, "string")?;
            }
            for (i, c) in node_cols.iter().enumerate() {
                key(w, &format!("np{i}"), "node", &prop_attr(&c.key, NODE_FIELDS), attr_type(c.ty))?;
            }
            for (i, f) in EDGE_FIELDS.iter().enumerate() {
                key(w, &format!("e{i}"), "edge", f, "string")?;
            }
            for (i, c) in edge_cols.iter().enumerate() {
                key(w, &format!("ep{i}"), "edge", &prop_attr(&c.key, EDGE_FIELDS), attr_type(c.ty))?;
            }
            w.create_element("graph")
                .with_attributes([("id", "mlkg"), ("edgedefault", "directed")])
                .write_inner_content(|w| body(ex, &node_cols, &edge_cols, w))?;
            Ok(())
        })?;
    writeln!(w.get_mut())
}

fn body(ex: &Export, node_cols: &[Column], edge_cols: &[Column], w: &mut Xml) -> io::Result<()> {
    let g = ex.graph;
    data(
        w,
        "gk",
        &serde_json::to_string(&g.kinds).unwrap_or_default(),
    )?;
    data(
        w,
        "gr",
        &serde_json::to_string(&g.relations).unwrap_or_default(),
    )?;
    if let Some(name) = &g.name {
        data(w, "gn", name)?;
    }
    for &ix in &ex.sel.nodes {
        let n = g.node(ix);
        w.create_element("node")
            .with_attribute(("id", xml_text(&n.id).as_ref()))
            .write_inner_content(|w| {
                let fixed = [
                    n.kind.as_str(),
                    &n.label,
                    &json_list(&n.aliases),
                    &n.summary,
                    &n.notes,
                    &json_list(&n.sources),
                ];
                for (i, v) in fixed.iter().enumerate() {
                    data(w, &format!("n{i}"), v)?;
                }
                for (i, c) in node_cols.iter().enumerate() {
                    data(w, &format!("np{i}"), n.props.get(&c.key).map_or("", |v| v))?;
                }
                Ok(())
            })?;
    }
    for (e, a, b, id) in ex.edges_with_ids() {
        let d = g.edge(e);
        w.create_element("edge")
            .with_attributes([
                ("id", xml_text(&id).as_ref()),
                ("source", xml_text(&g.node(a).id).as_ref()),
                ("target", xml_text(&g.node(b).id).as_ref()),
            ])
            .write_inner_content(|w| {
                data(w, "e0", &d.rel)?;
                data(w, "e1", g.rel_label(&d.rel))?;
                data(w, "e2", &d.note)?;
                for (i, c) in edge_cols.iter().enumerate() {
                    data(w, &format!("ep{i}"), d.props.get(&c.key).map_or("", |v| v))?;
                }
                Ok(())
            })?;
    }
    Ok(())
}
