//! Locating excerpts and quotes in article text: they are copied by hand, so white space,
//! line breaks and quote typography (straight, curly, guillemets) rarely match exactly.

use std::ops::Range;

/// An excerpt or quote found in a text: byte range into the ORIGINAL text, from the first to
/// the last matched char. `occurrence` is 1-based and counts non-overlapping matches.
pub fn find_folded(haystack: &str, needle: &str, occurrence: usize) -> Option<Range<usize>> {
    Folded::new(haystack).find(needle, occurrence)
}

/// A text folded once, to look up many excerpts in it: an article cited by dozens of events
/// and quotes is folded once instead of once per citation.
pub struct Folded {
    text: String,
    /// (folded byte offset, original minus folded offset) at each place where that
    /// difference grows: after each deleted quote mark or collapsed run of white space.
    shifts: Vec<(usize, usize)>,
}

impl Folded {
    pub fn new(haystack: &str) -> Folded {
        let mut text = String::with_capacity(haystack.len());
        let mut shifts: Vec<(usize, usize)> = Vec::new();
        fold_walk(haystack, |c, at| {
            // The folded text never runs ahead of the original: `at >= text.len()`.
            let shift = at - text.len();
            if shifts.last().map_or(shift != 0, |&(_, last)| last != shift) {
                shifts.push((text.len(), shift));
            }
            text.push(c);
        });
        Folded { text, shifts }
    }

    /// Where a byte of the folded text came from in the original.
    fn origin(&self, folded: usize) -> usize {
        let before = self.shifts.partition_point(|&(at, _)| at <= folded);
        folded + before.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }

    /// Like [`find_folded`] on the original text.
    pub fn find(&self, needle: &str, occurrence: usize) -> Option<Range<usize>> {
        let needle = fold(needle);
        if needle.is_empty() {
            return None;
        }
        let (start, _) = self
            .text
            .match_indices(needle.as_str())
            .nth(occurrence.checked_sub(1)?)?;
        // The needle is trimmed, so its last char is copied verbatim from the original, byte
        // for byte: the byte after its last one ends the match.
        Some(self.origin(start)..self.origin(start + needle.len() - 1) + 1)
    }

    /// Like [`count_folded`] on the original text.
    pub fn count(&self, needle: &str) -> usize {
        let needle = fold(needle);
        if needle.is_empty() {
            return 0;
        }
        self.text.matches(needle.as_str()).count()
    }
}

/// Number of occurrences (used to report ambiguous or missing excerpts).
pub fn count_folded(haystack: &str, needle: &str) -> usize {
    let needle = fold(needle);
    if needle.is_empty() {
        return 0;
    }
    fold(haystack).matches(needle.as_str()).count()
}

/// The folded form of a string, as used for matching: quote marks deleted, every run of white
/// space one ' ', no leading or trailing space; case is kept.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_walk(s, |c, _| out.push(c));
    out
}

/// Calls `emit(char, byte offset in s)` for each char of the folded form; a space reports
/// where its white space run started.
fn fold_walk(s: &str, mut emit: impl FnMut(char, usize)) {
    let mut started = false;
    let mut space_at = None;
    for (at, c) in s.char_indices() {
        if is_quote(c) {
            continue;
        }
        if c.is_whitespace() {
            if started && space_at.is_none() {
                space_at = Some(at);
            }
            continue;
        }
        if let Some(space) = space_at.take() {
            emit(' ', space);
        }
        started = true;
        emit(c, at);
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '＂'
            | '＇'
            | '`'
            | '´'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(haystack: &'a str, needle: &str, occurrence: usize) -> Option<&'a str> {
        find_folded(haystack, needle, occurrence).and_then(|r| haystack.get(r))
    }

    #[test]
    fn fold_deletes_quotes_and_collapses_space() {
        assert_eq!(fold("  «Don’t»\n\n  say \u{a0}\t“no”  "), "Dont say no");
        assert_eq!(fold("it's `x´ ‚y‛ „z‟ ‹w› ＂v＇"), "its x y z w v");
        assert_eq!(fold("Case"), "Case");
    }

    #[test]
    fn curly_and_straight_quotes_match() {
        let text = "He said: “It’s over,” and left.";
        assert_eq!(found(text, "\"It's over,\"", 1), Some("It’s over,"));
        assert_eq!(found(text, "said: 'It's", 1), Some("said: “It’s"));
    }

    #[test]
    fn white_space_differences_match() {
        assert_eq!(found("x a\n\nb y", "a b", 1), Some("a\n\nb"));
        assert_eq!(found("x a b y", "a\n  b", 1), Some("a b"));
    }

    #[test]
    fn quote_across_a_paragraph_break_with_reopening_mark() {
        let text = "“We will fight.\n\n“We will win,” he said.";
        assert_eq!(
            found(text, "“We will fight. We will win,”", 1),
            Some("We will fight.\n\n“We will win,")
        );
    }

    #[test]
    fn occurrences_are_counted_and_selected() {
        let text = "the cat, the dog, the cat";
        assert_eq!(count_folded(text, "the cat"), 2);
        assert_eq!(find_folded(text, "the  cat", 2), Some(18..25));
        assert_eq!(find_folded(text, "the cat", 3), None);
        assert_eq!(find_folded(text, "the cat", 0), None);
        assert_eq!(count_folded("aaaa", "aa"), 2);
    }

    #[test]
    fn missing_needle_is_none() {
        assert_eq!(find_folded("one two", "three", 1), None);
        assert_eq!(count_folded("one two", "three"), 0);
        assert_eq!(find_folded("one two", "One", 1), None);
    }

    #[test]
    fn byte_offsets_survive_non_ascii_before_the_match() {
        let text = "朝鮮通信社 — « Ça va »\u{a0}dit-il, ‘très bien’";
        let range = find_folded(text, "Ça va dit-il", 1).unwrap();
        assert_eq!(&text[range], "Ça va »\u{a0}dit-il");
        assert_eq!(found(text, "très bien", 1), Some("très bien"));
        assert_eq!(found(text, "通信", 1), Some("通信"));
    }

    #[test]
    fn one_folded_text_answers_many_lookups() {
        let text = "« Ça va »\u{a0}dit-il.\n\n“Ça va,” dit-elle, ‘très bien’ — ça va.";
        let folded = Folded::new(text);
        assert_eq!(folded.count("Ça va"), 2);
        assert_eq!(folded.find("Ça va", 2).map(|r| &text[r]), Some("Ça va"));
        assert_eq!(
            folded.find("dit-il. Ça", 1).map(|r| &text[r]),
            Some("dit-il.\n\n“Ça")
        );
        assert_eq!(
            folded.find("très bien — ça", 1).map(|r| &text[r]),
            Some("très bien’ — ça")
        );
        assert_eq!(folded.find("Ça va", 3), None);
    }

    #[test]
    fn empty_needle_is_none() {
        assert_eq!(find_folded("text", "", 1), None);
        assert_eq!(find_folded("text", " “” \n", 1), None);
        assert_eq!(count_folded("text", "''"), 0);
    }
}
