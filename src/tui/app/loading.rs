//! Loading the graph file again off the UI thread, and taking the new graph
//! in without a pause: everything the new graph needs (its search index,
//! the labels nodes share, the kinds' looks, the hits of the query shown)
//! is built on the loading thread ([`Reload::prepare`]), and the graph it
//! replaces goes to a thread of its own to be freed ([`Retired`]), since
//! freeing a million nodes takes seconds.

use super::{App, LoadError, MAX_HITS, bounded_query};
use crate::graph::resolve::Resolver;
use crate::graph::search::{Hit, SearchIndex, Typing};
use crate::graph::{Graph, NodeIndex};
use crate::text::visible;
use crate::tui::action::Effect;
use crate::tui::widgets::kinds::Looks;

/// What a load should have ready for the screen when it arrives: the
/// search box's query and the kind filter as they were when it started.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted {
    /// The query and kinds to search, unless the query prompt has the box
    /// (its answers come from the graph shown).
    pub search: Option<(String, Vec<String>)>,
    /// The first load: read the file even if it looks unchanged, and find
    /// the node to start on.
    pub first: Option<FirstLoad>,
}

/// The explorer's first load of its graph file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirstLoad {
    /// The node to start on, as typed (`mlkg explore NAME`).
    pub start: Option<String>,
    /// The file's size, for the loading note.
    pub bytes: u64,
}

/// The hits of one query in a freshly loaded graph.
#[derive(Debug, Clone)]
pub struct Searched {
    /// The query searched, as typed.
    pub query: String,
    /// The kinds it was limited to.
    pub kinds: Vec<String>,
    /// Its hits, best first.
    pub hits: Vec<Hit>,
    session: Typing,
}

/// A graph loaded off the UI thread, with everything it needs to be shown
/// built there too.
#[derive(Debug)]
pub struct Reload {
    /// The graph.
    pub graph: Graph,
    /// Its search index.
    pub index: SearchIndex,
    /// The hits of the query wanted, when one was.
    pub searched: Option<Searched>,
    /// The node to show when none of the old ones is left.
    pub fallback: Option<NodeIndex>,
    /// The node the first load's start names, when it names one.
    pub start: Option<NodeIndex>,
}

impl Reload {
    /// Builds what the graph needs to be shown: meant for the loading
    /// thread, so that taking it in on the UI thread costs nothing.
    pub fn prepare(graph: Graph, wanted: &Wanted) -> Reload {
        graph.warm();
        Looks::shared(&graph);
        let index = SearchIndex::new(&graph);
        let typed = wanted.first.as_ref().and_then(|f| f.start.as_deref());
        let start = typed.and_then(|t| Resolver::new(&graph).node(t).ok().map(|f| f.node));
        let searched = wanted.search.as_ref().map(|(query, kinds)| {
            // A start that names no node is searched for instead.
            let query = match typed {
                Some(t) if start.is_none() && query.is_empty() => t.to_string(),
                _ => query.clone(),
            };
            let mut session = Typing::new();
            let bounded = bounded_query(&query).0;
            let hits = session.search(&index, &graph, &bounded, kinds, MAX_HITS);
            Searched {
                query,
                kinds: kinds.clone(),
                hits,
                session,
            }
        });
        let fallback = super::default_start(&graph);
        Reload {
            graph,
            index,
            searched,
            fallback,
            start,
        }
    }
}

/// A graph taken off the screen, with its search index, to be freed on a
/// thread of its own (see [`Effect::Retire`]).
#[derive(Clone)]
pub struct Retired(Box<(Graph, SearchIndex)>);

impl Retired {
    /// The stamp of the graph retired.
    pub fn stamp(&self) -> u64 {
        self.0.0.stamp()
    }
}

impl std::fmt::Debug for Retired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Retired(graph {})", self.stamp())
    }
}

impl PartialEq for Retired {
    fn eq(&self, other: &Retired) -> bool {
        self.stamp() == other.stamp()
    }
}

impl App {
    /// The graph file changed: load it again off the UI thread. A load
    /// still running is superseded (its result will be dropped).
    pub(super) fn start_load(&mut self) {
        self.generation += 1;
        self.loading = Some(self.generation);
        let search = (!self.asking()).then(|| {
            let query = self.main.query.text().to_string();
            (query, self.filters.kind.iter().cloned().collect())
        });
        self.effect(Effect::Load {
            generation: self.generation,
            wanted: Wanted {
                search,
                first: self.first.clone(),
            },
        });
    }

    pub(super) fn unchanged(&mut self, generation: u64) {
        if self.loading == Some(generation) {
            self.loading = None;
        }
    }

    /// Takes in a finished load, unless a newer one was started since.
    pub(super) fn loaded(&mut self, generation: u64, result: Result<Reload, LoadError>) {
        if self.loading != Some(generation) {
            return;
        }
        self.loading = None;
        match result {
            Ok(r) if self.first.is_some() => self.first_graph(r),
            Ok(r) => self.reloaded(r),
            Err(e) if self.first.is_some() => {
                // No graph to show: the explorer stops and reports why.
                self.failed = Some(Box::new(e));
                self.running = false;
            }
            Err(e) => {
                self.banner = Some(super::banner_lines(&e));
                self.complain("the graph file has errors; still showing the last good graph");
            }
        }
    }

    /// Takes in a graph read again. It replaces the shown one, keeping the
    /// focus, the jump list, the filters and the open view where their
    /// nodes, kinds and relations still exist; the old graph is handed on
    /// to be freed elsewhere.
    pub fn reloaded(&mut self, reload: Reload) {
        let old = std::mem::replace(&mut self.graph, reload.graph);
        let old_index = std::mem::replace(&mut self.index, reload.index);
        self.banner = None;
        let map = |ix: NodeIndex| self.graph.find(&old.node(ix).id);
        let old_focus = self.focus;
        let focus_kept = old_focus.and_then(map);
        let sel_hit = self.main.selected_hit().and_then(map);
        self.jumps.remap(map);
        self.mark = self.mark.and_then(map);
        if self.jumps.entries().is_empty()
            && let Some(start) = reload.fallback
        {
            self.jumps.push(start);
        }
        self.focus = focus_kept.or(self.jumps.current());
        if (self.filters.kind.as_ref()).is_some_and(|k| !self.graph.kinds.contains_key(k)) {
            self.filters.kind = None;
        }
        if (self.filters.rel.as_ref()).is_some_and(|r| !self.graph.relations.contains_key(r)) {
            self.filters.rel = None;
        }
        self.take_hits(reload.searched);
        let hits = &self.main.hits;
        if let Some(pos) = sel_hit.and_then(|s| hits.iter().position(|h| h.node == s)) {
            self.main.hit_list.select(pos);
        }
        let row = self.main.row_list.sel;
        self.rebuild_rows(row);
        let remap = |ix: NodeIndex| self.graph.find(&old.node(ix).id);
        let mut mode = std::mem::replace(&mut self.mode, super::Mode::Main);
        if let Some(v) = mode.view_mut() {
            v.reloaded(self, &remap);
        }
        self.mode = mode;
        let size = format!(
            "{} nodes, {} edges",
            self.graph.node_count(),
            self.graph.edge_count()
        );
        match (old_focus, focus_kept) {
            (Some(f), None) => self.say(format!(
                "graph reloaded ({size}); {} is gone",
                visible(&old.node(f).label)
            )),
            _ => self.say(format!("graph reloaded ({size})")),
        }
        self.effect(Effect::Retire(Retired(Box::new((old, old_index)))));
    }

    /// The hits of the new graph: those searched on the loading thread when
    /// the query and kinds are still the ones searched, else searched now
    /// (as a keystroke is).
    pub(super) fn take_hits(&mut self, searched: Option<Searched>) {
        let kinds: Vec<String> = self.filters.kind.iter().cloned().collect();
        match searched {
            Some(s) if !self.asking() && s.query == self.main.query.text() && s.kinds == kinds => {
                self.main.use_search(s.hits, s.session);
            }
            _ => {
                self.main.reset_session();
                self.research();
            }
        }
    }
}
