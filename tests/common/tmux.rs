//! A tmux server of our own for the end-to-end tests of the explorer: start
//! the real binary in a pane, send keys and text, read the screen, and check
//! the terminal is left as it was found.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own, killed when dropped.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn start(name: &str, shell_command: &str) -> Option<Tmux> {
        Tmux::start_sized(name, shell_command, 120, 40)
    }

    /// [`Tmux::start`] in a pane of `w` x `h`.
    pub fn start_sized(name: &str, shell_command: &str, w: u16, h: u16) -> Option<Tmux> {
        match Command::new("tmux").arg("-V").output() {
            Ok(o) if o.status.success() => {}
            _ => {
                assert!(
                    std::env::var_os("MLKG_REQUIRE_TMUX").is_none(),
                    "MLKG_REQUIRE_TMUX is set but tmux is not installed (apt-get install tmux)"
                );
                eprintln!("skipped: tmux is not installed (CI installs it)");
                return None;
            }
        }
        let tmux = Tmux {
            socket: format!("mlkg-test-{}-{name}", std::process::id()),
        };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            "-s",
            "t",
            "sh",
            "-c",
            shell_command,
        ]);
        assert!(out.status.success(), "tmux new-session: {out:?}");
        Some(tmux)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs")
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    pub fn text(&self, text: &str) {
        assert!(
            self.run(&["send-keys", "-t", "t", "-l", text])
                .status
                .success()
        );
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    pub fn format(&self, f: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "t", f]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until the screen satisfies `ok`, failing with the screen after 15 s.
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let mut s = String::new();
        let found = poll(|| {
            s = self.screen();
            ok(&s)
        });
        assert!(
            found,
            "timed out waiting for {what}; the screen shows:\n{s}"
        );
        s
    }

    /// Waits until the tmux format `f` (as `#{alternate_on}`) reads `want`.
    pub fn wait_format(&self, f: &str, want: &str) {
        let found = poll(|| self.format(f) == want);
        assert!(found, "timed out waiting for {f} to be {want}");
    }
}

/// Asks `done` again and again, often at first and then less often (each
/// look at the screen is a tmux process), until it says yes or 15 s passed.
pub fn poll(mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while !done() {
        let waited = start.elapsed();
        if waited > Duration::from_secs(15) {
            return false;
        }
        std::thread::sleep((waited / 4).clamp(Duration::from_millis(5), Duration::from_millis(50)));
    }
    true
}

/// Whether the explorer started on `graph` with process id `pid` still runs
/// (a process that exited but is not yet reaped has no command line).
pub fn runs(pid: &str, graph: &Path) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| {
        let graph = graph.as_os_str().as_encoded_bytes();
        c.windows(graph.len()).any(|w| w == graph)
    })
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The command the pane runs: the explorer, then what the terminal looks like after.
pub fn session(args: &str) -> String {
    session_with_env("", args)
}

/// [`session`] with environment assignments (`NAME=value ...`) before the command.
pub fn session_with_env(env: &str, args: &str) -> String {
    format!(
        "{env} '{}' {args}; echo EXITED:$?; stty -a | tr ' ' '\\n' | grep -x -- '-\\{{0,1\\}}icanon'; sleep 60",
        env!("CARGO_BIN_EXE_mlkg")
    )
}

/// The row of the screen holding a text.
pub fn row_with<'a>(screen: &'a str, text: &str) -> Option<&'a str> {
    screen.lines().find(|l| l.contains(text))
}

pub fn left_clean(t: &Tmux) {
    left_clean_with(t, 0);
}

/// The explorer exited with `code` and left the terminal as it found it.
pub fn left_clean_with(t: &Tmux, code: i32) -> String {
    let s = t.wait("the explorer to exit", |s| s.contains("EXITED:"));
    assert!(
        s.contains(&format!("EXITED:{code}")),
        "exit status {code}:\n{s}"
    );
    let s = t.wait("stty's report", |s| s.contains("icanon"));
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "raw mode is off again (icanon):\n{s}"
    );
    assert!(
        !s.contains("Search (/)"),
        "nothing of the explorer stays:\n{s}"
    );
    assert_eq!(t.format("#{alternate_on}"), "0", "back on the main screen");
    assert_eq!(t.format("#{mouse_any_flag}"), "0", "mouse capture is off");
    s
}

/// The pid of the explorer started on `graph`.
pub fn explorer_pid(graph: &Path) -> String {
    let out = Command::new("pgrep")
        .args(["-n", "-f"])
        .arg(format!("mlkg --graph {}", graph.display()))
        .output()
        .expect("pgrep runs");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}
