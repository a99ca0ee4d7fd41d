//! The main screen's state ([`MainView`]: the search box and its hits, the
//! node pane's scroll, the neighbour rows) and the search box's keys.

use std::collections::BTreeSet;

use super::neighbours::{self, Row};
use super::{App, MAX_HITS, Pane};
use crate::graph::query::Dir;
use crate::graph::search::{Hit, Typing};
use crate::tui::action::Action;
use crate::tui::input::Input;
use crate::tui::list::List;

/// The most distinct words a query is searched with.
pub const MAX_QUERY_WORDS: usize = 8;

/// The query as it is searched, and whether that differs from what was
/// typed: each word once, at most [`MAX_QUERY_WORDS`] of them, so the work
/// of a keystroke stays bounded whatever is typed or pasted.
pub fn bounded_query(typed: &str) -> (std::borrow::Cow<'_, str>, bool) {
    let mut words: Vec<&str> = Vec::new();
    let mut cut = false;
    for w in typed.split_whitespace() {
        if words.contains(&w) || words.len() == MAX_QUERY_WORDS {
            cut = true;
        } else {
            words.push(w);
        }
    }
    if cut {
        (words.join(" ").into(), true)
    } else {
        (typed.into(), false)
    }
}

/// The main screen: three panes (two tabs under 100 columns).
#[derive(Debug, Clone)]
pub struct MainView {
    /// Whether keys go to the search box.
    pub typing: bool,
    /// The focused pane.
    pub pane: Pane,
    /// The search query.
    pub query: Input,
    /// Its hits, best first.
    pub hits: Vec<Hit>,
    /// The selection among the hits.
    pub hit_list: List,
    /// The neighbour rows of the focused node.
    pub rows: Vec<Row>,
    /// The selection among the neighbour rows.
    pub row_list: List,
    /// The rows the neighbour list had room for when its rows were built.
    pub(crate) rows_room: usize,
    /// Groups unfolded past "+N more".
    pub expanded: BTreeSet<(String, Dir)>,
    /// The node pane's lines and how far it is scrolled.
    pub node_scroll: List,
    /// The node the node pane showed when last laid out (its scroll starts
    /// over when another node shows).
    pub(crate) shown: Option<crate::graph::NodeIndex>,
    /// The query prompt's error and completions (see `ask.rs`).
    pub asked: super::ask::Asked,
    /// The search session, narrowing as the query grows.
    session: Typing,
    /// Whether the hits are behind the query (while a burst of keys is applied).
    stale: bool,
}

impl MainView {
    /// The main screen, with the search box ready or the neighbours focused.
    pub fn new(typing: bool) -> MainView {
        MainView {
            typing,
            pane: if typing { Pane::Hits } else { Pane::Neighbours },
            query: Input::default(),
            hits: Vec::new(),
            hit_list: List::default(),
            rows: Vec::new(),
            row_list: List::default(),
            rows_room: 0,
            expanded: BTreeSet::new(),
            node_scroll: List::default(),
            shown: None,
            asked: super::ask::Asked::default(),
            session: Typing::new(),
            stale: false,
        }
    }

    /// The selected hit's node.
    pub fn selected_hit(&self) -> Option<crate::graph::NodeIndex> {
        self.hits.get(self.hit_list.sel).map(|h| h.node)
    }

    /// The selected neighbour row.
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.row_list.sel)
    }

    /// Marks the hits as up to date with the query (they were just rebuilt).
    pub(super) fn stale_done(&mut self) {
        self.stale = false;
    }

    /// Forgets the search session (after the graph changed).
    pub(super) fn reset_session(&mut self) {
        self.session = Typing::new();
    }

    /// Takes hits searched elsewhere (for a new graph, on the thread that
    /// loaded it) for the current query, with the session that found them.
    pub(super) fn use_search(&mut self, hits: Vec<Hit>, session: Typing) {
        self.session = session;
        self.hits = hits;
        self.stale = false;
        self.hit_list = List {
            height: self.hit_list.height,
            ..List::new(self.hits.len())
        };
    }
}

impl App {
    /// Runs the search again for the query and kind filter (or, while a
    /// burst of events is applied, marks the hits as behind the query).
    pub fn research(&mut self) {
        if self.deferring {
            self.main.stale = true;
            return;
        }
        if self.asking() {
            self.main.stale = false;
            self.ask_hits();
            return;
        }
        let kinds: Vec<String> = self.filters.kind.iter().cloned().collect();
        let m = &mut self.main;
        let (query, _) = bounded_query(m.query.text());
        m.hits = m
            .session
            .search(&self.index, &self.graph, &query, &kinds, MAX_HITS);
        m.stale = false;
        m.hit_list = List {
            height: m.hit_list.height,
            ..List::new(m.hits.len())
        };
    }

    /// Runs the searches the last burst of events left pending, if any,
    /// and lays the lists out for the screen once.
    pub fn settle(&mut self) {
        if self.main.stale {
            self.research();
        }
        if self.mode.view().is_some() {
            self.in_view(|v, app| {
                v.settle(app);
                crate::tui::views::Next::Stay
            });
        }
        self.fit();
    }

    /// Whether searches wait for the end of the burst being applied.
    pub(crate) fn deferring(&self) -> bool {
        self.deferring
    }

    /// Rebuilds the neighbour rows, selecting the selectable row nearest `sel`.
    pub fn rebuild_rows(&mut self, sel: usize) {
        let m = &mut self.main;
        let rel = self.filters.rel.as_deref();
        m.rows = neighbours::rows(&self.graph, self.focus, rel, &m.expanded, m.rows_room);
        m.row_list.set_len(m.rows.len());
        let rows = &m.rows;
        m.row_list.select_nearest(sel, |i| rows[i].selectable());
    }

    /// The search box's keys.
    pub(super) fn search_action(&mut self, action: Action) {
        let q = &mut self.main.query;
        let before = q.text().to_string();
        match action {
            Action::Insert(c) => {
                if !q.insert(c) {
                    self.say(format!(
                        "the search box holds {} characters at most",
                        crate::tui::input::MAX_INPUT_CHARS
                    ));
                }
            }
            Action::DeleteChar => q.delete_back(),
            Action::DeleteWord => q.delete_word(),
            Action::KillToEnd => q.kill_to_end(),
            Action::ClearInput => q.clear(),
            Action::CursorLeft => q.left(),
            Action::CursorRight => q.right(),
            Action::CursorHome => q.home(),
            Action::CursorEnd => q.end(),
            Action::WordBack => q.word_back(),
            Action::WordForward => q.word_forward(),
            Action::MoveDown | Action::MoveUp | Action::PageDown | Action::PageUp => {
                self.main.hit_list.apply(action, |_| true);
            }
            Action::Open => self.open_hit(),
            Action::Complete => self.complete_query(),
            Action::LeaveSearch => self.main.typing = false,
            Action::NextPane | Action::PrevPane => {
                self.main.typing = false;
                self.cycle_pane(if action == Action::NextPane { 1 } else { -1 });
            }
            _ => self.does_nothing_here(action),
        }
        if self.main.query.text() != before {
            self.research();
        }
    }
}
