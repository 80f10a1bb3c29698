//! One synthetic article with its events and quotes. Every event excerpt is
//! a sentence written into the body, and every quote is kept only when its
//! text occurs exactly once in the body, so the corpus always validates.

use chrono::{Datelike, Days, NaiveDate};

use super::names::GenActor;
use super::rng::Rng;
use super::words::*;
use super::writer::{day_phrase, outlet_slug, paragraphs, span_phrase, Writer};
use crate::model::EventKind;
use crate::text::fold::fold;

pub struct GenArticle {
    pub id: String,
    pub title: String,
    pub outlet: &'static str,
    pub published: NaiveDate,
    /// Paragraphs separated by blank lines, hard-wrapped like a text file.
    pub body: String,
}

pub struct GenEvent {
    pub id: String,
    pub date: String,
    pub title: String,
    pub place: &'static str,
    pub kind: EventKind,
    pub actors: Vec<usize>,
    pub parent: Option<String>,
    pub summary: String,
    /// (article id, excerpt)
    pub sources: Vec<(String, String)>,
}

pub struct GenQuote {
    pub id: String,
    pub article: String,
    pub speaker: usize,
    pub event: String,
    pub text: String,
}

/// An event from the previous article, retold in the next one so that it
/// cites two sources.
pub struct Carried {
    pub event: GenEvent,
    pub sentence: String,
}

pub struct Generated {
    pub article: GenArticle,
    pub events: Vec<GenEvent>,
    pub quotes: Vec<GenQuote>,
    pub carry: Option<Carried>,
}

/// Article `index` of `total`, published between 2010 and 2024 in order.
pub fn generate(
    index: usize,
    total: usize,
    rng: &mut Rng,
    actors: &[GenActor],
    carried: Option<Carried>,
) -> Generated {
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap_or_default();
    let day = (index as u64 * 5400) / total.max(1) as u64;
    let published = start + Days::new(day);
    let outlet = *rng.pick(&OUTLETS);
    let id = format!("{}-{}-{index:05}", outlet_slug(outlet), published.year());
    let mut w = Writer {
        rng,
        actors,
        cast: Vec::new(),
        mentioned: Vec::new(),
        published,
        outlet,
    };
    let cast_size = w.rng.range(5, 8).min(actors.len());
    while w.cast.len() < cast_size {
        // Skewed towards the first actors: some people are in the news a lot.
        let n = actors.len();
        let pick = w.rng.below(n) * w.rng.below(n) / n.max(1);
        if !w.cast.contains(&pick) {
            w.cast.push(pick);
        }
    }

    let mut events = Vec::new();
    let mut sentences = Vec::new();
    let count = w.rng.range(8, 12);
    let headline = w.rng.chance(40);
    let place = *w.rng.pick(&PLACES);
    let (from, days) = (
        published - Days::new(w.rng.range(6, 20) as u64),
        w.rng.range(2, 5),
    );
    for k in 0..count {
        let (kind, when, date, parent, place) = if headline && k == 0 {
            let kind = *w.rng.pick(&[EventKind::Summit, EventKind::Visit]);
            let to = from + Days::new(days as u64);
            (
                kind,
                span_phrase(from, to),
                format!("{from}/{to}"),
                None,
                place,
            )
        } else if headline && k <= 3 {
            let on = from + Days::new(w.rng.below(days + 1) as u64);
            let kind = *w.rng.pick(&[
                EventKind::Meeting,
                EventKind::Gift,
                EventKind::Ceremony,
                EventKind::Talks,
            ]);
            let parent = Some(format!("{id}-e00"));
            (kind, day_phrase(on), on.to_string(), parent, place)
        } else {
            let kind = *w.rng.pick(&EventKind::ALL);
            let (when, date) = w.date();
            (kind, when, date, None, *w.rng.pick(&PLACES))
        };
        let a = w.someone();
        let b = w.other_than(a);
        let (sentence, title, pair) = w.event_text(kind, a, b, place, &when);
        let listed = if pair && b != a { vec![a, b] } else { vec![a] };
        let names: Vec<&str> = listed
            .iter()
            .map(|&c| actors[w.cast[c]].name.as_str())
            .collect();
        let summary = format!(
            "{} took part, {outlet} reported; the talks covered {}.",
            names.join(" and "),
            w.rng.pick(&TOPICS)
        );
        events.push(GenEvent {
            id: format!("{id}-e{k:02}"),
            date,
            title,
            place,
            kind,
            actors: listed.iter().map(|&c| w.cast[c]).collect(),
            parent,
            summary,
            sources: vec![(id.clone(), sentence.clone())],
        });
        sentences.push(sentence);
    }

    let wanted = w.rng.range(18, 22);
    let mut quotes = Vec::new();
    let mut quote_sentences = Vec::new();
    for k in 0..wanted + 2 {
        let speaker = w.someone();
        let (sentence, text) = w.quote(speaker);
        let event = events[w.rng.below(events.len())].id.clone();
        quotes.push(GenQuote {
            id: format!("{id}-q{k:02}"),
            article: id.clone(),
            speaker: w.cast[speaker],
            event,
            text,
        });
        quote_sentences.push(sentence);
    }

    // Events first in the lead, then quotes and events interleaved, then
    // filler until the article is about 4 KB.
    let mut order: Vec<String> = Vec::new();
    let lead = if headline { 4 } else { 2 }.min(sentences.len());
    order.extend(sentences.drain(..lead));
    let mut q = quote_sentences.into_iter();
    for s in sentences {
        order.extend(q.next());
        order.push(s);
        order.extend(q.next());
    }
    order.extend(q);
    if let Some(c) = &carried {
        let at = w.rng.range(order.len() / 2, order.len());
        order.insert(at, c.sentence.clone());
    }
    let mut size: usize = order.iter().map(|s| s.len() + 1).sum();
    while size < 3900 {
        let mut s = w.filler();
        for _ in 0..4 {
            if !order.contains(&s) {
                break;
            }
            s = w.filler();
        }
        size += s.len() + 1;
        let at = w.rng.range(1, order.len());
        order.insert(at, s);
    }
    let body = paragraphs(w.rng, &order);

    let folded = fold(&body);
    quotes.retain(|q| folded.matches(fold(&q.text).as_str()).count() == 1);
    quotes.truncate(wanted);

    let title = events[0].title.clone();
    let carry = events
        .iter()
        .rposition(|e| e.parent.is_none() && !(headline && e.id.ends_with("-e00")))
        .map(|at| {
            let event = events.remove(at);
            let sentence = event.sources[0].1.clone();
            Carried { event, sentence }
        });
    if let Some(mut c) = carried {
        c.event.sources.push((id.clone(), c.sentence));
        events.push(c.event);
    }
    Generated {
        article: GenArticle {
            id,
            title,
            outlet,
            published,
            body,
        },
        events,
        quotes,
        carry,
    }
}
