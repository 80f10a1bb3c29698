//! The one sanitizer applied when text enters the model: articles are pasted from the web and
//! may carry escape sequences or invisible characters meant to control or spoof the terminal.

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Combining marks kept after one base character: more only smear glyphs over other rows.
const MAX_MARKS: usize = 4;
/// Tab stops, in chars from the start of the line.
const TAB: usize = 4;
const ESC: char = '\x1b';

/// Multi-line text (article bodies): keeps '\n'.
pub fn sanitize_text(input: &str) -> Cow<'_, str> {
    sanitize(input, false)
}

/// One-line text (titles, names, ids, error messages, anything shown on one row): like
/// [`sanitize_text`], and every line break becomes a single space.
pub fn sanitize_line(input: &str) -> Cow<'_, str> {
    sanitize(input, true)
}

/// Borrowed exactly when nothing changed: callers use that to flag edited text.
fn sanitize(input: &str, one_line: bool) -> Cow<'_, str> {
    // Whole chunks at a time, which the compiler turns into vector code.
    let plain = |b: u8| matches!(b, 0x20..=0x7e) || (b == b'\n' && !one_line);
    let plain_ascii = input
        .as_bytes()
        .chunks(32)
        .all(|chunk| chunk.iter().fold(true, |ok, &b| ok & plain(b)));
    if plain_ascii || is_clean(input, one_line) {
        return Cow::Borrowed(input);
    }
    let out = normalize(strip(input, one_line));
    if out == input {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(out)
    }
}

/// True when no rule would change `input`, so clean non-ASCII text is not copied.
fn is_clean(input: &str, one_line: bool) -> bool {
    let mut marks = 0;
    let kept = |c: char| match c {
        '\n' => !one_line,
        '\u{2028}' | '\u{2029}' => false,
        c => !is_removed(c),
    };
    // ASCII is never a combining mark and is already NFC, which only the
    // stretches of other text between ASCII chars need checking for.
    input.chars().all(|c| match c {
        ' '..='~' => {
            marks = 0;
            true
        }
        c => kept(c) && admit(c, &mut marks),
    }) && input
        .split(|c: char| c.is_ascii())
        .all(|run| run.is_empty() || is_nfc_quick(run.chars()) == IsNormalized::Yes)
}

/// Applies every rule but normalisation in one pass.
fn strip(input: &str, one_line: bool) -> String {
    let mut out = Out {
        buf: String::with_capacity(input.len()),
        one_line,
        column: 0,
        marks: 0,
    };
    let mut chars = input.chars();
    while let Some(c) = chars.next() {
        let tail = chars.as_str();
        let rest = match c {
            ESC => skip_escape(tail),
            '\u{9b}' => skip_csi(tail),
            '\u{9d}' => skip_string(tail, true),
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(tail, false),
            '\r' => {
                out.line_break();
                tail.strip_prefix('\n').unwrap_or(tail)
            }
            '\n' | '\u{85}' | '\u{2028}' => {
                out.line_break();
                tail
            }
            '\u{2029}' => {
                out.line_break();
                if !one_line {
                    out.line_break();
                }
                tail
            }
            '\t' => {
                out.tab();
                tail
            }
            c if is_removed(c) => tail,
            c => {
                out.push(c);
                tail
            }
        };
        chars = rest.chars();
    }
    out.buf
}

/// Output under construction, with what tabs and the mark cap need to know about it.
struct Out {
    buf: String,
    one_line: bool,
    /// Chars since the last '\n'.
    column: usize,
    /// Combining marks since the last base character.
    marks: usize,
}

impl Out {
    fn push(&mut self, c: char) {
        if admit(c, &mut self.marks) {
            self.buf.push(c);
            self.column = self.column.saturating_add(1);
        }
    }

    fn line_break(&mut self) {
        if self.one_line {
            self.push(' ');
        } else {
            self.buf.push('\n');
            self.column = 0;
            self.marks = 0;
        }
    }

    fn tab(&mut self) {
        if self.one_line {
            self.push(' ');
        } else {
            for _ in self.column % TAB..TAB {
                self.push(' ');
            }
        }
    }
}

/// Counts combining marks since the last base character; false for one beyond [`MAX_MARKS`].
/// ZWJ and ZWNJ neither count nor reset, so joiners cannot restart the count.
fn admit(c: char, marks: &mut usize) -> bool {
    if is_combining_mark(c) {
        *marks = marks.saturating_add(1);
        *marks <= MAX_MARKS
    } else {
        if !matches!(c, '\u{200c}' | '\u{200d}') {
            *marks = 0;
        }
        true
    }
}

/// Controls and invisible format characters, dropped outright: they can reorder or hide text.
fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\0'..='\x1f' // C0
            | '\x7f'..='\u{9f}' // DEL, C1
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' // bidi controls
            | '\u{ad}'
            | '\u{180e}'
            | '\u{200b}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}' // zero-width and format characters
    )
}

/// Skips what follows an ESC. String sequences and CSI go whole, as do `ESC (B`-style
/// sequences (intermediates 0x20–0x2F, then a final) and two-char ones (`ESC c`, `ESC 7`).
/// Before a control, a non-ASCII char or another ESC only the ESC goes: that char is handled
/// on its own (a second ESC starts a new sequence, as in a terminal).
fn skip_escape(rest: &str) -> &str {
    let mut chars = rest.chars();
    match chars.next() {
        Some('[') => skip_csi(chars.as_str()),
        Some(']') => skip_string(chars.as_str(), true),
        Some('P' | 'X' | '^' | '_') => skip_string(chars.as_str(), false),
        Some(' '..='/') => {
            let rest = chars
                .as_str()
                .trim_start_matches(|c| matches!(c, ' '..='/'));
            let mut chars = rest.chars();
            match chars.next() {
                Some('0'..='~') => chars.as_str(),
                _ => rest,
            }
        }
        Some('0'..='~') => chars.as_str(),
        _ => rest,
    }
}

/// Skips a CSI's parameters and intermediates (0x20–0x3F) and its final byte (0x40–0x7E).
/// Any other char aborts the sequence and is kept, so a stray CSI cannot swallow text.
fn skip_csi(rest: &str) -> &str {
    let rest = rest.trim_start_matches(|c| matches!(c, ' '..='?'));
    let mut chars = rest.chars();
    match chars.next() {
        Some('@'..='~') => chars.as_str(),
        _ => rest,
    }
}

/// Skips the body of an OSC, DCS, SOS, PM or APC and its terminator: ST (`ESC \` or U+009C),
/// or BEL for OSC. With no terminator on the same line it ends before the line break, which
/// is kept: one stray `ESC ]` must not eat the rest of an article.
fn skip_string(rest: &str, bel_ends: bool) -> &str {
    let mut chars = rest.chars();
    loop {
        let before = chars.as_str();
        match chars.next() {
            None | Some('\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}') => return before,
            Some('\x07') if bel_ends => return chars.as_str(),
            Some('\u{9c}') => return chars.as_str(),
            Some(ESC) => {
                if let Some(after) = chars.as_str().strip_prefix('\\') {
                    return after;
                }
            }
            Some(_) => {}
        }
    }
}

/// NFC, so equal text compares equal and NFD Hangul shows as syllables. Nothing composes
/// with or reorders across an ASCII char, so only the stretches of non-ASCII text (with the
/// char before them) are checked and normalised, not the whole text.
fn normalize(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    // Cuts next to ASCII bytes are char boundaries: UTF-8 never uses them inside a char.
    while let Some(first) = rest.bytes().position(|b| !b.is_ascii()) {
        let start = first.saturating_sub(1);
        let len = rest[first..].bytes().position(|b| b.is_ascii());
        let end = len.map_or(rest.len(), |len| first + len);
        out.push_str(&rest[..start]);
        push_nfc(&mut out, &rest[start..end]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Appends the NFC form of `unit`, which starts the count of combining marks afresh.
fn push_nfc(out: &mut String, unit: &str) {
    if is_nfc_quick(unit.chars()) == IsNormalized::Yes {
        out.push_str(unit);
        return;
    }
    let from = out.len();
    out.extend(unit.nfc());
    // Some characters (U+0344, U+0F73) decompose into several marks: cap again.
    let mut marks = 0;
    if !out[from..].chars().all(|c| admit(c, &mut marks)) {
        marks = 0;
        let capped: String = out[from..]
            .chars()
            .filter(|&c| admit(c, &mut marks))
            .collect();
        out.truncate(from);
        out.extend(capped.nfc());
    }
}

#[cfg(test)]
#[path = "sanitize_tests.rs"]
mod tests;
