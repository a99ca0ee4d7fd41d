//! What `mlkg study` prints: cards, due cards, a recorded grade, progress;
//! text for people, JSON for scripts.

use std::collections::HashSet;
use std::io::Write;

use serde_json::json;

use super::{Failure, Graded, Session};
use crate::study::Card;
use crate::study::clock::{DAY, day_of, format_day, format_time};
use crate::study::schedule::{self, CardState};
use crate::study::store::KindRetention;

/// Days the forecast covers, today first.
pub const FORECAST_DAYS: usize = 14;

/// `study cards`.
pub fn cards(cards: &[Card], json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    if json {
        serde_json::to_writer_pretty(&mut *out, cards).map_err(std::io::Error::other)?;
        writeln!(out)?;
        return Ok(());
    }
    for c in cards {
        writeln!(out, "{}\n  {}", c.id, crate::text::visible(&c.prompt))?;
    }
    writeln!(out, "{} cards", cards.len())?;
    Ok(())
}

/// `study due`.
pub fn due(
    s: &Session,
    limit: Option<usize>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let states = s.store.states()?;
    let introduced = s.store.introduced_on_day_of(s.now)?;
    let mut ids = schedule::due_ids(
        crate::study::cards::new_order(&s.cards),
        &states,
        introduced,
        s.now,
        &s.settings,
    );
    ids.truncate(limit.unwrap_or(usize::MAX));
    let rows: Vec<(&Card, Option<&CardState>)> = ids
        .iter()
        .filter_map(|id| s.cards.iter().find(|c| c.id == *id))
        .map(|c| (c, states.get(&c.id)))
        .collect();
    if json {
        let list: Vec<_> = rows
            .iter()
            .map(|(c, st)| {
                json!({
                    "id": c.id, "prompt": c.prompt,
                    "state": if st.is_some() { "review" } else { "new" },
                    "due": st.map(|s| format_time(s.due)),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list).map_err(std::io::Error::other)?;
        writeln!(out)?;
        return Ok(());
    }
    let reviews = rows.iter().filter(|(_, st)| st.is_some()).count();
    writeln!(
        out,
        "{} due now: {reviews} to review, {} new",
        rows.len(),
        rows.len() - reviews
    )?;
    for (c, st) in rows {
        let tag = if st.is_some() { "review" } else { "new   " };
        writeln!(out, "{tag}  {}  {}", c.id, crate::text::visible(&c.prompt))?;
    }
    Ok(())
}

/// `study grade`.
pub fn graded(g: &Graded, now: i64, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    if json {
        let value = json!({
            "card": g.card, "grade": g.grade, "right": g.right,
            "interval_days": g.interval, "due": format_time(g.state.due),
            "stability": g.state.stability, "difficulty": g.state.difficulty,
            "reps": g.state.reps, "lapses": g.state.lapses,
        });
        writeln!(out, "{value}")?;
        return Ok(());
    }
    let verdict = match g.right {
        Some(true) => "right; ",
        Some(false) => "wrong; ",
        None => "",
    };
    writeln!(
        out,
        "{verdict}{}: next review {} ({})",
        g.grade.name(),
        in_words(g.state.due - now),
        format_time(g.state.due)
    )?;
    Ok(())
}

fn in_words(secs: i64) -> String {
    match secs {
        s if s < 3600 => format!("in {} minutes", (s / 60).max(1)),
        s if s < DAY => format!("in {} hours", s / 3600),
        s if s < 2 * DAY => "tomorrow".to_string(),
        s => format!("in {} days", s / DAY),
    }
}

/// Progress figures of a graph at a time.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Progress {
    /// Cards generated from the graph.
    pub cards: usize,
    /// Of those, never reviewed.
    pub unseen: usize,
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
    /// Remembered reviews per kind.
    pub retention: Vec<KindRetention>,
    /// Reviews due per day, today (with anything overdue) first.
    pub forecast: Vec<usize>,
    /// The exam date, if set.
    pub until: Option<String>,
}

/// Computes the progress figures of a session.
pub fn progress(s: &Session) -> Result<Progress, Failure> {
    let states = s.store.states()?;
    let ids: HashSet<&str> = s.cards.iter().map(|c| c.id.as_str()).collect();
    let today = day_of(s.now);
    let mut forecast = vec![0; FORECAST_DAYS];
    let mut learned = 0;
    for (_, st) in states.iter().filter(|(id, _)| ids.contains(id.as_str())) {
        learned += usize::from(st.is_learned());
        let day = (day_of(st.due) - today).max(0) as usize;
        if day < FORECAST_DAYS {
            forecast[day] += 1;
        }
    }
    let seen = states.keys().filter(|id| ids.contains(id.as_str())).count();
    let unseen = s.cards.len() - seen;
    let introduced = s.store.introduced_on_day_of(s.now)?;
    Ok(Progress {
        cards: s.cards.len(),
        unseen,
        learned,
        due_today: forecast[0],
        new_today: schedule::new_quota(&s.settings, unseen, introduced, s.now).min(unseen),
        due_week: forecast[..7].iter().sum(),
        reviews: s.store.review_count()?,
        retired: states.len() - seen,
        retention: s.store.retention_by_kind()?,
        forecast,
        until: s.settings.until.map(format_day),
    })
}

/// `study stats`.
pub fn stats(s: &Session, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let p = progress(s)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &p).map_err(std::io::Error::other)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "cards      {} ({} not seen yet, {} retired)",
        p.cards, p.unseen, p.retired
    )?;
    writeln!(out, "learned    {}", p.learned)?;
    writeln!(
        out,
        "due today  {} reviews, {} new",
        p.due_today, p.new_today
    )?;
    writeln!(out, "this week  {} reviews", p.due_week)?;
    writeln!(out, "reviews    {} in all", p.reviews)?;
    if let Some(until) = &p.until {
        writeln!(out, "exam       {until}")?;
    }
    writeln!(
        out,
        "settings   {} new a day, retention {}",
        s.settings.new_per_day, s.settings.retention
    )?;
    for r in &p.retention {
        let pct = 100 * r.remembered / r.reviews.max(1);
        writeln!(out, "retention  {:<16} {pct:>3}% of {}", r.kind, r.reviews)?;
    }
    let days: Vec<String> = p.forecast.iter().map(|n| n.to_string()).collect();
    writeln!(
        out,
        "forecast   {} (reviews per day from today)",
        days.join(" ")
    )?;
    Ok(())
}
