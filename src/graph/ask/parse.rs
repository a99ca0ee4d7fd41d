//! Reading a query's text into terms ([`super::syntax`]), each part with its
//! byte span so an error can point at it.

use super::AskError;
use super::syntax::{Atom, Name, PropTest, Span, Target, Term};

/// Characters that end a bare word.
fn stops(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ':' | '=' | '|' | '[' | ']' | ',' | '"' | '\'' | '!' | '<'
        )
}

/// Reads a query into its terms.
pub fn parse(text: &str) -> Result<Vec<Term>, AskError> {
    let mut p = Parser { text, at: 0 };
    let mut terms = Vec::new();
    loop {
        p.skip_space();
        if p.at >= text.len() {
            break;
        }
        terms.push(p.term()?);
    }
    if terms.is_empty() {
        return Err(
            AskError::new(Span::default(), "the query is empty; expected a term")
                .with_help("for example: kind:algorithm accepts:csv"),
        );
    }
    Ok(terms)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.bump();
        }
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.at += c.len_utf8();
        }
    }

    /// The span of the character at the cursor (or an empty span at the end).
    fn here(&self) -> Span {
        let len = self.peek().map_or(0, char::len_utf8);
        Span {
            start: self.at,
            end: self.at + len,
        }
    }

    /// An error at the cursor saying what was expected and what was found.
    fn expected(&self, what: &str) -> AskError {
        let found = match self.peek() {
            None => "the end of the query".to_string(),
            Some(c) if c.is_whitespace() => "a space".to_string(),
            Some(c) => format!("`{c}`"),
        };
        AskError::new(self.here(), format!("expected {what}, found {found}"))
    }

    fn term(&mut self) -> Result<Term, AskError> {
        let start = self.at;
        let negated = self.eat('-');
        let incoming = self.eat('<');
        let head = self.name(if incoming {
            "a relation after `<`"
        } else if negated {
            "a term after `-`"
        } else {
            "a term (kind:K, REL:NODE, <REL:NODE or prop=value)"
        })?;
        let atom = match self.peek() {
            Some(':') => {
                self.bump();
                if !incoming && !head.quoted && head.name.text.eq_ignore_ascii_case("kind") {
                    Atom::Kind(self.alternatives("a kind after `kind:`")?)
                } else {
                    self.relation(incoming, head.name)?
                }
            }
            Some('=') if !incoming => {
                self.bump();
                Atom::Prop(PropTest {
                    key: head.name,
                    value: self.value("a value after `=` (or * for any)")?,
                })
            }
            _ if incoming => return Err(self.expected("`:` after the relation")),
            _ => {
                return Err(self.expected(
                    "`:` after a kind or relation, or `=` after a prop (a term is kind:K, REL:NODE, <REL:NODE or prop=value)",
                ));
            }
        };
        self.end_of_term()?;
        Ok(Term {
            negated,
            span: Span {
                start,
                end: self.at,
            },
            atom,
        })
    }

    fn end_of_term(&self) -> Result<(), AskError> {
        match self.peek() {
            None => Ok(()),
            Some(c) if c.is_whitespace() => Ok(()),
            Some(_) => Err(self.expected("a space before the next term")),
        }
    }

    fn relation(&mut self, incoming: bool, rel: Name) -> Result<Atom, AskError> {
        let target = if self.eat('*') {
            Target::Any
        } else {
            let only = self.eat('=');
            let what = if only {
                "a node after `=`"
            } else {
                "a node, `*` or `=NODE` after the relation's `:`"
            };
            Target::Nodes {
                only,
                names: self.alternatives(what)?,
            }
        };
        let mut props = Vec::new();
        if self.eat('[') {
            loop {
                let key = self.name("a prop name inside `[...]`")?.name;
                if !self.eat('=') {
                    return Err(self.expected("`=` after the prop name"));
                }
                let value = self.value("a value after `=` (or * for any)")?;
                props.push(PropTest { key, value });
                if self.eat(']') {
                    break;
                }
                if !self.eat(',') {
                    return Err(self.expected("`,` or `]`"));
                }
            }
        }
        Ok(Atom::Rel {
            incoming,
            rel,
            target,
            props,
        })
    }

    /// `A|B|C`, each name maybe marked exact with `!`.
    fn alternatives(&mut self, what: &str) -> Result<Vec<Name>, AskError> {
        let mut names = Vec::new();
        loop {
            let mut name = self.name(what)?.name;
            if self.eat('!') {
                name.exact = true;
                name.span.end = self.at;
            }
            names.push(name);
            let bar = self.here();
            if !self.eat('|') {
                return Ok(names);
            }
            // `a|` or `a| b`: the alternative after the bar is missing, so
            // the bar is what to fix, not the end or the space after it.
            if self
                .peek()
                .is_none_or(|c| stops(c) && c != '"' && c != '\'')
            {
                return Err(
                    AskError::new(bar, "an empty alternative: nothing follows this `|`")
                        .with_help("write another name after `|`, or remove the `|`"),
                );
            }
        }
    }

    fn value(&mut self, what: &str) -> Result<Option<Name>, AskError> {
        if self.eat('*') {
            return Ok(None);
        }
        Ok(Some(self.name(what)?.name))
    }

    /// A bare word or a quoted string (`"..."` or `'...'`, `\` escaping the
    /// next character).
    fn name(&mut self, what: &str) -> Result<Written, AskError> {
        let start = self.at;
        let quote = match self.peek() {
            Some(q @ ('"' | '\'')) => q,
            _ => {
                while self.peek().is_some_and(|c| !stops(c)) {
                    self.bump();
                }
                if self.at == start {
                    return Err(self.expected(what));
                }
                return Ok(Written {
                    name: self.named(self.text[start..self.at].to_string(), start),
                    quoted: false,
                });
            }
        };
        self.bump();
        let mut text = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(AskError::new(
                        Span {
                            start,
                            end: start + 1,
                        },
                        format!("this {quote} is never closed"),
                    )
                    .with_help(format!("end the name with {quote}")));
                }
                Some(c) if c == quote => break,
                Some('\\') => {
                    self.bump();
                    if let Some(c) = self.peek() {
                        text.push(c);
                        self.bump();
                    }
                    continue;
                }
                Some(c) => text.push(c),
            }
            self.bump();
        }
        self.bump();
        if text.trim().is_empty() {
            return Err(AskError::new(
                Span {
                    start,
                    end: self.at,
                },
                format!("expected {what}, found an empty name"),
            ));
        }
        Ok(Written {
            name: self.named(text, start),
            quoted: true,
        })
    }

    fn named(&self, text: String, start: usize) -> Name {
        Name {
            text,
            span: Span {
                start,
                end: self.at,
            },
            exact: false,
        }
    }
}

/// A name and whether it was quoted (a quoted `"kind"` is a relation, not the keyword).
struct Written {
    name: Name,
    quoted: bool,
}
