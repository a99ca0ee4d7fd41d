//! A problem found in a graph file, with where it is and what to do.

use std::fmt;

use rustc_hash::FxHashMap;
use unicode_width::UnicodeWidthStr;

use crate::text::{shorten, visible};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The graph cannot be loaded.
    Error,
    /// The graph loads, but something looks wrong.
    Warning,
}

/// One problem in a graph file, with its position (1-based line and column,
/// columns counting characters) and the line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file's name as the user gave it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// The id the problem is about, if any.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The text of the line, for the caret display.
    pub source_line: Option<String>,
    /// How many further problems of the same kind this one stands for, not
    /// listed on their own (0 for a single problem).
    pub more: usize,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(file: &str, pos: (usize, usize), message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line: pos.0,
            col: pos.1,
            id: None,
            message: message.into(),
            help: None,
            source_line: None,
            more: 0,
        }
    }

    /// A warning at a position.
    pub fn warning(file: &str, pos: (usize, usize), message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, pos, message)
        }
    }

    /// Names the id the problem is about.
    pub fn with_id(mut self, id: &str) -> Diagnostic {
        self.id = Some(id.to_string());
        self
    }

    /// Adds advice.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Attaches the source line for the caret display.
    pub fn with_source(mut self, text: &str) -> Diagnostic {
        self.source_line = text
            .lines()
            .nth(self.line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// How many problems this diagnostic reports: itself and those it stands for.
    pub fn count(&self) -> usize {
        1 + self.more
    }
}

/// How many problems of one kind are listed before the rest are only counted.
pub const SHOWN_PER_KIND: usize = 50;

/// Collects the diagnostics of a file, listing at most [`SHOWN_PER_KIND`] of
/// each kind of problem and counting the rest, so a file with millions of
/// the same mistake gives a short report in little memory. A diagnostic is
/// built only if it is listed: the rest cost a counter.
#[derive(Debug, Default)]
pub struct Collector {
    listed: Vec<Diagnostic>,
    kinds: FxHashMap<&'static str, Tally>,
}

/// The problems of one kind beyond those listed.
#[derive(Debug, Default)]
struct Tally {
    seen: usize,
    /// The first problem not listed; it stands for the rest in the report.
    first_unlisted: Option<Diagnostic>,
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Collector {
        Collector::default()
    }

    /// Adds a problem of a kind (a short name such as "duplicate edge"),
    /// building it only if it will be listed or stand for the unlisted ones.
    pub fn add(&mut self, kind: &'static str, make: impl FnOnce() -> Diagnostic) {
        let tally = self.kinds.entry(kind).or_default();
        tally.seen += 1;
        if tally.seen <= SHOWN_PER_KIND {
            self.listed.push(make());
        } else if tally.seen == SHOWN_PER_KIND + 1 {
            tally.first_unlisted = Some(make());
        }
    }

    /// The listed diagnostics, then one per kind that had more, counting them.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut out = self.listed;
        let mut kinds: Vec<(&str, Tally)> = self.kinds.into_iter().collect();
        kinds.sort_by_key(|(kind, _)| *kind);
        for (kind, tally) in kinds {
            if let Some(mut first) = tally.first_unlisted {
                let unlisted = tally.seen - SHOWN_PER_KIND;
                first.message = format!(
                    "{unlisted} more problems of this kind ({kind}) are not listed; the first: {}",
                    first.message
                );
                first.help = Some(format!(
                    "only the first {SHOWN_PER_KIND} problems of each kind are listed; fix those and check again"
                ));
                first.more = unlisted - 1;
                out.push(first);
            }
        }
        out
    }
}

/// The longest message or help shown, in characters (they may quote the file).
const SHOWN_TEXT: usize = 400;

/// The longest part of a source line shown under a diagnostic, in characters.
const SHOWN_LINE: usize = 160;

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(
            f,
            "{level}: {}",
            shorten(&visible(&self.message), SHOWN_TEXT)
        )?;
        write!(
            f,
            "  --> {}:{}:{}",
            visible(&self.file),
            self.line,
            self.col
        )?;
        let mut pad = " ".to_string();
        if let Some(line) = &self.source_line {
            let (shown, caret_at) = excerpt(line, self.col.saturating_sub(1));
            let num = self.line.to_string();
            pad = " ".repeat(num.len());
            write!(
                f,
                "\n{pad} |\n{num} | {shown}\n{pad} | {}^",
                " ".repeat(caret_at)
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {}", shorten(&visible(help), SHOWN_TEXT))?;
        }
        Ok(())
    }
}

/// A window of a source line around a column, made visible, and the display
/// column where the caret goes in it. Each character of the window is made
/// visible on its own, and the caret's column counts display width (a CJK
/// character or an emoji takes two columns, a combining mark none), so the
/// caret lands under the character it points at.
fn excerpt(line: &str, col: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start = col.saturating_sub(SHOWN_LINE / 2).min(chars.len());
    let end = (start + SHOWN_LINE).min(chars.len());
    let mut shown = String::new();
    let mut caret_at = None;
    if start > 0 {
        shown.push('…');
    }
    for (i, c) in chars[start..end].iter().enumerate() {
        if start + i == col {
            caret_at = Some(shown.width());
        }
        shown.push_str(&visible(&c.to_string()));
    }
    let caret_at = caret_at.unwrap_or_else(|| shown.width());
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret_at)
}
