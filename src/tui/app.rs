//! The explorer's state ([`App`]) and the one place it changes
//! ([`App::update`], fed one [`Event`] at a time). Nothing here touches the
//! terminal, the disk or the clock: work with the outside world comes back
//! as [`Effect`]s for the event loop to carry out off the UI thread.
//!
//! `App` holds what every view shares (the graph and its index, the focus,
//! the jump list, the filters, the mode, the overlay, the message) and the
//! main screen's state ([`MainView`]), which every view returns to. Each
//! other mode owns its state: `Mode::Path(PathView)`, `Mode::Graph(GraphView)`.
//!
//! Adding a view (six source files, one of them new):
//! 1. Write `src/tui/views/<name>.rs` holding its state, a `View` impl
//!    (scope, update on actions, fit on resize, pure render with an ASCII
//!    sketch, the hints of its status line) and its lists as [`List`]s.
//! 2. Add `pub mod <name>;` to `src/tui/views.rs`, a `Mode::<Name>(<Name>View)`
//!    variant and its arm in [`Mode::view`]/[`Mode::view_mut`] below.
//! 3. In `keymap.rs`, a `Scope` variant, in `Scope::ALL` and with its title,
//!    and rows for its keys in `keymap::TABLE` (the help, the status hints
//!    and the README's key list come from them), including the main screen's
//!    key that opens it.
//! 4. In `action.rs`, the `Action` that opens it, with its description and
//!    its place in `Action::KEYED`; in `app/browse.rs`, its arm calling
//!    `open_view`.
//! 5. Regenerate what is drawn from the key table: the README's key list
//!    (`MLKG_WRITE_README=1 cargo test --test tui_state readme`) and the
//!    help overlay's snapshots (`INSTA_UPDATE=always cargo test --test
//!    tui_render`), and give `every_scope_can_be_reached_and_left` in
//!    `tests/tui_state.rs` the keys that reach the new scope.
//!
//! Submodules: `ask` (the query prompt), `history` (the jump list), `neighbours` (the neighbour rows),
//! `first` (the first frame before the graph), `state` (small shared pieces), `main_view` (the main screen and the
//! search box), `overlay` (help, filter lists, the export prompt), `loading`
//! (the graph file's loads, taken in without a pause), `outside` (export
//! results, the mouse, pastes and ticks).

mod ask;
mod browse;
mod first;
pub mod history;
pub mod loading;
mod main_view;
pub mod neighbours;
mod outside;
mod overlay;
mod state;

use crate::graph::search::SearchIndex;
use crate::graph::{Graph, LoadError, NodeIndex};

pub use ask::Asked;
pub use history::{Jump, JumpList};
pub use loading::{FirstLoad, Reload, Retired, Wanted};
pub use main_view::{MAX_QUERY_WORDS, MainView, bounded_query};
pub use neighbours::Row;
pub use overlay::{Overlay, PickWhat, Picker};
pub use state::{Filters, Message, Pane};

use super::action::{Action, Effect};
use super::event::Event;
use super::keymap::{self, Scope};
use super::views::compare::CompareView;
use super::views::graph::GraphView;
use super::views::matrix::MatrixView;
use super::views::path::PathView;
use super::views::progress::ProgressView;
use super::views::study::StudyView;
use super::views::{Next, View};

/// The most hits listed.
pub const MAX_HITS: usize = 500;

/// Which screen has the keys, apart from overlays; each view owns its state.
#[derive(Debug, Clone)]
pub enum Mode {
    /// The main screen (its state is [`App::main`]).
    Main,
    /// Path mode.
    Path(Box<PathView>),
    /// The local-graph view.
    Graph(GraphView),
    /// Two nodes side by side.
    Compare(Box<CompareView>),
    /// One kind against another by a relation.
    Matrix(Box<MatrixView>),
    /// The study screen.
    Study(Box<StudyView>),
    /// The study progress screen.
    Progress(Box<ProgressView>),
}

impl Mode {
    /// The open view, unless the main screen is showing.
    pub fn view(&self) -> Option<&dyn View> {
        match self {
            Mode::Main => None,
            Mode::Path(v) => Some(v.as_ref()),
            Mode::Graph(v) => Some(v),
            Mode::Compare(v) => Some(v.as_ref()),
            Mode::Matrix(v) => Some(v.as_ref()),
            Mode::Study(v) => Some(v.as_ref()),
            Mode::Progress(v) => Some(v.as_ref()),
        }
    }

    /// The open view, to change it.
    pub fn view_mut(&mut self) -> Option<&mut dyn View> {
        match self {
            Mode::Main => None,
            Mode::Path(v) => Some(v.as_mut()),
            Mode::Graph(v) => Some(v),
            Mode::Compare(v) => Some(v.as_mut()),
            Mode::Matrix(v) => Some(v.as_mut()),
            Mode::Study(v) => Some(v.as_mut()),
            Mode::Progress(v) => Some(v.as_mut()),
        }
    }
}

/// All the explorer's state.
#[derive(Debug, Clone)]
pub struct App {
    /// The graph shown: the last one that loaded.
    pub graph: Graph,
    /// The search index of `graph`.
    pub index: SearchIndex,
    /// The focused node (None only for a graph without nodes).
    pub focus: Option<NodeIndex>,
    /// How we got here.
    pub jumps: JumpList,
    /// The kind and relation filters and the neighbourhood depth.
    pub filters: Filters,
    /// Which screen has the keys.
    pub mode: Mode,
    /// The open overlay, if any.
    pub overlay: Option<Overlay>,
    /// The status message.
    pub message: Option<Message>,
    /// The main screen's state.
    pub main: MainView,
    /// The node marked to compare another with (`m`).
    pub mark: Option<NodeIndex>,
    /// The study session paused in the explorer (`s` or Back resumes it).
    pub study: Option<Box<StudyView>>,
    /// Why the graph file on disk does not load, while it does not.
    pub banner: Option<Vec<String>>,
    /// The load in progress, if any (its generation).
    pub loading: Option<u64>,
    /// The graph file being read for the first time, while it is: the
    /// explorer is drawn at once and `graph` is empty until it arrives.
    pub first: Option<FirstLoad>,
    /// Why the graph file did not load the first time (the explorer then
    /// stops, and the error is reported once the terminal is restored).
    pub failed: Option<Box<LoadError>>,
    /// False once the user quits.
    pub running: bool,
    /// The terminal's size, columns and rows.
    pub size: (u16, u16),
    generation: u64,
    effects: Vec<Effect>,
    /// Whether searches wait until the burst of events being applied is done.
    deferring: bool,
}

impl App {
    /// The explorer on a graph, focused on `start` (in the main screen) or,
    /// without one, on a sensible first node with the search box ready.
    pub fn new(graph: Graph, start: Option<NodeIndex>) -> App {
        let index = SearchIndex::new(&graph);
        let focus = start.or_else(|| default_start(&graph));
        let mut app = App {
            index,
            focus,
            jumps: focus.map(JumpList::new).unwrap_or_default(),
            filters: Filters::default(),
            mode: Mode::Main,
            overlay: None,
            message: None,
            main: MainView::new(start.is_none()),
            mark: None,
            study: None,
            banner: None,
            loading: None,
            first: None,
            failed: None,
            running: true,
            size: (120, 40),
            generation: 0,
            effects: Vec::new(),
            deferring: false,
            graph,
        };
        app.research();
        if let Some(at) = app.main.hits.iter().position(|h| Some(h.node) == app.focus) {
            app.main.hit_list.select(at);
        }
        app.rebuild_rows(0);
        app.fit();
        app
    }

    /// Where keys go now: the overlay's scope, else the mode's.
    pub fn scope(&self) -> Scope {
        match (&self.overlay, self.mode.view()) {
            (Some(o), _) => o.scope(),
            (None, Some(v)) => v.scope(),
            (None, None) if self.main.typing && self.asking() => Scope::Query,
            (None, None) if self.main.typing => Scope::Search,
            (None, None) => Scope::Browse,
        }
    }

    /// Takes in one event and returns the work it needs from the outside world.
    pub fn update(&mut self, event: impl Into<Event>) -> Vec<Effect> {
        let effects = self.apply(event);
        self.settle();
        effects
    }

    /// Takes in one event of a burst (every event that was waiting before a
    /// frame): edits of the search box are not searched until
    /// [`App::settle`], so typing fast never queues searches.
    pub fn apply(&mut self, event: impl Into<Event>) -> Vec<Effect> {
        let event = match event.into() {
            Event::Key(key) => match keymap::action_for(self.scope(), key) {
                Some(action) => Event::Action(action),
                None => Event::Key(key),
            },
            other => other,
        };
        if !is_edit(&event) {
            self.settle();
        }
        self.deferring = true;
        self.handle(event);
        self.deferring = false;
        std::mem::take(&mut self.effects)
    }

    /// Applies a burst of events, then settles; returns their effects.
    pub fn update_all<E: Into<Event>>(
        &mut self,
        events: impl IntoIterator<Item = E>,
    ) -> Vec<Effect> {
        let effects = events.into_iter().flat_map(|e| self.apply(e)).collect();
        self.settle();
        effects
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Key(key) => self.key_does_nothing(key),
            Event::Action(action) => self.act(action),
            Event::Mouse(m) => self.mouse(m),
            Event::Paste(text) => self.paste(&text),
            Event::Resize(w, h) => self.size = (w, h),
            Event::Tick => self.tick(),
            Event::FileChanged => self.start_load(),
            Event::Loaded { generation, result } => self.loaded(generation, *result),
            Event::Unchanged { generation } => self.unchanged(generation),
            Event::Exported {
                path,
                nodes,
                result,
            } => self.exported(&path, nodes, result),
            Event::ExportWouldReplace { path } => self.export_would_replace(&path),
            Event::Continued => {}
            Event::StudyOpened(result) => self.study_opened(*result),
            Event::StudyGraded(result) => self.study_graded(result),
            Event::ProgressLoaded(result) => self.progress_loaded(*result),
        }
    }

    /// Carries out an action in the current scope.
    pub(crate) fn act(&mut self, action: Action) {
        if action == Action::Quit {
            self.running = false;
            return;
        }
        if action == Action::Suspend {
            self.effect(Effect::Suspend);
            return;
        }
        if self.overlay.is_some() {
            self.overlay_action(action);
        } else if self.mode.view().is_some() {
            self.in_view(|v, app| v.update(app, action));
        } else {
            self.main_action(action);
        }
    }

    /// Runs `f` on the open view with the rest of the state at hand; the
    /// view closes when `f` says so (or opened another mode).
    pub(crate) fn in_view(&mut self, f: impl FnOnce(&mut dyn View, &mut App) -> Next) {
        let mut mode = std::mem::replace(&mut self.mode, Mode::Main);
        let next = match mode.view_mut() {
            Some(v) => f(v, self),
            None => Next::Stay,
        };
        match next {
            Next::Stay if matches!(self.mode, Mode::Main) => self.mode = mode,
            Next::Stay => {}
            Next::Leave => self.message = None,
            Next::Away => {}
        }
    }

    /// Opens a view in place of the main screen.
    pub fn open_view(&mut self, mode: Mode) {
        self.message = None;
        self.mode = mode;
    }

    /// Asks the event loop to do some work.
    pub(crate) fn effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Sets the status message.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message::new(text.into(), false));
    }

    /// Sets a status message that reports a failure.
    pub fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message::new(text.into(), true));
    }

    /// The label of a node, as stored.
    pub fn label(&self, ix: NodeIndex) -> &str {
        &self.graph.node(ix).label
    }

    /// The node the node pane shows: the selected hit while the hits have
    /// the keys (a preview), else the focused node.
    pub fn shown_node(&self) -> Option<NodeIndex> {
        match self.main.pane {
            Pane::Hits => self.main.selected_hit().or(self.focus),
            _ => self.focus,
        }
    }

    /// The explorer with a query typed in the search box, its first hit
    /// selected (for a name that matched no node exactly).
    pub fn with_query(mut self, query: &str) -> App {
        self.main.typing = true;
        self.main.pane = Pane::Hits;
        self.main.query = crate::tui::input::Input::new(query);
        self.research();
        self.fit();
        self
    }

    /// The explorer opening on the study screen (the cards due are read
    /// when the event loop starts).
    pub fn studying(mut self) -> App {
        self.effect(Effect::StudyOpen);
        self
    }

    /// Lays every list out for the terminal's size, keeping selections in view.
    pub(crate) fn fit(&mut self) {
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let layout = super::view::layout(self, area);
        super::view::fit_main(self, &layout);
        let body = layout.body;
        let mut mode = std::mem::replace(&mut self.mode, Mode::Main);
        if let Some(v) = mode.view_mut() {
            v.fit(self, body);
        }
        self.mode = mode;
        if let Some(o) = &mut self.overlay {
            o.fit(area);
        }
    }
}

/// Why the graph could not be reloaded, one line per error.
pub fn banner_lines(err: &LoadError) -> Vec<String> {
    match err {
        LoadError::Invalid { diagnostics, .. } => diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{}:{}:{}: {}", d.file, d.line, d.col, d.message))
            .collect(),
        other => vec![other.to_string()],
    }
}

/// Whether an event only edits the search box (its search can wait for the burst's end).
fn is_edit(event: &Event) -> bool {
    matches!(
        event,
        Event::Action(
            Action::Insert(_)
                | Action::DeleteChar
                | Action::DeleteWord
                | Action::KillToEnd
                | Action::ClearInput
        ) | Event::Paste(_)
    )
}

/// The first node to show: XGBoost when the graph has it, else the most
/// connected algorithm, else the most connected node.
pub fn default_start(graph: &Graph) -> Option<NodeIndex> {
    if let Some(ix) = graph.find("xgboost") {
        return Some(ix);
    }
    let degrees = graph.degrees();
    let best = |kind: Option<&str>| {
        graph
            .node_indices()
            .filter(|&ix| kind.is_none_or(|k| graph.node(ix).kind == k))
            .max_by_key(|&ix| (degrees[ix.index()], std::cmp::Reverse(ix.index())))
    };
    best(Some("algorithm")).or_else(|| best(None))
}
