//! Lays out the screen and hands each part to its widget. Drawing is pure:
//! it reads the state and returns the hit map the mouse needs; the same
//! layout serves `update` to keep every list's selection in view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::app::{App, Pane, Row};
use super::screen::ScreenMap;
use super::widgets::{DIM, FOCUSED_BORDER, hits, neighbours, node, popups, status};

/// From this many columns on, the three panes show side by side.
pub const WIDE: u16 = 100;

/// Where the parts of the screen go.
#[derive(Debug, Clone, Copy)]
pub struct Areas {
    /// The banner of graph file errors (0 rows without).
    pub banner: Rect,
    /// Everything between the banner and the status lines.
    pub body: Rect,
    /// The two status lines.
    pub status: Rect,
    /// The main screen's panes: hits, node, neighbours (one shared area
    /// under [`WIDE`] columns, below a tab line).
    pub panes: [Rect; 3],
    /// The tab line under [`WIDE`] columns.
    pub tabs: Option<Rect>,
}

/// Lays out a screen of `area`.
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
/// A view (path mode, the local-graph view) takes the whole body; overlays
/// (help, filter list, export prompt) go on top of everything.
pub fn layout(app: &App, area: Rect) -> Areas {
    let banner_h = status::banner_height(app).min(area.height.saturating_sub(3));
    let status_h = 2.min(area.height);
    let [banner, body, bottom] = Layout::vertical([
        Constraint::Length(banner_h),
        Constraint::Min(0),
        Constraint::Length(status_h),
    ])
    .areas(area);
    let (panes, tabs) = if body.width >= WIDE {
        let panes = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(38),
            Constraint::Percentage(32),
        ])
        .areas(body);
        (panes, None)
    } else {
        let tabs_h = 1.min(body.height);
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(tabs_h), Constraint::Min(0)]).areas(body);
        ([pane; 3], Some(tabs))
    };
    Areas {
        banner,
        body,
        status: bottom,
        panes,
        tabs,
    }
}

/// Lays the main screen's lists out, keeping each selection in view.
pub fn fit_main(app: &mut App, areas: &Areas) {
    let [left, middle, right] = areas.panes;
    let (text, lines) = node::text_area(app, middle);
    let shown = app.shown_node();
    let m = &mut app.main;
    if m.shown != shown {
        m.shown = shown;
        m.node_scroll = crate::tui::list::List::default();
    }
    m.hit_list.fit(hits::list_area(left).height as usize);
    let height = neighbours::list_area(right).height as usize;
    if height != m.rows_room {
        // Groups fold or unfold with the room: keep the selected row's node.
        m.rows_room = height;
        let keep = m.selected_row().cloned();
        app.rebuild_rows(0);
        if let Some(at) = keep.and_then(|k| app.main.rows.iter().position(|r| *r == k)) {
            app.main.row_list.select(at);
        }
    }
    let m = &mut app.main;
    m.row_list.fit(height);
    // Keep a group's heading in sight when its first row is selected.
    let l = &mut m.row_list;
    if l.offset > 0
        && l.offset == l.sel
        && height > 1
        && let Some(Row::Heading { .. }) = m.rows.get(l.sel - 1)
    {
        l.offset -= 1;
    }
    m.node_scroll.len = lines;
    m.node_scroll.fit_scroll(text.height as usize);
}

/// Draws the whole screen; returns where things were drawn, for the mouse.
pub fn draw(app: &App, frame: &mut Frame) -> ScreenMap {
    let area = frame.area();
    let areas = layout(app, area);
    let mut map = ScreenMap::default();
    status::banner(app, frame, areas.banner);
    match app.mode.view() {
        Some(v) => v.render(app, frame, areas.body, &mut map),
        None => match areas.tabs {
            None => {
                let [left, middle, right] = areas.panes;
                hits::render(app, frame, left, &mut map);
                node::render(app, frame, middle, &mut map);
                neighbours::render(app, frame, right, &mut map);
            }
            Some(tabs) => narrow(app, frame, tabs, areas.panes[0], &mut map),
        },
    }
    status::render(app, frame, areas.status);
    popups::render(app, frame, area, &mut map);
    map
}

/// One pane at a time, with a tab line saying which and how to switch.
fn narrow(app: &App, frame: &mut Frame, tabs: Rect, pane: Rect, map: &mut ScreenMap) {
    let mut spans = Vec::new();
    for (p, name) in [
        (Pane::Hits, "Search"),
        (Pane::Node, "Node"),
        (Pane::Neighbours, "Neighbours"),
    ] {
        let style = if p == app.main.pane {
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
    match app.main.pane {
        Pane::Hits => hits::render(app, frame, pane, map),
        Pane::Node => node::render(app, frame, pane, map),
        Pane::Neighbours => neighbours::render(app, frame, pane, map),
    }
}
