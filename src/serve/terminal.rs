//! What a client said about its terminal: the pty request's TERM and size,
//! and the few environment requests kept. A reader's colours, theme and
//! hyperlinks come from these and the server's `--config` alone, never
//! from the server's environment.

use std::path::PathBuf;
use std::time::Duration;

use crate::app::Keymap;
use crate::config::{colour_off, Config, THEMES};
use crate::session::Settings;
use crate::ui::theme::Theme;

/// Environment requests kept; every other one is refused.
pub const KEPT: [&str; 5] = [
    "NO_COLOR",
    "COLORTERM",
    "CHRONICLE_HYPERLINKS",
    "CHRONICLE_THEME",
    "TERM_PROGRAM",
];
/// What every reader's session starts from: the keys, theme and follow
/// delay of the server's `--config` (else the defaults), read once.
#[derive(Debug, Clone)]
pub struct Base {
    pub keymap: Keymap,
    pub follow_delay: Duration,
    /// The config's theme with its style overrides.
    pub colour: Theme,
    /// The same for a reader without colour (NO_COLOR, a mono terminal).
    pub mono: Theme,
}

impl Base {
    /// From a config read as a colour terminal and as a mono one.
    pub fn new(colour: Config, mono: Config) -> Base {
        Base {
            keymap: colour.keymap,
            follow_delay: colour.follow_delay,
            colour: colour.theme,
            mono: mono.theme,
        }
    }
}

impl Default for Base {
    fn default() -> Base {
        Base::new(
            Config::from_text("", "", false),
            Config::from_text("", "", true),
        )
    }
}
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

    /// The reader's session settings: the server's keys and timing, their
    /// theme (the one they asked for, else the server's; mono without
    /// colour), hyperlinks where their terminal shows them.
    pub fn settings(&self, base: &Base, export_dir: Option<PathBuf>) -> Settings {
        let theme = if !self.colour() {
            base.mono
        } else {
            match self.var("CHRONICLE_THEME").as_deref() {
                Some("default") => Theme::colour(),
                Some("mono") => Theme::mono(),
                _ => base.colour,
            }
        };
        Settings {
            keymap: base.keymap.clone(),
            theme,
            hyperlinks: crate::hyperlink::supported(|name| self.var(name)),
            follow_delay: base.follow_delay,
            export_dir,
        }
    }

    /// The theme the reader asked for, when no embedded theme has that name.
    pub fn unknown_theme(&self) -> Option<String> {
        self.var("CHRONICLE_THEME")
            .filter(|name| !THEMES.contains(&name.as_str()))
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
        let base = Base::default();
        assert!(
            terminal("xterm-kitty", &[])
                .settings(&base, None)
                .hyperlinks
        );
        assert!(
            !terminal("xterm-256color", &[])
                .settings(&base, None)
                .hyperlinks
        );
        let asked = terminal("xterm", &[("CHRONICLE_HYPERLINKS", "1")]);
        assert!(asked.settings(&base, None).hyperlinks);
    }

    /// A base whose config picks the mono theme and a follow delay of 0.
    fn configured() -> Base {
        let text = "theme = \"mono\"\nfollow_delay_ms = 0\n[keys.normal]\nquit = [\"x\"]\n";
        let colour = Config::from_text("serve.toml", text, false);
        assert!(colour.problems.is_empty(), "{:?}", colour.problems);
        Base::new(colour, Config::from_text("serve.toml", text, true))
    }

    #[test]
    fn every_session_starts_from_the_servers_config() {
        let settings = terminal("xterm-256color", &[]).settings(&configured(), None);
        assert_eq!(settings.theme, Theme::mono());
        assert_eq!(settings.follow_delay, Duration::ZERO);
        let x = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('x'));
        let layer = crate::app::Layer::Normal;
        assert_eq!(
            settings.keymap.action(layer, &x),
            Some(crate::app::Action::Quit)
        );
    }

    #[test]
    fn a_reader_picks_an_embedded_theme_by_name() {
        let base = configured();
        let asked = terminal("xterm-256color", &[("CHRONICLE_THEME", "default")]);
        assert_eq!(asked.settings(&base, None).theme, Theme::colour());
        assert_eq!(asked.unknown_theme(), None);
        let default = Base::default();
        let mono = terminal("xterm-256color", &[("CHRONICLE_THEME", "mono")]);
        assert_eq!(mono.settings(&default, None).theme, Theme::mono());
    }

    #[test]
    fn an_unknown_theme_gets_the_servers_and_is_named() {
        let base = Base::default();
        let asked = terminal("xterm-256color", &[("CHRONICLE_THEME", "solarized")]);
        assert_eq!(asked.settings(&base, None).theme, base.colour);
        assert_eq!(asked.unknown_theme().as_deref(), Some("solarized"));
    }

    #[test]
    fn no_color_wins_over_a_theme_asked_for() {
        let base = Base::default();
        let env = [("CHRONICLE_THEME", "default"), ("NO_COLOR", "1")];
        assert_eq!(
            terminal("xterm-256color", &env).settings(&base, None).theme,
            Theme::mono()
        );
    }

    #[test]
    fn the_names_are_those_of_the_embedded_themes() {
        let mut files: Vec<String> = std::fs::read_dir("assets/themes")
            .expect("assets/themes")
            .flatten()
            .filter_map(|e| Some(e.file_name().to_str()?.strip_suffix(".toml")?.to_owned()))
            .collect();
        files.sort();
        assert_eq!(files, THEMES);
    }

    #[test]
    fn sizes_are_capped() {
        assert_eq!(size(80, 24), (80, 24));
        assert_eq!(size(100_000, 70_000), MAX_SIZE);
        assert_eq!(size(0, 0), (0, 0));
    }
}
