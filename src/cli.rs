//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::corpus::Location;

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
    Events(ListArgs),
    /// List quotes with their speakers.
    Quotes(ListArgs),
    /// Write the (filtered) timeline as TimelineJS, JSON, Markdown or CSV.
    Export(crate::export::cli::ExportArgs),
    /// Write a corpus directory from a TimelineJS JSON file.
    Import(crate::import::ImportArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(crate::cli_docs::CompletionsArgs),
    /// Print the man page (roff): `chronicle man > chronicle.1`.
    Man,
    /// Write a synthetic corpus of any size (deterministic for a seed).
    Generate(crate::generate::GenerateArgs),
    /// Print the quotes, speakers, dated mentions and actor mentions found
    /// in article files (speakers resolve through the corpus' actors).
    Extract(crate::extract::cli::ExtractArgs),
    /// List the dated mentions found in every article of the corpus, with
    /// the resolved date, the anchor and the rule used.
    Mentions(crate::extract::cli::MentionsArgs),
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only items involving this actor (name, alias or id; fuzzy). Repeat
    /// for several: events must involve all of them (or any, with --any);
    /// quotes are those spoken by any of them.
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// With several --actor: items involving any of them, not all.
    #[arg(long)]
    pub any: bool,
    /// Print JSON instead of one line per item.
    #[arg(long)]
    pub json: bool,
}

impl Cli {
    pub fn location(&self) -> Location {
        match &self.corpus {
            Some(dir) => Location::Dir(dir.clone()),
            None => Location::Embedded,
        }
    }
}
