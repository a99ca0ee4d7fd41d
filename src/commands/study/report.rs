//! What `mlkg study` prints: cards, due cards, a recorded grade, progress;
//! text for people, JSON for scripts.

use std::io::Write;

use serde_json::json;

use super::{Failure, Graded, Session};
use crate::study::Card;
use crate::study::clock::{format_time, in_words};
use crate::study::progress::Progress;
use crate::study::schedule::{self, CardState};

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

/// Computes the progress figures of a session.
pub fn progress(s: &Session) -> Result<Progress, Failure> {
    Ok(crate::study::progress::progress(
        &s.cards,
        &s.store,
        &s.settings,
        s.now,
    )?)
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
    writeln!(
        out,
        "learned    {} ({} learning, {} in review)",
        p.learned, p.learning, p.review
    )?;
    writeln!(
        out,
        "due today  {} reviews, {} new",
        p.due_today, p.new_today
    )?;
    writeln!(out, "this week  {} reviews", p.due_week)?;
    writeln!(out, "reviews    {} in all", p.reviews)?;
    writeln!(out, "streak     {} days", p.streak)?;
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
