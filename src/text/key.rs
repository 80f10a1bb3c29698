//! The search key of a text: what a typed query is compared with. Folds more than
//! [`super::fold`] (which keeps case to place excerpts): case, diacritics, quote marks and
//! apostrophes go; hyphens count as spaces and runs of space are one, so that "Kim Jong-un",
//! "kim jong un" and "Kim  Jong‑Un" have one key.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::fold::is_quote;

/// A text's key, with where each of its bytes came from in the original.
pub struct Key {
    pub text: String,
    /// For each byte of `text`, the original byte range of the char it came from.
    origin: Vec<Range<usize>>,
}

impl Key {
    pub fn new(original: &str) -> Key {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        push_key(original, &mut text, Some(&mut origin));
        Key { text, origin }
    }

    /// The original byte range of `folded` bytes of the key: from the start of the char
    /// the first came from to the end of the char the last came from.
    pub fn original(&self, folded: Range<usize>) -> Option<Range<usize>> {
        let first = self.origin.get(folded.start)?;
        let last = self.origin.get(folded.end.checked_sub(1)?)?;
        (folded.start < folded.end).then_some(first.start..last.end)
    }
}

/// The key of a text alone, for a query term or a name.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_key(s, &mut out, None);
    out
}

/// Appends the key of `s` to `out` (no leading or trailing space); `origin`, when given,
/// gets the original range of each byte pushed.
pub fn push_key(s: &str, out: &mut String, mut origin: Option<&mut Vec<Range<usize>>>) {
    let bytes = s.as_bytes();
    let mut pending_space: Option<Range<usize>> = None;
    let mut started = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // Runs of ASCII letters and digits, most of any text, are copied lower-cased.
        let run = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - at);
        let (here, c) = if run > 0 {
            (at..at + run, None)
        } else {
            let c = s[at..].chars().next().unwrap_or(char::from(b));
            (at..at + c.len_utf8(), Some(c))
        };
        at = here.end;
        if let Some(c) = c {
            if is_quote(c) {
                continue;
            }
            if c.is_whitespace() || is_hyphen(c) {
                if started && pending_space.is_none() {
                    pending_space = Some(here);
                }
                continue;
            }
        }
        if let Some(space) = pending_space.take() {
            out.push(' ');
            if let Some(o) = origin.as_deref_mut() {
                o.push(space);
            }
        }
        started = true;
        let before = out.len();
        match c {
            None => {
                out.push_str(&s[here.clone()]);
                out.as_mut_str()[before..].make_ascii_lowercase();
                if let Some(o) = origin.as_deref_mut() {
                    o.extend(here.map(|i| i..i + 1));
                }
                continue;
            }
            Some(c) if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            Some(c) => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            }),
        }
        if let Some(o) = origin.as_deref_mut() {
            o.extend(std::iter::repeat_n(here, out.len() - before));
        }
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_diacritics_hyphens_and_quotes_fold() {
        assert_eq!(key("Kim Jong-un"), key("kim  jong un"));
        assert_eq!(key("Kim Jong‑Un"), "kim jong un");
        assert_eq!(key("Pyongyang’s “Président”"), "pyongyangs president");
        assert_eq!(key("ÉCOLE Ça"), "ecole ca");
        assert_eq!(key("  - "), "");
    }

    /// The key one char at a time, as it was first written: the runs of ASCII
    /// letters copied at once must give the same key and offsets.
    fn key_by_chars(s: &str) -> (String, Vec<Range<usize>>) {
        let (mut out, mut origin) = (String::new(), Vec::new());
        let mut pending: Option<Range<usize>> = None;
        let mut started = false;
        for (at, c) in s.char_indices() {
            let here = at..at + c.len_utf8();
            if is_quote(c) {
                continue;
            }
            if c.is_whitespace() || is_hyphen(c) {
                if started && pending.is_none() {
                    pending = Some(here);
                }
                continue;
            }
            if let Some(space) = pending.take() {
                out.push(' ');
                origin.push(space);
            }
            started = true;
            let before = out.len();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.extend(d.to_lowercase());
                }
            });
            origin.extend(std::iter::repeat_n(here, out.len() - before));
        }
        (out, origin)
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_folds_as_char_by_char(s in "\\PC{0,40}|[a-zA-Z0-9 É’\"\n\u{301}‑-]{0,40}") {
            let k = Key::new(&s);
            let (text, origin) = key_by_chars(&s);
            proptest::prop_assert_eq!(&k.text, &text);
            proptest::prop_assert_eq!(&k.origin, &origin);
            proptest::prop_assert_eq!(key(&s), text);
        }
    }

    #[test]
    fn key_bytes_map_back_to_original_chars() {
        let text = "Le « Président » Kim";
        let k = Key::new(text);
        let at = k.text.find("president").unwrap();
        let range = k.original(at..at + "president".len()).unwrap();
        assert_eq!(&text[range], "Président");
        assert_eq!(k.original(3..3), None);
    }
}
