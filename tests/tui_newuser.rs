//! What a new user trips over in the explorer, each as a state or render
//! test: the preview, edge badges, same-named nodes, the search box's
//! shell keys and pastes, keys that do nothing, help where you are, and
//! messages that stay true.

use std::path::Path;

use mlkg::graph::load::{load_embedded, load_path};
use mlkg::tui::action::Action;
use mlkg::tui::app::{App, Mode, Overlay, Pane};
use mlkg::tui::event::Event;
use mlkg::tui::keymap::{self, Key, Scope};
use mlkg::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixture_app(start: Option<&str>) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron");
    let graph = load_path(&path).expect("fixture loads").graph;
    let start = start.map(|id| graph.find(id).expect("start node exists"));
    App::new(graph, start)
}

fn embedded(start: Option<&str>) -> App {
    let graph = load_embedded().expect("embedded graph loads").graph;
    let start = start.map(|id| graph.find(id).expect("start node exists"));
    App::new(graph, start)
}

fn press(app: &mut App, keys: &[Key]) {
    for &k in keys {
        match keymap::lookup(app.scope(), k) {
            Some(a) => {
                app.update(a);
            }
            None => panic!("{k:?} is not bound in {:?}", app.scope()),
        }
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Event::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| drop(view::draw(app, f))).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        out.push('\n');
    }
    out
}

fn id(app: &App, ix: Option<mlkg::graph::NodeIndex>) -> String {
    app.graph.node(ix.expect("a node")).id.to_string()
}

#[test]
fn moving_through_the_hits_previews_each_and_enter_still_opens() {
    let mut app = fixture_app(None);
    typed(&mut app, "csv");
    assert_eq!(id(&app, app.shown_node()), "csv", "the first hit shows");
    assert_eq!(id(&app, app.focus), "xgboost", "nothing opened yet");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Preview (Enter opens)"), "{s}");
    app.update(Action::ClearInput);
    typed(&mut app, "relu");
    assert_eq!(id(&app, app.shown_node()), "relu");
    assert!(screen(&mut app, 120, 40).contains("rectified linear unit"));
    app.update(Action::Open);
    assert_eq!(id(&app, app.focus), "relu");
    assert_eq!(
        app.jumps.entries().len(),
        2,
        "Enter goes into the jump list"
    );
}

#[test]
fn under_100_columns_enter_shows_the_opened_node_first() {
    let mut app = fixture_app(None);
    app.update(Event::Resize(80, 24));
    typed(&mut app, "relu");
    app.update(Action::Open);
    assert_eq!(app.main.pane, Pane::Node);
    app.update(Event::Resize(120, 40));
    typed_after_slash(&mut app, "csv");
    app.update(Action::Open);
    assert_eq!(app.main.pane, Pane::Neighbours, "wide: the neighbours");
}

fn typed_after_slash(app: &mut App, text: &str) {
    press(app, &[Key::Char('/')]);
    app.update(Action::ClearInput);
    typed(app, text);
}

#[test]
fn edge_props_show_as_badges_and_same_named_nodes_are_told_apart() {
    let mut app = embedded(Some("blazingtext"));
    let s = screen(&mut app, 200, 50);
    assert!(s.contains(" required "), "the edge's props as badges: {s}");
    let mut app = embedded(None);
    typed(&mut app, "k");
    let s = screen(&mut app, 200, 50);
    assert!(s.contains("k · K-Means"), "{s}");
    assert!(s.contains("k · k-NN"), "{s}");
    let k = app.graph.find("knn.k").unwrap();
    assert_eq!(app.graph.display_name(k), "k · k-NN");
    let xgb = app.graph.find("xgboost").unwrap();
    assert_eq!(
        app.graph.display_name(xgb),
        "XGBoost",
        "a unique label stays as it is"
    );
}

#[test]
fn a_hit_matched_by_an_alias_shows_the_alias() {
    let mut app = fixture_app(None);
    typed(&mut app, "logistic");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Sigmoid  ← logistic"), "{s}");
}

#[test]
fn the_search_box_edits_like_a_shells() {
    let mut app = fixture_app(None);
    typed(&mut app, "vanishing gradient");
    let text = |app: &App| app.main.query.text().to_string();
    press(&mut app, &[Key::Ctrl('w')]);
    assert_eq!(text(&app), "vanishing ");
    press(&mut app, &[Key::Ctrl('a')]);
    typed(&mut app, "the ");
    assert_eq!(text(&app), "the vanishing ");
    press(&mut app, &[Key::Alt('f'), Key::Ctrl('k')]);
    assert_eq!(text(&app), "the vanishing");
    press(&mut app, &[Key::Alt('b'), Key::Backspace]);
    assert_eq!(text(&app), "thevanishing", "Backspace deletes a character");
    press(&mut app, &[Key::Ctrl('e'), Key::Right, Key::Home, Key::End]);
    assert_eq!(app.main.query.cursor(), text(&app).len());
    for _ in 0..30 {
        press(&mut app, &[Key::Backspace]);
    }
    assert_eq!(text(&app), "");
    assert_eq!(
        app.scope(),
        Scope::Search,
        "Backspace never goes back in history"
    );
    assert_eq!(app.jumps.pos(), 0);
}

#[test]
fn slash_on_a_query_selects_it_so_typing_replaces_it() {
    let mut app = fixture_app(None);
    typed(&mut app, "relu");
    press(&mut app, &[Key::Esc, Key::Char('/')]);
    assert!(app.main.query.selected);
    typed(&mut app, "csv");
    assert_eq!(app.main.query.text(), "csv");
}

#[test]
fn a_paste_is_one_insertion_without_controls_and_capped() {
    let mut app = fixture_app(None);
    app.update(Event::Paste("re\nl\u{1b}[31mu".into()));
    assert_eq!(
        app.main.query.text(),
        "re l[31mu",
        "newline a space, ESC gone"
    );
    app.update(Action::ClearInput);
    app.update(Event::Paste("x".repeat(100_000)));
    assert_eq!(
        app.main.query.text().len(),
        mlkg::tui::input::MAX_INPUT_CHARS
    );
    assert!(app.message.as_ref().unwrap().text.contains("cut"));
    let mut browsing = fixture_app(Some("xgboost"));
    browsing.update(Event::Paste("q".into()));
    assert!(browsing.running, "a paste is never keys");
    assert!(browsing.message.as_ref().unwrap().text.contains("/ opens"));
}

#[test]
fn a_key_that_does_nothing_here_says_so() {
    let mut app = fixture_app(Some("xgboost"));
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('z'));
    app.update(Event::Key(key));
    let msg = app.message.clone().expect("a message");
    assert!(msg.text.contains("z does nothing here"), "{}", msg.text);
}

#[test]
fn help_lists_the_current_mode_first_and_filters_by_typing() {
    let mut app = fixture_app(Some("sigmoid"));
    press(&mut app, &[Key::Char('v'), Key::Char('?')]);
    let s = screen(&mut app, 80, 24);
    let first = s.lines().nth(1).unwrap_or_default();
    assert!(first.contains("Local-graph view"), "{s}");
    typed(&mut app, "depth");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("depth 2") && s.contains("depth 1"), "{s}");
    assert!(!s.contains("path to another node"), "filtered out: {s}");
    assert!(
        s.contains("filter neighbours by relation (again: clear)") || !s.contains("relation"),
        "rows are not cut at 80 columns"
    );
    press(&mut app, &[Key::Esc]);
    assert_eq!(app.overlay, None);
    assert!(matches!(app.mode, Mode::Graph(_)));
}

#[test]
fn help_rows_are_whole_at_80_columns() {
    let mut app = fixture_app(Some("xgboost"));
    press(&mut app, &[Key::Char('?')]);
    typed(&mut app, "relation");
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("filter neighbours by relation (again: clear)"),
        "{s}"
    );
}

#[test]
fn the_status_line_keeps_help_and_quit_at_every_width() {
    for w in [40, 60, 80, 120] {
        let mut app = fixture_app(Some("xgboost"));
        let s = screen(&mut app, w, 20);
        let last = s.lines().last().unwrap();
        assert!(
            last.contains("? help") && last.contains("q quit"),
            "{w}: {last}"
        );
    }
}

#[test]
fn messages_name_keys_that_work_here_and_do_not_follow_into_another_mode() {
    let mut app = fixture_app(Some("xgboost"));
    press(&mut app, &[Key::Char('v'), Key::Char('r'), Key::Enter]);
    let msg = app.message.clone().unwrap().text;
    assert!(msg.contains("r clears") && !msg.contains("Esc"), "{msg}");
    press(&mut app, &[Key::Esc]);
    assert!(matches!(app.mode, Mode::Main));
    assert_eq!(app.message, None, "the view's message went with it");
    press(&mut app, &[Key::Char('r')]);
    let msg = app.message.clone().unwrap().text;
    assert!(msg.contains("cleared"), "{msg}");
    press(&mut app, &[Key::Char('p')]);
    assert_eq!(app.message, None, "opening a view starts clean");
}

#[test]
fn messages_time_out_after_six_seconds_of_ticks() {
    let mut app = fixture_app(Some("xgboost"));
    app.say("hello");
    for _ in 0..23 {
        app.update(Event::Tick);
    }
    assert!(app.message.is_some());
    app.update(Event::Tick);
    assert_eq!(app.message, None);
}

#[test]
fn explore_with_a_name_that_matches_nothing_exactly_opens_the_search() {
    let app = fixture_app(None).with_query("vanishng");
    assert_eq!(app.scope(), Scope::Search);
    assert_eq!(app.main.query.text(), "vanishng");
    assert_eq!(id(&app, app.main.selected_hit()), "vanishing-gradient");
}

#[test]
fn the_export_prompt_offers_a_name_and_expands_the_home_folder() {
    let mut app = fixture_app(Some("xgboost"));
    press(&mut app, &[Key::Char('e')]);
    let Some(Overlay::Export { input, .. }) = &app.overlay else {
        panic!("e asks where")
    };
    assert_eq!(input.text(), "xgboost.dot");
    let home = std::env::var("HOME").unwrap_or_default();
    let (path, format) = mlkg::tui::export_target("~/x.gv").unwrap();
    assert_eq!(path, Path::new(&home).join("x.gv"));
    assert_eq!(format, mlkg::export::Format::Dot);
    assert!(mlkg::tui::export_target("x.txt").is_err());
}

#[test]
fn path_mode_typing_is_searched_once_per_burst_and_queries_stay_bounded() {
    let mut app = fixture_app(Some("sigmoid"));
    app.update(Action::PathMode);
    let Mode::Path(before) = &app.mode else {
        panic!("path mode")
    };
    let before = before.hits.len();
    for c in "relu".chars() {
        app.apply(Action::Insert(c));
    }
    let Mode::Path(mid) = &app.mode else {
        panic!("path mode")
    };
    assert_eq!(
        mid.hits.len(),
        before,
        "no search while the burst is applied"
    );
    app.settle();
    let Mode::Path(after) = &app.mode else {
        panic!("path mode")
    };
    assert_eq!(app.graph.node(after.hits[0].node).id, "relu");
    // Repeated and many words are searched once each, the first eight.
    let repeated = "relu ".repeat(50);
    let (q, cut) = mlkg::tui::app::bounded_query(&repeated);
    assert!(cut);
    assert_eq!(q, "relu");
    let many: Vec<String> = (0..20).map(|i| format!("w{i}")).collect();
    let joined = many.join(" ");
    let (q, cut) = mlkg::tui::app::bounded_query(&joined);
    assert!(cut);
    assert_eq!(q.split(' ').count(), mlkg::tui::app::MAX_QUERY_WORDS);
    let mut app = fixture_app(None);
    typed(&mut app, &"relu ".repeat(40));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("each word once"), "the box says so: {s}");
    assert!(s.contains("ReLU"), "{s}");
}

#[test]
fn ctrl_z_asks_the_event_loop_to_suspend_from_every_scope() {
    for scope in Scope::ALL {
        assert_eq!(
            keymap::lookup(scope, Key::Ctrl('z')),
            Some(Action::Suspend),
            "{scope:?}"
        );
    }
    let mut app = fixture_app(None);
    assert_eq!(app.update(Action::Suspend), [mlkg::tui::Effect::Suspend]);
    assert!(app.running);
}
