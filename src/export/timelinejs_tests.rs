//! The TimelineJS export of the shipped corpus, slide by slide.

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
        let group =
            headline_of(&c, &membership(&c, &c.order), e).map(|h| escape_html(&c.events[h].title));
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
