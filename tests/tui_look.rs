//! How the explorer looks to someone who has not used it: kinds told apart
//! by colour and by letters, the local graph as a layered diagram with its
//! relations on the edges, overlays that fit the screen, a way out named in
//! every view's status line, and no frame drawn when nothing changed.

use std::collections::HashSet;
use std::path::Path;

use mlkg::graph::load::{load_embedded, load_path};
use mlkg::tui::action::{Action, Effect};
use mlkg::tui::app::{App, Mode, Pane, Row};
use mlkg::tui::event::Event;
use mlkg::tui::screen::{Region, ScreenMap};
use mlkg::tui::view;
use mlkg::tui::widgets::kinds::Looks;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn fixture_app(start: Option<&str>) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron");
    let graph = load_path(&path).expect("fixture loads").graph;
    let start = start.map(|id| graph.find(id).expect("start node exists"));
    App::new(graph, start)
}

fn embedded(start: &str) -> App {
    let graph = load_embedded().expect("embedded graph loads").graph;
    let start = graph.find(start).expect("start node exists");
    App::new(graph, Some(start))
}

fn draw(app: &mut App, w: u16, h: u16) -> (Buffer, ScreenMap) {
    app.update(Event::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut map = ScreenMap::default();
    terminal.draw(|f| map = view::draw(app, f)).unwrap();
    (terminal.backend().buffer().clone(), map)
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    text(&draw(app, w, h).0)
}

#[test]
fn every_kind_of_the_embedded_graph_has_its_own_colour_letter_and_names() {
    let graph = load_embedded().unwrap().graph;
    let looks = Looks::of(&graph);
    assert_eq!(looks.looks.len(), graph.kinds.len());
    let distinct = |f: &dyn Fn(&mlkg::tui::widgets::kinds::Look) -> String| {
        looks.looks.iter().map(f).collect::<HashSet<_>>().len()
    };
    let n = graph.kinds.len();
    assert_eq!(distinct(&|l| format!("{:?}", l.color)), n, "{looks:?}");
    assert_eq!(distinct(&|l| l.mark.to_string()), n, "{looks:?}");
    assert_eq!(distinct(&|l| l.short.clone()), n, "{looks:?}");
    assert_eq!(distinct(&|l| l.word.clone()), n, "{looks:?}");
    // The pairs that once shared a hue.
    for (a, b) in [
        ("algorithm", "service"),
        ("concept", "feature"),
        ("task", "metric"),
        ("technique", "mode"),
    ] {
        assert_ne!(looks.color(a), looks.color(b), "{a} and {b}");
    }
    assert_eq!(looks.get("mode").unwrap().short, "Mode", "not `Inpu`");
}

#[test]
fn kinds_declared_alike_or_without_colour_are_still_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("alike.ron");
    let kinds: Vec<String> = (0..14)
        .map(|i| format!("\"k{i}\": (label: \"Kind {i}\", color: \"cyan\")"))
        .collect();
    let doc = format!(
        "(kinds: {{{}}}, relations: {{}}, nodes: [], edges: [])",
        kinds.join(", ")
    );
    std::fs::write(&path, doc).unwrap();
    let graph = load_path(&path).expect("loads").graph;
    let looks = Looks::of(&graph);
    let colours: HashSet<String> = looks
        .looks
        .iter()
        .map(|l| format!("{:?}", l.color))
        .collect();
    assert_eq!(colours.len(), 11, "every hue used before one repeats");
    let marks: HashSet<char> = looks.looks.iter().map(|l| l.mark).collect();
    let shorts: HashSet<&str> = looks.looks.iter().map(|l| l.short.as_str()).collect();
    assert_eq!(marks.len(), 14, "letters tell apart what colours cannot");
    assert_eq!(shorts.len(), 14, "{shorts:?}");
}

#[test]
fn lists_name_kinds_in_words_where_there_is_room() {
    let mut app = embedded("xgboost");
    app.main.pane = Pane::Neighbours;
    for (w, h) in [(80, 24), (200, 50)] {
        let s = screen(&mut app, w, h);
        assert!(s.contains("Input mode File mode"), "{w}x{h}\n{s}");
        assert!(w < 200 || s.contains("Hyperparam eta"), "{w}x{h}\n{s}");
    }
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("Mode File mode"),
        "four letters in a narrow pane\n{s}"
    );
    assert!(!s.contains("Inpu "), "{s}");
}

/// The local graph on the embedded graph's busiest nodes: every node drawn
/// in a column of its own layer, its label whole or cut with `…` and never
/// touching another; each relation written on its edges; the legend names
/// every kind drawn with its letter.
#[test]
fn the_local_graph_is_a_layered_diagram_with_relations_on_its_edges() {
    let graph = load_embedded().unwrap().graph;
    let mut busiest: Vec<_> = graph.node_indices().collect();
    busiest.sort_by_key(|&ix| std::cmp::Reverse(graph.degree(ix)));
    let looks = Looks::of(&graph);
    for &node in &busiest[..3] {
        let mut app = App::new(graph.clone(), Some(node));
        app.update(Action::GraphView);
        for depth2 in [false, true] {
            app.update(if depth2 {
                Action::DepthMore
            } else {
                Action::DepthLess
            });
            for (w, h) in [(80, 24), (120, 40), (200, 50)] {
                let name = format!("{} {w}x{h} depth2={depth2}", graph.node(node).id);
                let (buf, map) = draw(&mut app, w, h);
                let s = text(&buf);
                let labels = map.items(Region::View);
                assert!(labels.len() >= 5, "{name}: nodes drawn\n{s}");
                for (i, (a, _)) in labels.iter().enumerate() {
                    for (b, _) in &labels[i + 1..] {
                        let apart = a.y != b.y || a.right() < b.x || b.right() < a.x;
                        assert!(apart, "{name}: {a:?} and {b:?} touch\n{s}");
                    }
                }
                let Mode::Graph(v) = &app.mode else {
                    panic!("in the graph view")
                };
                let mut columns: Vec<(usize, u16)> = Vec::new();
                for (area, i) in &labels {
                    let (ix, layer, via) = v.nodes[*i];
                    columns.push((layer, area.x));
                    let kind = &graph.node(ix).kind;
                    let row: String = (area.x..area.right())
                        .map(|x| buf[(x, area.y)].symbol().to_string())
                        .collect();
                    if layer > 0 {
                        let mark = looks.mark(kind);
                        assert!(row.starts_with(mark), "{name}: {row:?} starts with {mark}");
                    }
                    if let Some((_, link)) = via {
                        let rel = graph.rel_label(&graph.edge(link.edge).rel);
                        let shown: String = rel.chars().take(4).collect();
                        assert!(s.contains(&shown), "{name}: {rel} on an edge\n{s}");
                    }
                }
                for (layer, x) in &columns {
                    let xs: HashSet<u16> = (columns.iter())
                        .filter(|(l, _)| l == layer)
                        .map(|c| c.1)
                        .collect();
                    assert_eq!(xs.len(), 1, "{name}: layer {layer} in one column at {x}");
                }
                assert!(
                    s.contains('→') || s.contains('←'),
                    "{name}: directions\n{s}"
                );
                for (_, i) in &labels {
                    let kind = &graph.node(v.nodes[*i].0).kind;
                    let label = graph.kind_label(kind);
                    assert!(
                        s.contains(label) || w < 120,
                        "{name}: the legend names {label}\n{s}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_local_graph_scrolls_to_every_node_and_keeps_the_focus_in_sight() {
    let mut app = embedded("xgboost");
    app.update(Action::GraphView);
    app.update(Action::DepthMore);
    app.update(Event::Resize(80, 24));
    let view = |app: &App| match &app.mode {
        Mode::Graph(v) => v.clone(),
        _ => panic!("in the graph view"),
    };
    let count = view(&app).nodes.len();
    assert!(
        count > 40,
        "XGBoost's neighbourhood is taller than the screen"
    );
    let mut seen = HashSet::new();
    for step in 0..count {
        let v = view(&app);
        let row = v.rows[v.list.sel];
        assert!(
            (v.top..v.top + v.height).contains(&row),
            "the selected node's row {row} is shown from {}",
            v.top
        );
        seen.insert(v.list.sel);
        if step % 20 == 19 {
            let (buf, map) = draw(&mut app, 80, 24);
            let s = text(&buf);
            assert!(s.contains("[XGBoost]"), "the focus stays in sight\n{s}");
            assert!(
                map.items(Region::View)
                    .iter()
                    .any(|(_, i)| *i == v.list.sel),
                "the selected node is drawn\n{s}"
            );
        }
        app.update(Action::MoveDown);
    }
    assert_eq!(seen.len(), count, "j reaches every node");
    app.update(Action::Top);
    assert_eq!(view(&app).top, 0, "g goes back to the top");
}

#[test]
fn the_help_overlay_never_doubles_a_border() {
    for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 50)] {
        let mut app = fixture_app(Some("xgboost"));
        app.update(Action::ToggleHelp);
        let s = screen(&mut app, w, h);
        for pair in ["┌┌", "┐┐", "││", "└└", "┘┘", "│┌", "┐│", "│└", "┘│"]
        {
            assert!(!s.contains(pair), "{w}x{h}: {pair}\n{s}");
        }
        let lines: Vec<&str> = s.lines().collect();
        for y in 1..lines.len() {
            let (a, b) = (lines[y - 1], lines[y]);
            let doubled = a.contains("┌ Keys") && b.trim_start().starts_with('┌');
            assert!(!doubled, "{w}x{h}: two top borders\n{s}");
        }
        assert!(s.contains("Keys · type to filter"), "{w}x{h}\n{s}");
    }
}

#[test]
fn the_export_prompt_grows_with_the_screen() {
    let mut app = fixture_app(Some("xgboost"));
    app.update(Action::Export);
    let width = |s: &str| {
        let top = s
            .lines()
            .find(|l| l.contains(" Export the neighbourhood"))
            .unwrap();
        let chars: Vec<char> = top.chars().collect();
        let title = top.find(" Export").unwrap();
        let title = top[..title].chars().count();
        let left = chars[..title].iter().rposition(|&c| c == '┌').unwrap();
        let right = title + chars[title..].iter().position(|&c| c == '┐').unwrap();
        right + 1 - left
    };
    let wide = width(&screen(&mut app, 200, 50));
    assert!(wide >= 100, "{wide} columns at 200");
    let narrow = width(&screen(&mut app, 80, 24));
    assert!((60..=80).contains(&narrow), "{narrow} columns at 80");
}

#[test]
fn every_view_names_its_way_out_in_the_status_line() {
    let opens = [
        Action::PathMode,
        Action::GraphView,
        Action::Export,
        Action::ToggleHelp,
    ];
    for open in opens {
        for (w, h) in [(80, 24), (60, 20), (200, 50)] {
            let mut app = fixture_app(Some("xgboost"));
            app.update(open);
            let s = screen(&mut app, w, h);
            let last = s.lines().last().unwrap();
            assert!(last.contains("Esc "), "{open:?} {w}x{h}: {last}");
        }
    }
    let mut app = fixture_app(Some("sigmoid"));
    app.update(Action::PathMode);
    for c in "relu".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Confirm);
    let s = screen(&mut app, 80, 24);
    assert!(s.lines().last().unwrap().contains("Esc leave"), "{s}");
}

#[test]
fn at_80_columns_opening_a_neighbour_shows_the_node_opened() {
    let mut app = fixture_app(Some("xgboost"));
    app.update(Event::Resize(80, 24));
    app.main.pane = Pane::Neighbours;
    let at = app
        .main
        .rows
        .iter()
        .position(|r| matches!(r, Row::Node { .. }))
        .unwrap();
    app.main.row_list.select(at);
    app.update(Action::Open);
    assert_ne!(
        app.focus.map(|f| app.graph.node(f).id.to_string()).unwrap(),
        "xgboost"
    );
    assert_eq!(app.main.pane, Pane::Node, "the node opened shows first");
    app.update(Action::Open);
    assert_eq!(
        app.main.pane,
        Pane::Neighbours,
        "Enter goes on to its neighbours"
    );
    let mut app = fixture_app(Some("xgboost"));
    app.update(Event::Resize(120, 40));
    app.main.pane = Pane::Neighbours;
    let at = app
        .main
        .rows
        .iter()
        .position(|r| matches!(r, Row::Node { .. }))
        .unwrap();
    app.main.row_list.select(at);
    app.update(Action::Open);
    assert_eq!(app.main.pane, Pane::Neighbours, "wide: every pane shows");
}

#[test]
fn a_tick_asks_for_a_frame_only_when_it_changed_something() {
    let mut app = fixture_app(Some("xgboost"));
    for _ in 0..100 {
        assert_eq!(app.update(Event::Tick), [], "nothing changed, no frame");
    }
    app.say("hello");
    let mut redraws = 0;
    for _ in 0..100 {
        let effects = app.update(Event::Tick);
        redraws += effects.iter().filter(|e| **e == Effect::Redraw).count();
    }
    assert_eq!(app.message, None);
    assert_eq!(redraws, 1, "one frame, when the message went");
}
