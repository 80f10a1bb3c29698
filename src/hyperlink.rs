//! OSC 8 hyperlinks for article URLs. ratatui's cells cannot carry an
//! escape sequence (it would break their width), so after each frame the
//! linked cells are printed again, wrapped in OSC 8, at their place on
//! screen. Terminals that do not understand OSC 8 would show it as junk,
//! so it is only used where the terminal is known to support it.

use std::io::{self, Write};

use crossterm::cursor::MoveTo;
use crossterm::queue;
use crossterm::style::{Attribute, Print, ResetColor, SetAttribute, SetForegroundColor};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Buffer;

/// Whether to write hyperlinks, from the environment (`var` looks a
/// variable up). `CHRONICLE_HYPERLINKS=1` or `0` decides; otherwise only
/// terminals known to support OSC 8 get them. Over SSH usually only `TERM`
/// arrives, so most remote sessions get plain text unless told otherwise.
pub fn supported(var: impl Fn(&str) -> Option<String>) -> bool {
    match var("CHRONICLE_HYPERLINKS").as_deref() {
        Some("1") | Some("yes") | Some("on") => return true,
        Some("0") | Some("no") | Some("off") => return false,
        _ => {}
    }
    let term = var("TERM").unwrap_or_default();
    let term_program = var("TERM_PROGRAM").unwrap_or_default();
    let vte = var("VTE_VERSION")
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0);
    ["kitty", "foot", "wezterm", "alacritty", "ghostty"]
        .iter()
        .any(|t| term.contains(t))
        || ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(&term_program.as_str())
        || vte >= 5000
        || var("WT_SESSION").is_some()
        || var("KONSOLE_VERSION").is_some()
}

/// A URL that can go inside OSC 8: printable ASCII only, so nothing in it
/// can end the sequence early, and a web or mail address only: a corpus
/// from elsewhere must not put a `file:` or `javascript:` link under a
/// reader's click.
pub fn linkable(url: &str) -> bool {
    let printable = !url.is_empty() && url.bytes().all(|b| (0x21..=0x7e).contains(&b));
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let web = || rest.strip_prefix("//").is_some_and(|host| !host.is_empty());
    printable
        && match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" => web(),
            "mailto" => !rest.is_empty(),
            _ => false,
        }
}

/// Prints each link's cells again, as they are in `buffer`, inside an OSC 8
/// hyperlink. Links whose URL is not `linkable` are left as plain text.
pub fn write(
    out: &mut impl Write,
    buffer: &Buffer,
    links: &[(u16, u16, u16, String)],
) -> io::Result<()> {
    for (x, y, width, url) in links {
        if !linkable(url) {
            continue;
        }
        let end = x.saturating_add(*width).min(buffer.area.right());
        if *y >= buffer.area.bottom() || *x >= end {
            continue;
        }
        queue!(out, MoveTo(*x, *y), Print(format!("\x1b]8;;{url}\x1b\\")))?;
        for cx in *x..end {
            let cell = &buffer[(cx, *y)];
            queue!(
                out,
                SetForegroundColor(cell.fg.into_crossterm()),
                SetAttribute(Attribute::Underlined),
                Print(cell.symbol())
            )?;
        }
        queue!(
            out,
            Print("\x1b]8;;\x1b\\"),
            SetAttribute(Attribute::Reset),
            ResetColor
        )?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn only_known_terminals_or_an_explicit_yes_get_links() {
        assert!(supported(env(&[("TERM", "xterm-kitty")])));
        assert!(supported(env(&[
            ("TERM", "xterm-256color"),
            ("VTE_VERSION", "7600")
        ])));
        assert!(!supported(env(&[("TERM", "xterm-256color")])));
        assert!(!supported(env(&[
            ("TERM", "screen"),
            ("VTE_VERSION", "4000")
        ])));
        assert!(supported(env(&[
            ("TERM", "vt100"),
            ("CHRONICLE_HYPERLINKS", "1")
        ])));
        assert!(!supported(env(&[
            ("TERM", "xterm-kitty"),
            ("CHRONICLE_HYPERLINKS", "0")
        ])));
    }

    #[test]
    fn urls_that_could_break_out_of_the_sequence_are_refused() {
        assert!(linkable("https://example.org/a?b=c#d"));
        assert!(!linkable("https://example.org/a b"));
        assert!(!linkable("https://example.org/\u{7}x"));
        assert!(!linkable("https://пример.рф/"));
        assert!(!linkable("example.org"));
        assert!(!linkable(""));
    }

    #[test]
    fn only_web_and_mail_addresses_are_linked() {
        assert!(linkable("http://example.org/"));
        assert!(linkable("HTTPS://example.org/"));
        assert!(linkable("mailto:desk@example.org"));
        for url in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://example.org/",
            "data:text/html,x",
            "https://",
            "mailto:",
            ":https://example.org",
        ] {
            assert!(!linkable(url), "{url}");
        }
    }

    #[test]
    fn the_linked_cells_are_reprinted_inside_osc_8() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 20, 2));
        buffer.set_string(2, 1, "https://x.io", ratatui::style::Style::default());
        let mut out = Vec::new();
        let links = vec![
            (2, 1, 12, "https://x.io".to_owned()),
            (0, 0, 5, "javascript:alert(1) x".to_owned()),
        ];
        write(&mut out, &buffer, &links).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("\x1b[2;3H\x1b]8;;https://x.io\x1b\\"),
            "{text:?}"
        );
        assert!(text.contains("\x1b]8;;\x1b\\"));
        assert_eq!(
            visible(&text),
            "https://x.io",
            "the cells, and nothing else, are printed"
        );
        assert_eq!(
            text.matches("\x1b]8;;").count(),
            2,
            "one link opened and closed: {text:?}"
        );
    }

    /// What a terminal would show: the text without CSI and OSC sequences.
    fn visible(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                ('\x1b', Some('[')) => {
                    chars.next();
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                ('\x1b', Some(']')) => {
                    while let Some(c) = chars.next() {
                        if c == '\x1b' && chars.next_if_eq(&'\\').is_some() {
                            break;
                        }
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }
}
