//! Lays out the screen and hands each part to its widget. Nothing here
//! changes the explorer's state except list scroll offsets and the map of
//! where things were drawn (for the mouse).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::app::{App, Mode, Pane, ScreenMap};
use super::widgets::{
    DIM, FOCUSED_BORDER, graph_view, hits, neighbours, node, path, popups, status,
};

/// From this many columns on, the three panes show side by side.
pub const WIDE: u16 = 100;

/// Draws the whole screen.
///
/// ```text
/// wide (>= 100 columns)                       narrow (< 100 columns)
/// ┌ banner: graph file errors, if any ────┐   ┌ banner ───────────────┐
/// ┌Search──┐┌Node─────────┐┌Neighbours──┐    │ Search │ Node │ Neigh… │  (tabs)
/// │ query  ││ label       ││ accepts →  │    ┌ the focused pane ─────┐
/// └────────┘│ kind · id   ││ › CSV      │    │                       │
/// ┌N hits──┐│ summary     ││ ← used by  │    │                       │
/// │› hit   ││ notes …     ││   +3 more  │    └───────────────────────┘
/// └────────┘└─────────────┘└────────────┘     trail › of › nodes
///  trail › of › nodes        graph · size      message or keys
///  message or keys
/// ```
/// Path mode and the local-graph view take the whole body; overlays (help,
/// filter list, export prompt) go on top of everything.
pub fn view(app: &mut App, frame: &mut Frame) {
    let area = frame.area();
    app.screen = ScreenMap {
        page: app.screen.page,
        ..ScreenMap::default()
    };
    let banner_h = status::banner_height(app).min(area.height.saturating_sub(3));
    let status_h = 2.min(area.height);
    let [banner, body, bottom] = Layout::vertical([
        Constraint::Length(banner_h),
        Constraint::Min(0),
        Constraint::Length(status_h),
    ])
    .areas(area);
    status::banner(app, frame, banner);
    match app.mode {
        Mode::Path => path::render(app, frame, body),
        Mode::Graph => graph_view::render(app, frame, body),
        Mode::Browse | Mode::Search if body.width >= WIDE => {
            let [left, middle, right] = Layout::horizontal([
                Constraint::Percentage(30),
                Constraint::Percentage(38),
                Constraint::Percentage(32),
            ])
            .areas(body);
            hits::render(app, frame, left);
            node::render(app, frame, middle);
            neighbours::render(app, frame, right);
        }
        Mode::Browse | Mode::Search => narrow(app, frame, body),
    }
    status::render(app, frame, bottom);
    popups::render(app, frame, area);
}

/// One pane at a time, with a tab line saying which and how to switch.
fn narrow(app: &mut App, frame: &mut Frame, body: Rect) {
    let tabs_h = 1.min(body.height);
    let [tabs, pane] =
        Layout::vertical([Constraint::Length(tabs_h), Constraint::Min(0)]).areas(body);
    let mut spans = Vec::new();
    for (p, name) in [
        (Pane::Hits, "Search"),
        (Pane::Node, "Node"),
        (Pane::Neighbours, "Neighbours"),
    ] {
        let style = if p == app.pane {
            FOCUSED_BORDER.add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!(" {name} "), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled("Tab switches", DIM));
    frame.render_widget(
        Paragraph::new(super::widgets::fit(spans, tabs.width as usize)),
        tabs,
    );
    match app.pane {
        Pane::Hits => hits::render(app, frame, pane),
        Pane::Node => node::render(app, frame, pane),
        Pane::Neighbours => neighbours::render(app, frame, pane),
    }
}
