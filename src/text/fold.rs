//! Locating excerpts and quotes in article text: they are copied by hand, so white space,
//! line breaks and quote typography (straight, curly, guillemets) rarely match exactly.

use std::borrow::Cow;
use std::ops::Range;

use memchr::memmem;

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
        fold_walk(haystack, |piece, at| {
            // The folded text never runs ahead of the original: `at >= text.len()`.
            let shift = at - text.len();
            if shifts.last().map_or(shift != 0, |&(_, last)| last != shift) {
                shifts.push((text.len(), shift));
            }
            text.push_str(piece);
        });
        Folded { text, shifts }
    }

    /// Where a byte of the folded text came from in the original.
    fn origin(&self, folded: usize) -> usize {
        let before = self.shifts.partition_point(|&(at, _)| at <= folded);
        folded + before.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }

    /// An excerpt or quote found in the text: byte range into the ORIGINAL text, from the
    /// first to the last matched char. `occurrence` is 1-based and counts non-overlapping
    /// matches.
    pub fn find(&self, needle: &str, occurrence: usize) -> Option<Range<usize>> {
        let needle = fold_cow(needle);
        if needle.is_empty() {
            return None;
        }
        let start = matches(&self.text, &needle).nth(occurrence.checked_sub(1)?)?;
        Some(self.original(start, needle.len()))
    }

    /// Every occurrence of `needle`, in order, as [`Folded::find`] finds them one at a time:
    /// for a caller that asks for many occurrences of one text, in one search.
    pub fn find_all(&self, needle: &str) -> Vec<Range<usize>> {
        let needle = fold_cow(needle);
        if needle.is_empty() {
            return Vec::new();
        }
        let found = matches(&self.text, &needle);
        found.map(|at| self.original(at, needle.len())).collect()
    }

    /// The original range of a match of `len` bytes at `start` in the folded text.
    fn original(&self, start: usize, len: usize) -> Range<usize> {
        // The needle is trimmed, so its last char is copied verbatim from the original, byte
        // for byte: the byte after its last one ends the match.
        self.origin(start)..self.origin(start + len - 1) + 1
    }

    /// Number of non-overlapping occurrences (to report ambiguous or missing excerpts).
    pub fn count(&self, needle: &str) -> usize {
        let needle = fold_cow(needle);
        if needle.is_empty() {
            return 0;
        }
        matches(&self.text, &needle).count()
    }
}

/// Where `needle` starts in `haystack`, non-overlapping, in order. Setting up a
/// substring searcher costs more than a typical article takes to scan, so a
/// small search looks for the needle's first byte and compares there instead.
fn matches<'a>(haystack: &'a str, needle: &'a str) -> Box<dyn Iterator<Item = usize> + 'a> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    if hay.len().saturating_mul(needle.len()) > SMALL_SEARCH {
        return Box::new(memmem::find_iter(hay, needle));
    }
    let mut from = 0;
    Box::new(std::iter::from_fn(move || {
        let (&first, &last) = (needle.first()?, needle.last()?);
        while let Some(i) = memchr::memchr(first, hay.get(from..)?) {
            let at = from + i;
            let end = at + needle.len();
            if hay.get(end - 1) == Some(&last) && hay[at..end] == *needle {
                from = at + needle.len();
                return Some(at);
            }
            from = at + 1;
        }
        from = hay.len() + 1;
        None
    }))
}

/// Haystack length times needle length up to which [`matches`] compares at
/// each candidate byte: the worst case stays a few milliseconds.
const SMALL_SEARCH: usize = 1 << 22;

/// The folded form of a string, as used for matching: quote marks deleted, every run of white
/// space one ' ', no leading or trailing space; case is kept.
pub fn fold(s: &str) -> String {
    fold_cow(s).into_owned()
}

/// [`fold`], borrowing a string that is folded already, as most excerpts are.
fn fold_cow(s: &str) -> Cow<'_, str> {
    // Bytes of `s` that the folded form copies verbatim, until the first change.
    let mut same = 0;
    let mut owned: Option<String> = None;
    fold_walk(s, |piece, at| match &mut owned {
        Some(out) => out.push_str(piece),
        None if at == same && s[at..].starts_with(piece) => same += piece.len(),
        None => {
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..same]);
            out.push_str(piece);
            owned = Some(out);
        }
    });
    match owned {
        Some(out) => Cow::Owned(out),
        None => Cow::Borrowed(&s[..same]),
    }
}

/// Calls `emit(piece, byte offset in s)` for each stretch of the folded form that is copied
/// from `s` unchanged; a `" "` reports where its white space run started. Plain ASCII goes
/// a stretch at a time, since most text is.
fn fold_walk(s: &str, mut emit: impl FnMut(&str, usize)) {
    let bytes = s.as_bytes();
    let mut started = false;
    let mut space_at = None;
    let mut at = 0;
    while at < bytes.len() {
        let (len, kind) = match bytes[at] {
            b'"' | b'\'' | b'`' => (1, Kind::Quote),
            b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => (1, Kind::Space),
            b if b.is_ascii() => (plain_run(&bytes[at..]), Kind::Kept),
            _ => {
                let c = s[at..].chars().next().unwrap_or(' ');
                let kind = if is_quote(c) {
                    Kind::Quote
                } else if c.is_whitespace() {
                    Kind::Space
                } else {
                    Kind::Kept
                };
                (c.len_utf8(), kind)
            }
        };
        match kind {
            Kind::Quote => {}
            Kind::Space => {
                if started && space_at.is_none() {
                    space_at = Some(at);
                }
            }
            Kind::Kept => {
                if let Some(space) = space_at.take() {
                    emit(" ", space);
                }
                started = true;
                emit(&s[at..at + len], at);
            }
        }
        at += len;
    }
}

/// What one stretch of text becomes in the folded form.
enum Kind {
    Quote,
    Space,
    Kept,
}

/// Length of the plain ASCII at the start of `bytes`, single spaces between
/// words included: folding copies all of it as it is.
fn plain_run(bytes: &[u8]) -> usize {
    let plain = |b: u8| b.is_ascii() && !is_special_ascii(b);
    let mut end = 0;
    loop {
        end += bytes[end..]
            .iter()
            .position(|&b| !plain(b))
            .unwrap_or(bytes.len() - end);
        match bytes.get(end..end + 2) {
            Some([b' ', next]) if plain(*next) => end += 1,
            _ => return end,
        }
    }
}

/// ASCII quote marks and white space, which folding deletes or collapses.
fn is_special_ascii(b: u8) -> bool {
    matches!(
        b,
        b'"' | b'\'' | b'`' | b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'
    )
}

pub(crate) fn is_quote(c: char) -> bool {
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

    fn find_folded(haystack: &str, needle: &str, occurrence: usize) -> Option<Range<usize>> {
        Folded::new(haystack).find(needle, occurrence)
    }

    fn count_folded(haystack: &str, needle: &str) -> usize {
        Folded::new(haystack).count(needle)
    }

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
    fn all_occurrences_are_the_ones_find_gives_one_at_a_time() {
        let text = "“Yes,” he said. ‘Yes,’  she said.\n\nYes, they said. yes";
        let folded = Folded::new(text);
        let all = folded.find_all("Yes,");
        assert_eq!(all.len(), 3);
        for (n, range) in all.iter().enumerate() {
            assert_eq!(folded.find("Yes,", n + 1).as_ref(), Some(range));
        }
        assert_eq!(&text[all[1].clone()], "Yes,");
        assert_eq!(folded.find_all("  "), Vec::<Range<usize>>::new());
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
    fn offsets_hold_inside_long_plain_stretches() {
        let text = "said “ab cd” ef  gh ij";
        assert_eq!(found(text, "cd ef gh", 1), Some("cd” ef  gh"));
        assert_eq!(found(text, "gh ij", 1), Some("gh ij"));
        assert_eq!(found(text, "said ab", 1), Some("said “ab"));
    }

    #[test]
    fn folded_needles_are_borrowed() {
        assert!(matches!(fold_cow("a b"), Cow::Borrowed("a b")));
        assert!(matches!(fold_cow("a b \n"), Cow::Borrowed("a b")));
        assert!(matches!(fold_cow("a  b"), Cow::Owned(s) if s == "a b"));
        assert!(matches!(fold_cow("“a” b"), Cow::Owned(s) if s == "a b"));
        assert!(matches!(fold_cow(" a"), Cow::Owned(s) if s == "a"));
    }

    #[test]
    fn large_searches_find_what_small_ones_do() {
        let unit = "ab «ab» aab ";
        let text = unit.repeat(50_000);
        let needle = "ab aab ab";
        assert!(text.len() * needle.len() > SMALL_SEARCH);
        let folded = Folded::new(&text);
        assert_eq!(folded.count(needle), 50_000 - 1);
        assert_eq!(Folded::new(&unit.repeat(3)).count(needle), 2);
        let second = folded.find(needle, 2).unwrap();
        // After "ab «" of the second unit.
        assert_eq!(second.start, unit.len() + "ab «".len());
    }

    #[test]
    fn empty_needle_is_none() {
        assert_eq!(find_folded("text", "", 1), None);
        assert_eq!(find_folded("text", " “” \n", 1), None);
        assert_eq!(count_folded("text", "''"), 0);
    }
}
