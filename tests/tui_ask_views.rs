//! The query prompt, compare view and table view as a new user meets them:
//! the learner's questions answered in the prompt as on the command line,
//! completion that knows the relation being typed, guessed names and errors
//! shown whole, Back landing on the hit opened, the compare view's props in
//! reach, and the table's scroll marks and roomy columns.

#[path = "common/tui_ask.rs"]
mod tui_ask;

use mlkg::graph::ask;
use mlkg::tui::app::{App, Mode, Pane, Row};
use mlkg::tui::event::Event;
use mlkg::tui::keymap::Key;
use mlkg::tui::views::compare::CompareRow;
use tui_ask::{app_on, app_on_embedded, asked, focus, hit_ids, id, press, screen, type_text};

/// The questions a learner asks, as the README and `mlkg query --help` give them.
const QUESTIONS: [&str; 8] = [
    "kind:algorithm accepts:csv trains_on:gpu",
    "kind:algorithm accepts:=csv",
    "kind:algorithm trains_on:gpu -trains_on:cpu",
    "<hyperparameter:kmeans[required=true]",
    "kind:algorithm learning:unsupervised input_mode:pipe",
    "<accepts:xgboost",
    "kind:algorithm supports:incremental-training",
    "mitigates:vanishing-gradient",
];

#[test]
fn the_learners_questions_answer_in_the_prompt_as_on_the_command_line() {
    let mut app = app_on_embedded("xgboost");
    for q in QUESTIONS {
        let cli: Vec<String> = ask::run(&app.graph, q)
            .expect("the question parses")
            .into_iter()
            .map(|ix| id(&app, ix))
            .collect();
        let prompt = asked(&mut app, q);
        assert!(!prompt.is_empty(), "{q}: no answer");
        assert_eq!(prompt, cli, "{q}");
        assert_eq!(app.main.asked.error, None, "{q}");
    }
}

#[test]
fn back_lands_on_the_hit_that_was_opened() {
    let mut app = app_on("delta");
    assert_eq!(
        asked(&mut app, "kind:algorithm"),
        ["alpha", "beta", "delta", "gamma"]
    );
    // Open the last hit, then come back: the cursor is on it, not on the first
    // hit nor on the node focused when the query was typed.
    press(&mut app, &[Key::Down, Key::Down, Key::Down, Key::Enter]);
    assert_eq!(focus(&app), "gamma");
    press(&mut app, &[Key::Char('H')]);
    assert_eq!(focus(&app), "delta");
    assert_eq!(hit_ids(&app), ["alpha", "beta", "delta", "gamma"]);
    let selected = app.main.selected_hit().map(|n| id(&app, n));
    assert_eq!(selected.as_deref(), Some("gamma"));
    // Forward and back again keep it.
    press(&mut app, &[Key::Char('L'), Key::Char('H')]);
    let selected = app.main.selected_hit().map(|n| id(&app, n));
    assert_eq!(selected.as_deref(), Some("gamma"));
}

#[test]
fn back_to_a_node_left_by_its_neighbours_lands_on_the_row_left() {
    let mut app = app_on("delta");
    app.update(Event::Resize(200, 50));
    asked(&mut app, "kind:algorithm accepts:csv");
    // Open Alpha Boost from the results, then its CSV neighbour.
    press(&mut app, &[Key::Enter]);
    assert_eq!(focus(&app), "alpha");
    assert_eq!(app.main.pane, Pane::Neighbours);
    let csv = app.graph.find("csv").unwrap();
    let at = (app.main.rows.iter())
        .position(|r| matches!(r, Row::Node { node, .. } if *node == csv))
        .unwrap();
    app.main.row_list.select(at);
    press(&mut app, &[Key::Enter]);
    assert_eq!(focus(&app), "csv");
    // Back: on Alpha Boost's CSV row, not in the query's hits.
    press(&mut app, &[Key::Char('H')]);
    assert_eq!(focus(&app), "alpha");
    assert_eq!(app.main.pane, Pane::Neighbours);
    assert_eq!(app.main.row_list.sel, at);
    // Back again: the query's results, on the hit opened from them.
    press(&mut app, &[Key::Char('H')]);
    assert_eq!(focus(&app), "delta");
    assert_eq!(app.main.pane, Pane::Hits);
    let selected = app.main.selected_hit().map(|n| id(&app, n));
    assert_eq!(selected.as_deref(), Some("alpha"));
}

fn candidates(app: &App) -> Vec<String> {
    (app.main.asked.completion.candidates.iter())
        .map(|(c, _)| c.clone())
        .collect()
}

#[test]
fn completion_after_a_relation_offers_the_nodes_it_reaches() {
    let mut app = app_on("alpha");
    asked(&mut app, "accepts:");
    // Nothing typed yet: CSV first (two edges), then the other formats accepted.
    let shown = candidates(&app);
    assert_eq!(shown.first().map(String::as_str), Some("csv"), "{shown:?}");
    let mut rest = shown[1..].to_vec();
    rest.sort();
    assert_eq!(rest, ["augmented", "json", "protobuf"]);
    // Backwards: the algorithms that train on something.
    asked(&mut app, "<trains_on:");
    let mut shown = candidates(&app);
    shown.sort();
    assert_eq!(shown, ["alpha", "beta", "delta", "gamma"]);
    press(&mut app, &[Key::Ctrl('u')]);
    type_text(&mut app, ":<trains_on:g");
    assert_eq!(candidates(&app).first().map(String::as_str), Some("gamma"));
}

#[test]
fn completion_inside_brackets_offers_edge_props_and_keeps_the_bracket() {
    let mut app = app_on("alpha");
    asked(&mut app, "<hyperparameter:alpha[re");
    assert_eq!(candidates(&app), ["required="]);
    press(&mut app, &[Key::Tab]);
    assert_eq!(app.main.query.text(), ":<hyperparameter:alpha[required=");
    type_text(&mut app, "true");
    assert!(candidates(&app).is_empty(), "a value is not completed");
    type_text(&mut app, "]");
    assert!(candidates(&app).is_empty(), "nothing after `]`");
    press(&mut app, &[Key::Tab]);
    assert_eq!(
        app.main.query.text(),
        ":<hyperparameter:alpha[required=true]"
    );
    assert_eq!(hit_ids(&app), ["alpha.k"]);
}

#[test]
fn a_guessed_name_is_said_and_a_long_error_wraps() {
    let mut app = app_on("alpha");
    assert_eq!(asked(&mut app, "accepts:csvv"), ["alpha", "beta"]);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("taking \"csvv\" as CSV"), "{s}");
    asked(&mut app, "kind:algorithm accepts:");
    let s = screen(&mut app, 80, 24);
    // The message is 85 characters: its end shows on the next line.
    assert!(
        s.contains("expected a node") && s.contains("end of the query"),
        "{s}"
    );
    let caret = s
        .lines()
        .position(|l| l.contains("  kind:algorithm accepts:"))
        .unwrap();
    let under = s.lines().nth(caret + 1).unwrap();
    assert_eq!(
        under.find('^'),
        s.lines()
            .nth(caret)
            .unwrap()
            .find("accepts:")
            .map(|i| i + 8)
    );
    // The help line keeps its indent under the caret line.
    asked(&mut app, "acepts:csv");
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("│  = did you mean \"accepts\"?"), "{s}");
}

fn compare_alpha_beta() -> App {
    let mut app = app_on("alpha");
    press(&mut app, &[Key::Char('m'), Key::Char('/')]);
    type_text(&mut app, "beta means");
    press(&mut app, &[Key::Enter, Key::Char('c')]);
    assert!(matches!(app.mode, Mode::Compare(_)), "{:?}", app.mode);
    app
}

#[test]
fn the_compare_views_props_are_in_reach_and_its_notes_name_their_side() {
    let mut app = compare_alpha_beta();
    // A short terminal: the props are below the fold, and End reaches them.
    app.update(Event::Resize(80, 12));
    press(&mut app, &[Key::End]);
    let Mode::Compare(view) = &app.mode else {
        panic!()
    };
    assert!(
        matches!(view.rows[view.list.sel], CompareRow::Prop(..)),
        "{:?}",
        view.rows
    );
    let s = screen(&mut app, 80, 12);
    assert!(!s.contains("more ┘"), "nothing left below:\n{s}");
    assert!(
        s.contains("learning — Alpha Boost: supervised · Beta Means: Unsupervised"),
        "{s}"
    );
    // Enter on a prop says why nothing opens.
    press(&mut app, &[Key::Enter]);
    assert!(matches!(app.mode, Mode::Compare(_)));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("not a node"))
    );
    // Both take CSV with their own notes: the line under the view says whose.
    press(&mut app, &[Key::Home]);
    let s = screen(&mut app, 200, 50);
    assert!(
        s.contains("Alpha Boost: File mode only · Beta Means: first column is the label"),
        "{s}"
    );
}

#[test]
fn the_compare_views_names_line_up_with_their_columns() {
    let mut app = compare_alpha_beta();
    for (w, h) in [(80, 24), (200, 50)] {
        let s = screen(&mut app, w, h);
        let col = |line: &str, text: &str| line.find(text).map(|b| line[..b].chars().count());
        let names = s
            .lines()
            .find(|l| l.contains("Beta Means [algorithm]"))
            .unwrap();
        let csv = s.lines().find(|l| l.contains("› CSV")).unwrap();
        assert_eq!(col(names, "Alpha Boost"), col(csv, "CSV"), "{s}");
        assert_eq!(
            col(names, "Beta Means"),
            csv.rfind("CSV").map(|b| csv[..b].chars().count()),
            "{s}"
        );
    }
}

fn table_of(app: &mut App, node: &str) {
    let n = app.graph.find(node).unwrap();
    let at = (app.main.rows.iter())
        .position(|r| matches!(r, Row::Node { node, .. } if *node == n))
        .unwrap();
    app.main.row_list.select(at);
    press(app, &[Key::Char('t')]);
    assert!(matches!(app.mode, Mode::Matrix(_)), "{:?}", app.mode);
}

#[test]
fn the_table_marks_rows_and_columns_out_of_view() {
    let mut app = app_on("alpha");
    table_of(&mut app, "csv");
    let s = screen(&mut app, 40, 8);
    assert!(
        s.contains("2 more columns →") && s.contains("↓ 2 more"),
        "{s}"
    );
    press(
        &mut app,
        &[Key::End, Key::Right, Key::Right, Key::Right, Key::Right],
    );
    let s = screen(&mut app, 40, 8);
    assert!(s.contains("← 2 columns") && s.contains("↑ 2"), "{s}");
    assert!(
        !s.contains("more columns →"),
        "the last column is in view:\n{s}"
    );
    // Everything fits at 200x50: no marks.
    let s = screen(&mut app, 200, 50);
    assert!(
        !s.contains("more columns") && !s.contains("← 2") && !s.contains("more ┘"),
        "{s}"
    );
    assert!(
        s.contains("Alpha Boost ✓"),
        "scrolled back to the first row and column:\n{s}"
    );
}

#[test]
fn the_tables_columns_take_the_room_there_is() {
    let mut app = app_on("alpha");
    table_of(&mut app, "supervised");
    // Two columns: their labels whole, even at 80 columns.
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Supervised learning") && s.contains("Unsupervised learning"),
        "{s}"
    );
    assert!(!s.contains("Supervised …"), "{s}");
}
