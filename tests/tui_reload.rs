//! State tests of taking a loaded graph in: the work a new graph needs is
//! done where it loads (off the UI thread), and the graph it replaces is
//! handed on to be freed elsewhere, so no key waits when it arrives; the
//! explorer's first frame comes before its graph, which loads the same way.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use mlkg::graph::Source;
use mlkg::graph::load::load_path;
use mlkg::tui::action::{Action, Effect};
use mlkg::tui::app::{App, Pane, Reload, Wanted};
use mlkg::tui::event::Event;
use mlkg::tui::keymap::{Key, Scope, lookup};
use mlkg::tui::view;
use mlkg::tui::widgets::kinds::Looks;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The kinds' looks are kept for the last two graphs of the process: the
/// tests that prepare graphs take turns, so none evicts another's.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|e| e.into_inner())
}

fn copy_fixture(dir: &Path) -> PathBuf {
    let path = dir.join("tui.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron");
    std::fs::copy(fixture, &path).unwrap();
    path
}

fn app_at(path: &Path) -> App {
    let graph = load_path(path).expect("fixture loads").graph;
    let start = graph.find("xgboost");
    App::new(graph, start)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

/// The file changed: the load the explorer asks for, and what it wants ready.
fn ask_load(app: &mut App) -> (u64, Wanted) {
    let effects = app.update(Event::FileChanged);
    match effects.as_slice() {
        [Effect::Load { generation, wanted }] => (*generation, wanted.clone()),
        other => panic!("a change asks for one load: {other:?}"),
    }
}

fn arrive(app: &mut App, generation: u64, reload: Reload) -> Vec<Effect> {
    app.update(Event::Loaded {
        generation,
        result: Box::new(Ok(reload)),
    })
}

fn hit_ids(app: &App) -> Vec<String> {
    let ids = app
        .main
        .hits
        .iter()
        .map(|h| app.graph.node(h.node).id.to_string());
    ids.collect()
}

#[test]
fn the_replaced_graph_is_handed_on_to_be_freed_off_the_ui_thread() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path);
    let old = app.graph.stamp();
    let (generation, wanted) = ask_load(&mut app);
    let reload = Reload::prepare(load_path(&path).unwrap().graph, &wanted);
    let new = reload.graph.stamp();
    let effects = arrive(&mut app, generation, reload);
    assert_eq!(app.graph.stamp(), new, "the new graph is shown");
    let retired: Vec<u64> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Retire(r) => Some(r.stamp()),
            _ => None,
        })
        .collect();
    assert_eq!(
        retired,
        [old],
        "the old graph goes to be freed: {effects:?}"
    );
}

#[test]
fn the_hits_searched_while_loading_are_taken_as_they_are() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path);
    app.update(Action::FocusSearch);
    type_text(&mut app, "re");
    let (generation, wanted) = ask_load(&mut app);
    assert_eq!(wanted.search, Some(("re".to_string(), Vec::new())));
    let mut reload = Reload::prepare(load_path(&path).unwrap().graph, &wanted);
    let searched = reload.searched.as_mut().expect("the query is searched");
    assert!(searched.hits.len() > 1, "{:?}", searched.hits);
    // Keep one hit only: a search on the UI thread would find them all again.
    searched.hits.truncate(1);
    let kept = searched.hits[0].node;
    arrive(&mut app, generation, reload);
    let hits: Vec<_> = app.main.hits.iter().map(|h| h.node).collect();
    assert_eq!(hits, [kept], "the hits come from the loading thread");
}

#[test]
fn a_query_typed_while_loading_is_searched_again_when_the_graph_arrives() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path);
    app.update(Action::FocusSearch);
    type_text(&mut app, "re");
    let (generation, wanted) = ask_load(&mut app);
    let reload = Reload::prepare(load_path(&path).unwrap().graph, &wanted);
    type_text(&mut app, "lu");
    arrive(&mut app, generation, reload);
    assert_eq!(hit_ids(&app).first().map(String::as_str), Some("relu"));
    let mut fresh = app_at(&path);
    fresh.update(Action::FocusSearch);
    type_text(&mut fresh, "relu");
    assert_eq!(
        hit_ids(&app),
        hit_ids(&fresh),
        "the hits of what is typed now"
    );
}

#[test]
fn the_query_prompt_wants_no_search_from_the_load() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path);
    app.update(Action::AskQuery);
    type_text(&mut app, "kind:algorithm");
    assert!(app.asking());
    let (_, wanted) = ask_load(&mut app);
    assert_eq!(wanted.search, None);
}

#[test]
fn a_prepared_graph_has_its_kinds_looks_ready_for_the_ui_thread() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let graph = load_path(&path).unwrap().graph;
    let reload = std::thread::spawn(move || Reload::prepare(graph, &Wanted::default()))
        .join()
        .unwrap();
    let shown = app_at(&path);
    // The graph shown has its own looks; the prepared one's stay kept.
    let shown_looks = Looks::shared(&shown.graph);
    let kept = Looks::kept(&reload.graph).expect("worked out where the graph loaded");
    assert!(!Arc::ptr_eq(&kept, &shown_looks));
    assert!(
        Arc::ptr_eq(&kept, &Looks::shared(&reload.graph)),
        "and used"
    );
}

// The first frame, before the graph.

/// The explorer on a file not read yet, and the load it asks for first.
fn loading(path: &Path, start: Option<&str>) -> (App, u64, Wanted) {
    let mut app = App::loading(
        Source::File(path.to_path_buf()),
        start.map(Into::into),
        4321,
    );
    let effects = app.update(Event::Resize(120, 40));
    match effects.as_slice() {
        [Effect::Load { generation, wanted }] => {
            let (generation, wanted) = (*generation, wanted.clone());
            (app, generation, wanted)
        }
        other => panic!("the first update asks for the load: {other:?}"),
    }
}

/// Loads as the loading thread does and hands the result in.
fn first_arrives(app: &mut App, path: &Path, generation: u64, wanted: &Wanted) -> Vec<Effect> {
    let reload = Reload::prepare(load_path(path).unwrap().graph, wanted);
    arrive(app, generation, reload)
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    app.update(Event::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| drop(view::draw(app, f))).unwrap();
    let buf = terminal.backend().buffer().clone();
    let rows = (0..h).map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>());
    rows.collect::<Vec<_>>().join("\n")
}

#[test]
fn the_first_frame_shows_what_is_being_read_and_q_quits_meanwhile() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let (mut app, _, wanted) = loading(&path, Some("relu"));
    assert!(app.first_loading());
    assert_eq!(app.graph.node_count(), 0);
    let first = wanted.first.expect("the first load is marked");
    assert_eq!(first.start.as_deref(), Some("relu"));
    let text = screen(&mut app, 80, 24);
    assert!(text.contains("reading tui.ron (4321 bytes)"), "{text}");
    assert!(text.contains("tui.ron · loading"), "{text}");
    assert!(text.contains("the graph is loading"), "{text}");
    assert!(text.contains("? help") && text.contains("q quit"), "{text}");
    assert_eq!(
        app.scope(),
        Scope::Browse,
        "keys go to the screen, not the box"
    );
    let help = lookup(app.scope(), Key::Char('?')).expect("? is bound");
    app.update(help);
    assert!(app.overlay.is_some(), "? opens the help while loading");
    let close = lookup(app.scope(), Key::Esc).expect("Esc closes the help");
    app.update(close);
    assert!(app.overlay.is_none());
    let quit = lookup(app.scope(), Key::Char('q')).expect("q is bound");
    app.update(quit);
    assert!(!app.running, "q quits while loading");
}

#[test]
fn the_first_graph_opens_on_the_start_node() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let (mut app, generation, wanted) = loading(&path, Some("ReLU"));
    let effects = first_arrives(&mut app, &path, generation, &wanted);
    assert!(!app.first_loading());
    assert!(
        effects.iter().all(|e| !matches!(e, Effect::Retire(_))),
        "{effects:?}"
    );
    assert_eq!(app.graph.node_count(), 25);
    assert_eq!(app.graph.node(app.focus.unwrap()).id, "relu");
    assert_eq!((app.main.typing, app.main.pane), (false, Pane::Neighbours));
    assert!(!app.main.rows.is_empty(), "its neighbours are listed");
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("25 nodes"), "{text}");
}

#[test]
fn the_first_graph_without_a_start_opens_with_the_search_box_ready() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let (mut app, generation, wanted) = loading(&path, None);
    first_arrives(&mut app, &path, generation, &wanted);
    let now_open = app_at(&path);
    assert_eq!(
        app.focus, now_open.focus,
        "the same first node as a start on the graph"
    );
    assert_eq!(app.scope(), Scope::Search);
    assert_eq!(hit_ids(&app).len(), 25, "an empty query lists every node");
}

#[test]
fn a_start_that_names_no_node_is_typed_in_the_search_box() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let (mut app, generation, wanted) = loading(&path, Some("gradi"));
    first_arrives(&mut app, &path, generation, &wanted);
    assert_eq!(app.main.query.text(), "gradi");
    assert_eq!(app.scope(), Scope::Search);
    let ids = hit_ids(&app);
    assert!(ids.iter().any(|i| i.contains("gradient")), "{ids:?}");
}

#[test]
fn a_query_typed_while_the_first_graph_loads_is_kept_and_searched() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let (mut app, generation, wanted) = loading(&path, None);
    app.update(Action::FocusSearch);
    type_text(&mut app, "relu");
    first_arrives(&mut app, &path, generation, &wanted);
    assert_eq!(app.main.query.text(), "relu");
    assert_eq!(hit_ids(&app).first().map(String::as_str), Some("relu"));
}

#[test]
fn a_first_load_that_fails_stops_the_explorer_with_the_error() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    std::fs::write(&path, "(nodes: [").unwrap();
    let (mut app, generation, _) = loading(&path, None);
    let err = load_path(&path).expect_err("the file is broken");
    app.update(Event::Loaded {
        generation,
        result: Box::new(Err(err)),
    });
    assert!(!app.running);
    let failed = app.failed.as_ref().expect("the error is kept to report");
    assert!(failed.to_string().contains("tui.ron"), "{failed}");
}

#[test]
fn a_change_while_the_first_graph_loads_loads_it_again_as_a_first_load() {
    let _turn = one_at_a_time();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let (mut app, first_gen, _) = loading(&path, Some("relu"));
    let (generation, wanted) = ask_load(&mut app);
    assert!(generation > first_gen);
    assert!(wanted.first.is_some(), "read whatever it holds, start kept");
    first_arrives(&mut app, &path, first_gen, &wanted);
    assert!(app.first_loading(), "the superseded load is dropped");
    first_arrives(&mut app, &path, generation, &wanted);
    assert_eq!(app.graph.node(app.focus.unwrap()).id, "relu");
}
