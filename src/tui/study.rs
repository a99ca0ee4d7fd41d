//! The study screens' work with the outside world, done by the event loop:
//! reading the cards due, recording an answer, reading the progress
//! figures. Each reads the clock (`MLKG_NOW` fixes it) and opens the study
//! store for the graph shown; each result comes back as an event.

use super::event::Event;
use crate::graph::Graph;
use crate::study::clock;
use crate::study::session::{self, Deck, Graded, Grading, Place};

/// The cards of `graph` due now.
pub fn open(graph: &Graph) -> Event {
    let result = now().and_then(|now| {
        let place = Place::of(graph).map_err(|e| e.to_string())?;
        Deck::open(graph, place, now).map_err(|e| e.to_string())
    });
    Event::StudyOpened(Box::new(result))
}

/// Records an answer (or changes its grade) in one transaction.
pub fn grade(grading: &Grading) -> Event {
    let result: Result<Graded, String> =
        now().and_then(|now| grading.save(now).map_err(|e| e.to_string()));
    Event::StudyGraded(result)
}

/// The progress figures of `graph` now.
pub fn progress(graph: &Graph) -> Event {
    let result = now().and_then(|now| {
        let place = Place::of(graph).map_err(|e| e.to_string())?;
        session::progress_of(graph, &place, now).map_err(|e| e.to_string())
    });
    Event::ProgressLoaded(Box::new(result))
}

fn now() -> Result<i64, String> {
    clock::now()
}
