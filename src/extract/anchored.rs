//! Dates relative to another date of the text: "the next day", "a day
//! earlier", "two weeks later", "that year". They resolve against the date
//! the text mentioned last, at the precision they need, and against the
//! publication date only when the text has mentioned none.

use chrono::{Datelike, NaiveDate};

use super::found::Found;
use super::relative::{shift_days, shift_months};
use super::tokens::Words;
use crate::model::date::DateSpec;

/// The dates the text mentioned last, at each precision.
#[derive(Debug, Clone, Copy, Default)]
pub struct Refs {
    pub day: Option<NaiveDate>,
    pub month: Option<(i32, u32)>,
    pub year: Option<i32>,
}

impl Refs {
    /// Remembers a resolved mention as the latest at its precision and coarser.
    pub fn note(&mut self, date: &DateSpec) {
        use crate::model::date::Precision;
        let first = date.first_day();
        if date.end().is_none() && date.precision() == Precision::Day {
            self.day = Some(first);
        }
        if date.precision() >= Precision::Month {
            self.month = Some((first.year(), first.month()));
        }
        self.year = Some(first.year());
    }

    fn day_or(&self, published: Option<NaiveDate>) -> Option<NaiveDate> {
        self.day.or(published)
    }

    fn month_or(&self, published: Option<NaiveDate>) -> Option<NaiveDate> {
        let (y, m) = self
            .month
            .or_else(|| self.day.map(|d| (d.year(), d.month())))
            .or_else(|| published.map(|d| (d.year(), d.month())))?;
        NaiveDate::from_ymd_opt(y, m, 1)
    }

    fn year_or(&self, published: Option<NaiveDate>) -> Option<i32> {
        self.year.or(published.map(|d| d.year()))
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// The unit a word names, in any case, without allocating: most words
/// this is asked about name none.
fn unit_of(word: &str) -> Option<Unit> {
    let w = word.trim_end_matches(['s', 'S']);
    let is = |u: &str| w.eq_ignore_ascii_case(u);
    Some(
        if ["day", "date", "morning", "afternoon", "evening", "night"]
            .into_iter()
            .any(is)
        {
            Unit::Day
        } else if is("week") {
            Unit::Week
        } else if is("month") {
            Unit::Month
        } else if is("year") {
            Unit::Year
        } else {
            return None;
        },
    )
}

/// "the next day", "the following week", "the previous year", "the same
/// day", "that month", starting at word `i` ("the" or "that").
pub fn determined(
    i: usize,
    ws: &Words,
    refs: &Refs,
    published: Option<NaiveDate>,
) -> Option<Found> {
    let is = |j: usize, w: &str| ws.get(j).eq_ignore_ascii_case(w);
    let (step, unit_at) = if is(i, "that") {
        (0, i + 1)
    } else if is(i, "the") {
        // Most words after "the" start no date: no lower-casing for them.
        let next = ws.get(i + 1);
        if !matches!(next.len(), 3..=9) || next.starts_with(char::is_uppercase) {
            return None;
        }
        let step = match next {
            "next" | "following" => 1,
            "previous" | "preceding" => -1,
            "same" => 0,
            // "in the evening", "later in the day", "the day before".
            "morning" | "afternoon" | "evening" | "night" => {
                return part_of_day(i, ws, refs, published)
            }
            "day" => {
                let step = match ws.lower(i + 2) {
                    "before" => -1,
                    "after" => 1,
                    _ if ws.lower(i.wrapping_sub(1)) == "in" => 0,
                    _ => return None,
                };
                let date = shifted(Unit::Day, step, refs, published);
                let last = if step == 0 { i + 1 } else { i + 2 };
                return Some((
                    i,
                    last,
                    date,
                    refs.day_or(published),
                    "relative-to-last-date",
                ));
            }
            _ => return None,
        };
        (step, i + 2)
    } else {
        return None;
    };
    let unit = unit_of(ws.get(unit_at)).filter(|_| !ws.get(unit_at).ends_with('s'))?;
    let date = shifted(unit, step, refs, published);
    Some((
        i,
        unit_at,
        date,
        anchor(unit, refs, published),
        "relative-to-last-date",
    ))
}

/// "the evening" at word `i`: the part of the day mentioned last.
fn part_of_day(i: usize, ws: &Words, refs: &Refs, published: Option<NaiveDate>) -> Option<Found> {
    if ws.get(i + 1).ends_with('s') {
        return None;
    }
    let date = refs.day_or(published).and_then(DateSpec::day);
    Some((
        i,
        i + 1,
        date,
        refs.day_or(published),
        "relative-to-last-date",
    ))
}

/// "a day later", "two weeks earlier" at word `i`, the count `n`.
pub fn counted(
    i: usize,
    n: u32,
    ws: &Words,
    refs: &Refs,
    published: Option<NaiveDate>,
) -> Option<Found> {
    let unit = unit_of(ws.get(i + 1))?;
    let sign = match ws.lower(i + 2) {
        "later" => 1,
        "earlier" => -1,
        _ => return None,
    };
    let date = shifted(unit, sign * i64::from(n), refs, published);
    Some((
        i,
        i + 2,
        date,
        anchor(unit, refs, published),
        "relative-to-last-date",
    ))
}

fn anchor(unit: Unit, refs: &Refs, published: Option<NaiveDate>) -> Option<NaiveDate> {
    match unit {
        Unit::Day | Unit::Week => refs.day_or(published),
        Unit::Month => refs.month_or(published),
        Unit::Year => refs
            .year_or(published)
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
    }
}

fn shifted(unit: Unit, n: i64, refs: &Refs, published: Option<NaiveDate>) -> Option<DateSpec> {
    match unit {
        Unit::Day => shift_days(refs.day_or(published)?, n).and_then(DateSpec::day),
        Unit::Week => shift_days(refs.day_or(published)?, 7 * n).and_then(DateSpec::week),
        Unit::Month => shift_months(refs.month_or(published)?, -n),
        Unit::Year => DateSpec::year(refs.year_or(published)? + i32::try_from(n).ok()?),
    }
}
