//! Diagnostics on hostile graph files stay bounded, survive non-ASCII text and
//! point at the right column: rows 2 and 16 of docs/robustness.md.

use std::path::PathBuf;

use assert_cmd::Command;
use mlkg::graph::load::load_str;
use mlkg::graph::{Diagnostic, LoadError, SHOWN_PER_KIND, Source};
use unicode_width::UnicodeWidthStr;

const HEAD: &str = "(\n    kinds: {\"k\": (label: \"K\")},\n    relations: {\"r\": (label: \"r\", inverse: \"r by\")},\n";

/// The diagnostics of an invalid text (panics if it loads).
fn problems(text: &str) -> Vec<Diagnostic> {
    match load_str(text, Source::File(PathBuf::from("hostile.ron"))) {
        Err(LoadError::Invalid { diagnostics, .. }) => diagnostics,
        Ok(_) => panic!("must not load"),
        Err(e) => panic!("unexpected {e}"),
    }
}

/// A graph of two nodes and `copies` times the same edge.
fn duplicate_edges(copies: usize) -> String {
    let mut text = format!(
        "{HEAD}    nodes: [(id: \"a\", kind: \"k\", label: \"A\"), (id: \"b\", kind: \"k\", label: \"B\")],\n    edges: [\n"
    );
    for _ in 0..copies {
        text.push_str("        (from: \"a\", rel: \"r\", to: \"b\"),\n");
    }
    text.push_str("    ],\n)\n");
    text
}

/// A graph of `count` nodes with empty labels, each linked to the next.
fn empty_labels(count: usize) -> String {
    let mut text = format!("{HEAD}    nodes: [\n");
    for i in 0..count {
        text.push_str(&format!(
            "        (id: \"n{i}\", kind: \"k\", label: \"\"),\n"
        ));
    }
    text.push_str("    ],\n    edges: [\n");
    for i in 1..count {
        text.push_str(&format!(
            "        (from: \"n{}\", rel: \"r\", to: \"n{i}\"),\n",
            i - 1
        ));
    }
    text.push_str("    ],\n)\n");
    text
}

// Row 16: diagnostics are bounded per kind of problem.
#[test]
fn row16_many_duplicate_edges_list_a_bounded_number_and_count_the_rest() {
    let copies = 50_000;
    let d = problems(&duplicate_edges(copies));
    // The first edge is the original: every other copy is a duplicate.
    let duplicates = copies - 1;
    assert_eq!(
        d.len(),
        SHOWN_PER_KIND + 1,
        "listed, then one line for the rest"
    );
    let summary = d.last().unwrap();
    assert_eq!(summary.more, duplicates - SHOWN_PER_KIND - 1);
    assert!(
        summary
            .message
            .contains(&format!("{} more", duplicates - SHOWN_PER_KIND)),
        "{summary}"
    );
    assert!(summary.help.as_deref().unwrap_or("").contains("first"));
    let total: usize = d.iter().map(|d| 1 + d.more).sum();
    assert_eq!(total, duplicates, "every duplicate is counted");
    // The listed ones come first in the file, the summary points at the next.
    assert!(d.windows(2).all(|w| w[0].line < w[1].line));
}

#[test]
fn row16_many_empty_labels_are_bounded_too_and_other_kinds_still_show() {
    let mut text = empty_labels(20_000);
    // One problem of another kind, after all the empty labels.
    text = text.replace(
        "(from: \"n0\", rel: \"r\", to: \"n1\")",
        "(from: \"n0\", rel: \"r\", to: \"nowhere\")",
    );
    let d = problems(&text);
    let empty: Vec<&Diagnostic> = d
        .iter()
        .filter(|d| d.message.contains("empty label"))
        .collect();
    assert_eq!(empty.len(), SHOWN_PER_KIND + 1);
    assert_eq!(
        empty.iter().map(|d| 1 + d.more).sum::<usize>(),
        20_000,
        "every empty label is counted"
    );
    assert!(
        d.iter().any(|d| d.message.contains("no node \"nowhere\"")),
        "a rarer problem is not drowned"
    );
}

#[test]
fn row16_check_prints_a_bounded_report_and_the_true_count() {
    let dir = tempfile::tempdir().unwrap();
    // A long path: each listed diagnostic repeats it.
    let deep = dir.path().join("d".repeat(200)).join("e".repeat(200));
    std::fs::create_dir_all(&deep).unwrap();
    let path = deep.join("many.ron");
    std::fs::write(&path, duplicate_edges(50_000)).unwrap();
    let out = Command::cargo_bin("mlkg")
        .unwrap()
        .env("MLKG_NO_CACHE", "1")
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.len() < 64 * 1024,
        "{} bytes of diagnostics for one kind of problem",
        stderr.len()
    );
    assert!(
        stderr.contains("49999 error(s)"),
        "{}",
        &stderr[stderr.len() - 300..]
    );
}

// Row 2: recovery after non-ASCII text, and the caret under wide characters.
#[test]
fn row2_errors_after_non_ascii_text_are_all_found() {
    let text = format!(
        "{HEAD}    nodes: [\n        (id: \"a\", kind: \"k\", label: \"{}\"),\n        (id: \"b\", kind: \"k\" label: \"B\"),\n        (id: \"c\", kind: \"nope\", label: \"C\"),\n    ],\n    edges: [(from: \"a\", rel: \"r\", to: \"c\")],\n)\n",
        "Ä".repeat(46)
    );
    let d = problems(&text);
    assert!(
        d.iter()
            .any(|d| d.message.contains("RON syntax") && d.line == 6),
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|d| d.message.contains("undeclared kind \"nope\"") && d.line == 7),
        "the error after the broken element is still found: {d:#?}"
    );
}

/// The character the caret points at, by display column, in the
/// rendering of a diagnostic whose source line contains `code`.
fn char_above_caret(shown: &str, code: &str) -> Option<char> {
    use unicode_width::UnicodeWidthChar;
    let lines: Vec<&str> = shown.lines().collect();
    let src = lines.iter().position(|l| l.contains(code))?;
    let caret = lines[src + 1].find('^')?;
    let caret_col = lines[src + 1][..caret].width();
    let mut col = 0;
    for c in lines[src].chars() {
        if col == caret_col {
            return Some(c);
        }
        col += c.width().unwrap_or(0);
    }
    None
}

#[test]
fn row2_the_caret_stands_under_its_character_after_wide_text() {
    for wide in ["数据科学", "🦀🦀", "👩‍🔬 é ą", "ｆｕｌｌ", "e\u{301}"] {
        let line = format!("        (id: \"a\", kind: \"k\", label: \"{wide}\") x,");
        let col = line[..line.find(" x,").unwrap()].chars().count() + 2; // 1-based, at the `x`
        let d =
            Diagnostic::error("f.ron", (4, col), "boom").with_source(&format!("\n\n\n{line}\n"));
        let shown = d.to_string();
        assert_eq!(
            char_above_caret(&shown, "(id:"),
            Some('x'),
            "{wide:?}: the caret must stand under the x\n{shown}"
        );
    }
}

// Row 2: recovery that blanks a whole one-line document reports only the
// syntax error, not an empty file.
#[test]
fn row2_a_one_line_document_with_a_syntax_error_is_not_called_empty() {
    let d = problems("(kinds: [], relations: {}, nodes: [], edges: [])");
    assert!(d.iter().any(|d| d.message.contains("RON syntax")), "{d:#?}");
    assert!(
        !d.iter().any(|d| d.message.contains("empty")),
        "the file is not empty: {d:#?}"
    );
}
