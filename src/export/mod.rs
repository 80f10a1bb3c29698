//! Handing a timeline out: from the model and a list of events (timeline
//! order) to the text of a file, written to any `Write` as it is made.
//! TimelineJS3 JSON, the whole model as JSON, a Markdown chronology and a
//! CSV table. Nothing here opens files or touches the terminal; the
//! command line and the explorer's driver do, through `crate::save`.

pub mod csv;
pub mod json;
mod kept;
pub mod lines;
pub mod markdown;
pub mod timelinejs;

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::model::{Corpus, DateSpec, Ix, PartialDate, Precision};
use crate::text::year;

/// The formats `chronicle export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TimelineJS3 JSON, with a `chronicle` sidecar that import reads back.
    TimelineJs,
    /// The whole model (assets/schema/chronicle-export.schema.json).
    Json,
    /// A readable chronology with source footnotes.
    Markdown,
    /// One row per event, TimelineJS spreadsheet columns first.
    Csv,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::TimelineJs,
        Format::Json,
        Format::Markdown,
        Format::Csv,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::TimelineJs => "timelinejs",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
        }
    }

    /// The file extension used when the explorer picks a file name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::TimelineJs | Format::Json => "json",
            Format::Markdown => "md",
            Format::Csv => "csv",
        }
    }

    /// Writes the file for these events to `out` as it is made, rather
    /// than building it whole first.
    pub fn write(self, corpus: &Corpus, events: &[Ix], out: &mut dyn Write) -> io::Result<()> {
        match self {
            Format::TimelineJs => timelinejs::write(corpus, events, out),
            Format::Json => json::write(corpus, events, out),
            Format::Markdown => markdown::write(corpus, events, out),
            Format::Csv => csv::write(corpus, events, out),
        }
    }

    /// The file's text for these events, whole: for tests, which compare
    /// exports.
    pub fn render(self, corpus: &Corpus, events: &[Ix]) -> String {
        let mut text = Vec::new();
        self.write(corpus, events, &mut text)
            .expect("writing into memory does not fail");
        String::from_utf8(text).expect("every format is UTF-8")
    }
}

/// The quotes of the exported events: by event, then by article id and
/// place in the article, so the order does not depend on file order.
pub fn quotes_of(corpus: &Corpus, events: &[Ix]) -> Vec<Ix> {
    let mut out = Vec::new();
    for &e in events {
        let mut own = corpus.quotes_by_event.get(e).cloned().unwrap_or_default();
        own.sort_by(|&a, &b| {
            let (qa, qb) = (&corpus.quotes[a], &corpus.quotes[b]);
            let ida = &corpus.articles[qa.article].id;
            let idb = &corpus.articles[qb.article].id;
            (ida, qa.span.start).cmp(&(idb, qb.span.start))
        });
        out.extend(own);
    }
    out
}

/// The first source article of an event that has a URL.
pub fn media_article(corpus: &Corpus, event: Ix) -> Option<Ix> {
    corpus.events[event]
        .sources
        .iter()
        .map(|s| s.article)
        .find(|&a| corpus.articles[a].url.is_some())
}

/// Which events an export writes, by index: the writers ask it of every
/// event, too often to search the list each time.
pub fn membership(corpus: &Corpus, events: &[Ix]) -> Vec<bool> {
    let mut member = vec![false; corpus.events.len()];
    for &e in events {
        if let Some(m) = member.get_mut(e) {
            *m = true;
        }
    }
    member
}

/// The headline event an event belongs to (itself when it has sub-events),
/// counting only exported events (`member`, from [`membership`]), so that
/// an export and its re-import agree.
pub fn headline_of(corpus: &Corpus, member: &[bool], event: Ix) -> Option<Ix> {
    let exported = |e: Ix| member.get(e).copied().unwrap_or(false);
    match corpus.events[event].parent {
        Some(parent) => exported(parent).then_some(parent),
        None => corpus.children[event]
            .iter()
            .any(|&c| exported(c))
            .then_some(event),
    }
}

fn month_name(month: u32) -> &'static str {
    crate::model::date::MONTHS
        .get((month as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

fn human_point(d: &PartialDate) -> String {
    let year = year(d.year());
    let date = match (d.month(), d.day()) {
        (Some(m), Some(day)) => format!("{day} {} {year}", month_name(m)),
        (Some(m), None) => format!("{} {year}", month_name(m)),
        _ => year,
    };
    match d.time_text() {
        Some(time) => format!("{date}, {time}"),
        None => date,
    }
}

/// A date as a reader writes it: `25 April 2019`, `19–20 July 2000`,
/// `September–October 2023`, `week of 10 June 2024`, `19 June 2024, 02:22`,
/// `19 June 2024, 02:22–05:00`, `643 BCE`; `c. ` marks an approximate date
/// and a trailing `?` an uncertain one.
pub fn human_date(date: &DateSpec) -> String {
    let body = match (date.precision(), date.end()) {
        (Precision::Week, _) => format!("week of {}", human_point(&date.start())),
        (_, None) => human_point(&date.start()),
        (_, Some(end)) => human_span(&date.start(), &end),
    };
    let approx = if date.approximate { "c. " } else { "" };
    let uncertain = if date.uncertain { "?" } else { "" };
    format!("{approx}{body}{uncertain}")
}

fn human_span(start: &PartialDate, end: &PartialDate) -> String {
    let same_precision = start.precision() == end.precision();
    let same_year = start.year() == end.year();
    let timed = start.hour().is_some() || end.hour().is_some();
    let y = year(end.year());
    match (start.month(), start.day(), end.month(), end.day()) {
        _ if timed => match end.time_text() {
            Some(time) if start.without_time() == end.without_time() => {
                format!("{}–{time}", human_point(start))
            }
            _ => format!("{} – {}", human_point(start), human_point(end)),
        },
        (Some(m1), Some(d1), Some(m2), Some(d2)) if same_year => {
            if m1 == m2 {
                format!("{d1}–{d2} {} {y}", month_name(m1))
            } else {
                let (a, b) = (month_name(m1), month_name(m2));
                format!("{d1} {a} – {d2} {b} {y}")
            }
        }
        (Some(m1), None, Some(m2), None) if same_year => {
            format!("{}–{} {y}", month_name(m1), month_name(m2))
        }
        (None, _, None, _) if same_precision => format!("{}–{y}", year(start.year())),
        _ => format!("{} – {}", human_point(start), human_point(end)),
    }
}

/// Text escaped for HTML element content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The first and last day the events cover, if there are any.
pub fn date_range(corpus: &Corpus, events: &[Ix]) -> Option<(NaiveDate, NaiveDate)> {
    let first = events
        .iter()
        .map(|&e| corpus.events[e].date.first_day())
        .min()?;
    let last = events
        .iter()
        .map(|&e| corpus.events[e].date.last_day())
        .max()?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> DateSpec {
        DateSpec::parse(s).expect("valid date")
    }

    #[test]
    fn human_dates_read_like_prose() {
        assert_eq!(human_date(&date("2019-04-25")), "25 April 2019");
        assert_eq!(human_date(&date("2023-09~")), "c. September 2023");
        assert_eq!(human_date(&date("2019?")), "2019?");
        assert_eq!(
            human_date(&date("2000-07-19/2000-07-20")),
            "19–20 July 2000"
        );
        assert_eq!(
            human_date(&date("2023-09-28/2023-10-02")),
            "28 September – 2 October 2023"
        );
        assert_eq!(
            human_date(&date("2023-09/2023-10")),
            "September–October 2023"
        );
        assert_eq!(human_date(&date("2019/2020")), "2019–2020");
        assert_eq!(human_date(&date("2019/2020-03")), "2019 – March 2020");
        let week = DateSpec::week(chrono::NaiveDate::from_ymd_opt(2024, 6, 12).unwrap()).unwrap();
        assert_eq!(human_date(&week), "week of 10 June 2024");
        assert_eq!(human_date(&date("2024-06-19T02:22")), "19 June 2024, 02:22");
        assert_eq!(human_date(&date("2024-06-19T02~")), "c. 19 June 2024, 02h");
        assert_eq!(
            human_date(&date("2024-06-19T02:22/2024-06-19T05:00")),
            "19 June 2024, 02:22–05:00"
        );
        assert_eq!(
            human_date(&date("2024-06-19T23:00/2024-06-20")),
            "19 June 2024, 23:00 – 20 June 2024"
        );
        assert_eq!(human_date(&date("-0643")), "643 BCE");
        assert_eq!(human_date(&date("-0043-03-15")), "15 March 43 BCE");
        assert_eq!(human_date(&date("-0100/0050")), "100 BCE–50");
    }

    #[test]
    fn html_escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<b>"Tom" & 'Jerry'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    /// Counts what it is given, and the largest single write.
    #[derive(Default)]
    struct Pieces {
        total: usize,
        largest: usize,
    }

    impl Write for Pieces {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.total += buf.len();
            self.largest = self.largest.max(buf.len());
            Ok(buf.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn every_format_is_written_as_it_is_made_not_as_one_text() {
        let loaded = crate::corpus::load(&crate::corpus::Location::Embedded);
        let c = &loaded.corpus;
        for format in Format::ALL {
            let mut pieces = Pieces::default();
            format.write(c, &c.order, &mut pieces).unwrap();
            assert_eq!(pieces.total, format.render(c, &c.order).len());
            assert!(
                pieces.largest * 4 < pieces.total,
                "{}: one write of {} bytes out of {}",
                format.name(),
                pieces.largest,
                pieces.total
            );
        }
    }

    #[test]
    fn quotes_follow_the_events_given() {
        let loaded = crate::corpus::load(&crate::corpus::Location::Embedded);
        let c = &loaded.corpus;
        let quotes = quotes_of(c, &c.order);
        assert_eq!(
            quotes.len(),
            c.quotes.iter().filter(|q| q.event.is_some()).count()
        );
        let rank = |q: Ix| c.order.iter().position(|&e| Some(e) == c.quotes[q].event);
        assert!(quotes.windows(2).all(|w| rank(w[0]) <= rank(w[1])));
        let first = c.order[0];
        assert!(quotes_of(c, &[first])
            .iter()
            .all(|&q| c.quotes[q].event == Some(first)));
    }
}
