//! A reader's input bytes to session events: keys through the tty's own
//! decoder (arrows, Home/End, PgUp/PgDn, F-keys, Alt, UTF-8, a lone Esc
//! after `keys::TIMEOUT`), and bracketed pastes (`ESC [ 200 ~` ... `ESC
//! [ 201 ~`, which the server turns on) as one `Event::Paste`, so a pasted
//! `q` is text, never the quit key.

use crate::session::Event;
use crate::term::keys::{self, Decoder};

const START: &[u8] = b"\x1b[200~";
const END: &[u8] = b"\x1b[201~";
/// Pasted text kept at most; the rest of a longer paste is dropped.
const MAX_PASTE: usize = 64 << 10;

pub use keys::TIMEOUT;

#[derive(Default)]
pub struct Input {
    decoder: Decoder,
    /// Bytes that may be the start of a paste marker split over reads.
    held: Vec<u8>,
    /// The paste being read, if one is.
    paste: Option<Vec<u8>>,
}

impl Input {
    /// Decodes `bytes` into `out`, keeping an unfinished key or marker.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        let mut buf = std::mem::take(&mut self.held);
        buf.extend_from_slice(bytes);
        let mut rest = &buf[..];
        while !rest.is_empty() {
            match &mut self.paste {
                Some(paste) => match find(rest, END) {
                    Some(at) => {
                        keep(paste, &rest[..at]);
                        let text = std::mem::take(paste);
                        self.paste = None;
                        out.push(Event::Paste(pasted(&text)));
                        rest = &rest[at + END.len()..];
                    }
                    None => {
                        let cut = rest.len() - prefix_tail(rest, END);
                        keep(paste, &rest[..cut]);
                        self.held = rest[cut..].to_vec();
                        return;
                    }
                },
                None => match find(rest, START) {
                    Some(at) => {
                        self.keys(&rest[..at], out);
                        self.paste = Some(Vec::new());
                        rest = &rest[at + START.len()..];
                    }
                    None => {
                        let cut = rest.len() - prefix_tail(rest, START);
                        self.keys(&rest[..cut], out);
                        self.held = rest[cut..].to_vec();
                        return;
                    }
                },
            }
        }
    }

    /// Whether bytes wait for more (then call `timeout` after `TIMEOUT`).
    pub fn pending(&self) -> bool {
        self.paste.is_none() && (!self.held.is_empty() || self.decoder.pending())
    }

    /// Nothing came for `TIMEOUT`: a lone Esc is the Esc key, anything
    /// else unfinished is dropped. A paste waits for its end marker.
    pub fn timeout(&mut self, out: &mut Vec<Event>) {
        if self.paste.is_some() {
            return;
        }
        let held = std::mem::take(&mut self.held);
        self.keys(&held, out);
        let mut keys = Vec::new();
        self.decoder.timeout(&mut keys);
        out.extend(keys.into_iter().map(Event::Key));
    }

    fn keys(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        let mut keys = Vec::new();
        self.decoder.feed(bytes, &mut keys);
        out.extend(keys.into_iter().map(Event::Key));
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// How many bytes at the end of `buf` are a proper start of `marker`.
fn prefix_tail(buf: &[u8], marker: &[u8]) -> usize {
    (1..marker.len())
        .rev()
        .find(|&n| buf.len() >= n && buf[buf.len() - n..] == marker[..n])
        .unwrap_or(0)
}

fn keep(paste: &mut Vec<u8>, bytes: &[u8]) {
    let room = MAX_PASTE.saturating_sub(paste.len());
    paste.extend_from_slice(&bytes[..bytes.len().min(room)]);
}

/// Pasted bytes as text: invalid UTF-8 replaced, line breaks and tabs as
/// spaces, other control characters dropped.
fn pasted(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter_map(|c| match c {
            '\r' | '\n' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyModifiers;

    use super::*;

    /// What `chunks`, fed one after another, make; `then_timeout` adds a
    /// pause after the last.
    fn events(chunks: &[&[u8]], then_timeout: bool) -> Vec<String> {
        let mut input = Input::default();
        let mut out = Vec::new();
        for chunk in chunks {
            input.feed(chunk, &mut out);
        }
        if then_timeout {
            input.timeout(&mut out);
        }
        out.iter()
            .map(|e| match e {
                Event::Key(k) if k.modifiers == KeyModifiers::NONE => format!("{:?}", k.code),
                Event::Key(k) => format!("{:?}+{:?}", k.modifiers, k.code),
                Event::Paste(text) => format!("paste {text:?}"),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn keys_come_through_the_tty_decoder() {
        let got = events(
            &[
                b"\x1b[A\x1b[5~\x1b[6~\x1bOP\x1b[H\x1b[F",
                "é".as_bytes(),
                b"\x1bx",
            ],
            false,
        );
        assert_eq!(
            got,
            [
                "Up",
                "PageUp",
                "PageDown",
                "F(1)",
                "Home",
                "End",
                "Char('é')",
                "KeyModifiers(ALT)+Char('x')"
            ]
        );
    }

    #[test]
    fn a_paste_is_one_event_even_split_anywhere() {
        let whole: &[u8] = b"j\x1b[200~q line\r\nnext\x1b\x07\x1b[201~k";
        for cut in 0..whole.len() {
            let got = events(&[&whole[..cut], &whole[cut..]], false);
            assert_eq!(
                got,
                ["Char('j')", "paste \"q line  next\"", "Char('k')"],
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn a_lone_esc_is_a_key_after_the_pause_only() {
        assert!(events(&[b"\x1b"], false).is_empty());
        assert_eq!(events(&[b"\x1b"], true), ["Esc"]);
        // A paste marker's start held back is still keys after the pause.
        assert_eq!(events(&[b"\x1b[20"], true), Vec::<String>::new());
        assert_eq!(events(&[b"\x1b[2", b"4~"], false), ["F(12)"]);
    }

    #[test]
    fn pending_says_when_a_pause_matters() {
        let mut input = Input::default();
        let mut out = Vec::new();
        input.feed(b"\x1b", &mut out);
        assert!(input.pending());
        input.feed(b"[200~abc", &mut out);
        assert!(!input.pending(), "a paste waits for its end, not a pause");
        input.timeout(&mut out);
        input.feed(b"\x1b[201~", &mut out);
        assert_eq!(out.len(), 1);
        assert!(matches!(&out[0], Event::Paste(t) if t == "abc"));
    }

    #[test]
    fn a_huge_paste_is_cut() {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend(std::iter::repeat_n(b'a', MAX_PASTE * 2));
        bytes.extend_from_slice(b"\x1b[201~");
        let mut input = Input::default();
        let mut out = Vec::new();
        input.feed(&bytes, &mut out);
        assert!(matches!(&out[..], [Event::Paste(t)] if t.len() == MAX_PASTE));
    }
}
