//! RDF export in Turtle or N-Triples, written by the oxigraph project's
//! `oxttl` (which escapes every literal). Under a base IRI `B`:
//!
//! - a node is `B node/ID`, with `rdf:type B kind/KIND`, `rdfs:label`, and
//!   `B vocab/alias`, `vocab/summary`, `vocab/notes`, `vocab/source`, and
//!   `B prop/KEY` for each prop (plain literals);
//! - a kind is an `rdfs:Class` and a relation an `rdf:Property`, each with
//!   its `rdfs:label` (a relation also `vocab/inverseLabel`);
//! - an edge is the triple `node/A rel/REL node/B`. Its note and props go on
//!   a standard RDF reification of that triple (`rdf:Statement` with
//!   `rdf:subject`, `rdf:predicate`, `rdf:object`), named `B edge/A|REL|B`,
//!   so every RDF 1.1 tool reads them; RDF-star is not used.
//!
//! Ids and keys are percent-encoded into the IRIs.

use std::io::{self, Write};

use oxrdf::vocab::{rdf, rdfs};
use oxrdf::{Literal, NamedNode, Triple};
use oxttl::{NTriplesSerializer, TurtleSerializer};

use super::Export;

/// The base IRI used when none is given.
pub const DEFAULT_BASE: &str = "https://example.org/mlkg/";

/// Which RDF syntax to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Turtle, with prefixes.
    Turtle,
    /// N-Triples, one triple a line.
    NTriples,
}

/// A string percent-encoded for an IRI path segment: everything but
/// ASCII letters, digits and `-._~`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// IRIs under one base.
struct Iris {
    base: String,
}

impl Iris {
    fn new(base: &str) -> io::Result<Iris> {
        NamedNode::new(format!("{base}node/x")).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("the base IRI \"{base}\" is not valid: {e}; give one like {DEFAULT_BASE}"),
            )
        })?;
        Ok(Iris {
            base: base.to_string(),
        })
    }

    /// An IRI under the base; the parts were encoded, so it is valid.
    fn iri(&self, space: &str, id: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{space}/{}", self.base, encode(id)))
    }
}

/// Every triple of the export, in file order.
fn triples(ex: &Export, iris: &Iris) -> Vec<Triple> {
    let g = ex.graph;
    let mut t = Vec::new();
    let lit = |s: &str| Literal::new_simple_literal(s);
    let vocab = |name: &str| iris.iri("vocab", name);
    for (id, kind) in &g.kinds {
        let k = iris.iri("kind", id);
        t.push(Triple::new(k.clone(), rdf::TYPE, rdfs::CLASS.into_owned()));
        t.push(Triple::new(k, rdfs::LABEL, lit(&kind.label)));
    }
    for (id, r) in &g.relations {
        let p = iris.iri("rel", id);
        t.push(Triple::new(
            p.clone(),
            rdf::TYPE,
            rdf::PROPERTY.into_owned(),
        ));
        t.push(Triple::new(p.clone(), rdfs::LABEL, lit(&r.label)));
        if !r.inverse.is_empty() {
            t.push(Triple::new(p, vocab("inverseLabel"), lit(&r.inverse)));
        }
    }
    for &ix in &ex.sel.nodes {
        let n = g.node(ix);
        let s = iris.iri("node", &n.id);
        t.push(Triple::new(s.clone(), rdf::TYPE, iris.iri("kind", &n.kind)));
        t.push(Triple::new(s.clone(), rdfs::LABEL, lit(&n.label)));
        for a in &n.aliases {
            t.push(Triple::new(s.clone(), vocab("alias"), lit(a)));
        }
        for (name, v) in [("summary", &n.summary), ("notes", &n.notes)] {
            if !v.is_empty() {
                t.push(Triple::new(s.clone(), vocab(name), lit(v)));
            }
        }
        for src in &n.sources {
            t.push(Triple::new(s.clone(), vocab("source"), lit(src)));
        }
        for (k, v) in &n.props {
            t.push(Triple::new(s.clone(), iris.iri("prop", k), lit(v)));
        }
    }
    for (e, a, b, id) in ex.edges_with_ids() {
        let d = g.edge(e);
        let (s, p, o) = (
            iris.iri("node", &g.node(a).id),
            iris.iri("rel", &d.rel),
            iris.iri("node", &g.node(b).id),
        );
        t.push(Triple::new(s.clone(), p.clone(), o.clone()));
        if d.note.is_empty() && d.props.is_empty() {
            continue;
        }
        let st = iris.iri("edge", &id);
        t.push(Triple::new(
            st.clone(),
            rdf::TYPE,
            rdf::STATEMENT.into_owned(),
        ));
        t.push(Triple::new(st.clone(), rdf::SUBJECT, s));
        t.push(Triple::new(st.clone(), rdf::PREDICATE, p));
        t.push(Triple::new(st.clone(), rdf::OBJECT, o));
        if !d.note.is_empty() {
            t.push(Triple::new(st.clone(), vocab("note"), lit(&d.note)));
        }
        for (k, v) in &d.props {
            t.push(Triple::new(st.clone(), iris.iri("prop", k), lit(v)));
        }
    }
    t
}

/// Writes the selection as RDF.
pub fn write(ex: &Export, syntax: Syntax, out: &mut dyn Write) -> io::Result<()> {
    let iris = Iris::new(&ex.options.base)?;
    let comment = |out: &mut dyn Write| -> io::Result<()> {
        for line in super::comments(ex.graph, ex.sel, ex.filter) {
            writeln!(out, "# {line}")?;
        }
        Ok(())
    };
    match syntax {
        Syntax::NTriples => {
            comment(out)?;
            let mut s = NTriplesSerializer::new().for_writer(out);
            for t in triples(ex, &iris) {
                s.serialize_triple(&t)?;
            }
            s.finish();
            Ok(())
        }
        Syntax::Turtle => {
            comment(out)?;
            let bad = |e: oxrdf::IriParseError| io::Error::new(io::ErrorKind::InvalidInput, e);
            let mut ser = TurtleSerializer::new()
                .with_prefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
                .and_then(|s| s.with_prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#"))
                .map_err(bad)?;
            for space in ["node", "kind", "rel", "edge", "prop", "vocab"] {
                ser = ser
                    .with_prefix(space, format!("{}{space}/", iris.base))
                    .map_err(bad)?;
            }
            let mut s = ser.for_writer(out);
            for t in triples(ex, &iris) {
                s.serialize_triple(&t)?;
            }
            s.finish()?;
            Ok(())
        }
    }
}
