//! The one key table: which key does what in which [`Scope`]. Key handling
//! and the help overlay both read it, so no key can go undocumented.
//!
//! `Tab` and `Ctrl-i` are the same byte in most terminals. `Tab` cycles
//! panes; the jump list goes forward with `Ctrl-i` where the terminal tells
//! them apart (the explorer asks for that when the terminal supports it) and
//! with `L` everywhere (as `H`/`L` walk the history in vimium and qutebrowser).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;

/// Where keys go: the main screen, a text input, a view or an overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// The three panes.
    Browse,
    /// Typing in the search box.
    Search,
    /// Typing a query (the search box starting with `:`).
    Query,
    /// Path mode, typing the target.
    PathPick,
    /// Path mode, walking the path found.
    PathSteps,
    /// The local-graph view.
    Graph,
    /// Two nodes side by side.
    Compare,
    /// One kind against another by a relation.
    Matrix,
    /// Study: a question waiting for an answer.
    StudyQuestion,
    /// Study: the answer checked, the grade shown.
    StudyFeedback,
    /// Study: the session's summary.
    StudySummary,
    /// The study progress screen.
    Progress,
    /// A list to pick a kind or relation filter from.
    Picker,
    /// The export prompt.
    Prompt,
    /// The help overlay.
    Help,
}

impl Scope {
    /// Every scope, in the order the help overlay lists them.
    pub const ALL: [Scope; 15] = [
        Scope::Browse,
        Scope::Search,
        Scope::Query,
        Scope::PathPick,
        Scope::PathSteps,
        Scope::Graph,
        Scope::Compare,
        Scope::Matrix,
        Scope::StudyQuestion,
        Scope::StudyFeedback,
        Scope::StudySummary,
        Scope::Progress,
        Scope::Picker,
        Scope::Prompt,
        Scope::Help,
    ];

    /// The heading of the scope in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Browse => "Main screen",
            Scope::Search => "Search box",
            Scope::Query => "Query prompt",
            Scope::PathPick => "Path mode: choosing the target",
            Scope::PathSteps => "Path mode: the path",
            Scope::Graph => "Local-graph view",
            Scope::Compare => "Compare view",
            Scope::Matrix => "Table view",
            Scope::StudyQuestion => "Study: the question",
            Scope::StudyFeedback => "Study: the answer and its grade",
            Scope::StudySummary => "Study: the session's summary",
            Scope::Progress => "Study progress",
            Scope::Picker => "Filter list",
            Scope::Prompt => "Export prompt",
            Scope::Help => "This help",
        }
    }

    /// Whether printable characters are typed as text here.
    pub fn types_text(self) -> bool {
        matches!(
            self,
            Scope::Search | Scope::Query | Scope::PathPick | Scope::Prompt | Scope::Help
        )
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character, shift included (`G`, `?`).
    Char(char),
    /// A letter with Control.
    Ctrl(char),
    /// A letter with Alt.
    Alt(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Any printable character not bound otherwise (typed as text).
    AnyChar,
    /// An option's number or letter (study questions).
    OptionKey,
}

impl Key {
    /// The key of a terminal key event, if the table can name it.
    pub fn from_event(ev: KeyEvent) -> Option<Key> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
        Some(match ev.code {
            KeyCode::Char(c) if ctrl && !alt => Key::Ctrl(c.to_ascii_lowercase()),
            KeyCode::Char(c) if alt && !ctrl => Key::Alt(c),
            KeyCode::Char(c) if !alt => Key::Char(c),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab if shift => Key::BackTab,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            _ => return None,
        })
    }

    /// How the help overlay writes the key.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Alt(c) => format!("Alt-{c}"),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::AnyChar => "text".into(),
            Key::OptionKey => "1-6/a-f".into(),
        }
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Where the key works.
    pub scope: Scope,
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
}

const fn b(scope: Scope, key: Key, action: Action) -> Binding {
    Binding { scope, key, action }
}

use Action as A;
use Key as K;
use Scope as S;

/// The key table.
pub const TABLE: &[Binding] = &[
    // The main screen.
    b(S::Browse, K::Char('/'), A::FocusSearch),
    b(S::Browse, K::Char('j'), A::MoveDown),
    b(S::Browse, K::Down, A::MoveDown),
    b(S::Browse, K::Char('k'), A::MoveUp),
    b(S::Browse, K::Up, A::MoveUp),
    b(S::Browse, K::Char('g'), A::Top),
    b(S::Browse, K::Home, A::Top),
    b(S::Browse, K::Char('G'), A::Bottom),
    b(S::Browse, K::End, A::Bottom),
    b(S::Browse, K::PageUp, A::PageUp),
    b(S::Browse, K::PageDown, A::PageDown),
    b(S::Browse, K::Tab, A::NextPane),
    b(S::Browse, K::Right, A::NextPane),
    b(S::Browse, K::BackTab, A::PrevPane),
    b(S::Browse, K::Left, A::PrevPane),
    b(S::Browse, K::Enter, A::Open),
    b(S::Browse, K::Char('l'), A::Open),
    b(S::Browse, K::Backspace, A::Back),
    b(S::Browse, K::Char('h'), A::Back),
    b(S::Browse, K::Ctrl('o'), A::Back),
    b(S::Browse, K::Char('H'), A::Back),
    b(S::Browse, K::Ctrl('i'), A::Forward),
    b(S::Browse, K::Char('L'), A::Forward),
    b(S::Browse, K::Char('f'), A::FilterKind),
    b(S::Browse, K::Char('r'), A::FilterRelation),
    b(S::Browse, K::Esc, A::ClearFilters),
    b(S::Browse, K::Char('p'), A::PathMode),
    b(S::Browse, K::Char('v'), A::GraphView),
    b(S::Browse, K::Char('e'), A::Export),
    b(S::Browse, K::Char(':'), A::AskQuery),
    b(S::Browse, K::Char('m'), A::Mark),
    b(S::Browse, K::Char('c'), A::CompareView),
    b(S::Browse, K::Char('t'), A::MatrixView),
    b(S::Browse, K::Char('s'), A::Study),
    b(S::Browse, K::Char('S'), A::Progress),
    b(S::Browse, K::Char('?'), A::ToggleHelp),
    b(S::Browse, K::Char('q'), A::Quit),
    b(S::Browse, K::Ctrl('c'), A::Quit),
    b(S::Browse, K::Ctrl('z'), A::Suspend),
    // Typing a search.
    b(S::Search, K::AnyChar, A::Insert(' ')),
    b(S::Search, K::Backspace, A::DeleteChar),
    b(S::Search, K::Ctrl('u'), A::ClearInput),
    b(S::Search, K::Left, A::CursorLeft),
    b(S::Search, K::Right, A::CursorRight),
    b(S::Search, K::Home, A::CursorHome),
    b(S::Search, K::Ctrl('a'), A::CursorHome),
    b(S::Search, K::End, A::CursorEnd),
    b(S::Search, K::Ctrl('e'), A::CursorEnd),
    b(S::Search, K::Alt('b'), A::WordBack),
    b(S::Search, K::Alt('f'), A::WordForward),
    b(S::Search, K::Ctrl('w'), A::DeleteWord),
    b(S::Search, K::Ctrl('k'), A::KillToEnd),
    b(S::Search, K::Down, A::MoveDown),
    b(S::Search, K::Ctrl('n'), A::MoveDown),
    b(S::Search, K::Up, A::MoveUp),
    b(S::Search, K::Ctrl('p'), A::MoveUp),
    b(S::Search, K::PageUp, A::PageUp),
    b(S::Search, K::PageDown, A::PageDown),
    b(S::Search, K::Enter, A::Open),
    b(S::Search, K::Esc, A::LeaveSearch),
    b(S::Search, K::Tab, A::NextPane),
    b(S::Search, K::BackTab, A::PrevPane),
    b(S::Search, K::Ctrl('c'), A::Quit),
    b(S::Search, K::Ctrl('z'), A::Suspend),
    // Typing a query.
    b(S::Query, K::AnyChar, A::Insert(' ')),
    b(S::Query, K::Backspace, A::DeleteChar),
    b(S::Query, K::Ctrl('u'), A::ClearInput),
    b(S::Query, K::Left, A::CursorLeft),
    b(S::Query, K::Right, A::CursorRight),
    b(S::Query, K::Home, A::CursorHome),
    b(S::Query, K::Ctrl('a'), A::CursorHome),
    b(S::Query, K::End, A::CursorEnd),
    b(S::Query, K::Ctrl('e'), A::CursorEnd),
    b(S::Query, K::Alt('b'), A::WordBack),
    b(S::Query, K::Alt('f'), A::WordForward),
    b(S::Query, K::Ctrl('w'), A::DeleteWord),
    b(S::Query, K::Ctrl('k'), A::KillToEnd),
    b(S::Query, K::Tab, A::Complete),
    b(S::Query, K::Down, A::MoveDown),
    b(S::Query, K::Ctrl('n'), A::MoveDown),
    b(S::Query, K::Up, A::MoveUp),
    b(S::Query, K::Ctrl('p'), A::MoveUp),
    b(S::Query, K::PageUp, A::PageUp),
    b(S::Query, K::PageDown, A::PageDown),
    b(S::Query, K::Enter, A::Open),
    b(S::Query, K::Esc, A::LeaveSearch),
    b(S::Query, K::BackTab, A::PrevPane),
    b(S::Query, K::Ctrl('c'), A::Quit),
    b(S::Query, K::Ctrl('z'), A::Suspend),
    // Path mode, choosing the target.
    b(S::PathPick, K::AnyChar, A::Insert(' ')),
    b(S::PathPick, K::Backspace, A::DeleteChar),
    b(S::PathPick, K::Ctrl('u'), A::ClearInput),
    b(S::PathPick, K::Left, A::CursorLeft),
    b(S::PathPick, K::Right, A::CursorRight),
    b(S::PathPick, K::Home, A::CursorHome),
    b(S::PathPick, K::Ctrl('a'), A::CursorHome),
    b(S::PathPick, K::End, A::CursorEnd),
    b(S::PathPick, K::Ctrl('e'), A::CursorEnd),
    b(S::PathPick, K::Alt('b'), A::WordBack),
    b(S::PathPick, K::Alt('f'), A::WordForward),
    b(S::PathPick, K::Ctrl('w'), A::DeleteWord),
    b(S::PathPick, K::Ctrl('k'), A::KillToEnd),
    b(S::PathPick, K::PageUp, A::PageUp),
    b(S::PathPick, K::PageDown, A::PageDown),
    b(S::PathPick, K::Down, A::MoveDown),
    b(S::PathPick, K::Ctrl('n'), A::MoveDown),
    b(S::PathPick, K::Up, A::MoveUp),
    b(S::PathPick, K::Ctrl('p'), A::MoveUp),
    b(S::PathPick, K::Enter, A::Confirm),
    b(S::PathPick, K::Esc, A::LeaveView),
    b(S::PathPick, K::Ctrl('c'), A::Quit),
    b(S::PathPick, K::Ctrl('z'), A::Suspend),
    // Path mode, the path.
    b(S::PathSteps, K::Char('j'), A::MoveDown),
    b(S::PathSteps, K::Down, A::MoveDown),
    b(S::PathSteps, K::Char('k'), A::MoveUp),
    b(S::PathSteps, K::Up, A::MoveUp),
    b(S::PathSteps, K::Char('g'), A::Top),
    b(S::PathSteps, K::Char('G'), A::Bottom),
    b(S::PathSteps, K::Home, A::Top),
    b(S::PathSteps, K::End, A::Bottom),
    b(S::PathSteps, K::PageUp, A::PageUp),
    b(S::PathSteps, K::PageDown, A::PageDown),
    b(S::PathSteps, K::Enter, A::Open),
    b(S::PathSteps, K::Char('l'), A::Open),
    b(S::PathSteps, K::Char('/'), A::EditTarget),
    b(S::PathSteps, K::Esc, A::LeaveView),
    b(S::PathSteps, K::Char('p'), A::LeaveView),
    b(S::PathSteps, K::Char('?'), A::ToggleHelp),
    b(S::PathSteps, K::Char('q'), A::Quit),
    b(S::PathSteps, K::Ctrl('c'), A::Quit),
    b(S::PathSteps, K::Ctrl('z'), A::Suspend),
    // The local-graph view.
    b(S::Graph, K::Char('j'), A::MoveDown),
    b(S::Graph, K::Down, A::MoveDown),
    b(S::Graph, K::Tab, A::MoveDown),
    b(S::Graph, K::Char('k'), A::MoveUp),
    b(S::Graph, K::Up, A::MoveUp),
    b(S::Graph, K::BackTab, A::MoveUp),
    b(S::Graph, K::Char('g'), A::Top),
    b(S::Graph, K::Home, A::Top),
    b(S::Graph, K::Char('G'), A::Bottom),
    b(S::Graph, K::End, A::Bottom),
    b(S::Graph, K::PageUp, A::PageUp),
    b(S::Graph, K::PageDown, A::PageDown),
    b(S::Graph, K::Enter, A::Open),
    b(S::Graph, K::Char('l'), A::Open),
    b(S::Graph, K::Backspace, A::Back),
    b(S::Graph, K::Char('h'), A::Back),
    b(S::Graph, K::Ctrl('o'), A::Back),
    b(S::Graph, K::Char('H'), A::Back),
    b(S::Graph, K::Ctrl('i'), A::Forward),
    b(S::Graph, K::Char('L'), A::Forward),
    b(S::Graph, K::Char('+'), A::DepthMore),
    b(S::Graph, K::Char('='), A::DepthMore),
    b(S::Graph, K::Char('-'), A::DepthLess),
    b(S::Graph, K::Char('r'), A::FilterRelation),
    b(S::Graph, K::Char('e'), A::Export),
    b(S::Graph, K::Esc, A::LeaveView),
    b(S::Graph, K::Char('v'), A::LeaveView),
    b(S::Graph, K::Char('?'), A::ToggleHelp),
    b(S::Graph, K::Char('q'), A::Quit),
    b(S::Graph, K::Ctrl('c'), A::Quit),
    b(S::Graph, K::Ctrl('z'), A::Suspend),
    // Two nodes side by side.
    b(S::Compare, K::Char('j'), A::MoveDown),
    b(S::Compare, K::Down, A::MoveDown),
    b(S::Compare, K::Char('k'), A::MoveUp),
    b(S::Compare, K::Up, A::MoveUp),
    b(S::Compare, K::Char('g'), A::Top),
    b(S::Compare, K::Home, A::Top),
    b(S::Compare, K::Char('G'), A::Bottom),
    b(S::Compare, K::End, A::Bottom),
    b(S::Compare, K::PageUp, A::PageUp),
    b(S::Compare, K::PageDown, A::PageDown),
    b(S::Compare, K::Enter, A::Open),
    b(S::Compare, K::Char('l'), A::Open),
    b(S::Compare, K::Esc, A::LeaveView),
    b(S::Compare, K::Char('c'), A::LeaveView),
    b(S::Compare, K::Char('?'), A::ToggleHelp),
    b(S::Compare, K::Char('q'), A::Quit),
    b(S::Compare, K::Ctrl('c'), A::Quit),
    b(S::Compare, K::Ctrl('z'), A::Suspend),
    // The table view.
    b(S::Matrix, K::Char('j'), A::MoveDown),
    b(S::Matrix, K::Down, A::MoveDown),
    b(S::Matrix, K::Char('k'), A::MoveUp),
    b(S::Matrix, K::Up, A::MoveUp),
    b(S::Matrix, K::Char('h'), A::CursorLeft),
    b(S::Matrix, K::Left, A::CursorLeft),
    b(S::Matrix, K::Char('l'), A::CursorRight),
    b(S::Matrix, K::Right, A::CursorRight),
    b(S::Matrix, K::Char('g'), A::Top),
    b(S::Matrix, K::Home, A::Top),
    b(S::Matrix, K::Char('G'), A::Bottom),
    b(S::Matrix, K::End, A::Bottom),
    b(S::Matrix, K::PageUp, A::PageUp),
    b(S::Matrix, K::PageDown, A::PageDown),
    b(S::Matrix, K::Enter, A::Open),
    b(S::Matrix, K::Esc, A::LeaveView),
    b(S::Matrix, K::Char('t'), A::LeaveView),
    b(S::Matrix, K::Char('?'), A::ToggleHelp),
    b(S::Matrix, K::Char('q'), A::Quit),
    b(S::Matrix, K::Ctrl('c'), A::Quit),
    b(S::Matrix, K::Ctrl('z'), A::Suspend),
    // Study: the question (any other character chooses an option).
    b(S::StudyQuestion, K::OptionKey, A::Choose(' ')),
    b(S::StudyQuestion, K::Char(' '), A::Choose(' ')),
    b(S::StudyQuestion, K::Char('j'), A::MoveDown),
    b(S::StudyQuestion, K::Down, A::MoveDown),
    b(S::StudyQuestion, K::Char('k'), A::MoveUp),
    b(S::StudyQuestion, K::Up, A::MoveUp),
    b(S::StudyQuestion, K::Enter, A::Answer),
    b(S::StudyQuestion, K::Char('S'), A::Progress),
    b(S::StudyQuestion, K::Esc, A::LeaveView),
    b(S::StudyQuestion, K::Char('?'), A::ToggleHelp),
    b(S::StudyQuestion, K::Char('q'), A::Quit),
    b(S::StudyQuestion, K::Ctrl('c'), A::Quit),
    b(S::StudyQuestion, K::Ctrl('z'), A::Suspend),
    // Study: the answer and its grade.
    b(S::StudyFeedback, K::Enter, A::NextCard),
    b(S::StudyFeedback, K::Char(' '), A::NextCard),
    b(S::StudyFeedback, K::Char('n'), A::NextCard),
    b(S::StudyFeedback, K::Char('1'), A::GradeAs(1)),
    b(S::StudyFeedback, K::Char('2'), A::GradeAs(2)),
    b(S::StudyFeedback, K::Char('3'), A::GradeAs(3)),
    b(S::StudyFeedback, K::Char('4'), A::GradeAs(4)),
    b(S::StudyFeedback, K::Char('o'), A::OpenSubject),
    b(S::StudyFeedback, K::Char('j'), A::MoveDown),
    b(S::StudyFeedback, K::Down, A::MoveDown),
    b(S::StudyFeedback, K::Char('k'), A::MoveUp),
    b(S::StudyFeedback, K::Up, A::MoveUp),
    b(S::StudyFeedback, K::Char('S'), A::Progress),
    b(S::StudyFeedback, K::Esc, A::LeaveView),
    b(S::StudyFeedback, K::Char('?'), A::ToggleHelp),
    b(S::StudyFeedback, K::Char('q'), A::Quit),
    b(S::StudyFeedback, K::Ctrl('c'), A::Quit),
    b(S::StudyFeedback, K::Ctrl('z'), A::Suspend),
    // Study: the summary.
    b(S::StudySummary, K::Enter, A::NextCard),
    b(S::StudySummary, K::Char('S'), A::Progress),
    b(S::StudySummary, K::Esc, A::LeaveView),
    b(S::StudySummary, K::Char('s'), A::LeaveView),
    b(S::StudySummary, K::Char('?'), A::ToggleHelp),
    b(S::StudySummary, K::Char('q'), A::Quit),
    b(S::StudySummary, K::Ctrl('c'), A::Quit),
    b(S::StudySummary, K::Ctrl('z'), A::Suspend),
    // The progress screen.
    b(S::Progress, K::Char('s'), A::Study),
    b(S::Progress, K::Esc, A::LeaveView),
    b(S::Progress, K::Char('S'), A::LeaveView),
    b(S::Progress, K::Char('?'), A::ToggleHelp),
    b(S::Progress, K::Char('q'), A::Quit),
    b(S::Progress, K::Ctrl('c'), A::Quit),
    b(S::Progress, K::Ctrl('z'), A::Suspend),
    // A filter list.
    b(S::Picker, K::Char('j'), A::MoveDown),
    b(S::Picker, K::Down, A::MoveDown),
    b(S::Picker, K::Char('k'), A::MoveUp),
    b(S::Picker, K::Up, A::MoveUp),
    b(S::Picker, K::Char('g'), A::Top),
    b(S::Picker, K::Char('G'), A::Bottom),
    b(S::Picker, K::Home, A::Top),
    b(S::Picker, K::End, A::Bottom),
    b(S::Picker, K::PageUp, A::PageUp),
    b(S::Picker, K::PageDown, A::PageDown),
    b(S::Picker, K::Enter, A::Confirm),
    b(S::Picker, K::Char('l'), A::Confirm),
    b(S::Picker, K::Esc, A::CloseOverlay),
    b(S::Picker, K::Char('q'), A::CloseOverlay),
    b(S::Picker, K::Ctrl('c'), A::Quit),
    b(S::Picker, K::Ctrl('z'), A::Suspend),
    // The export prompt.
    b(S::Prompt, K::AnyChar, A::Insert(' ')),
    b(S::Prompt, K::Backspace, A::DeleteChar),
    b(S::Prompt, K::Ctrl('u'), A::ClearInput),
    b(S::Prompt, K::Ctrl('w'), A::DeleteWord),
    b(S::Prompt, K::Left, A::CursorLeft),
    b(S::Prompt, K::Right, A::CursorRight),
    b(S::Prompt, K::Home, A::CursorHome),
    b(S::Prompt, K::Ctrl('a'), A::CursorHome),
    b(S::Prompt, K::End, A::CursorEnd),
    b(S::Prompt, K::Ctrl('e'), A::CursorEnd),
    b(S::Prompt, K::Enter, A::Confirm),
    b(S::Prompt, K::Esc, A::CloseOverlay),
    b(S::Prompt, K::Ctrl('c'), A::Quit),
    b(S::Prompt, K::Ctrl('z'), A::Suspend),
    // The help overlay: typing filters it.
    b(S::Help, K::AnyChar, A::Insert(' ')),
    b(S::Help, K::Backspace, A::DeleteChar),
    b(S::Help, K::Ctrl('u'), A::ClearInput),
    b(S::Help, K::Down, A::MoveDown),
    b(S::Help, K::Up, A::MoveUp),
    b(S::Help, K::PageDown, A::PageDown),
    b(S::Help, K::PageUp, A::PageUp),
    b(S::Help, K::Home, A::Top),
    b(S::Help, K::End, A::Bottom),
    b(S::Help, K::Esc, A::CloseOverlay),
    b(S::Help, K::Ctrl('c'), A::Quit),
    b(S::Help, K::Ctrl('z'), A::Suspend),
];

/// The action of a key in a scope: its row in the table, else typing for a
/// printable character where the scope takes text.
pub fn lookup(scope: Scope, key: Key) -> Option<Action> {
    if let Some(row) = TABLE.iter().find(|r| r.scope == scope && r.key == key) {
        return Some(row.action);
    }
    match key {
        Key::Char(c) if scope.types_text() => Some(Action::Insert(c)),
        Key::Char(c) if scope == Scope::StudyQuestion => Some(Action::Choose(c)),
        _ => None,
    }
}

/// The action of a terminal key event in a scope.
pub fn action_for(scope: Scope, ev: KeyEvent) -> Option<Action> {
    lookup(scope, Key::from_event(ev)?)
}

/// The keys bound to an action in a scope, in table order.
pub fn keys_for(scope: Scope, action: Action) -> Vec<Key> {
    TABLE
        .iter()
        .filter(|r| r.scope == scope && r.action == action)
        .map(|r| r.key)
        .collect()
}

/// The help overlay's rows for a scope: each action once, with all its keys.
pub fn help_rows(scope: Scope) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(Action, Vec<Key>)> = Vec::new();
    for r in TABLE.iter().filter(|r| r.scope == scope) {
        match rows.iter_mut().find(|(a, _)| *a == r.action) {
            Some((_, keys)) => keys.push(r.key),
            None => rows.push((r.action, vec![r.key])),
        }
    }
    rows.into_iter()
        .map(|(a, keys)| {
            let names: Vec<String> = keys.iter().map(|k| k.name()).collect();
            (names.join(" "), a.description())
        })
        .collect()
}

/// The key table as Markdown, one table per scope, for the README (a test
/// keeps the README's copy in step with this table).
pub fn markdown() -> String {
    let mut out = String::new();
    for scope in Scope::ALL {
        out.push_str(&format!(
            "**{}**\n\n| keys | does |\n| --- | --- |\n",
            scope.title()
        ));
        for (keys, what) in help_rows(scope) {
            let keys: Vec<String> = keys
                .split(' ')
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            out.push_str(&format!("| {} | {what} |\n", keys.join(" ")));
        }
        out.push('\n');
    }
    out
}

/// How a status message names a key the table does not bind.
pub fn describe(ev: KeyEvent) -> String {
    match Key::from_event(ev) {
        Some(k) => k.name(),
        None => format!("{:?}", ev.code),
    }
}
