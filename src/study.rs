//! Study mode: questions generated from the graph's edges, scheduled with
//! FSRS, progress kept in SQLite, and an Anki deck.
//!
//! - [`cards`]: the cards of a graph, one per relation, subject and direction
//!   (with [`wording`] for the questions and [`distract`] for wrong options).
//!   [`truefalse`] adds true-or-false cards for boolean edge properties.
//! - [`schedule`]: grades, FSRS intervals, what is due, the settings.
//! - [`clock`]: days and dates in UTC, and the fixed clock tests set.
//! - [`store`]: the SQLite database of card states and the review log.
//! - [`progress`]: the figures of the progress screen and `study stats`.
//! - [`session`]: the cards due now and answers recorded as they are given.
//! - [`anki`]: the deck in Anki's plain-text import format.

pub mod anki;
pub mod cards;
pub mod clock;
pub mod distract;
pub mod progress;
pub mod schedule;
pub mod session;
pub mod store;
pub mod truefalse;
pub mod wording;

pub use cards::{Card, CardType, Choice, generate};
pub use schedule::{Grade, Settings};
pub use store::{Store, StoreError};
