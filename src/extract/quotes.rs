//! Finding quotation spans: which marks open, which close, and what a
//! paragraph that ends inside a quotation means. One pass over the body.

use std::ops::Range;

use super::chars::{char_at, char_before};

/// A quotation as written, before anyone is credited with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// From the first byte after the opening mark to the last byte before
    /// the closing mark (or the end of the paragraph where none closes it).
    pub inner: Range<usize>,
    /// The quoted text of each paragraph the quotation runs over, trimmed.
    pub parts: Vec<Range<usize>>,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Byte just after the closing mark, or `inner.end` when unclosed.
    pub after: usize,
    /// Byte of the opening mark.
    pub open: usize,
}

impl Span {
    pub fn text(&self, body: &str) -> String {
        // Most quotations are one paragraph: copied with nothing to join.
        if let [one] = self.parts.as_slice() {
            return body[one.clone()].to_string();
        }
        let parts: Vec<&str> = self.parts.iter().map(|r| &body[r.clone()]).collect();
        parts.join("\n\n")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Curly,
    Straight,
    Guillemet,
    Low,
    SingleCurly,
    SingleStraight,
    SingleGuillemet,
}

impl Mark {
    fn is_single(self) -> bool {
        matches!(
            self,
            Mark::SingleCurly | Mark::SingleStraight | Mark::SingleGuillemet
        )
    }
}

/// Elisions that start with an apostrophe and are not quotations.
const ELISIONS: &[&str] = &["em", "til", "tis", "twas", "cause", "n", "bout"];

/// The mark opening a quotation at `i`, if the character there is one.
fn opener(text: &str, i: usize, c: char) -> Option<Mark> {
    let prev = char_before(text, i);
    let next = text[i + c.len_utf8()..].chars().next();
    let after_gap = prev.is_none_or(|p| !p.is_alphanumeric());
    match c {
        '\u{201C}' => Some(Mark::Curly),
        '\u{AB}' => Some(Mark::Guillemet),
        '\u{201E}' => Some(Mark::Low),
        '\u{2039}' => Some(Mark::SingleGuillemet),
        // An inch mark (`12"`) does not open a quotation.
        '"' if !prev.is_some_and(|p| p.is_ascii_digit()) => Some(Mark::Straight),
        '\u{2018}' | '\'' if after_gap && next.is_some_and(char::is_alphabetic) => {
            let rest = &text[i + c.len_utf8()..];
            let word: &str = rest
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or("");
            if ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e)) {
                return None;
            }
            Some(if c == '\'' {
                Mark::SingleStraight
            } else {
                Mark::SingleCurly
            })
        }
        _ => None,
    }
}

/// True when `c` at `i` closes a quotation opened by `mark`.
fn closes(text: &str, i: usize, c: char, mark: Mark) -> bool {
    let single_end = || {
        let prev = char_before(text, i);
        let next = text[i + c.len_utf8()..].chars().next();
        prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
    };
    // Mixed marks are common in pasted text: “...\" and "...”.
    let straight_end = || {
        let prev = char_before(text, i);
        let next = text[i + c.len_utf8()..].chars().next();
        prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
    };
    match mark {
        Mark::Curly => c == '\u{201D}' || (c == '"' && straight_end()),
        Mark::Straight => c == '"' || c == '\u{201D}',
        Mark::Guillemet => c == '\u{BB}',
        Mark::Low => c == '\u{201C}' || c == '\u{201D}',
        Mark::SingleGuillemet => c == '\u{203A}',
        Mark::SingleCurly => c == '\u{2019}' && single_end(),
        Mark::SingleStraight => c == '\'' && single_end(),
    }
}

struct Open {
    mark: Mark,
    open: usize,
    part_start: usize,
    parts: Vec<Range<usize>>,
}

/// Every quotation in `body`, given its paragraphs, in order. A quotation
/// mark starts with an ASCII mark, or the lead byte of « » (C2) or of the
/// curly marks (E2): only those bytes are looked at.
pub fn find(body: &str, paragraphs: &[Range<usize>]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut carried: Option<Open> = None;
    let bytes = body.as_bytes();
    let mut wide = memchr::memchr(0xC2, bytes).unwrap_or(usize::MAX);
    for (n, par) in paragraphs.iter().enumerate() {
        let mut i = par.start;
        let mut open = carried.take();
        if let Some(o) = &mut open {
            // A quotation continues only where the paragraph reopens it.
            let c = char_at(body, i);
            if opener(body, i, c) == Some(o.mark) {
                i += c.len_utf8();
                o.part_start = i;
            }
        }
        while i < par.end {
            // The lead byte of « and » (C2) is rarer than the others: it is
            // searched for on its own, again only once passed.
            if wide < i {
                wide = memchr::memchr(0xC2, &bytes[i..]).map_or(usize::MAX, |k| i + k);
            }
            let near = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..par.end]);
            let at = near.map_or(usize::MAX, |k| i + k).min(wide);
            if at >= par.end {
                break;
            }
            i = at;
            let c = char_at(body, i);
            let len = c.len_utf8();
            let step = match &open {
                Some(o) if closes(body, i, c, o.mark) => Step::Close,
                // A new opening mark before any closing one: the first
                // quotation lost its closing mark; it ends here.
                Some(o) if o.mark == Mark::Curly && c == '\u{201C}' => Step::Restart,
                Some(_) => Step::Inside,
                None => Step::Open,
            };
            match (step, open.take()) {
                (Step::Close, Some(mut o)) => {
                    push_part(body, &mut o.parts, o.part_start..i);
                    push_span(&mut out, o, i + len, true);
                }
                (Step::Restart, Some(mut o)) => {
                    push_part(body, &mut o.parts, o.part_start..i);
                    let end = o.parts.last().map_or(i, |r| r.end);
                    push_span(&mut out, o, end, false);
                    open = start(body, i, c);
                }
                (Step::Inside, o) => open = o,
                (_, _) => open = start(body, i, c),
            }
            i += len;
        }
        if let Some(mut o) = open {
            push_part(body, &mut o.parts, o.part_start..par.end);
            let reopened = paragraphs.get(n + 1).is_some_and(|next| {
                opener(body, next.start, char_at(body, next.start)) == Some(o.mark)
            });
            if reopened {
                carried = Some(o);
            } else if !o.mark.is_single() {
                // An unclosed quotation ends with its paragraph; an unclosed
                // single mark was most likely an apostrophe.
                let end = o.parts.last().map_or(par.end, |r| r.end);
                push_span(&mut out, o, end, false);
            }
        }
    }
    if let Some(o) = carried {
        let end = o.parts.last().map_or(o.part_start, |r| r.end);
        push_span(&mut out, o, end, false);
    }
    out
}

#[derive(Clone, Copy)]
enum Step {
    Open,
    Inside,
    Close,
    Restart,
}

fn start(body: &str, i: usize, c: char) -> Option<Open> {
    opener(body, i, c).map(|mark| Open {
        mark,
        open: i,
        part_start: i + c.len_utf8(),
        parts: Vec::new(),
    })
}

fn push_part(body: &str, parts: &mut Vec<Range<usize>>, r: Range<usize>) {
    let text = &body[r.clone()];
    let start = r.start + (text.len() - text.trim_start().len());
    let end = r.start + text.trim_end().len();
    if start < end {
        parts.push(start..end);
    }
}

fn push_span(out: &mut Vec<Span>, o: Open, after: usize, closed: bool) {
    let (Some(first), Some(last)) = (o.parts.first(), o.parts.last()) else {
        return;
    };
    out.push(Span {
        inner: first.start..last.end,
        parts: o.parts,
        closed,
        after,
        open: o.open,
    });
}

#[cfg(test)]
mod tests {
    use super::super::tokens::paragraphs;
    use super::*;

    fn quoted(body: &str) -> Vec<String> {
        find(body, &paragraphs(body))
            .iter()
            .map(|s| s.text(body))
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(
            quoted("“One,” he said. \"Two\" and « trois » and „vier“."),
            ["One,", "Two", "trois", "vier"]
        );
    }

    #[test]
    fn nested_single_marks_stay_inside() {
        assert_eq!(
            quoted("“He told me ‘no’ twice,” she said. \"It's 'fine',\" he said."),
            ["He told me ‘no’ twice,", "It's 'fine',"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotations() {
        assert!(quoted("Don't ask O'Brien about the '90s or rock 'n' roll.").is_empty());
        assert_eq!(
            quoted("'Noble dignity', 'honour' and the leaders' 'heroism'"),
            ["Noble dignity", "honour", "heroism"]
        );
    }

    #[test]
    fn a_reopened_paragraph_continues_the_quotation() {
        let body = "“First part.\n\n“Second part,” he said.\n\nNext.";
        let spans = find(body, &paragraphs(body));
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].text(body), "First part.\n\nSecond part,");
        assert!(spans[0].closed);
    }

    #[test]
    fn an_unclosed_quotation_ends_with_its_paragraph() {
        let body = "He said “it is over.\n\nThen “more” came. It's 'odd";
        let spans = find(body, &paragraphs(body));
        let texts: Vec<String> = spans.iter().map(|s| s.text(body)).collect();
        assert_eq!(texts, ["it is over.", "more"]);
        assert!(!spans[0].closed && spans[1].closed);
    }

    #[test]
    fn mixed_marks_close_each_other() {
        assert_eq!(
            quoted("\"We are here,” said Priddy. “Right now, yes.\" And “a\"b” end."),
            ["We are here,", "Right now, yes.", "a\"b"]
        );
    }

    #[test]
    fn runs_of_straight_quotes_toggle() {
        assert_eq!(
            quoted("\"A.\"Name One\"B.\"\"C.\"Name Two"),
            ["A.", "B.", "C."]
        );
        assert!(quoted("").is_empty());
        assert!(quoted("\"\"").is_empty());
    }
}
