//! Study progress in SQLite: one database per user (`study.sqlite3` in the
//! data folder), progress kept per graph, each card's FSRS state and a log
//! of every review. WAL mode, full sync, and one transaction per answer:
//! two mlkg processes may grade at once, and a process killed mid-answer
//! loses at most that answer. A damaged or newer database is reported and
//! never written to (see [`open`]).

pub mod amend;
pub mod open;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

pub use amend::Recorded;
pub use open::{StoreError, data_dir, set_aside};

use super::clock::{DAY, day_of};
use super::schedule::{CardState, Grade, Settings, next_state};

/// The study database, opened for one graph.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    graph: i64,
}

/// One answer to record.
#[derive(Debug, Clone)]
pub struct Answer<'a> {
    /// The card's id.
    pub card: &'a str,
    /// The kind the card asks about (kept for retention per kind).
    pub kind: &'a str,
    /// The grade given.
    pub grade: Grade,
    /// What the learner chose (option ids, comma-separated).
    pub given: &'a str,
    /// Seconds taken.
    pub seconds: f64,
}

/// Counts over the review log, per kind of card.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct KindRetention {
    /// The kind's id.
    pub kind: String,
    /// Reviews of cards seen before.
    pub reviews: i64,
    /// Of those, how many were remembered (Hard or better).
    pub remembered: i64,
}

impl Store {
    /// Opens the database in the data folder for a graph (`embedded`, or a
    /// graph file's canonical path).
    pub fn open(dir: &Path, graph_key: &str) -> Result<Store, StoreError> {
        Store::open_adopting(dir, graph_key, None)
    }

    /// Opens the database for a graph under `graph_key`; when nothing is
    /// kept under it yet, the progress kept under `earlier` (the key the
    /// graph had before it named itself) is renamed to it, in one transaction.
    pub fn open_adopting(
        dir: &Path,
        graph_key: &str,
        earlier: Option<&str>,
    ) -> Result<Store, StoreError> {
        let (mut conn, path) = open::connect(dir)?;
        let err = |e: rusqlite::Error| StoreError::from_sqlite(&path, &e);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        if let Some(old) = earlier {
            tx.execute(
                "UPDATE graphs SET key = ?1 WHERE key = ?2
                 AND NOT EXISTS (SELECT 1 FROM graphs WHERE key = ?1)",
                [graph_key, old],
            )
            .map_err(err)?;
        }
        tx.execute(
            "INSERT INTO graphs(key) VALUES (?1) ON CONFLICT(key) DO NOTHING",
            [graph_key],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        let graph = conn
            .query_row("SELECT id FROM graphs WHERE key = ?1", [graph_key], |r| {
                r.get(0)
            })
            .map_err(err)?;
        Ok(Store { conn, path, graph })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::from_sqlite(&self.path, &e)
    }

    /// Records an answer and the card's new state in one transaction, and
    /// returns the state with the interval FSRS gave (in days).
    pub fn grade(
        &mut self,
        answer: &Answer,
        now: i64,
        settings: &Settings,
    ) -> Result<(CardState, f32), StoreError> {
        let (graph, path) = (self.graph, self.path.clone());
        self.in_transaction(|tx, err| {
            let before = load_state(tx, graph, answer.card).map_err(err)?;
            let (after, interval) = next_state(before.as_ref(), answer.grade, now, settings)
                .map_err(|detail| StoreError::Other { path, detail })?;
            tx.execute(
                "INSERT INTO reviews(graph, card, at, grade, answer, seconds, interval,
                    stability, difficulty, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    graph,
                    answer.card,
                    now,
                    answer.grade as i64,
                    answer.given,
                    answer.seconds,
                    interval,
                    after.stability,
                    after.difficulty,
                    answer.kind
                ],
            )
            .map_err(err)?;
            tx.execute(
                "INSERT OR REPLACE INTO cards(graph, card, stability, difficulty, due,
                    last_review, reps, lapses, last_grade)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    graph,
                    answer.card,
                    after.stability,
                    after.difficulty,
                    after.due,
                    after.last_review,
                    after.reps,
                    after.lapses,
                    after.last_grade as i64
                ],
            )
            .map_err(err)?;
            Ok((after, interval))
        })
    }

    /// Runs `body` in one immediate (writing) transaction and commits it.
    fn in_transaction<T>(
        &mut self,
        body: impl FnOnce(&Transaction, &dyn Fn(rusqlite::Error) -> StoreError) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let path = self.path.clone();
        let err = move |e: rusqlite::Error| StoreError::from_sqlite(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&err)?;
        let value = body(&tx, &err)?;
        tx.commit().map_err(&err)?;
        Ok(value)
    }

    /// Every card's state, by card id (retired cards included).
    pub fn states(&self) -> Result<HashMap<String, CardState>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT card, stability, difficulty, due, last_review, reps, lapses, last_grade
                 FROM cards WHERE graph = ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([self.graph], |r| {
                Ok((r.get::<_, String>(0)?, state_of(r, 1)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// How many cards had their first review on the day of `now`.
    pub fn introduced_on_day_of(&self, now: i64) -> Result<usize, StoreError> {
        let start = day_of(now) * DAY;
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM (SELECT MIN(at) AS first FROM reviews WHERE graph = ?1
                 GROUP BY card) WHERE first >= ?2 AND first < ?3",
                params![self.graph, start, start + DAY],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| n as usize)
            .map_err(|e| self.err(e))
    }

    /// How many reviews the log holds for this graph.
    pub fn review_count(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row(
                "SELECT COUNT(*) FROM reviews WHERE graph = ?1",
                [self.graph],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Remembered reviews per kind, counting only cards seen before.
    pub fn retention_by_kind(&self) -> Result<Vec<KindRetention>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT kind, COUNT(*), SUM(grade > 1) FROM reviews r WHERE graph = ?1 AND
                 EXISTS (SELECT 1 FROM reviews p WHERE p.graph = r.graph AND p.card = r.card
                 AND p.id < r.id) GROUP BY kind ORDER BY kind",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([self.graph], |r| {
                Ok(KindRetention {
                    kind: r.get(0)?,
                    reviews: r.get(1)?,
                    remembered: r.get(2)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The settings saved for this graph, over the defaults.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let mut s = Settings::default();
        let mut stmt = self
            .conn
            .prepare("SELECT key, value FROM settings WHERE graph = ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([self.graph], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (key, value) = row.map_err(|e| self.err(e))?;
            match key.as_str() {
                "new_per_day" => s.new_per_day = value.parse().unwrap_or(s.new_per_day),
                "retention" => s.retention = value.parse().unwrap_or(s.retention),
                "until" => s.until = value.parse().ok(),
                _ => {}
            }
        }
        Ok(s)
    }

    /// Saves the settings for this graph.
    pub fn save_settings(&mut self, s: &Settings) -> Result<(), StoreError> {
        let graph = self.graph;
        let until = s.until.map_or(String::new(), |d| d.to_string());
        self.in_transaction(|tx, err| {
            for (key, value) in [
                ("new_per_day", s.new_per_day.to_string()),
                ("retention", s.retention.to_string()),
                ("until", until),
            ] {
                tx.execute(
                    "INSERT OR REPLACE INTO settings(graph, key, value) VALUES (?1, ?2, ?3)",
                    params![graph, key, value],
                )
                .map_err(err)?;
            }
            Ok(())
        })
    }
}

fn load_state(conn: &Connection, graph: i64, card: &str) -> rusqlite::Result<Option<CardState>> {
    conn.query_row(
        "SELECT stability, difficulty, due, last_review, reps, lapses, last_grade
         FROM cards WHERE graph = ?1 AND card = ?2",
        params![graph, card],
        |r| state_of(r, 0),
    )
    .optional()
}

fn state_of(r: &rusqlite::Row, at: usize) -> rusqlite::Result<CardState> {
    Ok(CardState {
        stability: r.get(at)?,
        difficulty: r.get(at + 1)?,
        due: r.get(at + 2)?,
        last_review: r.get(at + 3)?,
        reps: r.get(at + 4)?,
        lapses: r.get(at + 5)?,
        last_grade: Grade::from_number(r.get(at + 6)?).unwrap_or(Grade::Good),
    })
}
