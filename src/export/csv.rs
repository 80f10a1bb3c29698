//! One row per event, RFC 4180 (CRLF line ends, fields quoted when they
//! hold a comma, a quote, a line break or edge spaces). The TimelineJS
//! spreadsheet columns come first, so the file pastes into its template;
//! chronicle's own columns follow.

use std::io::{self, Write};

use super::timelinejs::{display_date, slide_dates, TlDate};
use super::{headline_of, media_article, membership};
use crate::model::{Corpus, Ix};

pub const COLUMNS: [&str; 25] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
    "ID",
    "Date",
    "Kind",
    "Place",
    "Actors",
    "Parent",
    "Sources",
];

/// A field as RFC 4180 wants it.
pub fn field(text: &str) -> String {
    let needs_quotes =
        text.contains([',', '"', '\r', '\n']) || text.starts_with(' ') || text.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn push_row(out: &mut String, fields: &[String]) {
    let row: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// Year, month, day and the time as the TimelineJS sheet reads it (`14:30`).
fn date_cells(d: Option<&TlDate>) -> [String; 4] {
    let part = |p: Option<u32>| p.map(|n| n.to_string()).unwrap_or_default();
    match d {
        Some(d) => [
            d.year.to_string(),
            part(d.month),
            part(d.day),
            d.hour
                .map(|h| format!("{h:02}:{:02}", d.minute.unwrap_or(0)))
                .unwrap_or_default(),
        ],
        None => Default::default(),
    }
}

pub fn write(corpus: &Corpus, events: &[Ix], out: &mut dyn Write) -> io::Result<()> {
    let member = membership(corpus, events);
    let mut line = String::new();
    let header: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    push_row(&mut line, &header);
    out.write_all(line.as_bytes())?;
    for &e in events {
        let event = &corpus.events[e];
        let (start, end) = slide_dates(&event.date);
        let [year, month, day, time] = date_cells(Some(&start));
        let [end_year, end_month, end_day, end_time] = date_cells(end.as_ref());
        let media = media_article(corpus, e).map(|a| &corpus.articles[a]);
        let names: Vec<&str> = event
            .actors
            .iter()
            .map(|&a| corpus.actors[a].name.as_str())
            .collect();
        // Several passages of one article are one source here.
        let mut cited: Vec<Ix> = Vec::new();
        for s in &event.sources {
            if !cited.contains(&s.article) {
                cited.push(s.article);
            }
        }
        let sources: Vec<String> = cited
            .iter()
            .map(|&a| {
                let article = &corpus.articles[a];
                match &article.url {
                    Some(url) => format!("{} <{url}>", article.id),
                    None => article.id.clone(),
                }
            })
            .collect();
        let row = [
            year,
            month,
            day,
            time,
            end_year,
            end_month,
            end_day,
            end_time,
            display_date(&event.date).unwrap_or_default(),
            event.title.clone(),
            event.summary.clone(),
            media.and_then(|a| a.url.clone()).unwrap_or_default(),
            media.and_then(|a| a.outlet.clone()).unwrap_or_default(),
            media.map(|a| a.title.clone()).unwrap_or_default(),
            String::new(),
            String::new(),
            headline_of(corpus, &member, e)
                .map(|h| corpus.events[h].title.clone())
                .unwrap_or_default(),
            String::new(),
            event.id.clone(),
            event.date.to_edtf(),
            event.kind.name().to_owned(),
            event.place.clone().unwrap_or_default(),
            names.join("; "),
            event
                .parent
                .map(|p| corpus.events[p].id.clone())
                .unwrap_or_default(),
            sources.join("; "),
        ];
        line.clear();
        push_row(&mut line, &row);
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load, Location};

    fn render(corpus: &Corpus, events: &[Ix]) -> String {
        crate::export::Format::Csv.render(corpus, events)
    }

    /// An RFC 4180 reader, to check what the writer wrote.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cell.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut cell));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cell.push(c),
            }
        }
        rows
    }

    #[test]
    fn quoting_follows_rfc_4180() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" edge"), "\" edge\"");
        let tricky = ["a,\"b\"\r\nc", "", " x "];
        let mut out = String::new();
        push_row(&mut out, &tricky.map(String::from));
        assert_eq!(parse(&out), vec![tricky.map(String::from).to_vec()]);
    }

    #[test]
    fn one_row_per_event_with_the_timelinejs_columns_first() {
        let c = load(&Location::Embedded).corpus;
        let rows = parse(&render(&c, &c.order));
        assert_eq!(rows.len(), c.events.len() + 1);
        assert_eq!(rows[0][..3], ["Year", "Month", "Day"]);
        assert!(rows.iter().all(|r| r.len() == COLUMNS.len()));
        let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        for (row, &e) in rows[1..].iter().zip(&c.order) {
            let event = &c.events[e];
            assert_eq!(row[col("ID")], event.id);
            assert_eq!(row[col("Headline")], event.title);
            assert_eq!(row[col("Year")], event.date.start().year().to_string());
            assert_eq!(row[col("Date")], event.date.to_edtf());
            assert_eq!(row[col("Kind")], event.kind.name());
            assert_eq!(row[col("Place")], event.place.clone().unwrap_or_default());
            let first = &c.articles[event.sources[0].article].id;
            assert!(row[col("Sources")].starts_with(first.as_str()));
        }
    }

    #[test]
    fn sources_name_each_article_once() {
        let c = load(&Location::Embedded).corpus;
        let repeats = |e: &Ix| {
            let s = &c.events[*e].sources;
            (1..s.len()).any(|i| s[..i].iter().any(|t| t.article == s[i].article))
        };
        let e = *c
            .order
            .iter()
            .find(|e| repeats(e))
            .expect("an event citing one article twice");
        let rows = parse(&render(&c, &[e]));
        let col = COLUMNS.iter().position(|c| *c == "Sources").unwrap();
        let listed: Vec<&str> = rows[1][col].split("; ").collect();
        let unique: std::collections::HashSet<&str> = listed.iter().copied().collect();
        assert_eq!(unique.len(), listed.len(), "{listed:?}");
        for s in &c.events[e].sources {
            let id = c.articles[s.article].id.as_str();
            assert!(listed.iter().any(|l| l.starts_with(id)), "{id}: {listed:?}");
        }
    }
}
