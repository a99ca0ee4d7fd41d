//! The left pane: the search box, and the ranked hits with their matched
//! characters highlighted and a coloured kind badge.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{DIM, FOCUSED_BORDER, SELECTED, badge, cut, fit, highlighted, scroll_marks};
use crate::text::visible;
use crate::tui::app::{App, ListArea, Mode, Pane, keep_visible};

/// Draws the search box and the hits.
pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    let typing = app.mode == Mode::Search;
    let focused = app.pane == Pane::Hits;
    let [search, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    let border = |on: bool| if on { FOCUSED_BORDER } else { Style::new() };
    let search_block = Block::bordered()
        .title(" Search (/) ")
        .border_style(border(typing));
    let inner = search_block.inner(search);
    frame.render_widget(search_block, search);
    let query = visible(&app.query).into_owned();
    let width = inner.width as usize;
    let shown = if typing {
        tail(&query, width.saturating_sub(1))
    } else {
        cut(&query, width)
    };
    let mut line = vec![Span::raw(shown)];
    if typing {
        line.push(Span::styled(
            " ",
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    } else if query.is_empty() {
        line.push(Span::styled(cut("press / to search", width), DIM));
    }
    frame.render_widget(Paragraph::new(Line::from(line)), inner);
    app.screen.search_box = Some(search);

    let count = match app.hits.len() {
        1 => "1 hit".to_string(),
        n if n >= crate::tui::app::MAX_HITS => format!("{n}+ hits"),
        n => format!("{n} hits"),
    };
    let mut title = vec![Span::raw(format!(" {count} "))];
    if let Some(k) = &app.kind_filter {
        title.push(Span::styled(
            format!(" kind: {} (f) ", visible(app.graph.kind_label(k))),
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    let mut block = Block::bordered()
        .title(Line::from(title))
        .border_style(border(focused && !typing));
    let inner = block.inner(list);
    let height = inner.height as usize;
    app.hit_offset = keep_visible(app.hit_offset, app.hit_sel, height);
    block = scroll_marks(block, app.hit_offset, app.hits.len(), height);
    frame.render_widget(block, list);
    let lines: Vec<Line> = app
        .hits
        .iter()
        .enumerate()
        .skip(app.hit_offset)
        .take(height)
        .map(|(i, hit)| {
            let node = app.graph.node(hit.node);
            let selected = i == app.hit_sel;
            let base = if selected && focused {
                SELECTED
            } else {
                Style::new()
            };
            let mut spans = vec![
                Span::styled(if selected { "› " } else { "  " }, base),
                badge(&app.graph, &node.kind).patch_style(base),
                Span::styled(" ", base),
            ];
            spans.extend(highlighted(&node.label, &hit.positions, base));
            let mut line = fit(spans, inner.width as usize);
            if selected && focused {
                line = line.style(SELECTED);
            }
            line
        })
        .collect();
    if app.hits.is_empty() && height > 0 {
        let msg = if app.query.is_empty() {
            "the graph has no nodes"
        } else {
            "no node matches; Ctrl-u clears"
        };
        frame.render_widget(
            Paragraph::new(Span::styled(cut(msg, inner.width as usize), DIM)),
            inner,
        );
    }
    frame.render_widget(Paragraph::new(lines), inner);
    app.screen.hits = Some(ListArea {
        area: inner,
        offset: app.hit_offset,
    });
    if focused {
        app.screen.page = height.max(1);
    }
}

/// The end of a text that fits a display width, with `…` in front when cut.
fn tail(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<char> = Vec::new();
    let mut w = 1;
    for &c in chars.iter().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.reverse();
    if width == 0 {
        return String::new();
    }
    format!("…{}", out.into_iter().collect::<String>())
}
