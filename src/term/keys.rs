//! Terminal input bytes to key events. chronicle reads the terminal itself
//! instead of through crossterm, whose parser holds an unfinished escape
//! sequence (`ESC [ ?`, a mouse report cut by a bad link) until a final
//! byte comes, swallowing every key meanwhile, `q` and `Ctrl-C` included.
//! Here an unfinished sequence is dropped once no byte has come for
//! `TIMEOUT`, and a byte that cannot be part of one ends it at once. Keys
//! come out as crossterm would have reported them.

use std::time::Duration;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How long an unfinished sequence waits for its next byte, and a lone Esc
/// for a following one (`ESC [ A` split over two reads is still Up).
pub const TIMEOUT: Duration = Duration::from_millis(50);
/// Sequences longer than this are no key: dropped.
const MAX_SEQUENCE: usize = 64;
const ESC: u8 = 0x1b;

/// Bytes read so far that do not make a key yet.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
}

/// What the bytes at the front make.
enum Step {
    Key(KeyEvent, usize),
    /// Bytes that are no key (an unknown or broken sequence).
    Skip(usize),
    Incomplete,
}

impl Decoder {
    /// Decodes `bytes` after what is pending into `out`, keeping an
    /// unfinished sequence at the end for the next read.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<KeyEvent>) {
        self.pending.extend_from_slice(bytes);
        let mut at = 0;
        while at < self.pending.len() {
            match step(&self.pending[at..]) {
                Step::Key(key, used) => {
                    out.push(key);
                    at += used;
                }
                Step::Skip(used) => at += used,
                Step::Incomplete => break,
            }
        }
        self.pending.drain(..at);
    }

    /// Whether bytes wait for more (then call `timeout` after `TIMEOUT`).
    pub fn pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Nothing came for `TIMEOUT`: a lone Esc is the Esc key, anything
    /// else unfinished is dropped.
    pub fn timeout(&mut self, out: &mut Vec<KeyEvent>) {
        if self.pending == [ESC] {
            out.push(KeyEvent::from(KeyCode::Esc));
        }
        self.pending.clear();
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers, used: usize) -> Step {
    Step::Key(KeyEvent::new(code, modifiers), used)
}

fn step(buf: &[u8]) -> Step {
    let none = KeyModifiers::NONE;
    match buf[0] {
        ESC => match buf.get(1) {
            None => Step::Incomplete,
            Some(b'[') => csi(buf),
            Some(b'O') => ss3(buf),
            Some(&ESC) => key(KeyCode::Esc, none, 1),
            Some(_) => match step(&buf[1..]) {
                Step::Key(mut event, used) => {
                    event.modifiers |= KeyModifiers::ALT;
                    Step::Key(event, used + 1)
                }
                Step::Skip(used) => Step::Skip(used + 1),
                Step::Incomplete => Step::Incomplete,
            },
        },
        b'\r' => key(KeyCode::Enter, none, 1),
        b'\t' => key(KeyCode::Tab, none, 1),
        0x7f => key(KeyCode::Backspace, none, 1),
        0 => key(KeyCode::Char(' '), KeyModifiers::CONTROL, 1),
        c @ 0x01..=0x1a => key(
            KeyCode::Char((c - 1 + b'a') as char),
            KeyModifiers::CONTROL,
            1,
        ),
        c @ 0x1c..=0x1f => key(
            KeyCode::Char((c - 0x1c + b'4') as char),
            KeyModifiers::CONTROL,
            1,
        ),
        _ => utf8(buf),
    }
}

/// One character; its modifiers as crossterm gives them (Shift on capitals).
fn utf8(buf: &[u8]) -> Step {
    let len = match buf[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    let Some(bytes) = buf.get(..len) else {
        // Wait for the rest, unless what came already cannot be a character.
        return match std::str::from_utf8(buf) {
            Err(e) if e.error_len().is_some() => Step::Skip(1),
            _ => Step::Incomplete,
        };
    };
    match std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) if c.is_uppercase() => key(KeyCode::Char(c), KeyModifiers::SHIFT, len),
        Some(c) => key(KeyCode::Char(c), KeyModifiers::NONE, len),
        None => Step::Skip(1),
    }
}

/// `ESC O x`: cursor keys in application mode, F1 to F4.
fn ss3(buf: &[u8]) -> Step {
    let Some(&last) = buf.get(2) else {
        return Step::Incomplete;
    };
    match final_key(last) {
        Some(code) => key(code, KeyModifiers::NONE, 3),
        None if (0x40..=0x7e).contains(&last) => Step::Skip(3),
        // A control byte or Esc: the sequence was cut; decode that byte.
        None => Step::Skip(2),
    }
}

/// The key of a sequence's final byte, where it alone says which.
fn final_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        _ => return None,
    })
}

/// `ESC [ params final`. Anything but parameter and intermediate bytes
/// before the final byte means the sequence was cut: it is dropped and
/// decoding goes on at that byte, so a Ctrl-C or Esc typed after a stray
/// `ESC [ ?` still acts.
fn csi(buf: &[u8]) -> Step {
    let Some(end) = buf[2..].iter().position(|b| !(0x20..=0x3f).contains(b)) else {
        return if buf.len() > MAX_SEQUENCE {
            Step::Skip(buf.len())
        } else {
            Step::Incomplete
        };
    };
    let end = end + 2;
    let last = buf[end];
    if !(0x40..=0x7e).contains(&last) {
        return Step::Skip(end);
    }
    let used = end + 1;
    let params = std::str::from_utf8(&buf[2..end]).unwrap_or("");
    let mut numbers = params.split(';').map(|p| p.parse::<u8>().ok());
    let first = numbers.next().flatten();
    let modifiers = modifiers(numbers.next().flatten());
    let code = match (last, first) {
        (b'Z', None) => return key(KeyCode::BackTab, KeyModifiers::SHIFT, used),
        (b'~', Some(n)) => match n {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            11..=15 => KeyCode::F(n - 10),
            17..=21 => KeyCode::F(n - 11),
            23 | 24 => KeyCode::F(n - 12),
            _ => return Step::Skip(used),
        },
        (_, None | Some(1)) if !params.starts_with(['?', '<', '>', '=']) => match final_key(last) {
            Some(code) => code,
            None => return Step::Skip(used),
        },
        _ => return Step::Skip(used),
    };
    key(code, modifiers, used)
}

/// The xterm modifier parameter: 1 + Shift 1, Alt 2, Ctrl 4.
fn modifiers(param: Option<u8>) -> KeyModifiers {
    let bits = param.map_or(0, |p| p.saturating_sub(1));
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            modifiers |= modifier;
        }
    }
    modifiers
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
