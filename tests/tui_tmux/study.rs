//! End to end: the study screen of the real binary in a real terminal
//! (tmux). Answer three cards at 80x24 (one by letter, one by number, a
//! "choose N" card by toggling and Enter), change a grade, open a card's
//! subject and come back, read the summary, quit, and check the study store
//! holds the three reviews; and the screens at 200x50.
//!
//! Needs tmux. Without it the tests say so and skip; CI sets
//! MLKG_REQUIRE_TMUX=1, which makes a missing tmux a failure.

use std::path::Path;
use std::process::Command;

use crate::tmux::{Tmux, left_clean, session_with_env};

const NOW: &str = "2027-01-10T09:00:00Z";

fn env(data: &Path) -> String {
    format!("MLKG_DATA_DIR='{}' MLKG_NOW={NOW}", data.display())
}

/// Answers the card on screen: the first option, and for a "choose N"
/// card the second too, then Enter.
fn answer(t: &Tmux, n: usize) -> String {
    let s = t.wait("a question", |s| {
        s.contains(&format!("card {n} of 3"))
            && (s.contains("choose each, then Enter") || s.contains("press its number"))
    });
    if s.contains("choose each, then Enter") {
        t.keys(&["a", "2", "Enter"]);
    } else if n == 2 {
        t.keys(&["1"]);
    } else {
        t.keys(&["a"]);
    }
    t.wait("the feedback", |s| {
        (s.contains("✓ Right") || s.contains("✗ Wrong"))
            && s.contains("answer")
            && s.contains("source")
            && s.contains("saved · next review")
    })
}

#[test]
fn three_cards_answered_graded_and_kept_in_the_store_at_80x24() {
    let data = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start_sized(
        "study",
        &session_with_env(&env(data.path()), "study --new-per-day 3"),
        80,
        24,
    ) else {
        return;
    };
    let s = answer(&t, 1);
    assert!(s.contains("suggested"), "a grade is suggested:\n{s}");
    // Another grade with one key: the review is rewritten, not added.
    t.keys(&["4"]);
    t.wait("the grade changed to Easy and saved", |s| {
        s.lines()
            .any(|l| l.contains("saved · next review in") && l.contains(" days ("))
    });
    // The subject in the explorer, and back to the same card.
    t.keys(&["o"]);
    t.wait("the subject in the explorer", |s| {
        s.contains("study paused") && !s.contains("card 1 of 3")
    });
    t.keys(&["BSpace"]);
    t.wait("back on the card's feedback", |s| {
        s.contains("card 1 of 3") && s.contains("saved · next review")
    });
    t.keys(&["Enter"]);
    answer(&t, 2);
    t.keys(&["Enter"]);
    answer(&t, 3);
    t.keys(&["Enter"]);
    let s = t.wait("the summary", |s| {
        s.contains("the session is over") && s.contains("3 answered")
    });
    assert!(s.contains("saved   3 answers"), "{s}");
    t.keys(&["q"]);
    left_clean(&t);
    let out = Command::new(env!("CARGO_BIN_EXE_mlkg"))
        .args(["study", "stats", "--json"])
        .env("MLKG_DATA_DIR", data.path())
        .env("MLKG_NOW", NOW)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["reviews"], 3, "three reviews, one per card: {stats}");
    assert_eq!(
        stats["unseen"],
        stats["cards"].as_u64().unwrap() - 3,
        "{stats}"
    );
}

#[test]
fn the_study_and_progress_screens_at_200x50() {
    let data = tempfile::tempdir().unwrap();
    let Some(t) = Tmux::start_sized(
        "study-wide",
        &session_with_env(&env(data.path()), "explore xgboost"),
        200,
        50,
    ) else {
        return;
    };
    t.wait("the explorer", |s| s.contains("s study"));
    t.keys(&["s"]);
    // The whole frame: the question and its keys in the footer.
    t.wait("a question with its keys in the footer", |s| {
        s.contains("card 1 of 20") && s.contains("1-6/a-f choose")
    });
    t.keys(&["S"]);
    let s = t.wait("the progress screen", |s| {
        s.contains("Reviews due per day") && s.contains("+13") && s.contains("0 learning")
    });
    assert!(s.contains("Retention"), "{s}");
    t.keys(&["Escape"]);
    t.wait("back on the question", |s| s.contains("card 1 of 20"));
    t.keys(&["Escape"]);
    t.wait("the explorer again", |s| s.contains("study paused"));
    t.keys(&["q"]);
    left_clean(&t);
}
