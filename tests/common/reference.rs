//! A plain reference evaluation of queries over a graph's JSON export, to
//! check `mlkg::graph::ask` against: terms as data, loops over the lists of
//! nodes and edges, nothing shared with the library but the export.

use serde_json::Value;

/// What one term asks, as data.
#[derive(Debug, Clone)]
pub enum Ask {
    /// `kind:a|b`.
    Kind(Vec<String>),
    /// `key=value`, `key=*` when `None`.
    Prop(String, Option<String>),
    /// `[<]rel:target[props]`.
    Rel {
        /// `<`.
        incoming: bool,
        /// Relation id.
        rel: String,
        /// `*` when empty; else node ids, each with whether it is exact (`!`).
        nodes: Vec<(String, bool)>,
        /// `=`.
        only: bool,
        /// Edge props.
        props: Vec<(String, Option<String>)>,
    },
}

/// One term, maybe negated.
#[derive(Debug, Clone)]
pub struct Term {
    /// `-`.
    pub negated: bool,
    /// What it asks.
    pub ask: Ask,
}

fn value(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "*".to_string())
}

/// The query text of terms.
pub fn render(terms: &[Term]) -> String {
    let words: Vec<String> = terms
        .iter()
        .map(|t| {
            let body = match &t.ask {
                Ask::Kind(k) => format!("kind:{}", k.join("|")),
                Ask::Prop(k, v) => format!("{k}={}", value(v)),
                Ask::Rel {
                    incoming,
                    rel,
                    nodes,
                    only,
                    props,
                } => {
                    let target = if nodes.is_empty() {
                        "*".to_string()
                    } else {
                        let names: Vec<String> = nodes
                            .iter()
                            .map(|(n, exact)| format!("{n}{}", if *exact { "!" } else { "" }))
                            .collect();
                        format!("{}{}", if *only { "=" } else { "" }, names.join("|"))
                    };
                    let props = if props.is_empty() {
                        String::new()
                    } else {
                        let p: Vec<String> = props
                            .iter()
                            .map(|(k, v)| format!("{k}={}", value(v)))
                            .collect();
                        format!("[{}]", p.join(","))
                    };
                    format!("{}{rel}:{target}{props}", if *incoming { "<" } else { "" })
                }
            };
            format!("{}{body}", if t.negated { "-" } else { "" })
        })
        .collect();
    words.join(" ")
}

fn props_match(holder: &Value, key: &str, want: &Option<String>) -> bool {
    match (holder["props"].get(key).and_then(Value::as_str), want) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(have), Some(w)) => have.to_lowercase() == w.to_lowercase(),
    }
}

/// Node ids that reach `top` by `is_a` edges, `top` included.
fn below(edges: &[Value], top: &str) -> Vec<String> {
    let mut set = vec![top.to_string()];
    loop {
        let before = set.len();
        for e in edges {
            let (from, to) = (e["from"].as_str().unwrap(), e["to"].as_str().unwrap());
            if e["rel"] == "is_a" && set.iter().any(|s| s == to) && !set.iter().any(|s| s == from) {
                set.push(from.to_string());
            }
        }
        if set.len() == before {
            return set;
        }
    }
}

fn holds(doc: &Value, node: &Value, ask: &Ask) -> bool {
    let id = node["id"].as_str().unwrap();
    match ask {
        Ask::Kind(kinds) => kinds.iter().any(|k| node["kind"] == k.as_str()),
        Ask::Prop(k, v) => props_match(node, k, v),
        Ask::Rel {
            incoming,
            rel,
            nodes,
            only,
            props,
        } => {
            let edges = doc["edges"].as_array().unwrap();
            let symmetric = doc["relations"][rel.as_str()]["symmetric"] == true;
            let mut targets = Vec::new();
            for (n, exact) in nodes {
                if *exact {
                    targets.push(n.clone());
                } else {
                    targets.extend(below(edges, n));
                }
            }
            let mut others = Vec::new();
            for e in edges {
                if e["rel"] != rel.as_str() || !props.iter().all(|(k, v)| props_match(e, k, v)) {
                    continue;
                }
                let (from, to) = (e["from"].as_str().unwrap(), e["to"].as_str().unwrap());
                if symmetric {
                    if from == id {
                        others.push(to);
                    } else if to == id {
                        others.push(from);
                    }
                } else if !incoming && from == id {
                    others.push(to);
                } else if *incoming && to == id {
                    others.push(from);
                }
            }
            let hit = |o: &&str| nodes.is_empty() || targets.iter().any(|t| t == o);
            if *only {
                !others.is_empty() && others.iter().all(hit)
            } else {
                others.iter().any(hit)
            }
        }
    }
}

/// The ids a query lists over a JSON export, sorted by kind (declared
/// order), label ignoring case, label, id.
pub fn evaluate(doc: &Value, terms: &[Term]) -> Vec<String> {
    let kinds: Vec<&String> = doc["kinds"].as_object().unwrap().keys().collect();
    let mut found: Vec<&Value> = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| terms.iter().all(|t| holds(doc, n, &t.ask) != t.negated))
        .collect();
    found.sort_by_key(|n| {
        let kind = kinds
            .iter()
            .position(|k| n["kind"] == k.as_str())
            .unwrap_or(usize::MAX);
        let label = n["label"].as_str().unwrap();
        (
            kind,
            label.to_lowercase(),
            label.to_string(),
            n["id"].as_str().unwrap().to_string(),
        )
    });
    found
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}
