//! Helpers for the tests of the explorer's query prompt, compare view and
//! table view: an app on the query fixture, keys pressed through the key
//! table, and frames drawn at a size.

#![allow(dead_code)]

use std::path::Path;

use mlkg::graph::load::load_path;
use mlkg::tui::app::App;
use mlkg::tui::event::Event;
use mlkg::tui::keymap::{self, Key};
use mlkg::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub fn app_on(id: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ask.ron");
    let graph = load_path(&path).expect("fixture loads").graph;
    let start = graph.find(id).expect("start node exists");
    App::new(graph, Some(start))
}

pub fn press(app: &mut App, keys: &[Key]) {
    for &k in keys {
        if let Some(a) = keymap::lookup(app.scope(), k) {
            app.update(a);
        }
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, &[Key::Char(c)]);
    }
}

pub fn id(app: &App, ix: mlkg::graph::NodeIndex) -> String {
    app.graph.node(ix).id.to_string()
}

pub fn hit_ids(app: &App) -> Vec<String> {
    app.main.hits.iter().map(|h| id(app, h.node)).collect()
}

pub fn focus(app: &App) -> String {
    id(app, app.focus.expect("a focus"))
}

pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Event::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            view::draw(app, f);
        })
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// An app on the embedded graph, focused on `id`.
pub fn app_on_embedded(id: &str) -> App {
    let graph = mlkg::graph::load::load_embedded()
        .expect("the embedded graph loads")
        .graph;
    let start = graph.find(id).expect("start node exists");
    App::new(graph, Some(start))
}

/// The hits' ids after typing `query` in the query prompt (opened with `:`).
pub fn asked(app: &mut App, query: &str) -> Vec<String> {
    press(app, &[Key::Char(':'), Key::Ctrl('u'), Key::Char(':')]);
    type_text(app, query);
    hit_ids(app)
}
