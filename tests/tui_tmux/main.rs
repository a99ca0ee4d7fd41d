//! End to end: the real binary in a real terminal (tmux). Search for `xgb`,
//! open XGBoost, see its formats among the neighbours, open one, go back,
//! quit, and check the terminal is left as it was (main screen, no mouse
//! capture, canonical mode).
//!
//! Needs tmux. Without it the tests say so and skip, so a plain `cargo test`
//! passes on a machine that lacks it; CI sets MLKG_REQUIRE_TMUX=1 (and
//! installs tmux), which makes a missing tmux a failure.

#[path = "../common/tmux.rs"]
mod tmux;

mod input;
mod study;
mod views;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use tmux::{
    Tmux, explorer_pid, left_clean, left_clean_with, row_with, runs, session, session_with_env,
};

#[test]
fn search_open_a_format_go_back_and_quit_in_a_real_terminal() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron");
    let Some(t) = Tmux::start(
        "walk",
        &session(&format!("--graph '{}'", fixture.display())),
    ) else {
        return;
    };
    t.wait("the explorer", |s| {
        s.contains("Search (/)") && s.contains("25 hits")
    });
    t.text("xgb");
    t.wait("the hits for xgb", |s| {
        s.contains("│xgb") && s.contains("9 hits")
    });
    t.keys(&["Enter"]);
    let s = t.wait("XGBoost's neighbours", |s| {
        s.contains("accepts → (4)") && s.contains("Form Parquet")
    });
    for format in [
        "Form CSV",
        "Form LibSVM",
        "Form RecordIO-protobuf",
        "Form Parquet",
    ] {
        assert!(s.contains(format), "{format} among the neighbours:\n{s}");
    }
    let mut s = s;
    for _ in 0..10 {
        if s.contains("› Form LibSVM") {
            break;
        }
        let before = selected_neighbour(&s).map(str::to_string);
        t.keys(&["j"]);
        s = t.wait("the next neighbour selected", |s| {
            selected_neighbour(s).is_some_and(|now| Some(now) != before.as_deref())
        });
    }
    assert!(s.contains("› Form LibSVM"), "LibSVM selected:\n{s}");
    t.keys(&["Enter"]);
    // Wait for the whole frame: a capture can fall between two writes of it.
    let s = t.wait("LibSVM opened", |s| {
        s.contains("Format · libsvm")
            && s.contains("XGBoost › LibSVM")
            && s.contains("← accepted by (1)")
    });
    let trail = row_with(&s, "XGBoost › LibSVM").expect("the breadcrumb shows the trail");
    assert!(trail.contains("tui.ron · 25 nodes"), "{trail}");
    assert!(s.contains("← accepted by (1)"), "{s}");
    t.keys(&["BSpace"]);
    let s = t.wait("back on XGBoost", |s| {
        s.contains("Algorithm · xgboost") && s.contains("› Form LibSVM")
    });
    assert!(s.contains("› Form LibSVM"), "back on the row left:\n{s}");
    t.keys(&["q"]);
    left_clean(&t);
}

/// The row selected in the neighbours, the last pane.
fn selected_neighbour(screen: &str) -> Option<&str> {
    screen.lines().find_map(|l| {
        let pane = l.trim_end_matches('│').rsplit('│').next()?;
        pane.starts_with("› ").then_some(pane)
    })
}

#[test]
fn opens_on_the_embedded_graph_and_quits_with_ctrl_c() {
    let Some(t) = Tmux::start("embedded", &session("explore xgboost")) else {
        return;
    };
    let s = t.wait("the explorer", |s| s.contains("embedded graph"));
    assert!(s.contains("Algorithm · xgboost"), "{s}");
    t.keys(&["?"]);
    t.wait("the help", |s| {
        s.contains("Main screen") && s.contains("Esc closes")
    });
    t.keys(&["C-c"]);
    left_clean(&t);
}

#[test]
fn reloads_the_graph_file_when_it_changes_and_shows_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tui.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron");
    let good = std::fs::read_to_string(fixture).unwrap();
    std::fs::write(&file, &good).unwrap();
    let Some(t) = Tmux::start(
        "reload",
        &session(&format!("--graph '{}' explore csv", file.display())),
    ) else {
        return;
    };
    t.wait("the explorer", |s| s.contains("Format · csv"));
    let grown = good.replace(
        r#"(id: "gpu","#,
        r#"(id: "tsv", kind: "format", label: "TSV"),
        (id: "gpu","#,
    );
    std::fs::write(&file, &grown).unwrap();
    let s = t.wait("the reload", |s| {
        s.contains("26 nodes") && s.contains("graph reloaded") && s.contains("Format · csv")
    });
    assert!(s.contains("graph reloaded"), "{s}");
    assert!(s.contains("Format · csv"), "the focus stays:\n{s}");
    let broken = grown.replace(r#"to: "parquet")"#, r#"to: "nowhere")"#);
    std::fs::write(&file, &broken).unwrap();
    let line = broken.lines().position(|l| l.contains("nowhere")).unwrap() + 1;
    let s = t.wait("the error banner", |s| {
        s.contains("the graph file has errors") && s.contains(&format!("tui.ron:{line}:"))
    });
    assert!(
        s.contains(&format!("tui.ron:{line}:")),
        "line and column:\n{s}"
    );
    assert!(s.contains("26 nodes"), "the last good graph stays:\n{s}");
    std::fs::write(&file, &good).unwrap();
    let s = t.wait("the fixed file", |s| {
        s.contains("25 nodes") && !s.contains("the graph file has errors")
    });
    assert!(
        !s.contains("the graph file has errors"),
        "the banner goes:\n{s}"
    );
    t.keys(&["q"]);
    left_clean(&t);
}

#[test]
fn without_a_terminal_the_explorer_points_at_search_and_show() {
    for args in [&[][..], &["explore"], &["explore", "xgboost"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_mlkg"))
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "nothing on stdout: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("needs a terminal"), "{err}");
        assert!(
            err.contains("mlkg search") && err.contains("mlkg show"),
            "{err}"
        );
    }
}

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

/// Typing fast on a 100k-node graph: the screen ends on the hits of the whole
/// query, nothing queued behind it. Slow in a debug build, so it runs on
/// request: `cargo test --release --test tui_tmux -- --ignored` (CI does).
#[test]
#[ignore = "builds a 100k-node graph; run with --release -- --ignored"]
fn typing_fast_on_a_100k_node_graph_shows_the_latest_query() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g100k.ron");
    let mut bytes = Vec::new();
    synth::write_graph(100_000, 1, &mut bytes).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let query = "vanish grad";
    let graph = mlkg::graph::load::load_path(&path).unwrap().graph;
    let index = mlkg::graph::search::SearchIndex::new(&graph);
    let best = graph
        .node(index.search(&graph, query, &[], 1)[0].node)
        .label
        .clone();
    let env = format!("MLKG_CACHE_DIR='{}'", dir.path().join("cache").display());
    let Some(t) = Tmux::start(
        "fast",
        &session_with_env(&env, &format!("--graph '{}'", path.display())),
    ) else {
        return;
    };
    t.wait("the explorer on 100k nodes", |s| s.contains("100000 nodes"));
    t.text(query);
    // The pane may cut the label short: its first 20 characters tell it.
    let shown: String = best.chars().take(20).collect();
    let selected_best = |s: &str| {
        s.lines()
            .any(|l| l.starts_with("│› ") && l.contains(&shown))
    };
    let s = t.wait("the hits of the whole query", |s| {
        s.contains(&format!("│{query}")) && selected_best(s)
    });
    assert!(
        selected_best(&s),
        "the best hit of {query:?} is selected:\n{s}"
    );
    // Escape and q sent at once would read as Alt-q.
    t.keys(&["Escape"]);
    t.wait("the search box left", |s| s.contains("Backspace back"));
    t.keys(&["q"]);
    left_clean(&t);
}

/// The explorer's process id, found by the unique graph path it was given.

#[test]
fn a_panic_restores_the_terminal_prints_the_message_after_and_exits_101() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron");
    let Some(t) = Tmux::start(
        "panic",
        &session_with_env(
            "MLKG_TEST_PANIC=1",
            &format!("--graph '{}'", fixture.display()),
        ),
    ) else {
        return;
    };
    let s = left_clean_with(&t, 101);
    assert!(
        s.contains("MLKG_TEST_PANIC is set: a panic inside the event loop"),
        "the message is printed after the restore:\n{s}"
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut started = Vec::new();
    // Three explorers at once, one for each signal.
    for (sig, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let graph = dir.path().join(format!("signal-{sig}.ron"));
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron"),
            &graph,
        )
        .unwrap();
        let Some(t) = Tmux::start(
            &format!("sig{sig}"),
            &session(&format!("--graph {}", graph.display())),
        ) else {
            return;
        };
        started.push((sig, code, graph, t));
    }
    for (sig, code, graph, t) in &started {
        t.wait("the explorer", |s| s.contains("Search (/)"));
        let pid = explorer_pid(graph);
        assert!(!pid.is_empty(), "the explorer's pid");
        assert!(
            Command::new("kill")
                .arg(format!("-{sig}"))
                .arg(&pid)
                .status()
                .unwrap()
                .success()
        );
        left_clean_with(t, *code);
    }
}

#[test]
fn a_terminal_that_starts_at_zero_by_zero_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("zero.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron"),
        &graph,
    )
    .unwrap();
    let command = format!(
        "stty rows 0 cols 0; {}",
        session(&format!("--graph {}", graph.display()))
    );
    let Some(t) = Tmux::start("zero", &command) else {
        return;
    };
    // It starts: its screen is on (after the signals are watched) and the
    // first frame, drawn on nothing, comes before any signal is handled.
    t.wait_format("#{alternate_on}", "1");
    let pid = explorer_pid(&graph);
    assert!(!pid.is_empty(), "the explorer runs");
    assert!(
        Command::new("kill")
            .arg("-TERM")
            .arg(&pid)
            .status()
            .unwrap()
            .success()
    );
    // A panic would have ended it with 101 before the signal was read.
    let s = t.wait("the explorer to exit", |s| s.contains("EXITED:"));
    assert!(s.contains("EXITED:143"), "a clean exit on SIGTERM:\n{s}");
}

#[test]
fn a_terminal_that_goes_away_does_not_leave_the_explorer_spinning() {
    let dir = tempfile::tempdir().unwrap();
    let graph = dir.path().join("hangup.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron"),
        &graph,
    )
    .unwrap();
    let pid = {
        let Some(t) = Tmux::start("hangup", &session(&format!("--graph {}", graph.display())))
        else {
            return;
        };
        t.wait("the explorer", |s| s.contains("Search (/)"));
        explorer_pid(&graph)
        // The tmux server is killed here: the terminal hangs up.
    };
    assert!(!pid.is_empty());
    let start = Instant::now();
    while runs(&pid, &graph) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the explorer {pid} is still running after its terminal went away"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn stdout_redirected_in_a_terminal_is_refused_and_the_file_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    let command = format!(
        "'{}' > '{}'; echo EXITED:$?; sleep 60",
        env!("CARGO_BIN_EXE_mlkg"),
        out.display()
    );
    let Some(t) = Tmux::start("redirect", &command) else {
        return;
    };
    let s = t.wait("the refusal", |s| s.contains("EXITED:"));
    assert!(s.contains("EXITED:2"), "{s}");
    assert!(
        s.contains("needs a terminal"),
        "the reason is on the terminal (stderr):\n{s}"
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"",
        "no escape sequence went into the file"
    );
}
