//! Search ranking, on a fixture and on the public queries against the embedded graph.

use std::path::Path;

use mlkg::graph::Graph;
use mlkg::graph::load::{load_embedded, load_path};
use mlkg::graph::search::{SearchIndex, Tier};

fn small() -> Graph {
    load_path(Path::new("tests/fixtures/small.ron"))
        .expect("fixture loads")
        .graph
}

fn top(graph: &Graph, query: &str, kinds: &[&str]) -> Vec<String> {
    let kinds: Vec<String> = kinds.iter().map(|k| k.to_string()).collect();
    SearchIndex::new(graph)
        .search(graph, query, &kinds, 5)
        .iter()
        .map(|h| graph.node(h.node).id.to_string())
        .collect()
}

#[test]
fn words_match_in_any_order() {
    let g = small();
    assert_eq!(top(&g, "gradient vanishing", &[])[0], "vanishing-gradient");
    assert_eq!(top(&g, "vanishing gradient", &[])[0], "vanishing-gradient");
    assert!(
        top(&g, "gradient zebra", &[]).is_empty(),
        "every word must match"
    );
}

#[test]
fn tiers_rank_exact_then_prefix_then_word_prefix_then_fuzzy() {
    let g = small();
    let index = SearchIndex::new(&g);
    let tier = |q: &str| index.search(&g, q, &[], 1)[0].tier;
    assert_eq!(tier("xgb"), Tier::Exact);
    assert_eq!(
        tier("k means"),
        Tier::Exact,
        "punctuation and case are ignored for exact names"
    );
    assert_eq!(tier("vanish"), Tier::Prefix);
    assert_eq!(tier("gradient van"), Tier::WordPrefix);
    assert_eq!(tier("sigmod"), Tier::Fuzzy);
    let hits = index.search(&g, "l", &[], 50);
    let tiers: Vec<Tier> = hits.iter().map(|h| h.tier).collect();
    let mut sorted = tiers.clone();
    sorted.sort();
    assert_eq!(tiers, sorted, "hits come in tier order");
}

#[test]
fn ties_go_to_the_node_with_more_edges() {
    let g = small();
    // "l1" is an alias of the L1 concept, which has more edges than anything else named so.
    assert_eq!(top(&g, "l1", &[])[0], "l1");
    // Both modes start with "file"/"pipe"; "mode" matches both as a word prefix: more edges first, then label.
    let hits = top(&g, "mode", &["mode"]);
    assert_eq!(hits, vec!["pipe-mode", "file-mode"]);
}

#[test]
fn positions_are_character_indices_of_the_label() {
    let g = small();
    let index = SearchIndex::new(&g);
    let hit = &index.search(&g, "gradient vanishing", &[], 1)[0];
    let label: Vec<char> = g.node(hit.node).label.chars().collect();
    let matched: String = hit.positions.iter().map(|&i| label[i]).collect();
    assert_eq!(matched.to_lowercase(), "vanishinggradient");
    assert!(hit.positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn kind_filters_narrow_hits() {
    let g = small();
    assert!(top(&g, "csv", &["algorithm"]).is_empty());
    assert_eq!(top(&g, "csv", &["format"]), vec!["csv"]);
    let all = SearchIndex::new(&g).search(&g, "", &["mode".to_string()], 100);
    assert_eq!(all.len(), 2, "an empty query lists every node of the kinds");
}

/// The public queries: what a person types and the node they mean, first.
#[test]
fn public_queries_find_the_expected_node_first_in_the_embedded_graph() {
    let graph = load_embedded().expect("embedded graph").graph;
    let index = SearchIndex::new(&graph);
    let norm = |s: &str| {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    };
    let mut misses = Vec::new();
    let queries = include_str!("data/search-queries.tsv");
    let mut total = 0;
    for line in queries
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let (query, expected, kind) = (cols[0], cols[1], cols.get(2).copied().unwrap_or(""));
        total += 1;
        let want: Vec<String> = expected.split('|').map(norm).collect();
        let hits = index.search(&graph, query, &[], 3);
        let ok = hits.first().is_some_and(|h| {
            let n = graph.node(h.node);
            let names: Vec<String> = std::iter::once(n.id.as_str())
                .chain(std::iter::once(n.label.as_str()))
                .chain(n.aliases.iter().map(String::as_str))
                .map(norm)
                .collect();
            names.iter().any(|x| want.contains(x)) && (kind.is_empty() || n.kind == kind)
        });
        if !ok {
            let got: Vec<String> = hits
                .iter()
                .map(|h| format!("{} ({})", graph.node(h.node).label, graph.node(h.node).kind))
                .collect();
            misses.push(format!(
                "{query:?}: wanted {expected} ({kind}), got {got:?}"
            ));
        }
    }
    assert!(total >= 20);
    assert!(
        misses.is_empty(),
        "{} of {total} queries miss:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

/// Narrowing as the query grows gives exactly what a fresh search gives.
#[test]
fn typing_narrows_to_the_same_hits_as_a_fresh_search() {
    use mlkg::graph::search::Typing;
    let graph = load_embedded().expect("embedded graph").graph;
    let index = SearchIndex::new(&graph);
    for query in [
        "vanish grad",
        "xgboost alpha",
        "k-means k",
        "recordio protobuf",
        "l1 reg",
        "gradient desc",
    ] {
        let mut typing = Typing::new();
        for end in (1..=query.len()).filter(|&e| query.is_char_boundary(e)) {
            let q = &query[..end];
            let narrowed: Vec<_> = typing
                .search(&index, &graph, q, &[], 50)
                .into_iter()
                .map(|h| (h.node, h.score, h.positions))
                .collect();
            let fresh: Vec<_> = index
                .search(&graph, q, &[], 50)
                .into_iter()
                .map(|h| (h.node, h.score, h.positions))
                .collect();
            assert_eq!(narrowed, fresh, "query {q:?}");
        }
        // Deleting a character (the query no longer extends the last one) starts afresh.
        let shorter = &query[..query.len() - 2];
        let after_delete: Vec<_> = typing
            .search(&index, &graph, shorter, &[], 50)
            .into_iter()
            .map(|h| h.node)
            .collect();
        let fresh: Vec<_> = index
            .search(&graph, shorter, &[], 50)
            .into_iter()
            .map(|h| h.node)
            .collect();
        assert_eq!(after_delete, fresh);
    }
}

/// Fuzzy scores are worked out only down to the tier that fills the limit:
/// the top hits must be the same as when every match is scored.
#[test]
fn a_small_limit_gives_the_top_of_the_full_ranking() {
    let graph = load_embedded().expect("embedded graph").graph;
    let index = SearchIndex::new(&graph);
    for query in [
        "v",
        "a",
        "gr",
        "vanish grad",
        "l1",
        "m",
        "csv",
        "regul",
        "é",
    ] {
        let all: Vec<_> = index
            .search(&graph, query, &[], usize::MAX)
            .into_iter()
            .map(|h| (h.node, h.score))
            .collect();
        for limit in [1, 3, 10, 50] {
            let top: Vec<_> = index
                .search(&graph, query, &[], limit)
                .into_iter()
                .map(|h| (h.node, h.score))
                .collect();
            assert_eq!(
                top,
                all[..limit.min(all.len())],
                "query {query:?}, limit {limit}"
            );
        }
    }
}
