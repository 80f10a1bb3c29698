//! Taking timelines in: `chronicle import timelinejs FILE -o DIR` reads a
//! TimelineJS3 JSON file and writes a corpus directory, then loads it the
//! way the explorer would and reports every problem. What could not be
//! mapped is listed on stderr, never dropped silently.

mod clean;
mod dates;
mod foreign;
mod html;
mod surrogates;
pub mod timelinejs;
pub mod write;

use std::path::{Path, PathBuf};
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

/// Parses JSON, or says where it is broken: `file:line:col: message`.
pub fn parse_json(file: &Path, bytes: &[u8]) -> Result<serde_json::Value, String> {
    serde_json::from_slice(bytes).map_err(|err| {
        let full = err.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m);
        format!(
            "{}:{}:{}: not valid JSON: {message}",
            file.display(),
            err.line(),
            err.column()
        )
    })
}

pub fn run(args: &ImportArgs) -> ExitCode {
    match import(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("chronicle: {}", sanitize_line(&message));
            ExitCode::FAILURE
        }
    }
}

/// The largest file imported: a TimelineJS export carries its articles'
/// text, so it can be large, but not this large.
const FILE_LIMIT: u64 = 1 << 30;

fn import(args: &ImportArgs) -> Result<ExitCode, String> {
    let ImportFormat::TimelineJs = args.format;
    let shown = sanitize_line(&args.file.to_string_lossy()).into_owned();
    let bytes = crate::read::regular_file(&args.file, FILE_LIMIT)
        .map_err(|unread| format!("{shown}: {unread}"))?;
    let (bytes, lone) = surrogates::replace_lone(&bytes);
    for (line, col) in lone {
        eprintln!(
            "warning: {shown}:{line}:{col}: a lone UTF-16 surrogate escape; replaced with U+FFFD"
        );
    }
    let value = parse_json(&args.file, &bytes)?;
    let imported = timelinejs::read(&value).map_err(|m| format!("{shown}: {m}"))?;
    for note in &imported.notes {
        eprintln!("not mapped: {shown}: {}", sanitize_line(note));
    }
    write::write_corpus(&imported.doc, &args.output, args.force)
        .map_err(|e| format!("cannot write the corpus: {e}"))?;
    let loaded = load(&Location::Dir(args.output.clone()));
    for problem in &loaded.problems {
        eprintln!("warning: {problem}");
    }
    let c = &loaded.corpus;
    eprintln!(
        "chronicle: wrote {}: {} articles, {} actors, {} events, {} quotes, {} problem(s)",
        sanitize_line(&args.output.to_string_lossy()),
        c.articles.len(),
        c.actors.len(),
        c.events.len(),
        c.quotes.len(),
        loaded.problems.len()
    );
    Ok(if loaded.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// An id made of lower-case letters, digits and dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && c.is_ascii() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}
