//! Answering a study card: choosing options, checking the answer, the
//! grade suggested and changed, and what the store said about it.

use super::{Feedback, Phase, StudyView};
use crate::study::Card;
use crate::study::CardType;
use crate::study::schedule::{self, Grade};
use crate::study::session::{Graded, Grading};
use crate::tui::action::Effect;
use crate::tui::app::App;
use crate::tui::event::TICK_MS;
use crate::tui::list::List;

impl StudyView {
    /// Takes a key in the question: an option's number or letter, or Space.
    pub(super) fn choose(&mut self, app: &mut App, c: char) {
        let Some((n, single)) = self
            .card()
            .map(|c| (c.options.len(), c.kind != CardType::Multi))
        else {
            return;
        };
        let pick = match c {
            ' ' => Some(self.list.sel),
            '1'..='9' => Some(c as usize - '1' as usize),
            'a'..='z' => Some(c as usize - 'a' as usize),
            _ => None,
        };
        let Some(i) = pick.filter(|&i| i < n) else {
            let last = (b'a' + n.clamp(1, 26) as u8 - 1) as char;
            app.complain(format!("{c:?} is not an option: press 1-{n} or a-{last}"));
            return;
        };
        self.list.select(i);
        if let Phase::Question { chosen, .. } = &mut self.phase {
            match chosen.iter().position(|&x| x == i) {
                Some(p) => {
                    chosen.remove(p);
                }
                None => chosen.push(i),
            }
        }
        if single {
            self.answer(app);
        }
    }

    /// Checks the options chosen and records the answer with the grade suggested.
    pub(super) fn answer(&mut self, app: &mut App) {
        let (chosen, ticks) = match &self.phase {
            Phase::Question { chosen, ticks } => (chosen.clone(), *ticks),
            _ => return,
        };
        let Some(card) = self.card().cloned() else {
            return;
        };
        if chosen.is_empty() {
            let want = card.answers.len();
            app.complain(format!(
                "choose {want} (numbers, letters, or Space on the cursor), then Enter"
            ));
            return;
        }
        let ids: Vec<String> = chosen.iter().map(|&i| card.options[i].id.clone()).collect();
        let right = card.is_right(&ids);
        let seconds = f64::from(ticks) * TICK_MS as f64 / 1000.0;
        let suggested = schedule::suggest(right, seconds);
        self.tally.answered += 1;
        self.tally.right += usize::from(right);
        self.tally.seconds += seconds;
        let feedback = Feedback {
            chosen,
            right,
            seconds,
            suggested,
            grade: suggested,
            saved: None,
        };
        let grading = self.grading(&card, &feedback, None);
        self.phase = Phase::Feedback(feedback);
        self.list = List::default();
        app.effect(Effect::StudyGrade(Box::new(grading)));
    }

    /// What to record for the answer in `f` (replacing a review, or not).
    fn grading(&self, card: &Card, f: &Feedback, replaces: Option<(i64, i64)>) -> Grading {
        let given: Vec<&str> = f
            .chosen
            .iter()
            .map(|&i| card.options[i].id.as_str())
            .collect();
        Grading {
            place: self.deck.place.clone(),
            card: card.id.clone(),
            kind: card.answer_kind.clone(),
            grade: f.grade,
            given: given.join(","),
            seconds: f.seconds,
            before: self.deck.before.get(&card.id).copied(),
            settings: self.deck.settings,
            replaces,
        }
    }

    /// Changes the grade of the answer just given (rewriting its review),
    /// or, with `None`, saves the answer again after a failure.
    pub(super) fn regrade(&mut self, app: &mut App, grade: Option<Grade>) {
        let Some(card) = self.card().cloned() else {
            return;
        };
        let Phase::Feedback(f) = &mut self.phase else {
            return;
        };
        if let Some(grade) = grade {
            if f.grade == grade {
                return;
            }
            f.grade = grade;
        }
        let replaces = match &f.saved {
            Some(Ok(g)) => Some((g.recorded.review, g.at)),
            _ => None,
        };
        let f = f.clone();
        app.effect(Effect::StudyGrade(Box::new(
            self.grading(&card, &f, replaces),
        )));
    }

    /// Takes in what the store said about the last grade; returns the
    /// error to show, if it failed.
    pub fn graded(&mut self, result: Result<Graded, String>) -> Option<String> {
        let Phase::Feedback(f) = &mut self.phase else {
            return None;
        };
        match result {
            Ok(g) => {
                let t = &mut self.tally;
                match &f.saved {
                    Some(Ok(old)) => t.grades[old.grade as usize - 1] -= 1,
                    _ => t.saved += 1,
                }
                t.grades[g.grade as usize - 1] += 1;
                let due = g.recorded.state.due;
                t.next_due = Some(t.next_due.map_or(due, |d| d.min(due)));
                f.saved = Some(Ok(g));
                None
            }
            Err(e) => {
                match &f.saved {
                    Some(Ok(old)) => f.grade = old.grade,
                    _ => f.saved = Some(Err(e.clone())),
                }
                Some(e)
            }
        }
    }

    /// Enter after the feedback: the next card, once the answer is saved.
    pub(super) fn next(&mut self, app: &mut App) {
        if let Phase::Feedback(Feedback {
            saved: Some(Err(_)),
            ..
        }) = self.phase
        {
            app.say("saving the answer again");
            self.regrade(app, None);
            return;
        }
        self.show(self.at + 1);
    }
}
