//! The words dates are written with: month and weekday names, numbers,
//! days and years.

use chrono::{NaiveDate, Weekday};

use crate::model::date::{DateSpec, MONTHS};

pub const MONTH_ABBR: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Sept",
];
pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
/// Words before a bare month name or year that make it a date.
#[rustfmt::skip]
pub const TRIGGERS: &[&str] = &[
    "in", "since", "during", "by", "until", "till", "early", "late", "mid", "from", "before",
    "after", "through", "throughout", "of", "between", "and", "to",
];
#[rustfmt::skip]
pub const NUMBERS: &[&str] = &[
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// Month and weekday names and abbreviations, by first byte and length.
pub const CALENDAR: [u32; 256] = starts(&[&MONTHS, MONTH_ABBR, WEEKDAYS]);

/// For each first byte (either case), one bit per word length (below 32)
/// of the words in `lists`: a cheap test that rejects most other words.
pub const fn starts(lists: &[&[&str]]) -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let w = lists[l][i].as_bytes();
            if !w.is_empty() && w.len() < 32 {
                table[w[0].to_ascii_lowercase() as usize] |= 1 << w.len();
                table[w[0].to_ascii_uppercase() as usize] |= 1 << w.len();
            }
            i += 1;
        }
        l += 1;
    }
    table
}

/// False when `word` is certainly none of the words `table` was built from.
pub fn may_be(table: &[u32; 256], word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty() && b.len() < 32 && table[usize::from(b[0])] & (1 << b.len()) != 0
}

pub fn month_of(word: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u32 + 1)
}

/// A month name or abbreviation; abbreviations only count before a day.
pub fn month_abbr(word: &str) -> Option<u32> {
    let i = MONTH_ABBR.iter().position(|m| *m == word)?;
    Some(if i == 12 { 9 } else { i as u32 + 1 })
}

pub fn weekday_of(word: &str) -> Option<Weekday> {
    let i = WEEKDAYS.iter().position(|d| *d == word)?;
    Weekday::try_from(i as u8).ok()
}

pub fn number(word: &str) -> Option<u32> {
    if word.bytes().all(|b| b.is_ascii_digit()) && (1..=3).contains(&word.len()) {
        return word.parse().ok();
    }
    if word.eq_ignore_ascii_case("an") {
        return Some(1);
    }
    NUMBERS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(word))
        .map(|i| i.max(1) as u32)
}

/// A day of the month, possibly with an ordinal suffix: `25`, `15th`.
pub fn day_number(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let ok = matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    let n: u32 = digits.parse().ok()?;
    (ok && (1..=2).contains(&digits.len()) && (1..=31).contains(&n)).then_some(n)
}

pub fn year_number(word: &str) -> Option<i32> {
    let ok = word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit());
    let y: i32 = if ok { word.parse().ok()? } else { return None };
    (1000..=2199).contains(&y).then_some(y)
}

pub fn iso_date(w: &str) -> Option<NaiveDate> {
    (w.len() == 10)
        .then(|| NaiveDate::parse_from_str(w, "%Y-%m-%d").ok())
        .flatten()
}

pub fn day_spec(year: i32, month: u32, day: u32) -> Option<DateSpec> {
    NaiveDate::from_ymd_opt(year, month, day).and_then(DateSpec::day)
}
