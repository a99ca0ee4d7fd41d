//! The cards of a graph. Each relation read each way gives one multiple-choice
//! card per subject ("Which formats does XGBoost accept? (choose 4)"), and a
//! boolean edge property gives true-or-false cards ("K-Means has
//! hyperparameter k. Is it required?"). A card's id names its template,
//! subject, relation and direction, so it stays the same across runs and
//! graph edits; its options are chosen and ordered by a hash of that id.

use std::collections::HashSet;

use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use super::distract::Facts;
use super::wording::{self, Direction};
use crate::graph::Graph;

/// The most correct answers a card shows; the others are listed in feedback.
pub const MAX_SHOWN_ANSWERS: usize = 4;

/// How a card is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CardType {
    /// One right option.
    Choice,
    /// Several right options ("choose 2").
    Multi,
    /// True or false.
    Truefalse,
}

/// One option of a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// A node id, or `true` / `false`.
    pub id: String,
    /// What the learner reads.
    pub label: String,
}

/// A question generated from the graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    /// Stable id: `which:SUBJECT:REL:DIR` or `is:FROM:REL:TO:PROP`.
    pub id: String,
    /// The question.
    pub prompt: String,
    /// How it is answered.
    #[serde(rename = "type")]
    pub kind: CardType,
    /// The options, in the order shown.
    pub options: Vec<Choice>,
    /// Ids of the right options.
    pub answers: Vec<String>,
    /// The node asked about.
    pub subject: String,
    /// The relation.
    pub rel: String,
    /// `out` when the subject is the edges' `from`, `in` when it is their `to`.
    pub direction: &'static str,
    /// Where the facts come from: the subject's sources.
    pub source: Vec<String>,
    /// Every correct answer by label, including any not among the options.
    pub correct: Vec<String>,
    /// The notes of the edges behind the answer ("XGBoost → CSV: ...").
    pub notes: Vec<String>,
    /// The kind of the answers (the subject's kind for true-or-false cards).
    pub answer_kind: String,
}

impl Card {
    /// Whether a set of chosen option ids is exactly the right set.
    pub fn is_right(&self, chosen: &[String]) -> bool {
        let mut a: Vec<&str> = chosen.iter().map(String::as_str).collect();
        let mut b: Vec<&str> = self.answers.iter().map(String::as_str).collect();
        a.sort_unstable();
        a.dedup();
        b.sort_unstable();
        a == b
    }
}

/// Every card of a graph, relation by relation in declaration order.
pub fn generate(graph: &Graph) -> Vec<Card> {
    let facts = Facts::new(graph);
    let mut cards = Vec::new();
    for (rel_id, rel) in &graph.relations {
        for dir in [Direction::Out, Direction::In] {
            if dir == Direction::In && rel.symmetric {
                continue;
            }
            for subject in 0..facts.nodes.len() {
                if !facts.answers(rel_id, dir, subject).is_empty()
                    && let Some(card) = which_card(graph, &facts, rel_id, dir, subject)
                {
                    cards.push(card);
                }
            }
        }
        super::truefalse::push_prop_cards(graph, &facts, rel_id, &mut cards);
    }
    cards
}

/// The order new cards are introduced in: mixed across relations and
/// subjects, the same on every run.
pub fn new_order(cards: &[Card]) -> Vec<&str> {
    let mut ids: Vec<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    ids.sort_by_cached_key(|id| xxh3_64(id.as_bytes()));
    ids
}

/// A stable pseudo-random number for an item of a card.
pub fn stable_hash(card_id: &str, item: &str) -> u64 {
    xxh3_64(format!("{card_id}\u{1f}{item}").as_bytes())
}

fn which_card(
    graph: &Graph,
    facts: &Facts,
    rel_id: &str,
    dir: Direction,
    subject: usize,
) -> Option<Card> {
    let rel = graph.relation(rel_id)?;
    let node = facts.nodes[subject];
    let id = format!("which:{}:{rel_id}:{}", node.id, dir.as_str());
    let hash = |item: &str| stable_hash(&id, item);
    let mut correct: Vec<usize> = facts
        .answers(rel_id, dir, subject)
        .iter()
        .map(|&(a, _)| a)
        .collect();
    let mut shown = correct.clone();
    shown.sort_by_cached_key(|&a| hash(&facts.nodes[a].id));
    let mut seen = HashSet::new();
    shown.retain(|&a| seen.insert(facts.nodes[a].label.trim().to_lowercase()));
    shown.truncate(MAX_SHOWN_ANSWERS);
    let kinds: HashSet<&str> = correct
        .iter()
        .map(|&a| facts.nodes[a].kind.as_str())
        .collect();
    let right = facts.right_by_any_reading(rel_id, dir, subject);
    let mut names: HashSet<String> = correct
        .iter()
        .map(|&a| facts.nodes[a].label.trim().to_lowercase())
        .collect();
    let wanted = (shown.len() + 2).max(4) - shown.len();
    let wrong: Vec<usize> = facts
        .distractors(rel_id, dir, subject, &kinds, &right, hash)
        .into_iter()
        .filter(|&d| names.insert(facts.nodes[d].label.trim().to_lowercase()))
        .take(wanted)
        .collect();
    if wrong.is_empty() {
        return None;
    }
    let mut options: Vec<usize> = shown.iter().chain(&wrong).copied().collect();
    options.sort_by_cached_key(|&o| hash(&format!("order:{}", facts.nodes[o].id)));
    let mut kind_ids: Vec<&str> = kinds.into_iter().collect();
    kind_ids.sort_by_key(|k| graph.kinds.get_index_of(*k));
    let kind_names: Vec<String> = kind_ids
        .iter()
        .map(|k| wording::plural(graph.kind_label(k)))
        .collect();
    let mut prompt = wording::question(rel, dir, &node.label, &wording::either(&kind_names));
    if shown.len() > 1 {
        prompt.push_str(&format!(" (choose {})", shown.len()));
    }
    correct.sort_unstable();
    let notes = facts
        .answers(rel_id, dir, subject)
        .iter()
        .filter(|&&(_, e)| !facts.notes[e].is_empty())
        .map(|&(a, e)| format!("{}: {}", facts.nodes[a].label, facts.notes[e]))
        .collect();
    Some(Card {
        prompt,
        kind: if shown.len() > 1 {
            CardType::Multi
        } else {
            CardType::Choice
        },
        options: options
            .iter()
            .map(|&o| Choice {
                id: facts.nodes[o].id.to_string(),
                label: facts.nodes[o].label.clone(),
            })
            .collect(),
        answers: shown
            .iter()
            .map(|&a| facts.nodes[a].id.to_string())
            .collect(),
        subject: node.id.to_string(),
        rel: rel_id.to_string(),
        direction: dir.as_str(),
        source: node.sources.clone(),
        correct: correct
            .iter()
            .map(|&a| facts.nodes[a].label.clone())
            .collect(),
        notes,
        answer_kind: kind_ids.first().map_or(String::new(), |k| k.to_string()),
        id,
    })
}
