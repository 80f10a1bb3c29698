//! Shared by the hostile-input tests: a scratch corpus directory, TOML
//! string escaping, and a checker for bytes that reach a terminal.

#![allow(dead_code)] // each test crate uses a different part

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::is_nfc;

/// The most combining marks allowed in a row on the wire: the cap the
/// issue asks the sanitizer for ("a few per character").
pub const MAX_MARKS_IN_A_ROW: usize = 4;

/// A directory under the system temp dir, removed on drop.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("chronicle-{name}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(path.join("articles")).expect("temp dir is writable");
        Scratch { path }
    }

    /// Writes `bytes` at `rel` (relative to the scratch dir).
    pub fn write(&self, rel: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path.join(rel);
        fs::write(&path, bytes).expect("temp file is writable");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// A TOML basic string holding exactly `s`: controls, DEL and C1 escaped
/// as `\uXXXX`, everything else literal.
pub fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Code points that must never reach a terminal from corpus text: bidi
/// controls, zero-width and format characters.
pub fn is_invisible_or_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{61c}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{ad}'
            | '\u{180e}'
            | '\u{feff}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Checks text meant for the terminal (no escape sequences of its own):
/// no controls except those in `allowed`, no C1, no bidi or zero-width
/// characters, capped combining marks, NFC.
pub fn check_text(text: &str, allowed: &[char], what: &str) -> Result<(), String> {
    let mut marks = 0;
    for (at, c) in text.char_indices() {
        let context = || {
            let before: String = text[..at].chars().rev().take(30).collect();
            let before: String = before.chars().rev().collect();
            let after: String = text[at..].chars().take(30).collect();
            format!("{:?}", before + &after)
        };
        if (c.is_control() && !allowed.contains(&c)) || is_invisible_or_bidi(c) {
            return Err(format!(
                "{what}: forbidden U+{:04X} at byte {at} near {}",
                u32::from(c),
                context()
            ));
        }
        if is_combining_mark(c) {
            marks += 1;
            if marks > MAX_MARKS_IN_A_ROW {
                return Err(format!(
                    "{what}: more than {MAX_MARKS_IN_A_ROW} combining marks in a row near {}",
                    context()
                ));
            }
        } else if c != '\u{200d}' && c != '\u{200c}' {
            marks = 0;
        }
    }
    if !is_nfc(text) {
        return Err(format!("{what}: text is not NFC"));
    }
    Ok(())
}

/// What a stream of terminal output holds once its escape sequences are
/// checked and removed.
#[derive(Debug, Default)]
pub struct Wire {
    /// The visible text, with '\n' where the stream moved the cursor.
    pub text: String,
    /// How many escape sequences there were.
    pub sequences: usize,
}

/// Parses bytes written to a terminal by ratatui's crossterm backend. The
/// only escape sequences allowed are the ones it writes for its own use:
/// SGR (`CSI … m`), cursor position (`CSI … H`), clears (`CSI … J`/`K`)
/// and cursor show/hide (`CSI ? 25 h`/`l`). Every other ESC, OSC, DCS,
/// APC, C0 or C1 control, bidi or zero-width character, long run of
/// combining marks or non-NFC text is an error.
pub fn parse_wire(bytes: &[u8]) -> Result<Wire, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("wire is not UTF-8: {e}"))?;
    let mut wire = Wire::default();
    let mut rest = text;
    let mut chunk = String::new();
    loop {
        let Some(at) = rest.find('\x1b') else {
            chunk.push_str(rest);
            break;
        };
        chunk.push_str(&rest[..at]);
        let seq = &rest[at + 1..];
        let Some(body) = seq.strip_prefix('[') else {
            return Err(format!(
                "non-CSI escape sequence on the wire: {:?}",
                &seq[..seq.len().min(20)]
            ));
        };
        let params_len = body
            .bytes()
            .position(|b| !matches!(b, b'0'..=b'9' | b';' | b':' | b'?'))
            .unwrap_or(body.len());
        let params = &body[..params_len];
        let Some(last) = body[params_len..].chars().next() else {
            return Err("unterminated CSI at the end of the wire".into());
        };
        let ok = match last {
            'm' | 'H' | 'J' | 'K' => !params.contains('?'),
            'h' | 'l' => params == "?25",
            _ => false,
        };
        if !ok {
            return Err(format!("unexpected CSI on the wire: ESC[{params}{last}"));
        }
        check_text(&chunk, &[], "wire text")?;
        wire.text.push_str(&chunk);
        chunk.clear();
        if last == 'H' {
            wire.text.push('\n');
        }
        wire.sequences += 1;
        rest = &body[params_len + last.len_utf8()..];
    }
    check_text(&chunk, &['\r', '\n'], "wire text")?;
    wire.text.push_str(&chunk);
    Ok(wire)
}
