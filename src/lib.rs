//! mlkg: a terminal explorer for a typed knowledge graph defined in RON.
//!
//! Map of the crate:
//! - [`graph`]: the model (`Document` as written, `Graph` on petgraph), and
//!   its submodules `load` (files in, with diagnostics), `cache` (validated
//!   large graphs for a fast second start), `span` (positions),
//!   `check` (validation), `query` (neighbours, paths), `search` (fuzzy),
//!   `ask` (the query language), `compare` (two nodes side by side),
//!   `matrix` (one kind against another by a relation).
//! - [`export`]: DOT, JSON and Mermaid writers, and atomic file writes.
//! - [`cli`]: the command line (clap).
//! - [`commands`]: one function per subcommand, writing to any `Write`.
//! - [`study`]: study cards from edges, FSRS scheduling, progress in SQLite,
//!   and an Anki deck.
//! - [`text`]: making text from a graph file safe to show on a terminal.
//! - [`color`]: kinds' colour names, for the explorer and coloured output.
//! - [`tui`]: the interactive explorer (event loop, state, key table, view).

pub mod cli;
pub mod color;
pub mod commands;
pub mod export;
pub mod graph;
pub mod study;
pub mod text;
pub mod tui;
