//! Display widths in terminal cells, counted per grapheme cluster as ratatui's buffer draws
//! them, so that measuring, truncating and wrapping agree with what ends up on screen.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width in terminal cells: the sum of `UnicodeWidthStr::width` over grapheme
/// clusters. That is `UnicodeWidthStr::width(s)` for ordinary text (ZWJ emoji and flags are
/// 2), except that no ligature spans two clusters (`لا` is 2 here, as drawn, not 1), so it
/// always equals what [`truncate`] and `wrap` count.
pub fn width(s: &str) -> usize {
    if s.is_ascii() {
        // Every ASCII cluster is one char, or "\r\n" which is one cluster anyway.
        return s.width();
    }
    s.graphemes(true)
        .map(UnicodeWidthStr::width)
        .fold(0, usize::saturating_add)
}

/// The longest prefix of `s` (on a grapheme boundary) that fits in `max` cells; returns
/// (prefix, its width).
pub fn truncate(s: &str, max: usize) -> (&str, usize) {
    let mut used = 0usize;
    for (at, grapheme) in s.grapheme_indices(true) {
        match used.checked_add(grapheme.width()) {
            Some(total) if total <= max => used = total,
            _ => return (&s[..at], used),
        }
    }
    (s, used)
}

/// The longest suffix of `s` (on a grapheme boundary) that fits in `max` cells: what an
/// input line shows, so the end being typed stays in view however long the text gets.
pub fn tail(s: &str, max: usize) -> &str {
    let mut used = 0usize;
    for (at, grapheme) in s.grapheme_indices(true).rev() {
        match used.checked_add(grapheme.width()) {
            Some(total) if total <= max => used = total,
            _ => return &s[at + grapheme.len()..],
        }
    }
    s
}

/// Truncate to `max` cells and append '…' when cut (the result fits in max cells; max 0 → "").
/// White space before the '…' is dropped: "Seoul …" reads as a gap, not a cut.
pub fn ellipsize(s: &str, max: usize) -> Cow<'_, str> {
    let Some(room) = max.checked_sub(1) else {
        return Cow::Borrowed("");
    };
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let (head, _) = truncate(s, room);
    Cow::Owned(format!("{}…", head.trim_end()))
}

/// The end of `s` in `max` cells, after a '…' when its start was cut: an
/// input line keeps the end being typed in view and says there is more.
pub fn ellipsize_start(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    match max.checked_sub(1) {
        Some(room) => Cow::Owned(format!("…{}", tail(s, room))),
        None => Cow::Borrowed(""),
    }
}

/// Map char indices (as returned by fuzzy-matcher's fuzzy_indices, which are CHAR indices) to
/// byte ranges of those chars in `s`, in the order given; indices out of range are ignored.
pub fn char_indices_to_byte_ranges(s: &str, char_idx: &[usize]) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    char_idx
        .iter()
        .filter_map(|&i| chars.get(i))
        .map(|&(at, c)| at..at + c.len_utf8())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_of_simple_and_wide_text() {
        assert_eq!(width(""), 0);
        assert_eq!(width("hello"), 5);
        assert_eq!(width("朝鮮通信社"), 10);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("a\r\nb"), 3);
    }

    #[test]
    fn emoji_sequences_and_flags_are_two_cells() {
        assert_eq!(width("👩\u{200d}👩\u{200d}👧"), 2);
        assert_eq!(width("🇰🇷"), 2);
        assert_eq!(width("❤\u{fe0f}"), 2);
    }

    #[test]
    fn width_matches_unicode_width_for_ordinary_text() {
        for s in ["Crème brûlée", "Ünïcödé — “x”", "한국어 텍스트", "é\tb\x07"]
        {
            assert_eq!(width(s), s.width(), "{s:?}");
        }
    }

    #[test]
    fn ascii_fast_path_counts_per_grapheme() {
        let s = "a\tb\x07\r\n\x1b~";
        let per_grapheme: usize = s.graphemes(true).map(UnicodeWidthStr::width).sum();
        assert_eq!(width(s), per_grapheme);
    }

    #[test]
    fn width_agrees_with_truncate_on_ligatures() {
        let s = "\u{644}\u{627}";
        assert_eq!(width(s), 2);
        assert_eq!(truncate(s, width(s)), (s, 2));
    }

    #[test]
    fn truncate_cuts_on_grapheme_boundaries() {
        assert_eq!(truncate("hello", 3), ("hel", 3));
        assert_eq!(truncate("hello", 9), ("hello", 5));
        assert_eq!(truncate("朝鮮通", 5), ("朝鮮", 4));
        assert_eq!(truncate("ae\u{301}b", 2), ("ae\u{301}", 2));
        assert_eq!(truncate("a👩\u{200d}👩\u{200d}👧b", 2), ("a", 1));
        assert_eq!(truncate("朝", 1), ("", 0));
        assert_eq!(truncate("abc", 0), ("", 0));
    }

    #[test]
    fn tail_keeps_the_end_that_fits() {
        assert_eq!(tail("hello", 9), "hello");
        assert_eq!(tail("hello", 3), "llo");
        assert_eq!(tail("朝鮮通", 5), "鮮通");
        assert_eq!(tail("ae\u{301}", 1), "e\u{301}");
        assert_eq!(tail("abc", 0), "");
    }

    #[test]
    fn ellipsize_fits_and_marks_the_cut() {
        assert_eq!(ellipsize("hello world", 11), "hello world");
        assert!(matches!(ellipsize("hello", 5), Cow::Borrowed(_)));
        assert_eq!(ellipsize("hello world", 8), "hello w…");
        assert_eq!(ellipsize("hello world", 7), "hello…");
        assert_eq!(ellipsize("hello world", 5), "hell…");
        assert_eq!(ellipsize("朝鮮通信社", 5), "朝鮮…");
        assert_eq!(ellipsize("hello", 1), "…");
        assert_eq!(ellipsize("hello", 0), "");
        assert_eq!(ellipsize("", 0), "");
        for max in 0..12 {
            assert!(width(&ellipsize("朝鮮 news 通信社", max)) <= max);
        }
    }

    #[test]
    fn ellipsize_start_keeps_the_end_and_marks_the_cut() {
        assert_eq!(ellipsize_start("hello", 5), "hello");
        assert_eq!(ellipsize_start("hello world", 6), "…world");
        assert_eq!(ellipsize_start("朝鮮通信社", 5), "…信社");
        assert_eq!(ellipsize_start("hello", 1), "…");
        assert_eq!(ellipsize_start("hello", 0), "");
        for max in 0..12 {
            assert!(width(&ellipsize_start("朝鮮 news 通信社", max)) <= max);
        }
    }

    #[test]
    fn char_indices_map_to_byte_ranges() {
        assert_eq!(
            char_indices_to_byte_ranges("abc", &[0, 2]),
            vec![0..1, 2..3]
        );
        let s = "İstanbul ßtraße ﬁx 👩\u{200d}👧";
        let ranges = char_indices_to_byte_ranges(s, &[0, 1, 9, 16, 19, 20, 21, 99]);
        let chars: Vec<&str> = ranges.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(chars, ["İ", "s", "ß", "ﬁ", "👩", "\u{200d}", "👧"]);
        assert!(char_indices_to_byte_ranges("", &[0]).is_empty());
    }
}
