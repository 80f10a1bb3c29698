//! Word wrapping by display width into byte ranges, so the article pane can wrap a huge text
//! once per width, cache the ranges and slice the text when drawing.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One wrapped display line: a byte range of the source text (no trailing newline; trailing
/// spaces excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub start: usize,
    pub end: usize,
}

/// Wrap `text` (which may contain '\n') into lines of at most `width` cells.
///
/// Each '\n' ends a line, so "a\n\nb" gives "a", "", "b" and a final '\n' adds no line.
/// Lines break at spaces; a word wider than the line is cut between grapheme clusters.
/// Spaces at the end of a line are left out, as is indentation wider than the line.
/// The one overflow: a cluster wider than `width` (2 cells at width 1) sits alone on its line.
pub fn wrap(text: &str, width: u16) -> Vec<Line> {
    let mut lines = Vec::new();
    if width == 0 {
        return lines;
    }
    let mut offset = 0;
    for paragraph in text.split_inclusive('\n') {
        let body = paragraph.strip_suffix('\n').unwrap_or(paragraph);
        wrap_paragraph(body, offset, usize::from(width), &mut lines);
        offset += paragraph.len();
    }
    lines
}

/// Greedy wrapping of one paragraph (at byte `base` of the text) in a single pass over its
/// clusters: the word being read is tracked by its start and width, never re-scanned.
fn wrap_paragraph(text: &str, base: usize, max: usize, lines: &mut Vec<Line>) {
    let mut start = base; // current line
    let mut end = base; // end of its last placed word
    let mut used = 0usize; // width of start..end
    let mut gap = 0usize; // width of the spaces after `end`
    let mut word: Option<(usize, usize)> = None; // (start, width) of the word being read
    for (i, grapheme) in text.grapheme_indices(true) {
        let at = base + i;
        let w = grapheme.width();
        if is_space(grapheme) {
            if let Some((_, word_width)) = word.take() {
                used = used.saturating_add(gap).saturating_add(word_width);
                end = at;
                gap = 0;
            }
            gap = gap.saturating_add(w);
            continue;
        }
        let (mut word_start, mut word_width) = word.unwrap_or((at, 0));
        let needed = used
            .saturating_add(gap)
            .saturating_add(word_width)
            .saturating_add(w);
        if needed > max {
            if word_start > start {
                // Something precedes the word on this line: the word moves to the next one.
                if end > start {
                    lines.push(Line { start, end });
                }
                (start, end, used, gap) = (word_start, word_start, 0, 0);
            }
            if at > word_start && word_width.saturating_add(w) > max {
                // The word alone is too wide: cut it before this cluster.
                lines.push(Line { start, end: at });
                (start, end, word_start, word_width) = (at, at, at, 0);
            }
        }
        word = Some((word_start, word_width.saturating_add(w)));
    }
    if word.is_some() {
        end = base + text.len();
    }
    lines.push(Line { start, end });
}

/// A break opportunity: white space other than the no-break spaces.
fn is_space(grapheme: &str) -> bool {
    grapheme
        .chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::width;
    use proptest::prelude::*;

    fn lines(text: &str, max: u16) -> Vec<&str> {
        wrap(text, max)
            .iter()
            .map(|l| &text[l.start..l.end])
            .collect()
    }

    #[test]
    fn simple_wrap_breaks_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn exact_fit_stays_on_one_line() {
        assert_eq!(lines("abcde", 5), ["abcde"]);
        assert_eq!(lines("ab de", 5), ["ab de"]);
        assert_eq!(lines("ab de f", 5), ["ab de", "f"]);
    }

    #[test]
    fn long_word_is_split() {
        assert_eq!(lines("abcdefghijk", 4), ["abcd", "efgh", "ijk"]);
        assert_eq!(lines("a bcdefgh", 4), ["a", "bcde", "fgh"]);
    }

    #[test]
    fn cjk_breaks_between_characters() {
        assert_eq!(lines("朝鮮通信社", 5), ["朝鮮", "通信", "社"]);
        assert_eq!(lines("a 朝", 2), ["a", "朝"]);
    }

    #[test]
    fn emoji_zwj_sequence_stays_whole() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let text = format!("ab{family}{family}");
        assert_eq!(lines(&text, 3), ["ab", family, family]);
    }

    #[test]
    fn blank_lines_are_preserved() {
        let text = "one\n\ntwo\n";
        assert_eq!(lines(text, 10), ["one", "", "two"]);
        assert_eq!(wrap(text, 10)[1], Line { start: 4, end: 4 });
        assert_eq!(lines("\n", 10), [""]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn width_zero_gives_nothing() {
        assert!(wrap("some text", 0).is_empty());
    }

    #[test]
    fn width_one_puts_wide_clusters_alone() {
        assert_eq!(lines("a朝b", 1), ["a", "朝", "b"]);
        assert_eq!(lines("朝鮮", 1), ["朝", "鮮"]);
        assert_eq!(lines("\u{200d}朝", 1), ["\u{200d}", "朝"]);
    }

    #[test]
    fn trailing_and_leading_spaces_at_breaks_are_dropped() {
        assert_eq!(lines("abc    def   ", 5), ["abc", "def"]);
        assert_eq!(lines("  indented text", 10), ["  indented", "text"]);
        assert_eq!(lines("        deep", 5), ["deep"]);
        assert_eq!(lines("   ", 5), [""]);
    }

    #[test]
    fn huge_paragraph_without_spaces_wraps_in_linear_time() {
        let text = "x".repeat(1 << 20);
        let wrapped = wrap(&text, 80);
        assert_eq!(wrapped.len(), (1usize << 20).div_ceil(80));
        assert!(wrapped.iter().all(|l| l.end - l.start <= 80));
    }

    fn is_space_char(c: char) -> bool {
        c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
    }

    fn wrap_input() -> impl Strategy<Value = String> {
        let special = proptest::sample::select(
            "aé \n朝👩\u{200d}\u{301}🇰\u{a0}\t\r\u{3000}"
                .chars()
                .collect::<Vec<_>>(),
        );
        let c = prop_oneof![4 => special, 1 => any::<char>()];
        proptest::collection::vec(c, 0..80).prop_map(String::from_iter)
    }

    proptest! {
        #[test]
        fn lines_fit_and_keep_every_word(text in wrap_input(), max in 1u16..=40) {
            let wrapped = wrap(&text, max);
            let mut previous_end = 0;
            let mut words = String::new();
            for line in &wrapped {
                prop_assert!(previous_end <= line.start && line.start <= line.end);
                let slice = text.get(line.start..line.end);
                prop_assert!(slice.is_some(), "{:?} not on char boundaries", line);
                let slice = slice.unwrap_or_default();
                let single = slice.graphemes(true).count() == 1;
                prop_assert!(width(slice) <= usize::from(max) || single, "{:?}", slice);
                words.extend(slice.chars().filter(|&c| !is_space_char(c)));
                previous_end = line.end;
            }
            let expected: String = text.chars().filter(|&c| !is_space_char(c)).collect();
            prop_assert_eq!(words, expected);
        }
    }
}
