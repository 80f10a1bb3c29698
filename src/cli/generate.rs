//! `chronicle generate`: a synthetic corpus of any size, and a line saying
//! what was written.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::generate::generate;
use crate::text::sanitize::sanitize_line;

#[derive(Debug, Clone, clap::Args)]
pub struct GenerateArgs {
    /// How many articles to write (about 4 KB, 10 events and 20 quotes each).
    #[arg(long, value_name = "N")]
    pub articles: usize,
    /// How many actors (default: half the articles, at least 40; at most 1000000).
    #[arg(long, value_name = "N")]
    pub actors: Option<usize>,
    /// Seed of the generator: the same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The corpus directory to write.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    pub out: PathBuf,
    /// Write into a non-empty directory, replacing its corpus files.
    #[arg(long)]
    pub force: bool,
}

/// Writes the corpus and prints what it wrote.
pub fn run(args: &GenerateArgs) -> ExitCode {
    let plain = crate::generate::GenerateArgs {
        articles: args.articles,
        actors: args.actors,
        seed: args.seed,
        out: args.out.clone(),
        force: args.force,
    };
    match generate(&plain) {
        Ok(s) => {
            eprintln!(
                "{}: {}, {:.1} MB",
                sanitize_line(&args.out.to_string_lossy()),
                super::holds([s.articles, s.actors, s.events, s.quotes]),
                s.bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("chronicle generate: {}", sanitize_line(&err.to_string()));
            ExitCode::FAILURE
        }
    }
}
