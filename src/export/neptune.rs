//! Folders of CSV files for Amazon Neptune's bulk loader, in its Gremlin
//! format (`~id, ~label, ~from, ~to, name:Type`) and its openCypher format
//! (`:ID, :LABEL, :START_ID, :END_ID, :TYPE, name:Type`). Kinds become
//! labels and relations become edge labels or relationship types, as names
//! of letters, digits and `_`; the node's label is the property `name`.
//! Lists (aliases, sources) are `String[]` columns with items split by `;`,
//! and a `;` inside a value is written `\;` as the loader documents.

use std::io::{self, Write};

use super::csv::{ColType, Column, Names, columns, row};
use super::{Export, FolderFile};

/// Which of Neptune's two CSV formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Property graphs queried with Gremlin.
    Gremlin,
    /// Property graphs queried with openCypher.
    OpenCypher,
}

/// Node property names the fixed columns use.
const NODE_FIELDS: &[&str] = &[
    "id", "name", "kind", "aliases", "summary", "notes", "sources",
];

/// The files: nodes, edges and the loader call.
pub fn files<'a>(ex: &'a Export<'a>, dialect: Dialect) -> Vec<FolderFile<'a>> {
    vec![
        ("nodes.csv", Box::new(move |w| nodes(ex, dialect, w))),
        ("edges.csv", Box::new(move |w| edges(ex, dialect, w))),
        ("LOAD.md", Box::new(move |w| load_md(ex, dialect, w))),
    ]
}

/// The header's type name of a column type.
fn type_name(t: ColType) -> &'static str {
    match t {
        ColType::Bool => "Bool",
        ColType::Int => "Long",
        ColType::Double => "Double",
        ColType::Text => "String",
    }
}

/// A value with `;` escaped, as a multi-value separator would read it.
pub fn escape(s: &str) -> String {
    s.replace(';', "\\;")
}

/// A list as one field: escaped items joined by `;`.
fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|s| escape(s))
        .collect::<Vec<_>>()
        .join(";")
}

/// The header of the property columns.
fn prop_headers(cols: &[Column]) -> Vec<String> {
    cols.iter()
        .map(|c| format!("{}:{}", c.name, type_name(c.ty)))
        .collect()
}

/// A props map as one field per column (empty where missing).
fn prop_fields(cols: &[Column], props: &crate::graph::Props) -> Vec<String> {
    cols.iter()
        .map(|c| match props.get(&c.key) {
            Some(v) if c.ty == ColType::Text => escape(v),
            Some(v) => v.clone(),
            None => String::new(),
        })
        .collect()
}

fn nodes(ex: &Export, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    let g = ex.graph;
    let names = Names::new(ex);
    let cols = columns(
        ex.sel.nodes.iter().map(|&ix| &g.node(ix).props),
        NODE_FIELDS,
    );
    let mut header: Vec<String> = match dialect {
        Dialect::Gremlin => vec!["~id".into(), "~label".into()],
        Dialect::OpenCypher => vec!["id:ID".into(), ":LABEL".into()],
    };
    header.extend(
        [
            "name:String",
            "aliases:String[]",
            "summary:String",
            "notes:String",
            "sources:String[]",
        ]
        .map(String::from),
    );
    header.extend(prop_headers(&cols));
    row(out, &header.iter().map(String::as_str).collect::<Vec<_>>())?;
    for &ix in &ex.sel.nodes {
        let n = g.node(ix);
        let mut fields = vec![
            n.id.to_string(),
            names.kinds[n.kind.as_str()].clone(),
            escape(&n.label),
            list(&n.aliases),
            escape(&n.summary),
            escape(&n.notes),
            list(&n.sources),
        ];
        fields.extend(prop_fields(&cols, &n.props));
        row(out, &fields.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    Ok(())
}

fn edges(ex: &Export, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    let g = ex.graph;
    let names = Names::new(ex);
    let cols = columns(ex.sel.edges.iter().map(|&e| &g.edge(e).props), &["note"]);
    let mut header: Vec<String> = match dialect {
        Dialect::Gremlin => ["~id", "~from", "~to", "~label"],
        Dialect::OpenCypher => [":ID", ":START_ID", ":END_ID", ":TYPE"],
    }
    .map(String::from)
    .to_vec();
    header.push("note:String".into());
    header.extend(prop_headers(&cols));
    row(out, &header.iter().map(String::as_str).collect::<Vec<_>>())?;
    for (e, a, b, id) in ex.edges_with_ids() {
        let data = g.edge(e);
        let mut fields = vec![
            id,
            g.node(a).id.to_string(),
            g.node(b).id.to_string(),
            names.rels[data.rel.as_str()].clone(),
            escape(&data.note),
        ];
        fields.extend(prop_fields(&cols, &data.props));
        row(out, &fields.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    Ok(())
}

fn load_md(ex: &Export, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    let (format, query) = match dialect {
        Dialect::Gremlin => (
            "csv",
            "g.V().hasLabel('algorithm').out('accepts').has(T.id, 'csv')",
        ),
        Dialect::OpenCypher => (
            "opencypher",
            "MATCH (a)-[:accepts]->(f {id: 'csv'}) RETURN a.id",
        ),
    };
    writeln!(
        out,
        "# Loading this folder into Amazon Neptune\n\n\
         {} nodes (`nodes.csv`) and {} edges (`edges.csv`) from {}, in Neptune's \
         `{format}` bulk-load format. Copy the folder to S3, then call the \
         loader from a host that reaches the cluster:\n\n\
         ```sh\n\
         aws s3 cp --recursive . s3://BUCKET/mlkg/\n\
         curl -X POST -H 'Content-Type: application/json' \\\n  \
         https://CLUSTER-ENDPOINT:8182/loader -d '{{\n    \
         \"source\": \"s3://BUCKET/mlkg/\",\n    \
         \"format\": \"{format}\",\n    \
         \"iamRoleArn\": \"arn:aws:iam::ACCOUNT:role/NeptuneLoadFromS3\",\n    \
         \"region\": \"REGION\",\n    \
         \"failOnError\": \"TRUE\"\n  }}'\n\
         ```\n\n\
         The call answers with a `loadId`; `GET /loader/LOAD-ID` tells its \
         progress. Edge ids are `from|relation|to`, so loading again updates \
         rather than duplicates. Node labels are the graph's kinds, edge \
         labels its relations; the label text is the property `name`.\n\n\
         A first query:\n\n```\n{query}\n```",
        ex.sel.nodes.len(),
        ex.sel.edges.len(),
        crate::text::visible(&ex.graph.source.to_string()),
    )
}
