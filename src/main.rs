//! The `mlkg` binary: parse the command line, run, map failures to exit codes.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use mlkg::cli::Cli;
use mlkg::commands::{self, Paint};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let paint = Paint {
        on: commands::use_color(cli.color, stdout.is_terminal()),
    };
    let mut out = stdout.lock();
    let mut err = std::io::stderr().lock();
    let Some(command) = &cli.command else {
        let _ = Cli::command().print_help();
        return ExitCode::SUCCESS;
    };
    let result = commands::run(&cli, command, paint, &mut out, &mut err);
    let flushed = out.flush();
    match result {
        Ok(()) => match flushed {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                let _ = writeln!(err, "mlkg: cannot write output: {e}");
                ExitCode::from(1)
            }
        },
        Err(commands::Failure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(f) => {
            let _ = f.report(&mut err);
            ExitCode::from(f.exit_code())
        }
    }
}
