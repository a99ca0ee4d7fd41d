//! The interactive explorer: the event loop that reads a terminal event,
//! finds its action in the key table, updates the state and draws it, and
//! watches the graph file to reload it when it changes.
//!
//! Submodules: `action` (the verbs), `keymap` (the one key table), `app`
//! (state and update), `view` (layout), `widgets` (each part of the screen).

pub mod action;
pub mod app;
pub mod keymap;
pub mod view;
pub mod widgets;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyboardEnhancementFlags, MouseButton,
    MouseEvent, MouseEventKind, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::execute;
use ratatui::DefaultTerminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::export::{self, Format, Selection};
use crate::graph::check::Warnings;
use crate::graph::load;

pub use action::{Action, Effect};
pub use app::App;

/// How often the graph file is looked at.
const WATCH_EVERY: Duration = Duration::from_millis(300);
/// Two clicks on one cell within this time are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(400);
/// How long a status message stays.
const MESSAGE_FOR: Duration = Duration::from_secs(6);

/// How the explorer ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) asked it to stop.
    Signal(i32),
}

/// Runs the explorer until the user quits or a signal asks it to stop,
/// watching `watch` (the graph file, when the graph came from one). The
/// terminal is restored on every way out, a panic or a signal included.
pub fn run(mut app: App, watch: Option<PathBuf>) -> io::Result<Ended> {
    // A signal raises a flag; the loop sees it within one poll and leaves
    // the normal way, restoring the terminal. When the terminal has gone
    // away (a hangup), crossterm's read can spin on end-of-file and never
    // return to the loop: then the watcher restores what it can and exits.
    let signalled = Arc::new(AtomicUsize::new(0));
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let flag = Arc::clone(&signalled);
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            flag.store(sig as usize, Ordering::SeqCst);
            std::thread::sleep(Duration::from_secs(1));
            ratatui::restore();
            std::process::exit(128 + sig);
        }
    });
    let mut terminal = ratatui::try_init()?;
    let enhanced = matches!(
        crossterm::terminal::supports_keyboard_enhancement(),
        Ok(true)
    );
    let setup = || -> io::Result<()> {
        execute!(io::stdout(), EnableMouseCapture)?;
        if enhanced {
            execute!(
                io::stdout(),
                PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
            )?;
        }
        Ok(())
    };
    let chained = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        undo_setup(enhanced);
        chained(info);
    }));
    let result =
        setup().and_then(|()| event_loop(&mut terminal, &mut app, watch.as_deref(), &signalled));
    undo_setup(enhanced);
    ratatui::restore();
    result?;
    Ok(match signalled.load(Ordering::SeqCst) {
        0 => Ended::Quit,
        sig => Ended::Signal(sig as i32),
    })
}

fn undo_setup(enhanced: bool) {
    let mut out = io::stdout();
    if enhanced {
        let _ = execute!(out, PopKeyboardEnhancementFlags);
    }
    let _ = execute!(out, DisableMouseCapture);
    let _ = out.flush();
}

/// What the watcher compares: modification time and size.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    watch: Option<&Path>,
    signalled: &AtomicUsize,
) -> io::Result<()> {
    // For the tests of what a panic leaves behind (tests/tui_tmux.rs).
    let panic_for_tests = std::env::var_os("MLKG_TEST_PANIC").is_some();
    let mut seen = watch.map(stamp);
    let mut last_watch = Instant::now();
    let mut last_click: Option<(Instant, u16, u16)> = None;
    let mut message = (app.message_seq, Instant::now());
    while app.running && signalled.load(Ordering::SeqCst) == 0 {
        terminal.draw(|frame| view::view(app, frame))?;
        if panic_for_tests {
            panic!("MLKG_TEST_PANIC is set: a panic inside the event loop");
        }
        let wait = WATCH_EVERY.saturating_sub(last_watch.elapsed());
        if event::poll(wait)? {
            // Everything waiting is applied before the next frame, and a burst
            // of typing is searched once, for the latest query.
            loop {
                let ev = event::read()?;
                if let Some(action) = to_action(app, ev, &mut last_click)
                    && let Some(effect) = app.apply(action)
                {
                    perform(app, effect);
                }
                if !app.running || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            app.settle();
        }
        if last_watch.elapsed() >= WATCH_EVERY {
            last_watch = Instant::now();
            if let (Some(path), Some(before)) = (watch, seen.as_mut()) {
                let now = stamp(path);
                if now != *before {
                    *before = now;
                    app.reloaded(load::load_path_with(path, Warnings::Skip));
                }
            }
        }
        if app.message_seq != message.0 {
            message = (app.message_seq, Instant::now());
        } else if app.message.is_some() && message.1.elapsed() >= MESSAGE_FOR {
            app.expire_message(message.0);
        }
    }
    Ok(())
}

/// The action of a terminal event, turning two quick clicks into a double click.
fn to_action(app: &App, ev: Event, last_click: &mut Option<(Instant, u16, u16)>) -> Option<Action> {
    match ev {
        Event::Key(key) => keymap::action_for(app.scope(), key),
        Event::Mouse(MouseEvent {
            kind, column, row, ..
        }) => match kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let double = last_click.is_some_and(|(at, c, r)| {
                    at.elapsed() <= DOUBLE_CLICK && c == column && r == row
                });
                if double {
                    *last_click = None;
                    Some(Action::DoubleClick(column, row))
                } else {
                    *last_click = Some((Instant::now(), column, row));
                    Some(Action::Click(column, row))
                }
            }
            MouseEventKind::ScrollUp => Some(Action::WheelUp(column, row)),
            MouseEventKind::ScrollDown => Some(Action::WheelDown(column, row)),
            _ => None,
        },
        _ => None,
    }
}

/// Carries out an effect and tells the state how it went.
pub fn perform(app: &mut App, effect: Effect) {
    match effect {
        Effect::Export { path, filter } => {
            let nodes = Selection::new(&app.graph, &filter).nodes.len();
            let result = export::write_atomic(&path, app.graph.source.path(), |w| {
                export::write(&app.graph, &filter, Format::Dot, w)
            });
            app.exported(&path, nodes, result);
        }
    }
}
