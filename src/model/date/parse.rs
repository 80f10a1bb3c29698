//! Reading a date string: a cursor over it that reports problems at their
//! byte offset, in plain words.

use super::{coarse, days_in_month, DateError, PartialDate, EXPECTED, MONTHS};

/// A cursor over the trimmed string; `base` maps its positions back to byte
/// offsets in the caller's string. It only steps over ASCII, so `pos` is
/// always on a char boundary.
pub(super) struct Parser<'a> {
    pub(super) s: &'a str,
    pub(super) pos: usize,
    pub(super) base: usize,
}

impl<'a> Parser<'a> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    pub(super) fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    pub(super) fn error(&self, message: String) -> DateError {
        self.error_at(self.pos, message)
    }

    pub(super) fn error_at(&self, pos: usize, message: String) -> DateError {
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
    pub(super) fn side(
        &mut self,
        is_start: bool,
    ) -> Result<(PartialDate, (bool, bool)), DateError> {
        let at = self.pos;
        let year = self.digits();
        let problem = match year.len() {
            4 if year != "0000" => None,
            4 => Some("year 0000 does not exist (use 0001–9999)".to_string()),
            0 if is_start && self.peek() == Some(b'/') => {
                Some("the span has no start date before '/'".to_string())
            }
            0 => Some(EXPECTED.to_string()),
            8 => Some("write the date with dashes, like 2019-04-25".to_string()),
            n if n > 4 => Some(format!("year {year} is out of range (use 0001–9999)")),
            _ => Some(format!(
                "the year must have four digits (like 2023, not {year})"
            )),
        };
        if let Some(message) = problem {
            return Err(self.error_at(at, message));
        }
        let year = year.parse::<i32>().unwrap_or(1);
        let mut date = coarse(year, None);
        if let Some((month, at)) = self.part("month", "2023-09")? {
            if !(1..=12).contains(&month) {
                let msg = format!("month {month:02} does not exist (use 01–12)");
                return Err(self.error_at(at, msg));
            }
            date.month = Some(month);
            if let Some((day, at)) = self.part("day", "2019-04-05")? {
                if day == 0 || day > days_in_month(year, month) {
                    let name = MONTHS.get(month as usize - 1).copied().unwrap_or("");
                    let msg = format!("{name} {year:04} has no day {day:02}");
                    return Err(self.error_at(at, msg));
                }
                date.day = Some(day);
            }
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

    /// A `-NN` month or day part and its offset, if a '-' follows.
    pub(super) fn part(
        &mut self,
        what: &str,
        example: &str,
    ) -> Result<Option<(u32, usize)>, DateError> {
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
