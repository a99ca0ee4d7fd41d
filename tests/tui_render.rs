//! Render tests of the explorer: text snapshots of whole screens on a
//! `TestBackend` (insta), explicit checks of the styles a text snapshot
//! cannot show, the mouse on what was drawn, and every small size drawn
//! without a panic.

use std::path::Path;

use mlkg::graph::load::load_path;
use mlkg::tui::action::Action;
use mlkg::tui::app::{App, Pane};
use mlkg::tui::view::view;
use mlkg::tui::widgets::{MATCHED, SELECTED};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn app_on(id: Option<&str>) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron");
    let graph = load_path(&path).expect("fixture loads").graph;
    let start = id.map(|i| graph.find(i).expect("node exists"));
    App::new(graph, start)
}

fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    text(&draw(app, w, h))
}

fn type_text(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Insert(c));
    }
}

fn main_screen() -> App {
    let mut app = app_on(None);
    type_text(&mut app, "xgb");
    app.update(Action::Open);
    app
}

fn path_screen() -> App {
    let mut app = app_on(Some("sigmoid"));
    app.update(Action::PathMode);
    type_text(&mut app, "relu");
    app.update(Action::Confirm);
    app.update(Action::MoveDown);
    app
}

fn graph_screen() -> App {
    let mut app = app_on(Some("xgboost"));
    app.update(Action::GraphView);
    app.update(Action::MoveDown);
    app
}

fn help_screen() -> App {
    let mut app = app_on(Some("xgboost"));
    app.update(Action::ToggleHelp);
    app
}

#[test]
fn main_screen_wide() {
    insta::assert_snapshot!(screen(&mut main_screen(), 120, 40));
}

#[test]
fn main_screen_narrow() {
    insta::assert_snapshot!(screen(&mut main_screen(), 60, 20));
}

#[test]
fn main_screen_narrow_node_pane() {
    let mut app = main_screen();
    app.update(Action::PrevPane);
    assert_eq!(app.pane, Pane::Node);
    insta::assert_snapshot!(screen(&mut app, 60, 20));
}

#[test]
fn help_overlay_wide() {
    insta::assert_snapshot!(screen(&mut help_screen(), 120, 40));
}

#[test]
fn help_overlay_narrow() {
    insta::assert_snapshot!(screen(&mut help_screen(), 60, 20));
}

#[test]
fn path_mode_wide() {
    insta::assert_snapshot!(screen(&mut path_screen(), 120, 40));
}

#[test]
fn path_mode_narrow() {
    insta::assert_snapshot!(screen(&mut path_screen(), 60, 20));
}

#[test]
fn path_mode_picking_the_target() {
    let mut app = app_on(Some("sigmoid"));
    app.update(Action::PathMode);
    type_text(&mut app, "re");
    insta::assert_snapshot!(screen(&mut app, 60, 20));
}

#[test]
fn graph_view_wide() {
    insta::assert_snapshot!(screen(&mut graph_screen(), 120, 40));
}

#[test]
fn graph_view_narrow() {
    insta::assert_snapshot!(screen(&mut graph_screen(), 60, 20));
}

#[test]
fn graph_view_depth_two() {
    let mut app = app_on(Some("sigmoid"));
    app.update(Action::GraphView);
    app.update(Action::DepthMore);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn filters_and_error_banner_show() {
    let mut app = app_on(Some("xgboost"));
    app.set_filter(
        mlkg::tui::app::PickWhat::Relation,
        "accepts".into(),
        "accepts",
    );
    app.set_filter(mlkg::tui::app::PickWhat::Kind, "format".into(), "Format");
    app.banner = Some(vec![
        "tui.ron:12:5: edge to \"nowhere\": no such node".into(),
    ]);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("kind: Format (f)"), "{s}");
    assert!(s.contains("rel: accepts (r)"), "{s}");
    assert!(s.contains("tui.ron:12:5: edge to \"nowhere\""), "{s}");
    assert!(s.contains("showing the last good graph"), "{s}");
}

#[test]
fn matched_characters_and_the_selected_row_are_styled() {
    let mut app = app_on(None);
    type_text(&mut app, "xgb");
    let buf = draw(&mut app, 120, 40);
    let s = text(&buf);
    let (y, line) = s
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("› Algo XGBoost"))
        .expect("XGBoost is the selected hit");
    let x0 = line.find("XGBoost").unwrap();
    let x0 = line[..x0].chars().count() as u16;
    let y = y as u16;
    for (dx, matched) in [(0, true), (1, true), (2, true), (3, false), (6, false)] {
        let cell = &buf[(x0 + dx, y)];
        assert_eq!(
            cell.fg == MATCHED.fg.unwrap() && cell.modifier.contains(Modifier::BOLD),
            matched,
            "char {dx} of XGBoost: {cell:?}"
        );
        assert_eq!(
            cell.bg,
            SELECTED.bg.unwrap(),
            "the selected row's background"
        );
    }
    let next = &buf[(x0, y + 1)];
    assert_ne!(
        next.bg,
        SELECTED.bg.unwrap(),
        "the next row is not selected"
    );
}

#[test]
fn the_selected_neighbour_row_is_styled() {
    let mut app = main_screen();
    let buf = draw(&mut app, 120, 40);
    let s = text(&buf);
    let (y, line) = s
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("› Task Regression"))
        .expect("the first neighbour is selected");
    let x = line[..line.find("Regression").unwrap()].chars().count() as u16;
    assert_eq!(buf[(x, y as u16)].bg, SELECTED.bg.unwrap());
}

#[test]
fn clicks_select_and_double_clicks_open() {
    let mut app = main_screen();
    let buf = draw(&mut app, 120, 40);
    let s = text(&buf);
    let find = |label: &str| {
        s.lines()
            .enumerate()
            .find_map(|(y, l)| {
                let at = l.find(label)?;
                Some((l[..at].chars().count() as u16, y as u16))
            })
            .unwrap()
    };
    let (x, y) = find("LibSVM");
    app.update(Action::Click(x, y));
    assert_eq!(app.pane, Pane::Neighbours);
    assert!(
        matches!(app.rows[app.row_sel], mlkg::tui::app::Row::Node { node, .. } if app.graph.node(node).id == "libsvm")
    );
    app.update(Action::DoubleClick(x, y));
    assert_eq!(app.graph.node(app.focus.unwrap()).id, "libsvm");
    draw(&mut app, 120, 40);
    let (x, y) = (5, 5);
    app.update(Action::Click(x, y));
    assert_eq!(app.pane, Pane::Hits);
    assert_eq!(app.hit_sel, 1);
    app.update(Action::WheelDown(x, y));
    assert_eq!(app.hit_sel, 4, "the wheel moves three rows");
}

#[test]
fn every_small_size_renders_without_panic() {
    let mut screens = vec![
        main_screen(),
        path_screen(),
        graph_screen(),
        help_screen(),
        app_on(None),
    ];
    let mut with_banner = app_on(Some("xgboost"));
    with_banner.banner = Some(vec!["x:1:1: broken".into(); 7]);
    with_banner.update(Action::FilterKind);
    screens.push(with_banner);
    let mut export = app_on(Some("xgboost"));
    export.update(Action::Export);
    screens.push(export);
    let mut depth2 = graph_screen();
    depth2.update(Action::DepthMore);
    screens.push(depth2);
    for app in &mut screens {
        for w in 1..=40 {
            for h in 1..=12 {
                draw(app, w, h);
            }
        }
        draw(app, 0, 0);
        draw(app, 400, 3);
    }
}
