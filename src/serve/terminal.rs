//! What a client said about its terminal: the pty request's TERM and size,
//! and the few environment requests kept. A reader's colours, theme and
//! hyperlinks come from these alone, never from the server's environment.

use std::path::PathBuf;

use crate::config::{colour_off, Config};
use crate::session::Settings;
use crate::ui::theme::Theme;

/// Environment requests kept; every other one is refused.
pub const KEPT: [&str; 4] = [
    "NO_COLOR",
    "COLORTERM",
    "CHRONICLE_HYPERLINKS",
    "TERM_PROGRAM",
];
/// The largest screen drawn: a client asking for more gets this much, so
/// no request makes a session's buffers huge.
pub const MAX_SIZE: (u16, u16) = (512, 256);
/// Terminals that show no colour unless COLORTERM says otherwise.
const MONOCHROME: [&str; 6] = ["vt52", "vt100", "vt102", "vt220", "vt320", "xterm-mono"];

#[derive(Debug, Clone, Default)]
pub struct Terminal {
    /// Whether a pty was requested (else the reader gets a plain listing).
    pub pty: bool,
    pub term: String,
    /// Columns and rows.
    pub size: (u16, u16),
    env: Vec<(String, String)>,
}

impl Terminal {
    /// The pty request: TERM and the size in characters.
    pub fn pty(&mut self, term: &str, columns: u32, rows: u32) {
        self.pty = true;
        self.term = term.to_owned();
        self.size = size(columns, rows);
    }

    /// An environment request; false when the variable is not kept.
    pub fn env(&mut self, name: &str, value: &str) -> bool {
        if !KEPT.contains(&name) || value.len() > 256 {
            return false;
        }
        self.env.retain(|(n, _)| n != name);
        self.env.push((name.to_owned(), value.to_owned()));
        true
    }

    fn var(&self, name: &str) -> Option<String> {
        if name == "TERM" {
            return Some(self.term.clone());
        }
        self.env
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    /// Whether this reader gets colours: not with NO_COLOR, nor on a dumb
    /// or unnamed terminal, nor on a monochrome one unless COLORTERM is set.
    pub fn colour(&self) -> bool {
        let no_color = self.var("NO_COLOR");
        let term = self.term.as_str();
        let colorterm = self.var("COLORTERM").is_some_and(|v| !v.is_empty());
        !colour_off(no_color.as_deref(), Some(term))
            && !term.is_empty()
            && (colorterm || !MONOCHROME.contains(&term))
    }

    /// The reader's session settings: the default keys and timing, the
    /// colour or mono theme, hyperlinks where their terminal shows them.
    pub fn settings(&self, export_dir: Option<PathBuf>) -> Settings {
        let colour = self.colour();
        let defaults = Config::from_text("", "", !colour);
        Settings {
            keymap: defaults.keymap,
            theme: if colour {
                Theme::colour()
            } else {
                Theme::mono()
            },
            hyperlinks: crate::hyperlink::supported(|name| self.var(name)),
            follow_delay: defaults.follow_delay,
            export_dir,
        }
    }
}

/// A size from the client, at most `MAX_SIZE`.
pub fn size(columns: u32, rows: u32) -> (u16, u16) {
    let clamp = |n: u32, max: u16| u16::try_from(n).unwrap_or(max).min(max);
    (clamp(columns, MAX_SIZE.0), clamp(rows, MAX_SIZE.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terminal(term: &str, env: &[(&str, &str)]) -> Terminal {
        let mut t = Terminal::default();
        t.pty(term, 80, 24);
        for (name, value) in env {
            t.env(name, value);
        }
        t
    }

    #[test]
    fn colour_comes_from_the_clients_term_and_env_only() {
        assert!(terminal("xterm-256color", &[]).colour());
        assert!(!terminal("xterm-256color", &[("NO_COLOR", "1")]).colour());
        assert!(terminal("xterm-256color", &[("NO_COLOR", "")]).colour());
        assert!(!terminal("dumb", &[("COLORTERM", "truecolor")]).colour());
        assert!(!terminal("", &[]).colour());
        assert!(!terminal("vt100", &[]).colour());
        assert!(terminal("vt100", &[("COLORTERM", "truecolor")]).colour());
    }

    #[test]
    fn only_kept_variables_are_taken() {
        let mut t = Terminal::default();
        assert!(t.env("NO_COLOR", "1"));
        assert!(!t.env("LD_PRELOAD", "/tmp/x.so"));
        assert!(!t.env("COLORTERM", &"x".repeat(300)));
        assert_eq!(t.var("NO_COLOR").as_deref(), Some("1"));
        assert_eq!(t.var("LD_PRELOAD"), None);
    }

    #[test]
    fn hyperlinks_follow_the_clients_terminal() {
        assert!(terminal("xterm-kitty", &[]).settings(None).hyperlinks);
        assert!(!terminal("xterm-256color", &[]).settings(None).hyperlinks);
        let asked = terminal("xterm", &[("CHRONICLE_HYPERLINKS", "1")]);
        assert!(asked.settings(None).hyperlinks);
    }

    #[test]
    fn sizes_are_capped() {
        assert_eq!(size(80, 24), (80, 24));
        assert_eq!(size(100_000, 70_000), MAX_SIZE);
        assert_eq!(size(0, 0), (0, 0));
    }
}
