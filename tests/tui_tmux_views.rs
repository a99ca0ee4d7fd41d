//! End to end in tmux, on the embedded graph, at 80x24 and 200x50: a
//! learner's question typed in the query prompt (`:`, `<`, `[` and Tab as a
//! terminal sends them), a hit opened and Back to it, LDA and NTM compared
//! down to their props, a table scrolled both ways, help in each view, and
//! quitting with the terminal left as it was. Skips without tmux unless
//! MLKG_REQUIRE_TMUX is set (CI sets it).

#[path = "common/tmux.rs"]
mod tmux;

use tmux::{Tmux, left_clean, row_with, session};

/// Sends keys, then waits for the screen to show `want`.
fn step(t: &Tmux, keys: &[&str], want: &str) -> String {
    t.keys(keys);
    t.wait(want, |s| s.contains(want))
}

fn walk(w: u16, h: u16) {
    let Some(t) = Tmux::start_sized(&format!("views{w}"), &session(""), w, h) else {
        return;
    };
    t.wait("the explorer", |s| s.contains("Search (/)"));
    // A question, completed with Tab inside its brackets.
    step(&t, &[":"], "Query (:)");
    t.text("<hyperparameter:kmeans[req");
    t.wait("the edge prop offered", |s| s.contains("Tab: required="));
    t.keys(&["Tab"]);
    t.text("true]");
    let s = t.wait("K-Means' required hyperparameters", |s| {
        s.contains("2 hits")
    });
    assert!(s.contains("feature_dim") && s.contains("Hype k "), "{s}");
    // Another: open its second hit, then Back lands on it.
    t.keys(&["C-u"]);
    t.text(":kind:algorithm solves:topic-modeling");
    step(&t, &[], "2 hits");
    step(&t, &["Down", "Enter"], "Algorithm · ntm");
    let s = step(&t, &["BSpace"], "Query (:)");
    let s = if s.contains("› Algo NTM") {
        s
    } else {
        t.wait("NTM selected", |s| s.contains("› Algo NTM"))
    };
    assert!(row_with(&s, "Algo LDA").is_some(), "{s}");
    // Mark NTM, open LDA, compare: the props are reachable at the bottom.
    step(&t, &["Enter"], "Algorithm · ntm");
    step(&t, &["m"], "marked NTM");
    step(&t, &["BSpace", "Up", "Enter"], "Algorithm · lda");
    let s = step(&t, &["c"], "Compare (c closes)");
    assert!(
        s.contains("NTM [algorithm]") && s.contains("LDA [algorithm]"),
        "{s}"
    );
    step(&t, &["End"], "observation — NTM: · · LDA: document");
    step(&t, &["?"], "Compare view");
    step(&t, &["Escape"], "Compare (c closes)");
    step(&t, &["Escape"], "Algorithm · lda");
    // The table of LDA's first neighbour's relation, scrolled both ways.
    let s = step(&t, &["t"], "Table: Algorithm × Concept by learning style");
    assert!(s.contains("Random Cut Forest"), "{s}");
    step(&t, &["l", "l", "G"], "IP Insights × Unsupervised learning");
    step(&t, &["g", "h", "h"], "BlazingText: Enter opens it");
    step(&t, &["?"], "Table view");
    step(&t, &["Escape"], "Table: Algorithm");
    step(&t, &["Escape"], "Algorithm · lda");
    t.keys(&["q"]);
    left_clean(&t);
}

#[test]
fn a_question_compare_and_table_in_a_real_80x24_terminal() {
    walk(80, 24);
}

#[test]
fn a_question_compare_and_table_in_a_real_200x50_terminal() {
    walk(200, 50);
}
