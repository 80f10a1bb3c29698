//! Filters on an event's fields rather than its text: a date range, event
//! kinds and the articles or outlets it comes from. Typed as
//! `date:2023-09..2024-06 kind:meeting outlet:voa`; each part is a chip.

use chrono::NaiveDate;

use crate::model::{Corpus, EventKind, Ix, PartialDate};

/// The field filters in force; empty lets every event through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Inclusive first and last day; either end may be open.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// An event must be of one of these kinds (none: any kind).
    pub kinds: Vec<EventKind>,
    /// Lower-cased words; a source's outlet or article id must contain one.
    pub sources: Vec<String>,
}

impl Facets {
    pub fn is_empty(&self) -> bool {
        self.from.is_none() && self.to.is_none() && self.kinds.is_empty() && self.sources.is_empty()
    }

    /// Reads `date:`, `kind:` and `outlet:` (or `article:`) parts separated
    /// by white space; several kinds or outlets may be given with commas.
    pub fn parse(text: &str) -> Result<Facets, String> {
        let mut out = Facets::default();
        for part in text.split_whitespace() {
            let (key, value) = part
                .split_once(':')
                .ok_or_else(|| format!("“{part}” needs a prefix: date:, kind: or outlet:"))?;
            let values = value.split(',').filter(|v| !v.is_empty());
            match key.to_lowercase().as_str() {
                "date" => (out.from, out.to) = parse_range(value)?,
                "kind" => {
                    for v in values {
                        let kind = EventKind::parse(&v.to_lowercase()).ok_or_else(|| {
                            let names: Vec<&str> =
                                EventKind::ALL.iter().map(|k| k.name()).collect();
                            format!("no kind “{v}”; kinds: {}", names.join(", "))
                        })?;
                        if !out.kinds.contains(&kind) {
                            out.kinds.push(kind);
                        }
                    }
                }
                "outlet" | "article" => out.sources.extend(values.map(str::to_lowercase)),
                _ => {
                    return Err(format!(
                        "unknown prefix “{key}:”; use date:, kind: or outlet:"
                    ))
                }
            }
        }
        Ok(out)
    }

    /// One label per active part, in the order chips are removed from the end.
    /// The date range reads at the precision it was typed in: `2024`,
    /// `2023-09..2024-06`, `2023..`, not the days those stand for.
    pub fn chips(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.from.is_some() || self.to.is_some() {
            out.push(range_chip(self.from, self.to));
        }
        out.extend(self.kinds.iter().map(|k| k.name().to_string()));
        out.extend(self.sources.iter().map(|s| format!("outlet:{s}")));
        out
    }

    /// The filter written back in the syntax [`Facets::parse`] reads, so that
    /// reopening the input shows what is in force.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if self.from.is_some() || self.to.is_some() {
            let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
            parts.push(format!("date:{}..{}", day(self.from), day(self.to)));
        }
        if !self.kinds.is_empty() {
            let names: Vec<&str> = self.kinds.iter().map(|k| k.name()).collect();
            parts.push(format!("kind:{}", names.join(",")));
        }
        if !self.sources.is_empty() {
            parts.push(format!("outlet:{}", self.sources.join(",")));
        }
        parts.join(" ")
    }

    /// Drops the last part shown by [`Facets::chips`]; false when none is left.
    pub fn pop(&mut self) -> bool {
        if self.sources.pop().is_some() || self.kinds.pop().is_some() {
            return true;
        }
        let had = self.from.is_some() || self.to.is_some();
        (self.from, self.to) = (None, None);
        had
    }

    /// True when the event passes: its dates overlap the range, it has one
    /// of the kinds, and one of its sources names one of the outlets.
    pub fn matches(&self, corpus: &Corpus, event: Ix) -> bool {
        let Some(e) = corpus.events.get(event) else {
            return false;
        };
        let dated = self.from.is_none_or(|f| e.date.last_day() >= f)
            && self.to.is_none_or(|t| e.date.first_day() <= t);
        let kinded = self.kinds.is_empty() || self.kinds.contains(&e.kind);
        let sourced = self.sources.is_empty()
            || e.sources.iter().any(|s| {
                corpus.articles.get(s.article).is_some_and(|a| {
                    let outlet = a.outlet.as_deref().unwrap_or_default().to_lowercase();
                    let id = a.id.to_lowercase();
                    self.sources
                        .iter()
                        .any(|w| outlet.contains(w) || id.contains(w))
                })
            });
        dated && kinded && sourced
    }
}

/// The range from the first to the last day at the coarsest precision
/// both ends are whole at (a year from 1 January to 31 December, a month
/// from its first to its last day), one date when the ends meet.
fn range_chip(from: Option<NaiveDate>, to: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    let whole_year = from.is_none_or(|f| f.ordinal() == 1)
        && to.is_none_or(|t| t.succ_opt().is_none_or(|next| next.ordinal() == 1));
    let whole_month = from.is_none_or(|f| f.day() == 1)
        && to.is_none_or(|t| t.succ_opt().is_none_or(|next| next.day() == 1));
    let format = if whole_year {
        "%Y"
    } else if whole_month {
        "%Y-%m"
    } else {
        "%Y-%m-%d"
    };
    let text = |d: Option<NaiveDate>| d.map(|d| d.format(format).to_string());
    match (text(from), text(to)) {
        (Some(a), Some(b)) if a == b => a,
        (a, b) => format!("{}..{}", a.unwrap_or_default(), b.unwrap_or_default()),
    }
}

/// `2023-09..2024-06`, `2023..`, `..2019-04` or a single `2024-06`.
fn parse_range(text: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
    let (a, b) = match text.split_once("..") {
        Some((a, b)) => (a, b),
        None => (text, text),
    };
    let from = (!a.is_empty()).then(|| parse_date(a)).transpose()?;
    let to = (!b.is_empty()).then(|| parse_date(b)).transpose()?;
    let from = from.map(|d| d.first_day());
    let to = to.map(|d| d.last_day());
    if from.is_none() && to.is_none() {
        return Err("date: needs a date, as in date:2023-09..2024-06".into());
    }
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(format!("date range ends before it starts: {text}"));
        }
    }
    Ok((from, to))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a year before 1 as EDTF writes it
/// (`-0643`, `0000`).
fn parse_date(text: &str) -> Result<PartialDate, String> {
    let bad = || format!("“{text}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    let (sign, unsigned) = text.strip_prefix('-').map_or((1, text), |rest| (-1, rest));
    let mut parts = unsigned.split('-');
    let num = |p: Option<&str>| -> Result<Option<u32>, String> {
        p.map(|p| p.parse::<u32>().map_err(|_| bad())).transpose()
    };
    let four = parts.clone().next().is_some_and(|y| y.len() == 4);
    let year = num(parts.next())?.ok_or_else(bad)?;
    let month = num(parts.next())?;
    let day = num(parts.next())?;
    if parts.next().is_some() || !four {
        return Err(bad());
    }
    PartialDate::new(sign * year as i32, month, day).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn ranges_with_open_ends_and_single_months() {
        let f = Facets::parse("date:2023-09..2024-06").unwrap();
        assert_eq!((f.from, f.to), (d(2023, 9, 1), d(2024, 6, 30)));
        let f = Facets::parse("date:2023..").unwrap();
        assert_eq!((f.from, f.to), (d(2023, 1, 1), None));
        let f = Facets::parse("date:..2019-04").unwrap();
        assert_eq!((f.from, f.to), (None, d(2019, 4, 30)));
        let f = Facets::parse("date:2024-02").unwrap();
        assert_eq!((f.from, f.to), (d(2024, 2, 1), d(2024, 2, 29)));
        let f = Facets::parse("date:-0643..0000").unwrap();
        assert_eq!((f.from, f.to), (d(-643, 1, 1), d(0, 12, 31)));
    }

    #[test]
    fn the_date_chip_reads_as_typed() {
        let chip = |text: &str| Facets::parse(text).unwrap().chips().remove(0);
        assert_eq!(chip("date:2024"), "2024");
        assert_eq!(chip("date:2024-02"), "2024-02");
        assert_eq!(chip("date:2023-09..2024-06"), "2023-09..2024-06");
        assert_eq!(chip("date:2019..2024"), "2019..2024");
        assert_eq!(chip("date:2023.."), "2023..");
        assert_eq!(chip("date:..2019-04"), "..2019-04");
        assert_eq!(chip("date:2023-09-05..2023-10"), "2023-09-05..2023-10-31");
        assert_eq!(chip("date:2024-06-19"), "2024-06-19");
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        for bad in [
            "date:",
            "date:..",
            "date:2024-13",
            "date:x..",
            "date:2024..2023",
            "kind:nope",
            "color:red",
            "meeting",
            "date:99999999999999999999",
            "date:--2024",
            "date:-643",
            "date:0..",
        ] {
            assert!(Facets::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn kinds_outlets_chips_and_pop() {
        let mut f = Facets::parse("kind:meeting outlet:VOA,yna date:2024").unwrap();
        assert_eq!(f.kinds, vec![EventKind::parse("meeting").unwrap()]);
        assert_eq!(f.sources, vec!["voa", "yna"]);
        assert_eq!(f.chips(), ["2024", "meeting", "outlet:voa", "outlet:yna"]);
        assert!(f.pop() && f.pop() && f.pop() && f.pop());
        assert!(f.is_empty() && !f.pop());
    }
}
