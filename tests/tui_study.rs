//! The study screens without a terminal: a session over a deck of cards,
//! answers by number and letter, the feedback and the grade, pausing to
//! open the subject and coming back, the summary and the progress screen.

use mlkg::study::CardType;
use mlkg::study::schedule::Grade;
use mlkg::study::session::{Deck, Place};
use mlkg::tui::action::{Action, Effect};
use mlkg::tui::app::{App, Mode};
use mlkg::tui::event::Event;
use mlkg::tui::keymap::Scope;
use mlkg::tui::views::study::{Phase, StudyView};

fn embedded() -> mlkg::graph::Graph {
    mlkg::graph::load::load_embedded()
        .expect("embedded graph loads")
        .graph
}

/// The explorer on the embedded graph with a session of its first `n`
/// one-answer cards open.
fn studying(n: usize) -> App {
    let graph = embedded();
    let cards: Vec<_> = mlkg::study::generate(&graph)
        .into_iter()
        .filter(|c| c.kind != CardType::Multi)
        .take(n)
        .collect();
    let place = Place {
        dir: std::path::PathBuf::from("/nonexistent"),
        key: "embedded".into(),
        earlier: None,
    };
    let mut app = App::new(graph, None);
    app.update(Action::LeaveSearch);
    app.update(Event::StudyOpened(Box::new(Ok(Deck::of_new(
        place, cards, 0,
    )))));
    app
}

#[test]
fn progress_opens_from_the_question() {
    let mut app = studying(3);
    assert_eq!(app.scope(), Scope::StudyQuestion);
    let effects = app.update(Action::Progress);
    assert!(matches!(app.mode, Mode::Progress(_)), "{:?}", app.mode);
    assert_eq!(effects, vec![Effect::StudyProgress]);
}

#[test]
fn shift_s_opens_progress_from_the_explorer() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = App::new(embedded(), None);
    app.update(Action::LeaveSearch);
    let effects = app.update(Event::Key(KeyEvent::new(
        KeyCode::Char('S'),
        KeyModifiers::SHIFT,
    )));
    assert!(
        matches!(app.mode, Mode::Progress(_)),
        "{:?} {:?}",
        app.mode,
        app.message
    );
    assert_eq!(effects, vec![Effect::StudyProgress]);
}

/// The explorer with a session over the cards due at `now` in a store in `dir`.
fn studying_in(dir: &std::path::Path, now: i64, pick: impl Fn(&mlkg::study::Card) -> bool) -> App {
    let graph = embedded();
    let place = Place {
        dir: dir.to_path_buf(),
        key: "embedded".into(),
        earlier: None,
    };
    let mut deck = Deck::open(&graph, place, now).expect("the store opens");
    deck.cards.retain(|c| pick(c));
    deck.cards.truncate(2);
    let mut app = App::new(graph, None);
    app.update(Action::LeaveSearch);
    app.update(Event::StudyOpened(Box::new(Ok(deck))));
    app
}

fn view(app: &App) -> &StudyView {
    match &app.mode {
        Mode::Study(v) => v,
        other => panic!("not on the study screen: {other:?}"),
    }
}

/// Carries out the effects (the store's writes) as the event loop does.
fn run(app: &mut App, effects: Vec<Effect>) {
    for e in effects {
        mlkg::tui::perform(app, e);
    }
}

fn reviews(dir: &std::path::Path) -> Vec<(String, i64)> {
    let db = rusqlite::Connection::open(dir.join("study.sqlite3")).unwrap();
    let mut stmt = db
        .prepare("SELECT card, grade FROM reviews ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn an_answer_is_saved_at_once_and_a_changed_grade_rewrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = studying_in(dir.path(), 1_800_000_000, |c| c.kind == CardType::Choice);
    let card = view(&app).card().unwrap().clone();
    let right = card
        .options
        .iter()
        .position(|o| card.answers.contains(&o.id))
        .unwrap();
    let key = (b'a' + right as u8) as char;
    let effects = app.update(Action::Choose(key));
    assert_eq!(app.scope(), Scope::StudyFeedback);
    let Phase::Feedback(f) = &view(&app).phase else {
        panic!()
    };
    assert!(f.right, "option {key} is the right one");
    assert_eq!(f.grade, Grade::Easy, "right at once: Easy is suggested");
    run(&mut app, effects);
    assert_eq!(reviews(dir.path()), vec![(card.id.clone(), 4)]);
    let effects = app.update(Action::GradeAs(2));
    run(&mut app, effects);
    assert_eq!(
        reviews(dir.path()),
        vec![(card.id.clone(), 2)],
        "the same review, graded Hard now"
    );
    let Phase::Feedback(f) = &view(&app).phase else {
        panic!()
    };
    assert!(matches!(f.saved, Some(Ok(g)) if g.grade == Grade::Hard));
    assert_eq!(view(&app).tally.grades, [0, 1, 0, 0]);
}

#[test]
fn a_choose_n_card_takes_numbers_then_enter_and_a_wrong_set_is_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = studying_in(dir.path(), 1_800_000_000, |c| c.kind == CardType::Multi);
    let card = view(&app).card().unwrap().clone();
    let wrong = card
        .options
        .iter()
        .position(|o| !card.answers.contains(&o.id))
        .unwrap();
    let digit = char::from_digit(wrong as u32 + 1, 10).unwrap();
    assert!(
        app.update(Action::Choose(digit)).is_empty(),
        "no answer before Enter"
    );
    assert_eq!(app.scope(), Scope::StudyQuestion);
    let effects = app.update(Action::Answer);
    let Phase::Feedback(f) = &view(&app).phase else {
        panic!()
    };
    assert!(!f.right);
    assert_eq!(f.grade, Grade::Again);
    run(&mut app, effects);
    assert_eq!(reviews(dir.path()), vec![(card.id.clone(), 1)]);
}

#[test]
fn a_key_that_is_no_option_says_so_and_answers_nothing() {
    let mut app = studying(1);
    let effects = app.update(Action::Choose('z'));
    assert!(effects.is_empty());
    assert_eq!(app.scope(), Scope::StudyQuestion);
    let m = app.message.as_ref().expect("a message");
    assert!(m.text.contains("not an option"), "{}", m.text);
}

#[test]
fn the_subject_opens_in_the_explorer_and_back_returns_to_the_card() {
    let mut app = studying(2);
    app.update(Action::Choose('a'));
    let subject = view(&app).card().unwrap().subject.clone();
    app.update(Action::OpenSubject);
    assert!(matches!(app.mode, Mode::Main));
    let focus = app.focus.unwrap();
    assert_eq!(app.graph.node(focus).id, subject);
    app.update(Action::Back);
    assert_eq!(
        app.scope(),
        Scope::StudyFeedback,
        "back on the same card's feedback"
    );
    assert_eq!(view(&app).at, 0);
    app.update(Action::NextCard);
    app.update(Action::Choose('a'));
    app.update(Action::NextCard);
    assert_eq!(app.scope(), Scope::StudySummary);
    assert_eq!(view(&app).tally.answered, 2);
}
