//! Benchmarks of the query language: the learners' questions on the
//! embedded graph, and `kind:algorithm accepts:FORMAT`-shaped queries on
//! synthetic graphs (examples/synth.rs) of 1k, 10k and 100k nodes, 1M with
//! MLKG_BENCH_1M=1. Times are the process's CPU time (see common/cpu_time.rs).
//! docs/PERFORMANCE.md has the results.
//!
//!     cargo bench --bench ask

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use mlkg::graph::ask;
use mlkg::graph::load::{load_embedded, load_str};
use mlkg::graph::{Graph, Source};

#[path = "common/cpu_time.rs"]
mod cpu_time;
use cpu_time::CpuTime;

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

const QUESTIONS: [&str; 8] = [
    "kind:algorithm accepts:csv trains_on:gpu",
    "kind:algorithm accepts:=csv",
    "kind:algorithm trains_on:gpu -trains_on:cpu",
    "<hyperparameter:kmeans[required=true]",
    "kind:algorithm learning:unsupervised input_mode:pipe",
    "<accepts:xgboost",
    "kind:algorithm supports:incremental-training",
    "mitigates:vanishing-gradient",
];

fn embedded(c: &mut Criterion<CpuTime>) {
    let graph = load_embedded().expect("embedded graph").graph;
    let mut g = c.benchmark_group("query embedded");
    g.bench_function("the eight questions", |b| {
        b.iter(|| {
            for q in QUESTIONS {
                black_box(ask::run(&graph, black_box(q)).expect("answers"));
            }
        })
    });
    g.finish();
}

/// The format most algorithms accept: the synthetic graph's CSV.
fn busiest_format(graph: &Graph) -> String {
    let counts = ask::run(graph, "kind:format").expect("formats");
    counts
        .into_iter()
        .max_by_key(|&ix| {
            let id = &graph.node(ix).id;
            ask::run(graph, &format!("<accepts:{id}")).map_or(0, |v| v.len())
        })
        .map(|ix| graph.node(ix).id.to_string())
        .expect("a format")
}

fn synthetic(c: &mut Criterion<CpuTime>) {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var_os("MLKG_BENCH_1M").is_some() {
        sizes.push(1_000_000);
    }
    for n in sizes {
        let mut text = Vec::new();
        synth::write_graph(n, 1, &mut text).expect("generate");
        let text = String::from_utf8(text).expect("UTF-8");
        let graph = load_str(&text, Source::File(PathBuf::from("synth.ron")))
            .expect("synthetic graph is valid")
            .graph;
        drop(text);
        let csv = busiest_format(&graph);
        let mut g = c.benchmark_group("query");
        g.sample_size(if n >= 100_000 { 10 } else { 30 });
        for (name, q) in [
            (
                "kind:algorithm accepts:F",
                format!("kind:algorithm accepts:{csv}"),
            ),
            (
                "kind:algorithm accepts:=F",
                format!("kind:algorithm accepts:={csv}"),
            ),
            (
                "kind:algorithm -trains_on:*",
                "kind:algorithm -trains_on:*".to_string(),
            ),
        ] {
            g.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| ask::run(&graph, black_box(&q)).expect("answers"))
            });
        }
        g.finish();
        std::mem::forget(graph);
    }
}

criterion_group! {
    name = ask_benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = embedded, synthetic
}
criterion_main!(ask_benches);
