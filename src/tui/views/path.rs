//! Path mode: type a target, then walk the shortest path from the focused
//! node to it, read the right way, one openable row per node.

mod draw;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Next, View, is_move};
use crate::graph::NodeIndex;
use crate::graph::query::Link;
use crate::graph::search::{Hit, Typing};
use crate::tui::action::Action;
use crate::tui::app::{App, MAX_HITS, Pane};
use crate::tui::input::Input;
use crate::tui::keymap::Scope;
use crate::tui::list::List;
use crate::tui::screen::ScreenMap;

/// Path mode's state.
#[derive(Debug, Clone)]
pub struct PathView {
    /// Whether the target is being typed (else the path is shown).
    pub picking: bool,
    /// The target query.
    pub query: Input,
    /// Its hits.
    pub hits: Vec<Hit>,
    /// The selection among the hits.
    pub hit_list: List,
    /// Where the path starts.
    pub from: NodeIndex,
    /// The chosen target.
    pub target: Option<NodeIndex>,
    /// The path found to the target, None when there is none.
    pub steps: Option<Vec<Link>>,
    /// The selection among the path's nodes (0 is the start).
    pub step_list: List,
    session: Typing,
    stale: bool,
}

impl PathView {
    /// Path mode from a node, the target box ready.
    pub fn new(app: &App, from: NodeIndex) -> PathView {
        let mut view = PathView {
            picking: true,
            query: Input::default(),
            hits: Vec::new(),
            hit_list: List::default(),
            from,
            target: None,
            steps: None,
            step_list: List::default(),
            session: Typing::new(),
            stale: false,
        };
        view.research(app);
        view
    }

    /// The nodes along the path found, start first.
    pub fn path_nodes(&self) -> Vec<NodeIndex> {
        match &self.steps {
            Some(steps) => std::iter::once(self.from)
                .chain(steps.iter().map(|l| l.node))
                .collect(),
            None => Vec::new(),
        }
    }

    fn research(&mut self, app: &App) {
        if app.deferring() {
            self.stale = true;
            return;
        }
        self.stale = false;
        let (query, _) = crate::tui::app::bounded_query(self.query.text());
        self.hits = self
            .session
            .search(&app.index, &app.graph, &query, &[], MAX_HITS);
        self.hit_list = List {
            height: self.hit_list.height,
            ..List::new(self.hits.len())
        };
    }

    /// Finds the shortest path from the start to the selected hit.
    fn find_path(&mut self, app: &mut App) {
        let Some(to) = self.hits.get(self.hit_list.sel).map(|h| h.node) else {
            app.complain("no target selected");
            return;
        };
        self.target = Some(to);
        self.steps = app.graph.shortest_path(self.from, to, &[]);
        self.picking = false;
        self.step_list = List::new(self.path_nodes().len());
        match &self.steps {
            Some(steps) => {
                let n = steps.len();
                app.say(format!("{n} step{}", if n == 1 { "" } else { "s" }));
            }
            None => app.complain(format!(
                "no path from {} to {}",
                crate::text::visible(app.label(self.from)),
                crate::text::visible(app.label(to))
            )),
        }
    }

    fn pick_action(&mut self, app: &mut App, action: Action) -> Next {
        let before = self.query.text().to_string();
        match action {
            Action::Insert(c) => {
                self.query.insert(c);
            }
            Action::DeleteChar => self.query.delete_back(),
            Action::DeleteWord => self.query.delete_word(),
            Action::KillToEnd => self.query.kill_to_end(),
            Action::ClearInput => self.query.clear(),
            Action::CursorLeft => self.query.left(),
            Action::CursorRight => self.query.right(),
            Action::CursorHome => self.query.home(),
            Action::CursorEnd => self.query.end(),
            Action::WordBack => self.query.word_back(),
            Action::WordForward => self.query.word_forward(),
            a if is_move(a) => {
                self.hit_list.apply(a, |_| true);
            }
            Action::Confirm => self.find_path(app),
            Action::LeaveView => return Next::Leave,
            other => app.does_nothing_here(other),
        }
        if self.query.text() != before {
            self.research(app);
        }
        Next::Stay
    }

    fn open_step(&mut self, app: &mut App) -> Next {
        match self.path_nodes().get(self.step_list.sel) {
            Some(&ix) => {
                app.open(ix);
                app.main.typing = false;
                app.main.pane = Pane::Neighbours;
                Next::Leave
            }
            None => Next::Stay,
        }
    }
}

impl View for PathView {
    fn scope(&self) -> Scope {
        if self.picking {
            Scope::PathPick
        } else {
            Scope::PathSteps
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Next {
        if self.picking {
            return self.pick_action(app, action);
        }
        match action {
            a if is_move(a) => {
                self.step_list.apply(a, |_| true);
            }
            Action::Open => return self.open_step(app),
            Action::EditTarget => {
                self.picking = true;
                self.query.selected = !self.query.text().is_empty();
            }
            Action::LeaveView => return Next::Leave,
            Action::ToggleHelp => app.open_help(self.scope()),
            other => app.does_nothing_here(other),
        }
        Next::Stay
    }

    fn fit(&mut self, app: &App, area: Rect) {
        let (list, rows) = draw::list_area(self, app, area);
        if self.picking {
            self.hit_list.fit(list.height as usize);
        } else {
            self.step_list.set_len(rows);
            self.step_list.fit(list.height as usize);
        }
    }

    fn render(&self, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
        draw::render(self, app, frame, area, map);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        if self.picking {
            &[
                (Action::MoveDown, "next hit"),
                (Action::Confirm, "find the path"),
                (Action::LeaveView, "leave"),
            ]
        } else {
            &[
                (Action::MoveDown, "move"),
                (Action::Open, "open"),
                (Action::EditTarget, "other target"),
                (Action::LeaveView, "leave"),
            ]
        }
    }

    fn pick(&mut self, app: &mut App, row: usize, open: bool) -> Next {
        if self.picking && row < self.hits.len() {
            self.hit_list.select(row);
            if open {
                self.find_path(app);
            }
        } else if !self.picking && row < self.path_nodes().len() {
            self.step_list.select(row);
            if open {
                return self.open_step(app);
            }
        }
        Next::Stay
    }

    fn settle(&mut self, app: &App) {
        if self.stale {
            self.research(app);
        }
    }

    fn paste(&mut self, app: &mut App, text: &str) -> usize {
        let dropped = self.query.insert_str(text);
        self.research(app);
        dropped
    }

    fn reloaded(&mut self, app: &App, map: &dyn Fn(NodeIndex) -> Option<NodeIndex>) {
        self.from = map(self.from).or(app.focus).unwrap_or(self.from);
        self.session = Typing::new();
        self.research(app);
        self.target = self.target.and_then(map);
        self.steps = match self.target {
            Some(t) if self.from.index() < app.graph.node_count() => {
                app.graph.shortest_path(self.from, t, &[])
            }
            _ => None,
        };
        self.step_list = List::new(self.path_nodes().len());
    }
}
