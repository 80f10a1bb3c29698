//! Seasons, weekends, holidays and parts of a month: "this summer", "last
//! winter", "the spring of 2023", "over the weekend", "Thanksgiving",
//! "mid-March". A season is the span of its months (northern seasons), a
//! weekend its Saturday and Sunday, a holiday its day.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::date_words::{month_of, year_number};
use super::found::Found;
use super::relative::anchor_year;
use super::tense::{self, Tense};
use super::tokens::Words;
use super::Para;
use crate::model::date::{DateSpec, PartialDate};

/// The first month of each season.
fn season_start(word: &str) -> Option<u32> {
    let lower = |w: &str| word.eq_ignore_ascii_case(w);
    if !matches!(word.len(), 4 | 6) {
        return None;
    }
    Some(if lower("spring") {
        3
    } else if lower("summer") {
        6
    } else if lower("autumn") || lower("fall") {
        9
    } else if lower("winter") {
        12
    } else {
        return None;
    })
}

/// Words before a season that make it a date, not "summer camp".
const SEASON_LEAD: &[&str] = &[
    "this", "last", "next", "the", "in", "early", "late", "mid", "during", "until", "by", "since",
];

/// The three months from `start` in `year`, as a month span.
fn season_span(year: i32, start: u32) -> Option<DateSpec> {
    let (end_year, end_month) = season_end(year, start);
    let month = |y, m| PartialDate::new(y, Some(m), None);
    DateSpec::span(month(year, start)?, month(end_year, end_month)?)
}

/// The year and month a season from `start` in `year` ends in.
fn season_end(year: i32, start: u32) -> (i32, u32) {
    let end_month = (start + 1) % 12 + 1;
    let end_year = if end_month < start { year + 1 } else { year };
    (end_year, end_month)
}

/// The first and last day of a season, in any year chrono can hold: a
/// season outside the model's years still counts when one is chosen.
fn season_days(year: i32, start: u32) -> Option<(NaiveDate, NaiveDate)> {
    let (end_year, end_month) = season_end(year, start);
    let first = NaiveDate::from_ymd_opt(year, start, 1)?;
    let after =
        NaiveDate::from_ymd_opt(end_year + i32::from(end_month == 12), end_month % 12 + 1, 1)?;
    Some((first, after.pred_opt()?))
}

/// Which occurrence of a season (or weekend) a phrase means, given the
/// occurrences around the anchor.
#[derive(Clone, Copy)]
enum Pick {
    This,
    Last,
    Next,
    ByTense(Tense),
}

/// Picks among spans `(first, last)` day, sorted, relative to `d`.
fn pick(spans: &[(NaiveDate, NaiveDate)], d: NaiveDate, how: Pick) -> Option<usize> {
    let holding = spans.iter().position(|&(a, b)| a <= d && d <= b);
    let last = spans.iter().rposition(|&(_, b)| b < d);
    let next = spans.iter().position(|&(a, _)| a > d);
    let nearest = || {
        holding.or(match (last, next) {
            (Some(l), Some(n)) if (spans[n].0 - d) < (d - spans[l].1) => Some(n),
            (Some(l), _) => Some(l),
            (None, n) => n,
        })
    };
    match how {
        Pick::This | Pick::ByTense(Tense::Present) => nearest(),
        Pick::Last => last,
        Pick::Next => next,
        Pick::ByTense(Tense::Future) => holding.or(next),
        Pick::ByTense(Tense::Past | Tense::Unknown) => holding.or(last),
    }
}

fn how_of(lead: &str, par: &Para, ws: &Words, i: usize) -> Pick {
    match lead {
        "this" => Pick::This,
        "last" | "past" => Pick::Last,
        "next" | "coming" => Pick::Next,
        _ => Pick::ByTense(tense::around(par, ws, i)),
    }
}

/// "this summer", "last winter", "in the spring", "summer 2023", "the
/// autumn of 2022", at the season word `i`.
pub fn season(par: &Para, ws: &Words, i: usize, published: Option<NaiveDate>) -> Option<Found> {
    let start_month = season_start(ws.get(i))?;
    let prev = ws.lower(i.wrapping_sub(1));
    let fall = ws.get(i).eq_ignore_ascii_case("fall");
    let explicit = if ws.lower(i + 1) == "of" {
        year_number(ws.get(i + 2)).map(|y| (y, i + 2))
    } else {
        year_number(ws.get(i + 1)).map(|y| (y, i + 1))
    };
    let led = SEASON_LEAD.contains(&prev);
    // "fall" is a verb far more often than a season.
    if !(led || explicit.is_some()) || (fall && explicit.is_none() && prev != "the" && !led) {
        return None;
    }
    if fall && prev == "the" && explicit.is_none() && ws.lower(i + 1) == "of" {
        return None;
    }
    let first = if matches!(prev, "this" | "last" | "next" | "the") {
        i - 1
    } else {
        i
    };
    if let Some((year, end)) = explicit {
        return Some((
            first,
            end,
            season_span(year, start_month),
            None,
            "season-year",
        ));
    }
    let date = published.and_then(|d| {
        let years = [d.year() - 2, d.year() - 1, d.year(), d.year() + 1];
        // Every season counts in the choice; one outside the model's years
        // dates nothing rather than leave the choice to another.
        let days: Option<Vec<(NaiveDate, NaiveDate)>> =
            years.iter().map(|&y| season_days(y, start_month)).collect();
        let k = pick(&days?, d, how_of(prev, par, ws, i))?;
        season_span(years[k], start_month)
    });
    Some((first, i, date, published, "season"))
}

/// "this weekend", "last weekend", "over the weekend", at "weekend" (`i`).
pub fn weekend(par: &Para, ws: &Words, i: usize, published: Option<NaiveDate>) -> Option<Found> {
    if !ws.get(i).eq_ignore_ascii_case("weekend") {
        return None;
    }
    let prev = ws.lower(i.wrapping_sub(1));
    if !matches!(prev, "this" | "last" | "next" | "the" | "past" | "coming") {
        return None;
    }
    let date = published.and_then(|d| {
        let monday = d.week(Weekday::Mon).first_day();
        let days: Vec<(NaiveDate, NaiveDate)> = [-14i64, -7, 0, 7]
            .iter()
            .filter_map(|&shift| {
                let sat = super::relative::shift_days(monday, shift + 5)?;
                Some((sat, sat.checked_add_days(Days::new(1))?))
            })
            .collect();
        let k = pick(&days, d, how_of(prev, par, ws, i))?;
        let (sat, sun) = days[k];
        DateSpec::days(sat, sun)
    });
    Some((i - 1, i, date, published, "weekend"))
}

/// The day of a holiday in `year`, by its first word and the next one.
fn holiday_in(first: &str, second: &str, year: i32) -> Option<(NaiveDate, usize)> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    match (first, second) {
        ("Christmas", "Eve") => ymd(12, 24).map(|d| (d, 1)),
        ("Christmas", _) => ymd(12, 25).map(|d| (d, 0)),
        ("Halloween", _) => ymd(10, 31).map(|d| (d, 0)),
        ("Thanksgiving", _) => {
            let first = ymd(11, 1)?;
            let to_thursday = (7 + 3 - first.weekday().num_days_from_monday()) % 7;
            first
                .checked_add_days(Days::new(u64::from(to_thursday) + 21))
                .map(|d| (d, 0))
        }
        ("Easter", _) => easter(year).map(|d| (d, 0)),
        _ => None,
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// "Christmas", "Christmas Eve", "Thanksgiving", "Easter", "Halloween",
/// with the year written after it or the one the tense points to.
pub fn holiday(par: &Para, ws: &Words, i: usize, published: Option<NaiveDate>) -> Option<Found> {
    let (w, next) = (ws.get(i), ws.get(i + 1));
    let (_, used) = holiday_in(w, next, 2000)?;
    let last = i + used;
    if let Some(y) = year_number(ws.get(last + 1)) {
        let date = holiday_in(w, next, y).and_then(|(d, _)| DateSpec::day(d));
        return Some((i, last + 1, date, None, "holiday-year"));
    }
    let date = published.and_then(|p| {
        let days: Vec<(NaiveDate, NaiveDate)> = (p.year() - 1..=p.year() + 1)
            .filter_map(|y| holiday_in(w, next, y).map(|(d, _)| (d, d)))
            .collect();
        let k = pick(&days, p, how_of(ws.lower(i.wrapping_sub(1)), par, ws, i))?;
        DateSpec::day(days[k].0)
    });
    Some((i, last, date, published, "holiday"))
}

/// "mid-March" (the month, its year from the anchor) and "mid-2022".
pub fn mid_month(par: &Para, ws: &Words, i: usize, published: Option<NaiveDate>) -> Option<Found> {
    let w = ws.get(i);
    let rest = w.strip_prefix("mid-").or_else(|| w.strip_prefix("Mid-"))?;
    if let Some(y) = year_number(rest) {
        return Some((i, i, DateSpec::year(y), None, "mid-year"));
    }
    let month = month_of(rest)?;
    if let Some(y) = year_number(ws.get(i + 1)) {
        return Some((i, i + 1, DateSpec::month(y, month), None, "mid-month-year"));
    }
    let date = published.and_then(|p| anchor_year(par, ws, i, p, |y| DateSpec::month(y, month)));
    Some((i, i, date, published, "mid-month"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn seasons_are_picked_around_the_anchor() {
        let summers: Vec<DateSpec> = (2022..=2024).filter_map(|y| season_span(y, 6)).collect();
        let days: Vec<_> = summers
            .iter()
            .map(|s| (s.first_day(), s.last_day()))
            .collect();
        let shown = |at: &str, how| pick(&days, d(at), how).map(|k| summers[k].to_edtf());
        assert_eq!(
            shown("2023-12-01", Pick::Last).as_deref(),
            Some("2023-06/2023-08")
        );
        assert_eq!(
            shown("2023-07-01", Pick::Last).as_deref(),
            Some("2022-06/2022-08")
        );
        assert_eq!(
            shown("2023-12-01", Pick::This).as_deref(),
            Some("2023-06/2023-08")
        );
        assert_eq!(
            shown("2023-03-01", Pick::This).as_deref(),
            Some("2023-06/2023-08")
        );
        assert_eq!(
            shown("2023-09-10", Pick::Next).as_deref(),
            Some("2024-06/2024-08")
        );
        let winter = season_span(2023, 12).map(|s| s.to_edtf());
        assert_eq!(winter.as_deref(), Some("2023-12/2024-02"));
    }

    #[test]
    fn movable_holidays_fall_on_their_days() {
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2019), Some(d("2019-04-21")));
        let thanksgiving = holiday_in("Thanksgiving", "", 2020).map(|h| h.0);
        assert_eq!(thanksgiving, Some(d("2020-11-26")));
        assert_eq!(
            holiday_in("Christmas", "Eve", 2023),
            Some((d("2023-12-24"), 1))
        );
    }
}
