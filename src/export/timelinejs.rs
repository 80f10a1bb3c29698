//! TimelineJS3 JSON. Each event is a slide: dates at the event's precision,
//! a `display_date` where TimelineJS would otherwise hide an approximation,
//! the summary, actors, place and quotes as escaped HTML, the headline
//! event's title as `group`, the event id as `unique_id` and the first
//! source article with a URL as `media`. Each headline event is an era.
//! A top-level `chronicle` key, which TimelineJS ignores, holds the model
//! document (see `json`) so that `chronicle import timelinejs` gets back
//! what TimelineJS has no place for. A corpus imported from TimelineJS
//! gives back its slides, eras, title slide and other keys as the file had
//! them (see `kept`).

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use serde_json::{Map, Value};

use super::json::{document, Document};
use super::kept;
use super::{
    date_range, escape_html, headline_of, human_date, media_article, membership, quotes_of,
};
use crate::model::passthrough::Role;
use crate::model::{Corpus, DateSpec, Ix, PartialDate, Precision};
use crate::text::{count, years};

#[derive(Serialize)]
struct Timeline {
    title: Out<Slide>,
    events: Vec<Out<Slide>>,
    eras: Vec<Out<Era>>,
    scale: Value,
    /// Top-level keys of an imported file that TimelineJS or its users added.
    #[serde(flatten)]
    rest: Map<String, Value>,
    chronicle: Document,
}

/// A slide or era written from the model, or kept from an imported file.
#[derive(Serialize)]
#[serde(untagged)]
enum Out<T> {
    Made(T),
    Kept(Value),
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: TlText,
    #[serde(skip_serializing_if = "Option::is_none")]
    media: Option<Media>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

/// A TimelineJS date: only the parts the event's precision has.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct TlDate {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<u32>,
}

#[derive(Serialize)]
struct TlText {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct Media {
    url: String,
    credit: String,
    caption: String,
}

#[derive(Serialize)]
struct Era {
    start_date: TlDate,
    end_date: TlDate,
    text: TlText,
}

impl TlDate {
    fn from_partial(d: &PartialDate) -> TlDate {
        TlDate {
            year: d.year(),
            month: d.month(),
            day: d.day(),
            hour: d.hour(),
            minute: d.minute(),
        }
    }

    fn from_day(d: NaiveDate) -> TlDate {
        TlDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
            hour: None,
            minute: None,
        }
    }
}

/// The slide dates of an event: (start, end).
pub fn slide_dates(date: &DateSpec) -> (TlDate, Option<TlDate>) {
    (
        TlDate::from_partial(&date.start()),
        date.end().as_ref().map(TlDate::from_partial),
    )
}

/// TimelineJS shows a date at the precision of its parts, so only an
/// approximation, an uncertainty or a week needs words of its own.
pub fn display_date(date: &DateSpec) -> Option<String> {
    (date.approximate || date.uncertain || date.precision() == Precision::Week)
        .then(|| human_date(date))
}

pub fn write(corpus: &Corpus, events: &[Ix], out: &mut dyn Write) -> io::Result<()> {
    let member = membership(corpus, events);
    let mut rest = corpus.passthrough.top.clone();
    let title = match rest.remove("title") {
        Some(kept) => Out::Kept(kept),
        None => Out::Made(title(corpus, events)),
    };
    let scale = rest.remove("scale").unwrap_or_else(|| "human".into());
    let slides = events
        .iter()
        .filter(|&&e| kept::is_slide(corpus, e))
        .map(|&e| {
            let made = slide(corpus, &member, e);
            match kept::of(corpus, e) {
                Some(k) => {
                    let value = serde_json::to_value(&made).unwrap_or_default();
                    let group = headline_of(corpus, &member, e).filter(|&h| h != e);
                    Out::Kept(kept::merged(corpus, e, k, value, group))
                }
                None => Out::Made(made),
            }
        })
        .collect();
    let timeline = Timeline {
        title,
        events: slides,
        eras: eras(corpus, events, &member),
        scale,
        rest,
        chronicle: document(corpus, events, false),
    };
    serde_json::to_writer_pretty(&mut *out, &timeline)?;
    out.write_all(b"\n")
}

fn title(corpus: &Corpus, events: &[Ix]) -> Slide {
    let headline = match date_range(corpus, events) {
        Some((a, b)) => format!("Chronology, {}", years(a.year(), b.year())),
        _ => "Chronology".to_owned(),
    };
    let quotes = quotes_of(corpus, events).len();
    Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: TlText {
            headline: escape_html(&headline),
            text: format!(
                "<p>{}, {}.</p>",
                count(events.len(), "event"),
                count(quotes, "quote")
            ),
        },
        media: None,
        group: None,
        unique_id: None,
    }
}

fn slide(corpus: &Corpus, member: &[bool], e: Ix) -> Slide {
    let event = &corpus.events[e];
    let (start, end) = slide_dates(&event.date);
    let media = media_article(corpus, e).map(|a| {
        let article = &corpus.articles[a];
        Media {
            url: article.url.clone().unwrap_or_default(),
            credit: escape_html(article.outlet.as_deref().unwrap_or_default()),
            caption: escape_html(&article.title),
        }
    });
    Slide {
        start_date: Some(start),
        end_date: end,
        display_date: display_date(&event.date),
        text: TlText {
            headline: escape_html(&event.title),
            text: slide_text(corpus, e),
        },
        media,
        group: headline_of(corpus, member, e).map(|h| escape_html(&corpus.events[h].title)),
        unique_id: Some(event.id.clone()),
    }
}

/// The slide body: summary, who, where, how the date is known, then the
/// event's quotes with their speakers and the source articles.
fn slide_text(corpus: &Corpus, e: Ix) -> String {
    let event = &corpus.events[e];
    let mut html = format!("<p>{}</p>", escape_html(&event.summary));
    if !event.actors.is_empty() {
        let names: Vec<String> = event
            .actors
            .iter()
            .map(|&a| escape_html(&corpus.actors[a].name))
            .collect();
        html.push_str(&format!("<p><b>Who:</b> {}</p>", names.join(", ")));
    }
    if let Some(place) = &event.place {
        html.push_str(&format!("<p><b>Where:</b> {}</p>", escape_html(place)));
    }
    if let Some(note) = &event.date_note {
        html.push_str(&format!("<p><i>Date: {}</i></p>", escape_html(note)));
    }
    for q in quotes_of(corpus, &[e]) {
        let quote = &corpus.quotes[q];
        html.push_str(&format!(
            "<blockquote>“{}”<br>— {}</blockquote>",
            escape_html(&quote.text),
            escape_html(&corpus.actors[quote.speaker].name)
        ));
    }
    let mut sources: Vec<Ix> = event.sources.iter().map(|s| s.article).collect();
    sources.dedup();
    let cited: Vec<String> = sources
        .iter()
        .map(|&a| {
            let article = &corpus.articles[a];
            let title = escape_html(&article.title);
            let linked = match &article.url {
                Some(url) => format!("<a href=\"{}\">{title}</a>", escape_html(url)),
                None => title,
            };
            match &article.outlet {
                Some(outlet) => format!("{linked} ({})", escape_html(outlet)),
                None => linked,
            }
        })
        .collect();
    if !cited.is_empty() {
        html.push_str(&format!("<p><b>Sources:</b> {}</p>", cited.join("; ")));
    }
    html
}

/// The eras of an imported file, then one era per headline event exported
/// with some of its sub-events, spanning them (but for the headline events
/// made for a file's groups, which come back as groups).
fn eras(corpus: &Corpus, events: &[Ix], member: &[bool]) -> Vec<Out<Era>> {
    let kept_eras = events.iter().filter_map(|&e| {
        let k = kept::of(corpus, e).filter(|k| k.role == Role::Era)?;
        let date = &corpus.events[e].date;
        let made = Era {
            start_date: TlDate::from_partial(&date.start()),
            end_date: TlDate::from_partial(&date.end().unwrap_or(date.start())),
            text: TlText {
                headline: escape_html(&corpus.events[e].title),
                text: format!("<p>{}</p>", escape_html(&corpus.events[e].summary)),
            },
        };
        let value = serde_json::to_value(&made).unwrap_or_default();
        Some(Out::Kept(kept::merged(corpus, e, k, value, None)))
    });
    let made = events
        .iter()
        .filter(|&&e| headline_of(corpus, member, e) == Some(e))
        .filter(|&&e| kept::of(corpus, e).is_none_or(|k| k.role != Role::Group))
        .map(|&h| {
            let members =
                std::iter::once(h).chain(corpus.children[h].iter().copied().filter(|&c| member[c]));
            let dates: Vec<&DateSpec> = members.map(|m| &corpus.events[m].date).collect();
            let first = dates.iter().map(|d| d.first_day()).min();
            let last = dates.iter().map(|d| d.last_day()).max();
            let headline = &corpus.events[h];
            Era {
                start_date: TlDate::from_day(first.unwrap_or(headline.date.first_day())),
                end_date: TlDate::from_day(last.unwrap_or(headline.date.last_day())),
                text: TlText {
                    headline: escape_html(&headline.title),
                    text: String::new(),
                },
            }
        })
        .map(Out::Made);
    kept_eras.chain(made).collect()
}

#[cfg(test)]
#[path = "timelinejs_tests.rs"]
mod tests;
