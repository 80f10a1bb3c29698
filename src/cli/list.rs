//! `chronicle events` and `chronicle quotes`: the corpus as lines, or as
//! JSON in the records of `export --format json`. Their text comes from
//! the model, so it is already sanitized.

use std::io::{self, Write};
use std::process::ExitCode;

use super::select::{actors, filter};
use super::warn;
use crate::export::json::{EventDoc, QuoteDoc, Records};
use crate::extract::Loaded;
use crate::filter::SearchIndex;
use crate::model::Ix;

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

pub fn events(loaded: &Loaded, args: &ListArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(&loaded.problems);
    let corpus = &loaded.corpus;
    let filter = filter(corpus, &args.actor, args.any, "")?;
    let shown = SearchIndex::new(corpus).apply(corpus, &filter);
    if args.json {
        let records = Records::new(corpus, &shown, true);
        let list: Vec<EventDoc> = shown.iter().map(|&e| records.event(e)).collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        crate::export::lines::events(corpus, &shown, out)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn quotes(loaded: &Loaded, args: &ListArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(&loaded.problems);
    let corpus = &loaded.corpus;
    let wanted = actors(corpus, &args.actor)?;
    // Quotes in timeline order of their events, then in article order.
    let mut rank = vec![usize::MAX; corpus.events.len()];
    for (pos, &e) in corpus.order.iter().enumerate() {
        rank[e] = pos;
    }
    let mut shown: Vec<Ix> = (0..corpus.quotes.len())
        .filter(|&q| wanted.is_empty() || wanted.contains(&corpus.quotes[q].speaker))
        .collect();
    shown.sort_by_key(|&q| {
        let q = &corpus.quotes[q];
        (
            q.event.map_or(usize::MAX, |e| rank[e]),
            q.article,
            q.span.start,
        )
    });
    if args.json {
        let mut records = Records::new(corpus, &[], true);
        let list: Vec<QuoteDoc> = shown
            .iter()
            .map(|&q| QuoteDoc {
                confidence: loaded.extracted.confidence(&corpus.quotes[q]),
                ..records.quote(q)
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        for q in shown.iter().map(|&q| &corpus.quotes[q]) {
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
