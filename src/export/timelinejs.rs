//! TimelineJS3 JSON. Each event is a slide: dates at the event's precision,
//! a `display_date` where TimelineJS would otherwise hide an approximation,
//! the summary, actors, place and quotes as escaped HTML, the headline
//! event's title as `group`, the event id as `unique_id` and the first
//! source article with a URL as `media`. Each headline event is an era.
//! A top-level `chronicle` key, which TimelineJS ignores, holds the model
//! document (see `json`) so that `chronicle import timelinejs` gets back
//! what TimelineJS has no place for.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::json::{document, Document};
use super::{
    date_range, escape_html, headline_of, human_date, media_article, membership, quotes_of,
};
use crate::model::{Corpus, DateSpec, Ix, PartialDate, Precision};
use crate::text::{count, years};

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
    eras: Vec<Era>,
    scale: &'static str,
    chronicle: Document,
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
    let timeline = Timeline {
        title: title(corpus, events),
        events: events.iter().map(|&e| slide(corpus, &member, e)).collect(),
        eras: eras(corpus, events, &member),
        scale: "human",
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

/// One era per headline event exported with some of its sub-events,
/// spanning them.
fn eras(corpus: &Corpus, events: &[Ix], member: &[bool]) -> Vec<Era> {
    events
        .iter()
        .filter(|&&e| headline_of(corpus, member, e) == Some(e))
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
        .collect()
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::corpus::{load, Location};

    fn render(corpus: &Corpus, events: &[Ix]) -> String {
        crate::export::Format::TimelineJs.render(corpus, events)
    }

    fn exported() -> (Corpus, Value) {
        let c = load(&Location::Embedded).corpus;
        let value = serde_json::from_str(&render(&c, &c.order)).expect("valid JSON");
        (c, value)
    }

    #[test]
    fn the_title_slide_counts_in_words_and_names_one_year_once() {
        let c = load(&Location::Embedded).corpus;
        let e = *c.order.last().expect("an event");
        let year = c.events[e].date.first_day().year();
        let v: Value = serde_json::from_str(&render(&c, &[e])).expect("valid JSON");
        let title = &v["title"]["text"];
        assert_eq!(title["headline"], format!("Chronology, {year}"));
        let quotes = quotes_of(&c, &[e]).len();
        assert_eq!(
            title["text"],
            format!("<p>1 event, {}.</p>", count(quotes, "quote"))
        );
    }

    #[test]
    fn every_event_is_a_slide_at_its_precision() {
        let (c, v) = exported();
        let slides = v["events"].as_array().expect("events");
        assert_eq!(slides.len(), c.events.len());
        for (slide, &e) in slides.iter().zip(&c.order) {
            let event = &c.events[e];
            assert_eq!(slide["unique_id"], event.id.as_str());
            let start = &slide["start_date"];
            assert_eq!(start["year"], event.date.start().year());
            assert_eq!(
                start.get("month").is_some(),
                event.date.start().month().is_some()
            );
            assert_eq!(
                start.get("day").is_some(),
                event.date.start().day().is_some()
            );
            assert_eq!(slide.get("end_date").is_some(), event.date.end().is_some());
            let needs_words = event.date.approximate || event.date.uncertain;
            assert_eq!(
                slide.get("display_date").is_some(),
                needs_words,
                "{}",
                event.id
            );
        }
    }

    #[test]
    fn slide_text_is_escaped_html_with_actors_place_and_quotes() {
        let (c, v) = exported();
        let quoted = c
            .order
            .iter()
            .position(|&e| !c.quotes_by_event[e].is_empty());
        let at = quoted.expect("some event has quotes");
        let e = c.order[at];
        let text = v["events"][at]["text"]["text"].as_str().expect("text");
        let q = &c.quotes[c.quotes_by_event[e][0]];
        assert!(text.contains(&escape_html(&q.text)));
        assert!(text.contains(&escape_html(&c.actors[q.speaker].name)));
        for &a in &c.events[e].actors {
            assert!(text.contains(&escape_html(&c.actors[a].name)));
        }
        if let Some(place) = &c.events[e].place {
            assert!(text.contains(&escape_html(place)));
        }
        // Only the slide's own tags remain once they are taken out.
        let mut rest = text.to_owned();
        for tag in ["<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<br>", "</a>"] {
            rest = rest.replace(tag, "");
        }
        rest = rest
            .replace("<blockquote>", "")
            .replace("</blockquote>", "");
        while let Some(at) = rest.find("<a href=\"") {
            let end = rest[at..].find("\">").map_or(rest.len(), |i| at + i + 2);
            rest.replace_range(at..end, "");
        }
        assert!(!rest.contains('<'), "unescaped markup in {rest}");
    }

    #[test]
    fn headline_events_are_eras_and_groups() {
        let (c, v) = exported();
        let headlines: Vec<Ix> = c
            .order
            .iter()
            .copied()
            .filter(|&e| !c.children[e].is_empty())
            .collect();
        let eras = v["eras"].as_array().expect("eras");
        assert_eq!(eras.len(), headlines.len());
        for (era, &h) in eras.iter().zip(&headlines) {
            assert_eq!(
                era["text"]["headline"],
                escape_html(&c.events[h].title).as_str()
            );
        }
        for (slide, &e) in v["events"].as_array().unwrap().iter().zip(&c.order) {
            let group = headline_of(&c, &membership(&c, &c.order), e)
                .map(|h| escape_html(&c.events[h].title));
            assert_eq!(slide["group"].as_str(), group.as_deref());
        }
    }

    #[test]
    fn media_is_the_first_source_with_a_url() {
        let (c, v) = exported();
        for (slide, &e) in v["events"].as_array().unwrap().iter().zip(&c.order) {
            let want = media_article(&c, e).and_then(|a| c.articles[a].url.as_deref());
            assert_eq!(slide["media"]["url"].as_str(), want);
        }
    }

    #[test]
    fn approximate_and_week_dates_get_display_dates() {
        let approx = DateSpec::parse("2023-09~").unwrap();
        assert_eq!(display_date(&approx).as_deref(), Some("c. September 2023"));
        assert_eq!(display_date(&DateSpec::parse("2023-09").unwrap()), None);
        let (start, end) = slide_dates(&DateSpec::parse("2023-09/2023-10-02").unwrap());
        assert_eq!(
            start,
            TlDate {
                year: 2023,
                month: Some(9),
                day: None,
                hour: None,
                minute: None,
            }
        );
        assert_eq!(
            end,
            Some(TlDate {
                year: 2023,
                month: Some(10),
                day: Some(2),
                hour: None,
                minute: None,
            })
        );
    }
}
