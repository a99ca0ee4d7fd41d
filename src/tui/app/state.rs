//! Small pieces of shared state: the panes of the main screen, the
//! filters every view follows, and status messages.

use crate::tui::event::TICK_MS;

/// The panes of the main screen, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The search box and the hits.
    Hits,
    /// The focused node.
    Node,
    /// Its neighbours.
    Neighbours,
}

/// The filters the main screen, the views and exports follow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filters {
    /// The kind the hits are filtered by.
    pub kind: Option<String>,
    /// The relation the neighbours are filtered by.
    pub rel: Option<String>,
    /// Neighbourhood depth of the graph view and exports (1 or 2).
    pub depth: usize,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            kind: None,
            rel: None,
            depth: 1,
        }
    }
}

/// How long a status message stays, in ticks.
pub const MESSAGE_TICKS: u32 = (6_000 / TICK_MS) as u32;

/// A status message, shown until the next one or until it times out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
    /// Ticks left before it goes.
    pub ticks: u32,
}

impl Message {
    /// A message that stays for [`MESSAGE_TICKS`].
    pub fn new(text: String, error: bool) -> Message {
        Message {
            text,
            error,
            ticks: MESSAGE_TICKS,
        }
    }
}
