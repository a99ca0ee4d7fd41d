//! The query language's errors: each points at its term with a caret and
//! says what was expected, or "did you mean" for an unknown name.

use std::path::Path;

use mlkg::graph::Graph;
use mlkg::graph::ask::{self, AskError};
use mlkg::graph::load::load_path;

fn fixture() -> Graph {
    load_path(Path::new("tests/fixtures/ask.ron"))
        .expect("fixture loads")
        .graph
}

fn err(graph: &Graph, query: &str) -> AskError {
    match ask::run(graph, query) {
        Ok(found) => panic!("{query} should fail, listed {} nodes", found.len()),
        Err(e) => e,
    }
}

/// The text under the caret of an error.
fn marked<'a>(query: &'a str, e: &AskError) -> &'a str {
    &query[e.span.start..e.span.end]
}

#[test]
fn each_syntax_error_points_at_the_term_and_says_what_was_expected() {
    let g = fixture();
    let cases: &[(&str, &str, &str)] = &[
        // (query, text under the caret, part of the message)
        ("", "", "the query is empty"),
        ("   ", "", "the query is empty"),
        ("kind:", "", "expected a kind after `kind:`, found the end"),
        (
            "kind:algorithm accepts:",
            "",
            "expected a node, `*` or `=NODE`",
        ),
        (
            "accepts:= kind:format",
            " ",
            "expected a node after `=`, found a space",
        ),
        ("accepts", "", "expected `:` after a kind or relation"),
        ("- kind:format", " ", "expected a term after `-`"),
        ("<:csv", ":", "expected a relation after `<`"),
        ("<learning=x", "=", "expected `:` after the relation"),
        (
            "accepts:csv[required]",
            "]",
            "expected `=` after the prop name",
        ),
        ("accepts:csv[note=x", "", "expected `,` or `]`"),
        ("accepts:csv]", "]", "expected a space before the next term"),
        ("accepts:csv|", "|", "an empty alternative"),
        ("kind:algorithm|", "|", "an empty alternative"),
        ("kind:algorithm| accepts:csv", "|", "an empty alternative"),
        ("accepts:csv||json", "|", "an empty alternative"),
        ("accepts:\"csv", "\"", "never closed"),
        ("accepts:\"\"", "\"\"", "found an empty name"),
        ("learning=", "", "expected a value after `=`"),
        ("kind:algorithm :x", ":", "expected a term"),
    ];
    for (query, under, message) in cases {
        let e = err(&g, query);
        assert!(
            e.message.contains(message),
            "{query:?}: {:?} lacks {message:?}",
            e.message
        );
        assert_eq!(marked(query, &e), *under, "{query:?}: caret");
    }
}

#[test]
fn unknown_names_say_did_you_mean() {
    let g = fixture();
    let cases: &[(&str, &str, &str, &str)] = &[
        // (query, text under the caret, message, help)
        (
            "kind:algoritm",
            "algoritm",
            "no kind \"algoritm\"",
            "did you mean \"algorithm\"?",
        ),
        (
            "kind:zzz",
            "zzz",
            "no kind \"zzz\"",
            "its kinds are: algorithm, format",
        ),
        (
            "acepts:csv",
            "acepts",
            "no relation \"acepts\"",
            "did you mean \"accepts\"?",
        ),
        (
            "<trainz:alpha",
            "trainz",
            "no relation \"trainz\"",
            "did you mean \"trains_on\"?",
        ),
        (
            "<zzzzzz:alpha",
            "zzzzzz",
            "no relation \"zzzzzz\"",
            "its relations are: accepts, input_mode",
        ),
        (
            "i:cpu",
            "i",
            "\"i\" starts several relations",
            "give more of it: input_mode, is_a",
        ),
        (
            "accepts:qqqq",
            "qqqq",
            "no node \"qqqq\"",
            "`mlkg search WORDS` finds nodes",
        ),
        (
            "accepts:recordio-protxxxx",
            "recordio-protxxxx",
            "no node \"recordio-protxxxx\"",
            "did you mean protobuf (RecordIO-protobuf, format)?",
        ),
        (
            "accepts:*[zzzzzz=1]",
            "zzzzzz",
            "no edge prop \"zzzzzz\"",
            "the edge props are: required",
        ),
        (
            "<hyperparameter:k",
            "k",
            "\"k\" names several nodes",
            "alpha.k (k, hyperparameter), beta.k",
        ),
        (
            "contrasts:Delta",
            "Delta",
            "names several nodes",
            "delta (Delta, algorithm), delta-concept",
        ),
        (
            "<hyperparameter:*[requird=true]",
            "requird",
            "no edge prop \"requird\"",
            "did you mean \"required\"?",
        ),
        (
            "lerning=supervised",
            "lerning",
            "no node prop \"lerning\"",
            "did you mean \"learning\"?",
        ),
    ];
    for (query, under, message, help) in cases {
        let e = err(&g, query);
        assert!(e.message.contains(message), "{query}: {:?}", e.message);
        assert!(
            e.help.as_deref().unwrap_or("").contains(help),
            "{query}: {:?} lacks {help:?}",
            e.help
        );
        assert_eq!(marked(query, &e), *under, "{query}: caret");
    }
}

#[test]
fn an_error_renders_the_query_with_a_caret_under_the_term() {
    let g = fixture();
    let query = "kind:algorithm acepts:csv";
    let shown = err(&g, query).render(query);
    assert_eq!(
        shown,
        "bad query: no relation \"acepts\" in this graph\n  kind:algorithm acepts:csv\n                 ^^^^^^\n  = did you mean \"accepts\"?"
    );
    // Columns count characters as the terminal shows them, not bytes.
    let query = "accepts:\"é\"x";
    let shown = err(&g, query).render(query);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[2], format!("  {}^", " ".repeat(11)), "{shown}");
    let query = "accepts:\"日本\"x";
    let shown = err(&g, query).render(query);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines[2], format!("  {}^", " ".repeat(14)), "{shown}");
}

#[test]
fn a_huge_query_is_shown_as_a_window_around_its_error() {
    let g = fixture();
    let name = "z".repeat(100_000);
    let cut = format!("{}…", "z".repeat(39));
    let cases = [
        // (query, the query's line, spaces before the caret, carets)
        (format!("kind:{name}"), format!("kind:{cut}"), 5, 40),
        (
            format!("accepts:{name} kind:algorithm"),
            format!("accepts:{cut} kind:algorithm"),
            8,
            40,
        ),
        (
            format!("{}accepts:", "kind:algorithm ".repeat(5_000)),
            "…d:algorithm accepts:".to_string(),
            21,
            1,
        ),
    ];
    for (query, line, before, carets) in cases {
        let shown = err(&g, &query).render(&query);
        assert!(shown.len() < 1_000, "{} bytes", shown.len());
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[1], format!("  {line}"), "{shown}");
        let caret = format!("  {}{}", " ".repeat(before), "^".repeat(carets));
        assert_eq!(lines[2], caret, "{shown}");
        assert!(!lines[0].contains(&"z".repeat(81)), "{}", lines[0]);
    }
    // A query of up to 80 characters is shown whole.
    let query = format!("{}accepts:", "kind:algorithm ".repeat(4));
    let shown = err(&g, &query).render(&query);
    assert_eq!(shown.lines().nth(1), Some(format!("  {query}").as_str()));
}
