//! State tests of the explorer: build an `App` on the fixture graph, apply
//! actions, look at the state. No terminal involved.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use mlkg::graph::load::load_path;
use mlkg::tui::action::{Action, Effect};
use mlkg::tui::app::{App, Mode, Overlay, Pane, PickWhat, Reload, Row};
use mlkg::tui::event::Event;
use mlkg::tui::keymap::{self, Key, Scope, TABLE};
use mlkg::tui::views::graph::GraphView;
use mlkg::tui::views::path::PathView;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron")
}

fn app_at(path: &Path, start: Option<&str>) -> App {
    let graph = load_path(path).expect("fixture loads").graph;
    let start = start.map(|id| graph.find(id).expect("start node exists"));
    App::new(graph, start)
}

fn app() -> App {
    app_at(&fixture(), None)
}

fn app_on(id: &str) -> App {
    app_at(&fixture(), Some(id))
}

fn focus(app: &App) -> &str {
    &app.graph.node(app.focus.expect("a focus")).id
}

fn run(app: &mut App, actions: &[Action]) -> Vec<Effect> {
    actions.iter().flat_map(|a| app.update(*a)).collect()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

/// Presses keys through the key table, as the event loop does.
fn press(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for &k in keys {
        if let Some(a) = keymap::lookup(app.scope(), k) {
            effects.extend(app.update(a));
        }
    }
    effects
}

fn hit_ids(app: &App) -> Vec<String> {
    app.main
        .hits
        .iter()
        .map(|h| app.graph.node(h.node).id.to_string())
        .collect()
}

fn trail(app: &App) -> Vec<String> {
    app.jumps
        .entries()
        .iter()
        .map(|j| app.graph.node(j.node).id.to_string())
        .collect()
}

/// Selects the neighbour row showing a node.
fn select_row(app: &mut App, id: &str) {
    let want = app.graph.find(id).expect("node exists");
    let at = app
        .main
        .rows
        .iter()
        .position(|r| matches!(r, Row::Node { node, .. } if *node == want))
        .unwrap_or_else(|| panic!("{id} is not among the neighbours"));
    app.main.row_list.select(at);
}

fn path(app: &App) -> &PathView {
    match &app.mode {
        Mode::Path(v) => v,
        other => panic!("not in path mode: {other:?}"),
    }
}

fn gview(app: &App) -> &GraphView {
    match &app.mode {
        Mode::Graph(v) => v,
        other => panic!("not in the graph view: {other:?}"),
    }
}

fn in_main(app: &App) -> bool {
    matches!(app.mode, Mode::Main) && !app.main.typing
}

/// Reads the graph file again the way the event loop does: the file
/// changed, a load is asked for, and its result comes back.
fn reload(app: &mut App, path: &Path) {
    let effects = app.update(Event::FileChanged);
    let [Effect::Load { generation, wanted }] = effects.as_slice() else {
        panic!("a change asks for a load: {effects:?}")
    };
    let result = load_path(path).map(|l| Reload::prepare(l.graph, wanted));
    app.update(Event::Loaded {
        generation: *generation,
        result: Box::new(result),
    });
}

#[test]
fn starts_on_xgboost_with_the_search_box_ready() {
    let app = app();
    assert_eq!(focus(&app), "xgboost");
    assert_eq!(app.scope(), Scope::Search);
    assert_eq!(app.scope(), Scope::Search);
    assert_eq!(app.main.hits.len(), 25, "an empty query lists every node");
    assert_eq!(hit_ids(&app)[app.main.hit_list.sel], "xgboost");
    assert_eq!(trail(&app), ["xgboost"]);
}

#[test]
fn a_start_node_opens_the_main_screen_on_its_neighbours() {
    let app = app_on("relu");
    assert_eq!(focus(&app), "relu");
    assert!(in_main(&app));
    assert_eq!(app.main.pane, Pane::Neighbours);
}

#[test]
fn typing_reranks_the_hits_on_every_keystroke() {
    let mut app = app();
    type_text(&mut app, "s");
    let after_s = hit_ids(&app);
    type_text(&mut app, "ig");
    let after_sig = hit_ids(&app);
    assert_ne!(after_s, after_sig);
    assert_eq!(after_sig[0], "sigmoid");
    assert!(after_sig.len() < after_s.len());
    app.update(Action::DeleteChar);
    app.update(Action::DeleteChar);
    assert_eq!(
        hit_ids(&app),
        after_s,
        "deleting goes back to the same ranking"
    );
    app.update(Action::ClearInput);
    assert_eq!(app.main.query.text(), "");
    assert_eq!(app.main.hits.len(), 25);
}

#[test]
fn keys_in_the_search_box_type_text_rather_than_act() {
    let mut app = app();
    press(&mut app, &[Key::Char('q'), Key::Char('j')]);
    assert!(app.running, "q typed in the search box does not quit");
    assert_eq!(app.main.query.text(), "qj");
    press(&mut app, &[Key::Esc, Key::Char('q')]);
    assert!(!app.running, "q quits once the search box is left");
}

#[test]
fn ctrl_c_quits_from_every_scope() {
    for scope in Scope::ALL {
        assert_eq!(
            keymap::lookup(scope, Key::Ctrl('c')),
            Some(Action::Quit),
            "{scope:?}"
        );
    }
}

#[test]
fn enter_opens_the_selected_hit_and_moves_to_its_neighbours() {
    let mut app = app();
    type_text(&mut app, "relu");
    app.update(Action::Open);
    assert_eq!(focus(&app), "relu");
    assert!(in_main(&app));
    assert_eq!(app.main.pane, Pane::Neighbours);
    assert_eq!(trail(&app), ["xgboost", "relu"]);
}

#[test]
fn moving_through_hits_stops_at_the_ends() {
    let mut app = app();
    type_text(&mut app, "xgboost");
    let n = app.main.hits.len();
    run(&mut app, &[Action::MoveDown; 40]);
    assert_eq!(app.main.hit_list.sel, n - 1);
    run(&mut app, &[Action::MoveUp; 40]);
    assert_eq!(app.main.hit_list.sel, 0);
}

#[test]
fn neighbours_are_grouped_by_relation_and_direction() {
    let app = app_on("vanishing-gradient");
    let headings: Vec<String> = app
        .main
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Heading { label, count, .. } => Some(format!("{label} {count}")),
            _ => None,
        })
        .collect();
    assert_eq!(headings, ["caused by 1", "mitigated by 1"]);
}

#[test]
fn a_long_group_folds_and_unfolds() {
    let mut app = app_on("xgboost");
    // A pane too short for every row: long groups fold.
    app.update(Event::Resize(120, 16));
    let more = app
        .main
        .rows
        .iter()
        .position(|r| matches!(r, Row::More { hidden: 3, .. }))
        .expect("the 8 hyperparameters fold to 5 and +3 more");
    app.main.row_list.select(more);
    app.update(Action::Open);
    assert_eq!(focus(&app), "xgboost", "opening +N more unfolds, stays");
    assert!(!app.main.rows.iter().any(|r| matches!(r, Row::More { .. })));
    let hyper = app
        .main
        .rows
        .iter()
        .filter(|r| matches!(r, Row::Node { node, .. } if app.graph.node(*node).kind == "hyperparameter"))
        .count();
    assert_eq!(hyper, 8);
}

#[test]
fn groups_show_whole_when_the_pane_holds_them_or_a_relation_is_chosen() {
    let mut app = app_on("xgboost");
    let folded = |app: &App| app.main.rows.iter().any(|r| matches!(r, Row::More { .. }));
    assert!(!folded(&app), "120x40 holds every row");
    app.update(Event::Resize(120, 16));
    assert!(folded(&app), "16 rows do not");
    select_row(&mut app, "xgboost.eta");
    app.update(Event::Resize(120, 40));
    assert!(!folded(&app), "room again: the groups unfold");
    let eta = app.graph.find("xgboost.eta");
    assert!(
        matches!(app.main.selected_row(), Some(Row::Node { node, .. }) if Some(*node) == eta),
        "the selection stays on its node"
    );
    app.update(Event::Resize(120, 16));
    app.set_filter(
        PickWhat::Relation,
        "hyperparameter".into(),
        "has hyperparameter",
    );
    assert!(!folded(&app), "a chosen relation shows its whole group");
}

#[test]
fn open_a_neighbour_then_go_back_to_the_same_row() {
    let mut app = app_on("xgboost");
    select_row(&mut app, "libsvm");
    let row = app.main.row_list.sel;
    press(&mut app, &[Key::Char('l')]);
    assert_eq!(focus(&app), "libsvm");
    press(&mut app, &[Key::Char('h')]);
    assert_eq!(focus(&app), "xgboost");
    assert_eq!(app.main.row_list.sel, row, "back lands on the row left");
    press(&mut app, &[Key::Backspace]);
    assert_eq!(focus(&app), "xgboost", "nothing before the start");
    assert!(app.message.is_some());
}

#[test]
fn the_jump_list_walks_back_and_forward_and_drops_what_was_ahead() {
    let mut app = app_on("xgboost");
    select_row(&mut app, "csv");
    app.update(Action::Open);
    select_row(&mut app, "kmeans");
    app.update(Action::Open);
    assert_eq!(trail(&app), ["xgboost", "csv", "kmeans"]);
    press(&mut app, &[Key::Ctrl('o'), Key::Ctrl('o')]);
    assert_eq!(focus(&app), "xgboost");
    assert_eq!(app.jumps.pos(), 0);
    press(&mut app, &[Key::Ctrl('i')]);
    assert_eq!(focus(&app), "csv");
    press(&mut app, &[Key::Char('L')]);
    assert_eq!(focus(&app), "kmeans");
    press(&mut app, &[Key::Char('H'), Key::Char('H')]);
    select_row(&mut app, "libsvm");
    app.update(Action::Open);
    assert_eq!(
        trail(&app),
        ["xgboost", "libsvm"],
        "a new jump drops the ones ahead"
    );
    app.update(Action::Forward);
    assert_eq!(focus(&app), "libsvm");
}

#[test]
fn panes_cycle_both_ways() {
    let mut app = app_on("xgboost");
    assert_eq!(app.main.pane, Pane::Neighbours);
    app.update(Action::NextPane);
    assert_eq!(app.main.pane, Pane::Hits);
    app.update(Action::NextPane);
    assert_eq!(app.main.pane, Pane::Node);
    app.update(Action::PrevPane);
    assert_eq!(app.main.pane, Pane::Hits);
    app.update(Action::PrevPane);
    assert_eq!(app.main.pane, Pane::Neighbours);
}

#[test]
fn top_and_bottom_skip_headings() {
    let mut app = app_on("xgboost");
    app.update(Action::Bottom);
    assert!(matches!(
        app.main.rows[app.main.row_list.sel],
        Row::Node { .. }
    ));
    assert_eq!(app.main.row_list.sel, app.main.rows.len() - 1);
    app.update(Action::Top);
    assert_eq!(app.main.row_list.sel, 1, "row 0 is a heading");
}

#[test]
fn kind_filter_narrows_the_hits_and_clears_with_f_or_esc() {
    let mut app = app_on("xgboost");
    app.update(Action::FilterKind);
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("f opens the kind list")
    };
    assert_eq!(p.what, PickWhat::Kind);
    let at = p.items.iter().position(|i| i.0 == "format").unwrap();
    for _ in 0..at {
        app.update(Action::MoveDown);
    }
    app.update(Action::Confirm);
    assert_eq!(app.overlay, None);
    assert_eq!(app.filters.kind.as_deref(), Some("format"));
    assert_eq!(app.main.hits.len(), 4);
    assert!(
        app.main
            .hits
            .iter()
            .all(|h| app.graph.node(h.node).kind == "format")
    );
    app.update(Action::FilterKind);
    assert_eq!(app.filters.kind, None, "f again clears");
    assert_eq!(app.main.hits.len(), 25);
    app.set_filter(PickWhat::Kind, "format".into(), "Format");
    app.update(Action::ClearFilters);
    assert_eq!(app.filters.kind, None, "Esc clears");
}

#[test]
fn relation_filter_narrows_the_neighbours() {
    let mut app = app_on("xgboost");
    app.update(Action::FilterRelation);
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("r opens the relation list")
    };
    let rels: Vec<&str> = p.items.iter().map(|i| i.0.as_str()).collect();
    assert_eq!(
        rels,
        ["solves", "accepts", "trains_on", "hyperparameter", "uses"]
    );
    app.update(Action::MoveDown);
    app.update(Action::Confirm);
    assert_eq!(app.filters.rel.as_deref(), Some("accepts"));
    let shown: Vec<&str> = app
        .main
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Node { node, .. } => Some(app.graph.node(*node).id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(shown, ["csv", "libsvm", "recordio-protobuf", "parquet"]);
    press(&mut app, &[Key::Char('r')]);
    assert_eq!(app.filters.rel, None);
    assert!(app.main.rows.len() > 10);
}

#[test]
fn esc_closes_a_filter_list_without_choosing() {
    let mut app = app_on("xgboost");
    press(&mut app, &[Key::Char('f'), Key::Esc]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.filters.kind, None);
}

#[test]
fn path_mode_finds_the_path_read_the_right_way_and_opens_a_step() {
    let mut app = app_on("sigmoid");
    press(&mut app, &[Key::Char('p')]);
    assert!(matches!(app.mode, Mode::Path(_)));
    assert_eq!(app.scope(), Scope::PathPick);
    for c in "relu".chars() {
        press(&mut app, &[Key::Char(c)]);
    }
    assert_eq!(app.graph.node(path(&app).hits[0].node).id, "relu");
    press(&mut app, &[Key::Enter]);
    assert_eq!(app.scope(), Scope::PathSteps);
    let steps = path(&app).steps.clone().expect("a path exists");
    assert_eq!(steps.len(), 2);
    assert_eq!(
        app.graph.path_text(path(&app).from, &steps),
        "Sigmoid —causes→ Vanishing gradient ←mitigates— ReLU"
    );
    press(&mut app, &[Key::Char('j'), Key::Enter]);
    assert_eq!(focus(&app), "vanishing-gradient");
    assert!(in_main(&app));
    assert_eq!(trail(&app), ["sigmoid", "vanishing-gradient"]);
}

#[test]
fn path_mode_can_pick_another_target_and_leave() {
    let mut app = app_on("sigmoid");
    app.update(Action::PathMode);
    type_text(&mut app, "overfitting");
    app.update(Action::Confirm);
    assert!(
        path(&app).steps.is_none(),
        "no path from sigmoid to overfitting"
    );
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    app.update(Action::EditTarget);
    assert!(path(&app).picking);
    app.update(Action::ClearInput);
    type_text(&mut app, "vanishing");
    app.update(Action::Confirm);
    assert_eq!(path(&app).steps.as_ref().map(Vec::len), Some(1));
    app.update(Action::LeaveView);
    assert!(in_main(&app));
    assert_eq!(focus(&app), "sigmoid");
}

#[test]
fn graph_view_changes_depth_and_opens_the_selection() {
    let mut app = app_on("sigmoid");
    press(&mut app, &[Key::Char('v')]);
    assert!(matches!(app.mode, Mode::Graph(_)));
    let ids = |app: &App| -> HashSet<String> {
        gview(app)
            .nodes
            .iter()
            .map(|n| app.graph.node(n.0).id.to_string())
            .collect()
    };
    assert_eq!(
        ids(&app),
        HashSet::from(["sigmoid".into(), "vanishing-gradient".into()])
    );
    press(&mut app, &[Key::Char('+')]);
    assert_eq!(app.filters.depth, 2);
    assert!(ids(&app).contains("relu"));
    press(&mut app, &[Key::Char('-')]);
    assert_eq!(app.filters.depth, 1);
    assert_eq!(ids(&app).len(), 2);
    assert_eq!(gview(&app).list.sel, 0, "the focus is selected first");
    press(&mut app, &[Key::Char('j'), Key::Enter]);
    assert_eq!(focus(&app), "vanishing-gradient");
    assert!(
        matches!(app.mode, Mode::Graph(_)),
        "opening recentres the view"
    );
    assert_eq!(gview(&app).nodes.len(), 3);
    press(&mut app, &[Key::Char('h')]);
    assert_eq!(focus(&app), "sigmoid");
    press(&mut app, &[Key::Esc]);
    assert!(in_main(&app));
}

#[test]
fn graph_view_selection_moves_as_in_every_list() {
    let mut app = app_on("xgboost");
    app.update(Action::GraphView);
    app.update(Action::MoveUp);
    assert_eq!(
        gview(&app).list.sel,
        0,
        "stops at the top, as every list does"
    );
    let last = gview(&app).nodes.len() - 1;
    press(&mut app, &[Key::Char('G')]);
    assert_eq!(gview(&app).list.sel, last);
    press(&mut app, &[Key::Char('g')]);
    assert_eq!(gview(&app).list.sel, 0);
    press(&mut app, &[Key::PageDown]);
    assert!(gview(&app).list.sel > 1, "a page moves more than a row");
    press(&mut app, &[Key::PageUp]);
    assert_eq!(gview(&app).list.sel, 0);
}

#[test]
fn export_asks_for_a_path_and_returns_the_neighbourhood_on_screen() {
    let mut app = app_on("xgboost");
    app.update(Action::GraphView);
    app.update(Action::DepthMore);
    app.update(Action::FilterRelation);
    app.update(Action::MoveDown);
    app.update(Action::Confirm);
    let effects = press(&mut app, &[Key::Char('e')]);
    assert!(effects.is_empty(), "e only asks");
    let Some(Overlay::Export { input, overwrite }) = &app.overlay else {
        panic!("e opens the export prompt")
    };
    assert_eq!(input.text(), "xgboost.dot");
    assert!(!overwrite);
    assert_eq!(app.scope(), Scope::Prompt);
    let effects = press(&mut app, &[Key::Enter]);
    let [Effect::Export { path, filter, .. }] = effects.as_slice() else {
        panic!("Enter exports: {effects:?}")
    };
    assert_eq!(path, &PathBuf::from("xgboost.dot"));
    assert_eq!(filter.root, app.graph.find("xgboost"));
    assert_eq!(filter.depth, 2);
    assert_eq!(filter.rels, ["accepts"]);
    assert_eq!(app.overlay, None);
}

#[test]
fn export_is_written_atomically_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on("sigmoid");
    app.update(Action::Export);
    app.update(Action::ClearInput);
    let out = dir.path().join("sigmoid.dot");
    type_text(&mut app, &out.display().to_string());
    for effect in app.update(Action::Confirm) {
        mlkg::tui::perform(&mut app, effect);
    }
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(dot.contains("digraph"));
    assert!(dot.contains("vanishing-gradient"));
    assert!(!dot.contains("relu"), "depth 1 only");
    let msg = app.message.clone().unwrap();
    assert!(!msg.error);
    assert!(msg.text.contains("exported 2 nodes to"), "{}", msg.text);
}

#[test]
fn export_refuses_to_overwrite_the_graph_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("graph.ron");
    std::fs::copy(fixture(), &graph).unwrap();
    // The same file under a name with an export's extension.
    let alias = dir.path().join("graph.dot");
    std::fs::hard_link(&graph, &alias).unwrap();
    let before = std::fs::read(&graph).unwrap();
    let mut app = app_at(&graph, Some("xgboost"));
    for name in [&graph, &alias] {
        app.update(Action::Export);
        app.update(Action::ClearInput);
        type_text(&mut app, &name.display().to_string());
        // Enter, then Enter again when asked whether to replace the file.
        for _ in 0..2 {
            for effect in app.update(Action::Confirm) {
                mlkg::tui::perform(&mut app, effect);
            }
        }
        assert!(app.message.as_ref().is_some_and(|m| m.error), "{name:?}");
        app.update(Action::CloseOverlay);
    }
    assert_eq!(std::fs::read(&graph).unwrap(), before);
}

#[test]
fn export_asks_before_replacing_a_file_and_picks_the_format_from_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.mmd");
    std::fs::write(&out, "keep me").unwrap();
    let mut app = app_on("sigmoid");
    app.update(Action::Export);
    app.update(Action::ClearInput);
    type_text(&mut app, &out.display().to_string());
    for effect in app.update(Action::Confirm) {
        mlkg::tui::perform(&mut app, effect);
    }
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me", "not yet");
    assert!(matches!(
        app.overlay,
        Some(Overlay::Export {
            overwrite: true,
            ..
        })
    ));
    assert!(app.message.as_ref().unwrap().text.contains("exists"));
    for effect in app.update(Action::Confirm) {
        mlkg::tui::perform(&mut app, effect);
    }
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("flowchart"), "a Mermaid file: {text}");
    app.update(Action::Export);
    app.update(Action::ClearInput);
    type_text(&mut app, "n.txt");
    assert_eq!(app.update(Action::Confirm), []);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("end the name in .dot, .gv, .mmd, .json")
    );
}

#[test]
fn an_empty_export_path_is_refused() {
    let mut app = app_on("xgboost");
    app.update(Action::Export);
    app.update(Action::ClearInput);
    assert_eq!(app.update(Action::Confirm), []);
    assert!(app.message.as_ref().is_some_and(|m| m.error));
}

#[test]
fn help_opens_and_closes() {
    let mut app = app_on("xgboost");
    press(&mut app, &[Key::Char('?')]);
    assert_eq!(app.scope(), Scope::Help);
    press(&mut app, &[Key::Down]);
    let Some(Overlay::Help { list, .. }) = &app.overlay else {
        panic!("? opens the help")
    };
    assert_eq!(list.offset, 1);
    press(&mut app, &[Key::Esc]);
    assert_eq!(app.overlay, None);
    assert_eq!(
        focus(&app),
        "xgboost",
        "keys in help do not move the main screen"
    );
}

fn copy_fixture(dir: &Path) -> PathBuf {
    let path = dir.join("tui.ron");
    std::fs::copy(fixture(), &path).unwrap();
    path
}

#[test]
fn reload_keeps_focus_and_trail() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path, Some("xgboost"));
    select_row(&mut app, "csv");
    app.update(Action::Open);
    let text = std::fs::read_to_string(&path).unwrap().replace(
        r#"(id: "gpu","#,
        r#"(id: "tsv", kind: "format", label: "TSV"),
        (id: "gpu","#,
    );
    std::fs::write(&path, text).unwrap();
    reload(&mut app, &path);
    assert_eq!(app.graph.node_count(), 26);
    assert_eq!(focus(&app), "csv");
    assert_eq!(trail(&app), ["xgboost", "csv"]);
    assert_eq!(app.banner, None);
    assert!(app.message.as_ref().unwrap().text.contains("reloaded"));
}

#[test]
fn reload_with_a_broken_file_keeps_the_last_good_graph_and_shows_the_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path, Some("xgboost"));
    let good = std::fs::read_to_string(&path).unwrap();
    let broken = good.replace(r#"to: "parquet")"#, r#"to: "nowhere")"#);
    std::fs::write(&path, &broken).unwrap();
    reload(&mut app, &path);
    assert_eq!(app.graph.node_count(), 25, "the last good graph stays");
    assert_eq!(focus(&app), "xgboost");
    let banner = app.banner.clone().expect("the errors show");
    let line = broken.lines().position(|l| l.contains("nowhere")).unwrap() + 1;
    assert!(
        banner
            .iter()
            .any(|b| b.contains(&format!("tui.ron:{line}:")) && b.contains("nowhere")),
        "{banner:?}"
    );
    std::fs::write(&path, "(nodes: [").unwrap();
    reload(&mut app, &path);
    assert!(app.banner.as_ref().unwrap()[0].contains("RON syntax"));
    std::fs::write(&path, &good).unwrap();
    reload(&mut app, &path);
    assert_eq!(app.banner, None, "fixed: the banner goes");
}

#[test]
fn reload_without_the_focused_node_falls_back_along_the_trail() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let mut app = app_at(&path, Some("xgboost"));
    select_row(&mut app, "parquet");
    app.update(Action::Open);
    let text = std::fs::read_to_string(&path).unwrap();
    let text: String = text
        .lines()
        .filter(|l| !l.contains("parquet"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, text).unwrap();
    reload(&mut app, &path);
    assert_eq!(focus(&app), "xgboost");
    assert_eq!(trail(&app), ["xgboost"]);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("Parquet is gone")
    );
}

// The key table.

#[test]
fn every_action_has_a_key_and_a_description() {
    for action in Action::KEYED {
        let bound = TABLE.iter().any(|b| match (b.action, action) {
            (Action::Insert(_), Action::Insert(_)) => b.key == Key::AnyChar,
            (a, b) => a == b,
        });
        assert!(bound, "{action:?} has no key");
        assert!(!action.description().is_empty(), "{action:?}");
    }
}

#[test]
fn no_key_is_bound_twice_in_one_scope() {
    let mut seen = HashSet::new();
    for b in TABLE {
        assert!(
            seen.insert((b.scope, b.key)),
            "{:?} {:?} twice",
            b.scope,
            b.key
        );
    }
}

#[test]
fn the_help_lists_every_binding_of_every_scope() {
    for scope in Scope::ALL {
        let rows = keymap::help_rows(scope);
        assert!(!rows.is_empty(), "{scope:?}");
        for b in TABLE.iter().filter(|b| b.scope == scope) {
            let name = b.key.name();
            assert!(
                rows.iter()
                    .any(|(keys, what)| keys.split(' ').any(|k| k == name)
                        && *what == b.action.description()),
                "{scope:?} {name} is missing from the help"
            );
        }
    }
}

#[test]
fn every_scope_can_be_reached_and_left() {
    let mut app = app_on("xgboost");
    let mut reached = HashSet::from([app.scope()]);
    for keys in [
        &[Key::Char('/')][..],
        &[Key::Esc, Key::Char('p')],
        &[Key::Char('x'), Key::Enter],
        &[Key::Esc, Key::Char('v')],
        &[Key::Char('r')],
        &[Key::Esc, Key::Char('e')],
        &[Key::Esc, Key::Char('?')],
        &[Key::Esc, Key::Esc, Key::Char(':')],
        &[
            Key::Esc,
            Key::Char('m'),
            Key::Char('/'),
            Key::Ctrl('u'),
            Key::Char('r'),
            Key::Char('e'),
            Key::Char('l'),
            Key::Char('u'),
            Key::Enter,
            Key::Char('c'),
        ],
        &[Key::Esc, Key::Char('j'), Key::Char('t')],
        &[Key::Esc, Key::Char('S')],
    ] {
        press(&mut app, keys);
        reached.insert(app.scope());
    }
    // The study screens, on a deck of one card (the event loop reads it).
    let card = mlkg::study::generate(&app.graph)
        .into_iter()
        .find(|c| c.kind == mlkg::study::CardType::Choice)
        .unwrap();
    let place = mlkg::study::session::Place {
        dir: "/nowhere".into(),
        key: "embedded".into(),
        earlier: None,
    };
    let deck = mlkg::study::session::Deck::of_new(place, vec![card], 1);
    app.update(mlkg::tui::Event::StudyOpened(Box::new(Ok(deck))));
    reached.insert(app.scope());
    for key in [Key::Char('a'), Key::Enter] {
        press(&mut app, &[key]);
        reached.insert(app.scope());
    }
    assert_eq!(reached.len(), Scope::ALL.len(), "{reached:?}");
}

/// The README's key list is the key table: regenerate it with
/// `MLKG_WRITE_README=1 cargo test --test tui_state readme` after a change.
#[test]
fn the_readme_lists_every_key_of_the_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let open = readme
        .find("<!-- keys:")
        .expect("README has a keys section");
    let body_start = open + readme[open..].find("-->\n").unwrap() + 4;
    let body_end = readme.find("<!-- /keys -->").expect("keys section closes");
    let expected = mlkg::tui::keymap::markdown();
    if std::env::var("MLKG_WRITE_README").is_ok_and(|v| v == "1") {
        let updated = format!("{}{expected}{}", &readme[..body_start], &readme[body_end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        &readme[body_start..body_end],
        expected,
        "README keys are out of date: MLKG_WRITE_README=1 cargo test --test tui_state readme"
    );
}

#[test]
fn a_burst_of_typing_is_searched_once_for_the_latest_query() {
    let mut burst = app();
    let before = hit_ids(&burst);
    // Mid-burst the hits wait: no search runs for the stale prefixes.
    for c in "xgb".chars() {
        burst.apply(Action::Insert(c));
    }
    assert_eq!(
        hit_ids(&burst),
        before,
        "no search while the burst is applied"
    );
    burst.settle();
    let mut typed = app();
    type_text(&mut typed, "xgb");
    assert_eq!(burst.main.query.text(), "xgb");
    assert_eq!(
        hit_ids(&burst),
        hit_ids(&typed),
        "the latest query's hits, as if typed slowly"
    );
    assert_eq!(hit_ids(&burst)[0], "xgboost");
}

#[test]
fn an_action_after_fast_typing_sees_the_latest_hits() {
    let mut app = app();
    let actions: Vec<Action> = "libsvm"
        .chars()
        .map(Action::Insert)
        .chain([Action::Open])
        .collect();
    app.update_all(actions);
    assert_eq!(
        focus(&app),
        "libsvm",
        "Enter opened the hit of the whole query, not of a prefix"
    );
}
