//! Search as the user types, narrowing from the last query's matches.

use super::names::Query;
use super::scan::Within;
use super::{Graph, Hit, MAX_QUERY_CHARS, SearchIndex, Tier};

/// Search as the user types: when a query extends the previous one, only
/// the nodes the previous query left are scanned again (a node whose names
/// match the longer query must match the shorter one, since every word of
/// the longer query extends a word of the shorter or is new), and its upper
/// tiers only among the previous query's (see the `scan` module). The lower
/// tiers come from their indexes afresh.
#[derive(Debug, Clone, Default)]
pub struct Typing {
    last: Option<Last>,
}

/// What the previous query left.
#[derive(Debug, Clone)]
struct Last {
    query: Query,
    kinds: Vec<String>,
    /// Nodes holding every match of it.
    left: Vec<u32>,
    /// Nodes holding every node of its tiers down to `tier`.
    upper: Vec<u32>,
    tier: Tier,
}

impl Typing {
    /// A new session with nothing remembered.
    pub fn new() -> Typing {
        Typing::default()
    }

    /// The hits for the query, narrowing from the previous query's matches when possible.
    pub fn search(
        &mut self,
        index: &SearchIndex,
        graph: &Graph,
        query: &str,
        kinds: &[String],
        limit: usize,
    ) -> Vec<Hit> {
        let query = Query::new(query, MAX_QUERY_CHARS);
        let last =
            (self.last.take()).filter(|last| last.kinds == kinds && extends(&query, &last.query));
        let (left, scan) = match last {
            Some(last) => {
                let within = Within {
                    left: &last.left,
                    upper: Some((&last.upper, last.tier)),
                };
                let scan = index.scan(&query, kinds, within, limit);
                (last.left, scan)
            }
            None => {
                let everyone = index.everyone();
                let within = Within {
                    left: &everyone,
                    upper: None,
                };
                let scan = index.scan(&query, kinds, within, limit);
                (everyone, scan)
            }
        };
        let upper = scan.found.iter().map(|s| s.node).collect();
        self.last = Some(Last {
            query: query.clone(),
            kinds: kinds.to_vec(),
            left: scan.left.unwrap_or(left),
            upper,
            tier: scan.upper,
        });
        index.finish(graph, &query, kinds, scan.found, limit, true)
    }
}

/// Whether every node matching `longer` also matches `shorter`: the longer
/// query's text starts with the shorter's, and the shorter has words.
fn extends(longer: &Query, shorter: &Query) -> bool {
    !shorter.words.is_empty() && longer.text.starts_with(&shorter.text)
}
