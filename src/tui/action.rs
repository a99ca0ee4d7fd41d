//! The verbs of the explorer: what a key or the mouse asks for is one
//! [`Action`], and work that touches the outside world comes back from
//! `update` as an [`Effect`] for the event loop to carry out.

use std::path::PathBuf;

use crate::export::{Filter, Format};

/// Something the user asked for, after the key table or the mouse resolved it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the explorer.
    Quit,
    /// Stop for now, as Ctrl-Z does in a shell (`fg` comes back).
    Suspend,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Close the overlay (help, filter list, export prompt).
    CloseOverlay,
    /// Move the selection up one row.
    MoveUp,
    /// Move the selection down one row.
    MoveDown,
    /// Jump to the first row.
    Top,
    /// Jump to the last row.
    Bottom,
    /// Move up one page.
    PageUp,
    /// Move down one page.
    PageDown,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the selected node (hit, neighbour, path step or graph node).
    Open,
    /// Go back to the node before in the jump list.
    Back,
    /// Go forward again in the jump list.
    Forward,
    /// Start typing in the search box.
    FocusSearch,
    /// Leave the search box, keeping the query.
    LeaveSearch,
    /// Type a character.
    Insert(char),
    /// Delete the character before the cursor.
    DeleteChar,
    /// Clear what was typed.
    ClearInput,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete from the cursor to the end.
    KillToEnd,
    /// Move the cursor one character left.
    CursorLeft,
    /// Move the cursor one character right.
    CursorRight,
    /// Move the cursor to the start.
    CursorHome,
    /// Move the cursor to the end.
    CursorEnd,
    /// Move the cursor one word left.
    WordBack,
    /// Move the cursor one word right.
    WordForward,
    /// Filter the hits by kind (again to clear).
    FilterKind,
    /// Filter the neighbours by relation (again to clear).
    FilterRelation,
    /// Clear the kind and relation filters.
    ClearFilters,
    /// Path mode: the shortest path from the focused node to a target.
    PathMode,
    /// Pick another path target.
    EditTarget,
    /// The local-graph view of the focused node.
    GraphView,
    /// Leave path mode or the graph view.
    LeaveView,
    /// Show one more step of neighbourhood (up to 2).
    DepthMore,
    /// Show one step less of neighbourhood (down to 1).
    DepthLess,
    /// Export the neighbourhood on screen to a DOT file.
    Export,
    /// Accept the choice or the input.
    Confirm,
    /// Open the query prompt (`kind:algorithm accepts:csv ...`) in the search box.
    AskQuery,
    /// Complete the word at the cursor: a kind, a relation or a node.
    Complete,
    /// Mark the focused node to compare another with.
    Mark,
    /// Compare the marked node with the focused one, side by side.
    CompareView,
    /// The table of the selected neighbour's relation: one kind against another.
    MatrixView,
    /// The study screen: questions from the graph, due cards first.
    Study,
    /// The study progress screen: counts, retention, a forecast of reviews.
    Progress,
    /// Choose a study option by its number or letter (Space: the one under the cursor).
    Choose(char),
    /// Change the grade of the answer just given (1 again .. 4 easy).
    GradeAs(u8),
    /// Open the study card's subject in the explorer (Back returns).
    OpenSubject,
    /// Answer the study question with the options chosen.
    Answer,
    /// The next study card (from the summary: the cards due now).
    NextCard,
}

impl Action {
    /// What the action does, as the help overlay shows it.
    pub fn description(self) -> &'static str {
        use Action::*;
        match self {
            Quit => "quit",
            Suspend => "suspend (fg comes back)",
            ToggleHelp => "show or hide this help",
            CloseOverlay => "close this window",
            MoveUp => "move up",
            MoveDown => "move down",
            Top => "go to the top",
            Bottom => "go to the bottom",
            PageUp => "page up",
            PageDown => "page down",
            NextPane => "next pane",
            PrevPane => "previous pane",
            Open => "open the selected node",
            Back => "go back (jump list)",
            Forward => "go forward (jump list)",
            FocusSearch => "search",
            LeaveSearch => "leave the search box",
            Insert(_) => "type",
            DeleteChar => "delete a character",
            ClearInput => "clear the input",
            DeleteWord => "delete the word before the cursor",
            KillToEnd => "delete to the end",
            CursorLeft => "cursor left",
            CursorRight => "cursor right",
            CursorHome => "cursor to the start",
            CursorEnd => "cursor to the end",
            WordBack => "cursor one word left",
            WordForward => "cursor one word right",
            FilterKind => "filter hits by kind (again: clear)",
            FilterRelation => "filter neighbours by relation (again: clear)",
            ClearFilters => "clear the filters",
            PathMode => "path to another node",
            EditTarget => "pick another target",
            GraphView => "local-graph view",
            LeaveView => "back to the main screen",
            DepthMore => "depth 2",
            DepthLess => "depth 1",
            Export => "export the neighbourhood (format from the file name)",
            Confirm => "accept",
            AskQuery => "query: kind:K REL:NODE -TERM ...",
            Complete => "complete a kind, relation or node",
            Mark => "mark this node to compare",
            CompareView => "compare the marked node with this one",
            MatrixView => "table of the selected neighbour's relation",
            Study => "study: questions from the graph (resumes a paused session)",
            Progress => "study progress: due cards, retention, forecast",
            Choose(_) => "choose option 1-6 or a-f (Space: the one under the cursor)",
            GradeAs(1) => "grade Again: forgotten",
            GradeAs(2) => "grade Hard: remembered with effort",
            GradeAs(3) => "grade Good: remembered",
            GradeAs(_) => "grade Easy: remembered at once",
            OpenSubject => "open the card's subject in the explorer (Back returns)",
            Answer => "answer with the options chosen",
            NextCard => "next card (after the last: study what is due now)",
        }
    }

    /// Every action that a key can trigger, `Insert` standing for typing.
    pub const KEYED: [Action; 54] = [
        Action::Quit,
        Action::Suspend,
        Action::ToggleHelp,
        Action::CloseOverlay,
        Action::MoveUp,
        Action::MoveDown,
        Action::Top,
        Action::Bottom,
        Action::PageUp,
        Action::PageDown,
        Action::NextPane,
        Action::PrevPane,
        Action::Open,
        Action::Back,
        Action::Forward,
        Action::FocusSearch,
        Action::LeaveSearch,
        Action::Insert(' '),
        Action::DeleteChar,
        Action::ClearInput,
        Action::DeleteWord,
        Action::KillToEnd,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorHome,
        Action::CursorEnd,
        Action::WordBack,
        Action::WordForward,
        Action::FilterKind,
        Action::FilterRelation,
        Action::ClearFilters,
        Action::PathMode,
        Action::EditTarget,
        Action::GraphView,
        Action::LeaveView,
        Action::DepthMore,
        Action::DepthLess,
        Action::Export,
        Action::Confirm,
        Action::AskQuery,
        Action::Complete,
        Action::Mark,
        Action::CompareView,
        Action::MatrixView,
        Action::Study,
        Action::Progress,
        Action::Choose(' '),
        Action::GradeAs(1),
        Action::GradeAs(2),
        Action::GradeAs(3),
        Action::GradeAs(4),
        Action::OpenSubject,
        Action::Answer,
        Action::NextCard,
    ];
}

/// Work with the outside world that `update` asks the event loop to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write an export of part of the graph to a file, atomically.
    Export {
        /// Where to write.
        path: PathBuf,
        /// What to write.
        filter: Filter,
        /// In which format.
        format: Format,
        /// Whether an existing file may be replaced.
        overwrite: bool,
    },
    /// Restore the terminal and stop the process until it is continued.
    Suspend,
    /// Read the graph file again off the UI thread; the result comes back
    /// as `Event::Loaded` (or `Event::Unchanged`) with this generation.
    Load {
        /// Which load this is.
        generation: u64,
        /// What the load should have ready for the screen.
        wanted: crate::tui::app::Wanted,
    },
    /// Free a graph taken off the screen on a thread of its own.
    Retire(crate::tui::app::Retired),
    /// Draw the screen again: a clock tick changed what it shows (a
    /// message went). Every other event redraws anyway; a tick that changed
    /// nothing does not.
    Redraw,
    /// Read the cards due now from the study store; the deck comes back as
    /// `Event::StudyOpened`.
    StudyOpen,
    /// Record a study answer (or change its grade) in the store at once;
    /// the result comes back as `Event::StudyGraded`. Carried out even
    /// when the explorer is quitting, so no answer is lost.
    StudyGrade(Box<crate::study::session::Grading>),
    /// Read the study progress figures; they come back as `Event::ProgressLoaded`.
    StudyProgress,
}

impl Effect {
    /// Whether the effect must be carried out even on the way out (it saves
    /// something the user already did).
    pub fn keeps_work(&self) -> bool {
        matches!(self, Effect::StudyGrade(_))
    }
}
