//! The study screen: one card at a time. A question with its options,
//! chosen by number or letter (or the cursor and Space), Enter to answer a
//! "choose N" card; then the feedback (right or wrong, every correct
//! answer, the edges' notes, the source) with the grade suggested from
//! right or wrong and the time taken, which one key (1-4) changes; then the
//! next card, and a summary at the end. Each answer is recorded in the
//! store as it is given (an [`Effect::StudyGrade`]); a changed grade
//! rewrites that same review. `o` opens the card's subject in the explorer
//! with the session paused; Back (or `s`) comes back to it.

mod answer;
mod draw;
mod open;
mod summary;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Next, View, is_move};
use crate::graph::NodeIndex;
use crate::study::Card;
use crate::study::schedule::Grade;
use crate::study::session::{Deck, Graded};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Pane};
use crate::tui::keymap::Scope;
use crate::tui::list::List;
use crate::tui::screen::ScreenMap;

/// Where the session is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// A question waiting for an answer.
    Question {
        /// The options chosen so far (for "choose N" cards).
        chosen: Vec<usize>,
        /// Clock ticks since the question was shown.
        ticks: u32,
    },
    /// The answer checked.
    Feedback(Feedback),
    /// Every card answered.
    Summary,
}

/// The answer just given and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// The options chosen.
    pub chosen: Vec<usize>,
    /// Whether they were exactly the right ones.
    pub right: bool,
    /// Seconds taken.
    pub seconds: f64,
    /// The grade suggested from right or wrong and the time.
    pub suggested: Grade,
    /// The grade in force (the suggestion unless the learner changed it).
    pub grade: Grade,
    /// What the store said: the review recorded, or why it was not.
    pub saved: Option<Result<Graded, String>>,
}

/// Counts over the session, for the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Cards answered.
    pub answered: usize,
    /// Of those, answered right.
    pub right: usize,
    /// Answers recorded in the store.
    pub saved: usize,
    /// Seconds spent answering.
    pub seconds: f64,
    /// How many of each grade (Again, Hard, Good, Easy), as last saved.
    pub grades: [usize; 4],
    /// The earliest next review among the cards answered.
    pub next_due: Option<i64>,
}

/// The study screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyView {
    /// The cards of the session and where their progress is kept.
    pub deck: Deck,
    /// The card shown.
    pub at: usize,
    /// Where the session is.
    pub phase: Phase,
    /// The cursor over the options (question), or the scroll (feedback).
    pub list: List,
    /// Counts for the summary.
    pub tally: Tally,
    /// The node opened from the feedback, while the session is paused.
    pub opened: Option<NodeIndex>,
}

impl StudyView {
    /// A session over a deck, on its first card.
    pub fn new(deck: Deck) -> StudyView {
        let mut view = StudyView {
            deck,
            at: 0,
            phase: Phase::Summary,
            list: List::default(),
            tally: Tally::default(),
            opened: None,
        };
        view.show(0);
        view
    }

    /// The card shown, unless the session is over.
    pub fn card(&self) -> Option<&Card> {
        match self.phase {
            Phase::Summary => None,
            _ => self.deck.cards.get(self.at),
        }
    }

    pub(super) fn show(&mut self, at: usize) {
        self.at = at;
        self.phase = match self.deck.cards.get(at) {
            Some(card) => {
                self.list = List::new(card.options.len());
                Phase::Question {
                    chosen: Vec::new(),
                    ticks: 0,
                }
            }
            None => Phase::Summary,
        };
    }

    /// Opens the card's subject in the explorer, pausing the session.
    fn open_subject(&mut self, app: &mut App) -> Next {
        let Some(ix) = self.card().and_then(|c| app.graph.find(&c.subject)) else {
            app.complain("the card's subject is not in the graph any more");
            return Next::Stay;
        };
        let mut paused = Box::new(self.clone());
        paused.opened = Some(ix);
        app.study = Some(paused);
        app.open(ix);
        app.main.typing = false;
        app.main.pane = Pane::Node;
        app.say("study paused: Backspace (or s) goes back to the card");
        Next::Away
    }

    /// Back to the explorer; the session waits (`s` resumes it) unless it is over.
    fn pause(&mut self, app: &mut App) -> Next {
        if self.phase == Phase::Summary {
            app.study = None;
            return Next::Leave;
        }
        let mut paused = Box::new(self.clone());
        paused.opened = None;
        app.study = Some(paused);
        app.say("study paused: s goes back to the card");
        Next::Away
    }
}

impl View for StudyView {
    fn scope(&self) -> Scope {
        match self.phase {
            Phase::Question { .. } => Scope::StudyQuestion,
            Phase::Feedback(_) => Scope::StudyFeedback,
            Phase::Summary => Scope::StudySummary,
        }
    }

    fn update(&mut self, app: &mut App, action: Action) -> Next {
        match (&self.phase, action) {
            (_, Action::LeaveView) => return self.pause(app),
            (_, Action::ToggleHelp) => app.open_help(self.scope()),
            (_, Action::Progress) => {
                app.study = Some(Box::new(self.clone()));
                app.open_progress(true);
            }
            (Phase::Question { .. }, Action::Choose(c)) => self.choose(app, c),
            (Phase::Question { .. }, Action::Answer) => self.answer(app),
            (Phase::Question { .. }, a) if is_move(a) => {
                self.list.apply(a, |_| true);
            }
            (Phase::Feedback(_), Action::GradeAs(n)) => {
                self.regrade(app, Grade::from_number(i64::from(n)))
            }
            (Phase::Feedback(_), Action::NextCard) => self.next(app),
            (Phase::Feedback(_), Action::OpenSubject) => return self.open_subject(app),
            (Phase::Feedback(_), a) if is_move(a) => {
                self.list.apply_scroll(a);
            }
            (Phase::Summary, Action::NextCard) => {
                app.study = None;
                app.effect(Effect::StudyOpen);
            }
            (_, other) => app.does_nothing_here(other),
        }
        Next::Stay
    }

    fn fit(&mut self, app: &App, area: Rect) {
        let (width, height) = (area.width.saturating_sub(4), area.height.saturating_sub(2));
        match self.phase {
            Phase::Question { .. } => self.list.fit(self.list.len.max(1)),
            Phase::Feedback(_) => {
                self.list.len = draw::line_count(self, app, width as usize);
                self.list.fit_scroll(height as usize);
            }
            Phase::Summary => {}
        }
    }

    fn render(&self, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
        draw::render(self, app, frame, area, map);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        match self.phase {
            Phase::Question { .. } => &[
                (Action::Choose(' '), "choose"),
                (Action::Answer, "answer"),
                (Action::Progress, "progress"),
                (Action::LeaveView, "pause"),
            ],
            Phase::Feedback(_) => &[
                (Action::NextCard, "next"),
                (Action::GradeAs(1), "to 4 grade"),
                (Action::OpenSubject, "open subject"),
                (Action::Progress, "progress"),
                (Action::LeaveView, "pause"),
            ],
            Phase::Summary => &[
                (Action::NextCard, "study more"),
                (Action::Progress, "progress"),
                (Action::LeaveView, "explorer"),
            ],
        }
    }

    fn pick(&mut self, app: &mut App, row: usize, open: bool) -> Next {
        if matches!(self.phase, Phase::Question { .. }) && row < self.list.len {
            self.list.select(row);
            if open {
                self.choose(app, ' ');
            }
        }
        Next::Stay
    }

    fn tick(&mut self) {
        if let Phase::Question { ticks, .. } = &mut self.phase {
            *ticks = ticks.saturating_add(1);
        }
    }

    fn reloaded(&mut self, _app: &App, _map: &dyn Fn(NodeIndex) -> Option<NodeIndex>) {
        self.opened = None;
    }
}
