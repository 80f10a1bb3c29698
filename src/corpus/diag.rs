//! Problems found in a corpus, each pointing at a file, line and column.

use std::fmt;

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
}

impl SourceText {
    /// A problem at a byte offset of this file. Columns count characters; the
    /// file name is sanitized too (a name can hold any byte but '/' and NUL).
    pub fn at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let (line, col) = line_col(&self.text, offset);
        Diagnostic {
            file: sanitize_line(&self.path).into_owned(),
            line,
            col,
            message: sanitize_line(&message.into()).into_owned(),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset, clamped to the text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// A problem with a whole file (it cannot be read, it is not a directory ...).
pub fn file_problem(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        file: sanitize_line(path).into_owned(),
        line: 1,
        col: 1,
        message: sanitize_line(&message.into()).into_owned(),
    }
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
    fn display_is_file_line_col_message() {
        let src = SourceText {
            path: "events.toml".into(),
            text: "a\nbc".into(),
        };
        assert_eq!(
            src.at(2, "bad\x1b[2J thing").to_string(),
            "events.toml:2:1: bad thing"
        );
    }
}
