//! Writes a synthetic graph of N nodes for benchmarks: labels of 2 to 5 words
//! drawn from an ML vocabulary, aliases, ~100-character summaries, the
//! embedded graph's kinds and relations, and about 3 edges per node, every
//! edge within its relation's kinds. Deterministic for a given seed.
//!
//!     cargo run --release --example synth -- --nodes 100000 --seed 1 > /tmp/g100k.ron

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};

use mlkg::graph::load::load_embedded;

const WORDS: &[&str] = &[
    "vanishing",
    "gradient",
    "boosted",
    "trees",
    "linear",
    "learner",
    "random",
    "cut",
    "forest",
    "neural",
    "topic",
    "model",
    "latent",
    "dirichlet",
    "allocation",
    "principal",
    "component",
    "analysis",
    "factorization",
    "machines",
    "nearest",
    "neighbors",
    "object",
    "detection",
    "image",
    "classification",
    "semantic",
    "segmentation",
    "sequence",
    "embedding",
    "word",
    "vector",
    "regularization",
    "dropout",
    "batch",
    "normalization",
    "stochastic",
    "descent",
    "momentum",
    "adaptive",
    "learning",
    "rate",
    "schedule",
    "attention",
    "transformer",
    "encoder",
    "decoder",
    "recurrent",
    "convolutional",
    "pooling",
    "residual",
    "network",
    "activation",
    "sigmoid",
    "softmax",
    "rectified",
    "unit",
    "loss",
    "cross",
    "entropy",
    "hinge",
    "margin",
    "kernel",
    "support",
    "feature",
    "selection",
    "imputation",
    "scaling",
    "sparse",
    "dense",
    "matrix",
    "tensor",
    "anomaly",
    "forecasting",
    "time",
    "series",
    "seasonality",
    "trend",
    "clustering",
    "centroid",
    "elbow",
    "silhouette",
    "precision",
    "recall",
    "accuracy",
    "curve",
    "area",
    "under",
    "receiver",
    "operating",
    "characteristic",
    "bias",
    "variance",
    "overfitting",
    "underfitting",
    "ensemble",
    "bagging",
    "stacking",
    "hyperparameter",
    "tuning",
    "search",
    "bayesian",
    "grid",
    "validation",
    "fold",
    "stratified",
    "holdout",
    "shuffle",
    "augmentation",
    "transfer",
    "fine",
    "tuned",
    "pretrained",
    "weights",
    "quantization",
    "pruning",
    "distillation",
    "inference",
    "endpoint",
    "training",
    "instance",
    "pipe",
    "file",
    "mode",
    "stream",
    "shard",
    "replicated",
    "channel",
    "manifest",
    "record",
    "protobuf",
    "parquet",
    "lines",
    "json",
    "csv",
    "libsvm",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }
}

#[allow(dead_code)]
fn arg(name: &str, default: u64) -> u64 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A RON string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

#[allow(dead_code)]
fn main() -> io::Result<()> {
    let n = arg("--nodes", 1000) as usize;
    let mut out = BufWriter::new(io::stdout().lock());
    write_graph(n, arg("--seed", 1), &mut out)?;
    out.flush()
}

/// Writes a synthetic graph of `n` nodes in RON.
pub fn write_graph(n: usize, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let mut rng = Rng(seed);
    let doc = load_embedded().expect("embedded graph").graph.to_document();
    let kinds: Vec<&String> = doc.kinds.keys().collect();
    writeln!(
        out,
        "// A synthetic graph of {n} nodes for benchmarks (examples/synth.rs).\n(\n    kinds: {{"
    )?;
    for (id, k) in &doc.kinds {
        writeln!(
            out,
            "        {}: (label: {}, color: {}),",
            lit(id),
            lit(&k.label),
            lit(&k.color)
        )?;
    }
    writeln!(out, "    }},\n    relations: {{")?;
    for (id, r) in &doc.relations {
        let list = |v: &[String]| v.iter().map(|s| lit(s)).collect::<Vec<_>>().join(", ");
        writeln!(
            out,
            "        {}: (label: {}, inverse: {}, from: [{}], to: [{}], symmetric: {}),",
            lit(id),
            lit(&r.label),
            lit(&r.inverse),
            list(&r.from),
            list(&r.to),
            r.symmetric
        )?;
    }
    writeln!(out, "    }},\n    nodes: [")?;
    let mut by_kind: Vec<Vec<usize>> = vec![Vec::new(); kinds.len()];
    let mut node_kind = Vec::with_capacity(n);
    let mut labels = HashSet::with_capacity(n);
    for i in 0..n {
        let k = rng.below(kinds.len());
        by_kind[k].push(i);
        node_kind.push(k);
        let words = 2 + rng.below(4);
        let mut label: Vec<&str> = (0..words).map(|_| rng.word()).collect();
        let mut text = label.join(" ");
        while !labels.insert(text.clone()) {
            label.push(rng.word());
            text = label.join(" ");
        }
        let mut chars = text.chars();
        let label_text: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        let alias: String = label
            .iter()
            .filter_map(|w| w.chars().next())
            .collect::<String>()
            .to_uppercase()
            + &i.to_string();
        let summary: String = (0..14).map(|_| rng.word()).collect::<Vec<_>>().join(" ");
        writeln!(
            out,
            "        (id: \"n{i}\", kind: {}, label: {}, aliases: [{}], summary: {}),",
            lit(kinds[k]),
            lit(&label_text),
            lit(&alias),
            lit(&format!("{}.", &summary[..summary.len().min(100)]))
        )?;
    }
    writeln!(out, "    ],\n    edges: [")?;
    let rels: Vec<(&String, Vec<usize>, Vec<usize>)> = doc
        .relations
        .iter()
        .map(|(id, r)| {
            let pick = |list: &[String]| -> Vec<usize> {
                if list.is_empty() {
                    (0..kinds.len()).collect()
                } else {
                    kinds
                        .iter()
                        .enumerate()
                        .filter(|(_, k)| list.contains(k))
                        .map(|(i, _)| i)
                        .collect()
                }
            };
            (id, pick(&r.from), pick(&r.to))
        })
        .collect();
    let mut seen = HashSet::with_capacity(3 * n);
    let mut written = 0;
    let mut tries = 0;
    // First every node gets an edge (none is left without), then random ones
    // up to about 3 per node.
    let mut unlinked = 0..n;
    while written < 3 * n && tries < 30 * n {
        tries += 1;
        let (rel, from_kinds, to_kinds) = &rels[rng.below(rels.len())];
        let fk = from_kinds[rng.below(from_kinds.len())];
        let tk = to_kinds[rng.below(to_kinds.len())];
        if by_kind[fk].is_empty() || by_kind[tk].is_empty() {
            continue;
        }
        let mut a = by_kind[fk][rng.below(by_kind[fk].len())];
        let mut b = by_kind[tk][rng.below(by_kind[tk].len())];
        if let Some(next) = unlinked.clone().next() {
            if node_kind[next] == fk {
                a = next;
            } else if node_kind[next] == tk {
                b = next;
            } else {
                continue;
            }
        }
        let key = if doc.relations[*rel].symmetric {
            (a.min(b), rel.as_str(), a.max(b))
        } else {
            (a, rel.as_str(), b)
        };
        if a == b || !seen.insert(key) {
            continue;
        }
        unlinked.next();
        writeln!(
            out,
            "        (from: \"n{a}\", rel: {}, to: \"n{b}\"),",
            lit(rel)
        )?;
        written += 1;
    }
    writeln!(out, "    ],\n)")
}
