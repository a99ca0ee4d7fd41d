//! The left pane: the search box, and the ranked hits with their matched
//! characters highlighted and a coloured kind badge; a hit found in the text
//! shows the stretch it was found in after its label.
//!
//! ```text
//! ┌ Search (/) ──────────┐
//! │ xgb▌                 │
//! └──────────────────────┘
//! ┌ 3 hits ─ kind: Algo ─┐
//! │› Algo XGBoost        │
//! │  Conc Gradient boost │
//! └────────────── ↓ 1 ───┘
//! ```

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{
    DIM, FOCUSED_BORDER, SELECTED, badge_fit, cut, fit, highlighted, input_line, scroll_marks,
};
use crate::text::visible;
use crate::tui::app::{App, Pane};
use crate::tui::screen::{Region, ScreenMap};

/// Where the hit rows go in the pane's area.
pub fn list_area(area: Rect) -> Rect {
    let [_, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    Block::bordered().inner(list)
}

/// Draws the search box and the hits.
pub fn render(app: &App, frame: &mut Frame, area: Rect, map: &mut ScreenMap) {
    let m = &app.main;
    let typing = m.typing;
    let focused = m.pane == Pane::Hits;
    let [search, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
    let border = |on: bool| if on { FOCUSED_BORDER } else { Style::new() };
    let asking = app.asking();
    let search_block = Block::bordered()
        .title(if asking {
            " Query (:) "
        } else {
            " Search (/) "
        })
        .border_style(border(typing));
    let inner = search_block.inner(search);
    frame.render_widget(search_block, search);
    let hint = (!typing && m.query.text().is_empty()).then_some("press / to search");
    frame.render_widget(
        Paragraph::new(input_line(&m.query, typing, hint, inner.width)),
        inner,
    );
    map.area(Region::SearchBox, search);

    let count = match m.hits.len() {
        1 => "1 hit".to_string(),
        n if n >= crate::tui::app::MAX_HITS => format!("{n}+ hits"),
        n => format!("{n} hits"),
    };
    let mut title = vec![Span::raw(format!(" {count} "))];
    if crate::tui::app::bounded_query(m.query.text()).1 {
        title.push(Span::styled(
            format!(
                " each word once, the first {} searched ",
                crate::tui::app::MAX_QUERY_WORDS
            ),
            DIM,
        ));
    }
    if asking && !m.asked.guesses.is_empty() {
        let taken = format!(" taking {} ", m.asked.guesses.join(", "));
        title.push(Span::styled(visible(&taken).into_owned(), DIM));
    }
    if let Some(k) = &app.filters.kind {
        title.push(Span::styled(
            format!(" kind: {} (f) ", visible(app.graph.kind_label(k))),
            Style::new().add_modifier(Modifier::REVERSED),
        ));
    }
    let mut block = Block::bordered()
        .title(Line::from(title))
        .border_style(border(focused && !typing));
    if asking && typing && !m.asked.completion.candidates.is_empty() {
        let names: Vec<&str> = m
            .asked
            .completion
            .candidates
            .iter()
            .map(|(c, _)| c.as_str())
            .collect();
        let text = format!(" Tab: {} ", names.join(" · "));
        block = block.title_bottom(Line::styled(
            cut(&visible(&text), list.width.saturating_sub(4) as usize),
            FOCUSED_BORDER,
        ));
    }
    let inner = block.inner(list);
    let height = inner.height as usize;
    let offset = m.hit_list.shown_offset(height);
    block = scroll_marks(block, offset, m.hits.len(), height);
    frame.render_widget(block, list);
    let lines: Vec<Line> = (m.hits.iter().enumerate().skip(offset).take(height))
        .map(|(i, hit)| {
            let node = app.graph.node(hit.node);
            let selected = i == m.hit_list.sel;
            let base = if selected && focused {
                SELECTED
            } else {
                Style::new()
            };
            let mut spans = vec![
                Span::styled(if selected { "› " } else { "  " }, base),
                badge_fit(&app.graph, &node.kind, inner.width as usize).patch_style(base),
                Span::styled(" ", base),
            ];
            spans.extend(highlighted(&node.label, &hit.positions, base));
            let full = app.graph.display_name(hit.node);
            if let Some(owner) = full.strip_prefix(&*visible(&node.label)) {
                spans.push(Span::styled(owner.to_string(), base.patch(DIM)));
            }
            if hit.positions.is_empty()
                && !asking
                && let Some(alias) = matched_alias(&node.aliases, m.query.text())
            {
                spans.push(Span::styled(
                    format!("  ← {}", visible(alias)),
                    base.patch(DIM),
                ));
            }
            // The snippet only where a few of its characters fit after the label.
            let used = 7 + unicode_width::UnicodeWidthStr::width(&*full) + 3;
            let room = (inner.width as usize).saturating_sub(used) >= 8;
            if let Some(found) = hit.snippet.as_ref().filter(|_| room).map(|s| s.around(0)) {
                spans.push(Span::styled(" — ", base.patch(DIM)));
                spans.extend(highlighted(&found.text, &found.positions, base.patch(DIM)));
            }
            let mut line = fit(spans, inner.width as usize);
            if selected && focused {
                line = line.style(SELECTED);
            }
            line
        })
        .collect();
    if asking && m.hits.is_empty() && height > 0 {
        let text = match &m.asked.error {
            Some(e) => e.clone(),
            None if m.query.text().trim() == ":" => QUERY_HELP.to_string(),
            None => "no node answers this query".to_string(),
        };
        // The message and the help wrap under their indent; the query and
        // its caret line stay whole.
        let width = inner.width as usize;
        let lines: Vec<Line> = (text.lines().enumerate())
            .flat_map(|(i, l)| match (m.asked.error.is_some(), i) {
                (true, 1 | 2) => vec![cut(&visible(l), width)],
                _ => {
                    let indent = &l[..l.len() - l.trim_start().len()];
                    let room = width.saturating_sub(indent.len());
                    (super::wrap(&visible(l.trim_start()), room).into_iter())
                        .map(|part| format!("{indent}{part}"))
                        .collect()
                }
            })
            .map(|l| Line::styled(l, DIM))
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    } else if m.hits.is_empty() && height > 0 {
        let msg = if app.first_loading() {
            "the graph is loading"
        } else if m.query.text().is_empty() {
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
    map.list(Region::Hits, inner, offset);
}

/// What an empty query prompt shows.
const QUERY_HELP: &str = "kind:K          of kind K
REL:NODE        an edge REL to NODE (or below it by is_a)
<REL:NODE       an edge REL from NODE
REL:*  REL:A|B  any node; A or B
REL:=NODE       only to NODE
REL:NODE!       NODE itself, not below it
REL:N[p=v]      the edge's props; p=v: the node's
-TERM           the term does not hold
Tab completes kinds, relations, nodes";

/// The alias a query matched, when it did not match the label: the first
/// alias holding the query's letters in order.
fn matched_alias<'a>(aliases: &'a [String], query: &str) -> Option<&'a str> {
    let want: Vec<char> = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if want.is_empty() {
        return None;
    }
    aliases.iter().map(String::as_str).find(|alias| {
        let mut rest = want.iter().peekable();
        for c in alias.chars().flat_map(char::to_lowercase) {
            if rest.peek() == Some(&&c) {
                rest.next();
            }
        }
        rest.peek().is_none()
    })
}
