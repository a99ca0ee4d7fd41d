//! The query prompt: while the search box holds `:QUERY`, its hits are the
//! query's answer (preview and Enter as for a search), Tab completes the
//! kind, relation or node being typed, and the jump list keeps the query so
//! Back returns to its results.

use super::{App, Pane};
use crate::graph::ask::{self, complete::Completion};
use crate::graph::search::{Hit, Tier};
use crate::tui::input::Input;
use crate::tui::list::List;

/// What the prompt shows besides the hits: why the query does not run yet,
/// and what Tab would complete.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    /// The query's error as `mlkg query` prints it, while it has one.
    pub error: Option<String>,
    /// The candidates for the word at the cursor.
    pub completion: Completion,
    /// The node names taken as another name: `"csvv" as CSV`.
    pub guesses: Vec<String>,
}

impl App {
    /// Whether the search box holds a query (it starts with `:`).
    pub fn asking(&self) -> bool {
        self.main.query.text().starts_with(':')
    }

    /// The query the search box holds, without its `:`.
    pub fn asked_query(&self) -> Option<String> {
        self.asking()
            .then(|| self.main.query.text()[1..].to_string())
    }

    /// The query a jump list entry keeps as it is left: the one whose hits
    /// are in use, not one left in the box while walking the neighbours.
    pub(super) fn query_to_keep(&self) -> Option<String> {
        (self.main.pane == Pane::Hits)
            .then(|| self.asked_query())
            .flatten()
    }

    /// Opens the query prompt, keeping a query already typed.
    pub(super) fn start_query(&mut self) {
        self.main.typing = true;
        self.main.pane = Pane::Hits;
        if !self.asking() {
            self.main.query = Input::new(":");
            self.research();
        }
    }

    /// Runs the query in the search box: its answer becomes the hits (the
    /// kind filter applies), its error and completions are kept to show.
    pub(super) fn ask_hits(&mut self) {
        let text = self.main.query.text()[1..].to_string();
        let cursor = self.main.query.cursor().saturating_sub(1);
        let kind = self.filters.kind.clone();
        let mut guesses = Vec::new();
        let (hits, error) = match ask::answer(&self.graph, &text) {
            Ok(answer) => {
                guesses = (answer.guesses.iter())
                    .map(|g| format!("\"{}\" as {}", g.text, self.graph.node(g.node).label))
                    .collect();
                let hits = answer
                    .nodes
                    .into_iter()
                    .filter(|&ix| kind.as_ref().is_none_or(|k| self.graph.node(ix).kind == k))
                    .take(super::MAX_HITS)
                    .map(|node| Hit {
                        node,
                        score: 0,
                        tier: Tier::Exact,
                        positions: Vec::new(),
                        snippet: None,
                    })
                    .collect();
                (hits, None)
            }
            Err(_) if text.trim().is_empty() => (Vec::new(), None),
            Err(e) => (Vec::new(), Some(e.render(&text))),
        };
        let completion = ask::complete::complete(&self.graph, &self.index, &text, cursor);
        let m = &mut self.main;
        m.hits = hits;
        m.asked = Asked {
            error,
            completion,
            guesses,
        };
        m.hit_list = List {
            height: m.hit_list.height,
            ..List::new(m.hits.len())
        };
    }

    /// Completes the word at the cursor with the candidate Tab offers.
    pub(super) fn complete_query(&mut self) {
        let c = &self.main.asked.completion;
        let cursor = self.main.query.cursor().saturating_sub(1);
        let text = &self.main.query.text()[1..];
        let typed: String = text.get(c.start..cursor).unwrap_or("").to_string();
        let Some(insert) = c.insertion(&typed) else {
            self.say("nothing to complete here");
            return;
        };
        for _ in typed.chars() {
            self.main.query.delete_back();
        }
        self.main.query.insert_str(&insert);
        self.research();
    }

    /// Puts a query the jump list kept back in the search box, its results
    /// listed with the hit opened from them selected (the next node in the
    /// jump list), else the focused node.
    pub(super) fn restore_query(&mut self, query: &str) {
        self.main.query = Input::new(&format!(":{query}"));
        self.main.typing = false;
        self.main.pane = Pane::Hits;
        self.main.stale_done();
        self.ask_hits();
        let opened = self
            .jumps
            .entries()
            .get(self.jumps.pos() + 1)
            .map(|j| j.node);
        let at = |want: Option<_>| self.main.hits.iter().position(|h| Some(h.node) == want);
        if let Some(at) = at(opened).or_else(|| at(self.focus)) {
            self.main.hit_list.select(at);
        }
    }
}
