//! Hostile graph files and faults: each test is a row of docs/robustness.md.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use mlkg::graph::load::{load_bytes, load_path, load_str};
use mlkg::graph::{Diagnostic, LoadError, Source};
use predicates::prelude::*;

#[path = "common/fuzz_checks.rs"]
mod fuzz_checks;

fn source() -> Source {
    Source::File(PathBuf::from("hostile.ron"))
}

fn mlkg() -> Command {
    let mut cmd = Command::cargo_bin("mlkg").expect("binary built");
    cmd.env_remove("MLKG_GRAPH").env("MLKG_NO_CACHE", "1");
    cmd
}

/// What a command that must succeed printed on stdout.
fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).expect("UTF-8 output")
}

/// The diagnostics of an invalid text (panics if it loads).
fn problems(text: &str) -> Vec<Diagnostic> {
    match load_str(text, source()) {
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics,
        Ok(_) => panic!("must not load: {:?}", &text[..text.len().min(80)]),
        Err(e) => panic!("unexpected {e}"),
    }
}

const HEAD: &str = "(\n    kinds: {\"k\": (label: \"K\")},\n    relations: {\"r\": (label: \"r\", inverse: \"r by\")},\n";

fn graph_with_label(label: &str) -> String {
    format!(
        "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: {label:?}), (id: \"b\", kind: \"k\", label: \"B\")],\n    edges: [(from: \"a\", rel: \"r\", to: \"b\")],\n)"
    )
}

// Row 1: deep nesting.
#[test]
fn row1_deep_nesting_is_a_clean_error_with_a_position() {
    let deep = 100_000;
    let cases = [
        format!("{HEAD}    nodes: {}", "[".repeat(deep)),
        format!("{HEAD}    nodes: [({}", "(".repeat(deep)),
        format!(
            "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: \"A\", props: {})],",
            "{\"a\":".repeat(deep)
        ),
        format!(
            "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: {})],",
            "Some(".repeat(deep)
        ),
        format!("{HEAD}    unknown: {}", "[".repeat(deep)),
        format!("{{\"nodes\": {}", "[".repeat(deep)),
        format!("{{\"kinds\": {}", "{\"a\":".repeat(deep)),
    ];
    for text in cases {
        let d = problems(&text);
        assert!(
            !d.is_empty() && d.iter().all(|d| d.line >= 1 && d.col >= 1),
            "{d:?}"
        );
        assert!(
            d[0].line <= 5,
            "the error points near the start: {:?}",
            d[0]
        );
    }
}

#[test]
fn row1_the_recursion_limit_stays_on() {
    let load = include_str!("../src/graph/load.rs");
    assert!(
        !load.contains("without_recursion_limit"),
        "nothing turns ron's recursion limit off"
    );
    assert_eq!(ron::Options::default().recursion_limit, Some(128));
    // At the boundary: nesting parses up to the limit and is refused past it
    // (each list costs ron two levels), never overflowing the stack.
    let nest = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let parses = |n: usize| ron::Options::default().from_str::<ron::Value>(&nest(n));
    let first_refused = (1..300)
        .find(|&n| parses(n).is_err())
        .expect("the limit refuses deep nesting");
    assert!(
        (60..=128).contains(&first_refused),
        "refused from depth {first_refused}"
    );
    assert!(parses(first_refused - 1).is_ok());
    assert!(
        parses(first_refused)
            .unwrap_err()
            .to_string()
            .contains("recursion limit")
    );
}

// Row 2: encodings and odd files.
#[test]
fn row2_invalid_utf8_a_cut_character_and_nul_point_at_the_place() {
    let mut cut = b"(\n  kinds: {\"\xc3".to_vec();
    cut.extend_from_slice(b"\": (label: \"x\")})");
    for (bytes, at) in [(b"(\n  \xff".to_vec(), (2, 3)), (cut, (2, 12))] {
        let Err(LoadError::Invalid { diagnostics, .. }) = load_bytes(&bytes, source()) else {
            panic!("must fail")
        };
        assert_eq!((diagnostics[0].line, diagnostics[0].col), at);
        assert!(diagnostics[0].message.contains("UTF-8"));
    }
    let d = problems("(\n  kinds: {},\n  \0\n)");
    assert_eq!((d[0].line, d[0].col), (3, 3));
    assert!(
        d[0].to_string().contains("\\u{0}"),
        "the NUL is shown as an escape: {}",
        d[0]
    );
}

#[test]
fn row2_a_bom_and_crlf_load_and_empty_files_are_errors() {
    let text = graph_with_label("A").replace('\n', "\r\n");
    assert!(load_str(&format!("\u{feff}{text}"), source()).is_ok());
    for empty in ["", "  \n\t \r\n"] {
        let d = problems(empty);
        assert!(d[0].message.contains("empty"), "{:?}", d[0]);
    }
}

#[test]
fn row2_columns_count_characters_and_the_caret_matches() {
    let d = problems("(\n  kinds: {\"ééé\": (label: \"x\") \"y\"},\n)");
    assert_eq!((d[0].line, d[0].col), (2, 31));
    let shown = d[0].to_string();
    let lines: Vec<&str> = shown.lines().collect();
    let src = lines.iter().position(|l| l.contains("ééé")).unwrap();
    let code_start = lines[src].find("  kinds").unwrap();
    let caret = lines[src + 1].find('^').unwrap();
    let before: String = lines[src][code_start..].chars().take(30).collect();
    assert_eq!(
        lines[src + 1][..caret].chars().count() - lines[src][..code_start].chars().count(),
        before.chars().count(),
        "{shown}"
    );
}

// Row 3: numbers and unknown fields.
#[test]
fn row3_numbers_inf_and_nan_in_props_are_errors_and_unknown_fields_too() {
    for value in ["1e999", "inf", "NaN", "-inf", "18446744073709551616", "1"] {
        let text = graph_with_label("A").replace(
            "label: \"A\")",
            &format!("label: \"A\", props: {{\"x\": {value}}})"),
        );
        let d = problems(&text);
        assert_eq!(d[0].line, 4, "{value}: {:?}", d[0]);
        assert!(
            d[0].message.contains("RON syntax"),
            "{value}: {}",
            d[0].message
        );
    }
    let d =
        problems(&graph_with_label("A").replace("label: \"A\")", "label: \"A\", colour: \"red\")"));
    assert!(
        d[0].message.contains("colour"),
        "the unknown field is named: {}",
        d[0].message
    );
}

// Row 4: sizes, and paths that are not files.
#[test]
fn row4_a_label_over_the_limit_is_an_error_with_a_position() {
    let d = problems(&graph_with_label(&"x".repeat(64 * 1024 + 1)));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].line, d[0].col), (4, 41));
    assert!(
        d[0].message.contains("more than the 64 KiB limit"),
        "{}",
        d[0].message
    );
    assert!(
        d[0].to_string().len() < 2000,
        "the message quotes a bounded excerpt"
    );
    assert!(
        load_str(&graph_with_label(&"x".repeat(64 * 1024)), source()).is_ok(),
        "exactly the limit loads"
    );
}

#[test]
fn row4_a_file_over_the_limit_directories_fifos_and_devices_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(mlkg::graph::load::MAX_FILE_BYTES + 1).unwrap(); // sparse: no disk used
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut paths: Vec<(PathBuf, &str)> = vec![
        (big, "limit"),
        (dir.path().to_path_buf(), "directory"),
        (PathBuf::from("/dev/zero"), "not a regular file"),
    ];
    if made {
        paths.push((fifo, "not a regular file"));
    }
    for (path, why) in paths {
        match load_path(&path) {
            Err(LoadError::Io { reason, .. }) => {
                assert!(reason.contains(why), "{path:?}: {reason}")
            }
            other => panic!("{path:?} must be refused, got {:?}", other.map(|_| ())),
        }
    }
}

// Row 5: messages escape what they quote.
#[test]
fn row5_no_raw_escape_from_the_file_reaches_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("esc.ron");
    let text = format!(
        "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: \"A\")],\n    edges: [(from: \"a\", rel: \"r\", to: \"\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{9b}31m\u{202e}\")],\n)"
    );
    std::fs::write(&path, text).unwrap();
    let out = mlkg()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        !err.contains('\u{1b}')
            && !err.contains('\u{7}')
            && !err.contains('\u{9b}')
            && !err.contains('\u{202e}'),
        "{err:?}"
    );
    assert!(
        err.contains("\\u{1b}]52;c;"),
        "the escape is shown visibly: {err}"
    );
}

/// Text a terminal would act on, in every field that is shown.
const HOSTILE: &str = "A\u{1b}[31mred\u{1b}]8;;http://x\u{7}link\u{1b}]52;c;aGk=\u{7}\u{9b}2J\u{7}\u{8}\r\u{7f}\u{0}\u{202e}rtl\u{2066}\u{200b}\u{2028}\u{feff}end";

fn hostile_graph() -> String {
    format!(
        "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: {HOSTILE:?}, aliases: [{HOSTILE:?}], summary: {HOSTILE:?}, notes: {HOSTILE:?}, props: {{\"p\": {HOSTILE:?}}}),\n        (id: \"b\", kind: \"k\", label: \"B\")],\n    edges: [(from: \"a\", rel: \"r\", to: \"b\", note: {HOSTILE:?})],\n)"
    )
}

fn has_raw_controls(s: &str) -> bool {
    s.chars().any(|c| (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{2028}' | '\u{feff}'))
}

// Row 6: what is shown is made visible; JSON stays exact.
#[test]
fn row6_plain_text_output_shows_controls_visibly_and_json_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.ron");
    std::fs::write(&path, hostile_graph()).unwrap();
    assert_eq!(
        load_path(&path)
            .unwrap()
            .graph
            .node(load_path(&path).unwrap().graph.find("a").unwrap())
            .label,
        HOSTILE,
        "the data stays exact"
    );
    for args in [
        vec!["show", "a"],
        vec!["show", "b"],
        vec!["search", "end"],
        vec!["neighbors", "a"],
        vec!["path", "a", "b"],
        vec!["stats"],
    ] {
        for color in ["never", "always"] {
            let text = stdout(
                mlkg()
                    .arg("--graph")
                    .arg(&path)
                    .arg("--color")
                    .arg(color)
                    .args(&args),
            );
            let without_our_colours = text.replace("\u{1b}[", "").replace("\u{1b}(B", "");
            assert!(
                !text.contains("\u{1b}]")
                    && !text.contains("\u{1b}[31mred")
                    && !has_raw_controls(&without_our_colours.replace(['\u{1b}'], "")),
                "{args:?} {color}: {text:?}"
            );
        }
    }
    let text = stdout(
        mlkg()
            .arg("--graph")
            .arg(&path)
            .args(["show", "a", "--json"]),
    );
    assert!(
        !text.contains('\u{1b}')
            && !text.contains('\u{9b}')
            && !text.contains('\u{202e}')
            && !text.contains('\u{7f}'),
        "{text:?}"
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["label"], HOSTILE, "JSON is lossless");
    assert_eq!(v["out"][0]["note"], HOSTILE);
}

#[test]
fn row6_the_explorer_sends_no_control_from_the_graph_to_the_terminal() {
    use mlkg::tui::App;
    use ratatui::Terminal;
    use ratatui::backend::CrosstermBackend;
    let graph = load_str(&hostile_graph(), source()).unwrap().graph;
    let start = graph.find("a");
    for size in [(120, 40), (60, 20)] {
        let app = App::new(graph.clone(), start);
        let mut bytes: Vec<u8> = Vec::new();
        {
            let backend = CrosstermBackend::new(&mut bytes);
            let mut terminal = Terminal::with_options(
                backend,
                ratatui::TerminalOptions {
                    viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(
                        0, 0, size.0, size.1,
                    )),
                },
            )
            .unwrap();
            terminal
                .draw(|f| {
                    mlkg::tui::view::draw(&app, f);
                })
                .unwrap();
        }
        let stream = String::from_utf8(bytes).unwrap();
        // The only escapes are the backend's own: CSI sequences it writes.
        for (i, _) in stream.match_indices('\u{1b}') {
            assert_eq!(
                stream.as_bytes().get(i + 1),
                Some(&b'['),
                "an ESC not starting a CSI at {i}: {:?}",
                &stream[i..(i + 20).min(stream.len())]
            );
        }
        assert!(
            !stream.contains("\u{1b}]"),
            "no OSC (links, clipboard) reaches the terminal"
        );
        assert!(
            !stream.contains("\u{1b}[31mred") && !stream.contains("\u{1b}[2J"),
            "no CSI from the graph"
        );
        let plain = stream.replace('\u{1b}', "");
        assert!(!plain.chars().any(|c| matches!(c, '\u{7}' | '\u{8}' | '\u{0}' | '\u{7f}' | '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{2028}' | '\u{feff}')), "no raw control, C1 or bidi character");
        assert!(plain.contains("\\u{1b}"), "the escape is shown visibly");
    }
}

// Row 8: search over non-ASCII labels, and caps.
#[test]
fn row8_non_ascii_highlights_the_right_characters_and_huge_input_is_capped() {
    use mlkg::graph::search::SearchIndex;
    let long = format!("é{}z", "ü".repeat(30_000));
    let text = format!(
        "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: \"Ünïcödé gradiënt\"), (id: \"b\", kind: \"k\", label: {long:?})],\n    edges: [(from: \"a\", rel: \"r\", to: \"b\")],\n)"
    );
    let graph = load_str(&text, source())
        .map_err(|e| e.to_string())
        .expect("loads")
        .graph;
    let index = SearchIndex::new(&graph);
    let hit = &index.search(&graph, "gradiënt", &[], 1)[0];
    let label: Vec<char> = graph.node(hit.node).label.chars().collect();
    let matched: String = hit.positions.iter().map(|&i| label[i]).collect();
    assert_eq!(matched, "gradiënt");
    // The name is matched only up to its cap, so the z at its end is not found,
    // and a query of a million characters is cut to its cap.
    assert!(
        index
            .search(&graph, "éz", &[], 5)
            .iter()
            .all(|h| h.node != graph.find("b").unwrap())
    );
    let huge = "a".repeat(1_000_000);
    assert!(index.search(&graph, &huge, &[], 5).is_empty());
}

/// Names that have broken DOT writers.
fn hostile_names() -> Vec<String> {
    let mut v: Vec<String> = [
        "ends in \\",
        "\\",
        "say \"hi\"",
        "\\N",
        "\\G\\L\\l",
        "line\nbreak",
        "cr\rhere",
        "nul\0here",
        "esc\u{1b}[31m",
        "nonchar\u{fffe}",
        "{|}<>",
        "</TD></TR>",
        "<b>bold</b>",
        "node",
        "Node",
        "STRICT",
        "graph",
        "digraph",
        "subgraph",
        "edge",
        "ünïcödé ✓ 漢字",
        "",
        "trailing \\\\",
        "-> --",
        "a;b,c=d",
        "#comment",
        "// c",
        "/* c */",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("long ".repeat(4000)); // over 16 KiB
    v
}

/// A graph with hostile ids and labels, built without validation (as any
/// future loader might let through), every node linked to the next.
fn hostile_dot_graph() -> mlkg::graph::Graph {
    use mlkg::graph::{Document, Edge, Kind, Node, Relation};
    let names = hostile_names();
    let kinds = [(
        "k".to_string(),
        Kind {
            label: "K \"kind\"".into(),
            color: "#123456".into(),
        },
    )]
    .into_iter()
    .collect();
    let relations = [(
        "r".to_string(),
        Relation {
            label: "r\\ \"rel\"".into(),
            inverse: String::new(),
            from: vec![],
            to: vec![],
            symmetric: false,
            ..Relation::default()
        },
    )]
    .into_iter()
    .collect();
    let nodes: Vec<Node> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Node {
            id: format!("{n}{i}").into(),
            kind: "k".into(),
            label: n.clone(),
            aliases: vec![],
            summary: String::new(),
            notes: String::new(),
            props: Default::default(),
            sources: vec![],
        })
        .collect();
    let edges = (1..nodes.len())
        .map(|i| Edge {
            from: nodes[i - 1].id.clone(),
            rel: "r".into(),
            to: nodes[i].id.clone(),
            note: String::new(),
            props: Default::default(),
        })
        .collect();
    mlkg::graph::Graph::from_document(
        Document {
            name: String::new(),
            kinds,
            relations,
            nodes,
            edges,
        },
        Source::File(PathBuf::from("hostile \"graph\"\n.ron")),
    )
}

fn export(graph: &mlkg::graph::Graph, format: mlkg::export::Format) -> String {
    let mut out = Vec::new();
    mlkg::export::write(graph, &mlkg::export::Filter::default(), format, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn graphviz_installed() -> bool {
    let ok = std::process::Command::new("dot").arg("-V").output().is_ok();
    assert!(
        ok || std::env::var_os("MLKG_REQUIRE_GRAPHVIZ").is_none(),
        "MLKG_REQUIRE_GRAPHVIZ is set but Graphviz is not installed"
    );
    ok
}

fn run_with_input(program: &str, args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

// Row 9: DOT and Mermaid survive hostile names.
#[test]
fn row9_dot_with_hostile_names_parses_keeps_every_node_and_shows_the_text() {
    let graph = hostile_dot_graph();
    let dot = export(&graph, mlkg::export::Format::Dot);
    assert!(
        !has_raw_controls(&dot.replace('\n', "")),
        "controls are made visible"
    );
    fuzz_checks::dot_keeps_the_graph(&dot, &graph);
    assert!(
        dot.contains("long long") && dot.contains("…"),
        "a long label is cut with a marker"
    );
    assert!(dot.len() < 200_000, "labels are bounded");
    if !graphviz_installed() {
        eprintln!("skipped the Graphviz half: dot is not installed (CI installs it)");
        return;
    }
    let nop = run_with_input("nop", &[], &dot);
    assert!(
        nop.status.success() && nop.stderr.is_empty(),
        "nop: {}",
        String::from_utf8_lossy(&nop.stderr)
    );
    let svg = run_with_input("dot", &["-Tsvg"], &dot);
    assert!(
        svg.status.success(),
        "dot: {}",
        String::from_utf8_lossy(&svg.stderr)
    );
    let svg = String::from_utf8(svg.stdout).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, options)
        .unwrap_or_else(|e| panic!("the SVG is not well-formed XML: {e}"));
    let class = |c: &str| {
        doc.descendants()
            .filter(|n| n.attribute("class") == Some(c))
            .count()
    };
    let legend_nodes = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("node"))
        .filter(|n| {
            n.children().any(|t| {
                t.has_tag_name("title")
                    && t.text()
                        .is_some_and(|x| x.starts_with(mlkg::export::dot::LEGEND_PREFIX))
            })
        })
        .count();
    assert_eq!(class("node") - legend_nodes, graph.node_count());
    assert_eq!(class("edge"), graph.edge_count());
    let texts: String = doc
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("\n");
    for shown in [
        "say \"hi\"",
        "</TD></TR>",
        "ünïcödé ✓ 漢字",
        "\\N",
        "esc\\u{1b}[31m",
        "ends in \\",
    ] {
        assert!(
            texts.contains(shown),
            "the label {shown:?} is shown as written"
        );
    }
}

#[test]
fn row9_mermaid_escapes_every_syntax_character() {
    let graph = hostile_dot_graph();
    let m = export(&graph, mlkg::export::Format::Mermaid);
    assert!(!has_raw_controls(&m.replace('\n', "")));
    for line in m
        .lines()
        .filter(|l| l.trim_start().starts_with('n') && l.contains("[\""))
    {
        let inner = &line[line.find("[\"").unwrap() + 2..line.rfind("\"]").unwrap()];
        assert!(
            !inner.contains(['"', '[', ']', '<', '>', '|', '{', '}', '\n']),
            "{line}"
        );
    }
    assert_eq!(
        m.lines().filter(|l| l.contains("-->")).count(),
        graph.edge_count()
    );
}

// Row 10: the output is the input under another name.
#[test]
fn row10_exporting_over_the_input_under_any_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("d");
    std::fs::create_dir(&sub).unwrap();
    let input = sub.join("x.ron");
    std::fs::copy("tests/fixtures/small.ron", &input).unwrap();
    std::fs::hard_link(&input, dir.path().join("hard.ron")).unwrap();
    std::os::unix::fs::symlink(&input, dir.path().join("link.ron")).unwrap();
    for out in ["./x.ron", "../d/x.ron", "../hard.ron", "../link.ron"] {
        mlkg()
            .current_dir(&sub)
            .args(["--graph", "x.ron", "export", "-o", out])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("refusing"));
    }
    assert_eq!(
        std::fs::read(&input).unwrap(),
        std::fs::read("tests/fixtures/small.ron").unwrap(),
        "the graph is intact"
    );
}

// Row 11: write failures.
#[test]
fn row11_a_new_export_gets_normal_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("g.dot");
    mlkg().args(["export", "-o"]).arg(&out).assert().success();
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_ne!(mode, 0o600, "not the private mode of a temporary file");
    assert_eq!(
        mode & 0o044,
        0o044 & !umask(),
        "readable as the umask allows"
    );
}

/// The process umask (read back by setting it, then restoring it, through a shell).
fn umask() -> u32 {
    let out = std::process::Command::new("sh")
        .args(["-c", "umask"])
        .output()
        .unwrap();
    u32::from_str_radix(String::from_utf8_lossy(&out.stdout).trim(), 8).unwrap()
}

#[test]
fn row11_a_read_only_folder_or_a_full_disk_leaves_the_old_file_and_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let out = ro.join("g.dot");
    std::fs::write(&out, "earlier").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    // As root, permissions do not stop writes: run as nobody when possible.
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_mlkg"));
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_mlkg"))
    };
    let result = cmd
        .env("MLKG_NO_CACHE", "1")
        .args(["export", "-o"])
        .arg(&out)
        .output();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
    let Ok(result) = result else {
        eprintln!("skipped: setpriv is not available to drop root");
        return;
    };
    assert_eq!(
        result.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert!(
        String::from_utf8_lossy(&result.stderr).contains("cannot write"),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier");
    assert_eq!(
        std::fs::read_dir(&ro).unwrap().count(),
        1,
        "no temporary file is left"
    );

    // A full disk: /dev/full takes no data; writing through it must fail and say so.
    if Path::new("/dev/full").exists() {
        let r = mlkg::export::write_atomic(&dir.path().join("full.dot"), None, |w| {
            let mut full = std::fs::OpenOptions::new().write(true).open("/dev/full")?;
            std::io::Write::write_all(&mut full, b"x")?;
            std::io::Write::flush(&mut full)?;
            w.write_all(b"never")
        });
        assert!(r.is_err(), "a write error is surfaced");
        assert!(!dir.path().join("full.dot").exists());
        assert_eq!(
            std::fs::read_dir(dir.path())
                .unwrap()
                .filter(|e| e
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains("tmp"))
                .count(),
            0
        );
    }
}

// Row 12: sizes.
#[test]
fn row12_any_size_and_a_resize_storm_render_without_panic() {
    use mlkg::tui::App;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let graph = load_str(&hostile_graph(), source()).unwrap().graph;
    let app = App::new(graph, None);
    let mut terminal = Terminal::new(TestBackend::new(0, 0)).unwrap();
    let sizes = [
        (0, 0),
        (1, 1),
        (2, 1),
        (3, 3),
        (1, 40),
        (200, 1),
        (100, 30),
        (99, 30),
        (0, 10),
        (10, 0),
    ];
    for round in 0..20 {
        for &(w, h) in &sizes {
            let (w, h) = (w + round % 3, h + round % 2);
            terminal.backend_mut().resize(w, h);
            terminal
                .resize(ratatui::layout::Rect::new(0, 0, w, h))
                .unwrap();
            terminal
                .draw(|f| {
                    mlkg::tui::view::draw(&app, f);
                })
                .unwrap();
        }
    }
}

// Row 14: no terminal, or stdout redirected.
#[test]
fn row14_the_explorer_refuses_without_a_terminal_and_writes_nothing_to_stdout() {
    mlkg()
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("needs a terminal"));
    mlkg().arg("explore").assert().code(2).stdout("");
}

// Row 7: wide, combining, emoji and right-to-left text stays in its pane.
#[test]
fn row7_wide_emoji_and_rtl_text_stays_inside_its_pane() {
    use mlkg::tui::App;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let wild = "👩‍👩‍👧‍👦 ❤️ e\u{301}\u{302}\u{303} 漢字漢字 שלום עולם مرحبا ﷽ 𝕏 ".repeat(40);
    let notes = "x".repeat(1024 * 1024 - 10);
    let plain = format!(
        "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: \"A\", aliases: [\"B\"], summary: \"S\", notes: \"N\"), (id: \"b\", kind: \"k\", label: \"B\")],\n    edges: [(from: \"a\", rel: \"r\", to: \"b\", note: \"n\")],\n)"
    );
    let hostile = format!(
        "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: {wild:?}, aliases: [{wild:?}], summary: {wild:?}, notes: {notes:?}), (id: \"b\", kind: \"k\", label: {wild:?})],\n    edges: [(from: \"a\", rel: \"r\", to: \"b\", note: {wild:?})],\n)"
    );
    let draw = |text: &str, w: u16, h: u16| {
        let graph = load_str(text, source())
            .map_err(|e| e.to_string())
            .expect("loads")
            .graph;
        let start = graph.find("a");
        let app = App::new(graph, start);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|f| {
                mlkg::tui::view::draw(&app, f);
            })
            .unwrap();
        terminal.backend().buffer().clone()
    };
    for (w, h) in [(120, 40), (100, 30), (60, 20)] {
        let calm = draw(&plain, w, h);
        let wild_buf = draw(&hostile, w, h);
        // Every pane border of the calm screen is still there: no text ran over it.
        for y in 0..h {
            for x in 0..w {
                let border = calm[(x, y)].symbol();
                if ["│", "┌", "┐", "└", "┘"].contains(&border) {
                    assert_eq!(
                        wild_buf[(x, y)].symbol(),
                        border,
                        "{w}x{h}: the pane border at ({x}, {y}) was overwritten"
                    );
                }
            }
        }
    }
    // A label of 2 MB is refused at load, with a position, before anything is drawn.
    let huge = graph_with_label(&"y".repeat(2 * 1024 * 1024));
    assert!(problems(&huge)[0].message.contains("64 KiB"));
}

/// A tiny tmpfs, unmounted when dropped; None where mounting is not allowed.
struct TinyDisk(tempfile::TempDir);

impl TinyDisk {
    fn mount() -> Option<TinyDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=16k", "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(TinyDisk(dir))
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}

#[test]
fn row11_a_full_disk_is_a_clear_error_and_the_earlier_file_stays() {
    let Some(disk) = TinyDisk::mount() else {
        eprintln!("skipped: mounting a tmpfs needs root");
        return;
    };
    let out = disk.0.path().join("g.dot");
    std::fs::write(&out, "earlier").unwrap();
    // The embedded graph's DOT is larger than the 16 KiB disk.
    mlkg()
        .args(["export", "-o"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("No space left on device")
                .and(predicate::str::contains("unchanged")),
        );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "earlier");
    assert_eq!(
        std::fs::read_dir(disk.0.path()).unwrap().count(),
        1,
        "no temporary file is left"
    );
}

// TERM=dumb: the explorer refuses with a message naming it.
#[test]
fn term_dumb_is_refused_before_anything_is_drawn() {
    mlkg()
        .env("TERM", "dumb")
        .arg("explore")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("TERM=dumb"));
}
