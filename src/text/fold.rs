//! Locating excerpts and quotes in article text: they are copied by hand, so white space,
//! line breaks and quote typography (straight, curly, guillemets) rarely match exactly.

use std::ops::Range;

/// An excerpt or quote found in a text: byte range into the ORIGINAL text, from the first to
/// the last matched char. `occurrence` is 1-based and counts non-overlapping matches.
pub fn find_folded(haystack: &str, needle: &str, occurrence: usize) -> Option<Range<usize>> {
    let needle = fold(needle);
    if needle.is_empty() {
        return None;
    }
    let mut folded = String::with_capacity(haystack.len());
    // For each folded byte, where its char came from in `haystack`.
    let mut origin = Vec::with_capacity(haystack.len());
    fold_walk(haystack, |c, at| {
        folded.push(c);
        origin.extend(std::iter::repeat_n(at, c.len_utf8()));
    });
    let (start, _) = folded
        .match_indices(needle.as_str())
        .nth(occurrence.checked_sub(1)?)?;
    let first = *origin.get(start)?;
    // The needle is trimmed, so its last char is copied verbatim from the haystack.
    let last = *origin.get(start + needle.len() - 1)?;
    let last_len = haystack.get(last..)?.chars().next()?.len_utf8();
    Some(first..last + last_len)
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
    fn empty_needle_is_none() {
        assert_eq!(find_folded("text", "", 1), None);
        assert_eq!(find_folded("text", " “” \n", 1), None);
        assert_eq!(count_folded("text", "''"), 0);
    }
}
