//! Thin entry point: parse the command line, load the corpus (before the
//! terminal changes mode, so errors print as plain text), then run the
//! explorer or a command.

use std::process::ExitCode;

use clap::Parser;

use chronicle::app::Shared;
use chronicle::cli::{Cli, Command};
use chronicle::{commands, corpus, term};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_config {
        return chronicle::config::print(cli.config.as_deref());
    }
    // Freeing a large corpus one allocation at a time takes a tenth of a
    // second that the exiting process does not need: the OS takes it back.
    let loaded = std::mem::ManuallyDrop::new(corpus::load(&cli.location()));
    let mut out = std::io::stdout().lock();
    let result = match &cli.command {
        Some(Command::Check) => return commands::check(&loaded, &mut out),
        Some(Command::Events(args)) => commands::events(&loaded, args, &mut out),
        Some(Command::Quotes(args)) => commands::quotes(&loaded, args, &mut out),
        Some(Command::Export(args)) => chronicle::export::cli::export(&loaded, args, &mut out),
        Some(Command::Import(args)) => return chronicle::import::run(args),
        Some(Command::Completions(args)) => chronicle::cli_docs::write_completions(args, &mut out),
        Some(Command::Man) => chronicle::cli_docs::write_man(&mut out),
        Some(Command::Generate(args)) => return chronicle::generate::run(args),
        Some(Command::Extract(args)) => chronicle::extract::cli::extract(&loaded, args, &mut out),
        Some(Command::Mentions(args)) => chronicle::extract::cli::mentions(&loaded, args, &mut out),
        None => {
            drop(out);
            let config = chronicle::config::for_explorer(cli.config.as_deref());
            let loaded = std::mem::ManuallyDrop::into_inner(loaded);
            let mut problems = loaded.problems;
            problems.extend(config.problems);
            let shared = Shared::new(loaded.corpus, problems, config.keymap);
            return term::run(shared, config.theme, config.follow_delay);
        }
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`chronicle events | head`) is not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("chronicle: {err}");
            ExitCode::FAILURE
        }
    }
}
