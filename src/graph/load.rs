//! Reading a graph file (RON, JSON as written by `mlkg export`, or GraphML) into a
//! validated [`Graph`], with every problem reported at once.

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::cache;
use super::check::{Warnings, validate, validate_resolving};
use super::diagnostic::Diagnostic;
use super::search;
use super::span::Spans;
use super::{Document, Graph};

pub mod plain;

/// The embedded default graph.
pub const EMBEDDED: &str = include_str!("../../graph.ron");

/// The largest graph file mlkg reads, in bytes (a synthetic graph of a
/// million nodes is about 400 MB).
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Where a graph came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The graph built into the binary.
    Embedded,
    /// A file given by the user.
    File(PathBuf),
}

impl Source {
    /// The path, for a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Embedded => None,
            Source::File(p) => Some(p),
        }
    }

    /// A short name: the file's name, or "embedded graph".
    pub fn short_name(&self) -> String {
        match self {
            Source::Embedded => "embedded graph".to_string(),
            Source::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Embedded => f.write_str("graph.ron (embedded)"),
            Source::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Why a graph could not be loaded.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong, in words.
        reason: String,
    },
    /// The file was read but is not a valid graph. Holds the warnings too.
    #[error("{file} is not a valid graph: {} error(s)", count_errors(.diagnostics))]
    Invalid {
        /// The file's name.
        file: String,
        /// Every problem found, sorted by position.
        diagnostics: Vec<Diagnostic>,
    },
}

/// How many errors the diagnostics report, counting those a summary stands for.
fn count_errors(d: &[Diagnostic]) -> usize {
    d.iter()
        .filter(|d| d.is_error())
        .map(Diagnostic::count)
        .sum()
}

/// A graph that loaded, with the warnings it raised.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The graph.
    pub graph: Graph,
    /// Problems that do not stop loading.
    pub warnings: Vec<Diagnostic>,
}

/// Loads the embedded default graph.
pub fn load_embedded() -> Result<Loaded, LoadError> {
    load_str(EMBEDDED, Source::Embedded)
}

/// Loads a graph file from disk.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_with(path, Warnings::Collect)
}

/// Loads a graph file from disk, with or without looking for warnings.
/// Without warnings, a large file that loaded before unchanged comes from
/// the cache of validated graphs (see [`super::cache`]).
pub fn load_path_with(path: &Path, warnings: Warnings) -> Result<Loaded, LoadError> {
    if warnings == Warnings::Skip
        && let Some(graph) = from_cache(path)?
    {
        return Ok(Loaded {
            graph,
            warnings: Vec::new(),
        });
    }
    let (bytes, snapshot) = read_bounded(path)?;
    let source = Source::File(path.to_path_buf());
    let file = source.to_string();
    // Warnings are looked for by `mlkg check`, which keeps the text to place them.
    let (bytes, snapshot, parsed, syntax) = if warnings == Warnings::Collect {
        (bytes, snapshot, None, None)
    } else {
        match load_lean(bytes, snapshot, path)? {
            Lean::Loaded(loaded) => return Ok(*loaded),
            Lean::Unparsed(bytes, snapshot, syntax) => (bytes, snapshot, None, syntax),
            // An error needs its position: the text is read again to place
            // it, and the document parsed from it before serves if the
            // text is the same.
            Lean::Raised(doc, content) => {
                let (bytes, snapshot) = read_bounded(path)?;
                let same = cache::Fingerprint::of(&bytes) == content;
                (bytes, snapshot, same.then_some(doc), None)
            }
        }
    };
    let text = decode(&bytes, &source)?;
    let (doc, diagnostics) = match parsed {
        Some(doc) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            place(Some(*doc), text, Vec::new(), text, &file, warnings)?
        }
        None => check_text(text, &file, warnings, syntax)?,
    };
    let graph = Graph::from_document(doc, source);
    if warnings == Warnings::Skip
        && let Some(snapshot) = snapshot
        && cache::wanted(bytes.len())
    {
        cache::put(path, cache::Fingerprint::of(&bytes), snapshot, &graph);
    }
    Ok(Loaded {
        graph,
        warnings: diagnostics,
    })
}

/// How the load of a file that is not held once parsed ended.
enum Lean {
    /// The graph, which raised nothing.
    Loaded(Box<Loaded>),
    /// The file did not parse at once (or is not RON or JSON): its bytes
    /// and their snapshot, for the load that keeps the text, with the
    /// syntax error met, if any.
    Unparsed(Vec<u8>, Option<cache::Snapshot>, Option<Box<Diagnostic>>),
    /// Validation found an error, whose position needs the freed text:
    /// the document, and the fingerprint of the text it was parsed from.
    Raised(Box<Document>, cache::Fingerprint),
}

/// Loads a file that parses at once and is valid, freeing its text as soon
/// as it is parsed: at a million nodes the text is a fifth of the peak
/// memory, and a valid graph never needs it again. A syntax error or an
/// invalid graph needs the text to say where the problem is, so that file
/// goes on to the load that keeps it. Warnings are not looked for.
fn load_lean(
    bytes: Vec<u8>,
    snapshot: Option<cache::Snapshot>,
    path: &Path,
) -> Result<Lean, LoadError> {
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Ok(Lean::Unparsed(bytes, snapshot, None));
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = Source::File(path.to_path_buf());
    let file = source.to_string();
    if super::graphml::is_graphml(text) {
        return Ok(Lean::Unparsed(bytes, snapshot, None));
    }
    let doc = match parse(text, &file) {
        Ok(doc) => doc,
        Err(syntax) => return Ok(Lean::Unparsed(bytes, snapshot, Some(syntax))),
    };
    // Hashed before the text goes: the entry is written for the content
    // as read, and an invalid file's text is read again only to place
    // its problems if it is the same.
    let content = cache::Fingerprint::of(&bytes);
    let entry = snapshot.filter(|_| cache::wanted(bytes.len()));
    drop(bytes);
    let pending = Spans::pending();
    let (found, resolved) = validate_resolving(&doc, &pending, &file, Warnings::Skip);
    if !found.is_empty() || pending.was_asked() {
        return Ok(Lean::Raised(Box::new(doc), content));
    }
    let graph = Graph::from_checked(doc, resolved, source);
    if let Some(snapshot) = entry {
        cache::put(path, content, snapshot, &graph);
    }
    Ok(Lean::Loaded(Box::new(Loaded {
        graph,
        warnings: Vec::new(),
    })))
}

/// The cached graph of a large file, if the cache holds its current content.
/// Its stamp is enough when it proves the file unchanged; otherwise the
/// file is hashed as it streams by, so it is never held in memory twice.
fn from_cache(path: &Path) -> Result<Option<Graph>, LoadError> {
    let (file, meta) = open_bounded(path)?;
    if meta.len() < cache::MIN_BYTES as u64 || cache::dir().is_none() {
        return Ok(None);
    }
    Ok(cache::get(path, &file, &meta))
}

/// The search index of a large file from the cache, if it holds the
/// file's current content; `None` for anything else (a file that cannot be
/// opened gets its error from the load that follows).
pub fn cached_search(path: &Path) -> Option<search::stored::Stored> {
    let (file, meta) = open_bounded(path).ok()?;
    cache::search(path, &file, &meta)
}

/// Opens a regular file of at most [`MAX_FILE_BYTES`], with its metadata.
/// The file is opened first, without blocking (a FIFO has no writer to wait
/// for), and then checked by its handle, so it cannot be swapped between
/// the check and the open.
fn open_bounded(path: &Path) -> Result<(File, std::fs::Metadata), LoadError> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|e| io_error(path, e.to_string()))?;
    let meta = file.metadata().map_err(|e| io_error(path, e.to_string()))?;
    if meta.is_dir() {
        return Err(io_error(
            path,
            "it is a directory; give a graph file".into(),
        ));
    }
    if !meta.is_file() {
        return Err(io_error(
            path,
            "it is not a regular file (a device, FIFO or socket)".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(io_error(
            path,
            format!(
                "it is {} bytes, more than the {} MiB limit",
                meta.len(),
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    Ok((file, meta))
}

fn io_error(path: &Path, reason: String) -> LoadError {
    LoadError::Io {
        path: crate::text::shown_path(path),
        reason,
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`], with the snapshot
/// of its stamp for the cache when it did not change while being read.
fn read_bounded(path: &Path) -> Result<(Vec<u8>, Option<cache::Snapshot>), LoadError> {
    let (file, meta) = open_bounded(path)?;
    let snapshot = cache::Snapshot::before_read(&meta);
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&file)
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io_error(
            path,
            format!(
                "it grew past the {} MiB limit while being read",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
    let after = file.metadata().map(|m| cache::Snapshot::before_read(&m));
    let unchanged = after.is_ok_and(|a| a.same_stamp(&snapshot));
    Ok((bytes, unchanged.then_some(snapshot)))
}

/// Loads a graph from bytes, which must be UTF-8 (a leading BOM is skipped).
pub fn load_bytes(bytes: &[u8], source: Source) -> Result<Loaded, LoadError> {
    load_bytes_with(bytes, source, Warnings::Collect)
}

fn load_bytes_with(bytes: &[u8], source: Source, warnings: Warnings) -> Result<Loaded, LoadError> {
    let text = decode(bytes, &source)?;
    load_str_with(text, source, warnings)
}

/// The bytes as UTF-8 text, or an error pointing at the first bad byte.
fn decode<'a>(bytes: &'a [u8], source: &Source) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = std::str::from_utf8(good).unwrap_or_default();
        let file = source.to_string();
        let d = Diagnostic::error(&file, end_position(prefix), "the file is not valid UTF-8")
            .with_help("save the file as UTF-8")
            .with_source(prefix);
        LoadError::Invalid {
            file,
            diagnostics: vec![d],
        }
    })
}

/// The 1-based line and column just after the end of a text.
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, col)
}

/// Loads a graph from text. JSON is recognised by a leading `{`; anything
/// else is read as RON.
pub fn load_str(text: &str, source: Source) -> Result<Loaded, LoadError> {
    load_str_with(text, source, Warnings::Collect)
}

/// Loads a graph from text, with or without looking for warnings.
pub fn load_str_with(text: &str, source: Source, warnings: Warnings) -> Result<Loaded, LoadError> {
    let (doc, diagnostics) = check_text(text, &source.to_string(), warnings, None)?;
    Ok(Loaded {
        graph: Graph::from_document(doc, source),
        warnings: diagnostics,
    })
}

/// Parses and validates a text: the document with its warnings, or every
/// problem. `syntax` is the error a first parse of the same text met, if
/// one was tried.
fn check_text(
    text: &str,
    file: &str,
    warnings: Warnings,
    syntax: Option<Box<Diagnostic>>,
) -> Result<(Document, Vec<Diagnostic>), LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (doc, checked_text, diagnostics) = parse_recovering(text, file, syntax);
    place(doc, &checked_text, diagnostics, text, file, warnings)
}

/// Validates a document parsed from `checked_text` (the file's `text`
/// with any broken elements blanked out) and places every problem, those
/// met while parsing (`diagnostics`) included: the document with its
/// warnings, or every problem.
fn place(
    doc: Option<Document>,
    checked_text: &str,
    mut diagnostics: Vec<Diagnostic>,
    text: &str,
    file: &str,
    warnings: Warnings,
) -> Result<(Document, Vec<Diagnostic>), LoadError> {
    if let Some(doc) = &doc {
        // Positions are looked up only for the items something is said about.
        let pending = Spans::pending();
        let mut found = validate(doc, &pending, file, warnings);
        if pending.was_asked() {
            let spans = Spans::locate(checked_text, &pending.asked());
            found = validate(doc, &spans, file, warnings);
        }
        diagnostics.extend(found);
    }
    diagnostics.sort_by_key(|d| (d.line, d.col, d.severity));
    diagnostics.dedup();
    attach_sources(&mut diagnostics, text);
    match doc {
        Some(doc) if !diagnostics.iter().any(Diagnostic::is_error) => Ok((doc, diagnostics)),
        _ => Err(LoadError::Invalid {
            file: file.to_string(),
            diagnostics,
        }),
    }
}

/// Gives each diagnostic the text of its line, finding each line once.
fn attach_sources(diagnostics: &mut [Diagnostic], text: &str) {
    if diagnostics.iter().all(|d| d.source_line.is_some()) {
        return;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    for d in diagnostics.iter_mut().filter(|d| d.source_line.is_none()) {
        d.source_line = lines
            .get(d.line.wrapping_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
    }
}

/// How many broken elements are skipped before giving up on the rest.
const MAX_RECOVERIES: usize = 64;

/// Parses a document; on a syntax error inside one element of `nodes` or
/// `edges`, blanks that element out (keeping every other position) and tries
/// again, so the rest of the file can still be validated. Returns the
/// document if any parse succeeded, the text it was parsed from, and the
/// syntax errors met on the way.
fn parse_recovering<'a>(
    text: &'a str,
    file: &str,
    mut syntax: Option<Box<Diagnostic>>,
) -> (Option<Document>, Cow<'a, str>, Vec<Diagnostic>) {
    if super::graphml::is_graphml(text) {
        let (doc, errors) =
            super::graphml::parse(text, file).map_or_else(|e| (None, e), |d| (Some(d), Vec::new()));
        return (doc, Cow::Borrowed(text), errors);
    }
    // Copied only when an element has to be blanked out.
    let mut patched = Cow::Borrowed(text);
    let mut errors: Vec<Diagnostic> = Vec::new();
    for _ in 0..MAX_RECOVERIES {
        // The first parse's error may be known already.
        let parsed = match syntax.take() {
            Some(error) => Err(error),
            None => parse(&patched, file),
        };
        match parsed {
            Ok(doc) => return (Some(doc), patched, errors),
            Err(d) => {
                let at = (d.line, d.col);
                let repeated = errors.iter().any(|e| (e.line, e.col) == at);
                errors.push(d.with_source(text));
                let range = if repeated {
                    None
                } else {
                    super::span::element_at(&patched, at).or_else(|| element_line(&patched, at.0))
                };
                let Some(range) = range else {
                    return (None, patched, errors);
                };
                // The range is in bytes: blank the characters that start in
                // it, one space each, so lines and columns stay where they were.
                patched = Cow::Owned(
                    patched
                        .char_indices()
                        .map(|(i, c)| {
                            if range.contains(&i) && c != '\n' {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect(),
                );
                // Blanking the whole document leaves nothing to report on:
                // the syntax error already says what is wrong.
                if patched.trim().is_empty() {
                    return (None, patched, errors);
                }
            }
        }
    }
    (None, patched, errors)
}

/// The byte range of a line that holds one whole element of a list
/// (`(...),` or `{...},`), the usual layout of graph files. A fallback for
/// syntax errors that confuse bracket matching, such as an unbalanced quote.
fn element_line(text: &str, line: usize) -> Option<std::ops::Range<usize>> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let this = text.split_inclusive('\n').nth(line.saturating_sub(1))?;
    let t = this.trim();
    let whole = (t.starts_with('(') && (t.ends_with("),") || t.ends_with(')')))
        || (t.starts_with('{') && (t.ends_with("},") || t.ends_with('}')));
    whole.then(|| start..start + this.trim_end_matches('\n').len())
}

/// Whether a text looks like JSON rather than RON.
fn is_json(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// Parses a document, or says where the syntax breaks.
fn parse(text: &str, file: &str) -> Result<Document, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(Diagnostic::error(file, end_position(text), "the file is empty")
            .with_help("a graph file is `(kinds: {...}, relations: {...}, nodes: [...], edges: [...])`; see docs/graph-format.md")));
    }
    if is_json(text) {
        serde_json::from_str(text).map_err(|e| {
            let line = e.line().max(1);
            let line_text = text.lines().nth(line - 1).unwrap_or("");
            let byte_col = e.column().min(line_text.len());
            let col = line_text
                .char_indices()
                .take_while(|(i, _)| *i < byte_col)
                .count()
                .max(1);
            Diagnostic::error(file, (line, col), format!("JSON syntax: {e}"))
                .with_help(
                    "fix the JSON at this position; the fields are those of docs/graph-format.md",
                )
                .with_source(text)
                .into()
        })
    } else if let Some(doc) = plain::parse(text) {
        Ok(doc)
    } else {
        ron::Options::default()
            .from_str::<Document>(text)
            .map_err(|e| {
                let pos = (e.span.start.line.max(1), e.span.start.col.max(1));
                Diagnostic::error(file, pos, format!("RON syntax: {}", e.code))
                    .with_help("fix the RON at this position; the fields are those of docs/graph-format.md")
                    .with_source(text)
                .into()
            })
    }
}
