//! Validation of a parsed document against its own kinds and relations.
//! Every problem is collected, each with its position and the offending id.
//! Positions are asked of [`Spans`] only where there is a problem, so a valid
//! graph is checked without scanning its text.

use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap, FxHashSet};

use super::diagnostic::{Collector, Diagnostic};
use super::span::Spans;
use super::{Document, is_valid_id};

mod name;
mod suggest;

pub use name::MAX_NAME;
use name::check_name;
pub use suggest::closest;
use suggest::suggest_or_declared;

const ID_RULES: &str =
    "ids use lowercase ASCII letters, digits, '-', '_' and '.', e.g. \"xgboost.alpha\"";

/// Whether validation looks for warnings too, or only for errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warnings {
    /// Errors and warnings (what `mlkg check` shows).
    Collect,
    /// Errors only: faster on large graphs when nobody reads the warnings.
    Skip,
}

/// All errors (and warnings, if asked) of a document, unsorted; past
/// [`super::diagnostic::SHOWN_PER_KIND`] of one kind, the rest are counted
/// in one diagnostic.
pub fn validate(doc: &Document, spans: &Spans, file: &str, warnings: Warnings) -> Vec<Diagnostic> {
    validate_resolving(doc, spans, file, warnings).0
}

/// An edge end that names no node, in [`validate_resolving`]'s ends.
pub const NO_NODE: u32 = u32::MAX;

/// [`validate`], with each edge's ends as the positions in `doc.nodes` of
/// the first node with each id ([`NO_NODE`] where there is none), found on
/// the way so the graph is built without looking them up again.
pub fn validate_resolving(
    doc: &Document,
    spans: &Spans,
    file: &str,
    warnings: Warnings,
) -> (Vec<Diagnostic>, Vec<[u32; 2]>) {
    let mut out = Collector::new();
    super::limits::check_sizes(doc, spans, file, &mut out);
    check_name(doc, spans, file, &mut out);
    check_declarations(doc, spans, file, &mut out);
    let kinds = check_nodes(doc, spans, file, &mut out);
    let ends = check_edges(doc, spans, file, &kinds, &mut out);
    if warnings == Warnings::Collect {
        warn_orphans(doc, spans, file, &kinds, &mut out);
        warn_shared_names(doc, spans, file, &mut out);
    }
    (out.finish(), ends)
}

fn check_declarations(doc: &Document, spans: &Spans, file: &str, out: &mut Collector) {
    for (id, kind) in &doc.kinds {
        if !is_valid_id(id) {
            out.add("bad id", || {
                Diagnostic::error(file, spans.kind(id, ""), format!("bad kind id \"{id}\""))
                    .with_id(id)
                    .with_help(ID_RULES)
            });
        }
        if kind.label.trim().is_empty() {
            out.add("empty label", || {
                Diagnostic::error(
                    file,
                    spans.kind(id, "label"),
                    format!("kind \"{id}\" has an empty label"),
                )
                .with_id(id)
            });
        }
    }
    for (id, rel) in &doc.relations {
        if !is_valid_id(id) {
            out.add("bad id", || {
                Diagnostic::error(
                    file,
                    spans.relation(id, ""),
                    format!("bad relation id \"{id}\""),
                )
                .with_id(id)
                .with_help(ID_RULES)
            });
        }
        if rel.label.trim().is_empty() {
            out.add("empty label", || {
                Diagnostic::error(
                    file,
                    spans.relation(id, "label"),
                    format!("relation \"{id}\" has an empty label"),
                )
                .with_id(id)
            });
        }
        check_questions(id, rel, spans, file, out);
        for (field, kinds) in [("from", &rel.from), ("to", &rel.to)] {
            for k in kinds.iter().filter(|k| !doc.kinds.contains_key(*k)) {
                out.add("undeclared kind", || {
                    Diagnostic::error(
                        file,
                        spans.relation(id, field),
                        format!("relation \"{id}\" names undeclared kind \"{k}\" in `{field}`"),
                    )
                    .with_id(id)
                    .with_help(suggest_or_declared(
                        k,
                        "kinds",
                        doc.kinds.keys(),
                    ))
                });
            }
        }
    }
}

/// The placeholders a relation's study question may use.
pub const QUESTION_PLACEHOLDERS: [&str; 2] = ["{subject}", "{kinds}"];

fn check_questions(
    id: &str,
    rel: &super::Relation,
    spans: &Spans,
    file: &str,
    out: &mut Collector,
) {
    for (field, text) in [
        ("question", &rel.question),
        ("inverse_question", &rel.inverse_question),
    ] {
        let problem = if text.is_empty() {
            None
        } else if field == "inverse_question" && rel.symmetric {
            Some("a symmetric relation reads the same both ways; give only `question`".to_string())
        } else {
            question_problem(text)
        };
        if let Some(problem) = problem {
            out.add("bad question", || {
                Diagnostic::error(
                    file,
                    spans.relation(id, field),
                    format!("relation \"{id}\" has a bad `{field}`: {problem}"),
                )
                .with_id(id)
                .with_help(
                    "write the question with {subject} (the node asked about) and, if \
                     useful, {kinds} (the answers' kind, plural), e.g. \
                     \"Which {kinds} does {subject} accept?\"",
                )
            });
        }
    }
}

/// What is wrong with a study question's wording, if anything.
fn question_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("it is blank".into());
    }
    if !text.contains("{subject}") {
        return Some("it never names {subject}".into());
    }
    let stray = QUESTION_PLACEHOLDERS
        .iter()
        .fold(text.to_string(), |t, p| t.replace(p, ""));
    if let Some(at) = stray.find(['{', '}']) {
        let word: String = stray[at..].chars().take(20).collect();
        return Some(format!(
            "unknown placeholder at \"{word}\" (known: {})",
            QUESTION_PLACEHOLDERS.join(", ")
        ));
    }
    None
}

/// Each node id, with where it is first defined and its kind (the declared
/// kind's id when the kind is declared).
type NodeKinds<'a> = FxHashMap<IdKey<'a>, (usize, &'a str)>;

/// A node id as a map key that keeps a short id's bytes in the map itself:
/// a lookup compares them there instead of reading the node's string
/// elsewhere in memory, which on a large graph is a cache miss per edge end.
#[derive(Debug, Clone, Copy)]
struct IdKey<'a> {
    head: [u8; 16],
    id: &'a str,
}

impl<'a> IdKey<'a> {
    fn new(id: &'a str) -> IdKey<'a> {
        let mut head = [0; 16];
        let n = id.len().min(16);
        head[..n].copy_from_slice(&id.as_bytes()[..n]);
        IdKey { head, id }
    }
}

impl PartialEq for IdKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id.len() == other.id.len()
            && self.head == other.head
            && (self.id.len() <= 16 || self.id == other.id)
    }
}

impl Eq for IdKey<'_> {}

impl AsRef<str> for IdKey<'_> {
    fn as_ref(&self) -> &str {
        self.id
    }
}

impl std::hash::Hash for IdKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

/// Checks nodes and returns each id with its first position and kind, for
/// the edges.
fn check_nodes<'a>(
    doc: &'a Document,
    spans: &Spans,
    file: &str,
    out: &mut Collector,
) -> NodeKinds<'a> {
    let mut kinds: NodeKinds = FxHashMap::default();
    kinds.reserve(doc.nodes.len());
    for (i, node) in doc.nodes.iter().enumerate() {
        let id = node.id.as_str();
        if !is_valid_id(id) {
            out.add("bad id", || {
                Diagnostic::error(file, spans.node(i, "id"), format!("bad node id \"{id}\""))
                    .with_id(id)
                    .with_help(ID_RULES)
            });
        }
        // The declared kind's own id, read often from here on, rather than
        // the node's copy of it elsewhere in memory.
        let declared = doc
            .kinds
            .get_key_value(node.kind.as_str())
            .map(|(k, _)| k.as_str());
        // One probe finds the id or makes its place.
        let first = match kinds.entry(IdKey::new(id)) {
            Entry::Occupied(seen) => Some(seen.get().0),
            Entry::Vacant(slot) => {
                slot.insert((i, declared.unwrap_or(node.kind.as_str())));
                None
            }
        };
        if let Some(j) = first {
            out.add("duplicate node id", || {
                let (line, col) = spans.node(j, "id");
                Diagnostic::error(
                    file,
                    spans.node(i, "id"),
                    format!("duplicate node id \"{id}\""),
                )
                .with_id(id)
                .with_help(format!(
                    "first defined at line {line}, column {col}; give each node its own id"
                ))
            });
        }
        if declared.is_none() {
            out.add("undeclared kind", || {
                Diagnostic::error(
                    file,
                    spans.node(i, "kind"),
                    format!("node \"{id}\" has undeclared kind \"{}\"", node.kind),
                )
                .with_id(id)
                .with_help(suggest_or_declared(
                    &node.kind,
                    "kinds",
                    doc.kinds.keys(),
                ))
            });
        }
        if node.label.trim().is_empty() {
            out.add("empty label", || {
                Diagnostic::error(
                    file,
                    spans.node(i, "label"),
                    format!("node \"{id}\" has an empty label"),
                )
                .with_id(id)
                .with_help("give the node the name people write")
            });
        }
    }
    kinds
}

/// What tells two edges apart: their ends (an unordered pair for a
/// symmetric relation) and their relation, by position where both ends are
/// nodes (no string is read again), by id where one is missing.
#[derive(PartialEq, Eq, Hash)]
enum EdgeKey<'a> {
    Nodes(usize, usize, usize),
    Ids(&'a str, &'a str, &'a str),
}

/// Checks edges and returns their ends as node positions.
fn check_edges(
    doc: &Document,
    spans: &Spans,
    file: &str,
    kinds: &NodeKinds,
    out: &mut Collector,
) -> Vec<[u32; 2]> {
    let mut seen: FxHashMap<EdgeKey, usize> = FxHashMap::default();
    seen.reserve(doc.edges.len());
    let mut resolved = Vec::with_capacity(doc.edges.len());
    for (i, edge) in doc.edges.iter().enumerate() {
        let label = || format!("{} -{}-> {}", edge.from, edge.rel, edge.to);
        // Each end is looked up once: on a large graph each lookup is a
        // cache miss or two.
        let ends = [&edge.from, &edge.to].map(|end| kinds.get(&IdKey::new(end)).copied());
        resolved.push(ends.map(|end| end.map_or(NO_NODE, |(at, _)| at as u32)));
        let end_kinds = ends.map(|end| end.map(|(_, k)| k));
        for ((field, end), kind) in [("from", &edge.from), ("to", &edge.to)]
            .into_iter()
            .zip(end_kinds)
        {
            if kind.is_none() {
                out.add("edge to a missing node", || {
                    Diagnostic::error(
                        file,
                        spans.edge(i, field),
                        format!("edge {}: no node \"{end}\"", label()),
                    )
                    .with_id(end)
                    .with_help(suggest_or_declared(
                        end,
                        "node ids",
                        kinds.keys(),
                    ))
                });
            }
        }
        let Some((rel_at, _, rel)) = doc.relations.get_full(edge.rel.as_str()) else {
            out.add("undeclared relation", || {
                Diagnostic::error(
                    file,
                    spans.edge(i, "rel"),
                    format!("edge {}: undeclared relation \"{}\"", label(), edge.rel),
                )
                .with_id(&edge.rel)
                .with_help(suggest_or_declared(
                    &edge.rel,
                    "relations",
                    doc.relations.keys(),
                ))
            });
            continue;
        };
        for ((field, end, allowed), kind) in
            [("from", &edge.from, &rel.from), ("to", &edge.to, &rel.to)]
                .into_iter()
                .zip(end_kinds)
        {
            let Some(kind) = kind else {
                continue;
            };
            if !allowed.is_empty() && !allowed.iter().any(|k| k == kind) {
                out.add("edge between kinds its relation does not allow", || Diagnostic::error(file, spans.edge(i, field), format!("edge {}: \"{}\" cannot go {field} a node of kind \"{kind}\" (\"{end}\")", label(), edge.rel))
                        .with_id(end)
                        .with_help(format!("\"{}\" goes {field} {}", edge.rel, allowed.join(" or "))),);
            }
        }
        let key = match ends {
            [Some((a, _)), Some((b, _))] => {
                let (a, b) = if rel.symmetric && b < a {
                    (b, a)
                } else {
                    (a, b)
                };
                EdgeKey::Nodes(a, rel_at, b)
            }
            _ if rel.symmetric && edge.to < edge.from => {
                EdgeKey::Ids(edge.to.as_str(), edge.rel.as_str(), edge.from.as_str())
            }
            _ => EdgeKey::Ids(edge.from.as_str(), edge.rel.as_str(), edge.to.as_str()),
        };
        let first = match seen.entry(key) {
            Entry::Occupied(first) => Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(i);
                None
            }
        };
        if let Some(j) = first {
            out.add("duplicate edge", || {
                let (line, col) = spans.edge(j, "");
                Diagnostic::error(
                    file,
                    spans.edge(i, ""),
                    format!("duplicate edge {}", label()),
                )
                .with_id(&edge.from)
                .with_help(format!(
                    "the same edge is at line {line}, column {col}; keep one (merge their notes)"
                ))
            });
        }
    }
    resolved
}

fn warn_orphans(doc: &Document, spans: &Spans, file: &str, kinds: &NodeKinds, out: &mut Collector) {
    let linked: FxHashSet<&str> = doc
        .edges
        .iter()
        .filter(|e| {
            kinds.contains_key(&IdKey::new(&e.from)) && kinds.contains_key(&IdKey::new(&e.to))
        })
        .flat_map(|e| [e.from.as_str(), e.to.as_str()])
        .collect();
    for (i, node) in doc.nodes.iter().enumerate() {
        if !linked.contains(node.id.as_str()) {
            out.add("node without edges", || {
                Diagnostic::warning(
                    file,
                    spans.node(i, "id"),
                    format!("node \"{}\" has no edges", node.id),
                )
                .with_id(&node.id)
                .with_help("link it to the node it is about, or remove it")
            });
        }
    }
}

fn warn_shared_names(doc: &Document, spans: &Spans, file: &str, out: &mut Collector) {
    let mut owner: FxHashMap<String, usize> = FxHashMap::default();
    owner.reserve(doc.nodes.len() * 2);
    let mut own: Vec<String> = Vec::new();
    for (i, node) in doc.nodes.iter().enumerate() {
        own.clear();
        own.extend(
            std::iter::once(&node.label)
                .chain(&node.aliases)
                .map(|n| n.trim().to_lowercase())
                .filter(|n| !n.is_empty()),
        );
        own.sort();
        own.dedup();
        for name in own.drain(..) {
            match owner.get(&name) {
                Some(&j) if doc.nodes[j].id != node.id => {
                    let other = &doc.nodes[j];
                    out.add("name shared by nodes", || Diagnostic::warning(file, spans.node(i, "label"), format!("\"{name}\" names both \"{}\" ({}) and \"{}\" ({})", other.id, other.kind, node.id, node.kind))
                            .with_id(&node.id)
                            .with_help("search shows the kind to tell them apart; rename one if they are not meant to share a name"),);
                }
                Some(_) => {}
                None => {
                    owner.insert(name, i);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdKey;

    #[test]
    fn id_keys_are_equal_exactly_when_their_ids_are() {
        let ids = [
            "",
            "a",
            "xgboost",
            "gradient_boosted",
            "gradient_boosted_trees",
            "gradient_boosted_trees.a",
            "gradient_boosted_trees.b",
            "gradient_boosted_trees.ab",
        ];
        for a in ids {
            for b in ids {
                assert_eq!(IdKey::new(a) == IdKey::new(b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
