//! Slide dates: TimelineJS `start_date`/`end_date` objects (numbers or
//! strings) as an EDTF date. Parts chronicle cannot hold (times of day,
//! years outside 1–9999, impossible days) are noted, never guessed.

use chrono::Datelike;
use serde_json::{Map, Value};

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
    let edtf = |d: &PartialDate| {
        DateSpec {
            start: *d,
            end: None,
            approximate: false,
            uncertain: false,
            precision: d.precision(),
        }
        .to_edtf()
    };
    let text = match &end {
        Some(e) => format!("{}/{}", edtf(&start), edtf(e)),
        None => edtf(&start),
    };
    match DateSpec::parse(&text) {
        Ok(spec) => Some(spec),
        Err(err) => {
            notes.push(format!("{what}: end_date dropped: {}", err.message));
            DateSpec::parse(&edtf(&start)).ok()
        }
    }
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
        Some(Ok(y)) if (1..=9999).contains(&y) => y as i32,
        Some(Ok(y)) => {
            notes.push(format!("{what}: year {y} is outside 1–9999; skipped"));
            return None;
        }
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
            return Some(PartialDate {
                year,
                month: None,
                day: None,
            });
        }
    };
    let days = |m: u32| {
        let whole = PartialDate {
            year,
            month: Some(m),
            day: None,
        };
        i64::from(whole.last_day().day())
    };
    let day = match (month, part("day")) {
        (_, None) => None,
        (Some(m), Some(Ok(d))) if (1..=days(m)).contains(&d) => Some(d as u32),
        _ => {
            notes.push(format!(
                "{what}: `{key}` day is not a day of its month; kept the month"
            ));
            None
        }
    };
    Some(PartialDate { year, month, day })
}
