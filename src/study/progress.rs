//! Progress figures of a graph's study at a time: how many cards are new,
//! being learned, in review or retired, what is due today and this week,
//! retention overall and per kind, the streak, and a forecast of reviews
//! per day. The command line prints them; the explorer draws them.

use std::collections::HashSet;

use serde::Serialize;

use super::Card;
use super::clock::{DAY, day_of, format_day};
use super::schedule::{self, Settings};
use super::store::{KindRetention, Store, StoreError};

/// Days the forecast covers, today first.
pub const FORECAST_DAYS: usize = 14;

/// Progress figures of a graph at a time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// Cards generated from the graph.
    pub cards: usize,
    /// Of those, never reviewed.
    pub unseen: usize,
    /// Reviewed, and coming back within a day (forgotten, or just started).
    pub learning: usize,
    /// Reviewed, and coming back a day or more later.
    pub review: usize,
    /// Reviewed and not forgotten last time.
    pub learned: usize,
    /// Reviews due by the end of today.
    pub due_today: usize,
    /// New cards that may still be started today.
    pub new_today: usize,
    /// Reviews due within seven days (today included).
    pub due_week: usize,
    /// Reviews in the log.
    pub reviews: i64,
    /// Cards with progress whose edges are gone from the graph.
    pub retired: usize,
    /// Share of reviews of cards seen before that were remembered, if any.
    pub retention_all: Option<f64>,
    /// Remembered reviews per kind.
    pub retention: Vec<KindRetention>,
    /// Days in a row with reviews, ending today (or yesterday).
    pub streak: usize,
    /// Reviews due per day, today (with anything overdue) first.
    pub forecast: Vec<usize>,
    /// The exam date, if set.
    pub until: Option<String>,
    /// The settings in force: new cards a day.
    pub new_per_day: u32,
    /// The settings in force: desired retention.
    pub desired_retention: f32,
}

/// Computes the progress figures of a graph's cards from its store.
pub fn progress(
    cards: &[Card],
    store: &Store,
    settings: &Settings,
    now: i64,
) -> Result<Progress, StoreError> {
    let states = store.states()?;
    let ids: HashSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    let today = day_of(now);
    let mut forecast = vec![0; FORECAST_DAYS];
    let (mut learned, mut learning, mut seen) = (0, 0, 0);
    for (_, st) in states.iter().filter(|(id, _)| ids.contains(id.as_str())) {
        seen += 1;
        learned += usize::from(st.is_learned());
        learning += usize::from(st.due - st.last_review < DAY);
        let day = (day_of(st.due) - today).max(0) as usize;
        if day < FORECAST_DAYS {
            forecast[day] += 1;
        }
    }
    let unseen = cards.len() - seen;
    let introduced = store.introduced_on_day_of(now)?;
    let retention = store.retention_by_kind()?;
    let (kept, all) = retention
        .iter()
        .fold((0, 0), |(k, a), r| (k + r.remembered, a + r.reviews));
    Ok(Progress {
        cards: cards.len(),
        unseen,
        learning,
        review: seen - learning,
        learned,
        due_today: forecast[0],
        new_today: schedule::new_quota(settings, unseen, introduced, now).min(unseen),
        due_week: forecast[..7].iter().sum(),
        reviews: store.review_count()?,
        retired: states.len() - seen,
        retention_all: (all > 0).then(|| kept as f64 / all as f64),
        retention,
        streak: streak(&store.review_days()?, today),
        forecast,
        until: settings.until.map(format_day),
        new_per_day: settings.new_per_day,
        desired_retention: settings.retention,
    })
}

/// Days in a row with reviews, from `days` (latest first), ending today or
/// yesterday (a streak is not broken before the day is over).
pub fn streak(days: &[i64], today: i64) -> usize {
    let Some(&last) = days.first() else { return 0 };
    if last < today - 1 || last > today {
        return 0;
    }
    days.iter()
        .enumerate()
        .take_while(|&(i, &d)| d == last - i as i64)
        .count()
}

#[cfg(test)]
mod tests {
    use super::streak;

    #[test]
    fn a_streak_counts_days_in_a_row_up_to_today_or_yesterday() {
        assert_eq!(streak(&[], 10), 0);
        assert_eq!(streak(&[10, 9, 8, 6], 10), 3);
        assert_eq!(streak(&[9, 8], 10), 2);
        assert_eq!(streak(&[8, 7], 10), 0);
    }
}
