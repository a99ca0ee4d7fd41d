//! Validation of a parsed document against its own kinds and relations.
//! Every problem is collected, each with its position and the offending id.

use std::collections::{HashMap, HashSet};

use super::diagnostic::Diagnostic;
use super::span::Spans;
use super::{Document, is_valid_id};

const ID_RULES: &str =
    "ids use lowercase ASCII letters, digits, '-', '_' and '.', e.g. \"xgboost.alpha\"";

/// All errors and warnings of a document, unsorted.
pub fn validate(doc: &Document, spans: &Spans, file: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_declarations(doc, spans, file, &mut out);
    let index = check_nodes(doc, spans, file, &mut out);
    check_edges(doc, spans, file, &index, &mut out);
    warn_orphans(doc, spans, file, &index, &mut out);
    warn_shared_names(doc, spans, file, &mut out);
    out
}

fn check_declarations(doc: &Document, spans: &Spans, file: &str, out: &mut Vec<Diagnostic>) {
    for (id, kind) in &doc.kinds {
        let at = spans.kinds.get(id).map_or((1, 1), |s| s.start);
        if !is_valid_id(id) {
            out.push(
                Diagnostic::error(file, at, format!("bad kind id \"{id}\""))
                    .with_id(id)
                    .with_help(ID_RULES),
            );
        }
        if kind.label.trim().is_empty() {
            out.push(
                Diagnostic::error(file, at, format!("kind \"{id}\" has an empty label"))
                    .with_id(id),
            );
        }
    }
    for (id, rel) in &doc.relations {
        let span = spans.relations.get(id).cloned().unwrap_or_default();
        if !is_valid_id(id) {
            out.push(
                Diagnostic::error(file, span.start, format!("bad relation id \"{id}\""))
                    .with_id(id)
                    .with_help(ID_RULES),
            );
        }
        if rel.label.trim().is_empty() {
            out.push(
                Diagnostic::error(
                    file,
                    span.start,
                    format!("relation \"{id}\" has an empty label"),
                )
                .with_id(id),
            );
        }
        for (field, kinds) in [("from", &rel.from), ("to", &rel.to)] {
            for k in kinds.iter().filter(|k| !doc.kinds.contains_key(*k)) {
                out.push(
                    Diagnostic::error(
                        file,
                        span.at(field),
                        format!("relation \"{id}\" names undeclared kind \"{k}\" in `{field}`"),
                    )
                    .with_id(id)
                    .with_help(declared("kinds", doc.kinds.keys())),
                );
            }
        }
    }
}

/// Checks nodes and returns id → kind for the nodes that may be edge ends.
fn check_nodes<'a>(
    doc: &'a Document,
    spans: &Spans,
    file: &str,
    out: &mut Vec<Diagnostic>,
) -> HashMap<&'a str, &'a str> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        let span = spans.node(i);
        let id = node.id.as_str();
        if !is_valid_id(id) {
            out.push(
                Diagnostic::error(file, span.at("id"), format!("bad node id \"{id}\""))
                    .with_id(id)
                    .with_help(ID_RULES),
            );
        }
        if let Some(&j) = first.get(id) {
            let (line, col) = spans.node(j).at("id");
            out.push(
                Diagnostic::error(file, span.at("id"), format!("duplicate node id \"{id}\""))
                    .with_id(id)
                    .with_help(format!(
                        "first defined at line {line}, column {col}; give each node its own id"
                    )),
            );
        } else {
            first.insert(id, i);
        }
        if !doc.kinds.contains_key(&node.kind) {
            out.push(
                Diagnostic::error(
                    file,
                    span.at("kind"),
                    format!("node \"{id}\" has undeclared kind \"{}\"", node.kind),
                )
                .with_id(id)
                .with_help(suggest_or_declared(
                    &node.kind,
                    "kinds",
                    doc.kinds.keys(),
                )),
            );
        }
        if node.label.trim().is_empty() {
            out.push(
                Diagnostic::error(
                    file,
                    span.at("label"),
                    format!("node \"{id}\" has an empty label"),
                )
                .with_id(id)
                .with_help("give the node the name people write"),
            );
        }
    }
    doc.nodes
        .iter()
        .map(|n| (n.id.as_str(), n.kind.as_str()))
        .rev()
        .collect()
}

fn check_edges(
    doc: &Document,
    spans: &Spans,
    file: &str,
    kinds: &HashMap<&str, &str>,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    for (i, edge) in doc.edges.iter().enumerate() {
        let span = spans.edge(i);
        let label = format!("{} -{}-> {}", edge.from, edge.rel, edge.to);
        for (field, end) in [("from", &edge.from), ("to", &edge.to)] {
            if !kinds.contains_key(end.as_str()) {
                out.push(
                    Diagnostic::error(
                        file,
                        span.at(field),
                        format!("edge {label}: no node \"{end}\""),
                    )
                    .with_id(end)
                    .with_help(suggest_or_declared(
                        end,
                        "node ids",
                        kinds.keys(),
                    )),
                );
            }
        }
        let Some(rel) = doc.relations.get(&edge.rel) else {
            out.push(
                Diagnostic::error(
                    file,
                    span.at("rel"),
                    format!("edge {label}: undeclared relation \"{}\"", edge.rel),
                )
                .with_id(&edge.rel)
                .with_help(suggest_or_declared(
                    &edge.rel,
                    "relations",
                    doc.relations.keys(),
                )),
            );
            continue;
        };
        for (field, end, allowed) in [("from", &edge.from, &rel.from), ("to", &edge.to, &rel.to)] {
            let Some(kind) = kinds.get(end.as_str()) else {
                continue;
            };
            if !allowed.is_empty() && !allowed.iter().any(|k| k == kind) {
                out.push(
                    Diagnostic::error(file, span.at(field), format!("edge {label}: \"{}\" cannot go {field} a node of kind \"{kind}\" (\"{end}\")", edge.rel))
                        .with_id(end)
                        .with_help(format!("\"{}\" goes {field} {}", edge.rel, allowed.join(" or "))),
                );
            }
        }
        let key = if rel.symmetric && edge.to < edge.from {
            (edge.to.as_str(), edge.rel.as_str(), edge.from.as_str())
        } else {
            (edge.from.as_str(), edge.rel.as_str(), edge.to.as_str())
        };
        if let Some(&j) = seen.get(&key) {
            let (line, col) = spans.edge(j).start;
            out.push(
                Diagnostic::error(file, span.start, format!("duplicate edge {label}"))
                    .with_id(&edge.from)
                    .with_help(format!("the same edge is at line {line}, column {col}; keep one (merge their notes)")),
            );
        } else {
            seen.insert(key, i);
        }
    }
}

fn warn_orphans(
    doc: &Document,
    spans: &Spans,
    file: &str,
    kinds: &HashMap<&str, &str>,
    out: &mut Vec<Diagnostic>,
) {
    let linked: HashSet<&str> = doc
        .edges
        .iter()
        .filter(|e| kinds.contains_key(e.from.as_str()) && kinds.contains_key(e.to.as_str()))
        .flat_map(|e| [e.from.as_str(), e.to.as_str()])
        .collect();
    for (i, node) in doc.nodes.iter().enumerate() {
        if !linked.contains(node.id.as_str()) {
            out.push(
                Diagnostic::warning(
                    file,
                    spans.node(i).at("id"),
                    format!("node \"{}\" has no edges", node.id),
                )
                .with_id(&node.id)
                .with_help("link it to the node it is about, or remove it"),
            );
        }
    }
}

fn warn_shared_names(doc: &Document, spans: &Spans, file: &str, out: &mut Vec<Diagnostic>) {
    let mut owner: HashMap<String, usize> = HashMap::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        let mut own: Vec<String> = std::iter::once(&node.label)
            .chain(&node.aliases)
            .map(|n| n.trim().to_lowercase())
            .filter(|n| !n.is_empty())
            .collect();
        own.sort();
        own.dedup();
        for name in own {
            match owner.get(&name) {
                Some(&j) if doc.nodes[j].id != node.id => {
                    let other = &doc.nodes[j];
                    out.push(
                        Diagnostic::warning(file, spans.node(i).at("label"), format!("\"{name}\" names both \"{}\" ({}) and \"{}\" ({})", other.id, other.kind, node.id, node.kind))
                            .with_id(&node.id)
                            .with_help("search shows the kind to tell them apart; rename one if they are not meant to share a name"),
                    );
                }
                Some(_) => {}
                None => {
                    owner.insert(name, i);
                }
            }
        }
    }
}

fn declared<'a>(what: &str, names: impl Iterator<Item = &'a String>) -> String {
    let list: Vec<&str> = names.map(String::as_str).collect();
    if list.is_empty() {
        format!("no {what} are declared; declare it first")
    } else {
        format!("declared {what}: {}", list.join(", "))
    }
}

fn suggest_or_declared<'a, S: AsRef<str> + 'a>(
    wrong: &str,
    what: &str,
    names: impl Iterator<Item = &'a S>,
) -> String {
    let mut names: Vec<&str> = names.map(AsRef::as_ref).collect();
    names.sort_unstable();
    let close = closest(wrong, &names, 3);
    if close.is_empty() {
        let shown: Vec<&str> = names.iter().copied().take(20).collect();
        if shown.is_empty() {
            format!("no {what} exist yet")
        } else {
            format!("{what} include: {}", shown.join(", "))
        }
    } else {
        let quoted: Vec<String> = close.iter().map(|c| format!("\"{c}\"")).collect();
        format!("did you mean {}?", quoted.join(" or "))
    }
}

/// The names closest to `wrong` by edit distance, best first.
pub fn closest<'a>(wrong: &str, names: &[&'a str], max: usize) -> Vec<&'a str> {
    let limit = (wrong.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = names
        .iter()
        .map(|n| (edit_distance(wrong, n), *n))
        .filter(|(d, n)| *d <= limit || n.contains(wrong) || (wrong.len() > 2 && wrong.contains(n)))
        .collect();
    scored.sort();
    scored.dedup();
    scored.into_iter().take(max).map(|(_, n)| n).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("xgbost", "xgboost"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            closest("xgbost", &["xgboost", "kmeans", "xgboost.eta"], 3),
            vec!["xgboost"]
        );
    }
}
