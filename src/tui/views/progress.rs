//! The study progress screen: how many cards are new, being learned, in
//! review or retired; what is due today and this week; retention overall
//! and per kind; the streak; and a bar chart of the reviews due each day of
//! the next two weeks. Reached with `S` from the explorer and the study
//! screen (Esc goes back where it came from).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{BarChart, Block, Paragraph};

use super::{Next, View};
use crate::graph::NodeIndex;
use crate::study::progress::Progress;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::screen::ScreenMap;
use crate::tui::widgets::{DIM, FOCUSED_BORDER, cut};

/// The progress screen's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressView {
    /// The figures, once read.
    pub progress: Option<Progress>,
    /// Whether Esc goes back to a paused study session.
    pub from_study: bool,
}

impl ProgressView {
    /// The screen, waiting for its figures.
    pub fn new(from_study: bool) -> ProgressView {
        ProgressView {
            progress: None,
            from_study,
        }
    }
}

impl View for ProgressView {
    fn scope(&self) -> Scope {
        Scope::Progress
    }

    fn update(&mut self, app: &mut App, action: Action) -> Next {
        match action {
            Action::LeaveView if self.from_study && app.study.is_some() => {
                app.open_study();
            }
            Action::LeaveView => return Next::Leave,
            Action::Study => app.open_study(),
            Action::ToggleHelp => app.open_help(self.scope()),
            other => app.does_nothing_here(other),
        }
        Next::Stay
    }

    fn fit(&mut self, _app: &App, _area: Rect) {}

    /// ```text
    /// ┌ Study progress ───────────────┐┌ Retention ────────────┐
    /// │ cards      806                ││ overall   91% of 40   │
    /// │ new 780 · learning 6 · ...    ││ format    88% of 17   │
    /// └───────────────────────────────┘└───────────────────────┘
    /// ┌ Reviews due per day ──────────────────────────────────┐
    /// │ ██ ▆▆ ...                                             │
    /// │ now +1 +2 ...                                         │
    /// └───────────────────────────────────────────────────────┘
    /// ```
    fn render(&self, _app: &App, frame: &mut Frame, area: Rect, _map: &mut ScreenMap) {
        let Some(p) = &self.progress else {
            let block = Block::bordered()
                .title(" Study progress ")
                .border_style(FOCUSED_BORDER);
            let text = Paragraph::new(Line::styled("reading the study store…", DIM));
            frame.render_widget(text.block(block), area);
            return;
        };
        let top_h = 9.min(area.height / 2).max(4);
        let [top, chart] =
            Layout::vertical([Constraint::Length(top_h), Constraint::Min(0)]).areas(area);
        let [counts, kinds] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(top);
        render_counts(p, frame, counts);
        render_retention(p, frame, kinds);
        render_forecast(p, frame, chart);
    }

    fn hints(&self) -> &'static [(Action, &'static str)] {
        &[(Action::Study, "study"), (Action::LeaveView, "back")]
    }

    fn pick(&mut self, _app: &mut App, _row: usize, _open: bool) -> Next {
        Next::Stay
    }

    fn reloaded(&mut self, _app: &App, _map: &dyn Fn(NodeIndex) -> Option<NodeIndex>) {}
}

fn pair(name: &str, value: String) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{name:<11}"), DIM),
        Span::raw(value),
    ])
}

fn render_counts(p: &Progress, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(" Study progress ")
        .border_style(FOCUSED_BORDER);
    let width = block.inner(area).width as usize;
    let mut lines = vec![
        pair(
            "cards",
            format!("{}: {} new, {} learning", p.cards, p.unseen, p.learning),
        ),
        pair("", format!("{} in review, {} retired", p.review, p.retired)),
        pair(
            "due today",
            format!("{} reviews, {} new", p.due_today, p.new_today),
        ),
        pair("this week", format!("{} reviews", p.due_week)),
        pair(
            "reviewed",
            format!("{} times · streak {} days", p.reviews, p.streak),
        ),
    ];
    let mut settings = format!(
        "{} new a day, retention {}",
        p.new_per_day, p.desired_retention
    );
    if let Some(until) = &p.until {
        settings.push_str(&format!(", exam {until}"));
    }
    lines.push(pair("settings", settings));
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            if text.chars().count() > width {
                Line::raw(cut(&text, width))
            } else {
                l
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn render_retention(p: &Progress, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(" Retention ");
    let width = block.inner(area).width as usize;
    let pct = |kept: i64, all: i64| format!("{:>3}% of {all}", 100 * kept / all.max(1));
    let mut lines = vec![match p.retention_all {
        Some(r) => {
            let all: i64 = p.retention.iter().map(|k| k.reviews).sum();
            pair("overall", format!("{:>3}% of {all}", (r * 100.0).round()))
        }
        None => Line::styled(cut("no card seen twice yet", width), DIM),
    }];
    for k in &p.retention {
        let name = cut(&k.kind, 10);
        lines.push(pair(&name, pct(k.remembered, k.reviews)));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn render_forecast(p: &Progress, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(" Reviews due per day, from today ");
    let inner = block.inner(area);
    let days = p.forecast.len().max(1) as u16;
    let bar = (inner.width / days).saturating_sub(1).clamp(1, 6);
    let labels: Vec<String> = (0..p.forecast.len())
        .map(|d| match d {
            0 => "now".to_string(),
            d => format!("+{d}"),
        })
        .collect();
    let data: Vec<(&str, u64)> = labels
        .iter()
        .zip(&p.forecast)
        .map(|(l, n)| (l.as_str(), *n as u64))
        .collect();
    let chart = BarChart::default()
        .block(block)
        .bar_width(bar)
        .bar_gap(1)
        .bar_style(Style::new().fg(Color::Cyan))
        .value_style(Style::new().fg(Color::Black).bg(Color::Cyan))
        .label_style(DIM.remove_modifier(Modifier::DIM))
        .data(&data);
    frame.render_widget(chart, area);
}
