//! Dates for a reader: the compact form of a timeline row, with its
//! time of day and years before 1 in words.

use std::fmt;

use super::{year_edtf, DateSpec, PartialDate, Precision, MONTHS};

impl PartialDate {
    /// The time of day for a reader: `02:22`, or `02h` for an hour.
    pub fn time_text(&self) -> Option<String> {
        let h = self.hour?;
        Some(match self.minute {
            Some(m) => format!("{h:02}:{m:02}"),
            None => format!("{h:02}h"),
        })
    }

    /// The compact form of a timeline row: the EDTF date, then its time
    /// after a space (`2024-06-19 02:22`); a year before 1 in words
    /// (`643 BCE`, `Mar 44 BCE`, `15 Mar 44 BCE`), as no reader knows `-0643`.
    fn shown(&self) -> String {
        let date = if self.year > 0 {
            year_edtf(self.year)
                + &self.month.map(|m| format!("-{m:02}")).unwrap_or_default()
                + &self.day.map(|d| format!("-{d:02}")).unwrap_or_default()
        } else {
            let month = self
                .month
                .and_then(|m| MONTHS.get(m as usize - 1))
                .map(|name| format!("{} ", name.get(..3).unwrap_or(name)));
            let day = self.day.map(|d| format!("{d} "));
            let (day, month) = (day.unwrap_or_default(), month.unwrap_or_default());
            format!("{day}{month}{}", crate::text::year(self.year))
        };
        match self.time_text() {
            Some(time) => format!("{date} {time}"),
            None => date,
        }
    }

    /// True when both are times of the same day.
    fn same_day(&self, other: &PartialDate) -> bool {
        self.without_time() == other.without_time() && self.day.is_some()
    }
}

impl DateSpec {
    /// Compact display for a timeline row: `2019-04-25`, `~2023-09`, `2019?`,
    /// `2024-06-19 02:22`, `643 BCE`, spans with the shared leading parts of
    /// the end elided (`2024-06-18–19`, `2023-09-28–10-02`, `2023-09–10`,
    /// `2019-12-30–2020-01-02`, `2024-06-19 02:22–05:00`) and a week as
    /// `wk 2024-06-10`. At most 16 chars except cross-year day spans (21),
    /// spans with times and mixed-precision spans, plus up to 2 for
    /// qualifiers.
    pub fn display(&self) -> String {
        let body = match (self.precision, self.end) {
            (Precision::Week, _) => format!("wk {}", self.start.shown()),
            (_, None) => self.start.shown(),
            (_, Some(end)) => format!("{}–{}", self.start.shown(), elided_end(&self.start, &end)),
        };
        let approx = if self.approximate { "~" } else { "" };
        let uncertain = if self.uncertain { "?" } else { "" };
        format!("{approx}{body}{uncertain}")
    }
}

/// The end of a span without the parts it shares with the start. Only done
/// when both sides have the same precision: `2023-09-05–09` would otherwise
/// read as a span of days.
/// Years before 1 are never elided: their parts are words, not EDTF.
fn elided_end(start: &PartialDate, end: &PartialDate) -> String {
    if let Some(time) = end.time_text().filter(|_| start.same_day(end)) {
        return time;
    }
    if start.precision() != end.precision() || start.year != end.year || end.year < 1 {
        return end.shown();
    }
    match (end.precision(), end.month, end.day) {
        (Precision::Day, Some(m), Some(d)) if start.month == Some(m) => format!("{d:02}"),
        (Precision::Day, Some(m), Some(d)) => format!("{m:02}-{d:02}"),
        (Precision::Month, Some(m), _) => format!("{m:02}"),
        _ => end.shown(),
    }
}

impl fmt::Display for DateSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}
