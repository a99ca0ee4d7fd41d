//! Render tests of the explorer: text snapshots of whole screens on a
//! `TestBackend` (insta), explicit checks of the styles a text snapshot
//! cannot show, the mouse on what was drawn, and every small size drawn
//! without a panic.

use std::path::Path;

use mlkg::graph::load::load_path;
use mlkg::tui::action::Action;
use mlkg::tui::app::{App, Pane};
use mlkg::tui::event::{Event, Mouse, MouseKind};
use mlkg::tui::screen::ScreenMap;
use mlkg::tui::view;
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

/// Draws a frame as the event loop does: the size is told to the state
/// first, then the state is drawn (without changing it).
fn draw_map(app: &mut App, w: u16, h: u16) -> (Buffer, ScreenMap) {
    app.update(Event::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut map = ScreenMap::default();
    terminal.draw(|f| map = view::draw(app, f)).unwrap();
    (terminal.backend().buffer().clone(), map)
}

fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    draw_map(app, w, h).0
}

fn mouse(app: &mut App, map: &ScreenMap, kind: MouseKind, x: u16, y: u16) {
    let target = map.target_at(x, y);
    app.update(Event::Mouse(Mouse { kind, target }));
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
    assert_eq!(app.main.pane, Pane::Node);
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
        .find(|(_, l)| l.contains("› Alg  XGBoost"))
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
    let (buf, map) = draw_map(&mut app, 120, 40);
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
    mouse(&mut app, &map, MouseKind::Click, x, y);
    assert_eq!(app.main.pane, Pane::Neighbours);
    assert!(
        matches!(app.main.selected_row(), Some(mlkg::tui::app::Row::Node { node, .. }) if app.graph.node(*node).id == "libsvm")
    );
    mouse(&mut app, &map, MouseKind::DoubleClick, x, y);
    assert_eq!(app.graph.node(app.focus.unwrap()).id, "libsvm");
    let (_, map) = draw_map(&mut app, 120, 40);
    let (x, y) = (5, 5);
    mouse(&mut app, &map, MouseKind::Click, x, y);
    assert_eq!(app.main.pane, Pane::Hits);
    assert_eq!(app.main.hit_list.sel, 1);
    mouse(&mut app, &map, MouseKind::WheelDown, x, y);
    assert_eq!(app.main.hit_list.sel, 4, "the wheel moves three rows");
}

#[test]
fn the_boundary_sizes_render_without_panic() {
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
    // Each size where the layout changes, and one either side of it:
    // nothing, one cell, the borders' minimum, the status lines' rows, the
    // narrow and wide layouts (99/100/101 columns), and very long sides.
    let sizes = [
        (0, 0),
        (1, 1),
        (2, 1),
        (1, 2),
        (3, 3),
        (4, 4),
        (5, 5),
        (9, 6),
        (16, 7),
        (40, 8),
        (79, 12),
        (80, 24),
        (99, 24),
        (100, 24),
        (101, 30),
        (400, 3),
        (3, 100),
        (200, 50),
    ];
    for app in &mut screens {
        for (w, h) in sizes {
            draw(app, w, h);
        }
    }
}

// The screenshot in assets/, drawn from a TestBackend buffer as SVG.

fn hex(c: ratatui::style::Color, default: &str) -> String {
    use ratatui::style::Color::*;
    match c {
        Reset => default,
        Black => "#1c1c1c",
        Red => "#e06c75",
        Green => "#98c379",
        Yellow => "#e5c07b",
        Blue => "#61afef",
        Magenta => "#c678dd",
        Cyan => "#56b6c2",
        Gray => "#abb2bf",
        DarkGray => "#3e4451",
        LightRed => "#ff7b86",
        LightGreen => "#b5e890",
        LightYellow => "#ffd88a",
        LightBlue => "#8cc8ff",
        LightMagenta => "#e09cf0",
        LightCyan => "#8be9f5",
        White => "#f0f0f0",
        Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Indexed(_) => default,
    }
    .to_string()
}

/// The buffer as an SVG picture of a terminal: one rectangle per run of
/// background, one text element per run of style.
fn svg(buf: &Buffer) -> String {
    const CW: f64 = 8.4;
    const CH: f64 = 18.0;
    const FG: &str = "#d7dae0";
    const BG: &str = "#21252b";
    let (w, h) = (buf.area.width, buf.area.height);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" \
         font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" font-size=\"14\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{BG}\"/>\n",
        f64::from(w) * CW + 16.0,
        f64::from(h) * CH + 16.0
    );
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (hex(cell.fg, FG), hex(cell.bg, BG));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
                if fg == BG {
                    fg = "#21252b".into();
                }
            }
            let key = (fg.clone(), bg.clone(), cell.modifier);
            let start = x;
            let mut run = String::new();
            while x < w {
                let c = &buf[(x, y)];
                let r = c.modifier.contains(Modifier::REVERSED);
                let (mut f, mut b) = (hex(c.fg, FG), hex(c.bg, BG));
                if r {
                    std::mem::swap(&mut f, &mut b);
                    if f == BG {
                        f = "#21252b".into();
                    }
                }
                if (f, b, c.modifier) != key {
                    break;
                }
                run.push_str(c.symbol());
                x += 1;
            }
            let (px, py) = (8.0 + f64::from(start) * CW, 8.0 + f64::from(y) * CH);
            if bg != BG {
                out.push_str(&format!(
                    "<rect x=\"{px:.1}\" y=\"{py:.1}\" width=\"{:.1}\" height=\"{CH}\" fill=\"{bg}\"/>\n",
                    f64::from(x - start) * CW
                ));
            }
            if run.trim().is_empty() {
                continue;
            }
            let m = key.2;
            let mut attrs = format!("fill=\"{fg}\"");
            if m.contains(Modifier::BOLD) {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if m.contains(Modifier::DIM) {
                attrs.push_str(" opacity=\"0.7\"");
            }
            if m.contains(Modifier::UNDERLINED) {
                attrs.push_str(" text-decoration=\"underline\"");
            }
            out.push_str(&format!(
                "<text x=\"{px:.1}\" y=\"{:.1}\" {attrs} textLength=\"{:.1}\" \
                 lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">{}</text>\n",
                py + 13.5,
                f64::from(x - start) * CW,
                escape(&run)
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The explorer on the embedded graph, as a new user sees it.
fn embedded_app(id: Option<&str>) -> App {
    let graph = mlkg::graph::load::load_embedded()
        .expect("embedded graph loads")
        .graph;
    let start = id.map(|i| graph.find(i).expect("node exists"));
    App::new(graph, start)
}

/// The study screen on XGBoost's formats, answered with two right formats
/// and a wrong one after five seconds, the answer saved.
fn study_feedback() -> App {
    use mlkg::study::schedule::{CardState, Grade};
    use mlkg::study::session::{Deck, Graded, Place};
    use mlkg::study::store::Recorded;
    let mut app = embedded_app(Some("xgboost"));
    let card = mlkg::study::generate(&app.graph)
        .into_iter()
        .find(|c| c.id == "which:xgboost:accepts:out")
        .expect("the card of XGBoost's formats");
    let place = Place {
        dir: "/nowhere".into(),
        key: "embedded".into(),
        earlier: None,
    };
    let right = |i: &usize| card.answers.contains(&card.options[*i].id);
    let all = 0..card.options.len();
    let picks: Vec<char> = all
        .clone()
        .filter(right)
        .take(2)
        .chain(all.filter(|i| !right(i)).take(1))
        .map(|i| (b'a' + i as u8) as char)
        .collect();
    app.update(Event::StudyOpened(Box::new(Ok(Deck::of_new(
        place,
        vec![card],
        806,
    )))));
    for _ in 0..20 {
        app.update(Event::Tick);
    }
    for c in picks {
        app.update(Action::Choose(c));
    }
    app.update(Action::Answer);
    let day = 86_400;
    let at = 1_799_971_200 + 9 * 3600;
    let state = CardState {
        stability: 0.2,
        difficulty: 6.0,
        due: at + 600,
        last_review: at,
        reps: 1,
        lapses: 0,
        last_grade: Grade::Again,
    };
    let recorded = Recorded {
        review: 1,
        state,
        interval: 600.0 / day as f32,
    };
    app.update(Event::StudyGraded(Ok(Graded {
        recorded,
        at,
        grade: Grade::Again,
    })));
    app
}

/// Keeps the README's screenshots (assets/explorer*.svg, the explorer on the
/// embedded graph) in step with the explorer and the graph.
/// MLKG_WRITE_SCREENSHOT=1 writes them again after a change.
#[test]
fn the_screenshot_in_assets_is_current() {
    let shots = [
        ("assets/explorer.svg", {
            let mut app = embedded_app(None);
            type_text(&mut app, "xgb");
            app.update(Action::Open);
            app.update(Action::MoveDown);
            app.update(Action::MoveDown);
            draw(&mut app, 120, 32)
        }),
        ("assets/explorer-graph.svg", {
            let mut app = embedded_app(Some("vanishing-gradient"));
            app.update(Action::GraphView);
            app.update(Action::MoveDown);
            app.update(Action::MoveDown);
            draw(&mut app, 120, 32)
        }),
        ("assets/study.svg", {
            let mut app = study_feedback();
            draw(&mut app, 96, 26)
        }),
    ];
    for (file, buf) in shots {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let picture = svg(&buf);
        if std::env::var("MLKG_WRITE_SCREENSHOT").is_ok_and(|v| v == "1") {
            std::fs::write(&path, &picture).unwrap();
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == picture,
            "{file} is out of date; run `MLKG_WRITE_SCREENSHOT=1 cargo test --test tui_render` and look at it"
        );
    }
}

#[test]
fn a_graph_without_nodes_renders_and_keys_do_nothing_harmful() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.ron");
    std::fs::write(&path, "(kinds: {}, relations: {}, nodes: [], edges: [])").unwrap();
    let graph = load_path(&path).expect("an empty graph loads").graph;
    let mut app = App::new(graph, None);
    assert_eq!(app.focus, None);
    for a in Action::KEYED {
        if a == Action::Quit {
            continue;
        }
        app.update(a);
        app.update(Action::Confirm);
        app.update(Action::Open);
        for (w, h) in [(120, 40), (60, 20), (7, 3)] {
            draw(&mut app, w, h);
        }
    }
    let s = screen(&mut App::new(app.graph.clone(), None), 120, 40);
    assert!(s.contains("the graph has no nodes"), "{s}");
}

/// The local-graph view on the embedded graph's busiest nodes, at depths 1
/// and 2 and three sizes: no two labels overlap or touch, and the view
/// draws arrow heads and a legend of the kinds.
#[test]
fn graph_view_labels_never_overlap_on_the_busiest_nodes() {
    let graph = mlkg::graph::load::load_embedded().unwrap().graph;
    let mut busiest: Vec<_> = graph.node_indices().collect();
    busiest.sort_by_key(|&ix| std::cmp::Reverse(graph.degree(ix)));
    for &node in &busiest[..3] {
        for depth2 in [false, true] {
            for (w, h) in [(80, 24), (120, 40), (200, 50)] {
                let mut app = App::new(graph.clone(), Some(node));
                app.update(Action::GraphView);
                if depth2 {
                    app.update(Action::DepthMore);
                }
                let (buf, map) = draw_map(&mut app, w, h);
                let labels = map.items(mlkg::tui::screen::Region::View);
                let name = &graph.node(node).id;
                assert!(labels.len() >= 2, "{name} {w}x{h}: labels drawn");
                for (i, (a, _)) in labels.iter().enumerate() {
                    for (b, _) in &labels[i + 1..] {
                        let apart = a.y != b.y || a.right() < b.x || b.right() < a.x;
                        assert!(
                            apart,
                            "{name} {w}x{h} depth2={depth2}: {a:?} and {b:?} touch"
                        );
                    }
                }
                let s = text(&buf);
                let kind = &graph.node(node).kind;
                let mark = mlkg::tui::widgets::kinds::Looks::of(&graph).mark(kind);
                let legend = format!("{mark} {}", graph.kind_label(kind));
                assert!(s.contains(&legend), "a legend: {s}");
                if !depth2 {
                    assert!(
                        ["→", "←", "↑", "↓", "↗", "↖", "↘", "↙"]
                            .iter()
                            .any(|g| s.contains(g)),
                        "arrow heads: {s}"
                    );
                }
            }
        }
    }
}
