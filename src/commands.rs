//! The commands that need no terminal: `check`, `events`, `quotes`. Their
//! text comes from the model, so it is already sanitized.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::ListArgs;
use crate::extract::Loaded;
use crate::filter::{resolve_actor, Combine, Filter, SearchIndex};
use crate::model::{Corpus, Event, Ix, Origin, Precision, Quote};

/// Prints every problem; exits 1 when there is any.
pub fn check(loaded: &Loaded, out: &mut impl Write) -> ExitCode {
    for problem in &loaded.problems {
        if writeln!(out, "{problem}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    let c = &loaded.corpus;
    let summary = format!(
        "{}: {} articles, {} actors, {} events, {} quotes, {} problem(s)",
        c.name,
        c.articles.len(),
        c.actors.len(),
        c.events.len(),
        c.quotes.len(),
        loaded.problems.len()
    );
    eprintln!("{summary}");
    let unread = loaded.extracted.unread_curated;
    if unread > 0 {
        eprintln!(
            "{unread} articles that curated events or quotes cite were not read for more: \
             their text is over {} MB",
            crate::extract::augment::CURATED_TEXT_BUDGET >> 20
        );
    }
    for (a, capped) in &loaded.extracted.capped {
        let article = &c.articles[*a];
        eprintln!(
            "{}: article '{}' is {} {capped}",
            article.file,
            article.id,
            crate::extract::caps::OVER
        );
    }
    if loaded.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Problems go to stderr so that stdout stays clean for a pipe.
pub fn warn(loaded: &Loaded) {
    for problem in &loaded.problems {
        eprintln!("warning: {problem}");
    }
}

/// Resolves every --actor; an unknown name is an error naming it.
fn actors(corpus: &Corpus, names: &[String]) -> io::Result<Vec<Ix>> {
    names
        .iter()
        .map(|name| {
            resolve_actor(corpus, name).ok_or_else(|| {
                let shown = crate::text::sanitize::sanitize_line(name);
                let message = if name.trim().is_empty() {
                    "--actor needs a name (an empty one matches nobody)".to_owned()
                } else {
                    format!("no actor matches '{shown}'")
                };
                io::Error::new(io::ErrorKind::InvalidInput, message)
            })
        })
        .collect()
}

/// The filter the command line asks for: `--actor` names (all of them, or
/// any with `--any`) and a text query.
pub fn filter(corpus: &Corpus, names: &[String], any: bool, text: &str) -> io::Result<Filter> {
    Ok(Filter {
        actors: actors(corpus, names)?,
        combine: if any { Combine::Any } else { Combine::All },
        text: text.to_owned(),
    })
}

#[derive(Serialize)]
struct SourceOut<'a> {
    article: &'a str,
    excerpt: &'a str,
    /// Byte range of the passage in the article body.
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    date: String,
    precision: Precision,
    approximate: bool,
    uncertain: bool,
    date_note: Option<&'a str>,
    title: &'a str,
    kind: &'a str,
    place: Option<&'a str>,
    actors: Vec<&'a str>,
    parent: Option<&'a str>,
    summary: &'a str,
    sources: Vec<SourceOut<'a>>,
    origin: Origin,
    /// The past mentioned as context rather than the story's own events.
    background: bool,
    /// For a built event: why its reports were joined.
    built_from: Option<&'a str>,
}

fn event_out<'a>(corpus: &'a Corpus, event: &'a Event) -> EventOut<'a> {
    EventOut {
        id: &event.id,
        date: event.date.to_edtf(),
        precision: event.date.precision(),
        approximate: event.date.approximate,
        uncertain: event.date.uncertain,
        date_note: event.date_note.as_deref(),
        title: &event.title,
        kind: event.kind.name(),
        place: event.place.as_deref(),
        actors: event
            .actors
            .iter()
            .map(|&a| corpus.actors[a].name.as_str())
            .collect(),
        parent: event.parent.map(|p| corpus.events[p].id.as_str()),
        summary: &event.summary,
        sources: event
            .sources
            .iter()
            .map(|s| SourceOut {
                article: &corpus.articles[s.article].id,
                excerpt: &s.excerpt,
                start: s.span.start,
                end: s.span.end,
            })
            .collect(),
        origin: event.origin,
        background: event.background,
        built_from: event.built_from.as_deref(),
    }
}

pub fn events(loaded: &Loaded, args: &ListArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(loaded);
    let corpus = &loaded.corpus;
    let filter = filter(corpus, &args.actor, args.any, "")?;
    let shown = SearchIndex::new(corpus).apply(corpus, &filter);
    if args.json {
        let list: Vec<EventOut> = shown
            .iter()
            .map(|&e| event_out(corpus, &corpus.events[e]))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        for &e in &shown {
            let event = &corpus.events[e];
            let indent = if event.parent.is_some() { "  " } else { "" };
            let actors: Vec<&str> = event
                .actors
                .iter()
                .map(|&a| corpus.actors[a].name.as_str())
                .collect();
            writeln!(
                out,
                "{}\t{}\t{indent}{}\t{}\t{}",
                event.date.display(),
                event.kind.name(),
                event.title,
                actors.join(", "),
                event.id
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    id: &'a str,
    speaker: &'a str,
    speaker_id: &'a str,
    text: &'a str,
    article: &'a str,
    event: Option<&'a str>,
    start: usize,
    end: usize,
    origin: Origin,
    /// How far to trust the speaker of an extracted quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
}

fn quote_out<'a>(corpus: &'a Corpus, quote: &'a Quote) -> QuoteOut<'a> {
    let speaker = &corpus.actors[quote.speaker];
    QuoteOut {
        id: &quote.id,
        speaker: &speaker.name,
        speaker_id: &speaker.id,
        text: &quote.text,
        article: &corpus.articles[quote.article].id,
        event: quote.event.map(|e| corpus.events[e].id.as_str()),
        start: quote.span.start,
        end: quote.span.end,
        origin: quote.origin,
        confidence: None,
    }
}

pub fn quotes(loaded: &Loaded, args: &ListArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(loaded);
    let corpus = &loaded.corpus;
    let wanted = actors(corpus, &args.actor)?;
    // Quotes in timeline order of their events, then in article order.
    let mut rank = vec![usize::MAX; corpus.events.len()];
    for (pos, &e) in corpus.order.iter().enumerate() {
        rank[e] = pos;
    }
    let mut shown: Vec<&Quote> = corpus
        .quotes
        .iter()
        .filter(|q| wanted.is_empty() || wanted.contains(&q.speaker))
        .collect();
    shown.sort_by_key(|q| {
        (
            q.event.map_or(usize::MAX, |e| rank[e]),
            q.article,
            q.span.start,
        )
    });
    if args.json {
        let list: Vec<QuoteOut> = shown
            .iter()
            .map(|q| QuoteOut {
                confidence: loaded.extracted.confidence(q),
                ..quote_out(corpus, q)
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        for q in shown {
            let event = q.event.map_or("-", |e| corpus.events[e].id.as_str());
            let text = q.text.replace('\n', " ");
            writeln!(
                out,
                "{}\t“{text}”\t{}\t{event}",
                corpus.actors[q.speaker].name, corpus.articles[q.article].id
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
