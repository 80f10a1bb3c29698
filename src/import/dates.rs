//! Slide dates: TimelineJS `start_date`/`end_date` objects as an EDTF
//! date, read leniently as real files have them: numbers or strings
//! (`"2019"`, `" 7 "`, `2019.0`), and an empty string, `null` or a
//! missing key alike for a part that is not there. Times are kept to the
//! minute. Parts chronicle cannot hold (years outside the model's range,
//! impossible days) are noted, never guessed; the date as written stays
//! in the passthrough, so the export gives it back.

use serde_json::{Map, Value};

use crate::model::date::{years_text, YEARS};
use crate::model::{DateSpec, PartialDate};

/// The slide's dates as a spec, or `None` (noted) when it has none
/// chronicle can hold.
pub fn slide_date(
    obj: &Map<String, Value>,
    what: &str,
    notes: &mut Vec<String>,
) -> Option<DateSpec> {
    let Some(start) = obj.get("start_date").filter(|v| !v.is_null()) else {
        notes.push(format!("{what}: no start_date; skipped"));
        return None;
    };
    let start = partial(start, what, "start_date", notes)?;
    let end = obj
        .get("end_date")
        .filter(|e| !is_blank(e))
        .and_then(|e| partial(e, what, "end_date", notes));
    let Some(end) = end else {
        return Some(DateSpec::point(start));
    };
    DateSpec::span(start, end).or_else(|| {
        let (a, b) = (DateSpec::point(end), DateSpec::point(start));
        notes.push(format!(
            "{what}: end_date dropped: the span ends ({a}) before it starts ({b})"
        ));
        Some(b)
    })
}

/// An `end_date` of nothing: null, `{}` or only empty parts.
fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(o) => o.values().all(|p| part_value(Some(p)).is_none()),
        _ => false,
    }
}

/// A date part: None when absent or empty, Err when it is not a whole number.
fn part_value(v: Option<&Value>) -> Option<Result<i64, ()>> {
    match v? {
        Value::Null => None,
        Value::Number(n) => Some(match n.as_i64() {
            Some(i) => Ok(i),
            None => n
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                .map(|f| f as i64)
                .ok_or(()),
        }),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.trim().parse().map_err(|_| ())),
        _ => Some(Err(())),
    }
}

fn partial(value: &Value, what: &str, key: &str, notes: &mut Vec<String>) -> Option<PartialDate> {
    let Some(obj) = value.as_object() else {
        notes.push(format!("{what}: `{key}` is not an object; skipped"));
        return None;
    };
    let part = |k: &str| part_value(obj.get(k));
    let year = match part("year") {
        Some(Ok(y)) => match i32::try_from(y).ok().filter(|y| YEARS.contains(y)) {
            Some(y) => y,
            None => {
                let range = years_text();
                notes.push(format!("{what}: year {y} is outside {range}; skipped"));
                return None;
            }
        },
        _ => {
            notes.push(format!("{what}: `{key}` has no usable year; skipped"));
            return None;
        }
    };
    let month = match part("month") {
        None => None,
        Some(Ok(m)) if (1..=12).contains(&m) => Some(m as u32),
        Some(_) => {
            notes.push(format!(
                "{what}: `{key}` month is not 1–12; kept the year only"
            ));
            return PartialDate::new(year, None, None);
        }
    };
    let day = match part("day") {
        None if part("hour").is_some() => {
            notes.push(format!(
                "{what}: `{key}` has a time but no day; the time is kept in the file only"
            ));
            return PartialDate::new(year, month, None);
        }
        None => return PartialDate::new(year, month, None),
        Some(day) => day.ok().and_then(|d| u32::try_from(d).ok()),
    };
    let Some(date) = day.and_then(|d| PartialDate::new(year, month, Some(d))) else {
        notes.push(format!(
            "{what}: `{key}` day is not a day of its month; kept the month"
        ));
        return PartialDate::new(year, month, None);
    };
    time(date, |k| part(k), what, key, notes)
}

/// The day at its `hour` and `minute`; a `second` or `millisecond` is
/// noted and the time kept to the minute.
fn time(
    date: PartialDate,
    part: impl Fn(&str) -> Option<Result<i64, ()>>,
    what: &str,
    key: &str,
    notes: &mut Vec<String>,
) -> Option<PartialDate> {
    let hour = match part("hour") {
        None => return Some(date),
        Some(h) => h.ok().and_then(|h| u32::try_from(h).ok()),
    };
    let minute = match part("minute") {
        None => Ok(None),
        Some(m) => m
            .ok()
            .and_then(|m| u32::try_from(m).ok())
            .map(Some)
            .ok_or(()),
    };
    let timed = match (hour, minute) {
        (Some(h), Ok(m)) => date.at(h, m),
        _ => None,
    };
    let Some(timed) = timed else {
        notes.push(format!(
            "{what}: `{key}` time is not a time of day; kept the day"
        ));
        return Some(date);
    };
    if ["second", "millisecond"].iter().any(|k| part(k).is_some()) {
        notes.push(format!(
            "{what}: `{key}` seconds are kept in the file only; the event is dated to the minute"
        ));
    }
    Some(timed)
}
