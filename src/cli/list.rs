//! `chronicle events` and `chronicle quotes`: the corpus as lines or JSON.
//! Their text comes from the model, so it is already sanitized.

use std::io::{self, Write};
use std::process::ExitCode;

use serde::Serialize;

use super::select::{actors, filter};
use super::warn;
use crate::corpus::Loaded;
use crate::filter::SearchIndex;
use crate::model::{Corpus, Event, Origin, Precision, Quote};

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
