//! The interactive explorer. The event loop gathers every source (the
//! terminal, a clock tick, the graph file's watcher, signals and work
//! finished on other threads) into one channel of [`Event`]s, feeds them to
//! [`App::update`], carries out the [`Effect`]s it returns (loads on a
//! thread of their own, so the last good graph stays usable), and draws
//! each frame inside a synchronized update.
//!
//! Submodules: `action` (the verbs and effects), `event` (the events),
//! `keymap` (the one key table), `app` (state and update), `list` (the list
//! component), `input` (the text inputs), `views` (path mode, the
//! local-graph view), `view` (layout and drawing), `screen` (the hit map),
//! `widgets` (the main screen's parts), `term` (entering and restoring the
//! terminal), `watch` (the file watcher and loads off the UI thread),
//! `study` (the study screens' reads and writes of the study store).

pub mod action;
pub mod app;
pub mod event;
pub mod input;
pub mod keymap;
pub mod list;
pub mod screen;
mod study;
pub mod term;
pub mod view;
pub mod views;
mod watch;
pub mod widgets;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crossterm::event::{self as ct, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::export::{self, Format, Selection};

pub use action::{Action, Effect};
pub use app::App;
pub use event::Event;

use event::{Mouse, MouseKind, TICK_MS};
use screen::ScreenMap;

/// Two clicks on one cell within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

/// How the explorer ended.
#[derive(Debug)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) asked it to stop.
    Signal(i32),
    /// The graph file did not load the first time: there was nothing to show.
    Failed(Box<crate::graph::LoadError>),
}

/// What reaches the event loop.
enum Msg {
    /// A terminal event, to be resolved against the last frame.
    Term(ct::Event),
    /// An event for the state.
    App(Event),
    /// A signal asked the explorer to stop.
    Stop,
    /// SIGTSTP asked the explorer to stop for now (a shell's job control).
    Suspend,
}

/// Runs the explorer until the user quits or a signal asks it to stop,
/// watching `watch` (the graph file, when the graph came from one). The
/// terminal is restored on every way out, a panic or a signal included.
pub fn run(mut app: App, watch: Option<PathBuf>) -> io::Result<Ended> {
    let (tx, rx) = mpsc::channel();
    let signalled = Arc::new(AtomicUsize::new(0));
    watch_signals(tx.clone(), Arc::clone(&signalled))?;
    let mut terminal = term::enter()?;
    let chained = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        term::restore();
        chained(info);
    }));
    spawn_input(tx.clone());
    spawn_ticks(tx.clone());
    let loader = watch.map(|path| watch::Loader::start(path, tx.clone()));
    let size = terminal.size()?;
    // Work asked for before the loop (`mlkg study` opens the study screen).
    for effect in app.update(Event::Resize(size.width, size.height)) {
        perform_with(&mut app, effect, loader.as_ref());
    }
    let result = event_loop(&mut terminal, &mut app, &rx, loader.as_ref());
    term::restore();
    let failed = app.failed.take();
    // The process ends next: freeing a large graph would only delay it.
    std::mem::forget(app);
    result?;
    Ok(match (failed, signalled.load(Ordering::SeqCst)) {
        (Some(e), _) => Ended::Failed(e),
        (None, 0) => Ended::Quit,
        (None, sig) => Ended::Signal(sig as i32),
    })
}

/// A signal stops the loop, which restores the terminal; if the loop does
/// not get there within a second (a terminal gone away can keep it busy),
/// this thread restores the terminal itself and exits.
fn watch_signals(tx: Sender<Msg>, signalled: Arc<AtomicUsize>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if sig == SIGTSTP {
                let _ = tx.send(Msg::Suspend);
                continue;
            }
            signalled.store(sig as usize, Ordering::SeqCst);
            let _ = tx.send(Msg::Stop);
            std::thread::sleep(Duration::from_secs(1));
            term::restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        while let Ok(ev) = ct::read() {
            if tx.send(Msg::Term(ev)).is_err() {
                break;
            }
        }
    });
}

fn spawn_ticks(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        while tx.send(Msg::App(Event::Tick)).is_ok() {
            std::thread::sleep(Duration::from_millis(TICK_MS));
        }
    });
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Msg>,
    loader: Option<&watch::Loader>,
) -> io::Result<()> {
    let mut map = term::draw_synchronized(terminal, |f| view::draw(app, f))?;
    let mut clicks = Clicks::default();
    // For the tests of what a panic leaves behind (tests/tui_tmux/main.rs).
    #[cfg(debug_assertions)]
    if std::env::var_os("MLKG_TEST_PANIC").is_some() {
        panic!("MLKG_TEST_PANIC is set: a panic inside the event loop");
    }
    while app.running {
        let Ok(first) = rx.recv() else { break };
        // Everything waiting is applied before the next frame, and a burst
        // of typing is searched once, for the latest query.
        let mut effects = Vec::new();
        // A tick alone redraws only when it changed something (it says so
        // with `Effect::Redraw`); every other event redraws.
        let mut changed = false;
        let mut stopped = false;
        for msg in std::iter::once(first).chain(rx.try_iter().take(4096)) {
            changed |= !matches!(msg, Msg::App(Event::Tick));
            let event = match msg {
                Msg::Stop => {
                    stop_for_tests();
                    stopped = true;
                    break;
                }
                Msg::Suspend => {
                    effects.push(Effect::Suspend);
                    None
                }
                Msg::App(e) => Some(e),
                Msg::Term(e) => clicks.resolve(e, &map),
            };
            if let Some(e) = event {
                #[cfg(debug_assertions)]
                note_for_tests(&e);
                effects.extend(app.apply(e));
            }
            if !app.running {
                break;
            }
        }
        if stopped || !app.running {
            // What the user already did is saved on the way out (answers).
            for effect in effects.into_iter().filter(Effect::keeps_work) {
                perform_with(app, effect, loader);
            }
            return Ok(());
        }
        app.settle();
        changed |= !effects.is_empty();
        for effect in effects {
            if effect == Effect::Suspend {
                term::suspend(terminal)?;
                app.update(Event::Continued);
            } else {
                perform_with(app, effect, loader);
            }
        }
        if changed {
            map = term::draw_synchronized(terminal, |f| view::draw(app, f))?;
        }
    }
    Ok(())
}

/// For the test of the signal watcher's own restore (tests/tui_tmux/main.rs):
/// `MLKG_TEST_STUCK_LOOP=1` keeps the loop from answering a stop, as a loop
/// busy elsewhere would. Not in release builds.
fn stop_for_tests() {
    #[cfg(debug_assertions)]
    if std::env::var_os("MLKG_TEST_STUCK_LOOP").is_some() {
        loop {
            std::thread::sleep(Duration::from_secs(60));
        }
    }
}

/// For the tests that wait on the graph file's watcher (tests/tui_tmux/):
/// `MLKG_TEST_EVENTS=FILE` adds a line to FILE for each change of the file
/// the loop takes in (`changed`) and each load's answer (`unchanged`,
/// `loaded`). Not in release builds.
#[cfg(debug_assertions)]
fn note_for_tests(event: &Event) {
    let line = match event {
        Event::FileChanged => "changed\n",
        Event::Unchanged { .. } => "unchanged\n",
        Event::Loaded { .. } => "loaded\n",
        _ => return,
    };
    if let Some(path) = std::env::var_os("MLKG_TEST_EVENTS") {
        use std::io::Write;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path);
        if let Ok(mut file) = file {
            let _ = file.write_all(line.as_bytes());
        }
    }
}

/// Turns terminal events into the state's events, two quick clicks on one
/// cell into a double click, the mouse into what the last frame drew there.
#[derive(Default)]
struct Clicks {
    last: Option<(Instant, u16, u16)>,
}

impl Clicks {
    fn resolve(&mut self, ev: ct::Event, map: &ScreenMap) -> Option<Event> {
        match ev {
            ct::Event::Key(key) => Some(Event::Key(key)),
            ct::Event::Paste(text) => Some(Event::Paste(text)),
            ct::Event::Resize(w, h) => Some(Event::Resize(w, h)),
            ct::Event::Mouse(m) => {
                let (col, row) = (m.column, m.row);
                let kind = match m.kind {
                    MouseEventKind::Down(MouseButton::Left) => {
                        let double = self.last.is_some_and(|(at, c, r)| {
                            at.elapsed() <= DOUBLE_CLICK && c == col && r == row
                        });
                        self.last = (!double).then(|| (Instant::now(), col, row));
                        if double {
                            MouseKind::DoubleClick
                        } else {
                            MouseKind::Click
                        }
                    }
                    MouseEventKind::ScrollUp => MouseKind::WheelUp,
                    MouseEventKind::ScrollDown => MouseKind::WheelDown,
                    _ => return None,
                };
                let target = map.target_at(col, row);
                Some(Event::Mouse(Mouse { kind, target }))
            }
            _ => None,
        }
    }
}

/// Carries out an effect on this thread (an export; a load finds nothing
/// to read), feeding its result back to the state.
pub fn perform(app: &mut App, effect: Effect) {
    perform_with(app, effect, None);
}

/// Carries out an effect; its result comes back as an event.
fn perform_with(app: &mut App, effect: Effect, loader: Option<&watch::Loader>) {
    match effect {
        Effect::Suspend | Effect::Redraw => {}
        Effect::StudyOpen => {
            let event = study::open(&app.graph);
            app.update(event);
        }
        Effect::StudyGrade(grading) => {
            app.update(study::grade(&grading));
        }
        Effect::StudyProgress => {
            let event = study::progress(&app.graph);
            app.update(event);
        }
        Effect::Retire(old) => {
            // Freeing a large graph takes seconds: never on the UI thread.
            std::thread::spawn(move || drop(old));
        }
        Effect::Load { generation, wanted } => match loader {
            Some(l) => l.load(generation, wanted),
            None => {
                app.update(Event::Unchanged { generation });
            }
        },
        Effect::Export {
            path,
            filter,
            format,
            overwrite,
        } => {
            if !overwrite && std::fs::symlink_metadata(&path).is_ok() {
                app.update(Event::ExportWouldReplace { path });
                return;
            }
            let nodes = Selection::new(&app.graph, &filter).nodes.len();
            let options = export::Options::default();
            let protect = app.graph.source.path();
            let result = export::write_path(&app.graph, &filter, format, &options, &path, protect);
            app.update(Event::Exported {
                path,
                nodes,
                result,
            });
        }
    }
}

/// The file and format an export typed in the explorer names: `~` is the
/// home folder, the format comes from the extension.
pub fn export_target(typed: &str) -> Result<(PathBuf, Format), String> {
    let path = match typed.strip_prefix("~/") {
        Some(rest) => match std::env::var_os("HOME") {
            Some(home) => Path::new(&home).join(rest),
            None => return Err("~ names the home folder, but HOME is not set".into()),
        },
        None => PathBuf::from(typed),
    };
    match Format::from_path(&path) {
        Some(format) => Ok((path, format)),
        None => Err(format!(
            "no export format in {typed:?}: end the name in .dot, .gv, .mmd, .json, \
             .graphml, .ttl or .nt, or a folder name in neo4j, gremlin or opencypher"
        )),
    }
}
