//! Slide dates: TimelineJS `start_date`/`end_date` objects (numbers or
//! strings) as an EDTF date. Parts chronicle cannot hold (times of day,
//! years outside the model's range, impossible days) are noted, never
//! guessed.

use serde_json::{Map, Value};

use crate::model::date::{years_text, YEARS};
use crate::model::{DateSpec, PartialDate};

const DATE_KEYS: [&str; 3] = ["year", "month", "day"];

/// The slide's dates as a spec, or `None` (noted) when it has none
/// chronicle can hold.
pub fn slide_date(
    obj: &Map<String, Value>,
    what: &str,
    notes: &mut Vec<String>,
) -> Option<DateSpec> {
    let Some(start) = obj.get("start_date") else {
        notes.push(format!("{what}: no start_date; skipped"));
        return None;
    };
    let start = partial(start, what, "start_date", notes)?;
    let end = obj
        .get("end_date")
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

fn partial(value: &Value, what: &str, key: &str, notes: &mut Vec<String>) -> Option<PartialDate> {
    let Some(obj) = value.as_object() else {
        notes.push(format!("{what}: `{key}` is not an object; skipped"));
        return None;
    };
    let part = |k: &str| -> Option<Result<i64, ()>> {
        obj.get(k).map(|v| match v {
            Value::Number(n) => n.as_i64().ok_or(()),
            Value::String(s) if s.trim().is_empty() => Err(()),
            Value::String(s) => s.trim().parse().map_err(|_| ()),
            _ => Err(()),
        })
    };
    let extra: Vec<&str> = obj
        .keys()
        .map(String::as_str)
        .filter(|k| !DATE_KEYS.contains(k))
        .collect();
    if !extra.is_empty() {
        notes.push(format!("{what}: `{key}` {} not kept", extra.join(", ")));
    }
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
    let Some(day) = part("day") else {
        return PartialDate::new(year, month, None);
    };
    let day = day.ok().and_then(|d| u32::try_from(d).ok());
    day.and_then(|d| PartialDate::new(year, month, Some(d)))
        .or_else(|| {
            notes.push(format!(
                "{what}: `{key}` day is not a day of its month; kept the month"
            ));
            PartialDate::new(year, month, None)
        })
}
