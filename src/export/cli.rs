//! `chronicle export`: the filters of the explorer, then one format
//! streamed to stdout or to a file (see `crate::save::write` for how a
//! file is written without losing what was there).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::Format;
use crate::commands::{filter, warn};
use crate::extract::Loaded;
use crate::filter::SearchIndex;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Only events involving this actor (name, alias or id; fuzzy). Repeat
    /// to require several.
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// With several --actor: events involving any of them, not all.
    #[arg(long)]
    pub any: bool,
    /// Only events whose title, summary, place or quotes contain every word.
    #[arg(long, value_name = "QUERY", default_value = "")]
    pub text: String,
    /// Write to FILE instead of stdout: a regular file is replaced whole
    /// (keeping its mode and owner), a FIFO or device is written to, a
    /// symlink is followed.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn export(loaded: &Loaded, args: &ExportArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(loaded);
    let corpus = &loaded.corpus;
    let filter = filter(corpus, &args.actor, args.any, &args.text)?;
    let events = SearchIndex::new(corpus).apply(corpus, &filter);
    match &args.output {
        Some(path) => {
            crate::save::write(path, |file| args.format.write(corpus, &events, file))?;
            eprintln!(
                "chronicle: wrote {} as {} to {}",
                crate::text::count(events.len(), "event"),
                args.format.name(),
                crate::text::sanitize::sanitize_line(&path.to_string_lossy())
            );
        }
        None => args.format.write(corpus, &events, out)?,
    }
    Ok(ExitCode::SUCCESS)
}
