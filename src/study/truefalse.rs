//! True-or-false cards from boolean edge properties. Where an edge of a
//! relation states a property (`required: "true"`), every edge of that
//! relation from the same node is asked about: the ones that do not state it
//! are the false cases ("K-Means has hyperparameter mini_batch_size. Is it
//! required?" False).

use std::collections::{BTreeSet, HashSet};

use super::cards::{Card, CardType, Choice};
use super::distract::Facts;
use super::wording;
use crate::graph::Graph;

/// Adds the true-or-false cards of one relation.
pub fn push_prop_cards(graph: &Graph, facts: &Facts, rel_id: &str, cards: &mut Vec<Card>) {
    let edges: Vec<_> = graph
        .edge_triples()
        .enumerate()
        .filter(|(_, (_, d, _))| d.rel == rel_id)
        .collect();
    let props: BTreeSet<&str> = edges
        .iter()
        .flat_map(|(_, (_, d, _))| d.props.iter())
        .filter(|(_, v)| is_bool(v))
        .map(|(k, _)| k.as_str())
        .collect();
    let label = graph.rel_label(rel_id);
    for prop in props {
        let stating: HashSet<&str> = edges
            .iter()
            .filter(|(_, (_, d, _))| d.props.get(prop).is_some_and(|v| is_bool(v)))
            .map(|(_, (from, _, _))| from.id.as_str())
            .collect();
        for (e, (from, data, to)) in &edges {
            if !stating.contains(from.id.as_str()) {
                continue;
            }
            let value = data.props.get(prop).is_some_and(|v| v == "true");
            let truth = if value { "true" } else { "false" };
            cards.push(Card {
                id: format!("is:{}:{rel_id}:{}:{prop}", from.id, to.id),
                prompt: wording::prop_question(&from.label, label, &to.label, prop),
                kind: CardType::Truefalse,
                options: vec![
                    Choice {
                        id: "true".into(),
                        label: "True".into(),
                    },
                    Choice {
                        id: "false".into(),
                        label: "False".into(),
                    },
                ],
                answers: vec![truth.into()],
                subject: from.id.to_string(),
                rel: rel_id.to_string(),
                direction: "out",
                source: from.sources.clone(),
                correct: vec![if value { "True" } else { "False" }.into()],
                notes: match facts.notes[*e] {
                    "" => vec![],
                    note => vec![format!("{}: {note}", to.label)],
                },
                answer_kind: to.kind.to_string(),
            });
        }
    }
}

fn is_bool(v: &str) -> bool {
    v == "true" || v == "false"
}
