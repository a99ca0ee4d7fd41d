//! The explorer's query prompt, compare view and table view: state after
//! keys, and frames drawn at 80x24 and 200x50.

#[path = "common/tui_ask.rs"]
mod tui_ask;

use mlkg::tui::app::{Mode, Pane, Row};
use mlkg::tui::event::Event;
use mlkg::tui::keymap::{Key, Scope};
use mlkg::tui::views::compare::CompareRow;
use tui_ask::{app_on, focus, hit_ids, id, press, screen, type_text};

#[test]
fn colon_opens_the_query_prompt_and_its_answer_fills_the_hits() {
    let mut app = app_on("delta");
    press(&mut app, &[Key::Char(':')]);
    assert_eq!(app.scope(), Scope::Query);
    assert_eq!(app.main.query.text(), ":");
    type_text(&mut app, "kind:algorithm accepts:csv");
    assert_eq!(hit_ids(&app), ["alpha", "beta"]);
    // The selected hit is previewed, as for a search.
    assert_eq!(
        app.shown_node().map(|n| id(&app, n)),
        Some("alpha".to_string())
    );
    press(&mut app, &[Key::Down]);
    assert_eq!(
        app.shown_node().map(|n| id(&app, n)),
        Some("beta".to_string())
    );
    press(&mut app, &[Key::Enter]);
    assert_eq!(focus(&app), "beta");
    assert_eq!(app.scope(), Scope::Browse);
    press(&mut app, &[Key::Char(':')]);
    assert_eq!(
        app.main.query.text(),
        ":kind:algorithm accepts:csv",
        "the query is kept"
    );
}

#[test]
fn back_returns_to_the_query_and_its_results() {
    let mut app = app_on("delta");
    press(&mut app, &[Key::Char(':')]);
    type_text(&mut app, "trains_on:cpu");
    assert_eq!(hit_ids(&app), ["alpha", "beta", "delta"]);
    press(&mut app, &[Key::Down, Key::Enter]);
    assert_eq!(focus(&app), "beta");
    // Search for something else, open it, then come back twice.
    press(&mut app, &[Key::Char('/'), Key::Ctrl('u')]);
    type_text(&mut app, "gamma");
    press(&mut app, &[Key::Enter]);
    assert_eq!(focus(&app), "gamma");
    press(&mut app, &[Key::Char('H')]);
    assert_eq!(focus(&app), "beta");
    press(&mut app, &[Key::Char('H')]);
    assert_eq!(focus(&app), "delta");
    assert_eq!(app.main.query.text(), ":trains_on:cpu");
    assert_eq!(hit_ids(&app), ["alpha", "beta", "delta"]);
    assert_eq!(app.main.pane, Pane::Hits);
    // The cursor is on the hit that was opened from these results.
    assert_eq!(
        app.main.selected_hit().map(|n| id(&app, n)),
        Some("beta".to_string())
    );
}

#[test]
fn a_bad_query_shows_its_error_and_no_hits() {
    let mut app = app_on("alpha");
    press(&mut app, &[Key::Char(':')]);
    type_text(&mut app, "acepts:csv");
    assert!(app.main.hits.is_empty());
    let error = app.main.asked.error.clone().expect("an error");
    assert!(error.contains("did you mean \"accepts\"?"), "{error}");
    let s = screen(&mut app, 200, 50);
    assert!(
        s.contains("Query (:)") && s.contains("no relation \"acepts\""),
        "{s}"
    );
    // An empty prompt shows the language instead of an error.
    press(&mut app, &[Key::Ctrl('u')]);
    type_text(&mut app, ":");
    assert_eq!(app.main.asked.error, None);
    assert!(screen(&mut app, 80, 24).contains("<REL:NODE"));
}

#[test]
fn tab_completes_kinds_relations_and_nodes() {
    let mut app = app_on("alpha");
    press(&mut app, &[Key::Char(':')]);
    type_text(&mut app, "kind:al");
    press(&mut app, &[Key::Tab]);
    assert_eq!(app.main.query.text(), ":kind:algorithm");
    type_text(&mut app, " -trai");
    press(&mut app, &[Key::Tab]);
    assert_eq!(app.main.query.text(), ":kind:algorithm -trains_on:");
    type_text(&mut app, "ml.c5");
    let shown: Vec<&str> = app
        .main
        .asked
        .completion
        .candidates
        .iter()
        .map(|(c, _)| c.as_str())
        .collect();
    assert_eq!(shown.first(), Some(&"c5x"), "{shown:?}");
    press(&mut app, &[Key::Tab]);
    assert_eq!(app.main.query.text(), ":kind:algorithm -trains_on:c5x");
    assert_eq!(hit_ids(&app), ["alpha", "delta", "gamma"]);
    assert!(screen(&mut app, 200, 50).contains("Tab: "));
}

#[test]
fn mark_then_c_compares_two_nodes_side_by_side_and_rows_open() {
    let mut app = app_on("alpha");
    press(&mut app, &[Key::Char('c')]);
    assert!(matches!(app.mode, Mode::Main));
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    press(&mut app, &[Key::Char('m')]);
    press(&mut app, &[Key::Char('/')]);
    type_text(&mut app, "beta means");
    press(&mut app, &[Key::Enter, Key::Char('c')]);
    let Mode::Compare(view) = &app.mode else {
        panic!("not comparing: {:?}", app.mode)
    };
    assert_eq!(app.scope(), Scope::Compare);
    assert_eq!(
        (id(&app, view.left), id(&app, view.right)),
        ("alpha".into(), "beta".into())
    );
    assert_eq!(view.rows[0], CompareRow::Heading("accepts →".into()));
    let csv = app.graph.find("csv");
    assert!(
        matches!(&view.rows[1], CompareRow::Item { left, right, .. } if *left == csv && *right == csv)
    );
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Alpha Boost [algorithm]") && s.contains("Beta Means [algorithm]"),
        "{s}"
    );
    assert!(
        screen(&mut app, 200, 50).contains("File mode only"),
        "the selected row's notes"
    );
    // Down to RecordIO-protobuf (only Alpha Boost's), then open it.
    press(&mut app, &[Key::Char('j'), Key::Enter]);
    assert_eq!(focus(&app), "protobuf");
    assert!(matches!(app.mode, Mode::Main));
}

#[test]
fn t_tables_the_selected_neighbours_relation_and_opens_the_node_under_the_cursor() {
    let mut app = app_on("alpha");
    let csv = app.graph.find("csv").unwrap();
    let at = app
        .main
        .rows
        .iter()
        .position(|r| matches!(r, Row::Node { node, .. } if *node == csv))
        .unwrap();
    app.main.pane = Pane::Neighbours;
    app.main.row_list.select(at);
    press(&mut app, &[Key::Char('t')]);
    let Mode::Matrix(view) = &app.mode else {
        panic!("no table: {:?}", app.mode)
    };
    assert_eq!(app.scope(), Scope::Matrix);
    let rows: Vec<String> = view.matrix.rows.iter().map(|&n| id(&app, n)).collect();
    let cols: Vec<String> = view.matrix.cols.iter().map(|&n| id(&app, n)).collect();
    assert_eq!(rows, ["alpha", "beta", "gamma", "delta"]);
    assert_eq!(cols, ["csv", "protobuf", "json", "augmented"]);
    assert_eq!((view.row, view.col), (0, None));
    for (w, h) in [(80, 24), (200, 50), (30, 8)] {
        let s = screen(&mut app, w, h);
        assert!(
            s.contains("Table: Algorithm × Format by accepts") || w < 60,
            "{s}"
        );
    }
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Alpha Boost") && s.contains("RecordIO-pr"),
        "{s}"
    );
    press(&mut app, &[Key::Char('j'), Key::Char('l'), Key::Char('l')]);
    let Mode::Matrix(view) = &app.mode else {
        panic!()
    };
    assert_eq!((view.row, view.col), (1, Some(1)));
    assert!(screen(&mut app, 80, 24).contains("Beta Means × RecordIO-protobuf: not linked"));
    press(&mut app, &[Key::Char('h'), Key::Enter]);
    assert_eq!(focus(&app), "csv");
    assert!(matches!(app.mode, Mode::Main));
}

#[test]
fn a_narrow_table_scrolls_with_the_labels_frozen() {
    let mut app = app_on("alpha");
    let csv = app.graph.find("csv").unwrap();
    let at = app
        .main
        .rows
        .iter()
        .position(|r| matches!(r, Row::Node { node, .. } if *node == csv))
        .unwrap();
    app.main.row_list.select(at);
    press(&mut app, &[Key::Char('t')]);
    app.update(Event::Resize(40, 8));
    press(&mut app, &[Key::Char('G')]);
    press(&mut app, &[Key::Char('l'); 4]);
    let s = screen(&mut app, 40, 8);
    let Mode::Matrix(view) = &app.mode else {
        panic!()
    };
    assert!(
        view.offset.1 > 0 && view.offset.0 > 0,
        "{:?}\n{s}",
        view.offset
    );
    // The column labels stay on the grid's first line, the row labels on the left.
    let grid: Vec<&str> = s.lines().skip(1).take(3).collect();
    assert!(grid[0].contains("Augmented"), "{s}");
    assert!(grid.iter().any(|l| l.contains("Delta")), "{s}");
    assert!(
        !grid.iter().any(|l| l.contains("Alpha Boost")),
        "the first row scrolled away\n{s}"
    );
}

#[test]
fn t_without_a_neighbour_selected_says_what_to_do() {
    let mut app = app_on("alpha");
    app.main.row_list.select(0);
    press(&mut app, &[Key::Char('t')]);
    assert!(matches!(app.mode, Mode::Main));
    let m = app.message.as_ref().expect("a message");
    assert!(
        m.error && m.text.contains("select a neighbour"),
        "{}",
        m.text
    );
}
