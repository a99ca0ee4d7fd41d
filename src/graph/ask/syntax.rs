//! A query as written: terms, the names in them and where each sits.

/// A byte range in the query text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A name as written: a bare word or a quoted string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The text, without quotes.
    pub text: String,
    /// Where it is written, quotes included.
    pub span: Span,
    /// Written with a trailing `!`: this node only, not the nodes below it by `is_a`.
    pub exact: bool,
}

impl Name {
    /// The text as a message quotes it: cut to 80 characters with `…`.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        crate::text::shorten(&self.text, 80)
    }
}

/// A test of one prop: `key=value`, or `key=*` for "set to anything".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropTest {
    /// The prop's key.
    pub key: Name,
    /// The value wanted; `None` for `*`.
    pub value: Option<Name>,
}

/// What a relation term points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `*`: any node.
    Any,
    /// Named nodes (`A|B`), all edges to them when `only` (`=A`).
    Nodes {
        /// Whether written `=...`: every such edge must go to these nodes.
        only: bool,
        /// The nodes, one or more.
        names: Vec<Name>,
    },
}

/// What one term asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// `kind:K|K2`.
    Kind(Vec<Name>),
    /// `REL:TARGET[props]`, or `<REL:...` when `incoming`.
    Rel {
        /// Written with `<`: the edge runs from the target to the node.
        incoming: bool,
        /// The relation as written.
        rel: Name,
        /// What the edge must reach.
        target: Target,
        /// Props the edge must carry.
        props: Vec<PropTest>,
    },
    /// `key=value`: the node's own prop.
    Prop(PropTest),
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Written with `-`: the term must not hold.
    pub negated: bool,
    /// The whole term.
    pub span: Span,
    /// What it asks.
    pub atom: Atom,
}
