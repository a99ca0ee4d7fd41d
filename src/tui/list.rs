//! The one list component every list of the explorer uses (hits,
//! neighbours, path steps, the local-graph view's nodes, filter lists, the
//! help): a selection and a scroll offset over `len` rows, with the same
//! movement rules everywhere. Moves stop at the ends (no wrapping); a page
//! is the rows the list showed last; rows that cannot hold the selection
//! (group headings) are skipped.

use super::action::Action;

/// A selection and a scroll offset over a list of rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct List {
    /// The selected row.
    pub sel: usize,
    /// The first row shown.
    pub offset: usize,
    /// How many rows there are.
    pub len: usize,
    /// How many rows the list shows (0 until it is laid out).
    pub height: usize,
}

impl List {
    /// A list of `len` rows, the first selected.
    pub fn new(len: usize) -> List {
        List {
            len,
            ..List::default()
        }
    }

    /// Sets the number of rows, keeping the selection inside.
    pub fn set_len(&mut self, len: usize) {
        self.len = len;
        self.sel = self.sel.min(len.saturating_sub(1));
        self.offset = self.offset.min(len.saturating_sub(1));
    }

    /// Rows a page moves: what the list showed last, at least one.
    pub fn page(&self) -> isize {
        self.height.max(1) as isize
    }

    /// How many rows a movement action moves, if it is one.
    fn distance(&self, action: Action) -> Option<isize> {
        Some(match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => self.page(),
            Action::PageUp => -self.page(),
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return None,
        })
    }

    /// Applies a movement action; false when the action is not a movement.
    pub fn apply(&mut self, action: Action, selectable: impl Fn(usize) -> bool) -> bool {
        let Some(by) = self.distance(action) else {
            return false;
        };
        self.step(by, selectable);
        true
    }

    /// Moves the selection `by` selectable rows (negative: up), stopping at the ends.
    pub fn step(&mut self, by: isize, selectable: impl Fn(usize) -> bool) {
        let rows: Vec<usize> = (0..self.len).filter(|&i| selectable(i)).collect();
        if rows.is_empty() {
            self.sel = 0;
            return;
        }
        let at = rows
            .iter()
            .position(|&i| i >= self.sel)
            .unwrap_or(rows.len() - 1);
        let to = (at as isize)
            .saturating_add(by)
            .clamp(0, rows.len() as isize - 1);
        self.sel = rows[to as usize];
        self.keep_visible();
    }

    /// Selects a row (clamped), scrolling it into view.
    pub fn select(&mut self, i: usize) {
        self.sel = i.min(self.len.saturating_sub(1));
        self.keep_visible();
    }

    /// The selectable row nearest `from`: at or after it, else before it.
    pub fn select_nearest(&mut self, from: usize, selectable: impl Fn(usize) -> bool) {
        let after = (from..self.len).find(|&i| selectable(i));
        let before = || (0..from.min(self.len)).rev().find(|&i| selectable(i));
        self.sel = after.or_else(before).unwrap_or(0);
        self.keep_visible();
    }

    /// Scrolls by `by` rows without a selection (a text viewer).
    pub fn scroll(&mut self, by: isize) {
        let max = self.len.saturating_sub(self.height.max(1));
        self.offset = (self.offset as isize)
            .saturating_add(by)
            .clamp(0, max as isize) as usize;
    }

    /// Applies a movement action to a text viewer; false when it is not one.
    pub fn apply_scroll(&mut self, action: Action) -> bool {
        let Some(by) = self.distance(action) else {
            return false;
        };
        self.scroll(by);
        true
    }

    /// Lays the list out `height` rows high, keeping the selection in view.
    pub fn fit(&mut self, height: usize) {
        self.height = height;
        self.keep_visible();
    }

    /// Lays a text viewer out `height` rows high, keeping the offset in range.
    pub fn fit_scroll(&mut self, height: usize) {
        self.height = height;
        self.scroll(0);
    }

    fn keep_visible(&mut self) {
        self.offset = keep_visible(self.offset, self.sel, self.height);
    }

    /// The offset to draw with in a list `height` rows high: the stored one
    /// when it shows the selection, else the nearest that does.
    pub fn shown_offset(&self, height: usize) -> usize {
        keep_visible(self.offset, self.sel, height)
    }
}

/// The offset that keeps row `sel` visible in a list `height` rows high.
pub fn keep_visible(offset: usize, sel: usize, height: usize) -> usize {
    if height == 0 {
        return offset.min(sel);
    }
    if sel < offset {
        sel
    } else if sel >= offset + height {
        sel + 1 - height
    } else {
        offset
    }
}
