//! Mapping GraphML's keys, nodes and edges onto mlkg's model: the kind from
//! `kind`, else `type`, else `node`; the label from `label`, else `name`,
//! else the id; the relation from `rel`, else `label`, else `related`;
//! every other attribute a prop (`props.KEY` back to `KEY`). Declarations
//! come from mlkg's own graph data when present, and the rest from use.

use std::collections::{BTreeMap, HashMap, HashSet};

use indexmap::IndexMap;

use super::{Item, Raw, error};
use crate::graph::diagnostic::Diagnostic;
use crate::graph::{Document, Edge, Kind, Node, Props, Relation, is_valid_id};

/// The prefix mlkg's export puts on a prop named like a field.
const PROP_PREFIX: &str = "props.";

/// An item's attributes by name, defaults filled in.
fn named(raw: &Raw, item: &Item, domain: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for key in raw.keys.values() {
        if let Some(d) = &key.default
            && (key.domain == domain || key.domain == "all")
        {
            out.insert(key.name.clone(), d.clone());
        }
    }
    for (id, value) in &item.data {
        let name = raw.keys.get(id).map_or(id.as_str(), |k| k.name.as_str());
        out.insert(name.to_string(), value.clone());
    }
    out
}

/// A valid id made from any text: lowercase, other characters as `-`.
pub fn slug(s: &str) -> String {
    let out: String = s
        .trim()
        .chars()
        .map(|c| {
            let c = c.to_ascii_lowercase();
            if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if out.is_empty() { "x".into() } else { out }
}

/// Ids for texts: each valid one as it is, others made valid and distinct.
struct Ids {
    given: HashMap<String, String>,
    taken: HashSet<String>,
}

impl Ids {
    fn new<'a>(all: impl Iterator<Item = &'a String>) -> Ids {
        let all: Vec<&String> = all.collect();
        let taken = all
            .iter()
            .filter(|s| is_valid_id(s))
            .map(|s| s.to_string())
            .collect();
        Ids {
            given: HashMap::new(),
            taken,
        }
    }

    fn get(&mut self, s: &str) -> String {
        if is_valid_id(s) {
            return s.to_string();
        }
        if let Some(id) = self.given.get(s) {
            return id.clone();
        }
        let base = slug(s);
        let mut id = base.clone();
        let mut n = 2;
        while !self.taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.given.insert(s.to_string(), id.clone());
        id
    }
}

fn take_list(attrs: &mut BTreeMap<String, String>, name: &str, props: &mut Props) -> Vec<String> {
    match attrs.remove(name) {
        Some(v) => serde_json::from_str::<Vec<String>>(&v).unwrap_or_else(|_| {
            props.insert(name.to_string(), v);
            Vec::new()
        }),
        None => Vec::new(),
    }
}

/// The rest of the attributes as props, mlkg's prefix removed.
fn props_of(attrs: BTreeMap<String, String>, mut props: Props) -> Props {
    for (k, v) in attrs {
        let key = k
            .strip_prefix(PROP_PREFIX)
            .map_or(k.clone(), str::to_string);
        props.insert(key, v);
    }
    props
}

/// What the mapping builds up.
struct Builder<'a> {
    raw: &'a Raw,
    text: &'a str,
    file: &'a str,
    errors: Vec<Diagnostic>,
    kinds: IndexMap<String, Kind>,
    relations: IndexMap<String, Relation>,
    by_xml_id: HashMap<String, String>,
}

/// Builds the document: nodes, edges, and the declarations they need.
pub fn document(raw: Raw, text: &str, file: &str) -> Result<Document, Vec<Diagnostic>> {
    let mut b = Builder {
        raw: &raw,
        text,
        file,
        errors: Vec::new(),
        kinds: json_data(&raw, "mlkg.kinds"),
        relations: json_data(&raw, "mlkg.relations"),
        by_xml_id: HashMap::new(),
    };
    let nodes = b.nodes();
    let edges = b.edges();
    if !b.errors.is_empty() {
        return Err(b.errors);
    }
    Ok(Document {
        name: graph_text(&raw, "mlkg.name").unwrap_or_default(),
        kinds: b.kinds,
        relations: b.relations,
        nodes,
        edges,
    })
}

impl Builder<'_> {
    fn error(&mut self, at: usize, msg: String) {
        self.errors.push(error(self.text, self.file, at, msg));
    }

    fn nodes(&mut self) -> Vec<Node> {
        let raw = self.raw;
        let xml_ids: Vec<String> = raw
            .nodes
            .iter()
            .filter_map(|n| n.attrs.get("id").cloned())
            .collect();
        let mut ids = Ids::new(xml_ids.iter());
        let mut kind_ids = Ids::new(self.kinds.keys());
        let mut nodes = Vec::new();
        for item in &raw.nodes {
            let Some(xml_id) = item.attrs.get("id") else {
                self.error(item.at, "a <node> without an id".into());
                continue;
            };
            if self.by_xml_id.contains_key(xml_id) {
                self.error(item.at, format!("a second node with the id \"{xml_id}\""));
                continue;
            }
            let mut attrs = named(raw, item, "node");
            let kind_text = attrs.remove("kind").or_else(|| attrs.remove("type"));
            let kind_text = kind_text.unwrap_or_else(|| "node".into());
            let kind = kind_ids.get(&kind_text);
            self.kinds.entry(kind.clone()).or_insert(Kind {
                label: kind_text,
                color: String::new(),
            });
            let label = attrs.remove("label").or_else(|| attrs.remove("name"));
            let mut props = Props::new();
            let id = ids.get(xml_id);
            if id != *xml_id {
                props.insert("graphml_id".into(), xml_id.clone());
            }
            self.by_xml_id.insert(xml_id.clone(), id.clone());
            let aliases = take_list(&mut attrs, "aliases", &mut props);
            let sources = take_list(&mut attrs, "sources", &mut props);
            nodes.push(Node {
                id: id.into(),
                kind: kind.into(),
                label: label.unwrap_or_else(|| xml_id.clone()),
                aliases,
                summary: attrs.remove("summary").unwrap_or_default(),
                notes: attrs.remove("notes").unwrap_or_default(),
                sources,
                props: props_of(attrs, props),
            });
        }
        nodes
    }

    fn edges(&mut self) -> Vec<Edge> {
        let raw = self.raw;
        let mut rel_ids = Ids::new(self.relations.keys());
        let mut edges = Vec::new();
        for item in &raw.edges {
            let end = |a: &str| {
                item.attrs
                    .get(a)
                    .and_then(|x| self.by_xml_id.get(x))
                    .cloned()
            };
            let (Some(from), Some(to)) = (end("source"), end("target")) else {
                let msg = match (item.attrs.get("source"), item.attrs.get("target")) {
                    (Some(s), Some(t)) => {
                        format!(
                            "an edge from \"{s}\" to \"{t}\" names a node the file does not have"
                        )
                    }
                    _ => "an <edge> without a source and a target".to_string(),
                };
                self.error(item.at, msg);
                continue;
            };
            let mut attrs = named(raw, item, "edge");
            let rel_text = match attrs.remove("rel") {
                Some(r) => {
                    attrs.remove("label");
                    r
                }
                None => attrs.remove("label").unwrap_or_else(|| "related".into()),
            };
            let rel = rel_ids.get(&rel_text);
            self.relations.entry(rel.clone()).or_insert(Relation {
                label: rel_text.replace('_', " "),
                inverse: String::new(),
                from: vec![],
                to: vec![],
                symmetric: false,
                ..Relation::default()
            });
            edges.push(Edge {
                from: from.into(),
                rel: rel.into(),
                to: to.into(),
                note: attrs.remove("note").unwrap_or_default(),
                props: props_of(attrs, Props::new()),
            });
        }
        edges
    }
}

/// The text of one of mlkg's own graph data, if the file has it.
fn graph_text(raw: &Raw, name: &str) -> Option<String> {
    raw.keys
        .iter()
        .find(|(_, k)| k.name == name && k.domain == "graph")
        .and_then(|(id, _)| raw.graph_data.get(id))
        .cloned()
}

/// A declaration map from mlkg's own graph data, or an empty one.
fn json_data<T: serde::de::DeserializeOwned>(raw: &Raw, name: &str) -> IndexMap<String, T> {
    graph_text(raw, name)
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default()
}
