//! What comes from outside the key table: the result of an export, the
//! mouse, pastes and ticks (the graph file's loads are in `loading`).

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent};

use super::{App, Overlay, Pane};
use crate::export::WriteError;
use crate::text::visible;
use crate::tui::action::{Action, Effect};
use crate::tui::event::{Mouse, MouseKind};
use crate::tui::input::MAX_INPUT_CHARS;
use crate::tui::keymap::Scope;
use crate::tui::screen::{Region, Target};
use crate::tui::views::Next;

impl App {
    /// Takes in the result of an export.
    pub(super) fn exported(&mut self, path: &Path, nodes: usize, result: Result<(), WriteError>) {
        match result {
            Ok(()) => self.say(format!(
                "exported {nodes} node{} to {}",
                if nodes == 1 { "" } else { "s" },
                visible(&path.display().to_string())
            )),
            Err(e) => self.complain(visible(&e.to_string()).into_owned()),
        }
    }

    /// An export found a file where it would write: ask before replacing it.
    pub(super) fn export_would_replace(&mut self, path: &Path) {
        let shown = path.display().to_string();
        self.overlay = Some(Overlay::Export {
            input: crate::tui::input::Input::new(&shown),
            overwrite: true,
        });
        self.complain(format!(
            "{} exists: Enter replaces it, Esc keeps it",
            visible(&shown)
        ));
    }

    /// A quarter second passed: messages age; the screen is drawn again
    /// only when one went.
    pub(super) fn tick(&mut self) {
        if let Some(v) = self.mode.view_mut() {
            v.tick();
        }
        if let Some(m) = &mut self.message {
            m.ticks = m.ticks.saturating_sub(1);
            if m.ticks == 0 {
                self.message = None;
                self.effect(Effect::Redraw);
            }
        }
    }

    /// Pasted text goes into the focused input as one insertion.
    pub(super) fn paste(&mut self, text: &str) {
        let dropped = match self.scope() {
            Scope::Search => {
                let dropped = self.main.query.insert_str(text);
                self.research();
                dropped
            }
            Scope::Prompt | Scope::Help => match &mut self.overlay {
                Some(Overlay::Export { input, overwrite }) => {
                    *overwrite = false;
                    input.insert_str(text)
                }
                Some(Overlay::Help { filter, .. }) => filter.insert_str(text),
                _ => 0,
            },
            _ if self.mode.view().is_some_and(|v| v.scope().types_text()) => {
                let mut dropped = 0;
                self.in_view(|v, app| {
                    dropped = v.paste(app, text);
                    Next::Stay
                });
                dropped
            }
            _ => {
                self.say("a paste goes into a text box: / opens the search box");
                return;
            }
        };
        if dropped > 0 {
            self.say(format!(
                "pasted text cut: a box holds {MAX_INPUT_CHARS} characters at most"
            ));
        }
    }

    /// A key that the table does not bind where the keys go now.
    pub(super) fn key_does_nothing(&mut self, key: KeyEvent) {
        if matches!(key.code, KeyCode::Modifier(_) | KeyCode::Null)
            || key.kind == crossterm::event::KeyEventKind::Release
        {
            return;
        }
        self.say(format!(
            "{} does nothing here; ? lists the keys",
            crate::tui::keymap::describe(key)
        ));
    }

    /// An action bound here that has nothing to act on.
    pub(crate) fn does_nothing_here(&mut self, action: Action) {
        self.say(format!("{}: nothing to do here", action.description()));
    }

    pub(super) fn mouse(&mut self, m: Mouse) {
        let open = m.kind == MouseKind::DoubleClick;
        let by = match m.kind {
            MouseKind::WheelUp => -3,
            MouseKind::WheelDown => 3,
            _ => 0,
        };
        if let Some(overlay) = &mut self.overlay {
            match (overlay, m.target) {
                (Overlay::Help { list, .. }, _) if by != 0 => list.scroll(by),
                (Overlay::Picker(p), Target::Row(Region::Picker, i)) if i < p.items.len() => {
                    p.list.select(i);
                    if open {
                        self.overlay_action(Action::Confirm);
                    }
                }
                _ => {}
            }
            return;
        }
        if self.mode.view().is_some() {
            self.in_view(|v, app| match m.target {
                Target::Row(Region::View, i) if by == 0 => v.pick(app, i, open),
                _ if by != 0 => v.update(app, wheel(by)),
                _ => Next::Stay,
            });
            return;
        }
        self.main_mouse(m.target, open, by);
    }

    fn main_mouse(&mut self, target: Target, open: bool, by: isize) {
        let m = &mut self.main;
        match target {
            Target::Row(Region::Hits, _) if by != 0 => m.hit_list.step(by, |_| true),
            Target::Row(Region::Neighbours, _) if by != 0 => {
                let rows = &m.rows;
                m.row_list.step(by, |i| rows[i].selectable());
            }
            Target::Row(Region::Node, _) | Target::Area(Region::Node) if by != 0 => {
                m.node_scroll.scroll(by)
            }
            Target::Row(Region::Hits, i) if i < m.hits.len() => {
                m.pane = Pane::Hits;
                m.hit_list.select(i);
                if open {
                    self.open_hit();
                }
            }
            Target::Row(Region::Neighbours, i) if m.rows.get(i).is_some_and(|r| r.selectable()) => {
                m.typing = false;
                m.pane = Pane::Neighbours;
                m.row_list.select(i);
                if open {
                    self.open_row();
                }
            }
            Target::Area(Region::SearchBox) => {
                m.typing = true;
                m.pane = Pane::Hits;
            }
            Target::Area(Region::Node) | Target::Row(Region::Node, _) => {
                m.typing = false;
                m.pane = Pane::Node;
            }
            _ => {}
        }
    }
}

fn wheel(by: isize) -> Action {
    if by < 0 {
        Action::MoveUp
    } else {
        Action::MoveDown
    }
}
