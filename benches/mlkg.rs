//! Benchmarks: the embedded graph (load, search, the first frame), and
//! synthetic graphs (examples/synth.rs) of 1k, 10k and 100k nodes, 1M with
//! MLKG_BENCH_1M=1: load, search keystrokes, neighbours, shortest path, a
//! TUI frame, DOT and JSON export. Times are the process's CPU time (see
//! common/cpu_time.rs). docs/PERFORMANCE.md has the results.
//!
//!     cargo bench --bench mlkg
//!     cargo bench --bench mlkg -- 'search/typing'     # one group

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use mlkg::export::{self, Filter, Format};
use mlkg::graph::load::{load_embedded, load_str};
use mlkg::graph::query::Walk;
use mlkg::graph::search::{SearchIndex, Typing};
use mlkg::graph::{Graph, Source};
use mlkg::tui::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/cpu_time.rs"]
mod cpu_time;
use cpu_time::CpuTime;

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

/// The query typed one character at a time.
const TYPED: &str = "vanish grad";
/// A query with a typo: few names match it, the typo tier fills the hits.
const TYPO: &str = "vanishing gradiant";
/// A query whose words are together in summaries far more often than in a
/// label: the full-text tier fills the hits.
const FULL_TEXT: &str = "momentum dropout transformer";

fn sizes() -> Vec<usize> {
    let mut sizes = vec![1_000, 10_000, 100_000];
    if std::env::var_os("MLKG_BENCH_1M").is_some() {
        sizes.push(1_000_000);
    }
    sizes
}

fn graph_text(n: usize) -> String {
    let mut out = Vec::new();
    synth::write_graph(n, 1, &mut out).expect("generate");
    String::from_utf8(out).expect("UTF-8")
}

fn load(text: &str) -> Graph {
    load_str(text, Source::File(PathBuf::from("synth.ron")))
        .expect("synthetic graph is valid")
        .graph
}

/// Draws one frame of the explorer at 200x50 into a test backend.
fn frame(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| {
            mlkg::tui::view::draw(app, f);
        })
        .expect("draw");
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(200, 50)).expect("test terminal")
}

/// The embedded graph: what a new user runs.
fn embedded(c: &mut Criterion<CpuTime>) {
    let mut g = c.benchmark_group("embedded");
    g.bench_function("load", |b| {
        b.iter(|| load_embedded().expect("embedded graph"))
    });
    let graph = load_embedded().expect("embedded graph").graph;
    let index = SearchIndex::new(&graph);
    g.bench_function("search \"gradient vanishing\"", |b| {
        b.iter(|| index.search(&graph, black_box("gradient vanishing"), &[], 50))
    });
    g.bench_function("search \"x\"", |b| {
        b.iter(|| index.search(&graph, black_box("x"), &[], 50))
    });
    // From nothing to the first frame drawn: load, index, lay out, draw.
    g.bench_function("first frame 200x50", |b| {
        b.iter(|| {
            let mut app = App::new(load_embedded().expect("embedded graph").graph, None);
            frame(&mut app, &mut terminal());
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion<CpuTime>) {
    for n in sizes() {
        let text = graph_text(n);
        let graph = load(&text);
        let index = SearchIndex::new(&graph);
        let samples = if n >= 100_000 { 10 } else { 30 };

        let mut g = c.benchmark_group("load");
        g.sample_size(10)
            .throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, t| {
            b.iter(|| load(black_box(t)))
        });
        g.finish();

        let mut g = c.benchmark_group("search");
        g.sample_size(samples);
        g.bench_function(BenchmarkId::new("index", n), |b| {
            b.iter(|| SearchIndex::new(black_box(&graph)))
        });
        for q in ["v", TYPED, TYPO, FULL_TEXT] {
            let tiers: Vec<_> = index
                .search(&graph, q, &[], 50)
                .iter()
                .map(|h| h.tier)
                .collect();
            eprintln!(
                "{n} nodes, {q:?}: {} hits, last tier {:?}",
                tiers.len(),
                tiers.last()
            );
            g.bench_function(BenchmarkId::new(format!("fresh {q:?}"), n), |b| {
                b.iter(|| index.search(&graph, black_box(q), &[], 50))
            });
        }
        // One iteration types the whole query, a keystroke at a time:
        // divide by its length. With a typo, the typo tier is worked out on
        // each keystroke; the last query only the full-text tier answers,
        // once it is whole.
        for (name, typed) in [
            ("typing", TYPED),
            ("typing with a typo", TYPO),
            ("typing full text", FULL_TEXT),
        ] {
            g.throughput(Throughput::Elements(typed.len() as u64));
            g.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter(|| {
                    let mut typing = Typing::new();
                    for end in 1..=typed.len() {
                        black_box(typing.search(&index, &graph, &typed[..end], &[], 50));
                    }
                })
            });
        }
        g.finish();

        let busiest = graph
            .node_indices()
            .max_by_key(|&ix| graph.degree(ix))
            .expect("a graph with nodes");
        let mut g = c.benchmark_group("walk");
        g.sample_size(samples);
        g.bench_function(BenchmarkId::new("neighbour_groups", n), |b| {
            b.iter(|| graph.neighbour_groups(black_box(busiest)))
        });
        g.bench_function(BenchmarkId::new("neighbourhood depth 2", n), |b| {
            b.iter(|| graph.neighbourhood(black_box(busiest), 2, &[], Walk::Both))
        });
        let mut ixs = graph.node_indices();
        let from = ixs.next().expect("a graph with nodes");
        let to = ixs.nth(n / 2 - 1).unwrap_or(from);
        g.bench_function(BenchmarkId::new("shortest_path", n), |b| {
            b.iter(|| graph.shortest_path(black_box(from), black_box(to), &[]))
        });
        g.finish();

        // The setups below run only when the benchmark is not filtered out.
        let mut g = c.benchmark_group("tui frame 200x50");
        g.sample_size(samples);
        g.bench_function(BenchmarkId::from_parameter(n), |b| {
            let mut app = App::new(graph.clone(), None);
            for ch in TYPED.chars() {
                app.update(Action::Insert(ch));
            }
            let mut term = terminal();
            b.iter(|| frame(&mut app, &mut term))
        });
        g.finish();

        for format in [Format::Dot, Format::Json] {
            // The output's size, for the throughput: from the synthetic
            // graph's shape, close enough for MiB/s (exact in the output).
            let per_node = if format == Format::Dot { 350 } else { 700 };
            let mut g = c.benchmark_group(format!("export {format:?}").to_lowercase());
            g.sample_size(samples.min(20))
                .throughput(Throughput::Bytes((n * per_node) as u64));
            let mut size = 0;
            g.bench_function(BenchmarkId::from_parameter(n), |b| {
                if size == 0 {
                    let mut out = Vec::new();
                    export::write(&graph, &Filter::default(), format, &mut out).expect("export");
                    size = out.len();
                    eprintln!("export {format:?} of {n} nodes: {size} bytes");
                }
                b.iter(|| {
                    let mut out = Vec::with_capacity(size);
                    export::write(&graph, &Filter::default(), format, &mut out).expect("export");
                    out
                })
            });
            g.finish();
        }
    }
}

criterion_group! {
    name = mlkg_benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = embedded, benches
}
criterion_main!(mlkg_benches);
