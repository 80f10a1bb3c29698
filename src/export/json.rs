//! The whole model as JSON: `format`, `version`, then articles, actors,
//! events and quotes, each a list of flat records that refer to each other
//! by id. Keys are always present (absent values are `null`), in a fixed
//! order; assets/schema/chronicle-export.schema.json documents them. The
//! TimelineJS sidecar is the same document without `origin` and
//! `background`, which is why these types also deserialize.
//!
//! These records are chronicle's one JSON shape of an article, an actor,
//! an event and a quote: `events --json` and `quotes --json` print them
//! too (through [`Records`]), and import reads them back.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::{human_date, quotes_of};
use crate::model::{Corpus, IdMap, Ix, Origin, Passthrough, Precision};
use crate::text::fold::Folded;

/// What `format` says, so a reader can tell this file from others.
pub const FORMAT: &str = "chronicle-export";
/// Bumped when a field changes meaning or goes away; new fields do not.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u32,
    pub articles: Vec<ArticleDoc>,
    pub actors: Vec<ActorDoc>,
    pub events: Vec<EventDoc>,
    pub quotes: Vec<QuoteDoc>,
    /// What an imported TimelineJS file held beyond the records, for the
    /// exported events; absent when there is none.
    #[serde(default, skip_serializing_if = "Passthrough::is_empty")]
    pub timelinejs: Passthrough,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleDoc {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub published_note: Option<String>,
    /// Paragraphs separated by a blank line.
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorDoc {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    /// `person` or `organisation`.
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDoc {
    pub id: String,
    /// EDTF, as in events.toml; the fields after it are derived from it.
    pub date: String,
    #[serde(default)]
    pub display_date: String,
    #[serde(default)]
    pub precision: String,
    #[serde(default)]
    pub approximate: bool,
    #[serde(default)]
    pub uncertain: bool,
    #[serde(default)]
    pub date_note: Option<String>,
    pub title: String,
    #[serde(default)]
    pub place: Option<String>,
    pub kind: String,
    /// Actor ids.
    #[serde(default)]
    pub actors: Vec<String>,
    /// The headline event's id, when that event is in the same export.
    #[serde(default)]
    pub parent: Option<String>,
    pub summary: String,
    pub sources: Vec<SourceDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// The past mentioned as context rather than the story's own events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background: Option<bool>,
    /// For a built event: why its reports were joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub built_from: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDoc {
    pub article: String,
    pub excerpt: String,
    /// Byte range of the passage in the article body (derived).
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteDoc {
    pub id: String,
    pub article: String,
    /// Actor id.
    pub speaker: String,
    /// None for an extracted quote that no event claims.
    pub event: Option<String>,
    pub text: String,
    /// Which occurrence of `text` in the article body (1-based).
    #[serde(default = "first")]
    pub occurrence: usize,
    #[serde(default)]
    pub start: usize,
    #[serde(default)]
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// How far to trust the speaker of an extracted quote (`quotes --json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

fn first() -> usize {
    1
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Week => "week",
        Precision::Day => "day",
        Precision::Hour => "hour",
        Precision::Minute => "minute",
    }
}

fn origin_name(o: Origin) -> &'static str {
    match o {
        Origin::Curated => "curated",
        Origin::Extracted => "extracted",
    }
}

/// Which occurrence (1-based) of a text starts at `start`, given where each
/// of them starts, in order (1 when none does).
fn occurrence(starts: &[usize], start: usize) -> usize {
    starts.binary_search(&start).map_or(1, |i| i + 1)
}

/// The document for these events, their quotes and the articles they refer
/// to, with every actor of the corpus: the cast is the corpus', and an
/// import keeps those nothing refers to yet, whom the actor filter offers.
/// `with_origin` is false for the TimelineJS sidecar.
pub fn document(corpus: &Corpus, events: &[Ix], with_origin: bool) -> Document {
    let quotes = quotes_of(corpus, events);
    let mut articles: Vec<Ix> = Vec::new();
    for &e in events {
        articles.extend(corpus.events[e].sources.iter().map(|s| s.article));
    }
    articles.extend(quotes.iter().map(|&q| corpus.quotes[q].article));
    articles.sort_by(|&a, &b| corpus.articles[a].id.cmp(&corpus.articles[b].id));
    articles.dedup();
    let mut records = Records::new(corpus, events, with_origin);
    Document {
        format: FORMAT.to_owned(),
        version: VERSION,
        articles: articles.iter().map(|&a| records.article(a)).collect(),
        actors: (0..corpus.actors.len()).map(|a| records.actor(a)).collect(),
        events: events.iter().map(|&e| records.event(e)).collect(),
        quotes: quotes.iter().map(|&q| records.quote(q)).collect(),
        timelinejs: passthrough_of(corpus, events),
    }
}

/// The corpus' TimelineJS passthrough for these events.
pub fn passthrough_of(corpus: &Corpus, events: &[Ix]) -> Passthrough {
    let kept = &corpus.passthrough.events;
    Passthrough {
        top: corpus.passthrough.top.clone(),
        events: events
            .iter()
            .filter_map(|&e| {
                let id = &corpus.events[e].id;
                kept.get(id).map(|k| (id.clone(), k.clone()))
            })
            .collect(),
    }
}

/// Makes the records of a corpus, for a list of events: an event's
/// `parent` is named only when it is in the list, so that a list and its
/// re-import agree.
pub struct Records<'a> {
    corpus: &'a Corpus,
    member: Vec<bool>,
    /// False for the TimelineJS sidecar: no `origin` or `background`.
    with_origin: bool,
    /// Each article is folded once for all of its quotes, and each text
    /// searched for in it once: an article may quote the same words
    /// thousands of times.
    folded: Vec<Option<Folded>>,
    starts: IdMap<(Ix, &'a str), Vec<usize>>,
}

impl<'a> Records<'a> {
    pub fn new(corpus: &'a Corpus, events: &[Ix], with_origin: bool) -> Records<'a> {
        Records {
            corpus,
            member: super::membership(corpus, events),
            with_origin,
            folded: corpus.articles.iter().map(|_| None).collect(),
            starts: IdMap::default(),
        }
    }

    fn origin(&self, o: Origin) -> Option<String> {
        self.with_origin.then(|| origin_name(o).to_owned())
    }

    pub fn article(&self, a: Ix) -> ArticleDoc {
        let a = &self.corpus.articles[a];
        ArticleDoc {
            id: a.id.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            url: a.url.clone(),
            published: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
            published_note: a.published_note.clone(),
            body: a.body.clone(),
        }
    }

    pub fn actor(&self, a: Ix) -> ActorDoc {
        let a = &self.corpus.actors[a];
        ActorDoc {
            id: a.id.clone(),
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            role: a.role.clone(),
            country: a.country.clone(),
            kind: match a.kind {
                crate::model::ActorKind::Person => "person".into(),
                crate::model::ActorKind::Organisation => "organisation".into(),
            },
        }
    }

    pub fn event(&self, e: Ix) -> EventDoc {
        let corpus = self.corpus;
        let ev = &corpus.events[e];
        let listed = |ix: Ix| self.member.get(ix).copied().unwrap_or(false);
        EventDoc {
            id: ev.id.clone(),
            date: ev.date.to_edtf(),
            display_date: human_date(&ev.date),
            precision: precision_name(ev.date.precision()).into(),
            approximate: ev.date.approximate,
            uncertain: ev.date.uncertain,
            date_note: ev.date_note.clone(),
            title: ev.title.clone(),
            place: ev.place.clone(),
            kind: ev.kind.name().into(),
            actors: ev
                .actors
                .iter()
                .map(|&a| corpus.actors[a].id.clone())
                .collect(),
            parent: ev
                .parent
                .filter(|&p| listed(p))
                .map(|p| corpus.events[p].id.clone()),
            summary: ev.summary.clone(),
            sources: ev
                .sources
                .iter()
                .map(|s| SourceDoc {
                    article: corpus.articles[s.article].id.clone(),
                    excerpt: s.excerpt.clone(),
                    start: s.span.start,
                    end: s.span.end,
                })
                .collect(),
            origin: self.origin(ev.origin),
            background: self.with_origin.then_some(ev.background),
            built_from: ev.built_from.clone().filter(|_| self.with_origin),
        }
    }

    pub fn quote(&mut self, q: Ix) -> QuoteDoc {
        let corpus = self.corpus;
        let quote = &corpus.quotes[q];
        let folded = &mut self.folded;
        let starts = self
            .starts
            .entry((quote.article, quote.text.as_str()))
            .or_insert_with(|| {
                let body = folded[quote.article]
                    .get_or_insert_with(|| Folded::new(&corpus.articles[quote.article].body));
                let found = body.find_all(&quote.text);
                found.into_iter().map(|r| r.start).collect()
            });
        QuoteDoc {
            id: quote.id.clone(),
            article: corpus.articles[quote.article].id.clone(),
            speaker: corpus.actors[quote.speaker].id.clone(),
            event: quote.event.map(|e| corpus.events[e].id.clone()),
            text: quote.text.clone(),
            occurrence: occurrence(starts, quote.span.start),
            start: quote.span.start,
            end: quote.span.end,
            origin: self.origin(quote.origin),
            confidence: None,
        }
    }
}

pub fn write(corpus: &Corpus, events: &[Ix], out: &mut dyn Write) -> io::Result<()> {
    let doc = document(corpus, events, true);
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
