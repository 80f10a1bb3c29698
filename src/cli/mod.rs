//! The command line: the top floor, the only place that knows clap. Each
//! subcommand's arguments and what it does with them live in a file here;
//! the modules below take plain values.

mod check;
pub mod config;
mod docs;
mod export;
mod extract;
mod found;
mod generate;
mod import;
mod list;
mod mentions;
mod select;
mod serve;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::corpus::Location;
use crate::extract::Loaded;
use crate::text::sanitize::sanitize_line;

/// Explore the timeline of a news story: what happened when, who was
/// there, who said what, and which article says so.
///
/// With no command, opens the explorer on the corpus built into the binary
/// (or on --corpus DIR).
#[derive(Debug, Parser)]
#[command(name = "chronicle", version, about, long_about)]
pub struct Cli {
    /// A corpus directory (articles/, actors.toml, events.toml, quotes.toml)
    /// instead of the shipped one.
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// A config file instead of $XDG_CONFIG_HOME/chronicle/config.toml
    /// (or ~/.config/chronicle/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Print the effective configuration (defaults, config file, NO_COLOR)
    /// as TOML and exit.
    #[arg(long)]
    pub print_config: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the corpus; print every problem as file:line:col: message.
    Check,
    /// List events in timeline order.
    Events(list::ListArgs),
    /// List quotes with their speakers.
    Quotes(list::ListArgs),
    /// Write the (filtered) timeline as TimelineJS, JSON, Markdown or CSV.
    Export(export::ExportArgs),
    /// Write a corpus directory from a TimelineJS JSON file.
    Import(import::ImportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(docs::CompletionsArgs),
    /// Print the man page (roff): `chronicle man > chronicle.1`.
    Man,
    /// Write a synthetic corpus of any size (deterministic for a seed).
    Generate(generate::GenerateArgs),
    /// Print the quotes, speakers, dated mentions and actor mentions found
    /// in article files (speakers resolve through the corpus' actors).
    Extract(extract::ExtractArgs),
    /// List the dated mentions found in every article of the corpus, with
    /// the resolved date, the anchor and the rule used.
    Mentions(mentions::MentionsArgs),
    /// Serve the explorer over SSH to many readers at once.
    Serve(serve::ServeArgs),
}

impl Cli {
    pub fn location(&self) -> Location {
        match &self.corpus {
            Some(dir) => Location::Dir(dir.clone()),
            None => Location::Embedded,
        }
    }

    /// Why `--corpus DIR` cannot be read, as one line for stderr, when the
    /// explorer or the command would read it: a mistyped path is an error,
    /// not an empty corpus.
    pub fn unreadable_corpus(&self) -> Option<String> {
        let dir = self.corpus.as_ref()?;
        if self.command.as_ref().is_some_and(|c| !c.reads_corpus()) {
            return None;
        }
        let why = match std::fs::read_dir(dir) {
            Ok(_) => return None,
            Err(err) if err.kind() == io::ErrorKind::NotADirectory => "not a directory".into(),
            Err(err) if err.kind() == io::ErrorKind::NotFound => "no such directory".into(),
            Err(err) => err.to_string(),
        };
        let shown = dir.to_string_lossy();
        Some(format!(
            "chronicle: cannot read the corpus directory {}: {why}",
            sanitize_line(&shown)
        ))
    }
}

impl Command {
    /// False for the commands that write a corpus or print documentation.
    fn reads_corpus(&self) -> bool {
        !matches!(
            self,
            Command::Import(_) | Command::Completions(_) | Command::Man | Command::Generate(_)
        )
    }

    /// Runs the command on the loaded corpus (which `import`, `generate`,
    /// `completions` and `man` do not read), writing its output to `out`.
    /// `serve` takes the corpus out, to share it without a copy.
    pub fn run(&self, loaded: &mut Loaded, out: &mut impl Write) -> io::Result<ExitCode> {
        match self {
            Command::Check => Ok(check::run(loaded, out)),
            Command::Events(args) => list::events(loaded, args, out),
            Command::Quotes(args) => list::quotes(loaded, args, out),
            Command::Export(args) => export::run(loaded, args, out),
            Command::Import(args) => Ok(import::run(args)),
            Command::Completions(args) => docs::write_completions(args, out),
            Command::Man => docs::write_man(out),
            Command::Generate(args) => Ok(generate::run(args)),
            Command::Extract(args) => extract::run(loaded, args, out),
            Command::Mentions(args) => mentions::run(loaded, args, out),
            Command::Serve(args) => Ok(serve::run(loaded, args)),
        }
    }
}

/// "2 articles, 1 actor, 3 events, 1 quote": what a corpus holds, given
/// those four counts in that order.
fn holds([articles, actors, events, quotes]: [usize; 4]) -> String {
    use crate::text::count;
    format!(
        "{}, {}, {}, {}",
        count(articles, "article"),
        count(actors, "actor"),
        count(events, "event"),
        count(quotes, "quote")
    )
}

/// What a loaded corpus holds and how many problems it has.
fn tally(corpus: &crate::model::Corpus, problems: usize) -> String {
    let counts = [
        corpus.articles.len(),
        corpus.actors.len(),
        corpus.events.len(),
        corpus.quotes.len(),
    ];
    let problems = crate::text::count_or_no(problems, "problem");
    format!("{}, {problems}", holds(counts))
}

/// Problems go to stderr so that stdout stays clean for a pipe.
fn warn(problems: &[crate::corpus::diag::Diagnostic]) {
    for problem in problems {
        eprintln!("warning: {problem}");
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::Path;

    /// Every `.rs` file under `dir`, recursively.
    fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The command line stays the top floor: outside src/cli/ and the entry
    /// point, no module names clap or imports the command line.
    #[test]
    fn only_the_command_line_knows_clap() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        assert!(files.len() > 50, "found only {} files", files.len());
        let mut offenders = Vec::new();
        for file in &files {
            let rel = file.strip_prefix(&src).expect("under src/");
            if rel.starts_with("cli") || rel == Path::new("main.rs") {
                continue;
            }
            let text = fs::read_to_string(file).expect("UTF-8 source");
            for needle in ["clap", "crate::cli"] {
                if text.contains(needle) {
                    offenders.push(format!("{}: {needle}", rel.display()));
                }
            }
        }
        assert!(offenders.is_empty(), "{offenders:#?}");
    }
}
