//! The command line: subcommands and options (clap derive).

pub mod parse;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCompleter;

use crate::commands::shell::{complete_kind, complete_node, complete_relation};
use crate::export::Format;

const EXAMPLES: &str = "\
Examples:
  mlkg                                   open the explorer on the embedded graph
  mlkg explore relu                      open the explorer on a node
  mlkg search 'gradient vanishing'       find nodes by any of their names
  mlkg show xgboost                      a node, its fields and its neighbours
  mlkg path sigmoid lstm                 how two nodes are linked
  mlkg export | dot -Tsvg > graph.svg    draw the whole graph with Graphviz
  mlkg --graph my.ron check              validate your own graph file";

/// mlkg: explore a typed knowledge graph in the terminal.
///
/// With no command, opens the interactive explorer on the graph: the embedded
/// map of SageMaker's built-in algorithms and the ML ideas around them, or the
/// file given by --graph or MLKG_GRAPH. The commands print to stdout for
/// people, or JSON for scripts with --json.
#[derive(Debug, Parser)]
#[command(name = "mlkg", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// Graph file to use instead of the embedded graph (RON, JSON as written by `export --format json`, or GraphML); default: $MLKG_GRAPH.
    #[arg(long, short = 'g', global = true, value_name = "FILE")]
    pub graph: Option<PathBuf>,

    /// When to colour the output; NO_COLOR in the environment means never, unless this says always.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    /// What to do; without one, the explorer opens.
    #[command(subcommand)]
    pub command: Option<Invocation>,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// What the command line asks for: the explorer, or one of the commands
/// that print (kept apart so `commands::run` only sees those).
#[derive(Debug, Subcommand)]
pub enum Invocation {
    /// Open the interactive explorer (the default with no command).
    #[command(after_help = EXPLORE_HELP)]
    Explore(ExploreArgs),
    /// A command that prints.
    #[command(flatten)]
    Command(Command),
}

/// The subcommands that print.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find nodes by label, alias or id, fuzzily; every word must match.
    #[command(
        after_help = "Exit status: 0 with hits, 1 when nothing matches (as grep), 2 for bad input.\n\nExamples:\n  mlkg search gradient vanishing\n  mlkg search csv --kind format\n  mlkg search xgb --limit 3 --json"
    )]
    Search(SearchArgs),
    /// Show a node: its fields, and its neighbours grouped by relation.
    #[command(
        after_help = "NODE is an id, a label or an alias (any case), a name with a typo or two, or a query with a clear best hit.\n\nExamples:\n  mlkg show xgboost\n  mlkg show 'vanishing gradient' --json"
    )]
    Show(ShowArgs),
    /// List the nodes around a node, up to a depth.
    #[command(
        visible_alias = "neighbours",
        after_help = "Examples:\n  mlkg neighbors xgboost --rel accepts\n  mlkg neighbors csv --dir in\n  mlkg neighbors relu --depth 2 --json"
    )]
    Neighbors(NeighborsArgs),
    /// The shortest path between two nodes, each relation read the right way.
    #[command(
        after_help = "Edges are followed whichever way they point; the output reads each one\nthe right way, e.g. Sigmoid —causes→ Vanishing gradient ←mitigates— LSTM.\n\nExamples:\n  mlkg path sigmoid lstm\n  mlkg path sigmoid relu --rel causes --rel mitigates\n  mlkg path xgboost gpu --rel trains_on --json"
    )]
    Path(PathArgs),
    /// Export the graph, or part of it: DOT, Mermaid, JSON, GraphML, RDF, or CSV for Neptune and Neo4j.
    #[command(
        after_help = "Examples:\n  mlkg export | dot -Tsvg > graph.svg\n  mlkg export --root xgboost --depth 1 -o xgboost.dot\n  mlkg export --format json > graph.json\n  mlkg export --format mermaid --kind algorithm --kind format --rel accepts\n  mlkg export -o graph.graphml\n  mlkg export --format neo4j -o graph-neo4j/"
    )]
    Export(ExportArgs),
    /// Validate a graph file and list every problem with its line and column.
    #[command(
        after_help = "The last line counts what was found: `ok: N nodes, M edges, K warnings`, or\n`FILE is not a valid graph: N error(s), K warning(s)`.\n\nExit status: 0 when the graph is valid (warnings allowed), 2 when it is not.\n\nExamples:\n  mlkg check\n  mlkg check my-graph.ron\n  mlkg check --quiet my-graph.ron && echo valid"
    )]
    Check(CheckArgs),
    /// Counts per kind and relation, the most connected nodes, isolated nodes, components.
    #[command(after_help = "Examples:\n  mlkg stats\n  mlkg stats --json")]
    Stats(StatsArgs),
    /// List the nodes for which every term of a query holds: kind:K, REL:NODE, -TERM, ...
    #[command(after_help = crate::commands::query::HELP)]
    Query(crate::commands::query::QueryArgs),
    /// Two nodes side by side: what both have, what only one has, their props.
    #[command(after_help = crate::commands::compare::HELP)]
    Compare(crate::commands::compare::CompareArgs),
    /// One kind against another by a relation: a mark where the edge exists.
    #[command(after_help = crate::commands::table::HELP)]
    Table(crate::commands::table::TableArgs),
    /// Study the graph: questions from its edges, spaced repetition, progress, an Anki deck.
    #[command(after_help = crate::commands::study::HELP)]
    Study(crate::commands::study::StudyArgs),
    /// Print a shell completion script; it completes node ids, kinds and relations from the graph in use.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions(CompletionsArgs),
    /// Print the man page (roff) for mlkg and every command.
    #[command(
        after_help = "Examples:\n  mlkg man | man -l -\n  mlkg man > ~/.local/share/man/man1/mlkg.1"
    )]
    Man,
}

const COMPLETIONS_HELP: &str = "\
The script asks mlkg itself for candidates, so completion follows the graph
in use (--graph on the line being completed, else MLKG_GRAPH, else the
embedded graph). The same script comes from COMPLETE=SHELL mlkg.

Examples:
  mlkg completions bash > ~/.local/share/bash-completion/completions/mlkg
  source <(COMPLETE=bash mlkg)          # in ~/.bashrc
  source <(COMPLETE=zsh mlkg)           # in ~/.zshrc
  COMPLETE=fish mlkg | source           # in ~/.config/fish/config.fish";

/// Options of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// A shell mlkg writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash 4.4 or newer.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// Elvish.
    Elvish,
    /// PowerShell.
    Powershell,
}

impl Shell {
    /// The shell's name as clap_complete knows it.
    pub fn name(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::Zsh => "zsh",
            Shell::Fish => "fish",
            Shell::Elvish => "elvish",
            Shell::Powershell => "powershell",
        }
    }
}

/// The graph file a command uses: `--graph`, else `MLKG_GRAPH`, else none
/// (the embedded graph). `MLKG_GRAPH` set but empty is an error that names it.
pub fn graph_path(given: Option<&std::path::Path>) -> Result<Option<PathBuf>, String> {
    if let Some(p) = given {
        return Ok(Some(p.to_path_buf()));
    }
    match std::env::var_os("MLKG_GRAPH") {
        None => Ok(None),
        Some(v) if v.is_empty() => Err(
            "MLKG_GRAPH is set but empty; set it to a graph file, or unset it to use the embedded graph"
                .to_string(),
        ),
        Some(v) => Ok(Some(PathBuf::from(v))),
    }
}

const EXPLORE_HELP: &str = "\
NODE is an id, a label or an alias (any case), a name with a typo or two, or
a query with a clear best hit. Without it, the explorer starts on XGBoost (or the most connected
algorithm) with the search box ready. Press ? inside for every key.

With --graph FILE (or MLKG_GRAPH), the explorer reloads the file when it
changes and shows its errors, if any, over the last graph that loaded.
The explorer needs a terminal; for pipes and scripts use `mlkg search` and
`mlkg show`.

Examples:
  mlkg
  mlkg explore xgboost
  mlkg explore 'vanishing gradient'
  mlkg --graph my-graph.ron explore";

/// Options of `explore`.
#[derive(Debug, Args)]
pub struct ExploreArgs {
    /// The node to start on: id, label, alias or query.
    #[arg(add = ArgValueCompleter::new(complete_node))]
    pub node: Option<String>,
}

/// Options of `search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: one or more words, in any order (quoted or not).
    #[arg(required = true, num_args = 1.., value_name = "WORDS")]
    pub query: Vec<String>,
    /// Only nodes of this kind: id, label or unique prefix (repeatable).
    #[arg(long, short = 'k', value_name = "KIND", add = ArgValueCompleter::new(complete_kind))]
    pub kind: Vec<String>,
    /// At most this many hits; 0 means no limit.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
    /// Print JSON: an array of {id, label, kind, score, tier, positions, snippet}. tier says how the hit matched (exact, prefix, word prefix, initials, fuzzy, typo, kind, full text); snippet is null, or {text, positions} of where a full-text hit was found.
    #[arg(long)]
    pub json: bool,
}

/// Options of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The node: id, label, alias or query.
    #[arg(add = ArgValueCompleter::new(complete_node))]
    pub node: String,
    /// Print JSON: the node with its `out` and `in` edges.
    #[arg(long)]
    pub json: bool,
}

/// Which way to follow edges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DirArg {
    /// Edges from the node.
    Out,
    /// Edges to the node.
    In,
    /// Both.
    Both,
}

/// Options of `neighbors`.
#[derive(Debug, Args)]
pub struct NeighborsArgs {
    /// The node: id, label, alias or query.
    #[arg(add = ArgValueCompleter::new(complete_node))]
    pub node: String,
    /// Only follow this relation: id, label or unique prefix (repeatable).
    #[arg(long, short = 'r', value_name = "REL", add = ArgValueCompleter::new(complete_relation))]
    pub rel: Vec<String>,
    /// Which way to follow edges.
    #[arg(long, value_enum, default_value_t = DirArg::Both)]
    pub dir: DirArg,
    /// How many steps away.
    #[arg(long, short = 'd', default_value_t = 1, value_name = "N")]
    pub depth: usize,
    /// Print JSON: an array of {id, label, kind, depth, via}.
    #[arg(long)]
    pub json: bool,
}

/// Options of `path`.
#[derive(Debug, Args)]
pub struct PathArgs {
    /// Where the path starts.
    #[arg(add = ArgValueCompleter::new(complete_node))]
    pub from: String,
    /// Where it ends.
    #[arg(add = ArgValueCompleter::new(complete_node))]
    pub to: String,
    /// Only follow this relation: id, label or unique prefix (repeatable).
    #[arg(long, short = 'r', value_name = "REL", add = ArgValueCompleter::new(complete_relation))]
    pub rel: Vec<String>,
    /// Print JSON: {length, text, nodes, steps}.
    #[arg(long)]
    pub json: bool,
}

/// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format; by default the one -o's extension names (.dot, .json,
    /// .mmd, .graphml, .ttl, .nt; a folder ending in neo4j, gremlin or
    /// opencypher), else dot. The CSV formats write a folder: give -o DIR.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<Format>,
    /// Export only what is within --depth steps of this node.
    #[arg(long, value_name = "NODE", add = ArgValueCompleter::new(complete_node))]
    pub root: Option<String>,
    /// Steps from --root.
    #[arg(
        long,
        short = 'd',
        default_value_t = 1,
        value_name = "N",
        requires = "root"
    )]
    pub depth: usize,
    /// Only nodes of this kind: id, label or unique prefix (repeatable).
    #[arg(long, short = 'k', value_name = "KIND", add = ArgValueCompleter::new(complete_kind))]
    pub kind: Vec<String>,
    /// Only edges of this relation: id, label or unique prefix (repeatable).
    #[arg(long, short = 'r', value_name = "REL", add = ArgValueCompleter::new(complete_relation))]
    pub rel: Vec<String>,
    /// Write to this file (atomically) instead of stdout; a folder for the
    /// CSV formats.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Turtle and N-Triples: the base IRI of nodes and relations.
    #[arg(long, value_name = "IRI", default_value = crate::export::rdf::DEFAULT_BASE)]
    pub base: String,
    /// DOT: group the nodes of each kind in a cluster.
    #[arg(long)]
    pub cluster: bool,
    /// Mermaid: write front matter raising the renderer's edge limit to N.
    #[arg(long, value_name = "N")]
    pub max_edges: Option<usize>,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The file to check; defaults to --graph, else the embedded graph.
    pub file: Option<PathBuf>,
    /// Print only errors: no warnings, and nothing when the graph is valid.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Options of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}
