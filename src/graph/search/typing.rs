//! Search as the user types, narrowing from the last query's matches.

use super::names::Query;
use super::{Graph, Hit, MAX_QUERY_CHARS, SearchIndex};

/// Search as the user types: when a query extends the previous one, only the
/// previous query's name matches are scored again (a node whose names match
/// the longer query must match the shorter one, since every word of the
/// longer query extends a word of the shorter or is new). The lower tiers
/// come from their indexes afresh.
#[derive(Debug, Clone, Default)]
pub struct Typing {
    last: Option<(Query, Vec<String>, Vec<u32>)>,
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
        let narrowed = match &self.last {
            Some((prev, prev_kinds, matches)) if prev_kinds == kinds && extends(&query, prev) => {
                Some(index.score(&query, kinds, matches))
            }
            _ => None,
        };
        let scored = narrowed.unwrap_or_else(|| index.score(&query, kinds, &index.everyone()));
        let matches = scored.iter().map(|s| s.node).collect();
        let hits = index.finish(graph, &query, kinds, scored, limit, true);
        self.last = Some((query, kinds.to_vec(), matches));
        hits
    }
}

/// Whether every node matching `longer` also matches `shorter`: the longer
/// query's text starts with the shorter's, and the shorter has words.
fn extends(longer: &Query, shorter: &Query) -> bool {
    !shorter.words.is_empty() && longer.text.starts_with(&shorter.text)
}
