//! Dates at their precision, written EDTF-style (a subset of the Extended
//! Date/Time Format): `2019`, `2023-09`, `2019-04-25`, a day with a time
//! of day to the hour or minute (`2024-06-19T02`, `2024-06-19T02:22`,
//! local time as the source gives it), a trailing `~` (approximate), `?`
//! (uncertain) or `%` (both), and spans `start/end`. Years are numbered
//! as TimelineJS numbers them (`-0643` is 643 BCE),
//! and are in [`YEARS`] only: every value of these types is a real date in
//! that range, so whatever is printed parses back. Nothing here panics,
//! whatever the input.

mod parse;
mod show;

pub use parse::parse_day;

use std::cmp::Reverse;
use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate};

/// How finely a date is known, coarsest first, so that ordering by precision
/// puts a whole month before its first day and a day before its times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
}

/// The years a date may have, for the whole program: corpus files, the
/// command line, extraction, import and every output. Four digits and a
/// sign, as EDTF writes years without its `Y` prefix.
pub const YEARS: RangeInclusive<i32> = -9999..=9999;

/// True when `d` is a day a [`DateSpec`] can hold (its year is in [`YEARS`]).
pub fn in_range(d: NaiveDate) -> bool {
    YEARS.contains(&d.year())
}

/// The range in words, for messages: `-9999–9999`.
pub fn years_text() -> String {
    format!("{}–{}", year_edtf(*YEARS.start()), year_edtf(*YEARS.end()))
}

/// A year as EDTF writes it: four digits, a `-` before years before 0.
fn year_edtf(y: i32) -> String {
    if y < 0 {
        format!("-{:04}", y.unsigned_abs())
    } else {
        format!("{y:04}")
    }
}

/// A calendar date known to year, month or day, and a day to its hour or
/// minute: always a real one in [`YEARS`], as the constructors check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
    hour: Option<u32>,
    minute: Option<u32>,
}

impl PartialDate {
    /// A year, a month of it or a day of that month; None unless the year is
    /// in [`YEARS`], the month 1–12 and the day one of that month (a day
    /// needs a month).
    pub fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Option<Self> {
        let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (month, day) {
            (_, None) => true,
            (Some(m), Some(d)) => d >= 1 && d <= days_in_month(year, m),
            (None, Some(_)) => false,
        };
        (YEARS.contains(&year) && month_ok && day_ok).then_some(PartialDate {
            year,
            month,
            day,
            hour: None,
            minute: None,
        })
    }

    /// The day at an hour (0–23) or a minute of it (0–59); None unless
    /// the date is a day.
    pub fn at(self, hour: u32, minute: Option<u32>) -> Option<Self> {
        let ok = self.day.is_some() && hour < 24 && minute.is_none_or(|m| m < 60);
        ok.then_some(PartialDate {
            hour: Some(hour),
            minute,
            ..self
        })
    }

    /// The hour of the day; never without a day.
    pub fn hour(&self) -> Option<u32> {
        self.hour
    }

    /// The minute of the hour; never without an hour.
    pub fn minute(&self) -> Option<u32> {
        self.minute
    }

    /// The date without its time of day.
    pub fn without_time(self) -> Self {
        PartialDate {
            hour: None,
            minute: None,
            ..self
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u32> {
        self.month
    }

    /// The day of the month; never without a month.
    pub fn day(&self) -> Option<u32> {
        self.day
    }

    /// Year, Month, Day, Hour or Minute; never Week, which only a whole
    /// `DateSpec` has.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.hour, self.minute) {
            (_, _, Some(_), Some(_)) => Precision::Minute,
            (_, _, Some(_), None) => Precision::Hour,
            (Some(_), Some(_), _, _) => Precision::Day,
            (Some(_), None, _, _) => Precision::Month,
            (None, _, _, _) => Precision::Year,
        }
    }

    /// Where the date's time of day sorts, as (hour, minute); None for a
    /// whole day, which sorts before its times.
    fn start_time(&self) -> Option<(u32, u32)> {
        self.hour.map(|h| (h, self.minute.unwrap_or(0)))
    }

    /// The last minute the date covers on its last day, as (hour, minute);
    /// a whole day ends after every time of it.
    fn end_time(&self) -> (u32, u32) {
        match (self.hour, self.minute) {
            (Some(h), Some(m)) => (h, m),
            (Some(h), None) => (h, 59),
            _ => (24, 0),
        }
    }

    /// The first day the date covers: `2023-09` → 2023-09-01.
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(1);
        real_date(self.year, month, self.day.unwrap_or(1))
    }

    /// The last day the date covers: `2023-09` → 2023-09-30, `2024-02` → 2024-02-29.
    pub fn last_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        real_date(self.year, month, day)
    }

    /// The date at day precision; None outside [`YEARS`].
    pub fn from_date(d: NaiveDate) -> Option<Self> {
        PartialDate::new(d.year(), Some(d.month()), Some(d.day()))
    }

    /// The parts down to `precision`, for comparing two sides of a span at
    /// the finer precision they share.
    fn truncated(&self, precision: Precision) -> (i32, u32, u32, u32, u32) {
        let month = self.month.filter(|_| precision >= Precision::Month);
        let day = self.day.filter(|_| precision >= Precision::Day);
        let hour = self.hour.filter(|_| precision >= Precision::Hour);
        let minute = self.minute.filter(|_| precision >= Precision::Minute);
        let [month, day, hour, minute] = [month, day, hour, minute].map(|p| p.unwrap_or(0));
        (self.year, month, day, hour, minute)
    }

    /// The EDTF form without qualifiers: `2019`, `2023-09`, `2019-04-25`,
    /// `2024-06-19T02`, `2024-06-19T02:22`, `-0643`.
    fn edtf(&self) -> String {
        let mut out = year_edtf(self.year);
        if let Some(m) = self.month {
            out.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                out.push_str(&format!("-{d:02}"));
                if let Some(h) = self.hour {
                    out.push_str(&format!("T{h:02}"));
                    if let Some(m) = self.minute {
                        out.push_str(&format!(":{m:02}"));
                    }
                }
            }
        }
        out
    }
}

/// A date or span with its precision and qualifiers, as written in corpus files.
///
/// Qualifiers are kept per spec, not per side: `2023-09~/2023-10` is an
/// approximate span and `to_edtf` writes it as `2023-09/2023-10~`.
/// `precision` is the precision of `start`, except that `week()` makes a
/// Monday–Sunday span at day precision marked `Week` (EDTF has no week syntax
/// we want in corpus files, so parsing never yields `Week`).
///
/// The parts are private so that every value is one the parser accepts: an
/// end never before its start, both in [`YEARS`]. The qualifiers are free.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateSpec {
    start: PartialDate,
    end: Option<PartialDate>,
    pub approximate: bool,
    pub uncertain: bool,
    precision: Precision,
}

/// Why a date string is not valid: `offset` is the byte offset within the
/// string where the problem is, so the caller can point a file:line:col at it;
/// `message` says what is wrong in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub offset: usize,
    pub message: String,
}

impl DateSpec {
    /// A single day; None outside [`YEARS`].
    pub fn day(d: NaiveDate) -> Option<Self> {
        PartialDate::from_date(d).map(DateSpec::point)
    }

    /// A whole month; None outside [`YEARS`] or months 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        PartialDate::new(year, Some(month), None).map(DateSpec::point)
    }

    /// A whole year; None outside [`YEARS`].
    pub fn year(year: i32) -> Option<Self> {
        PartialDate::new(year, None, None).map(DateSpec::point)
    }

    /// The week containing `monday` (any day of it is moved back to its
    /// Monday, so callers may pass "today"), Monday to Sunday at day
    /// precision; None when either end is outside [`YEARS`].
    pub fn week(monday: NaiveDate) -> Option<Self> {
        let back = Days::new(u64::from(monday.weekday().num_days_from_monday()));
        let monday = monday.checked_sub_days(back)?;
        let sunday = monday.checked_add_days(Days::new(6))?;
        Some(DateSpec {
            precision: Precision::Week,
            ..DateSpec::days(monday, sunday)?
        })
    }

    /// A span from `start` to `end` at the start's precision; None when it
    /// would end before it starts (compared at the precision they share,
    /// as the parser does).
    pub fn span(start: PartialDate, end: PartialDate) -> Option<Self> {
        (!ends_before(&start, &end)).then_some(DateSpec {
            end: Some(end),
            ..DateSpec::point(start)
        })
    }

    /// The days from `first` to `last` at day precision; None outside
    /// [`YEARS`] or when `last` is before `first`.
    pub fn days(first: NaiveDate, last: NaiveDate) -> Option<Self> {
        DateSpec::span(
            PartialDate::from_date(first)?,
            PartialDate::from_date(last)?,
        )
    }

    /// A date known to its start's precision.
    pub fn point(start: PartialDate) -> Self {
        DateSpec {
            start,
            end: None,
            approximate: false,
            uncertain: false,
            precision: start.precision(),
        }
    }

    pub fn start(&self) -> PartialDate {
        self.start
    }

    /// The end of a span; None for a point.
    pub fn end(&self) -> Option<PartialDate> {
        self.end
    }

    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// The first day covered: `start.first_day()`.
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    /// The last day covered: the end's (or, for a point, the start's) last day.
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// Chronological ordering key: earlier first day first, then a whole
    /// day before its times and earlier times first; on a tie, coarser
    /// before finer (a whole month before its first day), then a span
    /// (`false`) before a point (`true`), then the longer before the shorter.
    #[allow(clippy::type_complexity)]
    pub fn sort_key(
        &self,
    ) -> (
        NaiveDate,
        Option<(u32, u32)>,
        Precision,
        bool,
        Reverse<(NaiveDate, (u32, u32))>,
    ) {
        let last = self.end.unwrap_or(self.start);
        (
            self.first_day(),
            self.start.start_time(),
            self.precision,
            self.end.is_none(),
            Reverse((self.last_day(), last.end_time())),
        )
    }

    /// The canonical EDTF string: start, `/end` for a span, then one
    /// qualifier for the whole spec (`2023-09/2023-10~`), so that
    /// `parse(x.to_edtf()) == x` for every value. A Week prints as its
    /// Monday/Sunday span and parses back at day precision.
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

    /// True when `d` falls within [first_day, last_day].
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.first_day() <= d && d <= self.last_day()
    }
}

/// True when `end` is before `start` at the finer precision they share: a
/// span the parser rejects.
fn ends_before(start: &PartialDate, end: &PartialDate) -> bool {
    let common = start.precision().min(end.precision());
    end.truncated(common) < start.truncated(common)
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

/// The day of parts that [`PartialDate::new`] checked; chrono's range holds
/// [`YEARS`], so the fallback is never taken.
fn real_date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod time_tests;
