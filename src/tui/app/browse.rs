//! Opening nodes and walking the jump list, and the main screen's keys:
//! moving in the focused pane, opening, the search box, and the keys that
//! open views and overlays.

use petgraph::graph::NodeIndex;

use super::neighbours::{self, Row};
use super::{App, Mode, Overlay, Pane};
use crate::tui::action::{Action, Effect};

impl App {
    /// Focuses a node, recording it in the jump list.
    pub fn open(&mut self, ix: NodeIndex) {
        if self.focus == Some(ix) {
            return;
        }
        self.jumps.remember_row(self.row_sel);
        self.jumps.push(ix);
        self.focus_on(ix, 0);
    }

    /// Focuses a node without touching the jump list.
    pub(super) fn focus_on(&mut self, ix: NodeIndex, row: usize) {
        self.focus = Some(ix);
        self.expanded.clear();
        self.node_scroll = 0;
        self.row_offset = 0;
        self.graph_sel = 0;
        self.rebuild_rows(row);
        self.rebuild_graph_nodes();
    }

    /// Goes back in the jump list.
    pub fn go_back(&mut self) {
        self.jumps.remember_row(self.row_sel);
        match self.jumps.back() {
            Some(j) => self.focus_on(j.node, j.row),
            None => self.say("at the start of the jump list"),
        }
    }

    /// Goes forward in the jump list.
    pub fn go_forward(&mut self) {
        self.jumps.remember_row(self.row_sel);
        match self.jumps.forward() {
            Some(j) => self.focus_on(j.node, j.row),
            None => self.say("at the end of the jump list"),
        }
    }

    /// Rows a page moves: what the focused list showed last, at least one.
    pub(super) fn page(&self) -> isize {
        self.screen.page.max(1) as isize
    }

    pub(super) fn browse_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::MoveDown => self.move_in_pane(1),
            Action::MoveUp => self.move_in_pane(-1),
            Action::PageDown => self.move_in_pane(self.page()),
            Action::PageUp => self.move_in_pane(-self.page()),
            Action::Top => self.move_in_pane(isize::MIN / 2),
            Action::Bottom => self.move_in_pane(isize::MAX / 2),
            Action::NextPane => self.cycle_pane(1),
            Action::PrevPane => self.cycle_pane(-1),
            Action::Open => self.open_in_pane(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::FocusSearch => {
                self.mode = Mode::Search;
                self.pane = Pane::Hits;
            }
            Action::FilterKind => self.toggle_kind_filter(),
            Action::FilterRelation => self.toggle_rel_filter(),
            Action::ClearFilters => self.clear_filters(),
            Action::PathMode => self.enter_path_mode(),
            Action::GraphView => self.enter_graph_view(),
            Action::Export => self.ask_export_path(),
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
        None
    }

    pub(super) fn search_action(&mut self, action: Action) {
        match action {
            Action::Insert(c) => {
                self.query.push(c);
                self.research();
            }
            Action::DeleteChar => {
                self.query.pop();
                self.research();
            }
            Action::ClearInput => {
                self.query.clear();
                self.research();
            }
            Action::MoveDown => self.move_hits(1),
            Action::MoveUp => self.move_hits(-1),
            Action::PageDown => self.move_hits(self.page()),
            Action::PageUp => self.move_hits(-self.page()),
            Action::Open => self.open_hit(),
            Action::LeaveSearch => self.mode = Mode::Browse,
            Action::NextPane => {
                self.mode = Mode::Browse;
                self.cycle_pane(1);
            }
            Action::PrevPane => {
                self.mode = Mode::Browse;
                self.cycle_pane(-1);
            }
            _ => {}
        }
    }

    /// Moves the selection (or the scroll, in the node pane) by `by` rows.
    fn move_in_pane(&mut self, by: isize) {
        match self.pane {
            Pane::Hits => self.move_hits(by),
            Pane::Node => {
                self.node_scroll = (self.node_scroll as isize)
                    .saturating_add(by)
                    .clamp(0, i32::MAX as isize) as usize;
            }
            Pane::Neighbours => {
                self.row_sel = neighbours::step(&self.rows, self.row_sel, by);
            }
        }
    }

    pub(super) fn move_hits(&mut self, by: isize) {
        let last = self.hits.len().saturating_sub(1) as isize;
        self.hit_sel = (self.hit_sel as isize).saturating_add(by).clamp(0, last) as usize;
    }

    fn cycle_pane(&mut self, by: isize) {
        const ORDER: [Pane; 3] = [Pane::Hits, Pane::Node, Pane::Neighbours];
        let at = ORDER.iter().position(|p| *p == self.pane).unwrap_or(0) as isize;
        self.pane = ORDER[(at + by).rem_euclid(3) as usize];
    }

    fn open_in_pane(&mut self) {
        match self.pane {
            Pane::Hits => self.open_hit(),
            Pane::Node => self.pane = Pane::Neighbours,
            Pane::Neighbours => self.open_row(),
        }
    }

    /// Opens the selected hit and moves on to its neighbours.
    pub(super) fn open_hit(&mut self) {
        let Some(ix) = self.selected_hit() else {
            self.complain("no hit to open");
            return;
        };
        self.open(ix);
        self.mode = Mode::Browse;
        self.pane = Pane::Neighbours;
    }

    /// Opens the selected neighbour, or unfolds a "+N more" row.
    pub(super) fn open_row(&mut self) {
        match self.rows.get(self.row_sel).cloned() {
            Some(Row::Node { node, .. }) => self.open(node),
            Some(Row::More { rel, dir, .. }) => {
                self.expanded.insert((rel, dir));
                let sel = self.row_sel;
                self.rebuild_rows(sel);
            }
            _ => {}
        }
    }

    fn toggle_kind_filter(&mut self) {
        if let Some(kind) = self.kind_filter.take() {
            self.research();
            self.say(format!(
                "kind filter {} cleared",
                self.graph.kind_label(&kind)
            ));
            return;
        }
        self.open_kind_picker();
    }

    pub(super) fn toggle_rel_filter(&mut self) {
        if let Some(rel) = self.rel_filter.take() {
            self.rebuild_rows(0);
            self.rebuild_graph_nodes();
            self.say(format!(
                "relation filter {} cleared",
                self.graph.rel_label(&rel)
            ));
            return;
        }
        self.open_rel_picker();
    }

    fn clear_filters(&mut self) {
        let had = self.kind_filter.is_some() || self.rel_filter.is_some();
        if self.kind_filter.take().is_some() {
            self.research();
        }
        if self.rel_filter.take().is_some() {
            self.rebuild_rows(0);
            self.rebuild_graph_nodes();
        }
        if had {
            self.say("filters cleared");
        }
    }
}
