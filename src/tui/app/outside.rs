//! What comes from outside the key table: a reloaded graph file, the result
//! of an export, and the mouse.

use std::path::Path;

use petgraph::graph::NodeIndex;

use super::{App, Mode, Overlay, Pane};
use crate::export::WriteError;
use crate::graph::LoadError;
use crate::graph::load::Loaded;
use crate::graph::search::SearchIndex;
use crate::text::visible;
use crate::tui::action::{Action, Effect};

impl App {
    /// Takes in the graph file read again. A good graph replaces the shown
    /// one, keeping the focus, the jump list and the filters where their
    /// nodes, kinds and relations still exist. A bad one leaves the shown
    /// graph as it is and puts its errors in the banner until it is fixed.
    pub fn reloaded(&mut self, result: Result<Loaded, LoadError>) {
        let loaded = match result {
            Ok(l) => l,
            Err(e) => {
                self.banner = Some(App::banner_lines(&e));
                self.complain("the graph file has errors; still showing the last good graph");
                return;
            }
        };
        let old = std::mem::replace(&mut self.graph, loaded.graph);
        self.index = SearchIndex::new(&self.graph);
        self.reset_typing();
        self.banner = None;
        let map = |ix: NodeIndex| self.graph.find(&old.node(ix).id);
        let old_focus = self.focus;
        let focus_kept = old_focus.and_then(map);
        let sel_hit = self.selected_hit().and_then(map);
        self.jumps.remap(map);
        let mut kept_path = self.path.from.and_then(map);
        let path_target = self.path.target.and_then(map);
        if self.jumps.entries().is_empty()
            && let Some(start) = super::default_start(&self.graph)
        {
            self.jumps.push(start);
        }
        self.focus = focus_kept.or(self.jumps.current());
        if self
            .kind_filter
            .as_ref()
            .is_some_and(|k| !self.graph.kinds.contains_key(k))
        {
            self.kind_filter = None;
        }
        if self
            .rel_filter
            .as_ref()
            .is_some_and(|r| !self.graph.relations.contains_key(r))
        {
            self.rel_filter = None;
        }
        self.research();
        if let Some(pos) = sel_hit.and_then(|s| self.hits.iter().position(|h| h.node == s)) {
            self.hit_sel = pos;
        }
        let row = self.row_sel;
        self.rebuild_rows(row);
        self.rebuild_graph_nodes();
        if self.mode == Mode::Path {
            if kept_path.is_none() {
                kept_path = self.focus;
            }
            self.path.from = kept_path;
            self.path.hits = self
                .index
                .search(&self.graph, &self.path.query, &[], super::MAX_HITS);
            self.path.hit_sel = self
                .path
                .hit_sel
                .min(self.path.hits.len().saturating_sub(1));
            self.path.target = path_target;
            self.path.steps = match (kept_path, path_target) {
                (Some(a), Some(b)) => self.graph.shortest_path(a, b, &[]),
                _ => None,
            };
            self.path.step_sel = 0;
        }
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
    }

    /// Takes in the result of an export.
    pub fn exported(&mut self, path: &Path, nodes: usize, result: Result<(), WriteError>) {
        match result {
            Ok(()) => self.say(format!(
                "exported {nodes} node{} to {}",
                if nodes == 1 { "" } else { "s" },
                visible(&path.display().to_string())
            )),
            Err(e) => self.complain(visible(&e.to_string()).into_owned()),
        }
    }

    pub(super) fn mouse(&mut self, action: Action) -> Option<Effect> {
        let (col, row, open) = match action {
            Action::Click(c, r) => (c, r, false),
            Action::DoubleClick(c, r) => (c, r, true),
            Action::WheelUp(c, r) => return self.wheel(c, r, -3),
            Action::WheelDown(c, r) => return self.wheel(c, r, 3),
            _ => return None,
        };
        if let Some(overlay) = &mut self.overlay {
            if let (Overlay::Picker(p), Some(list)) = (overlay, self.screen.picker)
                && let Some(i) = list.row_at(col, row).filter(|&i| i < p.items.len())
            {
                p.selected = i;
                if open {
                    return self.update(Action::Confirm);
                }
            }
            return None;
        }
        let screen = self.screen.clone();
        match self.mode {
            Mode::Browse | Mode::Search => {
                if let Some(i) = screen.hits.and_then(|l| l.row_at(col, row))
                    && i < self.hits.len()
                {
                    self.pane = Pane::Hits;
                    self.hit_sel = i;
                    if open {
                        self.open_hit();
                    }
                } else if let Some(i) = screen.neighbours.and_then(|l| l.row_at(col, row))
                    && self.rows.get(i).is_some_and(|r| r.selectable())
                {
                    self.mode = Mode::Browse;
                    self.pane = Pane::Neighbours;
                    self.row_sel = i;
                    if open {
                        self.open_row();
                    }
                } else if screen.search_box.is_some_and(|a| contains(a, col, row)) {
                    self.mode = Mode::Search;
                    self.pane = Pane::Hits;
                } else if screen.node.is_some_and(|a| contains(a, col, row)) {
                    self.mode = Mode::Browse;
                    self.pane = Pane::Node;
                }
            }
            Mode::Path => {
                if let Some(i) = screen.path.and_then(|l| l.row_at(col, row)) {
                    if self.path.picking && i < self.path.hits.len() {
                        self.path.hit_sel = i;
                        if open {
                            self.update(Action::Confirm);
                        }
                    } else if !self.path.picking && i < self.path_nodes().len() {
                        self.path.step_sel = i;
                        if open {
                            self.update(Action::Open);
                        }
                    }
                }
            }
            Mode::Graph => {
                if let Some(&(_, i)) = screen
                    .graph_labels
                    .iter()
                    .rev()
                    .find(|(a, _)| contains(*a, col, row))
                {
                    self.graph_sel = i;
                    if open {
                        self.update(Action::Open);
                    }
                }
            }
        }
        None
    }

    fn wheel(&mut self, col: u16, row: u16, by: isize) -> Option<Effect> {
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            *scroll = (*scroll as isize + by).max(0) as usize;
            return None;
        }
        if self.overlay.is_some() {
            return None;
        }
        let screen = &self.screen;
        let over = |l: Option<super::ListArea>| l.is_some_and(|l| contains(l.area, col, row));
        if over(screen.hits) {
            self.move_hits(by);
        } else if over(screen.neighbours) {
            self.row_sel = super::neighbours::step(&self.rows, self.row_sel, by);
        } else if screen.node.is_some_and(|a| contains(a, col, row)) {
            self.node_scroll = (self.node_scroll as isize + by).max(0) as usize;
        } else {
            let action = if by < 0 {
                Action::MoveUp
            } else {
                Action::MoveDown
            };
            if matches!(self.mode, Mode::Path | Mode::Graph) {
                for _ in 0..by.unsigned_abs().min(1) {
                    self.update(action);
                }
            }
        }
        None
    }
}

fn contains(a: ratatui::layout::Rect, col: u16, row: u16) -> bool {
    col >= a.x && col < a.right() && row >= a.y && row < a.bottom()
}
