//! Reading GraphML (yEd, Gephi, Cytoscape, networkx, mlkg's own export) into
//! a [`Document`]. The XML is read with quick-xml into keys, nodes and
//! edges with their attributes by name ([`read`]); `build` maps them onto
//! mlkg's model. Errors name the line and column.

mod build;

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::Document;
use super::diagnostic::Diagnostic;

/// Whether a text is GraphML rather than RON or JSON: it starts with `<`.
pub fn is_graphml(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
}

/// Parses GraphML into a document, or every problem found.
pub fn parse(text: &str, file: &str) -> Result<Document, Vec<Diagnostic>> {
    let raw = read(text).map_err(|(at, msg)| vec![error(text, file, at, msg)])?;
    build::document(raw, text, file)
}

/// A diagnostic at a byte offset of the text.
fn error(text: &str, file: &str, at: usize, message: String) -> Diagnostic {
    Diagnostic::error(file, position(text, at), message)
        .with_help("fix the GraphML at this position; see docs/scale.md for what mlkg reads")
        .with_source(text)
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn position(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let col = 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}

/// A declared `<key>`.
#[derive(Debug, Clone, Default)]
pub struct Key {
    /// `node`, `edge`, `graph` or `all`.
    pub domain: String,
    /// The attribute's name (`attr.name`), else the key's id.
    pub name: String,
    /// Its `<default>`, if any.
    pub default: Option<String>,
}

/// A node or an edge as read: its XML attributes, its data by key id, and
/// where it starts.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// XML attributes (`id`, `source`, `target`).
    pub attrs: BTreeMap<String, String>,
    /// `<data key="...">` texts by key id.
    pub data: BTreeMap<String, String>,
    /// Byte offset of the element.
    pub at: usize,
}

/// What a GraphML file holds, before mapping.
#[derive(Debug, Clone, Default)]
pub struct Raw {
    /// Keys by id.
    pub keys: BTreeMap<String, Key>,
    /// Graph-level data by key id.
    pub graph_data: BTreeMap<String, String>,
    /// Nodes in file order.
    pub nodes: Vec<Item>,
    /// Edges in file order.
    pub edges: Vec<Item>,
    /// Whether any `<graphml>` element was seen.
    pub seen_root: bool,
}

/// The `<data>` element being read.
struct DataOpen {
    /// Its key id.
    key: String,
    /// Its text so far.
    text: String,
    /// How many elements deep inside it the reader is.
    depth: usize,
    /// Whether it holds markup (yEd's graphics), whose text is trimmed.
    nested: bool,
}

/// Where the reader is.
enum Open {
    Key(String),
    Node,
    Edge,
    Graph,
}

/// Reads the XML into keys, nodes and edges; a syntax error gives its byte
/// offset and message.
pub fn read(text: &str) -> Result<Raw, (usize, String)> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut raw = Raw::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut data: Option<DataOpen> = None;
    let mut in_default: Option<String> = None;
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| (reader.error_position() as usize, format!("XML syntax: {e}")))?;
        match event {
            Event::Start(e) => start(
                &e,
                at,
                true,
                &mut raw,
                &mut stack,
                &mut data,
                &mut in_default,
            )?,
            Event::Empty(e) => start(
                &e,
                at,
                false,
                &mut raw,
                &mut stack,
                &mut data,
                &mut in_default,
            )?,
            Event::End(e) => match e.local_name().as_ref() {
                "data" if data.as_ref().is_some_and(|d| d.depth == 0) => {
                    if let Some(d) = data.take() {
                        let value = if d.nested {
                            d.text.trim().to_string()
                        } else {
                            d.text
                        };
                        store(&mut raw, &stack, d.key, value);
                    }
                }
                _ if data.is_some() => {
                    if let Some(d) = data.as_mut() {
                        d.depth = d.depth.saturating_sub(1);
                    }
                }
                "default" => {
                    if let (Some(v), Some(Open::Key(id))) = (in_default.take(), stack.last())
                        && let Some(k) = raw.keys.get_mut(id)
                    {
                        k.default = Some(v);
                    }
                }
                "key" | "node" | "edge" | "graph" => {
                    stack.pop();
                }
                _ => {}
            },
            Event::Text(t) => push_text(&mut data, &mut in_default, &t.xml10_content()),
            Event::CData(t) => push_text(&mut data, &mut in_default, &t.into_inner()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => named_entity(&r)
                        .ok_or_else(|| (at, format!("XML syntax: unknown entity &{};", &*r)))?,
                };
                push_text(&mut data, &mut in_default, &c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !raw.seen_root {
        return Err((0, "no <graphml> element: this is not a GraphML file".into()));
    }
    Ok(raw)
}

fn named_entity(name: &str) -> Option<String> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    };
    Some(c.to_string())
}

fn push_text(data: &mut Option<DataOpen>, default: &mut Option<String>, s: &str) {
    if let Some(d) = data.as_mut() {
        d.text.push_str(s);
    } else if let Some(text) = default.as_mut() {
        text.push_str(s);
    }
}

/// Files a finished `<data>` under what encloses it.
fn store(raw: &mut Raw, stack: &[Open], key: String, value: String) {
    match stack.last() {
        Some(Open::Node) => {
            if let Some(n) = raw.nodes.last_mut() {
                n.data.insert(key, value);
            }
        }
        Some(Open::Edge) => {
            if let Some(e) = raw.edges.last_mut() {
                e.data.insert(key, value);
            }
        }
        Some(Open::Graph) => {
            raw.graph_data.insert(key, value);
        }
        _ => {}
    }
}

/// The XML attributes of an element, unescaped.
fn attributes(e: &BytesStart, at: usize) -> Result<BTreeMap<String, String>, (usize, String)> {
    let mut out = BTreeMap::new();
    for a in e.attributes() {
        let a = a.map_err(|err| (at, format!("XML syntax: {err}")))?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| (at, format!("XML syntax: {err}")))?;
        let name = a.key.as_ref().to_string();
        out.insert(name, value.into_owned());
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn start(
    e: &BytesStart,
    at: usize,
    has_body: bool,
    raw: &mut Raw,
    stack: &mut Vec<Open>,
    data: &mut Option<DataOpen>,
    in_default: &mut Option<String>,
) -> Result<(), (usize, String)> {
    if let Some(d) = data.as_mut() {
        // Markup inside data (yEd's graphics): its text is kept, the
        // elements are not.
        d.nested = true;
        if has_body {
            d.depth += 1;
        }
        return Ok(());
    }
    let attrs = attributes(e, at)?;
    let open = match e.local_name().as_ref() {
        "graphml" => {
            raw.seen_root = true;
            None
        }
        "key" => {
            let id = attrs.get("id").cloned().unwrap_or_default();
            let name = attrs
                .get("attr.name")
                .cloned()
                .unwrap_or_else(|| id.clone());
            let domain = attrs.get("for").cloned().unwrap_or_else(|| "all".into());
            raw.keys.insert(
                id.clone(),
                Key {
                    domain,
                    name,
                    default: None,
                },
            );
            Some(Open::Key(id))
        }
        "default" => {
            *in_default = Some(String::new());
            None
        }
        "graph" => Some(Open::Graph),
        "node" => {
            raw.nodes.push(Item {
                attrs,
                data: BTreeMap::new(),
                at,
            });
            Some(Open::Node)
        }
        "edge" => {
            raw.edges.push(Item {
                attrs,
                data: BTreeMap::new(),
                at,
            });
            Some(Open::Edge)
        }
        "data" if has_body => {
            *data = Some(DataOpen {
                key: attrs.get("key").cloned().unwrap_or_default(),
                text: String::new(),
                depth: 0,
                nested: false,
            });
            None
        }
        _ => None,
    };
    if let (true, Some(o)) = (has_body, open) {
        stack.push(o);
    }
    Ok(())
}
