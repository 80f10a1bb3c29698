//! Relative dates resolved against an anchor: "two days ago", "last week",
//! "on Wednesday", a day written without its year.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::found::Found;
use super::tense::{self, Tense};
use super::tokens::Words;
use super::Para;
use crate::model::date::{DateSpec, YEARS};

/// How far (days) from its anchor a day written without a year may fall
/// when the tense does not say which side it is on.
const HALF_YEAR: i64 = 183;

pub fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub fn shift_months(d: NaiveDate, back: i64) -> Option<DateSpec> {
    let total = i64::from(d.year()) * 12 + i64::from(d.month0()) - back;
    DateSpec::month(
        i32::try_from(total.div_euclid(12)).ok()?,
        total.rem_euclid(12) as u32 + 1,
    )
}

/// "two days ago", "a week ago", "three years ago".
pub fn ago(i: usize, n: u32, published: Option<NaiveDate>, ws: &Words) -> Option<Found> {
    let lower = |i: usize| ws.lower(i);
    if lower(i + 2) != "ago" {
        return None;
    }
    let unit = lower(i + 1);
    let n = i64::from(n);
    let date = published.and_then(|p| match unit.trim_end_matches('s') {
        "day" => shift_days(p, -n).and_then(DateSpec::day),
        "week" => shift_days(p, -7 * n).and_then(DateSpec::week),
        "month" => shift_months(p, n),
        "year" => DateSpec::year(p.year() - n as i32),
        _ => None,
    });
    matches!(
        unit.trim_end_matches('s'),
        "day" | "week" | "month" | "year"
    )
    .then_some((i, i + 2, date, published, "ago"))
}

/// "last week", "this month", "next year", "earlier this year".
pub fn relative_unit(i: usize, published: Option<NaiveDate>, ws: &Words) -> Option<Found> {
    let lower = |i: usize| ws.lower(i);
    let (which, unit_at) = match lower(i) {
        "earlier" | "later" if lower(i + 1) == "this" => ("this", i + 2),
        "earlier" | "later" => return None,
        w => (
            if w == "this" {
                "this"
            } else if w == "last" {
                "last"
            } else {
                "next"
            },
            i + 1,
        ),
    };
    let step: i64 = match which {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let unit = lower(unit_at);
    if which == "this" && matches!(unit, "morning" | "afternoon" | "evening") {
        let date = published.and_then(DateSpec::day);
        return Some((i, unit_at, date, published, "this-part-of-day"));
    }
    let date = published.and_then(|p| match &*unit {
        "week" => shift_days(p, 7 * step).and_then(DateSpec::week),
        "month" => shift_months(p, -step),
        "year" => DateSpec::year(p.year() + step as i32),
        _ => None,
    });
    let rule = match (which, unit) {
        (_, "week" | "month" | "year") if lower(i) == "earlier" || lower(i) == "later" => {
            "within-this-unit"
        }
        ("last", "week" | "month" | "year") => "last-unit",
        ("next", "week" | "month" | "year") => "next-unit",
        ("this", "week" | "month" | "year") => "this-unit",
        _ => return None,
    };
    Some((i, unit_at, date, published, rule))
}

/// "on Wednesday", "last Friday", "next Tuesday", "early Wednesday afternoon".
pub fn weekday(
    par: &Para,
    ws: &Words,
    i: usize,
    day: Weekday,
    published: Option<NaiveDate>,
) -> Found {
    let lower = |i: usize| ws.lower(i);
    let prev = lower(i.wrapping_sub(1));
    let mut start = if matches!(
        prev,
        "on" | "last" | "next" | "this" | "early" | "late" | "since" | "by" | "until"
    ) {
        i - 1
    } else {
        i
    };
    if lower(start.wrapping_sub(1)) == "on" && start != i {
        start -= 1;
    }
    let end = if matches!(lower(i + 1), "morning" | "afternoon" | "evening" | "night") {
        i + 1
    } else {
        i
    };
    let (rule, date) = match prev {
        "last" => (
            "last-weekday",
            published.and_then(|p| before(p, day, false)),
        ),
        "next" => ("next-weekday", published.and_then(|p| after(p, day, false))),
        "this" => (
            "this-weekday",
            published.and_then(|p| {
                DateSpec::week(p)?
                    .first_day()
                    .checked_add_days(Days::new(u64::from(day.num_days_from_monday())))
            }),
        ),
        _ => match tense::around(par, ws, i) {
            Tense::Future => ("weekday-ahead", published.and_then(|p| after(p, day, true))),
            Tense::Present => ("weekday-nearest", published.and_then(|p| nearest(p, day))),
            Tense::Past | Tense::Unknown => {
                ("weekday-past", published.and_then(|p| before(p, day, true)))
            }
        },
    };
    (start, end, date.and_then(DateSpec::day), published, rule)
}

/// A day or month written without a year takes the anchor's year, or the
/// year on the side of the anchor its clause's tense puts it ("talks were
/// last held on 12 December"; "will meet on January 15"), or else the year
/// that puts it within half a year of the anchor.
pub fn anchor_year(
    par: &Para,
    ws: &Words,
    i: usize,
    anchor: NaiveDate,
    make: impl Fn(i32) -> Option<DateSpec>,
) -> Option<DateSpec> {
    let date = make(anchor.year())?;
    let year = match tense::around(par, ws, i) {
        Tense::Past if date.first_day() > anchor => anchor.year() - 1,
        Tense::Future if date.last_day() < anchor => anchor.year() + 1,
        Tense::Past | Tense::Future => return Some(date),
        Tense::Present | Tense::Unknown => {
            let ahead = (date.first_day() - anchor).num_days();
            let behind = (anchor - date.last_day()).num_days();
            match (ahead > HALF_YEAR, behind > HALF_YEAR) {
                (true, _) => anchor.year() - 1,
                (_, true) => anchor.year() + 1,
                _ => return Some(date),
            }
        }
    };
    // A year outside the model's drops the date rather than keep the
    // anchor's year against what the tense says.
    if !YEARS.contains(&year) {
        return None;
    }
    make(year).or(Some(date))
}

/// The `day` nearest to `d`, `d` itself included; the past on a tie.
fn nearest(d: NaiveDate, day: Weekday) -> Option<NaiveDate> {
    let back = before(d, day, true)?;
    let ahead = after(d, day, true)?;
    Some(if (ahead - d) < (d - back) {
        ahead
    } else {
        back
    })
}

/// The latest `day` before (or on, when `same` is allowed) `d`.
fn before(d: NaiveDate, day: Weekday, same: bool) -> Option<NaiveDate> {
    let mut back = (7 + d.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    if back == 0 && !same {
        back = 7;
    }
    d.checked_sub_days(Days::new(u64::from(back)))
}

/// The first `day` after (or on, when `same` is allowed) `d`.
fn after(d: NaiveDate, day: Weekday, same: bool) -> Option<NaiveDate> {
    let mut ahead = (7 + day.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    if ahead == 0 && !same {
        ahead = 7;
    }
    d.checked_add_days(Days::new(u64::from(ahead)))
}
