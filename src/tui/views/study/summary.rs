//! The study session's summary: how many answered and right, the time,
//! the grades, the answers saved, and when the next review is due.

use ratatui::text::Line;

use super::StudyView;
use super::draw::HEAD;
use crate::study::clock::format_time;
use crate::tui::widgets::{DIM, cut};

/// The summary's lines at a width.
pub(super) fn lines(view: &StudyView, width: usize) -> Vec<Line<'static>> {
    let t = &view.tally;
    if view.deck.cards.is_empty() {
        return [
            "Nothing is due now.".to_string(),
            format!(
                "{} cards in all; new ones come {} a day. S shows the forecast.",
                view.deck.total, view.deck.settings.new_per_day
            ),
        ]
        .into_iter()
        .map(|l| Line::raw(cut(&l, width)))
        .collect();
    }
    let secs = t.seconds.round() as i64;
    let mut lines = vec![
        Line::styled(
            cut(
                &format!(
                    "{} answered: {} right, {} wrong, in {} min {} s",
                    t.answered,
                    t.right,
                    t.answered - t.right,
                    secs / 60,
                    secs % 60
                ),
                width,
            ),
            HEAD,
        ),
        Line::raw(cut(
            &format!(
                "grades  again {} · hard {} · good {} · easy {}",
                t.grades[0], t.grades[1], t.grades[2], t.grades[3]
            ),
            width,
        )),
        Line::raw(cut(&format!("saved   {} answers", t.saved), width)),
    ];
    if let Some(due) = t.next_due {
        lines.push(Line::raw(cut(
            &format!("next    a review is due {}", format_time(due)),
            width,
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        cut(
            "Enter: study what is due now · S: progress · Esc: the explorer",
            width,
        ),
        DIM,
    ));
    lines
}
