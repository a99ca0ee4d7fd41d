//! Opening nodes and walking the jump list, and the main screen's keys:
//! moving in the focused pane, opening, and the keys that open views,
//! overlays and filters.

use super::neighbours::Row;
use super::{App, Mode, Overlay, Pane};
use crate::graph::NodeIndex;
use crate::tui::action::Action;
use crate::tui::views::graph::GraphView;
use crate::tui::views::path::PathView;

impl App {
    /// Focuses a node, recording it in the jump list.
    pub fn open(&mut self, ix: NodeIndex) {
        if self.focus == Some(ix) {
            return;
        }
        self.jumps.remember_row(self.main.row_list.sel);
        self.jumps.remember_query(self.query_to_keep());
        self.jumps.push(ix);
        self.focus_on(ix, 0);
    }

    /// Focuses a node without touching the jump list.
    pub(super) fn focus_on(&mut self, ix: NodeIndex, row: usize) {
        self.focus = Some(ix);
        self.main.expanded.clear();
        self.main.node_scroll = crate::tui::list::List::default();
        self.main.row_list.offset = 0;
        self.rebuild_rows(row);
    }

    /// Goes back in the jump list.
    pub fn go_back(&mut self) {
        self.jumps.remember_row(self.main.row_list.sel);
        self.jumps.remember_query(self.query_to_keep());
        match self.jumps.back() {
            Some(j) => self.arrive(j),
            None => self.say("at the start of the jump list"),
        }
    }

    /// Goes forward in the jump list.
    pub fn go_forward(&mut self) {
        self.jumps.remember_row(self.main.row_list.sel);
        self.jumps.remember_query(self.query_to_keep());
        match self.jumps.forward() {
            Some(j) => self.arrive(j),
            None => self.say("at the end of the jump list"),
        }
    }

    /// Focuses an entry of the jump list, with the query it kept, if any.
    fn arrive(&mut self, j: super::Jump) {
        self.focus_on(j.node, j.row);
        if let Some(q) = j.query {
            self.restore_query(&q);
        }
    }

    /// The main screen's keys (the search box's when it has them).
    pub(super) fn main_action(&mut self, action: Action) {
        if self.main.typing {
            self.search_action(action);
            return;
        }
        match action {
            Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => self.move_in_pane(action),
            Action::NextPane => self.cycle_pane(1),
            Action::PrevPane => self.cycle_pane(-1),
            Action::Open => self.open_in_pane(),
            Action::Back if self.resume_study_at_focus() => {}
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::FocusSearch => {
                self.main.typing = true;
                self.main.pane = Pane::Hits;
                self.main.query.selected = !self.main.query.text().is_empty();
            }
            Action::FilterKind => self.toggle_kind_filter(),
            Action::FilterRelation => self.toggle_rel_filter(),
            Action::ClearFilters => self.clear_filters(),
            Action::PathMode => match self.focus {
                Some(from) => {
                    let view = PathView::new(self, from);
                    self.open_view(Mode::Path(Box::new(view)));
                }
                None => self.complain("no node to start a path from"),
            },
            Action::GraphView => match self.focus {
                Some(_) => {
                    let view = GraphView::new(self);
                    self.open_view(Mode::Graph(view));
                }
                None => self.complain("no node to draw"),
            },
            Action::Export => self.ask_export_path(),
            Action::AskQuery => self.start_query(),
            Action::Mark => self.mark_focus(),
            Action::CompareView => self.open_compare(),
            Action::MatrixView => self.open_matrix(),
            Action::Study => self.open_study(),
            Action::Progress => self.open_progress(false),
            Action::ToggleHelp => self.open_help(self.scope()),
            _ => self.does_nothing_here(action),
        }
    }

    /// Moves the selection (or the scroll, in the node pane).
    fn move_in_pane(&mut self, action: Action) {
        let m = &mut self.main;
        match m.pane {
            Pane::Hits => {
                m.hit_list.apply(action, |_| true);
            }
            Pane::Node => {
                m.node_scroll.apply_scroll(action);
            }
            Pane::Neighbours => {
                let rows = &m.rows;
                m.row_list.apply(action, |i| rows[i].selectable());
            }
        }
    }

    pub(super) fn cycle_pane(&mut self, by: isize) {
        const ORDER: [Pane; 3] = [Pane::Hits, Pane::Node, Pane::Neighbours];
        let at = ORDER.iter().position(|p| *p == self.main.pane).unwrap_or(0) as isize;
        self.main.pane = ORDER[(at + by).rem_euclid(3) as usize];
    }

    fn open_in_pane(&mut self) {
        match self.main.pane {
            Pane::Hits => self.open_hit(),
            Pane::Node => self.main.pane = Pane::Neighbours,
            Pane::Neighbours => self.open_row(),
        }
    }

    /// Opens the selected hit and moves on to its neighbours.
    pub(super) fn open_hit(&mut self) {
        let Some(ix) = self.main.selected_hit() else {
            self.complain("no hit to open");
            return;
        };
        self.open(ix);
        self.main.typing = false;
        self.main.pane = Pane::Neighbours;
        self.show_opened();
    }

    /// One pane at a time (under [`crate::tui::view::WIDE`] columns): the
    /// node just opened shows before its neighbours; Enter goes on to them.
    fn show_opened(&mut self) {
        if self.size.0 < crate::tui::view::WIDE {
            self.main.pane = Pane::Node;
        }
    }

    /// Opens the selected neighbour, or unfolds a "+N more" row.
    pub(super) fn open_row(&mut self) {
        match self.main.selected_row().cloned() {
            Some(Row::Node { node, .. }) => {
                self.open(node);
                self.show_opened();
            }
            Some(Row::More { rel, dir, .. }) => {
                self.main.expanded.insert((rel, dir));
                let sel = self.main.row_list.sel;
                self.rebuild_rows(sel);
            }
            _ => {}
        }
    }

    fn toggle_kind_filter(&mut self) {
        if let Some(kind) = self.filters.kind.take() {
            self.research();
            self.say(format!(
                "kind filter {} cleared",
                self.graph.kind_label(&kind)
            ));
            return;
        }
        self.open_kind_picker();
    }

    /// Clears the relation filter, or opens the list to choose one.
    pub(crate) fn toggle_rel_filter(&mut self) {
        if let Some(rel) = self.filters.rel.take() {
            self.rebuild_rows(0);
            self.say(format!(
                "relation filter {} cleared",
                self.graph.rel_label(&rel)
            ));
            return;
        }
        self.open_rel_picker();
    }

    fn clear_filters(&mut self) {
        let had = self.filters.kind.is_some() || self.filters.rel.is_some();
        if self.filters.kind.take().is_some() {
            self.research();
        }
        if self.filters.rel.take().is_some() {
            self.rebuild_rows(0);
        }
        if had {
            self.say("filters cleared");
        } else {
            self.say("no filter to clear");
        }
    }

    /// Opens the help overlay, the keys of `scope` (where it was asked for) first.
    pub(crate) fn open_help(&mut self, scope: crate::tui::keymap::Scope) {
        self.overlay = Some(Overlay::help(scope));
    }
}
