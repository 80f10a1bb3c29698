//! Characters as the scanners read them: byte classes looked up in a
//! table, lower case and whitespace read as bytes where the text is ASCII,
//! Unicode decoded only beyond it.

use std::borrow::Cow;

/// `char::is_alphanumeric`, answered without the Unicode tables for the
/// punctuation news is full of: curly quotation marks, dashes and ellipses
/// (U+2000 to U+206F, where no character is a letter or a digit).
pub fn is_letter_or_digit(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// What a byte is to the word scanner, looked up rather than tested:
/// the scanner asks it of every byte of the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// An ASCII letter or digit.
    Letter,
    /// `-` or `'`, which may join two parts of a word.
    Joiner,
    /// Any other ASCII byte.
    Other,
    /// A byte of a character beyond ASCII, to be decoded.
    Wide,
}

pub(super) static CLASS: [Class; 256] = {
    let mut table = [Class::Wide; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            Class::Letter
        } else if byte == b'-' || byte == b'\'' {
            Class::Joiner
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// `text` in lower case, as `str::to_lowercase` writes it, copied only
/// when that changes something: most words are lower case already.
pub fn lowered(text: &str) -> Cow<'_, str> {
    // One look at each byte for the common case: nothing to change.
    if text.bytes().all(|b| !(b.is_ascii_uppercase() || b >= 0x80)) {
        Cow::Borrowed(text)
    } else if !text.is_ascii() {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Owned(text.to_ascii_lowercase())
    }
}

/// The words of `text` between whitespace, as `str::split_whitespace`
/// gives them, reading ASCII as bytes and decoding only what lies beyond.
pub fn split_spaces(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(width) = (i < bytes.len()).then(|| space_at(text, i)).flatten() {
            i += width;
        }
        let start = i;
        while i < bytes.len() {
            // Most of a word is ASCII: passed over as bytes.
            i += bytes[i..]
                .iter()
                .position(|&b| !b.is_ascii() || ascii_space(b))
                .unwrap_or(bytes.len() - i);
            if i == bytes.len() || bytes[i].is_ascii() {
                break;
            }
            let c = char_at(text, i);
            if c.is_whitespace() {
                break;
            }
            i += c.len_utf8();
        }
        (i > start).then(|| &text[start..i])
    })
}

/// ASCII whitespace as `char::is_whitespace` has it (with the vertical tab).
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The runs of letters and digits in `text`, as splitting it at every
/// character that is not `char::is_alphanumeric` gives them (without the
/// empty pieces), reading ASCII as bytes and decoding only what lies beyond.
pub fn alphanumeric_runs(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let class = |b: u8| CLASS[usize::from(b)];
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            i += bytes[i..]
                .iter()
                .position(|&b| matches!(class(b), Class::Letter | Class::Wide))
                .unwrap_or(bytes.len() - i);
            if i == bytes.len() {
                return None;
            }
            if class(bytes[i]) == Class::Letter {
                break;
            }
            let c = char_at(text, i);
            if is_letter_or_digit(c) {
                break;
            }
            i += c.len_utf8();
        }
        let start = i;
        loop {
            i = ascii_alphanumeric_end(bytes, i);
            if i == bytes.len() || class(bytes[i]) != Class::Wide {
                break;
            }
            let c = char_at(text, i);
            if !is_letter_or_digit(c) {
                break;
            }
            i += c.len_utf8();
        }
        Some(&text[start..i])
    })
}

/// The end of the ASCII letters and digits from byte `i`, tested eight
/// bytes at a time: each byte's range tests are additions whose carry
/// lands in its top bit.
pub(super) fn ascii_alphanumeric_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // For bytes below 0x80: the top bit is set where `lo <= byte <= hi`.
    let within = |v: u64, lo: u8, hi: u8| {
        (v + ONES * u64::from(0x80 - lo)) & !(v + ONES * u64::from(0x7f - hi))
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let low = x & !HIGH;
        let digit = within(low, b'0', b'9');
        let letter = within(low | (ONES * 0x20), b'a', b'z');
        let alphanumeric = (digit | letter) & !x & HIGH;
        let run = (!alphanumeric & HIGH).trailing_zeros() as usize / 8;
        i += run;
        if run < 8 {
            return i;
        }
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// The width of the whitespace character at byte `i` of `text`, or None
/// for another character.
#[inline]
fn space_at(text: &str, i: usize) -> Option<usize> {
    match text.as_bytes()[i] {
        b if ascii_space(b) => Some(1),
        b if b.is_ascii() => None,
        _ => Some(char_at(text, i))
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
    }
}

pub fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// The char that ends just before byte `i`.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_spaces_splits_as_split_whitespace_does() {
        let texts = [
            "  Putin  landed\tin\nPyongyang\r\x0bon\x0cWednesday ",
            "a\u{a0}b\u{2003}c\u{3000}d\u{85}e\u{2028}f “quoted” — ok",
            "",
            " \u{a0} ",
            "one",
        ];
        for text in texts {
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(split_spaces(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn alphanumeric_runs_split_as_str_split_does() {
        let texts = [
            "Putin landed, in Pyongyang's airport—on Wednesday…",
            "“quoted” Zürich 3rd x-ray ٣٤ naïve\u{a0}end.",
            "",
            " ,. ",
            "one",
        ];
        for text in texts {
            let want: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(
                alphanumeric_runs(text).collect::<Vec<_>>(),
                want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn alphanumeric_ends_agree_with_the_bytes() {
        // Every byte value at every position of a chunk and past it.
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"Ab3xYz09Qq1aZz7Kk2mM".to_vec();
                bytes[at] = b;
                for from in 0..bytes.len() {
                    let want = from
                        + bytes[from..]
                            .iter()
                            .take_while(|b| b.is_ascii_alphanumeric())
                            .count();
                    assert_eq!(
                        ascii_alphanumeric_end(&bytes, from),
                        want,
                        "{b} {at} {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in ('\u{2000}'..='\u{206F}').chain(['a', 'É', '9', '٣', '’', '.']) {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
