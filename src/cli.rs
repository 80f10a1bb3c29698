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
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Only items involving this actor (name, alias or id; fuzzy). Repeat
    /// to require several.
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
