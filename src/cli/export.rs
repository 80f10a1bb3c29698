//! `chronicle export`: the filters of the explorer, then one format
//! streamed to stdout or to a file (see `crate::save::write` for how a
//! file is written without losing what was there).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::select::filter;
use super::warn;
use crate::export::Format;
use crate::extract::Loaded;
use crate::filter::SearchIndex;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: FormatArg,
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

/// The formats `chronicle export` writes, as the command line names and
/// explains them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// TimelineJS3 JSON, with a `chronicle` sidecar that import reads back.
    #[value(name = "timelinejs")]
    TimelineJs,
    /// The whole model (assets/schema/chronicle-export.schema.json).
    Json,
    /// A readable chronology with source footnotes.
    Markdown,
    /// One row per event, TimelineJS spreadsheet columns first.
    Csv,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::TimelineJs => Format::TimelineJs,
            FormatArg::Json => Format::Json,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Csv => Format::Csv,
        }
    }
}

pub fn run(loaded: &Loaded, args: &ExportArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(&loaded.problems);
    let corpus = &loaded.corpus;
    let format = Format::from(args.format);
    let filter = filter(corpus, &args.actor, args.any, &args.text)?;
    let events = SearchIndex::new(corpus).apply(corpus, &filter);
    match &args.output {
        Some(path) => {
            crate::save::write(path, |file| format.write(corpus, &events, file))?;
            eprintln!(
                "chronicle: wrote {} as {} to {}",
                crate::text::count(events.len(), "event"),
                format.name(),
                crate::text::sanitize::sanitize_line(&path.to_string_lossy())
            );
        }
        None => format.write(corpus, &events, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    /// The command line names every format the way the explorer and the
    /// success message do.
    #[test]
    fn every_format_is_offered_under_its_own_name() {
        let offered: Vec<(String, Format)> = FormatArg::value_variants()
            .iter()
            .map(|&arg| {
                let value = arg.to_possible_value().expect("not hidden");
                (value.get_name().to_owned(), Format::from(arg))
            })
            .collect();
        let expected: Vec<(String, Format)> = Format::ALL
            .iter()
            .map(|&f| (f.name().to_owned(), f))
            .collect();
        assert_eq!(offered, expected);
    }
}
