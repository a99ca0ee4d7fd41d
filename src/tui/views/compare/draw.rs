//! Drawing the compare view: the two names over two columns, a heading per
//! relation, a row per neighbour in the column of the node that has it, the
//! props, and the selected row's notes (or a prop's full values) underneath.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{CompareRow, CompareView};
use crate::graph::NodeIndex;
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::screen::{Region, ScreenMap};
use crate::tui::widgets::{DIM, FOCUSED_BORDER, SELECTED, cut, scroll_marks};

/// ```text
/// ┌ Compare ────────────────────────────────────┐
/// │  LDA [algorithm]        NTM [algorithm]     │
/// │ accepts →                                   │
/// │› CSV                    CSV                 │
/// │                         GPU                 │
/// └─────────────────────────────────────────────┘
///   the selected row's notes
/// ```
pub(super) fn render(
    v: &CompareView,
    app: &App,
    frame: &mut Frame,
    area: Rect,
    map: &mut ScreenMap,
) {
    let [boxed, notes] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let block = Block::bordered()
        .title(" Compare (c closes) ")
        .border_style(FOCUSED_BORDER);
    let inner = block.inner(boxed);
    let list = list_area(area);
    let offset = v.list.shown_offset(list.height as usize);
    let block = scroll_marks(block, offset, v.rows.len(), list.height as usize);
    frame.render_widget(block, boxed);
    let half = (inner.width as usize).saturating_sub(2) / 2;
    let name = |ix: NodeIndex| visible(&app.graph.node(ix).label).into_owned();
    let head = |ix: NodeIndex| format!("{} [{}]", name(ix), app.graph.node(ix).kind);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = vec![Line::styled(
        two("  ", &head(v.left), &head(v.right), half),
        bold,
    )];
    for (i, row) in v
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(list.height as usize)
    {
        let mark = if i == v.list.sel { "› " } else { "  " };
        let line = match row {
            CompareRow::Heading(h) => Line::styled(cut(&visible(h), inner.width as usize), bold),
            CompareRow::Item { left, right, .. } => {
                let (l, r) = (left.map(name), right.map(name));
                Line::raw(two(
                    mark,
                    &l.unwrap_or_default(),
                    &r.unwrap_or_default(),
                    half,
                ))
            }
            CompareRow::Prop(k, l, r) => {
                let (l, r) = (format!("{k}: {l}"), format!("{k}: {r}"));
                Line::styled(two(mark, &visible(&l), &visible(&r), half), DIM)
            }
        };
        lines.push(if i == v.list.sel {
            line.style(SELECTED)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    map.list(Region::View, list, offset);
    let text = match v.rows.get(v.list.sel) {
        Some(CompareRow::Item { note, .. }) => format!(" {note}"),
        Some(CompareRow::Prop(k, l, r)) => {
            format!(" {k} — {}: {l} · {}: {r}", name(v.left), name(v.right))
        }
        _ => String::new(),
    };
    let text = cut(&visible(&text), notes.width as usize);
    frame.render_widget(Paragraph::new(Span::styled(text, DIM)), notes);
}

/// A line of two columns `half` wide each: the mark, the left text, then the
/// right text where the right column starts (the right text after the mark's
/// width, so both names line up with their neighbours).
fn two(mark: &str, left: &str, right: &str, half: usize) -> String {
    let room = half.saturating_sub(2);
    let left = format!("{mark}{}", cut(left, room));
    let pad = half.saturating_sub(UnicodeWidthStr::width(left.as_str()));
    format!("{left}{}{}", " ".repeat(pad), cut(right, half))
}

/// Where the rows go: inside the border, under the line of the two names,
/// above the line of notes.
pub(super) fn list_area(area: Rect) -> Rect {
    let inner = Block::bordered().inner(Rect {
        height: area.height.saturating_sub(1),
        ..area
    });
    Rect {
        y: inner.y + 1.min(inner.height),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}
