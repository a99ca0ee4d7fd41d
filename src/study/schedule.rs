//! Scheduling with FSRS (the `fsrs` crate's `next_states`, default
//! parameters): grades, the state a grade leads to, the grade suggested
//! from an answer, and which cards are due.

use std::collections::HashMap;

use fsrs::{FSRS, MemoryState};
use serde::Serialize;

use super::clock::{DAY, day_of};

/// How well a card was remembered, as Anki's four buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Forgotten (or answered wrong).
    Again = 1,
    /// Remembered with effort.
    Hard = 2,
    /// Remembered.
    Good = 3,
    /// Remembered at once.
    Easy = 4,
}

impl Grade {
    /// Every grade, worst first.
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The grade's name in lower case.
    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    /// Reads a grade's name or number (1-4).
    pub fn parse(text: &str) -> Option<Grade> {
        let t = text.trim().to_lowercase();
        Grade::ALL
            .into_iter()
            .find(|g| g.name() == t || (*g as u8).to_string() == t)
    }

    /// The grade stored as a number.
    pub fn from_number(n: i64) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| *g as i64 == n)
    }

    /// The next grade up, wrapping from Easy to Again (one key changes it).
    pub fn cycle(self) -> Grade {
        Grade::ALL[(self as usize) % 4]
    }
}

/// The grade suggested for an answer: wrong is Again; right is Easy within
/// 6 seconds, Good within 20, Hard after that.
pub fn suggest(right: bool, seconds: f64) -> Grade {
    match (right, seconds) {
        (false, _) => Grade::Again,
        (true, s) if s <= 6.0 => Grade::Easy,
        (true, s) if s <= 20.0 => Grade::Good,
        _ => Grade::Hard,
    }
}

/// What the learner chose: how many new cards a day, the retention aimed at,
/// and an exam date every card should be seen before.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// New cards introduced per day (Anki's default: 20).
    pub new_per_day: u32,
    /// Desired retention, between 0.7 and 0.99 (Anki's default: 0.9).
    pub retention: f32,
    /// The exam's day number, if any.
    pub until: Option<i64>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            new_per_day: 20,
            retention: 0.9,
            until: None,
        }
    }
}

/// A card's memory as FSRS sees it, and when it is due.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CardState {
    /// FSRS stability, in days.
    pub stability: f32,
    /// FSRS difficulty, 1 to 10.
    pub difficulty: f32,
    /// When the card is due (seconds since 1970).
    pub due: i64,
    /// When it was last reviewed.
    pub last_review: i64,
    /// How many reviews it had.
    pub reps: i64,
    /// How many times it was forgotten after being known.
    pub lapses: i64,
    /// The last grade given.
    pub last_grade: Grade,
}

impl CardState {
    /// Whether the card counts as learned: reviewed, and not forgotten last time.
    pub fn is_learned(&self) -> bool {
        self.last_grade != Grade::Again
    }
}

/// The state a grade leads to, with the interval in days FSRS gave.
pub fn next_state(
    before: Option<&CardState>,
    grade: Grade,
    now: i64,
    settings: &Settings,
) -> Result<(CardState, f32), String> {
    let memory = before.map(|s| MemoryState {
        stability: s.stability,
        difficulty: s.difficulty,
    });
    let elapsed = before.map_or(0, |s| (day_of(now) - day_of(s.last_review)).max(0) as u32);
    let states = FSRS::default()
        .next_states(memory, settings.retention, elapsed)
        .map_err(|e| format!("FSRS could not schedule this card: {e}"))?;
    let item = match grade {
        Grade::Again => states.again,
        Grade::Hard => states.hard,
        Grade::Good => states.good,
        Grade::Easy => states.easy,
    };
    let due = match grade {
        Grade::Again => now + ((item.interval as f64 * DAY as f64) as i64).clamp(600, DAY),
        _ => {
            let days = (item.interval.round() as i64).max(1);
            let due = now + days * DAY;
            match settings.until {
                Some(exam)
                    if grade == Grade::Hard && day_of(due) >= exam && day_of(now) + 1 < exam =>
                {
                    (exam - 1) * DAY
                }
                _ => due,
            }
        }
    };
    let lapses = before.map_or(0, |s| s.lapses)
        + i64::from(grade == Grade::Again && before.is_some_and(|s| s.is_learned()));
    Ok((
        CardState {
            stability: item.memory.stability,
            difficulty: item.memory.difficulty,
            due,
            last_review: now,
            reps: before.map_or(0, |s| s.reps) + 1,
            lapses,
            last_grade: grade,
        },
        item.interval,
    ))
}

/// How many new cards may be introduced today: the daily setting, raised so
/// that every unseen card is seen before the exam day when there is one.
pub fn new_quota(settings: &Settings, unseen: usize, introduced_today: usize, now: i64) -> usize {
    let mut per_day = settings.new_per_day as usize;
    if let Some(exam) = settings.until {
        let days_left = (exam - day_of(now)).max(1) as usize;
        per_day = per_day.max(unseen.div_ceil(days_left));
    }
    per_day.saturating_sub(introduced_today)
}

/// The ids due now, in order: reviews that are due (oldest first), then new
/// cards (in the order given) up to today's quota.
pub fn due_ids<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    states: &HashMap<String, CardState>,
    introduced_today: usize,
    now: i64,
    settings: &Settings,
) -> Vec<&'a str> {
    let mut reviews = Vec::new();
    let mut new = Vec::new();
    for id in ids {
        match states.get(id) {
            Some(s) if s.due <= now => reviews.push((s.due, id)),
            Some(_) => {}
            None => new.push(id),
        }
    }
    reviews.sort();
    let quota = new_quota(settings, new.len(), introduced_today, now);
    reviews
        .into_iter()
        .map(|(_, id)| id)
        .chain(new.into_iter().take(quota))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_parse_and_cycle() {
        assert_eq!(Grade::parse("Good"), Some(Grade::Good));
        assert_eq!(Grade::parse("1"), Some(Grade::Again));
        assert_eq!(Grade::parse("meh"), None);
        assert_eq!(Grade::Easy.cycle(), Grade::Again);
        assert_eq!(Grade::Again.cycle(), Grade::Hard);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest(false, 1.0), Grade::Again);
        assert_eq!(suggest(true, 3.0), Grade::Easy);
        assert_eq!(suggest(true, 12.0), Grade::Good);
        assert_eq!(suggest(true, 60.0), Grade::Hard);
    }

    #[test]
    fn the_exam_date_raises_the_new_quota() {
        let now = 100 * DAY;
        let mut s = Settings::default();
        assert_eq!(new_quota(&s, 1000, 5, now), 15);
        s.until = Some(110);
        assert_eq!(new_quota(&s, 1000, 0, now), 100);
    }
}
