//! End to end in tmux, on the embedded graph, at 80x24 and 200x50: a
//! learner's question typed in the query prompt (`:`, `<`, `[` and Tab as a
//! terminal sends them), a hit opened and Back to it, LDA and NTM compared
//! down to their props, a table scrolled both ways, help in each view, and
//! quitting with the terminal left as it was. Skips without tmux unless
//! MLKG_REQUIRE_TMUX is set (CI sets it).

use crate::tmux::{Tmux, left_clean, session};

/// Sends keys, then waits for the screen to show `want`.
fn step(t: &Tmux, keys: &[&str], want: &str) -> String {
    t.keys(keys);
    t.wait(want, |s| s.contains(want))
}

/// Closes the help window and waits until it is gone from over the view, so
/// the next Escape is not read together with this one.
fn close_help(t: &Tmux, view: &str) {
    t.keys(&["Escape"]);
    t.wait("the help closed", |s| {
        s.contains(view) && !s.contains("Keys ·")
    });
}

/// Whether a hit row starting with `mark` (after the pane's border) names `label`,
/// whatever badge comes before it.
fn hit(screen: &str, mark: &str, label: &str) -> bool {
    screen.lines().any(|l| {
        l.strip_prefix('│')
            .and_then(|l| l.strip_prefix(mark))
            .and_then(|l| l.split('│').next())
            .is_some_and(|l| l.trim_end().ends_with(&format!(" {label}")))
    })
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
    assert!(
        s.contains("feature_dim · K-Means") && s.contains(" k · K-Means"),
        "{s}"
    );
    // Another: open its second hit, then Back lands on it.
    t.keys(&["C-u"]);
    t.text(":kind:algorithm solves:topic-modeling");
    step(&t, &[], "2 hits");
    step(&t, &["Down", "Enter"], "Algorithm · ntm");
    t.keys(&["BSpace"]);
    let s = t.wait("NTM selected", |s| {
        s.contains("Query (:)") && hit(s, "› ", "NTM")
    });
    assert!(hit(&s, "  ", "LDA"), "{s}");
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
    close_help(&t, "Compare (c closes)");
    step(&t, &["Escape"], "Algorithm · lda");
    // The table of LDA's first neighbour's relation, scrolled both ways.
    t.keys(&["t"]);
    t.wait("the table", |s| {
        s.contains("Table: Algorithm × Concept by learning style")
            && s.contains("Random Cut Forest")
    });
    step(&t, &["l", "l", "G"], "IP Insights × Unsupervised learning");
    step(&t, &["g", "h", "h"], "BlazingText: Enter opens it");
    step(&t, &["?"], "Table view");
    close_help(&t, "Table: Algorithm");
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
