//! A folder of CSV files for `neo4j-admin database import`: `nodes.csv`
//! (`id:ID(Node)`, `:LABEL`, typed properties), `relationships.csv`
//! (`:START_ID(Node)`, `:END_ID(Node)`, `:TYPE`) and `LOAD.md` with the
//! command. Arrays are split on `;`, or, when an item holds a `;`, on a
//! character no item holds, which the command in `LOAD.md` names.

use std::io::{self, Write};

use super::csv::{ColType, Column, Names, columns, row};
use super::{Export, FolderFile};

/// Array delimiters to choose from, the loader's default first.
const DELIMITERS: &[char] = &[';', '|', '^', '~', '¦', '\u{1f}'];

/// The files: nodes, relationships and the import command.
pub fn files<'a>(ex: &'a Export<'a>) -> Vec<FolderFile<'a>> {
    vec![
        ("nodes.csv", Box::new(move |w| nodes(ex, w))),
        ("relationships.csv", Box::new(move |w| relationships(ex, w))),
        ("LOAD.md", Box::new(move |w| load_md(ex, w))),
    ]
}

/// The first delimiter no list item of the export holds.
pub fn array_delimiter(ex: &Export) -> char {
    let items = || {
        ex.sel.nodes.iter().flat_map(|&ix| {
            let n = ex.graph.node(ix);
            n.aliases.iter().chain(&n.sources)
        })
    };
    DELIMITERS
        .iter()
        .copied()
        .find(|d| !items().any(|s| s.contains(*d)))
        .unwrap_or(';')
}

/// The header's type name of a column type.
fn type_name(t: ColType) -> &'static str {
    match t {
        ColType::Bool => "boolean",
        ColType::Int => "long",
        ColType::Double => "double",
        ColType::Text => "string",
    }
}

fn headers(fixed: &[&str], cols: &[Column]) -> Vec<String> {
    let mut h: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    h.extend(
        cols.iter()
            .map(|c| format!("{}:{}", c.name, type_name(c.ty))),
    );
    h
}

fn values(cols: &[Column], props: &crate::graph::Props) -> impl Iterator<Item = String> {
    cols.iter()
        .map(|c| props.get(&c.key).cloned().unwrap_or_default())
}

fn nodes(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let g = ex.graph;
    let names = Names::new(ex);
    let delim = array_delimiter(ex).to_string();
    let fixed = [
        "id:ID(Node)",
        ":LABEL",
        "name",
        "aliases:string[]",
        "summary",
        "notes",
        "sources:string[]",
    ];
    let reserved = ["id", "name", "aliases", "summary", "notes", "sources"];
    let cols = columns(ex.sel.nodes.iter().map(|&ix| &g.node(ix).props), &reserved);
    let h = headers(&fixed, &cols);
    row(out, &h.iter().map(String::as_str).collect::<Vec<_>>())?;
    for &ix in &ex.sel.nodes {
        let n = g.node(ix);
        let mut fields = vec![
            n.id.to_string(),
            names.kinds[n.kind.as_str()].clone(),
            n.label.clone(),
            n.aliases.join(&delim),
            n.summary.clone(),
            n.notes.clone(),
            n.sources.join(&delim),
        ];
        fields.extend(values(&cols, &n.props));
        row(out, &fields.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    Ok(())
}

fn relationships(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let g = ex.graph;
    let names = Names::new(ex);
    let cols = columns(ex.sel.edges.iter().map(|&e| &g.edge(e).props), &["note"]);
    let h = headers(
        &[":START_ID(Node)", ":END_ID(Node)", ":TYPE", "note"],
        &cols,
    );
    row(out, &h.iter().map(String::as_str).collect::<Vec<_>>())?;
    for &e in &ex.sel.edges {
        let Some((a, b)) = g.edge_ends(e) else {
            continue;
        };
        let data = g.edge(e);
        let mut fields = vec![
            g.node(a).id.to_string(),
            g.node(b).id.to_string(),
            names.rels[data.rel.as_str()].clone(),
            data.note.clone(),
        ];
        fields.extend(values(&cols, &data.props));
        row(out, &fields.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    Ok(())
}

fn load_md(ex: &Export, out: &mut dyn Write) -> io::Result<()> {
    let delim = array_delimiter(ex);
    writeln!(
        out,
        "# Loading this folder into Neo4j\n\n\
         {} nodes (`nodes.csv`) and {} relationships (`relationships.csv`) from {}. \
         Copy both files into the DBMS's `import/` folder, stop the database, and run \
         (Neo4j 5):\n\n\
         ```sh\n\
         bin/neo4j-admin database import full neo4j \\\n  \
         --nodes=import/nodes.csv --relationships=import/relationships.csv \\\n  \
         --multiline-fields=true --array-delimiter=\"U+{:04X}\" --overwrite-destination=true\n\
         ```\n\n\
         Then `CREATE DATABASE neo4j IF NOT EXISTS` (or start the DBMS). Labels are \
         the graph's kinds and relationship types its relations (letters, digits and \
         `_`); the node id is the property `id`, the label text `name`. \
         `--multiline-fields=true` is needed because notes may span lines.\n\n\
         A first query:\n\n\
         ```cypher\nMATCH (a)-[:accepts]->(f {{id: 'csv'}}) RETURN a.id\n```",
        ex.sel.nodes.len(),
        ex.sel.edges.len(),
        crate::text::visible(&ex.graph.source.to_string()),
        delim as u32
    )
}
