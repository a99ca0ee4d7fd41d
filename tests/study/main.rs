//! `mlkg study` end to end with a fixed clock: a scripted review session
//! whose intervals are the `fsrs` crate's, answers that survive kill -9,
//! two processes grading at once, and the Anki deck read by Python's csv.
//! The store's behaviour does not depend on the graph, so these run on the
//! small fixture graph (each process builds its deck 20 times faster than
//! from the embedded graph); the Anki deck is the embedded graph's. The
//! modules check the cards against the graph, progress kept under a graph's
//! name, and the store under faults: one test binary, so the tests that
//! wait on mlkg processes overlap with the rest.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;
use fsrs::{FSRS, MemoryState};
use serde_json::Value;

mod cards;
mod name;
mod robustness;

const DAY: i64 = 86_400;
const T0: i64 = 1_796_000_000; // 2026-11-30, early morning UTC

/// `mlkg study` on the small fixture graph, with its own data folder and clock.
fn mlkg(data: &Path, now: i64) -> Command {
    let mut c = Command::cargo_bin("mlkg").unwrap();
    c.env(
        "MLKG_GRAPH",
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.ron"),
    )
    .env("MLKG_DATA_DIR", data)
    .env("MLKG_NOW", now.to_string())
    .arg("study");
    c
}

fn json(data: &Path, now: i64, args: &[&str]) -> Value {
    let out = mlkg(data, now).args(args).arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Runs a command that must fail as bad input, saying `why`.
fn refused(data: &Path, args: &[&str], why: &str) {
    let out = mlkg(data, T0).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(why), "{err}");
}

fn due_ids(data: &Path, now: i64) -> Vec<String> {
    json(data, now, &["due"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn grade(data: &Path, now: i64, card: &str, grade: &str) -> Value {
    json(data, now, &["grade", card, grade])
}

#[test]
fn a_scripted_session_follows_fsrs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let due = due_ids(data, T0);
    assert_eq!(due.len(), 20, "Anki's default: 20 new cards a day");
    let fsrs = FSRS::default();
    let first = fsrs.next_states(None, 0.9, 0).unwrap();
    let g = grade(data, T0, &due[0], "good");
    assert!((g["interval_days"].as_f64().unwrap() - f64::from(first.good.interval)).abs() < 1e-4);
    let days = first.good.interval.round().max(1.0) as i64;
    assert_eq!(g["due"].as_str().unwrap(), format_time(T0 + days * DAY));
    let a = grade(data, T0, &due[1], "again");
    assert!((a["interval_days"].as_f64().unwrap() - f64::from(first.again.interval)).abs() < 1e-4);
    // Graded cards leave the list; no new card replaces them today.
    let now = due_ids(data, T0 + 60);
    assert_eq!(now.len(), 18);
    assert!(!now.contains(&due[0]) && !now.contains(&due[1]));
    // The card failed comes back within the day, the good one on its day.
    assert!(due_ids(data, T0 + DAY - 1).contains(&due[1]));
    assert!(!due_ids(data, T0 + (days - 1) * DAY).contains(&due[0]));
    let later = T0 + days * DAY + 5;
    let order = due_ids(data, later);
    assert_eq!(
        order[..2],
        [due[1].clone(), due[0].clone()],
        "reviews first, oldest first"
    );
    let second = fsrs
        .next_states(
            Some(MemoryState {
                stability: g["stability"].as_f64().unwrap() as f32,
                difficulty: g["difficulty"].as_f64().unwrap() as f32,
            }),
            0.9,
            days as u32,
        )
        .unwrap();
    let e = grade(data, later, &due[0], "easy");
    assert!((e["interval_days"].as_f64().unwrap() - f64::from(second.easy.interval)).abs() < 1e-3);
    assert_eq!(e["reps"], 2);
    let stats = json(data, later, &["stats"]);
    assert_eq!(stats["reviews"], 3);
    assert_eq!(
        stats["learned"], 1,
        "the card failed is not learned yet: {stats}"
    );
}

#[test]
fn study_alone_shows_progress_and_what_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let out = mlkg(dir.path(), T0).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("due today  0 reviews, 20 new"), "{text}");
    assert!(text.contains("10 due now: 0 to review, 10 new"), "{text}");
}

#[test]
fn settings_are_kept_and_an_exam_date_raises_the_new_cards() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert_eq!(
        json(data, T0, &["due", "--new-per-day", "5"])
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        due_ids(data, T0).len(),
        5,
        "the setting is kept for the graph"
    );
    let cards = json(data, T0, &["cards"]).as_array().unwrap().len();
    // Ten days to an exam: every card must be started within them.
    let until = format_time(T0 + 10 * DAY)[..10].to_string();
    let due = json(data, T0, &["due", "--until", &until]);
    assert_eq!(due.as_array().unwrap().len(), cards.div_ceil(10));
    refused(data, &["due", "--retention", "1.5"], "0.70 to 0.99");
}

#[test]
fn a_grade_is_suggested_from_the_answer_and_the_time() {
    let dir = tempfile::tempdir().unwrap();
    let cards = json(dir.path(), T0, &["cards"]);
    let card = &cards[0];
    let right: Vec<&str> = card["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    let id = card["id"].as_str().unwrap();
    let g = json(
        dir.path(),
        T0,
        &["grade", id, "--answer", &right.join(","), "--seconds", "3"],
    );
    assert_eq!(
        (g["grade"].as_str(), g["right"].as_bool()),
        (Some("easy"), Some(true))
    );
    let g = json(
        dir.path(),
        T0,
        &["grade", id, "--answer", "nothing", "--seconds", "3"],
    );
    assert_eq!(
        (g["grade"].as_str(), g["right"].as_bool()),
        (Some("again"), Some(false))
    );
    refused(
        dir.path(),
        &["grade", "which:nope:x:out", "good"],
        "no card \"which:nope:x:out\"",
    );
}

#[test]
fn kill_9_during_grades_keeps_every_acknowledged_answer() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let cards = due_ids(data, T0);
    let mut acknowledged = 0;
    for (i, card) in cards.iter().cycle().take(24).enumerate() {
        let mut child = mlkg(data, T0 + i as i64)
            .args(["grade", card, "good"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if i % 2 == 1 {
            std::thread::sleep(Duration::from_millis(2 + (i as u64 * 7) % 40));
            let _ = Command::new("kill")
                .args(["-9", &child.id().to_string()])
                .status();
        }
        let ok = child.wait().unwrap().success();
        acknowledged += usize::from(ok);
        let stats = json(data, T0 + 100, &["stats"]);
        let reviews = stats["reviews"].as_u64().unwrap() as usize;
        assert!(
            reviews >= acknowledged,
            "an acknowledged answer was lost: {reviews} < {acknowledged}"
        );
        assert!(reviews <= i + 1);
        acknowledged = reviews;
    }
}

#[test]
fn two_processes_grading_at_once_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let cards = due_ids(data, T0);
    let spawn = |cards: Vec<String>| {
        let data = data.to_path_buf();
        std::thread::spawn(move || {
            for (i, c) in cards.iter().enumerate() {
                let out = mlkg(&data, T0 + i as i64)
                    .args(["grade", c, "good"])
                    .output()
                    .unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        })
    };
    let a = spawn(cards[..10].to_vec());
    let b = spawn(cards[5..15].to_vec());
    a.join().unwrap();
    b.join().unwrap();
    let stats = json(data, T0 + 100, &["stats"]);
    assert_eq!(stats["reviews"], 20);
    assert_eq!(
        stats["cards"].as_u64().unwrap() - stats["unseen"].as_u64().unwrap(),
        15
    );
}

#[test]
fn the_anki_deck_parses_under_its_header_and_keeps_its_guids() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    for f in [&a, &b] {
        let out = mlkg(dir.path(), T0)
            .env_remove("MLKG_GRAPH")
            .arg("export-anki")
            .arg("-o")
            .arg(f)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let listed = mlkg(dir.path(), T0)
        .env_remove("MLKG_GRAPH")
        .args(["cards", "--json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let cards = listed.as_array().unwrap().len();
    assert!(cards > 100, "the embedded graph's deck: {cards} cards");
    let script = r#"
import csv, io, sys
def read(path):
    header, rows = {}, []
    with open(path, newline='', encoding='utf-8') as f:
        lines = f.read().split('\n')
    body = []
    for line in lines:
        if line.startswith('#') and not body:
            k, v = line[1:].split(':', 1)
            header[k] = v
        else:
            body.append(line)
    assert header['separator'] == 'tab' and header['html'] == 'true', header
    assert header['deck'] and header['notetype'] == 'Basic', header
    rows = [r for r in csv.reader(io.StringIO('\n'.join(body)), delimiter='\t', quotechar='"') if r]
    g, t = int(header['guid column']) - 1, int(header['tags column']) - 1
    for r in rows:
        assert len(r) == 4, r
        assert 'kind::' in r[t] and 'rel::' in r[t], r[t]
        assert '<li>' in r[1], r[1]
    return [r[g] for r in rows]
a, b = read(sys.argv[1]), read(sys.argv[2])
assert a == b, 'GUIDs differ between exports'
assert len(set(a)) == len(a), 'GUIDs repeat'
print(len(a))
"#;
    let out = match Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&a)
        .arg(&b)
        .output()
    {
        Ok(o) => o,
        Err(_) => {
            assert!(
                std::env::var_os("MLKG_REQUIRE_PYTHON").is_none(),
                "MLKG_REQUIRE_PYTHON is set but python3 is missing"
            );
            eprintln!("skipped: python3 is not installed");
            return;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        cards.to_string()
    );
}

fn format_time(secs: i64) -> String {
    mlkg::study::clock::format_time(secs)
}
