//! Dates at their precision, written EDTF-style (a subset of the Extended
//! Date/Time Format): `2019`, `2023-09`, `2019-04-25`, a trailing `~`
//! (approximate), `?` (uncertain) or `%` (both), and spans `start/end`.
//! Years 0001–9999 only. Nothing here panics, whatever the input.

mod parse;

use std::cmp::Reverse;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, NaiveDate};

use parse::Parser;

/// How finely a date is known, coarsest first, so that ordering by precision
/// puts a whole month before its first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Week,
    Day,
}

/// A calendar date known to year, month or day.
///
/// Values built by this module are always real dates. The fields are public,
/// so a hand-built value may not be: a `day` without a `month` is ignored and
/// out-of-range parts are clamped by `first_day`/`last_day` rather than panic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Year, Month or Day; never Week, which only a whole `DateSpec` has.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            (None, _) => Precision::Year,
        }
    }

    /// The first day the date covers: `2023-09` → 2023-09-01.
    pub fn first_day(&self) -> NaiveDate {
        let day = self.day.filter(|_| self.month.is_some());
        clamped_date(self.year, self.month.unwrap_or(1), day.unwrap_or(1))
    }

    /// The last day the date covers: `2023-09` → 2023-09-30, `2024-02` → 2024-02-29.
    pub fn last_day(&self) -> NaiveDate {
        let day = self.day.filter(|_| self.month.is_some());
        clamped_date(self.year, self.month.unwrap_or(12), day.unwrap_or(31))
    }

    /// The date at day precision.
    pub fn from_date(d: NaiveDate) -> Self {
        PartialDate {
            year: d.year(),
            month: Some(d.month()),
            day: Some(d.day()),
        }
    }

    /// The parts down to `precision`, for comparing two sides of a span at
    /// the finer precision they share.
    fn truncated(&self, precision: Precision) -> (i32, u32, u32) {
        let month = self.month.filter(|_| precision >= Precision::Month);
        let day = self.day.filter(|_| precision >= Precision::Day);
        (self.year, month.unwrap_or(0), day.unwrap_or(0))
    }

    /// The EDTF form without qualifiers: `2019`, `2023-09`, `2019-04-25`.
    fn edtf(&self) -> String {
        match (self.precision(), self.month, self.day) {
            (Precision::Day, Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Precision::Month, Some(m), _) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// A date or span with its precision and qualifiers, as written in corpus files.
///
/// Qualifiers are kept per spec, not per side: `2023-09~/2023-10` is an
/// approximate span and `to_edtf` writes it as `2023-09/2023-10~`.
/// `precision` is the precision of `start`, except that `week()` makes a
/// Monday–Sunday span at day precision marked `Week` (EDTF has no week syntax
/// we want in corpus files, so parsing never yields `Week`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateSpec {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub approximate: bool,
    pub uncertain: bool,
    pub precision: Precision,
}

/// Why a date string is not valid: `offset` is the byte offset within the
/// string where the problem is, so the caller can point a file:line:col at it;
/// `message` says what is wrong in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub offset: usize,
    pub message: String,
}

const EXPECTED: &str = "expected a date like 2019-04-25, 2023-09 or 2019";

impl DateSpec {
    /// Parses the EDTF subset described in the module docs. Surrounding
    /// whitespace is allowed; anything else not in the grammar is an error.
    pub fn parse(s: &str) -> Result<DateSpec, DateError> {
        let body = s.trim_start();
        let base = s.len() - body.len();
        let body = body.trim_end();
        if body.is_empty() {
            return Err(DateError {
                offset: 0,
                message: format!("the date is empty; {EXPECTED}"),
            });
        }
        let mut p = Parser {
            s: body,
            pos: 0,
            base,
        };
        let (start, q1) = p.side(true)?;
        let mut end = None;
        let mut q2 = (false, false);
        if p.peek() == Some(b'/') {
            p.pos += 1;
            let end_at = p.pos;
            if p.peek().is_none() {
                let msg = "expected an end date after '/', like 2019-04-25, 2023-09 or 2019";
                return Err(p.error(msg.to_string()));
            }
            let (date, q) = p.side(false)?;
            let common = start.precision().min(date.precision());
            if date.truncated(common) < start.truncated(common) {
                let (a, b) = (date.edtf(), start.edtf());
                let message = format!("the span ends ({a}) before it starts ({b})");
                return Err(p.error_at(end_at, message));
            }
            end = Some(date);
            q2 = q;
        }
        let rest = p.rest();
        if let Some(found) = rest.chars().next() {
            let last = end.unwrap_or(start).edtf();
            let message = match found {
                '/' => "a span has only one '/'".to_string(),
                '~' | '?' | '%' => "only one of ~, ? or % may follow a date (% means both)".into(),
                'T' | ' ' if rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) => {
                    format!("a date has no time of day: remove {rest:?}")
                }
                _ => {
                    format!("unexpected {found:?} after {last}; only ~, ?, % or /<end> may follow")
                }
            };
            return Err(p.error(message));
        }
        Ok(DateSpec {
            start,
            end,
            approximate: q1.0 || q2.0,
            uncertain: q1.1 || q2.1,
            precision: start.precision(),
        })
    }

    /// A single day.
    pub fn day(d: NaiveDate) -> Self {
        DateSpec::point(PartialDate::from_date(d))
    }

    /// A whole month; None outside years 0001–9999 or months 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let ok = (1..=9999).contains(&year) && (1..=12).contains(&month);
        ok.then(|| DateSpec::point(coarse(year, Some(month))))
    }

    /// A whole year; None outside 0001–9999.
    pub fn year(year: i32) -> Option<Self> {
        (1..=9999)
            .contains(&year)
            .then(|| DateSpec::point(coarse(year, None)))
    }

    /// The week containing `monday` (any day of it is moved back to its
    /// Monday, so callers may pass "today"), Monday to Sunday at day precision.
    pub fn week(monday: NaiveDate) -> Self {
        let back = Days::new(u64::from(monday.weekday().num_days_from_monday()));
        let monday = monday.checked_sub_days(back).unwrap_or(monday);
        let sunday = monday
            .checked_add_days(Days::new(6))
            .unwrap_or(NaiveDate::MAX);
        DateSpec {
            end: Some(PartialDate::from_date(sunday)),
            precision: Precision::Week,
            ..DateSpec::day(monday)
        }
    }

    fn point(start: PartialDate) -> Self {
        DateSpec {
            start,
            end: None,
            approximate: false,
            uncertain: false,
            precision: start.precision(),
        }
    }

    /// The first day covered: `start.first_day()`.
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    /// The last day covered: the end's (or, for a point, the start's) last day.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// Chronological ordering key: earlier first day first; on a tie, coarser
    /// before finer (a whole month before its first day), then a span
    /// (`false`) before a point (`true`), then the longer before the shorter.
    pub fn sort_key(&self) -> (NaiveDate, Precision, bool, Reverse<NaiveDate>) {
        (
            self.first_day(),
            self.precision,
            self.end.is_none(),
            Reverse(self.last_day()),
        )
    }

    /// The canonical EDTF string: start, `/end` for a span, then one
    /// qualifier for the whole spec (`2023-09/2023-10~`), so that
    /// `parse(x.to_edtf()) == x` for anything `parse` accepted. A Week
    /// prints as its Monday/Sunday span and parses back at day precision.
    pub fn to_edtf(&self) -> String {
        let mut out = self.start.edtf();
        if let Some(end) = self.end {
            out.push('/');
            out.push_str(&end.edtf());
        }
        out.push_str(self.qualifier_suffix());
        out
    }

    fn qualifier_suffix(&self) -> &'static str {
        match (self.approximate, self.uncertain) {
            (true, true) => "%",
            (true, false) => "~",
            (false, true) => "?",
            (false, false) => "",
        }
    }

    /// Compact display for a timeline row: `2019-04-25`, `~2023-09`, `2019?`,
    /// spans with the shared leading parts of the end elided (`2024-06-18–19`,
    /// `2023-09-28–10-02`, `2023-09–10`, `2019-12-30–2020-01-02`) and a week
    /// as `wk 2024-06-10`. At most 16 chars except cross-year day spans (21)
    /// and mixed-precision spans, plus up to 2 for qualifiers.
    pub fn display(&self) -> String {
        let body = match (self.precision, self.end) {
            (Precision::Week, _) => format!("wk {}", self.start.edtf()),
            (_, None) => self.start.edtf(),
            (_, Some(end)) => format!("{}–{}", self.start.edtf(), elided_end(&self.start, &end)),
        };
        let approx = if self.approximate { "~" } else { "" };
        let uncertain = if self.uncertain { "?" } else { "" };
        format!("{approx}{body}{uncertain}")
    }

    /// True when `d` falls within [first_day, last_day].
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.first_day() <= d && d <= self.last_day()
    }
}

/// The end of a span without the parts it shares with the start. Only done
/// when both sides have the same precision: `2023-09-05–09` would otherwise
/// read as a span of days.
fn elided_end(start: &PartialDate, end: &PartialDate) -> String {
    if start.precision() != end.precision() || start.year != end.year {
        return end.edtf();
    }
    match (end.precision(), end.month, end.day) {
        (Precision::Day, Some(m), Some(d)) if start.month == Some(m) => format!("{d:02}"),
        (Precision::Day, Some(m), Some(d)) => format!("{m:02}-{d:02}"),
        (Precision::Month, Some(m), _) => format!("{m:02}"),
        _ => end.edtf(),
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

impl FromStr for DateSpec {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateSpec::parse(s)
    }
}

/// Serialised as its canonical EDTF string, as in corpus files.
impl serde::Serialize for DateSpec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_edtf())
    }
}

/// English month names, for reading and writing dates in prose.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A year or month, with no day.
fn coarse(year: i32, month: Option<u32>) -> PartialDate {
    PartialDate {
        year,
        month,
        day: None,
    }
}

/// Days in a month of the proleptic Gregorian calendar (as chrono uses).
fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The nearest real date to year/month/day, so that hand-built invalid
/// `PartialDate`s still give an answer instead of a panic.
fn clamped_date(year: i32, month: u32, day: u32) -> NaiveDate {
    let year = year.clamp(NaiveDate::MIN.year(), NaiveDate::MAX.year());
    let month = month.clamp(1, 12);
    let day = day.clamp(1, days_in_month(year, month));
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests;
