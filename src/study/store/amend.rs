//! Changing the grade of the answer just given (the learner may overrule
//! the grade suggested), and the days reviews were made on (for the streak).

use rusqlite::params;

use super::{Answer, Store, StoreError};
use crate::study::clock::DAY;
use crate::study::schedule::{CardState, Settings, next_state};

/// A review recorded: its row in the log and what it led to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recorded {
    /// The review's id in the log.
    pub review: i64,
    /// The card's new state.
    pub state: CardState,
    /// The interval FSRS gave, in days.
    pub interval: f32,
}

impl Store {
    /// Records an answer like [`Store::grade`], returning the review's id too.
    pub fn record(
        &mut self,
        answer: &Answer,
        now: i64,
        settings: &Settings,
    ) -> Result<Recorded, StoreError> {
        let (state, interval) = self.grade(answer, now, settings)?;
        let review = self.conn.last_insert_rowid();
        Ok(Recorded {
            review,
            state,
            interval,
        })
    }

    /// Gives review `review` (made at `at`, from the state `before`) another
    /// grade: the log row and the card's state change together, in one
    /// transaction, as if that grade had been given in the first place.
    pub fn regrade(
        &mut self,
        review: i64,
        answer: &Answer,
        before: Option<&CardState>,
        at: i64,
        settings: &Settings,
    ) -> Result<Recorded, StoreError> {
        let (graph, path) = (self.graph, self.path.clone());
        self.in_transaction(|tx, err| {
            let (after, interval) = next_state(before, answer.grade, at, settings)
                .map_err(|detail| StoreError::Other { path, detail })?;
            let changed = tx
                .execute(
                    "UPDATE reviews SET grade = ?1, interval = ?2, stability = ?3, difficulty = ?4
                     WHERE id = ?5 AND graph = ?6 AND card = ?7",
                    params![
                        answer.grade as i64,
                        interval,
                        after.stability,
                        after.difficulty,
                        review,
                        graph,
                        answer.card
                    ],
                )
                .map_err(err)?;
            if changed == 1 {
                tx.execute(
                    "UPDATE cards SET stability = ?1, difficulty = ?2, due = ?3, lapses = ?4,
                     last_grade = ?5 WHERE graph = ?6 AND card = ?7",
                    params![
                        after.stability,
                        after.difficulty,
                        after.due,
                        after.lapses,
                        after.last_grade as i64,
                        graph,
                        answer.card
                    ],
                )
                .map_err(err)?;
            }
            Ok(Recorded {
                review,
                state: after,
                interval,
            })
        })
    }

    /// The days (UTC day numbers) with at least one review, latest first.
    pub fn review_days(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT at / ?2 AS day FROM reviews WHERE graph = ?1 ORDER BY day DESC",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![self.graph, DAY], |r| r.get::<_, i64>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}
