//! Drawing the study screen (pure): the question and its options, the
//! feedback with the grade, and the session's summary.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use super::{Feedback, Phase, StudyView};
use crate::study::clock::{format_time, in_words};
use crate::study::schedule::Grade;
use crate::study::{Card, CardType};
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::screen::{Region, ScreenMap};
use crate::tui::widgets::{DIM, FOCUSED_BORDER, SELECTED, cut, wrap};

const RIGHT: Style = Style::new().fg(Color::LightGreen);
const WRONG: Style = Style::new().fg(Color::LightRed);
pub(super) const HEAD: Style = Style::new().add_modifier(Modifier::BOLD);

/// ```text
/// ┌ Study · card 3 of 20 · 2 right ───────────────┐
/// │ Which formats does XGBoost accept? (choose 4) │
/// │                                               │
/// │ › 1 a  [x] CSV                                │
/// │   2 b  [ ] LibSVM                             │
/// │ new card · format · accepts                   │
/// └───────────────────────────────────────────────┘
/// ```
pub fn render(view: &StudyView, app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let block = Block::bordered()
        .title(title(view))
        .border_style(FOCUSED_BORDER)
        .padding(Padding::horizontal(1));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = lines(view, app, inner.width as usize);
    let offset = match view.phase {
        Phase::Feedback(_) => view.list.offset,
        _ => 0,
    };
    if let (Phase::Question { .. }, Some(card)) = (&view.phase, view.card()) {
        let first = prompt_lines(card, inner.width as usize).len() as u16 + 1;
        let rows = Rect {
            y: inner.y + first.min(inner.height),
            height: inner.height.saturating_sub(first),
            ..inner
        };
        map.list(Region::View, rows, 0);
    }
    let shown: Vec<Line> = lines.into_iter().skip(offset).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// How many lines the body holds at a width (for scrolling the feedback).
pub fn line_count(view: &StudyView, app: &App, width: usize) -> usize {
    lines(view, app, width).len()
}

fn title(view: &StudyView) -> String {
    let n = view.deck.cards.len();
    match view.phase {
        Phase::Summary => " Study · the session is over ".to_string(),
        _ => format!(
            " Study · card {} of {n} · {} right of {} ",
            view.at + 1,
            view.tally.right,
            view.tally.answered
        ),
    }
}

fn lines(view: &StudyView, app: &App, width: usize) -> Vec<Line<'static>> {
    match (&view.phase, view.card()) {
        (Phase::Question { chosen, .. }, Some(card)) => question(view, app, card, chosen, width),
        (Phase::Feedback(f), Some(card)) => feedback(app, card, f, width),
        _ => super::summary::lines(view, width),
    }
}

fn prompt_lines(card: &Card, width: usize) -> Vec<String> {
    wrap(&visible(&card.prompt), width.max(10))
}

fn option_line(i: usize, label: &str, mark: &str, style: Style, width: usize) -> Line<'static> {
    let key = format!("{} {}  ", i + 1, (b'a' + i as u8) as char);
    let text = cut(
        &format!("{mark}{}", visible(label)),
        width.saturating_sub(6),
    );
    Line::from(vec![Span::styled(key, DIM), Span::styled(text, style)])
}

fn question(
    view: &StudyView,
    app: &App,
    card: &Card,
    chosen: &[usize],
    width: usize,
) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = prompt_lines(card, width)
        .into_iter()
        .map(|l| Line::styled(l, HEAD))
        .collect();
    out.push(Line::raw(""));
    let multi = card.kind == CardType::Multi;
    for (i, o) in card.options.iter().enumerate() {
        let mark = match (multi, chosen.contains(&i)) {
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
            _ => "",
        };
        let style = if i == view.list.sel {
            SELECTED
        } else {
            Style::new()
        };
        let cursor = if i == view.list.sel { "› " } else { "  " };
        let mut line = option_line(i, &o.label, mark, style, width.saturating_sub(2));
        line.spans.insert(0, Span::raw(cursor));
        out.push(line);
    }
    out.push(Line::raw(""));
    let state = if view.deck.before.contains_key(&card.id) {
        "review"
    } else {
        "new card"
    };
    let how = match card.kind {
        CardType::Multi => "choose each, then Enter",
        _ => "press its number or letter",
    };
    out.push(Line::styled(
        cut(
            &format!("{state} · {} · {how}", app.graph.rel_label(&card.rel)),
            width,
        ),
        DIM,
    ));
    out
}

fn feedback(app: &App, card: &Card, f: &Feedback, width: usize) -> Vec<Line<'static>> {
    let mut out: Vec<Line> = prompt_lines(card, width)
        .into_iter()
        .map(|l| Line::styled(l, HEAD))
        .collect();
    let verdict = if f.right {
        Span::styled("✓ Right", RIGHT.add_modifier(Modifier::BOLD))
    } else {
        Span::styled("✗ Wrong", WRONG.add_modifier(Modifier::BOLD))
    };
    out.push(Line::from(vec![
        verdict,
        Span::styled(format!("  in {:.0} s", f.seconds), DIM),
    ]));
    for (i, o) in card.options.iter().enumerate() {
        let (is_answer, chose) = (card.answers.contains(&o.id), f.chosen.contains(&i));
        let (mark, style) = match (is_answer, chose) {
            (true, true) => ("✓ ", RIGHT),
            (true, false) => ("✓ ", RIGHT.add_modifier(Modifier::DIM)),
            (false, true) => ("✗ ", WRONG),
            (false, false) => ("  ", DIM),
        };
        let suffix = match (is_answer, chose) {
            (true, false) => " (missed)",
            (false, true) => " (your choice)",
            _ => "",
        };
        out.push(option_line(
            i,
            &format!("{}{suffix}", o.label),
            mark,
            style,
            width,
        ));
    }
    let mut text = |head: &str, body: String| {
        for (n, l) in wrap(&format!("{head:<8}{body}"), width.max(10))
            .into_iter()
            .enumerate()
        {
            let indent = if n == 0 { "" } else { "        " };
            out.push(Line::raw(format!("{indent}{l}")));
        }
    };
    text("answer", visible(&card.correct.join(", ")).into_owned());
    for note in &card.notes {
        text("note", visible(note).into_owned());
    }
    if !card.source.is_empty() {
        text("source", card.source.join(", "));
    }
    let subject = app
        .graph
        .node_by_id(&card.subject)
        .map_or(card.subject.clone(), |n| visible(&n.label).into_owned());
    text(
        "subject",
        format!("{subject} (o opens it; Backspace comes back)"),
    );
    out.push(Line::raw(""));
    out.push(grade_line(f));
    out.push(saved_line(f, width));
    out
}

fn grade_line(f: &Feedback) -> Line<'static> {
    let mut spans = vec![Span::styled("grade   ", DIM)];
    for g in Grade::ALL {
        let name = format!(" {} {} ", g as u8, capital(g.name()));
        let style = if g == f.grade {
            SELECTED.add_modifier(Modifier::BOLD)
        } else {
            DIM
        };
        spans.push(Span::styled(name, style));
        spans.push(Span::raw(" "));
    }
    let why = if f.right {
        format!(
            "suggested {} (right in {:.0} s)",
            capital(f.suggested.name()),
            f.seconds
        )
    } else {
        "suggested Again (wrong)".to_string()
    };
    spans.push(Span::styled(why, DIM));
    Line::from(spans)
}

fn saved_line(f: &Feedback, width: usize) -> Line<'static> {
    let text = match &f.saved {
        None => "saving…".to_string(),
        Some(Ok(g)) => format!(
            "saved · next review {} ({}) · Enter: next card",
            in_words(g.recorded.state.due - g.at),
            format_time(g.recorded.state.due)
        ),
        Some(Err(e)) => format!("NOT saved: {e} · Enter tries again"),
    };
    let style = match &f.saved {
        Some(Err(_)) => WRONG,
        _ => DIM,
    };
    Line::styled(cut(&text, width), style)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
