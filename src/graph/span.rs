//! Where each kind, relation, node and edge of a graph file sits in its text.
//!
//! serde gives no positions for values that parsed fine, so validation finds
//! them here: a small lexer and a structural walk over the text, which work on
//! RON and on JSON alike (both are a tree of `(...)`, `{...}`, `[...]` with
//! `key: value` entries). The walk runs only on text that already parsed, and
//! gives up quietly (positions fall back to 1:1) on anything unexpected.

use std::collections::HashMap;

/// A 1-based line and column (columns count characters).
pub type Pos = (usize, usize);

/// The position of each field's value in one element of `nodes` or `edges`.
#[derive(Debug, Clone, Default)]
pub struct ItemSpan {
    /// Where the element starts.
    pub start: Pos,
    /// Field name → where its value starts.
    pub fields: HashMap<String, Pos>,
}

impl ItemSpan {
    /// Where a field's value is, or the element's start.
    pub fn at(&self, field: &str) -> Pos {
        self.fields.get(field).copied().unwrap_or(self.start)
    }
}

/// Positions of everything validation may point at.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    /// Key of each declared kind → its position.
    pub kinds: HashMap<String, ItemSpan>,
    /// Key of each declared relation → its position.
    pub relations: HashMap<String, ItemSpan>,
    /// The i-th node.
    pub nodes: Vec<ItemSpan>,
    /// The i-th edge.
    pub edges: Vec<ItemSpan>,
}

impl Spans {
    /// Finds the positions in a graph file's text.
    pub fn locate(text: &str) -> Spans {
        let tokens = lex(text);
        let mut walker = Walker {
            tokens: &tokens,
            i: 0,
            depth: 0,
        };
        let Some(root) = walker.value() else {
            return Spans::default();
        };
        let mut spans = Spans::default();
        for (key, value) in root.entries() {
            match key {
                "kinds" => spans.kinds = keyed(value),
                "relations" => spans.relations = keyed(value),
                "nodes" => spans.nodes = value.items().map(item_span).collect(),
                "edges" => spans.edges = value.items().map(item_span).collect(),
                _ => {}
            }
        }
        spans
    }

    /// The span of the i-th node, or an empty one.
    pub fn node(&self, i: usize) -> ItemSpan {
        self.nodes.get(i).cloned().unwrap_or_default()
    }

    /// The span of the i-th edge, or an empty one.
    pub fn edge(&self, i: usize) -> ItemSpan {
        self.edges.get(i).cloned().unwrap_or_default()
    }
}

fn keyed(value: &Tree) -> HashMap<String, ItemSpan> {
    value
        .keyed_entries()
        .map(|(key, key_pos, v)| {
            let mut span = item_span(v);
            span.start = key_pos;
            (key.to_string(), span)
        })
        .collect()
}

fn item_span(value: &Tree) -> ItemSpan {
    ItemSpan {
        start: value.pos(),
        fields: value
            .entries()
            .map(|(k, v)| (k.to_string(), v.pos()))
            .collect(),
    }
}

/// A token with its position and its range of character indices.
#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    pos: Pos,
    start: usize,
    end: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open(char),
    Close,
    Colon,
    Comma,
    /// A string literal's content (escapes left as written; keys need no more).
    Str(String),
    /// An identifier, number or other bare word.
    Word(String),
}

fn lex(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut cur = Cursor {
        i: 0,
        line: 1,
        col: 1,
    };
    let mut out = Vec::new();
    while cur.i < chars.len() {
        let i = cur.i;
        let c = chars[i];
        let pos = (cur.line, cur.col);
        let next = chars.get(i + 1).copied();
        let (to, tok) = match c {
            '/' if next == Some('/') => (
                i + chars[i..].iter().take_while(|&&c| c != '\n').count(),
                None,
            ),
            '/' if next == Some('*') => (block_comment_end(&chars, i), None),
            '"' => {
                let mut j = i + 1;
                let mut s = String::new();
                while j < chars.len() && chars[j] != '"' {
                    if chars[j] == '\\' && j + 1 < chars.len() {
                        s.push(chars[j]);
                        j += 1;
                    }
                    s.push(chars[j]);
                    j += 1;
                }
                (j + 1, Some(Tok::Str(s)))
            }
            'r' | 'b' if raw_string_hashes(&chars[i..]).is_some() => {
                let (prefix, hashes) = raw_string_hashes(&chars[i..]).unwrap_or((0, 0));
                let close: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let start = i + prefix;
                let mut j = start;
                while j < chars.len() && !chars[j..].starts_with(&close) {
                    j += 1;
                }
                (
                    j + close.len(),
                    Some(Tok::Str(chars[start..j].iter().collect())),
                )
            }
            '\'' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '\'' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                (j + 1, Some(Tok::Word(String::new())))
            }
            '(' | '[' | '{' => (i + 1, Some(Tok::Open(c))),
            ')' | ']' | '}' => (i + 1, Some(Tok::Close)),
            ':' => (i + 1, Some(Tok::Colon)),
            ',' => (i + 1, Some(Tok::Comma)),
            c if c.is_whitespace() => (i + 1, None),
            _ => {
                let n = chars[i..]
                    .iter()
                    .take_while(|&&c| !c.is_whitespace() && !"()[]{}:,\"'/".contains(c))
                    .count()
                    .max(1);
                (i + n, Some(Tok::Word(chars[i..i + n].iter().collect())))
            }
        };
        cur.advance(&chars, to);
        if let Some(tok) = tok {
            out.push(Token {
                tok,
                pos,
                start: i,
                end: cur.i,
            });
        }
    }
    out
}

/// A place in the text: index into its characters, line and column.
struct Cursor {
    i: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    /// Moves to index `to` (at most the end), keeping line and column.
    fn advance(&mut self, chars: &[char], to: usize) {
        let to = to.min(chars.len()).max(self.i + 1);
        while self.i < to.min(chars.len()) {
            if chars[self.i] == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
            self.i += 1;
        }
    }
}

/// The index just past a (possibly nested) block comment starting at `i`.
fn block_comment_end(chars: &[char], i: usize) -> usize {
    let mut depth = 0usize;
    let mut j = i;
    while j < chars.len() {
        if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
            depth += 1;
            j += 2;
        } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
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

/// The element of the top-level `nodes` or `edges` list that holds a
/// position, as a range of character indices that also covers its trailing
/// comma. Tolerates broken syntax elsewhere; used to recover after a syntax
/// error so the rest of the file can still be checked.
pub fn element_at(text: &str, at: Pos) -> Option<std::ops::Range<usize>> {
    let tokens = lex(text);
    let mut depth = 0usize;
    let mut list_open = false;
    let mut elem: Option<usize> = None;
    let mut last_key: Option<&str> = None;
    for (k, t) in tokens.iter().enumerate() {
        match &t.tok {
            Tok::Open(c) => {
                if depth == 1 && *c == '[' && matches!(last_key, Some("nodes" | "edges")) {
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
                    let mut end = t.end;
                    if let Some(Token {
                        tok: Tok::Comma,
                        end: comma_end,
                        ..
                    }) = tokens.get(k + 1)
                    {
                        end = *comma_end;
                    }
                    if tokens[e].pos <= at && (at < t.pos || at == t.pos) {
                        return Some(tokens[e].start..end);
                    }
                    if tokens[e].pos > at {
                        return None;
                    }
                }
            }
            Tok::Str(key) | Tok::Word(key) if depth == 1 => last_key = Some(key.as_str()),
            Tok::Word(_) if depth == 2 && list_open && elem.is_none() => elem = Some(k),
            _ => {}
        }
    }
    None
}

/// For `r"`, `r#"`, `br"`...: the length of the opening and the number of `#`.
fn raw_string_hashes(chars: &[char]) -> Option<(usize, usize)> {
    let mut j = 0;
    if chars.first() == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = chars[j..].iter().take_while(|&&c| c == '#').count();
    j += hashes;
    (chars.get(j) == Some(&'"')).then_some((j + 1, hashes))
}

/// A value's shape: enough to find keys and positions.
#[derive(Debug)]
enum Tree {
    Atom(Pos),
    /// Entries with an optional key (and the key's position).
    Compound(Pos, Vec<(Option<(String, Pos)>, Tree)>),
}

impl Tree {
    fn pos(&self) -> Pos {
        match self {
            Tree::Atom(p) | Tree::Compound(p, _) => *p,
        }
    }

    fn entries(&self) -> impl Iterator<Item = (&str, &Tree)> {
        self.keyed_entries().map(|(k, _, v)| (k, v))
    }

    fn keyed_entries(&self) -> impl Iterator<Item = (&str, Pos, &Tree)> {
        let list: &[(Option<(String, Pos)>, Tree)] = match self {
            Tree::Compound(_, e) => e,
            Tree::Atom(_) => &[],
        };
        list.iter()
            .filter_map(|(k, v)| k.as_ref().map(|(k, p)| (k.as_str(), *p, v)))
    }

    fn items(&self) -> impl Iterator<Item = &Tree> {
        let list: &[(Option<(String, Pos)>, Tree)] = match self {
            Tree::Compound(_, e) => e,
            Tree::Atom(_) => &[],
        };
        list.iter().map(|(_, v)| v)
    }
}

/// How deep the walk goes before it gives up (the parsers' own limits are lower).
const MAX_DEPTH: usize = 256;

struct Walker<'a> {
    tokens: &'a [Token],
    i: usize,
    depth: usize,
}

impl Walker<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.i).map(|t| &t.tok)
    }

    fn value(&mut self) -> Option<Tree> {
        let Token { tok, pos, .. } = self.tokens.get(self.i)?.clone();
        self.i += 1;
        match tok {
            Tok::Open(_) => self.compound(pos),
            Tok::Word(_) if matches!(self.peek(), Some(Tok::Open('('))) => {
                // A named struct or `Some(...)`: the value is the parenthesised part.
                self.i += 1;
                self.compound(pos)
            }
            Tok::Str(_) | Tok::Word(_) => Some(Tree::Atom(pos)),
            Tok::Close | Tok::Colon | Tok::Comma => None,
        }
    }

    fn compound(&mut self, pos: Pos) -> Option<Tree> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let mut entries = Vec::new();
        loop {
            match self.peek()? {
                Tok::Close => {
                    self.i += 1;
                    break;
                }
                Tok::Comma => {
                    self.i += 1;
                    continue;
                }
                _ => {}
            }
            let key = match (
                self.tokens.get(self.i).map(|t| (&t.tok, t.pos)),
                self.tokens.get(self.i + 1).map(|t| &t.tok),
            ) {
                (Some((Tok::Str(k) | Tok::Word(k), kpos)), Some(Tok::Colon)) => {
                    self.i += 2;
                    Some((k.clone(), kpos))
                }
                _ => None,
            };
            let value = self.value()?;
            entries.push((key, value));
        }
        self.depth -= 1;
        Some(Tree::Compound(pos, entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_in_ron() {
        let text = "(\n  kinds: {\"a\": (label: \"A\")},\n  nodes: [\n    (id: \"x\", kind: \"a\", label: \"X\"),\n  ],\n  edges: [(from: \"x\", rel: \"r\", to: \"y\")],\n)";
        let s = Spans::locate(text);
        assert_eq!(s.kinds["a"].start, (2, 13));
        assert_eq!(s.nodes.len(), 1);
        assert_eq!(s.nodes[0].at("id"), (4, 13));
        assert_eq!(s.nodes[0].at("kind"), (4, 24));
        assert_eq!(s.edges[0].at("to"), (6, 38));
    }

    #[test]
    fn finds_fields_in_json_and_skips_comments() {
        let text = "{\"nodes\": [{\"id\": \"x\"}], // c\n \"edges\": [ /* { */ {\"from\": \"x\"}]}";
        let s = Spans::locate(text);
        assert_eq!(s.nodes[0].at("id"), (1, 19));
        assert_eq!(s.edges[0].at("from"), (2, 31));
    }
}
