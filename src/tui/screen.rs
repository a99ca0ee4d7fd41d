//! What a frame returns for the mouse (the hit map: which part of the
//! state each area of the screen shows), and what a cell resolves to.

use ratatui::layout::Rect;

/// A part of the screen that the mouse can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// The search box.
    SearchBox,
    /// The hit rows.
    Hits,
    /// The focused node's pane.
    Node,
    /// The neighbour rows.
    Neighbours,
    /// The list of the open view (path steps or targets, graph-view nodes).
    View,
    /// The rows of a filter list.
    Picker,
    /// The help overlay.
    Help,
}

/// What a cell of the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Row `usize` of a list.
    Row(Region, usize),
    /// A region, off its rows.
    Area(Region),
    /// Nothing the mouse acts on.
    Nothing,
}

/// A drawn area and, for a list, the index of its top row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spot {
    region: Region,
    area: Rect,
    first_row: Option<usize>,
}

/// Where things were drawn in one frame, newest on top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScreenMap {
    spots: Vec<Spot>,
}

impl ScreenMap {
    /// Records an area that shows rows `first_row..` of a list.
    pub fn list(&mut self, region: Region, area: Rect, first_row: usize) {
        self.spots.push(Spot {
            region,
            area,
            first_row: Some(first_row),
        });
    }

    /// Records an area without rows.
    pub fn area(&mut self, region: Region, area: Rect) {
        self.spots.push(Spot {
            region,
            area,
            first_row: None,
        });
    }

    /// Records one row of a list drawn at a place of its own (a graph label).
    pub fn item(&mut self, region: Region, area: Rect, index: usize) {
        self.spots.push(Spot {
            region,
            area: Rect { height: 1, ..area },
            first_row: Some(index),
        });
    }

    /// What the cell at (column, row) shows: the last thing drawn there.
    pub fn target_at(&self, col: u16, row: u16) -> Target {
        for s in self.spots.iter().rev() {
            let a = s.area;
            if col >= a.x && col < a.right() && row >= a.y && row < a.bottom() {
                return match s.first_row {
                    Some(first) => Target::Row(s.region, first + (row - a.y) as usize),
                    None => Target::Area(s.region),
                };
            }
        }
        Target::Nothing
    }

    /// The one-row items drawn for a region (graph labels), with their index.
    pub fn items(&self, region: Region) -> Vec<(Rect, usize)> {
        self.spots
            .iter()
            .filter(|s| s.region == region && s.area.height == 1)
            .filter_map(|s| Some((s.area, s.first_row?)))
            .collect()
    }

    /// The area a region was drawn in, if it was.
    pub fn area_of(&self, region: Region) -> Option<Rect> {
        self.spots
            .iter()
            .rev()
            .find(|s| s.region == region)
            .map(|s| s.area)
    }
}
