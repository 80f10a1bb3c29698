//! The user's configuration: `$XDG_CONFIG_HOME/chronicle/config.toml`
//! (else `~/.config/chronicle/config.toml`, or `--config FILE`). It picks
//! a theme, overrides style roles and rebinds keys over the defaults in
//! `assets/` (assets/config.example.toml documents it). A bad entry is
//! reported at its file:line:col and left at its default; nothing here
//! fails the program.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::{Table, Value};

use crate::app::keymap::Key;
use crate::app::{Action, Keymap};
use crate::corpus::diag::{Diagnostic, LineIndex};
use crate::corpus::fields::in_file_order;
use crate::read::Unread;
use crate::text::sanitize::sanitize_line;
use crate::ui::theme::{check_style, Theme};

const KEYMAP: &str = include_str!("../assets/keymap.toml");
const DEFAULT_THEME: &str = include_str!("../assets/themes/default.toml");
const MONO_THEME: &str = include_str!("../assets/themes/mono.toml");
/// Long enough that a held key's repeats (every 30–40 ms) do not stop to
/// redraw the panes, short enough to feel immediate after one press.
const FOLLOW_DELAY_MS: u64 = 100;
const MAX_FOLLOW_DELAY_MS: u64 = 5000;
const LAYERS: [&str; 3] = ["normal", "input", "overlay"];
const THEMES: [&str; 2] = ["default", "mono"];
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
        let mut problems = Vec::new();
        let lines = LineIndex::new(text);
        let mut report = |at: usize, message: String| {
            let (line, col) = lines.line_col(text, at);
            problems.push(Diagnostic {
                file: sanitize_line(file).into_owned(),
                line,
                col,
                message: sanitize_line(&message).into_owned(),
            });
        };
        let mut theme_name = "default".to_owned();
        let mut follow_ms = FOLLOW_DELAY_MS;
        let mut keys = parse_table(KEYMAP);
        let mut overrides = Table::new();
        match DeTable::parse(text) {
            Err(err) => {
                let at = err.span().map_or(0, |s| s.start);
                let message = err.message().trim().replace('\n', " ");
                report(at, format!("TOML syntax: {message}; using the defaults"));
            }
            Ok(doc) => {
                let full: Table = toml::from_str(text).unwrap_or_default();
                // The theme first: style overrides are checked against it.
                let theme = doc.get_ref().iter().filter(|(k, _)| k.get_ref() == "theme");
                for (key, value) in theme {
                    match value.get_ref() {
                        DeValue::String(name) if THEMES.contains(&name.as_ref()) => {
                            theme_name = name.to_string();
                        }
                        _ => report(
                            key.span().start,
                            "theme must be \"default\" or \"mono\"; using \"default\"".into(),
                        ),
                    }
                }
                for (key, value) in in_file_order(doc.get_ref()) {
                    let at = key.span().start;
                    match (
                        key.get_ref().as_ref(),
                        value.get_ref(),
                        full.get(key.get_ref().as_ref()),
                    ) {
                        ("theme", _, _) => {}
                        ("follow_delay_ms", DeValue::Integer(n), _) => {
                            match n.as_str().parse::<u64>() {
                                Ok(ms) if n.radix() == 10 && ms <= MAX_FOLLOW_DELAY_MS => {
                                    follow_ms = ms
                                }
                                _ => report(
                                    value.span().start,
                                    format!(
                                        "follow_delay_ms must be a whole number of \
                                         milliseconds from 0 to {MAX_FOLLOW_DELAY_MS}; \
                                         using {FOLLOW_DELAY_MS}"
                                    ),
                                ),
                            }
                        }
                        ("follow_delay_ms", _, _) => report(
                            value.span().start,
                            format!(
                                "follow_delay_ms must be a whole number of milliseconds \
                                 from 0 to {MAX_FOLLOW_DELAY_MS}; using {FOLLOW_DELAY_MS}"
                            ),
                        ),
                        ("keys", DeValue::Table(layers), _) => {
                            merge_keys(&mut keys, layers, &mut report)
                        }
                        ("styles", DeValue::Table(roles), Some(Value::Table(values))) => {
                            let base = parse_table(&theme_text(&theme_name));
                            merge_styles(&mut overrides, &base, roles, values, &mut report);
                        }
                        ("keys" | "styles", _, _) => {
                            report(at, format!("`{}` must be a table", key.get_ref()))
                        }
                        (other, _, _) => report(
                            at,
                            format!(
                                "unknown setting `{other}` \
                                 (expected theme, follow_delay_ms, keys or styles)"
                            ),
                        ),
                    }
                }
            }
        }
        if no_color {
            theme_name = "mono".into();
            for (_, style) in overrides.iter_mut() {
                if let Value::Table(t) = style {
                    t.remove("fg");
                    t.remove("bg");
                }
            }
        }
        let mut styles = parse_table(&theme_text(&theme_name));
        styles.extend(overrides);
        let styles_text = toml::to_string(&styles).unwrap_or_default();
        let theme = Theme::from_toml(&styles_text).unwrap_or_else(|_| match theme_name.as_str() {
            "mono" => Theme::mono(),
            _ => Theme::colour(),
        });
        let keys_text = toml::to_string(&keys).unwrap_or_default();
        let keymap = Keymap::from_toml(&keys_text).unwrap_or_default();
        let mut effective = Table::new();
        effective.insert("theme".into(), Value::String(theme_name));
        let ms = i64::try_from(follow_ms).unwrap_or(0);
        effective.insert("follow_delay_ms".into(), Value::Integer(ms));
        effective.insert("styles".into(), Value::Table(styles));
        effective.insert("keys".into(), Value::Table(keys));
        Config {
            keymap,
            theme,
            follow_delay: Duration::from_millis(follow_ms),
            toml: toml::to_string(&effective).unwrap_or_default(),
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

fn parse_table(text: &str) -> Table {
    toml::from_str(text).unwrap_or_default()
}

fn theme_text(name: &str) -> String {
    match name {
        "mono" => MONO_THEME.to_owned(),
        _ => DEFAULT_THEME.to_owned(),
    }
}

/// Each `[keys.LAYER] action = [...]` replaces that action's keys; its
/// keys are taken away from any other action of the layer.
fn merge_keys(keys: &mut Table, layers: &DeTable, report: &mut impl FnMut(usize, String)) {
    for (layer, actions) in in_file_order(layers) {
        let name = layer.get_ref().as_ref();
        let (Some(Value::Table(target)), DeValue::Table(actions)) =
            (keys.get_mut(name), actions.get_ref())
        else {
            let msg = format!(
                "unknown key layer `{name}` (expected one of: {}) or not a table",
                LAYERS.join(", ")
            );
            report(layer.span().start, msg);
            continue;
        };
        for (action, list) in in_file_order(actions) {
            let action_name = action.get_ref().as_ref();
            if Action::deserialize(Value::String(action_name.to_owned())).is_err() {
                report(
                    action.span().start,
                    format!("[keys.{name}] unknown action `{action_name}`"),
                );
                continue;
            }
            let DeValue::Array(items) = list.get_ref() else {
                report(list.span().start, format!("[keys.{name}] {action_name}: expected a list of keys like [\"q\", \"ctrl-c\"]"));
                continue;
            };
            let mut parsed = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::String(s) => match Key::parse(s) {
                        Ok(key) => parsed.push((key, s.to_string())),
                        Err(e) => report(
                            item.span().start,
                            format!("[keys.{name}] {action_name}: {e}"),
                        ),
                    },
                    _ => report(
                        item.span().start,
                        format!("[keys.{name}] {action_name}: keys must be strings"),
                    ),
                }
            }
            if parsed.len() != items.len() {
                continue;
            }
            let taken: Vec<Key> = parsed.iter().map(|(k, _)| *k).collect();
            for (other, bound) in target.iter_mut() {
                if let Value::Array(list) = bound {
                    if other != action_name {
                        list.retain(|v| {
                            v.as_str()
                                .and_then(|s| Key::parse(s).ok())
                                .is_none_or(|k| !taken.contains(&k))
                        });
                    }
                }
            }
            let list = parsed.into_iter().map(|(_, s)| Value::String(s)).collect();
            target.insert(action_name.to_owned(), Value::Array(list));
            if let Some(message) = keep_a_way_out(target, name) {
                report(action.span().start, message);
            }
        }
    }
}

/// The action of each layer without which a reader is stuck in it: in raw
/// mode Ctrl-C is only a key, so an explorer nobody can quit has to be
/// killed from another terminal.
const WAY_OUT: [(&str, &str); 3] = [
    ("normal", "quit"),
    ("input", "cancel"),
    ("overlay", "close"),
];

/// When a rebinding leaves a layer's way out with no key, gives it back its
/// default keys that nothing else took (else `ctrl-c`, taken back), and
/// says so.
fn keep_a_way_out(target: &mut Table, layer: &str) -> Option<String> {
    let (_, action) = WAY_OUT.iter().find(|(l, _)| *l == layer)?;
    let bound = |table: &Table, name: &str| match table.get(name) {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    if !bound(target, action).is_empty() {
        return None;
    }
    let defaults = match parse_table(KEYMAP).get(layer) {
        Some(Value::Table(t)) => bound(t, action),
        _ => Vec::new(),
    };
    let taken: Vec<String> = target
        .iter()
        .filter(|(other, _)| other.as_str() != *action)
        .flat_map(|(other, _)| bound(target, other))
        .collect();
    let mut back: Vec<String> = defaults
        .into_iter()
        .filter(|k| !taken.contains(k))
        .collect();
    if back.is_empty() {
        back.push("ctrl-c".into());
        for (_, list) in target.iter_mut() {
            if let Value::Array(list) = list {
                list.retain(|v| v.as_str() != Some("ctrl-c"));
            }
        }
    }
    let message = format!(
        "[keys.{layer}] leaves no key to {}; keeping {}",
        action.replace('_', " "),
        back.join(", ")
    );
    let list = back.into_iter().map(Value::String).collect();
    target.insert((*action).to_owned(), Value::Array(list));
    Some(message)
}

/// Each `[styles] ROLE = { ... }` replaces that role's style, once checked
/// against the theme parser.
fn merge_styles(
    overrides: &mut Table,
    base: &Table,
    roles: &DeTable,
    values: &Table,
    report: &mut impl FnMut(usize, String),
) {
    for (role, spec) in in_file_order(roles) {
        let name = role.get_ref().as_ref();
        if !base.contains_key(name) {
            let known: Vec<&str> = base.keys().map(String::as_str).collect();
            let msg = format!(
                "unknown style role `{name}` (expected one of: {})",
                known.join(", ")
            );
            report(role.span().start, msg);
            continue;
        }
        let Some(value @ Value::Table(_)) = values.get(name) else {
            let msg =
                format!("style `{name}` must be a table like {{ fg = \"cyan\", bold = true }}");
            report(spec.span().start, msg);
            continue;
        };
        match check_style(value.clone()) {
            Ok(()) => {
                overrides.insert(name.to_owned(), value.clone());
            }
            Err(e) => report(spec.span().start, format!("style `{name}`: {e}")),
        }
    }
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
