//! A clock time tied to a dated mention: "shortly after 2 a.m. on
//! Wednesday", "At 9:56 a.m. EDT Friday", "on Wednesday at 14:30 local
//! time". The happening the mention dates is then known to the hour (`2
//! a.m.`) or the minute (`9:56 a.m.`, `14:30`), as local time, written.
//! Only the few words beside a day's mention are read, never the sentence.

use super::dates::DatedMention;
use super::tokens::Words;
use super::Para;
use crate::model::{DateSpec, Precision};

/// Words at most this many apart from the mention still tie a clock to it.
const GAP: usize = 3;

/// The mention's day at the clock time written beside it, if it is a day
/// and there is one in its sentence.
pub fn timed(body: &str, par: &Para, m: &DatedMention) -> Option<DateSpec> {
    let date = m.date.as_ref()?;
    if date.precision() != Precision::Day || date.end().is_some() {
        return None;
    }
    let ws = Words::of(body, par);
    let toks = par.toks;
    let first = toks.partition_point(|t| t.start < m.span.start);
    let after = toks.partition_point(|t| t.start < m.span.end);
    // Nothing that ends a sentence or a clause stands between the two
    // (the sentence splitter may have cut after the dot of "a.m.").
    let apart = |from: usize, to: usize| {
        let text = body.get(from..to).unwrap_or(".");
        let text = text.strip_prefix('.').unwrap_or(text);
        text.contains(['.', '!', '?', ';', '\n'])
    };
    // After the mention: the clock starts within GAP words of its end.
    let behind = (after..after + GAP + 1).find_map(|k| {
        let (time, _) = clock(&ws, k)?;
        (!apart(m.span.end, toks[k].start)).then_some(time)
    });
    // Before it: a clock ending within GAP words of its start.
    let ahead = || {
        (first.saturating_sub(GAP + 5)..first).find_map(|k| {
            let (time, end) = clock(&ws, k)?;
            let near = end < first && first - end <= GAP + 1;
            (near && !apart(toks[end].end, m.span.start)).then_some(time)
        })
    };
    let (hour, minute) = behind.or_else(ahead)?;
    let mut timed = DateSpec::point(date.start().at(hour, minute)?);
    (timed.approximate, timed.uncertain) = (date.approximate, date.uncertain);
    Some(timed)
}

/// A clock time starting at word `k`: (hour, minute) in 24-hour time and
/// the index of its last word. `2 a.m.`, `2am`, `9:56 a.m.`, `11:25am`,
/// `14:30`, `noon`; not a bare number, nor `2:14:04` (a duration).
fn clock(ws: &Words, k: usize) -> Option<((u32, Option<u32>), usize)> {
    let word = ws.lower(k);
    if word == "noon" || word == "midday" {
        return Some(((12, Some(0)), k));
    }
    let between = |a: usize| -> &str {
        match (ws.toks.get(a), ws.toks.get(a + 1)) {
            (Some(x), Some(y)) => ws.body.get(x.end..y.start).unwrap_or(""),
            _ => "",
        }
    };
    // The minutes or seconds of a longer clock are none of their own.
    if k > 0 && between(k - 1) == ":" {
        return None;
    }
    let (digits, glued) = split_digits(word);
    let hour: u32 = digits.parse().ok().filter(|_| digits.len() <= 2)?;
    let mut last = k;
    let mut minute = None;
    let mut meridiem = glued;
    if glued.is_empty() && between(k) == ":" {
        let (m, rest) = split_digits(ws.lower(k + 1));
        if m.len() != 2 || between(k + 1) == ":" {
            return None;
        }
        minute = Some(m.parse::<u32>().ok().filter(|&m| m < 60)?);
        last = k + 1;
        meridiem = rest;
    }
    if meridiem.is_empty() {
        let next = ws.lower(last + 1);
        if matches!(next, "am" | "pm") && between(last).trim().is_empty() {
            meridiem = next;
            last += 1;
        } else if matches!(next, "a" | "p") && ws.lower(last + 2) == "m" && between(last + 1) == "."
        {
            meridiem = if next == "a" { "am" } else { "pm" };
            last += 2;
        }
    }
    let hour = match meridiem {
        "am" | "pm" if !(1..=12).contains(&hour) => return None,
        "am" => hour % 12,
        "pm" => hour % 12 + 12,
        "" if minute.is_some() && hour < 24 => hour,
        _ => return None,
    };
    Some(((hour, minute), last))
}

/// `25am` → (`25`, `am`): the leading ASCII digits and the rest.
fn split_digits(word: &str) -> (&str, &str) {
    let n = word.bytes().take_while(u8::is_ascii_digit).count();
    word.split_at(n)
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    /// The dates of the happenings `text` reports, as EDTF.
    fn reported(text: &str) -> Vec<String> {
        let published = chrono::NaiveDate::from_ymd_opt(2024, 6, 21);
        let found = extract(text, published, &[]);
        found.reports.iter().map(|r| r.date.to_edtf()).collect()
    }

    #[test]
    fn a_clock_beside_a_day_dates_the_happening_to_its_hour_or_minute() {
        let cases = [
            (
                "The plane landed shortly after 2 a.m. on Wednesday.",
                "2024-06-19T02",
            ),
            (
                "The talks began on Wednesday at 14:30 local time.",
                "2024-06-19T14:30",
            ),
            (
                "At 9:56 a.m. EDT Wednesday, the crew docked the capsule.",
                "2024-06-19T09:56",
            ),
            (
                "The court ruled on Wednesday at 12:02 p.m.",
                "2024-06-19T12:02",
            ),
            (
                "The leaders met on Wednesday at 11:25am.",
                "2024-06-19T11:25",
            ),
            (
                "The ministers met at noon on Wednesday.",
                "2024-06-19T12:00",
            ),
            (
                "The rebels attacked at 12 am on Wednesday.",
                "2024-06-19T00",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(reported(text), [want], "{text}");
        }
    }

    #[test]
    fn numbers_that_are_no_clock_or_too_far_leave_the_day() {
        let cases = [
            "The talks began on Wednesday at 2:14:04.",
            "The leaders met 2 times on Wednesday.",
            "The minister arrived on Wednesday and, after a long dinner with the hosts, left at 9 p.m.",
            "The talks began on Wednesday at 25:10.",
            "The plane landed at 13 p.m. on Wednesday.",
        ];
        for text in cases {
            assert_eq!(reported(text), ["2024-06-19"], "{text}");
        }
    }
}
