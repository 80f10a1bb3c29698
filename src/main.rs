//! Thin entry point: parse the command line, load the corpus (before the
//! terminal changes mode, so errors print as plain text), then run the
//! explorer or a command.

use std::process::ExitCode;

use clap::Parser;

use chronicle::app::{Keymap, Shared};
use chronicle::cli::{Cli, Command};
use chronicle::{commands, corpus, term, ui};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let loaded = corpus::load(&cli.location());
    let mut out = std::io::stdout().lock();
    let result = match &cli.command {
        Some(Command::Check) => return commands::check(&loaded, &mut out),
        Some(Command::Events(args)) => commands::events(&loaded, args, &mut out),
        Some(Command::Quotes(args)) => commands::quotes(&loaded, args, &mut out),
        None => {
            drop(out);
            let theme = ui::theme::Theme::from_env();
            let shared = Shared::new(loaded.corpus, loaded.problems, Keymap::default());
            return term::run(shared, theme);
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
