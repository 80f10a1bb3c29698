//! Dates written with a number first: ISO dates, a day before its month
//! ("25 June"), decades, centuries, counts ("two days ago") and years,
//! told apart from the numbers that count things ("2000 troops").

use chrono::NaiveDate;

use super::anchored::{counted, Refs};
use super::date_words::{
    day_number, day_spec, iso_date, month_abbr, month_of, number, year_number, TRIGGERS,
};
use super::found::Found;
use super::relative::{ago, anchor_year};
use super::tokens::Words;
use super::Para;
use crate::model::date::{DateSpec, PartialDate};

/// The date phrase at word `i`, which starts with a digit.
pub fn numeric(
    par: &Para,
    ws: &Words,
    i: usize,
    published: Option<NaiveDate>,
    refs: &Refs,
) -> Option<Found> {
    let body = ws.body;
    let word = |i: usize| ws.get(i);
    let lower = |i: usize| ws.lower(i);
    let w = word(i);
    if let Some(d) = iso_date(w) {
        return Some((i, i, DateSpec::day(d), None, "iso-date"));
    }
    if lower(i + 1) == "century" {
        return century(i, w, lower(i.wrapping_sub(1)) == "the");
    }
    let month_after = month_of(word(i + 1)).or_else(|| month_abbr(word(i + 1)));
    if let (Some(day), Some(month)) = (day_number(w), month_after) {
        if let Some(y) = year_number(word(i + 2)) {
            return Some((i, i + 2, day_spec(y, month, day), None, "day-month-year"));
        }
        let date = published.and_then(|p| anchor_year(par, ws, i, p, |y| day_spec(y, month, day)));
        return Some((i, i + 1, date, published, "day-month+anchor-year"));
    }
    if let Some(n) = number(w) {
        return ago(i, n, published, ws).or_else(|| counted(i, n, ws, refs, published));
    }
    let prev = lower(i.wrapping_sub(1));
    if let Some(y) = w
        .strip_suffix('s')
        .and_then(year_number)
        .filter(|y| y % 10 == 0)
    {
        let start = if prev == "the" { i - 1 } else { i };
        let spec = years(y, y + 9);
        return Some((start, i, spec, None, "decade"));
    }
    let y = year_number(w)?;
    // "2000 troops" counts troops: before a plural or after a word of
    // quantity a number is a count, unless a word like "in" or "the"
    // makes it a year ("the 2019 elections", "a 2016 referendum").
    let next = word(i + 1);
    let spaced = par
        .toks
        .get(i + 1)
        .is_some_and(|t| body[par.toks[i].end..t.start].trim().is_empty());
    let plural = next.len() > 2 && next.ends_with('s') && !next.ends_with("ss");
    let counted = spaced && next.starts_with(|c: char| c.is_lowercase()) && plural;
    let triggered = TRIGGERS.contains(&prev) || prev == "year" || DETERMINERS.contains(&prev);
    // "1625 UTC" is a time, "§ 1201" a section.
    let clock = ["UTC", "GMT", "EST", "EDT", "BST", "CET", "hours", "hrs"].contains(&next);
    let numbered = body[..par.toks[i].start]
        .trim_end()
        .ends_with(['§', ':', '#', '№'])
        || matches!(
            prev,
            "section" | "code" | "no" | "number" | "article" | "flight" | "route"
        );
    // Before 1500 a bare number is seldom a year in the news.
    let medieval = y < 1500 && !TRIGGERS.contains(&prev);
    if (counted && !triggered) || QUANTITY.contains(&prev) || clock || numbered || medieval {
        return None;
    }
    let start = if TRIGGERS[..4].contains(&prev) {
        i - 1
    } else {
        i
    };
    Some((start, i, DateSpec::year(y), None, "year"))
}

/// "the 21st century": its years, 2001 to 2100.
fn century(i: usize, w: &str, the: bool) -> Option<Found> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if !matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th") {
        return None;
    }
    let n: i32 = digits.parse().ok().filter(|n| (1..=99).contains(n))?;
    let first = (n - 1) * 100 + 1;
    let spec = years(first, first + 99);
    let start = if the { i - 1 } else { i };
    Some((start, i + 1, spec, None, "century"))
}

/// The years from `first` to `last`, at year precision.
fn years(first: i32, last: i32) -> Option<DateSpec> {
    let year = |y| PartialDate::new(y, None, None);
    DateSpec::span(year(first)?, year(last)?)
}

/// Words before a number that make it a year whatever follows.
const DETERMINERS: &[&str] = &[
    "the", "a", "this", "that", "its", "his", "her", "their", "our", "’s", "'s", "for",
];

/// Words before a number that make it a count.
#[rustfmt::skip]
const QUANTITY: &[&str] = &[
    "about", "some", "nearly", "over", "than", "around", "almost", "roughly", "approximately",
    "least", "only", "just", "totalling", "totaling", "additional", "another",
];
