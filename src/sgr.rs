//! What reaches the terminal: crossterm writes every colour, even the 16
//! ANSI ones, in the 256-colour form (`ESC[38;5;6m`). This writer turns
//! those into the 16-colour codes (`ESC[36m`) that every colour terminal
//! knows, a VT220-class one or a 16-colour console included, and that are
//! shorter: over a slow link, a selection move sends a fifth fewer bytes.
//!
//! Adjacent SGR sequences are sent as one (`ESC[1m ESC[36m` as
//! `ESC[1;36m`), whatever comes before a full reset in such a run is
//! dropped, as the reset undoes it, and so is a colour already set. Only complete SGR sequences
//! (`ESC [ params m`) are touched; every other byte, OSC hyperlinks
//! included, passes through unchanged. Bold changes no colour's code: a
//! 16-colour terminal knows no other form, so a dark colour under bold is
//! sent as 30–37 too (some terminals then draw it bright).

use std::io::{self, Write};

const ESC: u8 = 0x1b;
/// Longer control sequences are not SGR colours worth rewriting: they pass
/// through as they are.
const MAX_SEQUENCE: usize = 64;
/// Parameters sent in one merged sequence at most: terminals keep 16 or more.
const MAX_PARAMS: usize = 16;

pub struct Sgr16<W: Write> {
    inner: W,
    /// An escape sequence begun in one write and not yet ended.
    pending: Vec<u8>,
    /// The attributes set so far, as far as the SGR sequences written tell.
    pen: Pen,
    /// Parameter groups of adjacent SGR sequences not sent yet.
    run: Vec<String>,
}

/// Colours as their SGR groups (`"36"`, `"38;5;196"`; `"39"` and `"49"`
/// are the defaults). crossterm sets the foreground and background
/// together: the one that did not change is not sent again.
#[derive(Debug, Clone, PartialEq)]
struct Pen {
    fg: String,
    bg: String,
}

impl Default for Pen {
    fn default() -> Pen {
        Pen {
            fg: "39".into(),
            bg: "49".into(),
        }
    }
}

impl Pen {
    /// After a sequence not understood: every colour is sent again.
    fn unknown() -> Pen {
        Pen {
            fg: String::new(),
            bg: String::new(),
        }
    }
}

impl<W: Write> Sgr16<W> {
    pub fn new(inner: W) -> Sgr16<W> {
        Sgr16 {
            inner,
            pending: Vec::with_capacity(MAX_SEQUENCE),
            pen: Pen::default(),
            run: Vec::new(),
        }
    }

    /// Sends the SGR run as one sequence.
    fn send_run(&mut self) -> io::Result<()> {
        if self.run.is_empty() {
            return Ok(());
        }
        let params = self.run.join(";");
        self.run.clear();
        write!(self.inner, "\x1b[{params}m")
    }

    /// Adds a parameter group to the run, sending the run first when it
    /// would grow too long.
    fn push(&mut self, group: String) -> io::Result<()> {
        let queued: usize = self.run.iter().map(|g| g.split(';').count()).sum();
        if queued + group.split(';').count() > MAX_PARAMS {
            self.send_run()?;
        }
        self.run.push(group);
        Ok(())
    }

    /// Adds an SGR sequence's parameter groups to the run, leaving out
    /// those that change nothing.
    fn add_sgr(&mut self, params: &str) -> io::Result<()> {
        for group in groups(params) {
            let group = match group.as_str() {
                "" | "0" => {
                    self.pen = Pen::default();
                    self.run.clear();
                    self.run.push("0".into());
                    continue;
                }
                _ => match colour(&group) {
                    Some((background, short)) => {
                        let slot = if background {
                            &mut self.pen.bg
                        } else {
                            &mut self.pen.fg
                        };
                        if *slot == short {
                            continue;
                        }
                        slot.clone_from(&short);
                        short
                    }
                    None => group,
                },
            };
            self.push(group)?;
        }
        Ok(())
    }

    /// Handles the sequence in `pending` once it is complete or too long.
    fn end_sequence(&mut self) -> io::Result<()> {
        let seq = std::mem::take(&mut self.pending);
        let sgr = seq.len() >= 3
            && seq[1] == b'['
            && seq.last() == Some(&b'm')
            && seq[2..seq.len() - 1]
                .iter()
                .all(|b| b.is_ascii_digit() || *b == b';');
        if sgr {
            let params = std::str::from_utf8(&seq[2..seq.len() - 1]).unwrap_or_default();
            self.add_sgr(params)?;
        } else {
            // Only a CSI that moves the cursor or sets a mode leaves the
            // attributes alone; after anything else they are not known.
            let harmless = seq.len() >= 3
                && seq[1] == b'['
                && seq
                    .last()
                    .is_some_and(|&b| (0x40..=0x7e).contains(&b) && b != b'm' && b != b'p');
            if !harmless {
                self.pen = Pen::unknown();
            }
            self.send_run()?;
            self.inner.write_all(&seq)?;
        }
        self.pending = seq;
        self.pending.clear();
        Ok(())
    }
}

impl<W: Write> Write for Sgr16<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while !rest.is_empty() {
            if self.pending.is_empty() {
                let plain = rest.iter().position(|&b| b == ESC).unwrap_or(rest.len());
                if plain > 0 {
                    self.send_run()?;
                    self.inner.write_all(&rest[..plain])?;
                }
                rest = &rest[plain..];
                if let Some((&esc, after)) = rest.split_first() {
                    self.pending.push(esc);
                    rest = after;
                }
                continue;
            }
            let b = rest[0];
            rest = &rest[1..];
            self.pending.push(b);
            let ended = match self.pending.len() {
                // Only CSI sequences can be SGR; anything else ends here.
                2 => b != b'[',
                _ => (0x40..=0x7e).contains(&b),
            };
            if ended || self.pending.len() >= MAX_SEQUENCE {
                self.end_sequence()?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send_run()?;
        if !self.pending.is_empty() {
            let seq = std::mem::take(&mut self.pending);
            self.pen = Pen::unknown();
            self.inner.write_all(&seq)?;
        }
        self.inner.flush()
    }
}

/// SGR parameters in groups: a colour's `38;5;n` or `38;2;r;g;b` is one
/// group, so that its numbers are not read as codes of their own.
fn groups(params: &str) -> Vec<String> {
    // Numbers as numbers: `01` is bold and `00` a reset.
    let tokens: Vec<String> = params
        .split(';')
        .map(|t| {
            t.parse::<u32>()
                .map_or_else(|_| t.to_owned(), |n| n.to_string())
        })
        .collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let len = match (tokens[i].as_str(), tokens.get(i + 1).map(String::as_str)) {
            ("38" | "48" | "58", Some("5")) => 3,
            ("38" | "48" | "58", Some("2")) => 5,
            _ => 1,
        };
        let end = (i + len).min(tokens.len());
        out.push(tokens[i..end].join(";"));
        i = end;
    }
    out
}

/// A foreground or background colour group (`true` for background) in its
/// shortest form: colours 0–15 in their 16-colour codes.
fn colour(group: &str) -> Option<(bool, String)> {
    let (background, rest) = match group.split_once(';') {
        Some(("38", rest)) => (false, rest),
        Some(("48", rest)) => (true, rest),
        _ => {
            let code: u8 = group.parse().ok()?;
            return match code {
                30..=39 | 90..=97 => Some((false, group.to_owned())),
                40..=49 | 100..=107 => Some((true, group.to_owned())),
                _ => None,
            };
        }
    };
    let index = rest.strip_prefix("5;").and_then(|n| n.parse::<u8>().ok());
    let short = match (background, index) {
        (false, Some(n @ 0..=7)) => format!("{}", 30 + n),
        (false, Some(n @ 8..=15)) => format!("{}", 90 + n - 8),
        (true, Some(n @ 0..=7)) => format!("{}", 40 + n),
        (true, Some(n @ 8..=15)) => format!("{}", 100 + n - 8),
        _ => group.to_owned(),
    };
    Some((background, short))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `Sgr16` writes for `chunks` written one after another.
    fn through(chunks: &[&[u8]]) -> String {
        let mut w = Sgr16::new(Vec::new());
        for chunk in chunks {
            w.write_all(chunk).unwrap();
        }
        w.flush().unwrap();
        String::from_utf8(w.inner).unwrap()
    }

    #[test]
    fn the_16_colours_get_their_own_codes() {
        assert_eq!(through(&[b"\x1b[38;5;6;49mx"]), "\x1b[36mx");
        assert_eq!(
            through(&[b"\x1b[38;5;8mx\x1b[48;5;6m"]),
            "\x1b[90mx\x1b[46m"
        );
        assert_eq!(through(&[b"\x1b[38;5;15;48;5;9m"]), "\x1b[97;101m");
    }

    #[test]
    fn other_colours_and_sequences_pass_unchanged() {
        let same = [
            "\x1b[38;5;196mred",
            "\x1b[38;2;1;5;6m",
            "\x1b[48;2;0;0;0;1m",
            "\x1b[58;5;3m",
            "\x1b[12;40H",
            "\x1b[?25l",
            "\x1b]8;;https://example.org/a;b\x1b\\link\x1b]8;;\x1b\\",
            "plain text, “quotes” and 朝鮮",
        ];
        for text in same {
            assert_eq!(through(&[text.as_bytes()]), text);
        }
    }

    #[test]
    fn a_dark_foreground_under_bold_is_sent_in_its_16_colour_code() {
        assert_eq!(
            through(&[b"\x1b[1m\x1b[38;5;0;48;5;6mx\x1b[0m\x1b[38;5;0m"]),
            "\x1b[1;30;46mx\x1b[0;30m"
        );
        assert_eq!(through(&[b"\x1b[1m\x1b[38;5;12m"]), "\x1b[1;94m");
        assert_eq!(through(&[b"\x1b[1m\x1b[22m\x1b[38;5;2m"]), "\x1b[1;22;32m");
    }

    /// Every one of the 16 colours, as foreground or background, set before
    /// or after bold, before or after an unknown sequence: only 30–37,
    /// 90–97, 40–47 and 100–107 go out.
    #[test]
    fn the_16_colours_never_go_out_in_the_256_colour_form() {
        for n in 0..16u8 {
            for layer in ["38", "48"] {
                let set = format!("\x1b[{layer};5;{n}m");
                let code = match (layer, n) {
                    ("38", 0..=7) => 30 + n,
                    ("38", _) => 90 + n - 8,
                    (_, 0..=7) => 40 + n,
                    _ => 100 + n - 8,
                };
                for input in [
                    format!("\x1b[1m{set}x"),
                    format!("{set}\x1b[1mx\x1b[22my"),
                    format!("\x1b[1m\x1b7{set}x"),
                    format!("\x1b[01;{layer};5;{n}mx\x1b[0m\x1b[1m{set}y"),
                ] {
                    let out = through(&[input.as_bytes()]);
                    let params: Vec<u8> = out
                        .split("\x1b[")
                        .filter_map(|s| s.split_once('m'))
                        .flat_map(|(p, _)| p.split(';').filter_map(|n| n.parse().ok()))
                        .collect();
                    assert!(params.contains(&code), "{input:?} -> {out:?}");
                    assert!(
                        !params.iter().any(|p| matches!(p, 38 | 48)),
                        "{input:?} -> {out:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn adjacent_sequences_merge_and_a_reset_drops_what_it_undoes() {
        assert_eq!(
            through(&[b"x\x1b[39m\x1b[49m\x1b[59m\x1b[0m\x1b[?25l"]),
            "x\x1b[0m\x1b[?25l"
        );
        assert_eq!(through(&[b"\x1b[1m", b"\x1b[m", b"\x1b[7mx"]), "\x1b[0;7mx");
        let many = "\x1b[1;2;3;4;5;6;7;8m".repeat(3);
        assert_eq!(
            through(&[many.as_bytes(), b"x"]),
            "\x1b[1;2;3;4;5;6;7;8;1;2;3;4;5;6;7;8m\x1b[1;2;3;4;5;6;7;8mx"
        );
    }

    #[test]
    fn a_colour_already_set_is_not_sent_again() {
        assert_eq!(
            through(&[b"\x1b[38;5;6;49mA\x1b[38;5;6;48;5;1mB\x1b[0mC\x1b[39m\x1b[49mD"]),
            "\x1b[36mA\x1b[41mB\x1b[0mCD"
        );
    }

    #[test]
    fn bold_after_a_dark_colour_does_not_send_the_colour_again() {
        assert_eq!(
            through(&[b"\x1b[38;5;6mA\x1b[1mB\x1b[22mC"]),
            "\x1b[36mA\x1b[1mB\x1b[22mC"
        );
        assert_eq!(through(&[b"\x1b[38;5;14mA\x1b[1mB"]), "\x1b[96mA\x1b[1mB");
    }

    #[test]
    fn numbers_are_read_as_numbers_and_unknown_forms_forget_the_pen() {
        assert_eq!(
            through(&[b"\x1b[36mA\x1b[00mB\x1b[36mC"]),
            "\x1b[36mA\x1b[0mB\x1b[36mC"
        );
        assert_eq!(through(&[b"\x1b[01m\x1b[38;5;0mA"]), "\x1b[1;30mA");
        // A colon form passes as it is, and the next colour is sent again.
        assert_eq!(
            through(&[b"\x1b[38:5:1mA\x1b[39mB"]),
            "\x1b[38:5:1mA\x1b[39mB"
        );
        assert_eq!(
            through(&[b"\x1b[38;5;6mA\x1b7\x1b[38;5;6mB\x1b[2;3H\x1b[38;5;6mC"]),
            "\x1b[36mA\x1b7\x1b[36mB\x1b[2;3HC"
        );
    }

    #[test]
    fn sequences_split_across_writes_are_joined() {
        assert_eq!(
            through(&[b"a\x1b", b"[38;5", b";4", b"mb\x1b", b"[2J"]),
            "a\x1b[34mb\x1b[2J"
        );
    }

    #[test]
    fn a_runaway_sequence_is_passed_on_as_it_is() {
        let long = format!("\x1b[{}", "1;".repeat(100));
        assert_eq!(through(&[long.as_bytes()]), long);
        assert_eq!(through(&[b"\x1b"]), "\x1b");
    }
}
