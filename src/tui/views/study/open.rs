//! Opening, pausing and resuming the study screens from the explorer, and
//! taking in what the store said (the deck, a grade, the progress figures).

use super::StudyView;
use crate::study::progress::Progress;
use crate::study::session::{Deck, Graded};
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode};
use crate::tui::views::progress::ProgressView;

impl App {
    /// The study screen: the paused session if there is one, else the
    /// cards due now (read from the store by the event loop).
    pub(crate) fn open_study(&mut self) {
        if let Some(mut paused) = self.study.take() {
            paused.opened = None;
            self.open_view(Mode::Study(paused));
            return;
        }
        self.say("reading the cards due…");
        self.effect(Effect::StudyOpen);
    }

    /// Back on the study session when the focus is the node it opened.
    pub(crate) fn resume_study_at_focus(&mut self) -> bool {
        let opened = self.study.as_ref().and_then(|s| s.opened);
        if opened.is_none() || opened != self.focus {
            return false;
        }
        self.open_study();
        true
    }

    /// Takes in the cards due now: the study screen on the first.
    pub(crate) fn study_opened(&mut self, result: Result<Deck, String>) {
        match result {
            Ok(deck) => {
                let none = deck.cards.is_empty();
                self.study = None;
                self.overlay = None;
                self.open_view(Mode::Study(Box::new(StudyView::new(deck))));
                if none {
                    self.say("nothing is due now: S shows what comes next");
                }
            }
            Err(e) => self.complain(e),
        }
    }

    /// Takes in what the store said about a grade.
    pub(crate) fn study_graded(&mut self, result: Result<Graded, String>) {
        let view = match &mut self.mode {
            Mode::Study(v) => Some(v),
            _ => self.study.as_mut(),
        };
        let Some(view) = view else { return };
        if let Some(e) = view.graded(result) {
            self.complain(format!("the answer was not saved: {e} (Enter tries again)"));
        }
    }

    /// The progress screen; Esc comes back to the study session when
    /// `from_study` (the session is kept paused meanwhile).
    pub(crate) fn open_progress(&mut self, from_study: bool) {
        let view = ProgressView::new(from_study);
        self.open_view(Mode::Progress(Box::new(view)));
        self.effect(Effect::StudyProgress);
    }

    /// Takes in the progress figures.
    pub(crate) fn progress_loaded(&mut self, result: Result<Progress, String>) {
        match (&mut self.mode, result) {
            (Mode::Progress(v), Ok(p)) => v.progress = Some(p),
            (_, Err(e)) => self.complain(e),
            _ => {}
        }
    }
}
