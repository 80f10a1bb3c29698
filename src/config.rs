//! The user's configuration: `$XDG_CONFIG_HOME/chronicle/config.toml`
//! (else `~/.config/chronicle/config.toml`, or `--config FILE`). It picks
//! a theme, overrides style roles and rebinds keys over the defaults in
//! `assets/` (assets/config.example.toml documents it). A bad entry is
//! reported at its file:line:col and left at its default; nothing here
//! fails the program.

use std::path::{Path, PathBuf};
use std::time::Duration;

mod partial;
mod settings;

use toml::de::DeTable;
use toml::Table;

use crate::app::Keymap;
use crate::corpus::diag::{Diagnostic, LineIndex};
use crate::read::Unread;
use crate::text::sanitize::sanitize_line;
use crate::ui::theme::Theme;
use partial::Partial;
/// The names of the embedded themes (assets/themes).
pub use partial::THEMES;
use settings::Settings;

/// A config is a few dozen lines; past this it is not one.
const CONFIG_LIMIT: u64 = 16 << 20;

/// The effective configuration.
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// How long the timeline cursor rests before the article and event
    /// panes follow it: over a slow link, a run of moves then sends only
    /// the rows that change.
    pub follow_delay: Duration,
    /// The effective settings as a config file would write them.
    pub toml: String,
    /// Problems with the file, each pointing at it.
    pub problems: Vec<Diagnostic>,
}

/// Where the config file is looked for: `--config`, else the XDG config
/// directory, else `~/.config`. `None` when there is no home either.
pub fn path(explicit: Option<&Path>, xdg: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let base = match (xdg.filter(|x| Path::new(x).is_absolute()), home) {
        (Some(x), _) => PathBuf::from(x),
        (None, Some(h)) if !h.is_empty() => Path::new(h).join(".config"),
        _ => return None,
    };
    Some(base.join("chronicle").join("config.toml"))
}

impl Config {
    /// Reads the config for this environment. A missing file at the
    /// default place is no problem; a missing `--config FILE` is.
    pub fn load(explicit: Option<&Path>, no_color: bool) -> Config {
        let xdg = std::env::var("XDG_CONFIG_HOME").ok();
        let home = std::env::var("HOME").ok();
        let Some(file) = path(explicit, xdg.as_deref(), home.as_deref()) else {
            return Config::from_text("", "", no_color);
        };
        let shown = file.to_string_lossy().into_owned();
        let read = crate::read::regular_file(&file, CONFIG_LIMIT).and_then(|bytes| {
            String::from_utf8(bytes).map_err(|_| {
                Unread::Io(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "stream did not contain valid UTF-8",
                ))
            })
        });
        match read {
            Ok(text) => Config::from_text(&shown, &text, no_color),
            Err(Unread::Io(err))
                if err.kind() == std::io::ErrorKind::NotFound && explicit.is_none() =>
            {
                Config::from_text("", "", no_color)
            }
            Err(unread) => {
                let message = match unread {
                    Unread::Io(err) => format!("cannot read the config: {err}"),
                    other => other.to_string(),
                };
                let mut config = Config::from_text("", "", no_color);
                config.problems.push(Diagnostic {
                    file: sanitize_line(&shown).into_owned(),
                    line: 1,
                    col: 1,
                    message: format!("{message}; using the defaults"),
                });
                config
            }
        }
    }

    /// The config from a file's text. `no_color` forces the mono theme and
    /// drops colours from style overrides.
    pub fn from_text(file: &str, text: &str, no_color: bool) -> Config {
        let mut found = Vec::new();
        let partial = match DeTable::parse(text) {
            Err(err) => {
                let at = err.span().map_or(0, |s| s.start);
                let message = err.message().trim().replace('\n', " ");
                found.push((at, format!("TOML syntax: {message}; using the defaults")));
                Partial::default()
            }
            Ok(doc) => {
                let full: Table = toml::from_str(text).unwrap_or_default();
                // The theme first: style overrides are checked against it.
                let theme = partial::theme(doc.get_ref(), &mut found);
                let roles = settings::theme_styles(theme.as_deref().unwrap_or("default"));
                partial::read(doc.get_ref(), &full, theme, &roles, &mut found)
            }
        };
        let settings = Settings::merge(partial, no_color, &mut found);
        let lines = LineIndex::new(text);
        let problems = found
            .into_iter()
            .map(|(at, message)| {
                let (line, col) = lines.line_col(text, at);
                Diagnostic {
                    file: sanitize_line(file).into_owned(),
                    line,
                    col,
                    message: sanitize_line(&message).into_owned(),
                }
            })
            .collect();
        let theme = Theme::from_styles(&settings.styles).unwrap_or_else(|_| {
            match settings.theme.as_str() {
                "mono" => Theme::mono(),
                _ => Theme::colour(),
            }
        });
        let keymap = Keymap::from_names(&settings.keys).unwrap_or_default();
        Config {
            keymap,
            theme,
            follow_delay: Duration::from_millis(settings.follow_delay_ms),
            toml: toml::to_string(&settings).unwrap_or_default(),
            problems,
        }
    }
}

/// True when colour is off: `NO_COLOR` set to anything but empty
/// (no-color.org), or TERM=dumb.
pub fn colour_off(no_color: Option<&str>, term: Option<&str>) -> bool {
    no_color.is_some_and(|v| !v.is_empty()) || term == Some("dumb")
}

/// `colour_off` for this process's environment.
pub fn no_color_from_env() -> bool {
    let no_color = std::env::var("NO_COLOR").ok();
    let term = std::env::var("TERM").ok();
    colour_off(no_color.as_deref(), term.as_deref())
}

/// The config for the explorer; its problems are printed on stderr (seen
/// after quitting) and returned so the problems overlay lists them too.
pub fn for_explorer(explicit: Option<&Path>) -> Config {
    let config = Config::load(explicit, no_color_from_env());
    for problem in &config.problems {
        eprintln!("chronicle: config: {problem}");
    }
    config
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
