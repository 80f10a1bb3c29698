//! Dated mentions: absolute dates as written and relative ones resolved
//! against the publication date, each with its phrase, the anchor it was
//! resolved against and the rule used. Without an anchor a relative mention
//! stays unresolved.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use foldhash::fast::FixedState;

use super::anchored::{counted, determined, Refs};
use super::date_words::{
    day_number, day_spec, may_be, month_abbr, month_of, number, weekday_of, year_number, CALENDAR,
    MONTH_ABBR, NUMBERS, TRIGGERS, WEEKDAYS,
};
use super::found::Found;
use super::lexicon::{Filter, Lexicon};
use super::numeric::numeric;
use super::relative::{ago, anchor_year, relative_unit, shift_days, weekday};
use super::seasons::{holiday, mid_month, season, weekend};
use super::tokens::Words;
use super::Para;
use crate::model::date::{DateSpec, MONTHS};

/// A date the text talks about.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedMention {
    /// Byte range of the phrase in the body.
    pub span: Range<usize>,
    /// Byte range of the sentence it is in.
    pub sentence: Range<usize>,
    pub phrase: String,
    /// The resolved date at its precision; None when it cannot be known.
    pub date: Option<DateSpec>,
    /// The date a relative phrase was resolved against.
    pub anchor: Option<NaiveDate>,
    /// Which rule read the phrase, so that a reader can see why.
    pub rule: &'static str,
}

/// Scans one paragraph; `refs` carries the dates mentioned last across
/// paragraphs, the reference for "the eve of" and "the next day".
pub fn scan(
    body: &str,
    par: &Para,
    published: Option<NaiveDate>,
    refs: &mut Refs,
    out: &mut Vec<DatedMention>,
) {
    let toks = par.toks;
    let w = Words::of(body, par);
    let mut i = 0;
    while i < toks.len() {
        let Some((first, last, date, anchor, rule)) = read_at(par, &w, i, published, refs) else {
            i += 1;
            continue;
        };
        // The phrase is the date expression itself, without the
        // preposition that led to it ("on Tuesday" reads "Tuesday"), as
        // TimeML and TempEval measure extents.
        let mut first = first;
        while first < last && LEADING.contains(&w.lower(first)) {
            first += 1;
        }
        let span = toks[first].start..toks[last].end;
        // The eve of something is not itself the thing later eves refer to.
        if let Some(d) = date.as_ref().filter(|_| rule != "eve-of") {
            refs.note(d);
        }
        out.push(DatedMention {
            phrase: body[span.clone()].to_string(),
            sentence: trimmed(body, par.sentence(span.start)),
            span,
            date,
            anchor,
            rule,
        });
        i = last + 1;
    }
}

/// `r` without the whitespace at its end.
fn trimmed(body: &str, r: Range<usize>) -> Range<usize> {
    r.start..r.start + body[r.clone()].trim_end().len()
}

fn read_at(
    par: &Para,
    ws: &Words,
    i: usize,
    published: Option<NaiveDate>,
    refs: &Refs,
) -> Option<Found> {
    let word = |i: usize| ws.get(i);
    let lower = |i: usize| ws.lower(i);
    // Most words start no date: they are read as bytes, and one look at a
    // table rejects most of them, one hash the rest ("Then" passes the table).
    let t = ws.toks.get(i)?;
    let bytes = &ws.body.as_bytes()[t.start..t.end];
    let first = bytes.first().copied()?;
    if first.is_ascii_digit() {
        return numeric(par, ws, i, published, refs);
    }
    if !first.is_ascii_alphabetic() {
        return None;
    }
    // "the" and "that", the commonest words a date phrase may start with,
    // start only the phrases `determined` reads: no list is looked up.
    if bytes.eq_ignore_ascii_case(b"the") || bytes.eq_ignore_ascii_case(b"that") {
        return determined(i, ws, refs, published);
    }
    let mid =
        bytes.len() > 4 && matches!(bytes[..4], [b'm' | b'M', b'i' | b'I', b'd' | b'D', b'-']);
    if mid {
        return mid_month(par, ws, i, published);
    }
    if !DATE_FILTER.may_have_bytes(bytes) || !date_word(ws.lower(i)) {
        return None;
    }
    let w = word(i);
    let capital = first.is_ascii_uppercase();
    if let Some(found) = capital.then(|| holiday(par, ws, i, published)).flatten() {
        return Some(found);
    }
    let calendar = capital && may_be(&CALENDAR, w);
    let month = calendar
        .then(|| month_of(w).or_else(|| month_abbr(w)))
        .flatten();
    if let Some(month) = month {
        if let Some((day, to, last)) = day_or_days(ws, i + 1) {
            let span = |y: i32| {
                let start = day_spec(y, month, day)?;
                match to {
                    Some(end) if end > day => {
                        DateSpec::span(start.start(), day_spec(y, month, end)?.start())
                    }
                    _ => Some(start),
                }
            };
            if let Some(y) = year_number(word(last + 1)) {
                return Some((i, last + 1, span(y), None, "month-day-year"));
            }
            let date = published.and_then(|p| anchor_year(par, ws, i, p, span));
            let start = if lower(i.wrapping_sub(1)) == "on" {
                i - 1
            } else {
                i
            };
            return Some((start, last, date, published, "month-day+anchor-year"));
        }
        month_of(w)?;
        if let Some(y) = year_number(word(i + 1)) {
            return Some((i, i + 1, DateSpec::month(y, month), None, "month-year"));
        }
        let prev = lower(i.wrapping_sub(1));
        let p = published;
        let (date, rule) = match prev {
            "last" => (
                p.and_then(|p| DateSpec::month(p.year() - i32::from(month >= p.month()), month)),
                "last-month-name",
            ),
            "next" => (
                p.and_then(|p| DateSpec::month(p.year() + i32::from(month <= p.month()), month)),
                "next-month-name",
            ),
            "this" => (
                p.and_then(|p| DateSpec::month(p.year(), month)),
                "this-month-name",
            ),
            t if TRIGGERS.contains(&t) => (
                p.and_then(|p| anchor_year(par, ws, i, p, |y| DateSpec::month(y, month))),
                "month+anchor-year",
            ),
            _ => return None,
        };
        return Some((i - 1, i, date, published, rule));
    }
    if let Some(day) = calendar.then(|| weekday_of(w)).flatten() {
        return Some(weekday(par, ws, i, day, published));
    }
    // Only a few words start a relative phrase; the keywords are in lower
    // case, so the word's lower case is looked up.
    let key = KEYWORD_SET.get(ws.lower(i));
    let counts = || {
        let third = ws.get(i + 2);
        let relative = ["ago", "later", "earlier"]
            .iter()
            .any(|r| third.eq_ignore_ascii_case(r));
        if !relative {
            return None;
        }
        let n = number(w)?;
        ago(i, n, published, ws).or_else(|| counted(i, n, ws, refs, published))
    };
    let seasonal = matches!(w.len(), 4 | 6 | 7) && key.is_none();
    if let Some(found) = seasonal
        .then(|| season(par, ws, i, published).or_else(|| weekend(par, ws, i, published)))
        .flatten()
    {
        return Some(found);
    }
    match key.unwrap_or("") {
        "" => counts(),
        "the" | "that" => determined(i, ws, refs, published),
        "yesterday" | "today" | "tomorrow" | "tonight" => {
            let shift: i64 = match lower(i) {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let date = published
                .and_then(|p| shift_days(p, shift))
                .and_then(DateSpec::day);
            Some((i, i, date, published, "deictic-day"))
        }
        "last" if lower(i + 1) == "night" => {
            let date = published
                .and_then(|p| shift_days(p, -1))
                .and_then(DateSpec::day);
            Some((i, i + 1, date, published, "last-night"))
        }
        "last" | "this" | "next" | "earlier" | "later" => relative_unit(i, published, ws),
        // "by the end of the month": the unit the anchor is in.
        "end" | "start" | "beginning" | "middle" | "rest"
            if lower(i + 1) == "of" && matches!(lower(i + 2), "the" | "this") =>
        {
            let unit = lower(i + 3);
            let date = published.and_then(|p| match &*unit {
                "week" => DateSpec::week(p),
                "month" => DateSpec::month(p.year(), p.month()),
                "year" => DateSpec::year(p.year()),
                _ => None,
            });
            matches!(unit, "week" | "month" | "year").then_some((
                i,
                i + 3,
                date,
                published,
                "part-of-this-unit",
            ))
        }
        "eve" if lower(i + 1) == "of" => {
            let start = if lower(i.wrapping_sub(1)) == "the" {
                i - 1
            } else {
                i
            };
            let start = if lower(start.wrapping_sub(1)) == "on" {
                start - 1
            } else {
                start
            };
            let reference = refs.day.or(published);
            let date = reference
                .and_then(|d| shift_days(d, -1))
                .and_then(DateSpec::day);
            Some((start, i + 1, date, reference, "eve-of"))
        }
        _ => None,
    }
}

/// A day of the month at word `i`, or a range of days ("6-7", "22 to 23",
/// "6–7"): the first day, the last, and the last word used.
fn day_or_days(ws: &Words, i: usize) -> Option<(u32, Option<u32>, usize)> {
    let w = ws.get(i);
    if let Some((a, b)) = w.split_once('-') {
        let (a, b) = (day_number(a)?, day_number(b)?);
        return Some((a, Some(b), i));
    }
    let day = day_number(w)?;
    let (Some(t), Some(next)) = (ws.toks.get(i), ws.toks.get(i + 1)) else {
        return Some((day, None, i));
    };
    let gap = ws.body[t.end..next.start].trim();
    let joined = matches!(gap, "-" | "–" | "—") || ws.get(i + 1) == "to" && gap.is_empty();
    let at = if ws.get(i + 1) == "to" { i + 2 } else { i + 1 };
    match day_number(ws.get(at)).filter(|_| joined) {
        Some(end) if month_of(ws.get(at + 1)).is_none() => Some((day, Some(end), at)),
        _ => Some((day, None, i)),
    }
}

/// Prepositions that lead to a date phrase without being part of it.
const LEADING: &[&str] = &[
    "on",
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "throughout",
    "during",
    "from",
    "before",
    "after",
    "at",
    "of",
];

/// The words that can start a relative phrase other than "<n> days ago".
#[rustfmt::skip]
const KEYWORDS: &[&str] = &[
    "end", "start", "beginning", "middle", "rest", "yesterday", "today", "tomorrow", "tonight",
    "last", "this", "next", "earlier", "later", "eve", "the", "that",
];
static KEYWORD_SET: Lexicon = Lexicon::new(KEYWORDS);
/// Every word a date phrase can start with: calendar names, relative
/// keywords, seasons, holidays and counts.
const DATE_LISTS: &[&[&str]] = &[
    &MONTHS,
    MONTH_ABBR,
    WEEKDAYS,
    KEYWORDS,
    NUMBERS,
    &["spring", "summer", "autumn", "fall", "winter", "weekend"],
    &["Christmas", "Halloween", "Thanksgiving", "Easter"],
];
static DATE_FILTER: Filter = Filter::new(DATE_LISTS);

/// True when `lower`, a word in ASCII lower case, is a word of
/// `DATE_LISTS` in any case.
fn date_word(lower: &str) -> bool {
    static SET: OnceLock<HashSet<String, FixedState>> = OnceLock::new();
    SET.get_or_init(|| {
        DATE_LISTS
            .iter()
            .flat_map(|list| list.iter())
            .map(|w| w.to_ascii_lowercase())
            .collect()
    })
    .contains(lower)
}
