//! Thin entry point: parse the command line, load the corpus (before the
//! terminal changes mode, so errors print as plain text), then run the
//! explorer or a command.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use chronicle::app::Shared;
use chronicle::cli::Cli;
use chronicle::stdout::Stdout;
use chronicle::term;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => err.exit(),
        // --help and --version: clap would print them and ignore a failure.
        Err(err) => return help(&err),
    };
    if cli.print_config {
        let mut out = Stdout::new();
        let printed = chronicle::cli::config::print(cli.config.as_deref(), &mut out);
        return out.finish(printed);
    }
    if let Some(message) = cli.unreadable_corpus() {
        eprintln!("{message}");
        return ExitCode::FAILURE;
    }
    // Freeing a large corpus one allocation at a time takes a tenth of a
    // second that the exiting process does not need: the OS takes it back.
    let mut loaded = std::mem::ManuallyDrop::new(chronicle::extract::load(&cli.location()));
    let mut out = Stdout::new();
    let result = match &cli.command {
        Some(command) => command.run(&mut loaded, &mut out),
        None => {
            drop(out);
            let config = chronicle::config::for_explorer(cli.config.as_deref());
            let loaded = std::mem::ManuallyDrop::into_inner(loaded);
            let mut problems = loaded.problems;
            problems.extend(config.problems);
            let shared = Shared::new(loaded.corpus, problems);
            return term::run(shared, config.keymap, config.theme, config.follow_delay);
        }
    };
    out.finish(result)
}

/// Prints clap's help or version text, in colour on a terminal as clap
/// would, and fails when it cannot be written.
fn help(err: &clap::Error) -> ExitCode {
    let text = err.render();
    let colour = std::io::stdout().is_terminal() && !chronicle::config::no_color_from_env();
    let mut out = Stdout::new();
    let printed = if colour {
        write!(out, "{}", text.ansi())
    } else {
        write!(out, "{text}")
    };
    out.finish(printed.map(|()| ExitCode::SUCCESS))
}
