//! Windows over the screen that take the keys while open: the help, a
//! filter list, and the export prompt; their keys and how they are laid out.

use ratatui::layout::Rect;

use super::App;
use crate::tui::action::{Action, Effect};
use crate::tui::input::Input;
use crate::tui::keymap::Scope;
use crate::tui::list::List;
use crate::tui::widgets::popups;

/// What a filter list chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickWhat {
    /// A kind, to filter the hits.
    Kind,
    /// A relation, to filter the neighbours.
    Relation,
}

/// A list to choose a filter from.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// What is being chosen.
    pub what: PickWhat,
    /// The choices: id, label and how many nodes or edges it has.
    pub items: Vec<(String, String, usize)>,
    /// The selection.
    pub list: List,
}

/// A window over the screen that takes the keys while it is open.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// The keys, from the key table.
    Help {
        /// The scope it was opened from, listed first.
        first: Scope,
        /// Text that filters the rows.
        filter: Input,
        /// The scroll over its lines.
        list: List,
    },
    /// A filter list.
    Picker(Picker),
    /// The export prompt: the file to write.
    Export {
        /// The path typed so far.
        input: Input,
        /// Whether Enter may replace an existing file (asked once).
        overwrite: bool,
    },
}

impl Overlay {
    /// The help, opened from a scope.
    pub fn help(first: Scope) -> Overlay {
        Overlay::Help {
            first,
            filter: Input::default(),
            list: List::default(),
        }
    }

    /// Where keys go while it is open.
    pub fn scope(&self) -> Scope {
        match self {
            Overlay::Help { .. } => Scope::Help,
            Overlay::Picker(_) => Scope::Picker,
            Overlay::Export { .. } => Scope::Prompt,
        }
    }

    /// Lays it out on a screen of `area`.
    pub(super) fn fit(&mut self, area: Rect) {
        match self {
            Overlay::Help {
                first,
                filter,
                list,
            } => {
                let (inner, lines) = popups::help_layout(area, *first, filter.text());
                list.len = lines;
                list.fit_scroll(inner.height as usize);
            }
            Overlay::Picker(p) => {
                let inner = popups::picker_area(area, p);
                p.list.fit(inner.height as usize);
            }
            Overlay::Export { .. } => {}
        }
    }
}

impl App {
    pub(super) fn overlay_action(&mut self, action: Action) {
        let Some(overlay) = &mut self.overlay else {
            return;
        };
        match overlay {
            Overlay::Help { filter, list, .. } => match action {
                Action::Insert(c) => {
                    filter.insert(c);
                    list.offset = 0;
                }
                Action::DeleteChar => filter.delete_back(),
                Action::ClearInput => filter.clear(),
                Action::CloseOverlay => self.overlay = None,
                _ => {
                    list.apply_scroll(action);
                }
            },
            Overlay::Picker(p) => {
                if p.list.apply(action, |_| true) {
                    return;
                }
                match action {
                    Action::Confirm => {
                        let (what, choice) = (p.what, p.items.get(p.list.sel).cloned());
                        self.overlay = None;
                        if let Some((id, label, _)) = choice {
                            self.set_filter(what, id, &label);
                        }
                    }
                    Action::CloseOverlay => self.overlay = None,
                    _ => {}
                }
            }
            Overlay::Export { .. } => self.prompt_action(action),
        }
    }

    pub(super) fn open_kind_picker(&mut self) {
        let counts = self.graph.kind_counts();
        let items = self
            .graph
            .kinds
            .iter()
            .map(|(id, k)| {
                (
                    id.clone(),
                    k.label.clone(),
                    counts.get(id.as_str()).copied().unwrap_or(0),
                )
            })
            .collect();
        self.open_picker(PickWhat::Kind, items);
    }

    pub(super) fn open_rel_picker(&mut self) {
        let Some(focus) = self.focus else { return };
        let mut items: Vec<(String, String, usize)> = Vec::new();
        let mut at: std::collections::HashMap<String, usize> = Default::default();
        for g in self.graph.neighbour_groups(focus) {
            match at.get(&g.rel) {
                Some(&i) => items[i].2 += g.items.len(),
                None => {
                    at.insert(g.rel.clone(), items.len());
                    let label = self.graph.rel_label(&g.rel).to_string();
                    items.push((g.rel.clone(), label, g.items.len()));
                }
            }
        }
        if items.is_empty() {
            self.complain("this node has no neighbours to filter");
            return;
        }
        self.open_picker(PickWhat::Relation, items);
    }

    fn open_picker(&mut self, what: PickWhat, items: Vec<(String, String, usize)>) {
        let list = List::new(items.len());
        self.overlay = Some(Overlay::Picker(Picker { what, items, list }));
    }

    /// Applies a chosen filter.
    pub fn set_filter(&mut self, what: PickWhat, id: String, label: &str) {
        let label = crate::text::visible(label).into_owned();
        match what {
            PickWhat::Kind => {
                self.filters.kind = Some(id);
                self.research();
                self.say(format!("hits: only {label} (f or Esc clears)"));
            }
            PickWhat::Relation => {
                self.filters.rel = Some(id);
                self.rebuild_rows(0);
                self.refresh_view();
                let how = if self.mode.view().is_some() {
                    "r clears"
                } else {
                    "r or Esc clears"
                };
                self.say(format!("neighbours: only {label} ({how})"));
            }
        }
    }

    /// Lets the open view rebuild after the focus or the filters changed.
    pub(crate) fn refresh_view(&mut self) {
        self.in_view(|v, app| {
            v.refresh(app);
            crate::tui::views::Next::Stay
        });
    }

    /// Opens the export prompt with a default file name.
    pub(crate) fn ask_export_path(&mut self) {
        let Some(focus) = self.focus else {
            self.complain("nothing to export");
            return;
        };
        let input = Input::new(&format!("{}.dot", self.graph.node(focus).id));
        self.overlay = Some(Overlay::Export {
            input,
            overwrite: false,
        });
    }

    fn prompt_action(&mut self, action: Action) {
        let Some(Overlay::Export { input, overwrite }) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Insert(c) => {
                input.insert(c);
                *overwrite = false;
            }
            Action::DeleteChar => input.delete_back(),
            Action::DeleteWord => input.delete_word(),
            Action::ClearInput => input.clear(),
            Action::CursorLeft => input.left(),
            Action::CursorRight => input.right(),
            Action::CursorHome => input.home(),
            Action::CursorEnd => input.end(),
            Action::CloseOverlay => self.overlay = None,
            Action::Confirm => {
                let typed = input.text().trim().to_string();
                let overwrite = *overwrite;
                if typed.is_empty() {
                    self.complain("type a file name to export to");
                    return;
                }
                match crate::tui::export_target(&typed) {
                    Ok((path, format)) => {
                        self.overlay = None;
                        let filter = self.export_filter();
                        self.effect(Effect::Export {
                            path,
                            filter,
                            format,
                            overwrite,
                        });
                    }
                    Err(why) => self.complain(why),
                }
            }
            _ => {}
        }
    }

    /// The export of what is on screen: the focused node's neighbourhood at
    /// the current depth, following the relation filter; with a kind filter,
    /// only nodes of that kind and the focused node's.
    pub fn export_filter(&self) -> crate::export::Filter {
        let mut kinds: Vec<String> = self.filters.kind.iter().cloned().collect();
        if let (Some(f), false) = (self.focus, kinds.is_empty()) {
            let own = self.graph.node(f).kind.to_string();
            if !kinds.contains(&own) {
                kinds.push(own);
            }
        }
        crate::export::Filter {
            root: self.focus,
            depth: self.filters.depth,
            kinds,
            rels: self.filters.rel.iter().cloned().collect(),
        }
    }
}
