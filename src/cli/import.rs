//! `chronicle import timelinejs FILE -o DIR`: writes the corpus, then loads
//! it the way the explorer would and reports every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::corpus::{load, Location};
use crate::text::sanitize::sanitize_line;

/// Formats `chronicle import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportFormat {
    /// TimelineJS3 JSON, from `chronicle export` or from anyone's.
    #[value(name = "timelinejs")]
    TimelineJs,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The format of FILE.
    #[arg(value_enum)]
    pub format: ImportFormat,
    /// The file to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The corpus directory to write.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
    /// Write into DIR even when it is not empty: its corpus is replaced
    /// whole (or, on any failure, left as it was); its other files stay.
    #[arg(long)]
    pub force: bool,
}

/// Exits 1 when the import failed or the written corpus has problems.
pub fn run(args: &ImportArgs) -> ExitCode {
    let ImportFormat::TimelineJs = args.format;
    if let Err(message) = crate::import::timelinejs_file(&args.file, &args.output, args.force) {
        eprintln!("chronicle: {}", sanitize_line(&message));
        return ExitCode::FAILURE;
    }
    let loaded = load(&Location::Dir(args.output.clone()));
    super::warn(&loaded.problems);
    eprintln!(
        "chronicle: wrote {}: {}",
        sanitize_line(&args.output.to_string_lossy()),
        super::tally(&loaded.corpus, loaded.problems.len())
    );
    if loaded.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
