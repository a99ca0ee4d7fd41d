//! Validation of a parsed document against its own kinds and relations.
//! Every problem is collected, each with its position and the offending id.
//! Positions are asked of [`Spans`] only where there is a problem, so a valid
//! graph is checked without scanning its text.

use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap, FxHashSet};

use super::diagnostic::{Collector, Diagnostic};
use super::span::Spans;
use super::{Document, Id, NodeIndex, is_valid_id};

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

/// [`validate`], with the node ids and edge ends it resolved on the way,
/// so the graph is built without looking them up again.
pub fn validate_resolving(
    doc: &Document,
    spans: &Spans,
    file: &str,
    warnings: Warnings,
) -> (Vec<Diagnostic>, Resolved) {
    let mut out = Collector::new();
    super::limits::check_sizes(doc, spans, file, &mut out);
    check_name(doc, spans, file, &mut out);
    check_declarations(doc, spans, file, &mut out);
    let (index, kinds) = check_nodes(doc, spans, file, &mut out);
    let ends = resolve_ends(doc, &index);
    check_edges(doc, spans, file, (&index, &kinds), &ends, &mut out);
    if warnings == Warnings::Collect {
        warn_orphans(doc, spans, file, &index, &mut out);
        warn_shared_names(doc, spans, file, &mut out);
    }
    (out.finish(), Resolved { index, ends })
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

/// What validation found out on the way that building the graph needs:
/// each node id's first position, and each edge's ends as positions.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Each node id, with the position in `doc.nodes` of the first node
    /// that has it (a valid document's node indices).
    pub index: FxHashMap<Id, NodeIndex>,
    /// Each edge's ends as positions in `doc.nodes`, [`NO_NODE`] where an
    /// end names no node.
    pub ends: Vec<[u32; 2]>,
}

/// No declared kind, in a node's kind index.
const NO_KIND: u32 = u32::MAX;

/// No declared relation, in an edge's relation index.
const NO_REL: u32 = u32::MAX;

/// Checks nodes and returns each id with its first position, and each
/// node's declared kind by position.
fn check_nodes(
    doc: &Document,
    spans: &Spans,
    file: &str,
    out: &mut Collector,
) -> (FxHashMap<Id, NodeIndex>, Vec<u32>) {
    let mut index: FxHashMap<Id, NodeIndex> = FxHashMap::default();
    index.reserve(doc.nodes.len());
    let mut kinds = Vec::with_capacity(doc.nodes.len());
    for (i, node) in doc.nodes.iter().enumerate() {
        let id = node.id.as_str();
        if !is_valid_id(id) {
            out.add("bad id", || {
                Diagnostic::error(file, spans.node(i, "id"), format!("bad node id \"{id}\""))
                    .with_id(id)
                    .with_help(ID_RULES)
            });
        }
        let declared = doc.kinds.get_index_of(node.kind.as_str());
        kinds.push(declared.map_or(NO_KIND, |k| k as u32));
        // One probe finds the id or makes its place.
        let first = match index.entry(node.id.clone()) {
            Entry::Occupied(seen) => Some(seen.get().index()),
            Entry::Vacant(slot) => {
                slot.insert(NodeIndex::new(i));
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
    (index, kinds)
}

/// Each edge's ends as node positions, looked up on every core: on a
/// large graph each lookup is a cache miss or two.
fn resolve_ends(doc: &Document, index: &FxHashMap<Id, NodeIndex>) -> Vec<[u32; 2]> {
    use rayon::prelude::*;
    let at = |id: &Id| index.get(id.as_str()).map_or(NO_NODE, |n| n.index() as u32);
    let ends = |e: &super::Edge| [at(&e.from), at(&e.to)];
    if doc.edges.len() < PARALLEL_EDGES {
        return doc.edges.iter().map(ends).collect();
    }
    doc.edges
        .par_iter()
        .with_min_len(PARALLEL_EDGES)
        .map(ends)
        .collect()
}

/// Fewer edges than this are checked on one core (sharing them out costs
/// more than it saves).
const PARALLEL_EDGES: usize = 1 << 14;

/// For each relation, by declared kind index, whether an edge may start
/// (`from`) or end (`to`) at a node of that kind; `None` where any kind may.
fn allowed_kinds(
    doc: &Document,
    field: fn(&super::Relation) -> &Vec<String>,
) -> Vec<Option<Vec<bool>>> {
    doc.relations
        .values()
        .map(|rel| {
            let allowed = field(rel);
            (!allowed.is_empty()).then(|| {
                let mut by_kind = vec![false; doc.kinds.len()];
                for k in allowed {
                    if let Some(at) = doc.kinds.get_index_of(k.as_str()) {
                        by_kind[at] = true;
                    }
                }
                by_kind
            })
        })
        .collect()
}

/// What tells two edges apart when an end names no node: their end ids (in
/// order, or the smaller first for a symmetric relation) and relation.
type IdsKey<'a> = (&'a str, &'a str, &'a str);

/// Checks edges given their ends, and each node's kind by position.
fn check_edges(
    doc: &Document,
    spans: &Spans,
    file: &str,
    (index, node_kinds): (&FxHashMap<Id, NodeIndex>, &[u32]),
    ends: &[[u32; 2]],
    out: &mut Collector,
) {
    let allowed = [
        allowed_kinds(doc, |r| &r.from),
        allowed_kinds(doc, |r| &r.to),
    ];
    // Relations by id, found by a fast hash (relation ids are few and short).
    let relations: FxHashMap<&str, usize> = doc
        .relations
        .keys()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    // Each edge's relation, for the duplicates, found first by the
    // positions of their ends and reported below in edge order.
    let rels: Vec<u32> = doc
        .edges
        .iter()
        .map(|e| relations.get(e.rel.as_str()).map_or(NO_REL, |&r| r as u32))
        .collect();
    let mut by_ends = duplicates_by_ends(doc, ends, &rels);
    by_ends.sort_unstable();
    let mut by_ends = by_ends.into_iter().peekable();
    let mut by_ids: FxHashMap<IdsKey, usize> = FxHashMap::default();
    for (i, (edge, &[a, b])) in doc.edges.iter().zip(ends).enumerate() {
        let label = || format!("{} -{}-> {}", edge.from, edge.rel, edge.to);
        for (field, end, at) in [("from", &edge.from, a), ("to", &edge.to, b)] {
            if at == NO_NODE {
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
                        index.keys(),
                    ))
                });
            }
        }
        if rels[i] == NO_REL {
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
        }
        let rel_at = rels[i] as usize;
        let rel = &doc.relations[rel_at];
        for (side, (field, end, at)) in [("from", &edge.from, a), ("to", &edge.to, b)]
            .into_iter()
            .enumerate()
        {
            let Some(allowed) = &allowed[side][rel_at] else {
                continue;
            };
            if at == NO_NODE {
                continue;
            }
            let node = &doc.nodes[at as usize];
            let fits = match node_kinds[at as usize] {
                NO_KIND => rel_kinds(rel, side).iter().any(|k| *k == node.kind),
                k => allowed[k as usize],
            };
            if !fits {
                let kind = &node.kind;
                let allowed = rel_kinds(rel, side);
                out.add("edge between kinds its relation does not allow", || Diagnostic::error(file, spans.edge(i, field), format!("edge {}: \"{}\" cannot go {field} a node of kind \"{kind}\" (\"{end}\")", label(), edge.rel))
                        .with_id(end)
                        .with_help(format!("\"{}\" goes {field} {}", edge.rel, allowed.join(" or "))),);
            }
        }
        if a == NO_NODE || b == NO_NODE {
            // Rare: found by their ids.
            let key = if rel.symmetric && edge.to < edge.from {
                (edge.to.as_str(), edge.rel.as_str(), edge.from.as_str())
            } else {
                (edge.from.as_str(), edge.rel.as_str(), edge.to.as_str())
            };
            match by_ids.entry(key) {
                Entry::Occupied(first) => duplicate_edge(doc, spans, file, *first.get(), i, out),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
            }
        } else if let Some((_, first)) = by_ends.next_if(|&(at, _)| at == i) {
            duplicate_edge(doc, spans, file, first, i, out);
        }
    }
}

/// A relation's `from` kinds (`side` 0) or `to` kinds (1).
fn rel_kinds(rel: &super::Relation, side: usize) -> &[String] {
    if side == 0 { &rel.from } else { &rel.to }
}

/// The edges whose ends are both nodes that repeat an earlier edge, each as
/// (its position, the first edge's), found by the positions of their ends
/// and their relation (the ends in either order for a symmetric relation).
/// The keys are split between the cores by their hash, each core with its
/// own map, in edge order.
fn duplicates_by_ends(doc: &Document, ends: &[[u32; 2]], rels: &[u32]) -> Vec<(usize, usize)> {
    use rayon::prelude::*;
    use std::hash::BuildHasher;
    let symmetric: Vec<bool> = doc.relations.values().map(|r| r.symmetric).collect();
    let key = |i: usize| {
        let [a, b] = ends[i];
        let rel = rels[i];
        if a == NO_NODE || b == NO_NODE || rel == NO_REL {
            return None;
        }
        let (a, b) = if symmetric[rel as usize] && b < a {
            (b, a)
        } else {
            (a, b)
        };
        Some((a, rel, b))
    };
    let shards = if ends.len() < PARALLEL_EDGES {
        1
    } else {
        rayon::current_num_threads().clamp(1, 8)
    };
    let hasher = rustc_hash::FxBuildHasher;
    let shard = |shard: usize| {
        let mut seen: FxHashMap<(u32, u32, u32), u32> = FxHashMap::default();
        seen.reserve(ends.len() / shards + 1);
        let mut found = Vec::new();
        for i in 0..ends.len() {
            let Some(k) = key(i) else {
                continue;
            };
            if shards > 1 && hasher.hash_one(k) as usize % shards != shard {
                continue;
            }
            match seen.entry(k) {
                Entry::Occupied(first) => found.push((i, *first.get() as usize)),
                Entry::Vacant(slot) => {
                    slot.insert(i as u32);
                }
            }
        }
        found
    };
    if shards == 1 {
        return shard(0);
    }
    (0..shards).into_par_iter().flat_map_iter(shard).collect()
}

/// Reports edge `i` as a repeat of edge `first`.
fn duplicate_edge(
    doc: &Document,
    spans: &Spans,
    file: &str,
    first: usize,
    i: usize,
    out: &mut Collector,
) {
    let edge = &doc.edges[i];
    out.add("duplicate edge", || {
        let (line, col) = spans.edge(first, "");
        Diagnostic::error(
            file,
            spans.edge(i, ""),
            format!("duplicate edge {} -{}-> {}", edge.from, edge.rel, edge.to),
        )
        .with_id(&edge.from)
        .with_help(format!(
            "the same edge is at line {line}, column {col}; keep one (merge their notes)"
        ))
    });
}

fn warn_orphans(
    doc: &Document,
    spans: &Spans,
    file: &str,
    index: &FxHashMap<Id, NodeIndex>,
    out: &mut Collector,
) {
    let linked: FxHashSet<&str> = doc
        .edges
        .iter()
        .filter(|e| index.contains_key(e.from.as_str()) && index.contains_key(e.to.as_str()))
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
