//! Path mode, the local-graph view, the filter lists, the export prompt
//! and the help overlay's scrolling.

use super::{App, Mode, Overlay, Pane, PathState, PickWhat, Picker};
use crate::tui::action::{Action, Effect};

impl App {
    pub(super) fn enter_path_mode(&mut self) {
        let Some(from) = self.focus else {
            self.complain("no node to start a path from");
            return;
        };
        self.mode = Mode::Path;
        self.path = PathState {
            picking: true,
            from: Some(from),
            ..PathState::default()
        };
        self.research_path();
    }

    fn research_path(&mut self) {
        self.path.hits = self
            .index
            .search(&self.graph, &self.path.query, &[], super::MAX_HITS);
        self.path.hit_sel = 0;
    }

    /// The nodes along the path found, start first.
    pub fn path_nodes(&self) -> Vec<petgraph::graph::NodeIndex> {
        match (&self.path.from, &self.path.steps) {
            (Some(from), Some(steps)) => std::iter::once(*from)
                .chain(steps.iter().map(|l| l.node))
                .collect(),
            _ => Vec::new(),
        }
    }

    pub(super) fn path_action(&mut self, action: Action) {
        if self.path.picking {
            self.path_pick_action(action);
            return;
        }
        let last = self.path_nodes().len().saturating_sub(1);
        match action {
            Action::MoveDown => self.path.step_sel = (self.path.step_sel + 1).min(last),
            Action::MoveUp => self.path.step_sel = self.path.step_sel.saturating_sub(1),
            Action::Top => self.path.step_sel = 0,
            Action::Bottom => self.path.step_sel = last,
            Action::Open => {
                if let Some(&ix) = self.path_nodes().get(self.path.step_sel) {
                    self.open(ix);
                    self.mode = Mode::Browse;
                    self.pane = Pane::Neighbours;
                }
            }
            Action::EditTarget => self.path.picking = true,
            Action::LeaveView => self.mode = Mode::Browse,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
    }

    fn path_pick_action(&mut self, action: Action) {
        match action {
            Action::Insert(c) => {
                self.path.query.push(c);
                self.research_path();
            }
            Action::DeleteChar => {
                self.path.query.pop();
                self.research_path();
            }
            Action::ClearInput => {
                self.path.query.clear();
                self.research_path();
            }
            Action::MoveDown => {
                let last = self.path.hits.len().saturating_sub(1);
                self.path.hit_sel = (self.path.hit_sel + 1).min(last);
            }
            Action::MoveUp => self.path.hit_sel = self.path.hit_sel.saturating_sub(1),
            Action::Confirm => self.find_path(),
            Action::LeaveView => self.mode = Mode::Browse,
            _ => {}
        }
    }

    /// Finds the shortest path from the start to the selected hit.
    fn find_path(&mut self) {
        let (Some(from), Some(to)) = (self.path.from, self.path.hits.get(self.path.hit_sel)) else {
            self.complain("no target selected");
            return;
        };
        let to = to.node;
        self.path.target = Some(to);
        self.path.steps = self.graph.shortest_path(from, to, &[]);
        self.path.picking = false;
        self.path.step_sel = 0;
        match &self.path.steps {
            Some(steps) => {
                let n = steps.len();
                self.say(format!("{n} step{}", if n == 1 { "" } else { "s" }));
            }
            None => self.complain(format!(
                "no path from {} to {}",
                crate::text::visible(self.label(from)),
                crate::text::visible(self.label(to))
            )),
        }
    }

    pub(super) fn enter_graph_view(&mut self) {
        if self.focus.is_none() {
            self.complain("no node to draw");
            return;
        }
        self.mode = Mode::Graph;
        self.graph_sel = 0;
        self.rebuild_graph_nodes();
    }

    pub(super) fn graph_action(&mut self, action: Action) -> Option<Effect> {
        let n = self.graph_nodes.len().max(1);
        match action {
            Action::MoveDown => self.graph_sel = (self.graph_sel + 1) % n,
            Action::MoveUp => self.graph_sel = (self.graph_sel + n - 1) % n,
            Action::Top => self.graph_sel = 0,
            Action::Open => {
                if let Some(&(ix, ..)) = self.graph_nodes.get(self.graph_sel) {
                    self.open(ix);
                }
            }
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::DepthMore | Action::DepthLess => {
                self.depth = if action == Action::DepthMore { 2 } else { 1 };
                self.graph_sel = 0;
                self.rebuild_graph_nodes();
                self.say(format!("depth {}", self.depth));
            }
            Action::FilterRelation => self.toggle_rel_filter(),
            Action::Export => self.ask_export_path(),
            Action::LeaveView => self.mode = Mode::Browse,
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
        None
    }

    pub(super) fn open_kind_picker(&mut self) {
        let items = self
            .graph
            .kinds
            .iter()
            .map(|(id, k)| {
                let n = self
                    .graph
                    .g
                    .node_weights()
                    .filter(|n| n.kind == *id)
                    .count();
                (id.clone(), k.label.clone(), n)
            })
            .collect();
        self.overlay = Some(Overlay::Picker(Picker {
            what: PickWhat::Kind,
            items,
            selected: 0,
        }));
    }

    pub(super) fn open_rel_picker(&mut self) {
        let Some(focus) = self.focus else { return };
        let mut items: Vec<(String, String, usize)> = Vec::new();
        for g in self.graph.neighbour_groups(focus) {
            match items.iter_mut().find(|(id, ..)| *id == g.rel) {
                Some(item) => item.2 += g.items.len(),
                None => items.push((
                    g.rel.clone(),
                    self.graph.rel_label(&g.rel).to_string(),
                    g.items.len(),
                )),
            }
        }
        if items.is_empty() {
            self.complain("this node has no neighbours to filter");
            return;
        }
        self.overlay = Some(Overlay::Picker(Picker {
            what: PickWhat::Relation,
            items,
            selected: 0,
        }));
    }

    pub(super) fn picker_action(&mut self, action: Action) {
        let Some(Overlay::Picker(p)) = &mut self.overlay else {
            return;
        };
        let last = p.items.len().saturating_sub(1);
        match action {
            Action::MoveDown => p.selected = (p.selected + 1).min(last),
            Action::MoveUp => p.selected = p.selected.saturating_sub(1),
            Action::Top => p.selected = 0,
            Action::Bottom => p.selected = last,
            Action::Confirm => {
                let (what, choice) = (p.what, p.items.get(p.selected).cloned());
                self.overlay = None;
                if let Some((id, label, _)) = choice {
                    self.set_filter(what, id, &label);
                }
            }
            Action::CloseOverlay => self.overlay = None,
            _ => {}
        }
    }

    /// Applies a chosen filter.
    pub fn set_filter(&mut self, what: PickWhat, id: String, label: &str) {
        match what {
            PickWhat::Kind => {
                self.kind_filter = Some(id);
                self.research();
                self.say(format!(
                    "hits: only {} (f or Esc clears)",
                    crate::text::visible(label)
                ));
            }
            PickWhat::Relation => {
                self.rel_filter = Some(id);
                self.rebuild_rows(0);
                self.rebuild_graph_nodes();
                self.say(format!(
                    "neighbours: only {} (r or Esc clears)",
                    crate::text::visible(label)
                ));
            }
        }
    }

    pub(super) fn ask_export_path(&mut self) {
        let Some(focus) = self.focus else {
            self.complain("nothing to export");
            return;
        };
        let input = format!("{}.dot", self.graph.node(focus).id);
        self.overlay = Some(Overlay::Export { input });
    }

    pub(super) fn prompt_action(&mut self, action: Action) -> Option<Effect> {
        let Some(Overlay::Export { input }) = &mut self.overlay else {
            return None;
        };
        match action {
            Action::Insert(c) => input.push(c),
            Action::DeleteChar => {
                input.pop();
            }
            Action::ClearInput => input.clear(),
            Action::CloseOverlay => self.overlay = None,
            Action::Confirm => {
                let path = input.trim().to_string();
                if path.is_empty() {
                    self.complain("type a file name to export to");
                    return None;
                }
                self.overlay = None;
                return Some(Effect::Export {
                    path: path.into(),
                    filter: self.export_filter(),
                });
            }
            _ => {}
        }
        None
    }

    pub(super) fn help_action(&mut self, action: Action) {
        let Some(Overlay::Help { scroll }) = &mut self.overlay else {
            return;
        };
        let page = self.screen.page.max(1);
        match action {
            Action::MoveDown => *scroll += 1,
            Action::MoveUp => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll += page,
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = usize::MAX / 2,
            Action::CloseOverlay | Action::ToggleHelp => self.overlay = None,
            _ => {}
        }
    }
}
