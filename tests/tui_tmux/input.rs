//! End to end in tmux: the preview, the search box's keys, pastes (as text,
//! never as keys, and drained however large), Ctrl-Z and `fg`, a signal
//! while the loop is busy, TERM=dumb, and reloads that skip an unchanged
//! file. Skips without tmux unless MLKG_REQUIRE_TMUX is set (CI sets it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tmux::{
    Tmux, explorer_pid, left_clean, left_clean_with, poll, row_with, session, session_with_env,
};

fn fixture_copy(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui.ron"),
        &path,
    )
    .unwrap();
    path
}

fn explorer(name: &str, graph: &Path, w: u16, h: u16) -> Option<Tmux> {
    let t = Tmux::start_sized(
        name,
        &session(&format!("--graph '{}'", graph.display())),
        w,
        h,
    )?;
    loaded(&t);
    Some(t)
}

/// Waits for the graph file read: until then keys go to the main screen.
fn loaded(t: &Tmux) {
    t.wait("the explorer on the graph read", |s| {
        s.contains("Search (/)") && s.contains("25 nodes")
    });
}

#[test]
fn the_selected_hit_shows_in_the_node_pane_before_it_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture_copy(dir.path(), "preview.ron");
    let Some(t) = explorer("preview", &graph, 200, 50) else {
        return;
    };
    t.text("relu");
    let s = t.wait("the preview", |s| s.contains("Preview (Enter opens)"));
    assert!(s.contains("rectified linear unit"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait("the opened node", |s| !s.contains("Preview (Enter opens)"));
    assert!(row_with(&s, "ReLU").is_some(), "{s}");
    t.keys(&["C-c"]);
    left_clean(&t);
}

#[test]
fn the_search_box_takes_shell_keys() {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture_copy(dir.path(), "keys.ron");
    let Some(t) = explorer("keys", &graph, 80, 24) else {
        return;
    };
    t.text("gradient vanishing");
    t.wait("the query", |s| s.contains("gradient vanishing"));
    t.keys(&["C-w"]);
    t.keys(&["C-a"]);
    t.text("the ");
    t.keys(&["End", "Left", "BSpace"]);
    let s = t.wait("the edits", |s| s.contains("the gradien "));
    assert!(!s.contains("vanishing"), "Ctrl-w took the last word:\n{s}");
    t.keys(&["C-u"]);
    t.text("vanish");
    t.keys(&["M-b", "C-k"]);
    let s = t.wait("Alt-b then Ctrl-k", |s| s.contains("25 hits"));
    assert!(!s.contains("vanish"), "{s}");
    t.keys(&["C-c"]);
    left_clean(&t);
}

/// Loads `text` into tmux's buffer and pastes it as a terminal would
/// (bracketed, since the explorer asks for that).
fn paste(t: &Tmux, text: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paste.txt");
    std::fs::write(&file, text).unwrap();
    assert!(
        t.run(&["load-buffer", &file.display().to_string()])
            .status
            .success()
    );
    assert!(t.run(&["paste-buffer", "-p", "-t", "t"]).status.success());
}

#[test]
fn a_paste_is_text_never_keys() {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture_copy(dir.path(), "paste.ron");
    let Some(t) = explorer("paste", &graph, 120, 40) else {
        return;
    };
    // On the main screen (no text box), a paste holding `e` and a newline
    // opens no export prompt.
    t.keys(&["Escape"]);
    t.wait("the main screen's keys", |s| s.contains("/ search"));
    paste(&t, "x\ne\n");
    let s = t.wait("the note", |s| s.contains("a paste goes into a text box"));
    assert!(!s.contains("Export the neighbourhood"), "{s}");
    // In the search box it is typed as one line.
    t.keys(&["/"]);
    paste(&t, "re\nlu");
    t.wait("the pasted query", |s| s.contains("re lu"));
    t.keys(&["C-c"]);
    left_clean(&t);
}

#[test]
fn input_drains_after_a_100_kb_paste() {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture_copy(dir.path(), "drain.ron");
    let Some(t) = explorer("drain", &graph, 120, 40) else {
        return;
    };
    paste(&t, &"abcdefghij".repeat(10_000));
    t.wait("the cut paste", |s| s.contains("pasted text cut"));
    // Then many keys that are not a paste.
    t.text(&"y".repeat(5_000));
    let sent = Instant::now();
    t.keys(&["C-u"]);
    t.text("relu");
    t.wait("the marker typed after it", |s| {
        s.contains("│relu ") && !s.contains("yyy")
    });
    assert!(
        sent.elapsed() < Duration::from_secs(3),
        "keys after a large input wait: {:?}",
        sent.elapsed()
    );
    t.keys(&["C-c"]);
    left_clean(&t);
}

#[test]
fn ctrl_z_restores_the_terminal_and_fg_draws_the_explorer_again() {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture_copy(dir.path(), "suspend.ron");
    let Some(t) = Tmux::start_sized("suspend", "sh", 100, 30) else {
        return;
    };
    t.text(&format!(
        "'{}' --graph '{}'; echo EXITED:$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\{{0,1\\}}icanon'\n",
        env!("CARGO_BIN_EXE_mlkg"),
        graph.display()
    ));
    loaded(&t);
    for stop in ["key", "signal"] {
        if stop == "key" {
            t.keys(&["C-z"]);
        } else {
            let pid = explorer_pid(&graph);
            assert!(
                Command::new("kill")
                    .args(["-TSTP", &pid])
                    .status()
                    .unwrap()
                    .success()
            );
        }
        t.wait("the shell's prompt", |s| !s.contains("Search (/)"));
        assert_eq!(t.format("#{alternate_on}"), "0", "{stop}: the main screen");
        assert_eq!(
            t.format("#{mouse_any_flag}"),
            "0",
            "{stop}: no mouse capture"
        );
        t.text("fg\n");
        let s = t.wait("the explorer again", |s| {
            s.contains("Search (/)") && s.contains("hits")
        });
        assert_eq!(
            t.format("#{alternate_on}"),
            "1",
            "{stop}: drawn again:\n{s}"
        );
        t.text("relu");
        t.wait("keys work after fg (raw mode)", |s| s.contains("│relu "));
        t.keys(&["C-u"]);
    }
    t.keys(&["C-c"]);
    t.wait("the shell again", |s| !s.contains("Search (/)"));
    assert_eq!(t.format("#{alternate_on}"), "0");
    assert_eq!(t.format("#{mouse_any_flag}"), "0");
    t.text("clear; stty -a | tr ' ' '\\n' | grep -x -- '-\\{0,1\\}icanon'\n");
    let s = t.wait("stty's report", |s| {
        s.lines().any(|l| l.trim().ends_with("icanon"))
    });
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "raw mode is off:\n{s}"
    );
}

#[test]
fn a_signal_while_the_loop_is_busy_still_restores_everything() {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture_copy(dir.path(), "stuck.ron");
    let Some(t) = Tmux::start(
        "stuck",
        &session_with_env(
            "MLKG_TEST_STUCK_LOOP=1",
            &format!("--graph '{}'", graph.display()),
        ),
    ) else {
        return;
    };
    t.wait("the explorer", |s| s.contains("Search (/)"));
    assert_eq!(t.format("#{mouse_any_flag}"), "1", "mouse capture is on");
    let pid = explorer_pid(&graph);
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    left_clean_with(&t, 143);
}

#[test]
fn term_dumb_is_refused_with_a_clear_message() {
    let Some(t) = Tmux::start("dumb", &session_with_env("TERM=dumb", "")) else {
        return;
    };
    let s = left_clean_with(&t, 2);
    assert!(s.contains("TERM=dumb"), "{s}");
}

#[test]
fn a_touch_does_not_reload_and_a_same_size_edit_with_the_old_time_does() {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture_copy(dir.path(), "touch.ron");
    // The explorer (a debug build) notes there each change of the file it
    // takes in and each load's answer.
    let events = dir.path().join("events");
    let Some(t) = Tmux::start(
        "touch",
        &session_with_env(
            &format!("MLKG_TEST_EVENTS='{}'", events.display()),
            &format!("--graph '{}'", graph.display()),
        ),
    ) else {
        return;
    };
    loaded(&t);
    let noted = || std::fs::read_to_string(&events).unwrap_or_default();
    // Each touch is seen and answered before the next: the content is the
    // one read last, so nothing is loaded again.
    for n in 1..=3 {
        assert!(
            Command::new("touch")
                .arg(&graph)
                .status()
                .unwrap()
                .success()
        );
        let expected = format!("loaded\n{}", "changed\nunchanged\n".repeat(n));
        poll(|| {
            let noted = noted();
            noted == expected || noted.matches("loaded").count() > 1
        });
        assert_eq!(
            noted(),
            expected,
            "touch {n}: an unchanged file is not read again"
        );
    }
    let s = t.screen();
    assert!(
        !s.contains("graph reloaded"),
        "an unchanged file is not read again:\n{s}"
    );
    // The same size, the old modification time: only the ctime tells.
    let before = std::fs::metadata(&graph).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&graph).unwrap();
    std::fs::write(&graph, text.replace("Parquet", "Parkett")).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&graph)
        .unwrap()
        .set_modified(before)
        .unwrap();
    t.text("parkett");
    t.wait("the new content", |s| {
        s.contains("graph reloaded") || s.contains("Parkett")
    });
    t.keys(&["C-c"]);
    left_clean(&t);
}
