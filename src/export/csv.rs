//! What the CSV exports share: RFC 4180 fields, property columns with a
//! type inferred from their values and a name every loader accepts, and
//! names of labels and relationship types without spaces.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::Export;

/// A property column's type, the narrowest that holds every value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColType {
    /// `true` or `false`.
    Bool,
    /// A 64-bit integer.
    Int,
    /// A floating-point number.
    Double,
    /// Anything else.
    Text,
}

impl ColType {
    /// The narrowest type of one value.
    pub fn of(value: &str) -> ColType {
        if value == "true" || value == "false" {
            ColType::Bool
        } else if value.parse::<i64>().is_ok() && !value.starts_with('+') {
            ColType::Int
        } else if value.parse::<f64>().is_ok_and(f64::is_finite)
            && value
                .bytes()
                .all(|b| b.is_ascii_digit() || b".-eE".contains(&b))
        {
            ColType::Double
        } else {
            ColType::Text
        }
    }

    /// The narrowest type holding two types.
    fn join(self, other: ColType) -> ColType {
        match (self, other) {
            (a, b) if a == b => a,
            (ColType::Int, ColType::Double) | (ColType::Double, ColType::Int) => ColType::Double,
            _ => ColType::Text,
        }
    }
}

/// One property column: the key in the graph, the header name, the type.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The property's key in the graph.
    pub key: String,
    /// A name of ASCII letters, digits and `_`, unique in its file.
    pub name: String,
    /// The type every value has.
    pub ty: ColType,
}

/// Builds the property columns for a set of props maps: one per key, typed
/// from its values, named so no two columns (nor `reserved`) clash.
pub fn columns<'a>(
    props: impl Iterator<Item = &'a super::super::graph::Props>,
    reserved: &[&str],
) -> Vec<Column> {
    let mut types: BTreeMap<&str, ColType> = BTreeMap::new();
    for p in props {
        for (k, v) in p {
            let t = ColType::of(v);
            types
                .entry(k.as_str())
                .and_modify(|old| *old = old.join(t))
                .or_insert(t);
        }
    }
    let mut taken: Vec<String> = reserved.iter().map(|s| s.to_string()).collect();
    types
        .into_iter()
        .map(|(key, ty)| {
            let name = unique(safe_name(key), &mut taken);
            Column {
                key: key.to_string(),
                name,
                ty,
            }
        })
        .collect()
}

/// A name of ASCII letters, digits and `_`, starting with a letter.
pub fn safe_name(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "p_");
    }
    out
}

/// `name`, or `name_2`, `name_3`... whichever is not taken yet; records it.
fn unique(name: String, taken: &mut Vec<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{name}_{n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// Label names for kinds and type names for relations, each a safe name
/// (`hyperparameter`, `trains_on`), distinct within its set.
pub fn type_names<'a>(ids: impl Iterator<Item = &'a str>) -> BTreeMap<String, String> {
    let mut taken = Vec::new();
    ids.map(|id| (id.to_string(), unique(safe_name(id), &mut taken)))
        .collect()
}

/// The kinds and relations an export uses, with their safe names.
pub struct Names {
    /// Kind id to label name.
    pub kinds: BTreeMap<String, String>,
    /// Relation id to type name.
    pub rels: BTreeMap<String, String>,
}

impl Names {
    /// The names of every declared kind and relation and any used undeclared.
    pub fn new(ex: &Export) -> Names {
        let g = ex.graph;
        let mut kinds: Vec<&str> = g.kinds.keys().map(String::as_str).collect();
        kinds.extend(ex.sel.nodes.iter().map(|&ix| g.node(ix).kind.as_str()));
        let mut rels: Vec<&str> = g.relations.keys().map(String::as_str).collect();
        rels.extend(ex.sel.edges.iter().map(|&e| g.edge(e).rel.as_str()));
        let (kinds, rels) = (first_each(kinds), first_each(rels));
        Names {
            kinds: type_names(kinds.into_iter()),
            rels: type_names(rels.into_iter()),
        }
    }
}

/// Each item once, at its first place.
fn first_each(v: Vec<&str>) -> Vec<&str> {
    let mut seen = std::collections::HashSet::new();
    v.into_iter().filter(|s| seen.insert(*s)).collect()
}

/// Writes one RFC 4180 field: quoted (with `"` doubled) when it holds a
/// comma, a quote, a line break or leading or trailing space. An empty
/// field is written bare: loaders read it as no value.
pub fn field(out: &mut dyn Write, s: &str) -> io::Result<()> {
    let needs = s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace)
        || s.bytes().any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
    if !needs {
        return out.write_all(s.as_bytes());
    }
    out.write_all(b"\"")?;
    out.write_all(s.replace('"', "\"\"").as_bytes())?;
    out.write_all(b"\"")
}

/// Writes a row of fields and the line end (CRLF, as RFC 4180 has it).
pub fn row(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        field(out, f)?;
    }
    out.write_all(b"\r\n")
}
