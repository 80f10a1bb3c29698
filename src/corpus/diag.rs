//! Problems found in a corpus, each pointing at a file, line and column.

use std::fmt;
use std::sync::OnceLock;

use crate::text::sanitize::sanitize_line;

/// One problem, printed as `file:line:col: message`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// A file's text, kept while loading so that byte offsets can become
/// line and column numbers.
pub struct SourceText {
    pub path: String,
    pub text: String,
    /// Built at the first problem, and shared by the threads that check
    /// the file's pieces.
    lines: OnceLock<LineIndex>,
}

impl SourceText {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceText {
        SourceText {
            path: path.into(),
            text: text.into(),
            lines: OnceLock::new(),
        }
    }

    /// [`SourceText::at`] for the one problem of a file, or a few near
    /// its start: counts from the start instead of indexing the whole file.
    pub fn at_one(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let (line, col) = match self.lines.get() {
            Some(lines) => lines.line_col(&self.text, offset),
            None => line_col(&self.text, offset),
        };
        diagnostic(&self.path, line, col, message.into())
    }

    /// A problem at a byte offset of this file. Columns count characters; the
    /// file name is sanitized too (a name can hold any byte but '/' and NUL).
    pub fn at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let lines = self.lines.get_or_init(|| LineIndex::new(&self.text));
        let (line, col) = lines.line_col(&self.text, offset);
        diagnostic(&self.path, line, col, message.into())
    }
}

fn diagnostic(path: &str, line: usize, col: usize, message: String) -> Diagnostic {
    Diagnostic {
        file: sanitize_line(path).into_owned(),
        line,
        col,
        message: sanitize_line(&message).into_owned(),
    }
}

/// Where the lines of a text start, and how many characters come before
/// every `STRIDE`th byte, so that a position costs a binary search and a
/// count of at most `2 * STRIDE` bytes (a short line's own) instead of a
/// scan from the start of the file: a file with a problem on each of its
/// 100,000 lines (or on one long line) is reported in one pass over it,
/// not 100,000.
pub struct LineIndex {
    /// Byte offset of each line's start; the first is 0.
    starts: Vec<usize>,
    /// Characters in `text[..k * STRIDE]`, for each `k`.
    chars_before: Vec<usize>,
}

const STRIDE: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let mut chars_before = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut count = 0;
        chars_before.push(0);
        for chunk in text.as_bytes().chunks_exact(STRIDE) {
            count += char_starts(chunk);
            chars_before.push(count);
        }
        LineIndex {
            starts,
            chars_before,
        }
    }

    /// [`line_col`] in the text this index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = char_floor(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = if offset - start <= STRIDE {
            char_starts(&text.as_bytes()[start..offset])
        } else {
            self.chars(text, offset) - self.chars(text, start)
        };
        (line, col + 1)
    }

    /// Characters in `text[..offset]`, `offset` on a character boundary.
    fn chars(&self, text: &str, offset: usize) -> usize {
        let k = offset / STRIDE;
        self.chars_before[k] + char_starts(&text.as_bytes()[k * STRIDE..offset])
    }
}

/// Bytes that start a character: in valid UTF-8, the characters begun there.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

/// `offset` clamped to the text and moved back to a character boundary.
fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// 1-based line and column (in characters) of a byte offset, clamped to the
/// text. For many positions in one text, build a [`LineIndex`].
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..char_floor(text, offset)];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// A problem with a whole file (it cannot be read, it is not a directory ...).
pub fn file_problem(path: &str, message: impl Into<String>) -> Diagnostic {
    diagnostic(path, 1, 1, message.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\nc\u{00e9}d\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'd' sits after a two-byte character: byte 6, column 3.
        assert_eq!(line_col(text, 6), (2, 3));
        assert_eq!(line_col(text, 999), (3, 1));
        // Inside a multi-byte character: clamped back to its start.
        assert_eq!(line_col(text, 5), (2, 2));
    }

    #[test]
    fn the_index_agrees_with_a_scan_at_every_offset() {
        // Short and empty lines, and lines longer than a stride whose
        // multi-byte characters straddle the stride boundaries.
        let long: String = "a\u{00e9}\u{4e16}\u{1f600}".repeat(STRIDE / 3);
        let text = format!("x\n\n{long}\n\u{00e9}b\n{long}{long}\nend");
        let index = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(&text, offset),
                line_col(&text, offset),
                "offset {offset}"
            );
        }
        let empty = LineIndex::new("");
        assert_eq!(empty.line_col("", 5), (1, 1));
    }

    #[test]
    fn display_is_file_line_col_message() {
        let src = SourceText::new("events.toml", "a\nbc");
        assert_eq!(
            src.at(2, "bad\x1b[2J thing").to_string(),
            "events.toml:2:1: bad thing"
        );
    }
}
