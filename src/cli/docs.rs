//! Shell completions and the man page, generated from the clap definition
//! of the command line, so they always list what the binary accepts.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for a shell. Built in memory first: the
/// generator panics when its writer fails, and a closed pipe is no reason
/// to panic.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "chronicle", &mut script);
    script
}

/// The man page, in roff.
pub fn man() -> io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    Ok(page)
}

pub fn write_completions(args: &CompletionsArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    out.write_all(&completions(args.shell))?;
    Ok(ExitCode::SUCCESS)
}

pub fn write_man(out: &mut impl Write) -> io::Result<ExitCode> {
    out.write_all(&man()?)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subcommands() -> Vec<String> {
        Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect()
    }

    #[test]
    fn completions_name_every_subcommand() {
        let names = subcommands();
        assert!(names.contains(&"export".to_owned()) && names.contains(&"man".to_owned()));
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let script = String::from_utf8(completions(shell)).expect("UTF-8");
            assert!(script.contains("chronicle"), "{shell}");
            for name in &names {
                assert!(script.contains(name.as_str()), "{shell} lacks {name}");
            }
        }
        let fish = String::from_utf8(completions(Shell::Fish)).unwrap();
        assert!(fish.contains("timelinejs") && fish.contains("markdown"));
    }

    #[test]
    fn the_man_page_is_roff_listing_the_subcommands_and_options() {
        let page = String::from_utf8(man().expect("rendered")).expect("UTF-8");
        assert!(
            page.starts_with(".ie") || page.contains(".TH chronicle"),
            "{page}"
        );
        for name in subcommands() {
            assert!(page.contains(&name), "man page lacks {name}");
        }
        assert!(page.contains("print\\-config") || page.contains("print-config"));
    }
}
