//! The status lines at the bottom (the breadcrumb of the jump list, the
//! graph's name and size, then a message or the keys that matter here) and
//! the banner at the top while the graph file does not load.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{DIM, cut, fit};
use crate::text::visible;
use crate::tui::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::keymap::{Scope, keys_for};

/// Draws the two status lines.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let width = area.width as usize;
    let name = visible(&app.graph.source.short_name()).into_owned();
    let info = match &app.first {
        Some(_) => format!(" {name} · loading "),
        None => format!(
            " {name} · {} nodes · {} edges ",
            app.graph.node_count(),
            app.graph.edge_count()
        ),
    };
    let info_w = if info.width() + 10 <= width {
        info.width()
    } else {
        0
    };
    let crumbs = breadcrumb(app, width - info_w);
    let used: usize = crumbs.iter().map(|s| s.content.width()).sum();
    let mut first = crumbs;
    if info_w > 0 {
        first.push(Span::raw(" ".repeat(width.saturating_sub(used + info_w))));
        first.push(Span::styled(info, DIM));
    }
    let top = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(fit(first, width)).style(Style::new().bg(Color::Black)),
        top,
    );
    if area.height < 2 {
        return;
    }
    let bottom = Rect {
        y: area.y + 1,
        height: 1,
        ..area
    };
    let line = match &app.message {
        None if app.first.is_some() => {
            with_kept(app, Line::styled(cut(&first_note(app), width), DIM), width)
        }
        None if app.loading.is_some() => Line::styled(
            cut(
                " reading the graph file again; the last good graph stays usable",
                width,
            ),
            DIM,
        ),
        Some(m) if m.error => with_kept(
            app,
            Line::styled(
                cut(&m.text, width),
                Style::new()
                    .fg(Color::LightRed)
                    .add_modifier(Modifier::BOLD),
            ),
            width,
        ),
        Some(m) => with_kept(
            app,
            Line::styled(cut(&m.text, width), Style::new().fg(Color::LightGreen)),
            width,
        ),
        None => hints(app, width),
    };
    frame.render_widget(Paragraph::new(line), bottom);
}

/// What the first load is reading: the file and its size.
fn first_note(app: &App) -> String {
    let bytes = app.first.as_ref().map_or(0, |f| f.bytes);
    let size = match bytes {
        b if b >= 10 << 20 => format!("{} MB", b / 1_000_000),
        b if b >= 10_000 => format!("{} kB", b / 1000),
        b => format!("{b} bytes"),
    };
    format!(
        " reading {} ({size})…",
        visible(&app.graph.source.short_name())
    )
}

/// The jump list as a trail, the current node in bold, the nodes ahead of
/// it dimmed; cut at the left with `…` when it does not fit.
fn breadcrumb(app: &App, width: usize) -> Vec<Span<'static>> {
    let pos = app.jumps.pos();
    let items: Vec<(String, Style)> = app
        .jumps
        .entries()
        .iter()
        .enumerate()
        .map(|(i, j)| {
            let style = if i == pos {
                Style::new().add_modifier(Modifier::BOLD)
            } else if i > pos {
                DIM
            } else {
                Style::new()
            };
            (cut(&visible(app.label(j.node)), 24), style)
        })
        .collect();
    let build = |start: usize| {
        let mut spans = vec![Span::raw(" ")];
        if start > 0 {
            spans.push(Span::styled("… › ", DIM));
        }
        for (i, (label, style)) in items.iter().enumerate().skip(start) {
            if i > start {
                spans.push(Span::styled(" › ", DIM));
            }
            spans.push(Span::styled(label.clone(), *style));
        }
        spans
    };
    let mut start = 0;
    loop {
        let spans = build(start);
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        if used <= width || start >= pos {
            return spans;
        }
        start += 1;
    }
}

/// The keys that matter where the keys are now, most useful first.
fn actions_here(app: &App) -> (Scope, &'static [(Action, &'static str)]) {
    use Action as A;
    let scope = app.scope();
    let actions: &'static [(Action, &'static str)] = match (scope, app.mode.view()) {
        (Scope::Browse, _) => match app.main.pane {
            Pane::Hits => &[
                (A::Open, "open"),
                (A::FocusSearch, "search"),
                (A::FilterKind, "kind filter"),
                (A::NextPane, "pane"),
                (A::Back, "back"),
                (A::PathMode, "path"),
                (A::GraphView, "graph"),
                (A::Study, "study"),
            ],
            Pane::Node => &[
                (A::MoveDown, "scroll"),
                (A::NextPane, "pane"),
                (A::Back, "back"),
                (A::FocusSearch, "search"),
                (A::PathMode, "path"),
                (A::Study, "study"),
                (A::GraphView, "graph"),
                (A::Export, "export"),
            ],
            Pane::Neighbours => &[
                (A::Open, "open"),
                (A::Back, "back"),
                (A::FilterRelation, "relation filter"),
                (A::Study, "study"),
                (A::FocusSearch, "search"),
                (A::PathMode, "path"),
                (A::GraphView, "graph"),
                (A::Export, "export"),
            ],
        },
        (Scope::Search, _) => &[
            (A::MoveDown, "next hit"),
            (A::Open, "open"),
            (A::LeaveSearch, "leave"),
            (A::ClearInput, "clear"),
            (A::NextPane, "pane"),
        ],
        (Scope::Query, _) => &[
            (A::Complete, "complete"),
            (A::MoveDown, "next hit"),
            (A::Open, "open"),
            (A::LeaveSearch, "leave"),
            (A::ClearInput, "clear"),
        ],
        (Scope::Picker, _) => &[(A::Confirm, "choose"), (A::CloseOverlay, "cancel")],
        (Scope::Prompt, _) => &[(A::Confirm, "write"), (A::CloseOverlay, "cancel")],
        (Scope::Help, _) => &[(A::MoveDown, "scroll"), (A::CloseOverlay, "close")],
        (_, Some(view)) => view.hints(),
        (_, None) => &[],
    };
    (scope, actions)
}

/// A key and what it does, as the status line shows it.
fn spans_of(scope: Scope, action: Action, what: &str) -> Vec<Span<'static>> {
    let Some(key) = keys_for(scope, action).first().map(|k| k.name()) else {
        return Vec::new();
    };
    vec![
        Span::styled(key, Style::new().fg(Color::Cyan)),
        Span::styled(format!(" {what}  "), DIM),
    ]
}

/// Whether an action is the way out of where the keys are.
fn way_out(a: Action) -> bool {
    matches!(
        a,
        Action::LeaveView | Action::CloseOverlay | Action::LeaveSearch
    )
}

/// What stays in sight on the status line: the way out, help and quit.
fn kept_hints(scope: Scope, actions: &[(Action, &str)]) -> Vec<Span<'static>> {
    (actions.iter().copied())
        .filter(|(a, _)| way_out(*a))
        .chain([(Action::ToggleHelp, "help"), (Action::Quit, "quit")])
        .flat_map(|(a, w)| spans_of(scope, a, w))
        .collect()
}

/// A message, with the kept hints after it when both fit.
fn with_kept(app: &App, message: Line<'static>, width: usize) -> Line<'static> {
    let (scope, actions) = actions_here(app);
    let tail = kept_hints(scope, actions);
    let tail_w: usize = tail.iter().map(|s| s.content.width()).sum();
    let msg_w = message.width();
    if msg_w + 2 + tail_w > width {
        return message;
    }
    let mut spans = message.spans;
    spans.push(Span::raw(" ".repeat(width - msg_w - tail_w)));
    spans.extend(tail);
    Line::from(spans)
}

/// The keys that matter in the current scope and pane: help, quit and the
/// way out always, the others as many as fit, most useful first.
fn hints(app: &App, width: usize) -> Line<'static> {
    let (scope, actions) = actions_here(app);
    let tail = kept_hints(scope, actions);
    let tail_w: usize = tail.iter().map(|s| s.content.width()).sum();
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1 + tail_w;
    for (action, what) in actions.iter().filter(|(a, _)| !way_out(*a)) {
        let pair = spans_of(scope, *action, what);
        let w: usize = pair.iter().map(|s| s.content.width()).sum();
        if used + w > width {
            break;
        }
        used += w;
        spans.extend(pair);
    }
    spans.extend(tail);
    fit(spans, width)
}

/// The banner shown while the graph file has errors: returns the rows it took.
pub fn banner(app: &App, frame: &mut Frame, area: Rect) {
    let Some(lines) = &app.banner else { return };
    let block = Block::bordered()
        .title(" the graph file has errors; showing the last good graph ")
        .border_style(Style::new().fg(Color::LightRed));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut shown: Vec<Line> = lines
        .iter()
        .take(inner.height as usize)
        .map(|l| Line::styled(cut(&visible(l), width), Style::new().fg(Color::LightRed)))
        .collect();
    let hidden = lines.len().saturating_sub(inner.height as usize);
    if hidden > 0 && !shown.is_empty() {
        shown.pop();
        shown.push(Line::styled(
            cut(
                &format!("… {} more; `mlkg check` lists them all", hidden + 1),
                width,
            ),
            DIM,
        ));
    }
    frame.render_widget(Paragraph::new(shown), inner);
}

/// How many rows the banner needs.
pub fn banner_height(app: &App) -> u16 {
    app.banner
        .as_ref()
        .map_or(0, |l| (l.len().min(4) + 2) as u16)
}
