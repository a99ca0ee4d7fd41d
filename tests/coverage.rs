//! The embedded graph against the facts of the seed notes.
//!
//! `tests/data/seed-facts.tsv` encodes the statements of the notes as checks
//! (written from the notes, each naming its fact or section);
//! `tests/data/sample-facts.tsv` is the public sample of such checks. The
//! checks mean what `factcheck.py` makes them mean: names match a node's id,
//! label, aliases or the last part of a dotted id, ignoring case and all but
//! letters and digits; `|` separates alternatives; `*` is any relation.

use std::collections::{BTreeSet, HashMap, HashSet};

use mlkg::graph::load::load_embedded;
use mlkg::graph::{Document, Edge, Node};

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        .collect()
}

fn text_norm(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut gap = false;
    for c in lower.chars() {
        if c.is_whitespace() || c == '-' {
            gap = true;
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    if gap {
        out.push(' ');
    }
    out
}

fn alts(field: &str) -> Vec<&str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect()
}

struct Facts<'a> {
    nodes: HashMap<&'a str, &'a Node>,
    order: Vec<&'a str>,
    names: HashMap<&'a str, HashSet<String>>,
    out_edges: HashMap<&'a str, Vec<&'a Edge>>,
    in_edges: HashMap<&'a str, Vec<&'a Edge>>,
    symmetric: HashSet<&'a str>,
}

impl<'a> Facts<'a> {
    fn new(doc: &'a Document) -> Facts<'a> {
        let mut names = HashMap::new();
        for n in &doc.nodes {
            let mut set: HashSet<String> = [
                norm(&n.id),
                norm(&n.label),
                norm(n.id.rsplit('.').next().unwrap_or("")),
            ]
            .into();
            set.extend(n.aliases.iter().map(|a| norm(a)));
            set.remove("");
            names.insert(n.id.as_str(), set);
        }
        let mut out_edges: HashMap<&str, Vec<&Edge>> = HashMap::new();
        let mut in_edges: HashMap<&str, Vec<&Edge>> = HashMap::new();
        for e in &doc.edges {
            out_edges.entry(e.from.as_str()).or_default().push(e);
            in_edges.entry(e.to.as_str()).or_default().push(e);
        }
        let mut symmetric: HashSet<&str> = doc
            .relations
            .iter()
            .filter(|(_, r)| r.symmetric)
            .map(|(k, _)| k.as_str())
            .collect();
        symmetric.extend(["contrasts", "related"]);
        Facts {
            nodes: doc.nodes.iter().map(|n| (n.id.as_str(), n)).collect(),
            order: doc.nodes.iter().map(|n| n.id.as_str()).collect(),
            names,
            out_edges,
            in_edges,
            symmetric,
        }
    }

    fn matches(&self, id: &str, field: &str) -> bool {
        alts(field)
            .iter()
            .any(|a| self.names[id].contains(&norm(a)))
    }

    fn resolve(&self, field: &str, kind: &str) -> Vec<&'a str> {
        self.order
            .iter()
            .copied()
            .filter(|id| {
                self.matches(id, field)
                    && (kind.is_empty() || kind == "*" || self.nodes[id].kind == kind)
            })
            .collect()
    }

    fn outs(&self, id: &str) -> &[&'a Edge] {
        self.out_edges.get(id).map_or(&[], Vec::as_slice)
    }

    fn ins(&self, id: &str) -> &[&'a Edge] {
        self.in_edges.get(id).map_or(&[], Vec::as_slice)
    }

    fn linked(&self, s: &str, rels: &str, obj: &str, either: bool) -> bool {
        let rel_ok = |rel: &str| rels == "*" || alts(rels).contains(&rel);
        self.outs(s)
            .iter()
            .any(|e| rel_ok(&e.rel) && self.matches(&e.to, obj))
            || self.ins(s).iter().any(|e| {
                (either || self.symmetric.contains(e.rel.as_str()))
                    && rel_ok(&e.rel)
                    && self.matches(&e.from, obj)
            })
    }

    fn node_text(&self, id: &str) -> Vec<String> {
        let n = self.nodes[id];
        let mut parts = vec![n.label.clone(), n.summary.clone(), n.notes.clone()];
        parts.extend(n.aliases.iter().cloned());
        for (k, v) in &n.props {
            parts.push(k.clone());
            parts.push(v.clone());
        }
        parts
    }

    fn mentions(&self, s: &str, obj: &str) -> bool {
        let mut parts = self.node_text(s);
        for e in self.outs(s).iter().chain(self.ins(s)) {
            let other = if e.from == s { &e.to } else { &e.from };
            parts.extend(self.node_text(other));
            parts.push(e.note.clone());
            for (k, v) in &e.props {
                parts.push(k.clone());
                parts.push(v.clone());
            }
        }
        let blob = text_norm(&parts.join(" \n "));
        alts(obj).iter().any(|a| blob.contains(&text_norm(a)))
    }

    /// Whether a check holds, or why not.
    fn holds(
        &self,
        check: &str,
        subj: &str,
        kind: &str,
        rel: &str,
        obj: &str,
    ) -> Result<(), String> {
        let subjects = self.resolve(subj, kind);
        if subjects.is_empty() {
            return Err(format!("no node named {subj}"));
        }
        let rel_ok = |r: &str| rel == "*" || alts(rel).contains(&r);
        let ok = match check {
            "node" => true,
            "edge" => subjects.iter().any(|s| self.linked(s, rel, obj, false)),
            "edge~" => subjects.iter().any(|s| self.linked(s, rel, obj, true)),
            "no-edge" => !subjects.iter().any(|s| self.linked(s, rel, obj, false)),
            "required" => subjects.iter().any(|s| {
                self.outs(s).iter().any(|e| {
                    alts(rel).contains(&e.rel.as_str())
                        && self.matches(&e.to, obj)
                        && matches!(
                            e.props.get("required").map(|v| v.to_lowercase()).as_deref(),
                            Some("true" | "yes")
                        )
                })
            }),
            "only" => subjects.iter().any(|s| {
                let targets: Vec<&str> = self
                    .outs(s)
                    .iter()
                    .filter(|e| rel_ok(&e.rel))
                    .map(|e| e.to.as_str())
                    .collect();
                !targets.is_empty() && targets.iter().all(|t| self.matches(t, obj))
            }),
            "only-in" => {
                let members: Vec<&str> = obj.split(';').filter(|m| !m.trim().is_empty()).collect();
                subjects.iter().any(|s| {
                    let srcs: Vec<&str> = self
                        .ins(s)
                        .iter()
                        .filter(|e| {
                            rel_ok(&e.rel) && self.nodes[e.from.as_str()].kind == "algorithm"
                        })
                        .map(|e| e.from.as_str())
                        .collect();
                    members
                        .iter()
                        .all(|m| srcs.iter().any(|x| self.matches(x, m)))
                        && srcs
                            .iter()
                            .all(|x| members.iter().any(|m| self.matches(x, m)))
                })
            }
            "alias" => subjects.iter().any(|s| self.names[s].contains(&norm(obj))),
            "mentions" => subjects.iter().any(|s| self.mentions(s, obj)),
            other => return Err(format!("unknown check {other}")),
        };
        if ok {
            Ok(())
        } else {
            Err(format!("{check} does not hold"))
        }
    }
}

struct Row {
    line: usize,
    cols: Vec<String>,
}

fn rows(tsv: &str) -> Vec<Row> {
    tsv.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let mut cols: Vec<String> = l.split('\t').map(str::to_string).collect();
            cols.resize(6, String::new());
            Row { line: i + 1, cols }
        })
        .collect()
}

/// Runs every check of a file on the embedded graph; returns the failures.
fn failures(tsv: &str, file: &str) -> Vec<String> {
    let doc = load_embedded()
        .expect("the embedded graph loads")
        .graph
        .to_document();
    let facts = Facts::new(&doc);
    rows(tsv)
        .iter()
        .filter_map(|r| {
            let c = &r.cols;
            facts
                .holds(&c[0], &c[1], &c[2], &c[3], &c[4])
                .err()
                .map(|why| {
                    format!(
                        "{file}:{} {} [{}] {} [{}] ({}): {why}",
                        r.line, c[0], c[1], c[3], c[4], c[5]
                    )
                })
        })
        .collect()
}

const SEED_FACTS: &str = include_str!("data/seed-facts.tsv");
const SAMPLE_FACTS: &str = include_str!("data/sample-facts.tsv");

#[test]
fn every_seed_fact_holds_in_the_embedded_graph() {
    let failed = failures(SEED_FACTS, "seed-facts.tsv");
    assert!(
        failed.is_empty(),
        "{} of {} checks fail:\n{}",
        failed.len(),
        rows(SEED_FACTS).len(),
        failed.join("\n")
    );
}

#[test]
fn every_sample_fact_holds_in_the_embedded_graph() {
    let failed = failures(SAMPLE_FACTS, "sample-facts.tsv");
    assert!(
        failed.is_empty(),
        "{} checks fail:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

#[test]
fn the_checks_cover_every_fact_and_every_algorithm_section() {
    let all = rows(SEED_FACTS);
    assert!(all.len() >= 200, "only {} checks", all.len());
    assert!(
        all.iter().all(|r| !r.cols[5].trim().is_empty()),
        "every check names its source"
    );
    let sources: BTreeSet<&str> = all.iter().map(|r| r.cols[5].trim()).collect();
    let missing: Vec<String> = (1..=47)
        .map(|n| format!("fact {n}"))
        .filter(|f| !sources.contains(f.as_str()))
        .collect();
    assert!(missing.is_empty(), "facts without a check: {missing:?}");
    let sections = [
        "BlazingText",
        "Object2Vec",
        "Factorization Machines",
        "KNN",
        "Linear Learner",
        "XGBoost",
        "DeepAR",
        "Object Detection",
        "Image Classification",
        "Semantic Segmentation",
        "Seq2Seq",
        "K-Means",
        "LDA",
        "NTM",
        "PCA",
        "RCF",
        "IP Insights",
        "File/Pipe mode",
        "Training data format",
    ];
    let missing: Vec<&str> = sections
        .iter()
        .copied()
        .filter(|s| !sources.contains(format!("section {s}").as_str()))
        .collect();
    assert!(missing.is_empty(), "sections without a check: {missing:?}");
    assert!(sources.contains("table ContentTypes"));
}

#[test]
fn a_check_that_is_false_is_reported() {
    // The interpreter itself must be able to fail: these contradict the notes.
    let wrong = "edge\tRekognition\tservice\tsupports\tIncremental training\tfact 4\n\
                 no-edge\tReLU\ttechnique\tmitigates\tVanishing gradient\tfact 20\n\
                 only\tIP Insights\talgorithm\taccepts\tRecordIO-protobuf\tfact 30\n\
                 node\tNo such node at all\t\t\t\tnone\n";
    assert_eq!(failures(wrong, "wrong.tsv").len(), 4);
}
