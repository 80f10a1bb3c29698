//! Reading a date string: a cursor over it that reports problems at their
//! byte offset, in plain words.

use std::str::FromStr;

use chrono::NaiveDate;

use super::{
    days_in_month, ends_before, year_edtf, years_text, DateError, DateSpec, PartialDate, Precision,
    MONTHS, YEARS,
};

pub(super) const EXPECTED: &str = "expected a date like 2019-04-25, 2023-09 or 2019";

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
            if ends_before(&start, &date) {
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
                ' ' if rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) => {
                    format!("write a time of day after a T, like {last}T02:22, not {rest:?}")
                }
                ':' => "a time of day has hours and minutes only, like 2024-06-19T02:22".into(),
                'Z' | '+' | '-' if end.unwrap_or(start).hour().is_some() => {
                    "a time of day is local, as the source gives it: remove the time zone".into()
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
}

impl FromStr for DateSpec {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DateSpec::parse(s)
    }
}

/// One day written `2023-09-14`, read by the parser every date goes
/// through, so that a publication date is one the rest of the program can
/// print and read back.
pub fn parse_day(s: &str) -> Result<NaiveDate, DateError> {
    let d = DateSpec::parse(s)?;
    let message = if d.precision() != Precision::Day || d.end().is_some() {
        "write one day, like 2023-09-14, not a year, a month, a time or a span"
    } else if d.approximate || d.uncertain {
        "write one day without ~, ? or %"
    } else {
        return Ok(d.first_day());
    };
    Err(DateError {
        offset: s.len() - s.trim_start().len(),
        message: message.into(),
    })
}

/// A cursor over the trimmed string; `base` maps its positions back to byte
/// offsets in the caller's string. It only steps over ASCII, so `pos` is
/// always on a char boundary.
struct Parser<'a> {
    s: &'a str,
    pos: usize,
    base: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn error(&self, message: String) -> DateError {
        self.error_at(self.pos, message)
    }

    fn error_at(&self, pos: usize, message: String) -> DateError {
        DateError {
            offset: self.base + pos,
            message,
        }
    }

    /// Consumes a run of ASCII digits and returns it.
    fn digits(&mut self) -> &'a str {
        let rest = self.rest();
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        self.pos += len;
        rest.get(..len).unwrap_or("")
    }

    /// One side of a span: a date and its optional qualifier as
    /// (approximate, uncertain).
    fn side(&mut self, is_start: bool) -> Result<(PartialDate, (bool, bool)), DateError> {
        let at = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let digits = self.digits();
        let signed = if negative {
            format!("-{digits}")
        } else {
            digits.to_string()
        };
        let year_value = signed.parse::<i32>().ok().filter(|y| YEARS.contains(y));
        let year = signed.as_str();
        let problem = match digits.len() {
            4 if year_value.is_some() => None,
            0 if is_start && !negative && self.peek() == Some(b'/') => {
                Some("the span has no start date before '/'".to_string())
            }
            0 => Some(EXPECTED.to_string()),
            8 if !negative => Some("write the date with dashes, like 2019-04-25".to_string()),
            n if n >= 4 => Some(format!(
                "year {year} is out of range (use {})",
                years_text()
            )),
            _ => Some(format!(
                "the year must have four digits (like 2023 or -0643, not {year})"
            )),
        };
        if let Some(message) = problem {
            return Err(self.error_at(at, message));
        }
        let year = year_value.unwrap_or(1);
        let mut parts = (None, None);
        if let Some((month, at)) = self.part("month", "2023-09")? {
            if !(1..=12).contains(&month) {
                let msg = format!("month {month:02} does not exist (use 01–12)");
                return Err(self.error_at(at, msg));
            }
            parts.0 = Some(month);
            if let Some((day, at)) = self.part("day", "2019-04-05")? {
                if day == 0 || day > days_in_month(year, month) {
                    let name = MONTHS.get(month as usize - 1).copied().unwrap_or("");
                    let msg = format!("{name} {} has no day {day:02}", year_edtf(year));
                    return Err(self.error_at(at, msg));
                }
                parts.1 = Some(day);
            }
        }
        let Some(mut date) = PartialDate::new(year, parts.0, parts.1) else {
            return Err(self.error_at(at, EXPECTED.to_string()));
        };
        if self.peek() == Some(b'T') {
            if parts.1.is_none() {
                let msg = "a time of day needs a day, like 2024-06-19T02:22";
                return Err(self.error(msg.to_string()));
            }
            self.pos += 1;
            date = self.time(date)?;
        }
        let qualifier = match self.peek() {
            Some(b'~') => (true, false),
            Some(b'?') => (false, true),
            Some(b'%') => (true, true),
            _ => return Ok((date, (false, false))),
        };
        self.pos += 1;
        Ok((date, qualifier))
    }

    /// The `HH` or `HH:MM` after a day's `T`.
    fn time(&mut self, day: PartialDate) -> Result<PartialDate, DateError> {
        let at = self.pos;
        let hour = self.two_digits("hour", "2024-06-19T02")?;
        if hour > 23 {
            let msg = format!("hour {hour:02} does not exist (use 00–23)");
            return Err(self.error_at(at, msg));
        }
        let mut minute = None;
        if self.peek() == Some(b':') {
            self.pos += 1;
            let at = self.pos;
            let m = self.two_digits("minute", "2024-06-19T02:22")?;
            if m > 59 {
                let msg = format!("minute {m:02} does not exist (use 00–59)");
                return Err(self.error_at(at, msg));
            }
            minute = Some(m);
        }
        day.at(hour, minute)
            .ok_or_else(|| self.error_at(at, EXPECTED.to_string()))
    }

    /// Two digits of a time of day, or an error saying what they are.
    fn two_digits(&mut self, what: &str, example: &str) -> Result<u32, DateError> {
        let at = self.pos;
        let digits = self.digits();
        match digits.len() {
            2 => Ok(digits.parse().unwrap_or(0)),
            0 => Err(self.error(format!("expected a two-digit {what}, like {example}"))),
            _ => Err(self.error_at(
                at,
                format!("the {what} must have two digits, like {example}"),
            )),
        }
    }

    /// A `-NN` month or day part and its offset, if a '-' follows.
    fn part(&mut self, what: &str, example: &str) -> Result<Option<(u32, usize)>, DateError> {
        if self.peek() != Some(b'-') {
            return Ok(None);
        }
        self.pos += 1;
        let at = self.pos;
        let digits = self.digits();
        match digits.len() {
            2 => Ok(digits.parse().ok().map(|n| (n, at))),
            0 => Err(self.error(format!(
                "expected a two-digit {what} after '-', like {example}"
            ))),
            _ => Err(self.error_at(
                at,
                format!("the {what} must have two digits, like {example}"),
            )),
        }
    }
}
