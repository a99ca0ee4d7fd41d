//! Everything that can change the explorer's state, from every source,
//! as one [`Event`]: keys, the mouse (already resolved to what was under
//! it), pastes, resizes, clock ticks, the graph file changing, and the
//! results of work done off the UI thread.

use crossterm::event::KeyEvent;

use super::action::Action;
use super::app::Reload;
use super::screen::Target;
use crate::export::WriteError;
use crate::graph::LoadError;

/// How often the event loop ticks (message expiry counts ticks).
pub const TICK_MS: u64 = 250;

/// One thing that happened.
#[derive(Debug)]
pub enum Event {
    /// A key, to be read through the key table in the current scope.
    Key(KeyEvent),
    /// An action already resolved (tests, and the mouse).
    Action(Action),
    /// A mouse button or wheel over what the last frame drew there.
    Mouse(Mouse),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    /// A quarter second passed.
    Tick,
    /// The graph file on disk changed.
    FileChanged,
    /// A load started by [`super::Effect::Load`] finished.
    Loaded {
        /// Which load it was.
        generation: u64,
        /// The graph and its index, or why it does not load.
        result: Box<Result<Reload, LoadError>>,
    },
    /// The file changed on disk but its content did not.
    Unchanged {
        /// Which load it was.
        generation: u64,
    },
    /// An export finished.
    Exported {
        /// Where it was written.
        path: std::path::PathBuf,
        /// How many nodes it holds.
        nodes: usize,
        /// Whether it was written.
        result: Result<(), WriteError>,
    },
    /// An export was not written because a file is there: ask first.
    ExportWouldReplace {
        /// The file that would be replaced.
        path: std::path::PathBuf,
    },
    /// The process was continued after a stop: everything is drawn again.
    Continued,
    /// The cards due now were read (or why they could not be).
    StudyOpened(Box<Result<crate::study::session::Deck, String>>),
    /// A study answer was recorded (or why it was not).
    StudyGraded(Result<crate::study::session::Graded, String>),
    /// The study progress figures were read (or why they could not be).
    ProgressLoaded(Box<Result<crate::study::progress::Progress, String>>),
}

impl From<Action> for Event {
    fn from(action: Action) -> Event {
        Event::Action(action)
    }
}

/// What the mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// One click.
    Click,
    /// Two quick clicks on one cell.
    DoubleClick,
    /// The wheel turned up.
    WheelUp,
    /// The wheel turned down.
    WheelDown,
}

/// A mouse event over a part of the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// What the mouse did.
    pub kind: MouseKind,
    /// What was drawn under it.
    pub target: Target,
}
