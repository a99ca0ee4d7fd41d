//! A fast reader for graph files written in plain RON: the layout of the
//! embedded graph, of `examples/synth.rs` and of most hand-written files.
//!
//! The `ron` crate reads any RON and says where and why a file is wrong; on a
//! large graph it spends about a hundred instructions a byte doing so (84%
//! of a cold open at 100k nodes). This reader knows the one document shape
//! and reads it byte by byte, taking strings without escapes straight from
//! the text. It reads only what it is sure of: quoted strings with the
//! escapes `\" \\ \n \r \t \' \0`, `true`/`false`, structs, maps and lists
//! with or without trailing commas, ASCII whitespace and `//` comments.
//! Anything else (a block comment, a raw string, another escape, a struct
//! name, an extension, an unknown, repeated or missing field, a syntax
//! error) gives `None`, and the file goes to `ron`, which reads it or
//! reports the error with its line and column. So a file it reads is one
//! `ron` reads to the same [`Document`]; the tests hold the two side by side.

use std::borrow::Cow;

use indexmap::IndexMap;

use crate::graph::{Document, Edge, Id, Kind, Node, Props, Relation};

/// The document, when the text is plain RON this reader is sure of.
pub fn parse(text: &str) -> Option<Document> {
    let mut r = Reader { text, at: 0 };
    let doc = r.document()?;
    r.skip_ws()?;
    (r.at == text.len()).then_some(doc)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// Skips whitespace and line comments; `None` on anything `ron` might
    /// read otherwise (a block comment, a comment left open at the end,
    /// whitespace outside ASCII).
    fn skip_ws(&mut self) -> Option<()> {
        let b = self.bytes();
        loop {
            match b.get(self.at) {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => self.at += 1,
                Some(b'/') => {
                    if b.get(self.at + 1) != Some(&b'/') {
                        return None;
                    }
                    let end = b[self.at..].iter().position(|&c| c == b'\n')?;
                    self.at += end + 1;
                }
                _ => return Some(()),
            }
        }
    }

    /// Skips whitespace, then takes `c` if it comes next.
    fn eat(&mut self, c: u8) -> Option<bool> {
        self.skip_ws()?;
        let here = self.bytes().get(self.at) == Some(&c);
        if here {
            self.at += 1;
        }
        Some(here)
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        self.eat(c)?.then_some(())
    }

    /// A field name: lowercase ASCII letters and `_`.
    fn ident(&mut self) -> Option<&'a str> {
        self.skip_ws()?;
        let b = self.bytes();
        let start = self.at;
        while b
            .get(self.at)
            .is_some_and(|c| c.is_ascii_lowercase() || *c == b'_')
        {
            self.at += 1;
        }
        // A name followed by more identifier characters (`r#`, digits,
        // capitals) is not one this reader knows.
        match b.get(self.at) {
            Some(c) if c.is_ascii_alphanumeric() || *c == b'#' => None,
            _ if self.at == start => None,
            _ => Some(&self.text[start..self.at]),
        }
    }

    fn string(&mut self) -> Option<String> {
        self.quoted().map(Cow::into_owned)
    }

    /// A quoted id, held in place when short.
    fn id(&mut self) -> Option<Id> {
        Some(match self.quoted()? {
            Cow::Borrowed(s) => Id::from(s),
            Cow::Owned(s) => Id::from(s),
        })
    }

    /// A quoted string, borrowed from the text when it holds no escape.
    fn quoted(&mut self) -> Option<Cow<'a, str>> {
        self.skip_ws()?;
        let b = self.bytes();
        if b.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let start = self.at;
        let stop = b[start..].iter().position(|&c| c == b'"' || c == b'\\')? + start;
        if b[stop] == b'"' {
            self.at = stop + 1;
            return Some(Cow::Borrowed(&self.text[start..stop]));
        }
        let mut out = String::with_capacity(stop - start + 16);
        out.push_str(&self.text[start..stop]);
        self.at = stop;
        loop {
            // At a backslash.
            let c = match b.get(self.at + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'\'' => '\'',
                b'0' => '\0',
                _ => return None,
            };
            out.push(c);
            self.at += 2;
            let from = self.at;
            let next = b[from..].iter().position(|&c| c == b'"' || c == b'\\')? + from;
            out.push_str(&self.text[from..next]);
            self.at = next;
            if b[next] == b'"' {
                self.at += 1;
                return Some(Cow::Owned(out));
            }
        }
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// `[item, item, ...]`, a trailing comma allowed.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut out = Vec::new();
        loop {
            if self.eat(b']')? {
                return Some(out);
            }
            out.push(item(self)?);
            if !self.eat(b',')? {
                self.expect(b']')?;
                return Some(out);
            }
        }
    }

    /// `{"key": value, ...}`, a trailing comma allowed; a repeated key keeps
    /// its first place and takes the last value, as the maps `ron` fills do.
    fn map<T>(
        &mut self,
        mut put: impl FnMut(String, T),
        mut value: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<()> {
        self.expect(b'{')?;
        loop {
            if self.eat(b'}')? {
                return Some(());
            }
            let key = self.string()?;
            self.expect(b':')?;
            put(key, value(self)?);
            if !self.eat(b',')? {
                return self.expect(b'}');
            }
        }
    }

    /// `(name: value, ...)`: calls `field` with each name, which reads the
    /// value and returns its bit; a field given twice, or one `field` does
    /// not know, is `None`. Returns the bits of the fields given.
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &str) -> Option<u32>) -> Option<u32> {
        self.expect(b'(')?;
        let mut seen = 0u32;
        loop {
            if self.eat(b')')? {
                return Some(seen);
            }
            let name = self.ident()?;
            self.expect(b':')?;
            let bit = field(self, name)?;
            if seen & bit != 0 {
                return None;
            }
            seen |= bit;
            if !self.eat(b',')? {
                self.expect(b')')?;
                return Some(seen);
            }
        }
    }

    /// A list of strings, holding no more room than it needs: most lists
    /// (a node's aliases and sources) have one or two items, and a growing
    /// list makes room for four.
    fn strings(&mut self) -> Option<Vec<String>> {
        let mut list = self.list(Self::string)?;
        list.shrink_to_fit();
        Some(list)
    }

    fn props(&mut self) -> Option<Props> {
        let mut props = Props::new();
        self.map(
            |k, v| {
                props.insert(k, v);
            },
            Self::string,
        )?;
        Some(props)
    }

    fn document(&mut self) -> Option<Document> {
        let mut doc = Document {
            name: String::new(),
            kinds: IndexMap::new(),
            relations: IndexMap::new(),
            nodes: Vec::new(),
            edges: Vec::new(),
        };
        self.fields(|r, name| {
            Some(match name {
                "name" => {
                    doc.name = r.string()?;
                    1
                }
                "kinds" => {
                    r.map(
                        |k, v| {
                            doc.kinds.insert(k, v);
                        },
                        Self::kind,
                    )?;
                    2
                }
                "relations" => {
                    r.map(
                        |k, v| {
                            doc.relations.insert(k, v);
                        },
                        Self::relation,
                    )?;
                    4
                }
                "nodes" => {
                    doc.nodes = r.list(Self::node)?;
                    8
                }
                "edges" => {
                    doc.edges = r.list(Self::edge)?;
                    16
                }
                _ => return None,
            })
        })?;
        Some(doc)
    }

    fn kind(&mut self) -> Option<Kind> {
        let mut kind = Kind {
            label: String::new(),
            color: String::new(),
        };
        let seen = self.fields(|r, name| {
            Some(match name {
                "label" => {
                    kind.label = r.string()?;
                    1
                }
                "color" => {
                    kind.color = r.string()?;
                    2
                }
                _ => return None,
            })
        })?;
        (seen & 1 != 0).then_some(kind)
    }

    fn relation(&mut self) -> Option<Relation> {
        let mut rel = Relation::default();
        let seen = self.fields(|r, name| {
            Some(match name {
                "label" => {
                    rel.label = r.string()?;
                    1
                }
                "inverse" => {
                    rel.inverse = r.string()?;
                    2
                }
                "from" => {
                    rel.from = r.strings()?;
                    4
                }
                "to" => {
                    rel.to = r.strings()?;
                    8
                }
                "symmetric" => {
                    rel.symmetric = r.boolean()?;
                    16
                }
                "question" => {
                    rel.question = r.string()?;
                    32
                }
                "inverse_question" => {
                    rel.inverse_question = r.string()?;
                    64
                }
                _ => return None,
            })
        })?;
        (seen & 1 != 0).then_some(rel)
    }

    fn node(&mut self) -> Option<Node> {
        let mut node = Node {
            id: Id::default(),
            kind: Id::default(),
            label: String::new(),
            aliases: Vec::new(),
            summary: String::new(),
            notes: String::new(),
            props: Props::new(),
            sources: Vec::new(),
        };
        let seen = self.fields(|r, name| {
            Some(match name {
                "id" => {
                    node.id = r.id()?;
                    1
                }
                "kind" => {
                    node.kind = r.id()?;
                    2
                }
                "label" => {
                    node.label = r.string()?;
                    4
                }
                "aliases" => {
                    node.aliases = r.strings()?;
                    8
                }
                "summary" => {
                    node.summary = r.string()?;
                    16
                }
                "notes" => {
                    node.notes = r.string()?;
                    32
                }
                "props" => {
                    node.props = r.props()?;
                    64
                }
                "sources" => {
                    node.sources = r.strings()?;
                    128
                }
                _ => return None,
            })
        })?;
        (seen & 7 == 7).then_some(node)
    }

    fn edge(&mut self) -> Option<Edge> {
        let mut edge = Edge {
            from: Id::default(),
            rel: Id::default(),
            to: Id::default(),
            note: String::new(),
            props: Props::new(),
        };
        let seen = self.fields(|r, name| {
            Some(match name {
                "from" => {
                    edge.from = r.id()?;
                    1
                }
                "rel" => {
                    edge.rel = r.id()?;
                    2
                }
                "to" => {
                    edge.to = r.id()?;
                    4
                }
                "note" => {
                    edge.note = r.string()?;
                    8
                }
                "props" => {
                    edge.props = r.props()?;
                    16
                }
                _ => return None,
            })
        })?;
        (seen & 7 == 7).then_some(edge)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_ron(text: &str) -> Option<Document> {
        ron::Options::default().from_str::<Document>(text).ok()
    }

    /// This reader gives what `ron` gives, or nothing.
    fn agrees(text: &str) -> Option<Document> {
        let fast = parse(text);
        if let Some(doc) = &fast {
            assert_eq!(Some(doc), by_ron(text).as_ref(), "on {text:?}");
        }
        fast
    }

    #[test]
    fn reads_the_embedded_graph_as_ron_does() {
        let doc = agrees(crate::graph::load::EMBEDDED).expect("the embedded graph is plain RON");
        assert!(doc.nodes.len() > 100 && doc.edges.len() > 100);
        assert_eq!(doc.name, "sagemaker-ml");
    }

    #[test]
    fn reads_what_it_knows_as_ron_does() {
        for text in [
            "()",
            "( )",
            "(nodes: [], edges: [],)",
            "(kinds: {\"a\": (label: \"A\",),}, nodes: [(id: \"x\", kind: \"a\", label: \"X\",),],)",
            "(kinds: {\"a\": (label: \"A\"), \"b\": (label: \"B\"), \"a\": (label: \"A2\")})",
            "(nodes: [(label: \"l\", kind: \"k\", id: \"i\", props: {\"z\": \"1\", \"a\": \"2\", \"z\": \"3\"})])",
            "(relations: {\"r\": (label: \"r\", symmetric: true, from: [\"a\", \"b\"], to: [], inverse: \"\")})",
            "(relations: {\"r\": (label: \"r\", symmetric: false, question: \"q {subject}\", inverse_question: \"\")})",
            "(name: \"a \\\"q\\\" \\\\ \\n \\r \\t \\' \\0 é ü 日本\")",
            "(name: \"line\nbreak\")",
            "// a comment\n(\n  // another\n  name: \"x\", // after\n)\n",
            "\t(\x0B\x0C\r\nname\t:\r\n\"x\"\n)",
            "(edges: [(from: \"a\", rel: \"r\", to: \"b\", note: \"n\", props: {})])",
            "(nodes: [(id: \"i\", kind: \"k\", label: \"\", aliases: [\"x\",], sources: [], summary: \"s\", notes: \"n\")])",
        ] {
            assert!(agrees(text).is_some(), "did not read {text:?}");
        }
    }

    #[test]
    fn leaves_to_ron_what_it_does_not_know() {
        for text in [
            "",
            "/* block */ ()",
            "(name: r\"raw\")",
            "(name: r#\"raw\"#)",
            "(name: \"\\u{e9}\")",
            "(name: \"\\x41\")",
            "(name: \"a\\\n  b\")",
            "Document(name: \"x\")",
            "#![enable(implicit_some)]\n()",
            "(name: \"x\") trailing",
            "(name: \"x\", name: \"y\")",
            "(other: \"x\")",
            "(r#name: \"x\")",
            "(nodes: [(id: \"i\", kind: \"k\")])",
            "(edges: [(from: \"a\", to: \"b\")])",
            "(kinds: {\"a\": (color: \"red\")})",
            "(relations: {\"r\": (label: \"r\", symmetric: 1)})",
            "(nodes: [(id: \"i\", kind: \"k\", label: \"l\", props: {\"a\": 1})])",
            "(kinds: {a: (label: \"A\")})",
            "(name: \"x\")\n// open comment at the end",
            "(name: \"x\"\u{2028})",
            "(name: \"unterminated)",
            "(nodes: [,])",
            "(nodes: [(id: \"i\", kind: \"k\", label: \"l\") (id: \"j\")])",
            "(name: \"x\",,)",
        ] {
            assert_eq!(parse(text), None, "read {text:?}");
        }
    }

    fn small_graph() -> &'static str {
        "// g\n(\n  name: \"g\",\n  kinds: {\n    \"a\": (label: \"A\", color: \"red\"),\n  },\n  relations: {\n    \"r\": (label: \"r\", inverse: \"r by\", from: [\"a\"], to: [\"a\"], symmetric: false),\n  },\n  nodes: [\n    (id: \"x\", kind: \"a\", label: \"X \\\"q\\\"\", aliases: [\"ex\"], props: {\"k\": \"v\"}),\n    (id: \"y\", kind: \"a\", label: \"Y\", summary: \"s\", notes: \"n\", sources: [\"fact 1\"]),\n  ],\n  edges: [\n    (from: \"x\", rel: \"r\", to: \"y\", note: \"n\", props: {\"required\": \"true\"}),\n  ],\n)\n"
    }

    proptest! {
        /// Whatever a damaged file holds, this reader reads it as `ron`
        /// does or leaves it to `ron`.
        #[test]
        fn a_damaged_file_is_read_as_ron_reads_it_or_left_to_ron(
            edits in proptest::collection::vec((0usize..400, 0usize..3, any::<u8>()), 1..4)
        ) {
            let mut bytes = small_graph().as_bytes().to_vec();
            const CHARS: &[u8] = b" \n\t\",:()[]{}/\\#abrtuxy01-*";
            for (at, op, c) in edits {
                let at = at % (bytes.len() + 1);
                let c = CHARS[c as usize % CHARS.len()];
                match op {
                    0 if at < bytes.len() => { bytes.remove(at); }
                    1 => bytes.insert(at, c),
                    _ if at < bytes.len() => bytes[at] = c,
                    _ => {}
                }
            }
            if let Ok(text) = std::str::from_utf8(&bytes) {
                agrees(text);
            }
        }
    }
}
