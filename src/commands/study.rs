//! `mlkg study`: the cards, what is due, grading, progress and the Anki
//! deck, for scripts and people.

mod report;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::Failure;
use crate::graph::Graph;
use crate::study::clock;
use crate::study::schedule::{self, Grade, Settings};
use crate::study::store::{self, Answer, Store};
use crate::study::{Card, anki};

/// Examples shown by `mlkg study --help`.
pub const HELP: &str = "\
Progress is kept in $XDG_DATA_HOME/mlkg/study.sqlite3 (MLKG_DATA_DIR moves it),
per graph. Days are counted in UTC. MLKG_NOW=2027-01-10T09:00:00Z fixes the clock.

Examples:
  mlkg study                            the study screen (piped: progress, the cards due)
  mlkg study due                        the cards due now
  mlkg study grade which:xgboost:accepts:out good
  mlkg study stats --until 2027-02-15   progress, with an exam date kept
  mlkg study export-anki -o mlkg.txt    an Anki deck (File > Import)";

/// Options of `study`.
#[derive(Debug, Args)]
pub struct StudyArgs {
    /// What to do; without one, the study screen (in a pipe: progress and the cards due now).
    #[command(subcommand)]
    pub action: Option<StudyAction>,
    /// New cards a day (kept for this graph; Anki's default is 20).
    #[arg(long, global = true, value_name = "N")]
    pub new_per_day: Option<u32>,
    /// Desired retention, 0.70 to 0.99 (kept for this graph; default 0.9).
    #[arg(long, global = true, value_name = "R")]
    pub retention: Option<f32>,
    /// An exam date: every card is seen before it (kept; `none` clears it).
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub until: Option<String>,
}

/// The subcommands of `study`.
#[derive(Debug, Subcommand)]
pub enum StudyAction {
    /// Every card generated from the graph.
    Cards {
        /// Print JSON: [{id, prompt, type, options: [{id, label}], answers, subject, rel, direction, source, ...}].
        #[arg(long)]
        json: bool,
    },
    /// The cards due now: reviews first, then today's new cards.
    Due {
        /// At most this many.
        #[arg(long, short = 'n', value_name = "N")]
        limit: Option<usize>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record a review of a card, and print when it comes back.
    #[command(
        after_help = "Without GRADE, --answer is required and the grade is suggested: wrong is again;\nright is easy within 6 s, good within 20 s, hard after.\n\nExamples:\n  mlkg study grade which:xgboost:accepts:out good\n  mlkg study grade which:kmeans:solves:out --answer clustering --seconds 4"
    )]
    Grade {
        /// The card's id (see `mlkg study due`).
        card: String,
        /// again, hard, good or easy (or 1-4).
        grade: Option<String>,
        /// The option ids chosen, comma-separated.
        #[arg(long, value_name = "IDS")]
        answer: Option<String>,
        /// Seconds taken to answer.
        #[arg(long, default_value_t = 0.0, value_name = "S")]
        seconds: f64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Progress: due today and this week, learned, retention per kind, a forecast.
    Stats {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Write the cards as an Anki deck (Anki's plain-text import).
    ExportAnki {
        /// The file to write (atomically).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: PathBuf,
        /// The deck's name in Anki.
        #[arg(long, value_name = "NAME", default_value = "mlkg")]
        deck: String,
    },
    /// Move a damaged study database aside (nothing is deleted) and start a new one.
    SetAside,
}

/// What a study command works with: the graph's cards and its progress.
pub struct Session {
    /// The cards of the graph.
    pub cards: Vec<Card>,
    /// The database.
    pub store: Store,
    /// The settings in force.
    pub settings: Settings,
    /// The time now.
    pub now: i64,
}

pub use crate::study::session::graph_key;

/// Opens the progress of a graph, saving any settings given.
pub fn open_session(graph: &Graph, args: &StudyArgs) -> Result<Session, Failure> {
    let now = clock::now().map_err(Failure::BadArgument)?;
    let mut store = crate::study::session::Place::of(graph)?.open()?;
    let mut settings = store.settings()?;
    let before = settings;
    if let Some(n) = args.new_per_day {
        settings.new_per_day = n;
    }
    if let Some(r) = args.retention {
        if !(0.7..=0.99).contains(&r) {
            return Err(Failure::BadArgument(format!(
                "--retention {r} is out of range; give a value from 0.70 to 0.99 (Anki's default is 0.9)"
            )));
        }
        settings.retention = r;
    }
    if let Some(u) = &args.until {
        settings.until = match u.as_str() {
            "none" | "" => None,
            text => Some(clock::parse_date(text).ok_or_else(|| {
                Failure::BadArgument(format!(
                    "--until {text:?} is not a date; write it as 2027-02-15 (or `none` to clear it)"
                ))
            })?),
        };
    }
    if settings != before {
        store.save_settings(&settings)?;
    }
    Ok(Session {
        cards: crate::study::generate(graph),
        store,
        settings,
        now,
    })
}

/// Runs `mlkg study ACTION`.
pub fn run(
    graph: &Graph,
    args: &StudyArgs,
    input: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let Some(action) = &args.action else {
        let session = open_session(graph, args)?;
        report::stats(&session, false, out)?;
        writeln!(out)?;
        return report::due(&session, Some(10), false, out);
    };
    match action {
        StudyAction::Cards { json } => {
            let cards = crate::study::generate(graph);
            report::cards(&cards, *json, out)
        }
        StudyAction::ExportAnki { output, deck } => {
            let cards = crate::study::generate(graph);
            crate::export::write_atomic(output, input, |w| anki::write(&cards, deck, w))?;
            Ok(())
        }
        StudyAction::SetAside => set_aside(out),
        StudyAction::Due { limit, json } => {
            report::due(&open_session(graph, args)?, *limit, *json, out)
        }
        StudyAction::Stats { json } => report::stats(&open_session(graph, args)?, *json, out),
        StudyAction::Grade {
            card,
            grade,
            answer,
            seconds,
            json,
        } => {
            let mut session = open_session(graph, args)?;
            let request = GradeRequest {
                card,
                grade: grade.as_deref(),
                answer: answer.as_deref(),
                seconds: *seconds,
            };
            let graded = grade_card(&mut session, &request)?;
            report::graded(&graded, session.now, *json, out)
        }
    }
}

/// A grade asked for on the command line.
struct GradeRequest<'a> {
    card: &'a str,
    grade: Option<&'a str>,
    answer: Option<&'a str>,
    seconds: f64,
}

/// A recorded review, as reported.
pub struct Graded {
    /// The card.
    pub card: String,
    /// The grade recorded.
    pub grade: Grade,
    /// Whether the answer given was right, when one was given.
    pub right: Option<bool>,
    /// The card's new state.
    pub state: schedule::CardState,
    /// The interval FSRS gave, in days.
    pub interval: f32,
}

fn grade_card(session: &mut Session, req: &GradeRequest) -> Result<Graded, Failure> {
    let Some(card) = session.cards.iter().find(|c| c.id == req.card) else {
        return Err(Failure::NotFound(format!(
            "no card \"{}\" in this graph (a card whose edges are gone is retired); \
             `mlkg study due` lists the cards due",
            req.card
        )));
    };
    let chosen: Option<Vec<String>> = req.answer.map(|a| {
        a.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    });
    let right = chosen.as_ref().map(|c| card.is_right(c));
    let grade = match (req.grade, right) {
        (Some(g), _) => Grade::parse(g).ok_or_else(|| {
            Failure::BadArgument(format!(
                "\"{g}\" is not a grade; give again, hard, good or easy"
            ))
        })?,
        (None, Some(right)) => schedule::suggest(right, req.seconds),
        (None, None) => {
            return Err(Failure::BadArgument(
                "give a grade (again, hard, good, easy) or --answer to have one suggested".into(),
            ));
        }
    };
    let answer = Answer {
        card: &card.id,
        kind: &card.answer_kind,
        grade,
        given: req.answer.unwrap_or(""),
        seconds: req.seconds,
    };
    let (state, interval) = session
        .store
        .grade(&answer, session.now, &session.settings)?;
    Ok(Graded {
        card: card.id.clone(),
        grade,
        right,
        state,
        interval,
    })
}

fn set_aside(out: &mut dyn Write) -> Result<(), Failure> {
    let dir = store::data_dir()?;
    match Store::open(&dir, "embedded") {
        Ok(s) => {
            writeln!(out, "{} is sound; nothing was moved", s.path().display())?;
            Ok(())
        }
        Err(store::StoreError::Damaged { .. }) => {
            let now = clock::now().map_err(Failure::BadArgument)?;
            let stamp = clock::format_time(now).replace([' ', ':'], "-");
            let aside = store::set_aside(&dir, &stamp)?;
            Store::open(&dir, "embedded")?;
            writeln!(
                out,
                "moved the damaged database to {}; a new one starts at {}",
                aside.display(),
                dir.join(store::open::FILE_NAME).display()
            )?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}
