//! What the command line lists about edges and same-named nodes: each
//! neighbour's edge props and note, in text and JSON, and a shared label
//! followed by the node it belongs to.

use super::{json, mlkg, small, stdout};

/// The line of a listing that names an id (ids end a node's columns).
fn line_with<'a>(text: &'a str, id: &str) -> &'a str {
    text.lines()
        .find(|l| l.split("  ").any(|col| col == id))
        .unwrap_or_else(|| panic!("no line for {id} in:\n{text}"))
}

#[test]
fn neighbors_and_show_end_each_line_with_the_edges_props_and_note() {
    for command in ["neighbors", "show"] {
        let text = stdout(&mut small(&[command, "kmeans"]));
        let line = |id| line_with(&text, id);
        assert!(line("kmeans.k").ends_with("  required=true"), "{text}");
        assert!(line("cpu").ends_with("  — recommended"), "{text}");
        assert!(line("csv").ends_with("  csv"), "{text}");
    }
}

#[test]
fn neighbors_json_gives_each_edges_note_and_props() {
    let v = json(&mut small(&["neighbors", "kmeans", "--json"]));
    let via = |id: &str| {
        let item = v
            .as_array()
            .expect("an array")
            .iter()
            .find(|n| n["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing from {v}"));
        item["via"].clone()
    };
    assert_eq!(via("kmeans.k")["props"]["required"], "true");
    assert_eq!(via("kmeans.k")["note"], "");
    assert_eq!(via("cpu")["note"], "recommended");
    assert_eq!(via("cpu")["props"], serde_json::json!({}));
}

#[test]
fn same_named_nodes_are_told_apart_by_their_owner_in_every_listing() {
    let (km, kn) = ("k · K-Means", "k · k-NN");
    let lists: [(&[&str], &[&str]); 5] = [
        (&["neighbors", "kmeans", "--rel", "hyperparameter"], &[km]),
        (&["neighbors", "knn", "--rel", "hyperparameter"], &[kn]),
        (&["show", "kmeans"], &[km]),
        (&["search", "k", "--kind", "hyperparameter"], &[km, kn]),
        (&["query", "kind:hyperparameter"], &[km, kn]),
    ];
    for (args, names) in lists {
        let text = stdout(mlkg().args(args));
        for name in names {
            assert!(text.contains(name), "{args:?} lacks {name}:\n{text}");
        }
    }
    let path = stdout(mlkg().args(["path", "kmeans.k", "knn.k"]));
    let first = path.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("k · K-Means ") && first.ends_with(" k · k-NN"),
        "{path}"
    );
    let compare = stdout(mlkg().args(["compare", "kmeans.k", "knn.k"]));
    assert!(compare.contains("only k · K-Means"), "{compare}");
    assert!(compare.contains("only k · k-NN"), "{compare}");
}

#[test]
fn an_ambiguous_name_lists_its_candidates_by_owner() {
    let out = mlkg()
        .args(["neighbors", "k"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.contains("k · K-Means"), "{err}");
    assert!(err.contains("k · k-NN"), "{err}");
}

#[test]
fn search_rows_with_one_label_differ_before_their_kind_column() {
    let text = stdout(mlkg().args(["search", "learning_rate", "--kind", "hyperparameter"]));
    let names: Vec<&str> = text
        .lines()
        .map(|l| l.split("  ").next().unwrap_or_default().trim_end())
        .collect();
    assert!(names.len() > 2, "{text}");
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "{text}");
}
