//! The views that take the place of the main screen, one module each: its
//! state, its keys, its layout and its drawing (see `app.rs` for how a view
//! is added). Every view implements [`View`].

pub mod compare;
pub mod graph;
pub mod matrix;
pub mod path;
pub mod progress;
pub mod study;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::App;
use super::keymap::Scope;
use super::screen::ScreenMap;
use crate::graph::NodeIndex;

/// What a view wants after handling something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Stay open.
    Stay,
    /// Close, back to the main screen.
    Leave,
    /// Close, back to the main screen, keeping the message it left.
    Away,
}

/// A view over the whole body of the screen, owning its state.
pub trait View: std::fmt::Debug {
    /// Where its keys are in the key table.
    fn scope(&self) -> Scope;

    /// Handles an action of its scope; may change the shared state in `app`.
    fn update(&mut self, app: &mut App, action: Action) -> Next;

    /// Lays its lists out for a body of `area`, keeping selections in view.
    fn fit(&mut self, app: &App, area: Rect);

    /// Draws it over `area`, recording what the mouse can point at. Pure.
    fn render(&self, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap);

    /// The keys worth showing in the status line, with what they do.
    fn hints(&self) -> &'static [(Action, &'static str)];

    /// A click on row `row` of its list (`open`: a double click).
    fn pick(&mut self, app: &mut App, row: usize, open: bool) -> Next;

    /// Rebuilds after the focus or the filters changed.
    fn refresh(&mut self, _app: &App) {}

    /// A quarter second passed.
    fn tick(&mut self) {}

    /// Runs the work a burst of typing left pending.
    fn settle(&mut self, _app: &App) {}

    /// Takes in pasted text; returns how many characters did not fit.
    fn paste(&mut self, _app: &mut App, _text: &str) -> usize {
        0
    }

    /// Follows the graph read again; `map` gives a node's new index.
    fn reloaded(&mut self, app: &App, map: &dyn Fn(NodeIndex) -> Option<NodeIndex>);
}

/// Whether an action moves in a list.
pub fn is_move(action: Action) -> bool {
    matches!(
        action,
        Action::MoveUp
            | Action::MoveDown
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
    )
}
