//! `chronicle extract FILE...`: what the extractor finds in article files,
//! as lines or JSON, with byte and character spans so that every item can
//! be checked against its source.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::found::{date_and_anchor, mentions_out, Chars, MentionOut};
use crate::corpus::diag::line_col;
use crate::corpus::read_article;
use crate::extract::{caps, Extraction, Extractor, Loaded, Speaker};
use crate::model::date::parse_day;
use crate::model::{Actor, Article};
use crate::text::sanitize::sanitize_line;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Article files (.txt or .md, with or without front matter).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) that anchors relative dates; overrides
    /// the front matter's.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    parse_day(s).map_err(|e| format!("not a date like 2024-06-17: {}", e.message))
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    article: &'a str,
    text: &'a str,
    speaker: Option<String>,
    speaker_id: Option<&'a str>,
    confidence: f32,
    rule: &'static str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    start: usize,
    end: usize,
    actors: Vec<&'a str>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    file: &'a str,
    article: &'a str,
    published: Option<String>,
    quotes: Vec<QuoteOut<'a>>,
    mentions: Vec<MentionOut<'a>>,
    paragraphs: Vec<ParagraphOut<'a>>,
    /// What the headline itself quotes and dates; spans are in the title.
    title: TitleOut<'a>,
}

#[derive(Serialize)]
struct TitleOut<'a> {
    text: &'a str,
    quotes: Vec<QuoteOut<'a>>,
    mentions: Vec<MentionOut<'a>>,
}

fn speaker_name(actors: &[Actor], s: &Option<Speaker>) -> Option<String> {
    match s {
        Some(Speaker::Actor(a)) => actors.get(*a).map(|a| a.name.clone()),
        Some(Speaker::New(name)) => Some(name.clone()),
        None => None,
    }
}

fn quotes_out<'a>(
    article: &'a Article,
    ex: &'a Extraction,
    actors: &'a [Actor],
    chars: &Chars,
) -> Vec<QuoteOut<'a>> {
    ex.quotes
        .iter()
        .map(|q| QuoteOut {
            article: &article.id,
            text: &q.text,
            speaker: speaker_name(actors, &q.speaker),
            speaker_id: match q.speaker {
                Some(Speaker::Actor(a)) => actors.get(a).map(|a| a.id.as_str()),
                _ => None,
            },
            confidence: q.confidence,
            rule: q.rule,
            start: q.span.start,
            end: q.span.end,
            char_start: chars.at(q.span.start),
            char_end: chars.at(q.span.end),
        })
        .collect()
}

/// Reads a regular file as UTF-8 (as the corpus loader reads one); otherwise
/// an error naming the file (`path`, as shown) and where.
fn read_text(file: &Path, path: &str) -> Result<String, String> {
    let bytes = crate::read::regular_file(file, crate::corpus::FILE_LIMIT)
        .map_err(|unread| format!("{path}: {unread}; file skipped"))?;
    String::from_utf8(bytes).map_err(|e| {
        let bad = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let valid = std::str::from_utf8(&bytes[..bad]).unwrap_or_default();
        let (line, col) = line_col(valid, valid.len());
        format!(
            "{path}:{line}:{col}: invalid UTF-8 (byte 0x{:02X}); file skipped",
            bytes[bad]
        )
    })
}

/// `chronicle extract FILE...`: speakers resolve through the corpus' actors.
pub fn run(loaded: &Loaded, args: &ExtractArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let actors = &loaded.corpus.actors;
    let extractor = Extractor::new(actors);
    let mut failed = false;
    let mut files = Vec::new();
    for path in &args.files {
        let shown = sanitize_line(&path.to_string_lossy()).into_owned();
        let text = match read_text(path, &shown) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("chronicle: {message}");
                failed = true;
                continue;
            }
        };
        let mut problems = Vec::new();
        let article = read_article(&shown, text, &mut problems);
        for p in &problems {
            eprintln!("warning: {p}");
        }
        let Some(mut article) = article else {
            failed = true;
            continue;
        };
        if args.published.is_some() {
            article.published = args.published;
        }
        let ex = extractor.run(&article.body, article.published);
        if ex.capped.any() {
            eprintln!("warning: {shown}: {} {}", caps::OVER, ex.capped);
        }
        // The headline is read too, as a text of its own.
        let headline = Article {
            body: article.title.clone(),
            ..article.clone()
        };
        let tx = extractor.run(&headline.body, article.published);
        files.push((shown, article, ex, headline, tx));
    }
    if args.json {
        let list: Vec<FileOut> = files
            .iter()
            .map(|(file, article, ex, headline, tx)| {
                let chars = Chars::new(&article.body, ex);
                let title_chars = Chars::new(&headline.body, tx);
                FileOut {
                    file,
                    article: &article.id,
                    published: article.published.map(|d| d.to_string()),
                    quotes: quotes_out(article, ex, actors, &chars),
                    mentions: mentions_out(article, ex, &chars),
                    paragraphs: ex
                        .mentions
                        .iter()
                        .map(|p| ParagraphOut {
                            start: p.span.start,
                            end: p.span.end,
                            actors: p
                                .actors
                                .iter()
                                .filter_map(|&a| actors.get(a))
                                .map(|a| a.id.as_str())
                                .collect(),
                        })
                        .collect(),
                    title: TitleOut {
                        text: &headline.body,
                        quotes: quotes_out(headline, tx, actors, &title_chars),
                        mentions: mentions_out(headline, tx, &title_chars),
                    },
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        for (file, article, ex, _, tx) in &files {
            write_lines(out, file, article, ex, actors)?;
            write_title(out, article, tx, actors)?;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn write_lines(
    out: &mut impl Write,
    file: &str,
    article: &Article,
    ex: &Extraction,
    actors: &[Actor],
) -> io::Result<()> {
    let published = article
        .published
        .map_or("unknown".to_string(), |d| d.to_string());
    writeln!(out, "== {file} ({}), published {published}", article.id)?;
    writeln!(out, "quotes: {}", ex.quotes.len())?;
    for q in &ex.quotes {
        let who = speaker_name(actors, &q.speaker).unwrap_or_else(|| "?".into());
        let text = q.text.replace("\n\n", " ¶ ");
        writeln!(
            out,
            "  {:.2}\t{who}\t“{text}”\t{}\t{}..{}",
            q.confidence, q.rule, q.span.start, q.span.end
        )?;
    }
    writeln!(out, "dates: {}", ex.dates.len())?;
    for d in &ex.dates {
        let (date, anchor) = date_and_anchor(d);
        writeln!(
            out,
            "  {date}\t“{}”\t{}\tanchor {anchor}\t{}..{}",
            d.phrase, d.rule, d.span.start, d.span.end
        )?;
    }
    writeln!(out, "actors by paragraph:")?;
    for (n, p) in ex
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.actors.is_empty())
    {
        let names: Vec<&str> = p
            .actors
            .iter()
            .filter_map(|&a| actors.get(a))
            .map(|a| a.name.as_str())
            .collect();
        writeln!(out, "  ¶{}\t{}", n + 1, names.join(", "))?;
    }
    Ok(())
}

/// The headline's own quotes and dates, when it has any.
fn write_title(
    out: &mut impl Write,
    article: &Article,
    tx: &Extraction,
    actors: &[Actor],
) -> io::Result<()> {
    if tx.quotes.is_empty() && tx.dates.is_empty() {
        return Ok(());
    }
    writeln!(out, "title: “{}”", article.title)?;
    for q in &tx.quotes {
        let who = speaker_name(actors, &q.speaker).unwrap_or_else(|| "?".into());
        writeln!(out, "  quote	{who}	“{}”	{}", q.text, q.rule)?;
    }
    for d in &tx.dates {
        let (date, _) = date_and_anchor(d);
        writeln!(out, "  date	{date}	“{}”	{}", d.phrase, d.rule)?;
    }
    Ok(())
}
