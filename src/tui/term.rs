//! The terminal: entering the explorer's modes (raw mode, alternate screen,
//! mouse capture, bracketed paste, keyboard enhancement) and the one
//! [`restore`] that every way out uses: normal exit, signal, panic, a
//! vanished terminal.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    KeyboardEnhancementFlags, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::execute;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::DefaultTerminal;

/// Whether keyboard enhancement flags were pushed (and must be popped).
static ENHANCED: AtomicBool = AtomicBool::new(false);
/// Whether the terminal takes keyboard enhancement flags.
static SUPPORTED: AtomicBool = AtomicBool::new(false);

/// Enters raw mode and the alternate screen, and turns on mouse capture,
/// bracketed paste and, where the terminal has it, keyboard enhancement.
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let enhanced = matches!(
        crossterm::terminal::supports_keyboard_enhancement(),
        Ok(true)
    );
    SUPPORTED.store(enhanced, Ordering::SeqCst);
    if let Err(e) = setup() {
        restore();
        return Err(e);
    }
    Ok(terminal)
}

/// Turns on what the explorer needs beyond raw mode and the alternate screen.
fn setup() -> io::Result<()> {
    {
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        if SUPPORTED.load(Ordering::SeqCst) {
            execute!(
                io::stdout(),
                PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
            )?;
            ENHANCED.store(true, Ordering::SeqCst);
        }
        Ok(())
    }
}

/// Stops the process as a shell's Ctrl-Z would, with the terminal restored
/// first; on `fg` (SIGCONT) enters the explorer's modes again and clears
/// the screen so the next frame is drawn whole.
pub fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        crossterm::cursor::Hide
    )?;
    setup()?;
    // A new terminal draws the next frame whole. (Terminal::clear would ask
    // the terminal where its cursor is, and the input thread would take the
    // answer.)
    *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

/// Puts the terminal back as it was: keyboard flags, bracketed paste,
/// mouse capture, raw mode, alternate screen, cursor. Safe to call twice.
pub fn restore() {
    let mut out = io::stdout();
    if ENHANCED.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, PopKeyboardEnhancementFlags);
    }
    let _ = execute!(out, DisableBracketedPaste, DisableMouseCapture, Show);
    let _ = out.flush();
    ratatui::restore();
}

/// Draws one frame inside the terminal's synchronized update, so a slow
/// terminal or a screen capture never sees half a frame.
pub fn draw_synchronized<T>(
    terminal: &mut DefaultTerminal,
    draw: impl FnOnce(&mut ratatui::Frame) -> T,
) -> io::Result<T> {
    execute!(io::stdout(), BeginSynchronizedUpdate)?;
    let mut out = None;
    let result = terminal.draw(|f| out = Some(draw(f)));
    execute!(io::stdout(), EndSynchronizedUpdate)?;
    result?;
    Ok(out.expect("draw ran"))
}
