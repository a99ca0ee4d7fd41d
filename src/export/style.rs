//! How kinds look in pictures: a fill colour each (never two kinds alike),
//! a DOT shape and a Mermaid shape each, shared by the DOT and Mermaid
//! exports and their legends.

use crate::graph::Graph;

/// Graphviz node shapes, one per declared kind in order.
const DOT_SHAPES: &[&str] = &[
    "box",
    "ellipse",
    "hexagon",
    "note",
    "cylinder",
    "component",
    "diamond",
    "parallelogram",
    "octagon",
    "tab",
    "house",
    "trapezium",
    "egg",
    "folder",
];

/// Mermaid flowchart shapes as (opening, closing) around the label.
const MERMAID_SHAPES: &[(&str, &str)] = &[
    ("[", "]"),
    ("(", ")"),
    ("{{", "}}"),
    ("[[", "]]"),
    ("[(", ")]"),
    ("([", "])"),
    ("{", "}"),
    ("[/", "/]"),
    ("((", "))"),
    (">", "]"),
    ("[\\", "\\]"),
    ("[/", "\\]"),
    ("[\\", "/]"),
    ("(((", ")))"),
];

/// Light fills, black text reads on each; used when a kind's own colour is
/// taken or missing.
const PALETTE: &[&str] = &[
    "#a9c8f0", "#f5e6a3", "#b5e3b5", "#f4a6a6", "#e3b3e8", "#a8e6e6", "#f7c9a0", "#d0d0d0",
    "#c9b8f0", "#d9ecb0", "#f0c0d8", "#b8d8d0", "#e8d8b8", "#c8d0f8", "#f8d8c8", "#d8f0e8",
];

/// A fill colour for a kind's colour name: a tint black text reads on; the
/// light variant of a colour is lighter than the plain one.
pub fn fill_color(name: &str) -> String {
    if let Some(hex) = name.strip_prefix('#')
        && hex.len() == 6
        && hex.chars().all(|c| c.is_ascii_hexdigit())
    {
        return format!("#{hex}");
    }
    let hex = match name
        .to_ascii_lowercase()
        .replace(['-', '_', ' '], "")
        .as_str()
    {
        "red" => "#f4a6a6",
        "lightred" => "#fbd5cc",
        "green" => "#b5e3b5",
        "lightgreen" => "#dcf3c8",
        "yellow" => "#f5e6a3",
        "lightyellow" => "#fbf5d6",
        "blue" => "#a9c8f0",
        "lightblue" => "#d3e4fa",
        "magenta" => "#e3b3e8",
        "lightmagenta" => "#f3dcf5",
        "cyan" => "#a8e6e6",
        "lightcyan" => "#d6f5f5",
        "gray" | "grey" | "darkgray" | "darkgrey" => "#d0d0d0",
        "black" => "#bbbbbb",
        _ => "#f0f0f0",
    };
    hex.to_string()
}

/// The look of each declared kind, in declaration order.
#[derive(Debug, Clone)]
pub struct Looks {
    /// Fill colours, all different (while the palette lasts).
    pub fills: Vec<String>,
}

impl Looks {
    /// Each kind's fill: its own colour unless an earlier kind has it, then
    /// the first palette colour no kind uses.
    pub fn new(graph: &Graph) -> Looks {
        let owns: Vec<String> = graph.kinds.values().map(|k| fill_color(&k.color)).collect();
        let all: std::collections::HashSet<&str> = owns.iter().map(String::as_str).collect();
        let mut fills: Vec<String> = Vec::with_capacity(owns.len());
        let mut taken = std::collections::HashSet::new();
        let mut spare = PALETTE.iter().filter(|c| !all.contains(**c));
        for own in &owns {
            let own = own.clone();
            let fill = if taken.contains(&own) {
                spare.next().map_or(own, |c| c.to_string())
            } else {
                own
            };
            taken.insert(fill.clone());
            fills.push(fill);
        }
        Looks { fills }
    }

    /// A kind's fill by its position, or the fill of an undeclared kind.
    pub fn fill(&self, kind: Option<usize>) -> &str {
        kind.and_then(|k| self.fills.get(k))
            .map_or("#f0f0f0", String::as_str)
    }
}

/// A kind's Graphviz shape by its position.
pub fn dot_shape(kind: Option<usize>) -> &'static str {
    kind.map_or("box", |k| DOT_SHAPES[k % DOT_SHAPES.len()])
}

/// A kind's Mermaid shape by its position, as (opening, closing).
pub fn mermaid_shape(kind: Option<usize>) -> (&'static str, &'static str) {
    kind.map_or(("[", "]"), |k| MERMAID_SHAPES[k % MERMAID_SHAPES.len()])
}
