//! A study session as the explorer runs it: the cards due now with their
//! states (a [`Deck`]), and each answer recorded in the store as it is
//! given (a [`Grading`]), so nothing answered is lost on quit, a signal or
//! a crash. Which progress a graph uses is its [`graph_key`].

use std::collections::HashMap;
use std::path::PathBuf;

use super::cards::{self, Card};
use super::progress::{self, Progress};
use super::schedule::{self, CardState, Grade, Settings};
use super::store::{self, Answer, Recorded, Store, StoreError};
use crate::graph::Graph;

/// The key progress is kept under: `name:NAME` when the graph names
/// itself, else `embedded` or the graph file's canonical path.
pub fn graph_key(graph: &Graph) -> String {
    match &graph.name {
        Some(name) => format!("name:{}", name.trim()),
        None => place_key(graph),
    }
}

/// The key of a graph by where it is: `embedded`, or its file's canonical path.
fn place_key(graph: &Graph) -> String {
    match graph.source.path() {
        Some(p) => std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string(),
        None => "embedded".to_string(),
    }
}

/// Where a graph's progress is: the data folder and the graph's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The data folder holding the database.
    pub dir: PathBuf,
    /// The graph's key in it.
    pub key: String,
    /// The key its progress had before the graph named itself (its place),
    /// adopted when nothing is kept under `key` yet.
    pub earlier: Option<String>,
}

impl Place {
    /// The progress of `graph` in the data folder (`MLKG_DATA_DIR`, ...).
    pub fn of(graph: &Graph) -> Result<Place, StoreError> {
        Ok(Place {
            dir: store::data_dir()?,
            key: graph_key(graph),
            earlier: graph.name.is_some().then(|| place_key(graph)),
        })
    }

    /// Opens the store there.
    pub fn open(&self) -> Result<Store, StoreError> {
        Store::open_adopting(&self.dir, &self.key, self.earlier.as_deref())
    }
}

/// The cards due at a time, in the order to ask them.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    /// Where the progress is kept.
    pub place: Place,
    /// The cards due: reviews first, then today's new cards.
    pub cards: Vec<Card>,
    /// The state of each due card before this session (none for new cards).
    pub before: HashMap<String, CardState>,
    /// The settings in force.
    pub settings: Settings,
    /// Cards generated from the graph in all.
    pub total: usize,
}

impl Deck {
    /// The cards of `graph` due at `now`, from its progress at `place`.
    pub fn open(graph: &Graph, place: Place, now: i64) -> Result<Deck, StoreError> {
        let store = place.open()?;
        let settings = store.settings()?;
        let mut states = store.states()?;
        let introduced = store.introduced_on_day_of(now)?;
        let all = cards::generate(graph);
        let due: Vec<String> =
            schedule::due_ids(cards::new_order(&all), &states, introduced, now, &settings)
                .into_iter()
                .map(str::to_string)
                .collect();
        let total = all.len();
        let mut by_id: HashMap<String, Card> = all.into_iter().map(|c| (c.id.clone(), c)).collect();
        let cards: Vec<Card> = due.iter().filter_map(|id| by_id.remove(id)).collect();
        states.retain(|id, _| due.contains(id));
        Ok(Deck {
            place,
            cards,
            before: states,
            settings,
            total,
        })
    }

    /// A deck of the given cards, all new, for pictures and tests.
    pub fn of_new(place: Place, cards: Vec<Card>, total: usize) -> Deck {
        Deck {
            place,
            cards,
            before: HashMap::new(),
            settings: Settings::default(),
            total,
        }
    }
}

/// An answer to record (or, with `replaces`, a grade to change).
#[derive(Debug, Clone, PartialEq)]
pub struct Grading {
    /// Where the progress is kept.
    pub place: Place,
    /// The card.
    pub card: String,
    /// The kind the card asks about.
    pub kind: String,
    /// The grade.
    pub grade: Grade,
    /// The option ids chosen, comma-separated.
    pub given: String,
    /// Seconds taken.
    pub seconds: f64,
    /// The card's state before the answer (none for a new card).
    pub before: Option<CardState>,
    /// The settings in force.
    pub settings: Settings,
    /// The review this grade replaces and when it was made, if any.
    pub replaces: Option<(i64, i64)>,
}

/// What recording a grade gave: the review and the time it was made at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Graded {
    /// The review, the card's new state and its interval.
    pub recorded: Recorded,
    /// When the review was made.
    pub at: i64,
    /// The grade recorded.
    pub grade: Grade,
}

impl Grading {
    /// Records it in one transaction at `now` (a changed grade keeps the
    /// time of the answer it changes).
    pub fn save(&self, now: i64) -> Result<Graded, StoreError> {
        let mut store = self.place.open()?;
        let answer = Answer {
            card: &self.card,
            kind: &self.kind,
            grade: self.grade,
            given: &self.given,
            seconds: self.seconds,
        };
        let (recorded, at) = match self.replaces {
            Some((review, at)) => {
                let r = store.regrade(review, &answer, self.before.as_ref(), at, &self.settings)?;
                (r, at)
            }
            None => (store.record(&answer, now, &self.settings)?, now),
        };
        Ok(Graded {
            recorded,
            at,
            grade: self.grade,
        })
    }
}

/// The progress figures of `graph` at `now`, from its store at `place`.
pub fn progress_of(graph: &Graph, place: &Place, now: i64) -> Result<Progress, StoreError> {
    let store = place.open()?;
    let settings = store.settings()?;
    progress::progress(&cards::generate(graph), &store, &settings, now)
}
