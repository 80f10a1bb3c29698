//! How much extraction takes from one article, so that one hostile or
//! broken article (megabytes of date phrases, a 100 MB line of quotations)
//! cannot fill the model, the exports and the memory of every command.
//!
//! The caps are far beyond real articles. The longest articles in
//! `tests/fixtures` and `corpus/` are 7 KB and give at most 9 events, 17
//! quotes and 10 dated mentions; the densest give 2.9 events, 3.6 quotes
//! and 4.9 dated mentions per KB. A long read is under 100 KB. Reaching
//! 2,000 of any of them takes 400 KB of the densest real text, and the text
//! read, 1 MB, is 150 times the longest article.

use std::fmt;

/// Bytes of an article's text that extraction reads. Extraction holds up
/// to twenty times the text it reads while it works (words, quotation
/// spans, mentions), so this also bounds the memory one article takes
/// beyond its own text.
pub const MAX_TEXT: usize = 1 << 20;
/// Happenings (the reports that become events) kept from one article.
pub const MAX_EVENTS: usize = 2_000;
/// Quotations kept from one article.
pub const MAX_QUOTES: usize = 2_000;
/// Dated mentions kept from one article.
pub const MAX_MENTIONS: usize = 2_000;

/// How commands say that an article reached a cap, before what was left out.
pub const OVER: &str = "over what extraction takes from one article:";

/// What one article's extraction left out: for each cap it reached, how
/// much was kept of how much there was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capped {
    /// Bytes read, of the text's length.
    pub text: Option<(usize, usize)>,
    pub events: Option<(usize, usize)>,
    pub quotes: Option<(usize, usize)>,
    pub mentions: Option<(usize, usize)>,
}

impl Capped {
    /// True when some cap was reached.
    pub fn any(&self) -> bool {
        *self != Capped::default()
    }
}

impl fmt::Display for Capped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mb = |n: usize| n as f64 / f64::from(1 << 20);
        let mut parts = Vec::new();
        if let Some((read, len)) = self.text {
            parts.push(format!(
                "read the first {:.1} MB of {:.1} MB",
                mb(read),
                mb(len)
            ));
        }
        for (what, cap) in [
            ("events", self.events),
            ("quotes", self.quotes),
            ("dated mentions", self.mentions),
        ] {
            if let Some((kept, found)) = cap {
                parts.push(format!("kept {kept} of {found} {what}"));
            }
        }
        write!(f, "{}", parts.join("; "))
    }
}

/// The start of `text` that extraction reads: all of it up to `MAX_TEXT`
/// bytes, else cut after the last line break before `MAX_TEXT` (a space on
/// a longer line), so that no paragraph or word is read in part.
pub(super) fn readable(text: &str) -> &str {
    if text.len() <= MAX_TEXT {
        return text;
    }
    let mut end = MAX_TEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let cut = memchr::memrchr(b'\n', head.as_bytes())
        .or_else(|| memchr::memrchr(b' ', head.as_bytes()))
        .unwrap_or(end);
    &text[..cut]
}

/// Keeps the first `max` items; `(kept, found)` when that left some out.
pub(super) fn keep<T>(items: &mut Vec<T>, max: usize) -> Option<(usize, usize)> {
    let found = items.len();
    items.truncate(max);
    (found > max).then_some((max, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_over_the_cap_is_cut_at_a_line_break_or_else_a_space() {
        let short = "a\nb";
        assert_eq!(readable(short), short);
        let lines = "word\n".repeat(MAX_TEXT / 5 + 10);
        let read = readable(&lines);
        assert!(read.len() <= MAX_TEXT && read.len() > MAX_TEXT - 5);
        assert!(read.ends_with("word"), "{:?}", &read[read.len() - 8..]);
        let one_line = "é word ".repeat(MAX_TEXT / 8 + 10);
        let read = readable(&one_line);
        assert!(read.len() <= MAX_TEXT && read.ends_with(|c| c != ' '));
        assert!(one_line[read.len()..].starts_with(' '));
        // No space or break at all: cut at a character boundary.
        let solid = "é".repeat(MAX_TEXT);
        assert_eq!(readable(&solid).len(), MAX_TEXT);
    }

    #[test]
    fn keep_says_how_many_were_left_out() {
        let mut items: Vec<usize> = (0..10).collect();
        assert_eq!(keep(&mut items, 20), None);
        assert_eq!(keep(&mut items, 4), Some((4, 10)));
        assert_eq!(items, [0, 1, 2, 3]);
    }

    #[test]
    fn says_what_was_capped() {
        let capped = Capped {
            text: Some((MAX_TEXT, 100 << 20)),
            quotes: Some((MAX_QUOTES, 37_037)),
            ..Capped::default()
        };
        assert!(capped.any() && !Capped::default().any());
        assert_eq!(
            capped.to_string(),
            "read the first 1.0 MB of 100.0 MB; kept 2000 of 37037 quotes"
        );
    }
}
