//! The wording of study questions: a relation's own `question` or
//! `inverse_question` when the graph gives one, else a sentence built from
//! the relation's label ("Which formats does XGBoost accept?").

use crate::graph::Relation;

/// Which way a question reads an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// Asked of the edge's `from` node: "Which formats does XGBoost accept?"
    Out,
    /// Asked of the edge's `to` node: "Which algorithms accept CSV?"
    In,
}

impl Direction {
    /// `out` or `in`, as card ids and JSON write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Out => "out",
            Direction::In => "in",
        }
    }
}

/// The question for a subject, a relation read one way, and the answers'
/// kinds ("formats", "tasks or concepts").
pub fn question(rel: &Relation, dir: Direction, subject: &str, kinds: &str) -> String {
    let own = match dir {
        Direction::Out => &rel.question,
        Direction::In => &rel.inverse_question,
    };
    let template = if own.trim().is_empty() {
        default_template(&rel.label, dir)
    } else {
        own.clone()
    };
    template
        .replace("{kinds}", kinds)
        .replace("{subject}", subject)
}

/// The true-or-false question about an edge's boolean property:
/// "K-Means has hyperparameter k. Is it required?"
pub fn prop_question(from: &str, label: &str, to: &str, prop: &str) -> String {
    format!("{from} {label} {to}. Is it {}?", prop.replace('_', " "))
}

fn default_template(label: &str, dir: Direction) -> String {
    let label = label.trim();
    let (first, rest) = label.split_once(' ').unwrap_or((label, ""));
    let rest_sp = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    match dir {
        Direction::Out => match first {
            "is" | "are" => format!("Which {{kinds}} is {{subject}}{rest_sp}?"),
            "does" | "do" => format!("Which {{kinds}} does {{subject}}{rest_sp}?"),
            "has" | "have" => format!("Which {{kinds}} does {{subject}} have{rest_sp}?"),
            w if is_verb(w) => format!("Which {{kinds}} does {{subject}} {}{rest_sp}?", base(w)),
            _ => format!("Which {{kinds}} is {{subject}} {label}?"),
        },
        Direction::In => match first {
            "is" | "are" => format!("Which {{kinds}} are{rest_sp} {{subject}}?"),
            "does" | "do" => format!("Which {{kinds}} do{rest_sp} {{subject}}?"),
            "has" | "have" => format!("Which {{kinds}} have{rest_sp} {{subject}}?"),
            w if is_verb(w) => format!("Which {{kinds}} {}{rest_sp} {{subject}}?", base(w)),
            _ => format!("Which {{kinds}} are {label} {{subject}}?"),
        },
    }
}

/// Whether a label's first word reads as a verb in the third person ("accepts").
fn is_verb(word: &str) -> bool {
    word.len() > 2 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// The plain form of a verb in the third person: "accepts" → "accept",
/// "reaches" → "reach".
fn base(word: &str) -> &str {
    for ending in ["sses", "ches", "shes", "xes", "zzes"] {
        if word.ends_with(ending) {
            return &word[..word.len() - 2];
        }
    }
    &word[..word.len() - 1]
}

/// Names joined as alternatives: "tasks or concepts", "a, b or c".
pub fn either(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// A kind's label in the plural, lower case unless it is an acronym:
/// "Format" → "formats", "Input mode" → "input modes".
pub fn plural(label: &str) -> String {
    let label = label.trim();
    let mut chars = label.chars();
    let lowered = match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => a
            .to_lowercase()
            .chain(label[a.len_utf8()..].chars())
            .collect(),
        _ => label.to_string(),
    };
    let lower = lowered.to_lowercase();
    if lower.ends_with('s')
        || lower.ends_with('x')
        || lower.ends_with("ch")
        || lower.ends_with("sh")
    {
        format!("{lowered}es")
    } else if lower.ends_with('y') && !lower.ends_with("ay") && !lower.ends_with("ey") {
        format!("{}ies", &lowered[..lowered.len() - 1])
    } else {
        format!("{lowered}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(label: &str) -> Relation {
        Relation {
            label: label.into(),
            ..Relation::default()
        }
    }

    #[test]
    fn default_questions_read_as_english() {
        use Direction::{In, Out};
        let cases = [
            ("accepts", Out, "Which formats does X accept?"),
            ("accepts", In, "Which formats accept X?"),
            ("trains on", Out, "Which formats does X train on?"),
            ("does not support", Out, "Which formats does X not support?"),
            ("does not support", In, "Which formats do not support X?"),
            ("part of", In, "Which formats are part of X?"),
            ("related to", Out, "Which formats is X related to?"),
        ];
        for (label, dir, expected) in cases {
            assert_eq!(question(&rel(label), dir, "X", "formats"), expected);
        }
    }

    #[test]
    fn a_relation_s_own_wording_wins() {
        let r = Relation {
            label: "is a".into(),
            question: "What is {subject} a kind of?".into(),
            inverse_question: "Which {kinds} are kinds of {subject}?".into(),
            ..Relation::default()
        };
        assert_eq!(
            question(&r, Direction::Out, "ReLU", "x"),
            "What is ReLU a kind of?"
        );
        assert_eq!(
            question(&r, Direction::In, "CNN", "techniques"),
            "Which techniques are kinds of CNN?"
        );
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("Format"), "formats");
        assert_eq!(plural("Input mode"), "input modes");
        assert_eq!(plural("Technique"), "techniques");
        assert_eq!(plural("Class"), "classes");
        assert_eq!(plural("Property"), "properties");
        assert_eq!(plural("GPU"), "GPUs");
    }
}
