//! Where kinds, relations, nodes and edges sit in the text of a graph file.
//!
//! serde gives no positions for values that parsed fine, so validation finds
//! them here, and only for the items it has something to say about: it first
//! runs against [`Spans::pending`], which answers 1:1 and remembers what was
//! asked, then, if anything was, against [`Spans::locate`] for those items.
//! A valid graph is never scanned twice. The scan is a small byte lexer and a
//! streaming walk that works on RON and JSON alike (both are a tree of
//! `(...)`, `{...}`, `[...]` with `key: value` entries); on anything
//! unexpected it gives up quietly and positions fall back to the item's start.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// A 1-based line and column (columns count characters).
pub type Pos = (usize, usize);

/// The top-level sections of a graph file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// `kinds`
    Kinds,
    /// `relations`
    Relations,
    /// `nodes`
    Nodes,
    /// `edges`
    Edges,
}

impl Section {
    fn from_key(key: &str) -> Option<Section> {
        match key {
            "kinds" => Some(Section::Kinds),
            "relations" => Some(Section::Relations),
            "nodes" => Some(Section::Nodes),
            "edges" => Some(Section::Edges),
            _ => None,
        }
    }
}

/// One item of a section: by key in the maps, by index in the lists.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Item {
    /// An entry of `kinds` or `relations`.
    Key(Section, String),
    /// The i-th element of `nodes` or `edges`.
    Index(Section, usize),
    /// A field of the file's top level other than the sections (`name`).
    Top(String),
}

/// Where an item starts, and where each of its fields' values start.
#[derive(Debug, Clone, Default)]
struct ItemSpan {
    start: Pos,
    fields: Vec<(String, Pos)>,
}

/// Positions of the items validation asked about.
#[derive(Debug, Default)]
pub struct Spans {
    found: HashMap<Item, ItemSpan>,
    asked: RefCell<HashSet<Item>>,
}

impl Spans {
    /// Spans that know nothing yet and remember what is asked of them.
    pub fn pending() -> Spans {
        Spans::default()
    }

    /// The items asked about so far.
    pub fn asked(&self) -> HashSet<Item> {
        self.asked.borrow().clone()
    }

    /// Whether anything was asked.
    pub fn was_asked(&self) -> bool {
        !self.asked.borrow().is_empty()
    }

    /// Where a field's value is (the item's start if the field is not
    /// written, 1:1 if the item was not located).
    pub fn at(&self, item: Item, field: &str) -> Pos {
        match self.found.get(&item) {
            Some(span) => span
                .fields
                .iter()
                .find(|(f, _)| f == field)
                .map_or(span.start, |(_, p)| *p),
            None => {
                self.asked.borrow_mut().insert(item);
                (1, 1)
            }
        }
    }

    /// Where the value of a top-level field (`name`) starts.
    pub fn top(&self, field: &str) -> Pos {
        self.at(Item::Top(field.to_string()), "")
    }

    /// Where an item starts.
    pub fn start(&self, item: Item) -> Pos {
        self.at(item, "")
    }

    /// The i-th node's field.
    pub fn node(&self, i: usize, field: &str) -> Pos {
        self.at(Item::Index(Section::Nodes, i), field)
    }

    /// The i-th edge's field.
    pub fn edge(&self, i: usize, field: &str) -> Pos {
        self.at(Item::Index(Section::Edges, i), field)
    }

    /// A declared kind's field.
    pub fn kind(&self, key: &str, field: &str) -> Pos {
        self.at(Item::Key(Section::Kinds, key.to_string()), field)
    }

    /// A declared relation's field.
    pub fn relation(&self, key: &str, field: &str) -> Pos {
        self.at(Item::Key(Section::Relations, key.to_string()), field)
    }

    /// Finds the positions of the wanted items in a graph file's text.
    pub fn locate(text: &str, wanted: &HashSet<Item>) -> Spans {
        let mut found = HashMap::new();
        let mut walk = Walk::default();
        for token in Lexer::new(text) {
            walk.step(&token, wanted, &mut found);
        }
        Spans {
            found,
            asked: RefCell::new(HashSet::new()),
        }
    }
}

/// The streaming walk's state.
#[derive(Debug, Default)]
struct Walk<'a> {
    depth: usize,
    /// The last key-like token at the current depth, before a colon.
    pending_key: Option<(&'a str, Pos)>,
    /// A key followed by a colon: the next value belongs to it.
    key: Option<(&'a str, Pos)>,
    /// The section whose body is open at depth 2.
    section: Option<Section>,
    /// The item open at depth 3 and whether it is wanted.
    item: Option<(Item, bool)>,
    next_index: usize,
    /// A word right before an `(` (a struct name or `Some`) starts the value.
    word: Option<Pos>,
}

impl<'a> Walk<'a> {
    fn step(&mut self, t: &Token<'a>, wanted: &HashSet<Item>, found: &mut HashMap<Item, ItemSpan>) {
        // A value starts here (for a field at depth 3, or an element at depth 2).
        let starts_value = match t.tok {
            Tok::Str(_) | Tok::Word(_) => true,
            Tok::Open(_) => self.word.is_none(),
            Tok::Close | Tok::Colon | Tok::Comma => false,
        };
        if starts_value {
            self.on_value(t.pos, wanted, found);
        }
        match t.tok {
            Tok::Open(_) => {
                self.word = None;
                self.depth += 1;
                if self.depth == 2 {
                    self.section = self.key.take().and_then(|(k, _)| Section::from_key(k));
                    self.next_index = 0;
                }
                self.key = None;
                self.pending_key = None;
            }
            Tok::Close => {
                if self.depth == 3 {
                    self.item = None;
                }
                if self.depth == 2 {
                    self.section = None;
                }
                self.depth = self.depth.saturating_sub(1);
                self.key = None;
                self.pending_key = None;
                self.word = None;
            }
            Tok::Colon => {
                self.key = self.pending_key.take();
                self.word = None;
            }
            Tok::Comma => {
                self.key = None;
                self.pending_key = None;
                self.word = None;
            }
            Tok::Str(s) => {
                self.pending_key = Some((s, t.pos));
                self.word = None;
            }
            Tok::Word(w) => {
                self.pending_key = Some((w, t.pos));
                self.word = Some(t.pos);
            }
        }
    }

    /// Starts an item, recording where it starts if it is wanted.
    fn open_item(
        &mut self,
        item: Item,
        start: Pos,
        wanted: &HashSet<Item>,
        found: &mut HashMap<Item, ItemSpan>,
    ) {
        let want = wanted.contains(&item);
        if want {
            found.insert(
                item.clone(),
                ItemSpan {
                    start,
                    fields: Vec::new(),
                },
            );
        }
        self.item = Some((item, want));
    }

    /// Records a value's start: a section element at depth 2, a field at depth 3.
    fn on_value(&mut self, pos: Pos, wanted: &HashSet<Item>, found: &mut HashMap<Item, ItemSpan>) {
        let pos = self.word.unwrap_or(pos);
        match (self.depth, self.section) {
            (2, Some(section @ (Section::Nodes | Section::Edges))) if self.key.is_none() => {
                let item = Item::Index(section, self.next_index);
                self.next_index += 1;
                self.open_item(item, pos, wanted, found);
            }
            (2, Some(section @ (Section::Kinds | Section::Relations))) => {
                if let Some((key, key_pos)) = self.key {
                    self.open_item(Item::Key(section, key.to_string()), key_pos, wanted, found);
                }
            }
            (1, _) => {
                if let Some((key, _)) = self.key
                    && wanted.contains(&Item::Top(key.to_string()))
                {
                    let item = Item::Top(key.to_string());
                    found.insert(
                        item,
                        ItemSpan {
                            start: pos,
                            fields: Vec::new(),
                        },
                    );
                }
            }
            (3, _) => {
                if let (Some((item, true)), Some((key, _))) = (&self.item, self.key)
                    && let Some(span) = found.get_mut(item)
                {
                    span.fields.push((key.to_string(), pos));
                }
            }
            _ => {}
        }
    }
}

/// A token with its position and its byte range.
#[derive(Debug, Clone)]
struct Token<'a> {
    tok: Tok<'a>,
    pos: Pos,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Open(u8),
    Close,
    Colon,
    Comma,
    /// A string literal's content, escapes left as written (keys need no more).
    Str(&'a str),
    /// An identifier, number or other bare word.
    Word(&'a str),
}

/// A forgiving lexer over RON or JSON text: never fails, never allocates.
struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    line: usize,
    col: usize,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Lexer<'a> {
        Lexer {
            text,
            bytes: text.as_bytes(),
            i: 0,
            line: 1,
            col: 1,
        }
    }

    /// Moves to byte `to` (at least one byte on, at most the end), keeping
    /// line and column; columns count characters, not bytes.
    fn advance(&mut self, to: usize) {
        let to = to.max(self.i + 1).min(self.bytes.len());
        for &b in &self.bytes[self.i..to] {
            if b == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if b & 0xC0 != 0x80 {
                self.col += 1;
            }
        }
        self.i = to;
    }

    /// The end of a quoted string starting at `i` (past its closing quote).
    fn string_end(&self, i: usize, quote: u8) -> usize {
        let mut j = i + 1;
        while j < self.bytes.len() && self.bytes[j] != quote {
            j += if self.bytes[j] == b'\\' { 2 } else { 1 };
        }
        j + 1
    }

    /// For `r"`, `r#"`, `br"`...: where the content starts and the closing delimiter's length.
    fn raw_string(&self, i: usize) -> Option<(usize, usize)> {
        let b = self.bytes;
        let mut j = i + usize::from(b[i] == b'b');
        if b.get(j) != Some(&b'r') {
            return None;
        }
        j += 1;
        let hashes = b[j..].iter().take_while(|&&c| c == b'#').count();
        j += hashes;
        (b.get(j) == Some(&b'"')).then_some((j + 1, hashes + 1))
    }

    fn block_comment_end(&self, i: usize) -> usize {
        let b = self.bytes;
        let (mut depth, mut j) = (0usize, i);
        while j < b.len() {
            if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                depth += 1;
                j += 2;
            } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return j;
                }
            } else {
                j += 1;
            }
        }
        j
    }

    /// A slice of the text, or "" if the bounds fall inside a character.
    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.text
            .get(a.min(b)..b.min(self.text.len()))
            .unwrap_or("")
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let i = self.i;
            let &c = self.bytes.get(i)?;
            let pos = (self.line, self.col);
            let next = self.bytes.get(i + 1).copied();
            let (to, tok) = match c {
                b'/' if next == Some(b'/') => (
                    i + self.bytes[i..].iter().take_while(|&&c| c != b'\n').count(),
                    None,
                ),
                b'/' if next == Some(b'*') => (self.block_comment_end(i), None),
                b'"' => {
                    let end = self.string_end(i, b'"');
                    (end, Some(Tok::Str(self.slice(i + 1, end - 1))))
                }
                b'r' | b'b' if self.raw_string(i).is_some() => {
                    let (start, close_len) = self.raw_string(i).unwrap_or((i + 1, 1));
                    let hashes = close_len - 1;
                    let mut j = start;
                    while j < self.bytes.len()
                        && !(self.bytes[j] == b'"'
                            && self.bytes[j + 1..]
                                .iter()
                                .take(hashes)
                                .filter(|&&h| h == b'#')
                                .count()
                                == hashes)
                    {
                        j += 1;
                    }
                    (j + close_len, Some(Tok::Str(self.slice(start, j))))
                }
                b'\'' => (self.string_end(i, b'\''), Some(Tok::Word(""))),
                b'(' | b'[' | b'{' => (i + 1, Some(Tok::Open(c))),
                b')' | b']' | b'}' => (i + 1, Some(Tok::Close)),
                b':' => (i + 1, Some(Tok::Colon)),
                b',' => (i + 1, Some(Tok::Comma)),
                c if c.is_ascii_whitespace() => (i + 1, None),
                _ => {
                    let n = self.bytes[i..]
                        .iter()
                        .take_while(|&&c| !c.is_ascii_whitespace() && !b"()[]{}:,\"'/".contains(&c))
                        .count()
                        .max(1);
                    (i + n, Some(Tok::Word(self.slice(i, i + n))))
                }
            };
            self.advance(to);
            if let Some(tok) = tok {
                return Some(Token {
                    tok,
                    pos,
                    start: i,
                    end: self.i,
                });
            }
        }
    }
}

/// The element of the top-level `nodes` or `edges` list that holds a
/// position, as a byte range that also covers its trailing comma. Tolerates
/// broken syntax elsewhere; used to recover after a syntax error so the rest
/// of the file can still be checked.
pub fn element_at(text: &str, at: Pos) -> Option<std::ops::Range<usize>> {
    let tokens: Vec<Token> = Lexer::new(text).collect();
    let mut depth = 0usize;
    let mut list_open = false;
    let mut elem: Option<usize> = None;
    let mut last_key: Option<&str> = None;
    for (k, t) in tokens.iter().enumerate() {
        match t.tok {
            Tok::Open(c) => {
                if depth == 1 && c == b'[' && matches!(last_key, Some("nodes" | "edges")) {
                    list_open = true;
                } else if depth == 2 && list_open && elem.is_none() {
                    elem = Some(k);
                }
                depth += 1;
            }
            Tok::Close => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    list_open = false;
                }
                if depth == 2
                    && let Some(e) = elem.take()
                {
                    let end = match tokens.get(k + 1) {
                        Some(Token {
                            tok: Tok::Comma,
                            end,
                            ..
                        }) => *end,
                        _ => t.end,
                    };
                    if tokens[e].pos <= at && at <= t.pos {
                        return Some(tokens[e].start..end);
                    }
                    if tokens[e].pos > at {
                        return None;
                    }
                }
            }
            Tok::Str(key) | Tok::Word(key) if depth == 1 => last_key = Some(key),
            Tok::Word(_) if depth == 2 && list_open && elem.is_none() => elem = Some(k),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Spans {
        let mut wanted = HashSet::new();
        for i in 0..4 {
            wanted.insert(Item::Index(Section::Nodes, i));
            wanted.insert(Item::Index(Section::Edges, i));
        }
        for k in ["a", "r"] {
            wanted.insert(Item::Key(Section::Kinds, k.into()));
            wanted.insert(Item::Key(Section::Relations, k.into()));
        }
        Spans::locate(text, &wanted)
    }

    #[test]
    fn finds_fields_in_ron() {
        let text = "(\n  kinds: {\"a\": (label: \"A\")},\n  nodes: [\n    (id: \"x\", kind: \"a\", label: \"X\"),\n    Node(id: \"é\", aliases: [\"a\", \"b\"], kind: \"a\"),\n  ],\n  edges: [(from: \"x\", rel: \"r\", to: \"y\")],\n)";
        let s = all(text);
        assert_eq!(s.kind("a", ""), (2, 11));
        assert_eq!(s.kind("a", "label"), (2, 24));
        assert_eq!(s.node(0, "id"), (4, 10));
        assert_eq!(s.node(0, "kind"), (4, 21));
        assert_eq!(s.node(1, ""), (5, 5));
        assert_eq!(s.node(1, "kind"), (5, 46));
        assert_eq!(s.edge(0, "to"), (7, 37));
        assert_eq!(s.node(2, "id"), (1, 1), "no third node");
    }

    #[test]
    fn finds_fields_in_json_and_skips_comments() {
        let text = "{\"nodes\": [{\"id\": \"x\"}], // c\n \"edges\": [ /* { */ {\"from\": \"x\"}]}";
        let s = all(text);
        assert_eq!(s.node(0, "id"), (1, 19));
        assert_eq!(s.edge(0, "from"), (2, 30));
    }

    #[test]
    fn pending_spans_remember_what_is_asked() {
        let s = Spans::pending();
        assert!(!s.was_asked());
        assert_eq!(s.edge(7, "to"), (1, 1));
        assert_eq!(s.asked(), HashSet::from([Item::Index(Section::Edges, 7)]));
    }
}
