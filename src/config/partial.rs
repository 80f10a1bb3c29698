//! A config file read into typed values, entry by entry: every setting is
//! optional, and an entry that is wrong is reported at its file position
//! and left out, so that the rest still applies.

use serde::Deserialize;
use toml::de::{DeTable, DeValue};
use toml::{Table, Value};

use crate::app::keymap::Key;
use crate::app::Action;
use crate::corpus::fields::in_file_order;
use crate::ui::theme::{check_style, StyleSpec as Style, Styles};

pub const LAYERS: [&str; 3] = ["normal", "input", "overlay"];
pub const THEMES: [&str; 2] = ["default", "mono"];
/// Long enough that a held key's repeats (every 30–40 ms) do not stop to
/// redraw the panes, short enough to feel immediate after one press.
pub const FOLLOW_DELAY_MS: u64 = 100;
pub const MAX_FOLLOW_DELAY_MS: u64 = 5000;

/// `[keys.LAYER] action = [...]`: the action's new keys, parsed and as
/// written. A problem found merging it points at `at`, where the entry
/// starts, and is listed after the first `after` problems of the file, as
/// if found reading it.
#[derive(Debug, Clone)]
pub struct Rebinding {
    pub layer: String,
    pub action: String,
    pub keys: Vec<(Key, String)>,
    pub at: usize,
    pub after: usize,
}

/// What a config file sets; what it leaves out stays at its default.
#[derive(Debug, Clone, Default)]
pub struct Partial {
    pub theme: Option<String>,
    pub follow_delay_ms: Option<u64>,
    /// In file order: a key taken twice goes to the action written last.
    pub keys: Vec<Rebinding>,
    /// Whole-role replacements, in file order.
    pub styles: Vec<(String, Style)>,
}

/// Problems at byte offsets of the file, in the order they are found.
pub type Problems = Vec<(usize, String)>;

/// The theme a document names, read before the rest: style overrides are
/// checked against it.
pub fn theme(doc: &DeTable, problems: &mut Problems) -> Option<String> {
    let mut theme = None;
    for (key, value) in doc.iter().filter(|(k, _)| k.get_ref() == "theme") {
        match value.get_ref() {
            DeValue::String(name) if THEMES.contains(&name.as_ref()) => {
                theme = Some(name.to_string());
            }
            _ => problems.push((
                key.span().start,
                "theme must be \"default\" or \"mono\"; using \"default\"".into(),
            )),
        }
    }
    theme
}

/// Every setting but the theme, in file order. `full` is the same document
/// without spans; `roles` are the style roles of the theme it names.
pub fn read(
    doc: &DeTable,
    full: &Table,
    theme: Option<String>,
    roles: &Styles,
    problems: &mut Problems,
) -> Partial {
    let mut partial = Partial {
        theme,
        ..Partial::default()
    };
    for (key, value) in in_file_order(doc) {
        let at = key.span().start;
        let name = key.get_ref().as_ref();
        match (name, value.get_ref(), full.get(name)) {
            ("theme", _, _) => {}
            ("follow_delay_ms", delay, _) => match follow_delay(delay) {
                Some(ms) => partial.follow_delay_ms = Some(ms),
                None => problems.push((
                    value.span().start,
                    format!(
                        "follow_delay_ms must be a whole number of milliseconds \
                         from 0 to {MAX_FOLLOW_DELAY_MS}; using {FOLLOW_DELAY_MS}"
                    ),
                )),
            },
            ("keys", DeValue::Table(layers), _) => partial.keys = keys(layers, problems),
            ("styles", DeValue::Table(written), Some(Value::Table(values))) => {
                partial.styles = styles(written, values, roles, problems);
            }
            ("keys" | "styles", _, _) => problems.push((at, format!("`{name}` must be a table"))),
            (other, _, _) => problems.push((
                at,
                format!(
                    "unknown setting `{other}` \
                     (expected theme, follow_delay_ms, keys or styles)"
                ),
            )),
        }
    }
    partial
}

/// Milliseconds written in decimal, within bounds.
fn follow_delay(value: &DeValue) -> Option<u64> {
    let DeValue::Integer(n) = value else {
        return None;
    };
    let ms = n.as_str().parse::<u64>().ok()?;
    (n.radix() == 10 && ms <= MAX_FOLLOW_DELAY_MS).then_some(ms)
}

/// Each `[keys.LAYER] action = [...]` whose action and keys all parse.
fn keys(layers: &DeTable, problems: &mut Problems) -> Vec<Rebinding> {
    let mut out = Vec::new();
    for (layer, actions) in in_file_order(layers) {
        let name = layer.get_ref().as_ref();
        let (true, DeValue::Table(actions)) = (LAYERS.contains(&name), actions.get_ref()) else {
            let msg = format!(
                "unknown key layer `{name}` (expected one of: {}) or not a table",
                LAYERS.join(", ")
            );
            problems.push((layer.span().start, msg));
            continue;
        };
        for (action, list) in in_file_order(actions) {
            let action_name = action.get_ref().as_ref();
            if Action::deserialize(Value::String(action_name.to_owned())).is_err() {
                problems.push((
                    action.span().start,
                    format!("[keys.{name}] unknown action `{action_name}`"),
                ));
                continue;
            }
            let DeValue::Array(items) = list.get_ref() else {
                problems.push((list.span().start, format!("[keys.{name}] {action_name}: expected a list of keys like [\"q\", \"ctrl-c\"]")));
                continue;
            };
            let mut parsed = Vec::new();
            for item in items.iter() {
                match item.get_ref() {
                    DeValue::String(s) => match Key::parse(s) {
                        Ok(key) => parsed.push((key, s.to_string())),
                        Err(e) => problems.push((
                            item.span().start,
                            format!("[keys.{name}] {action_name}: {e}"),
                        )),
                    },
                    _ => problems.push((
                        item.span().start,
                        format!("[keys.{name}] {action_name}: keys must be strings"),
                    )),
                }
            }
            if parsed.len() == items.len() {
                out.push(Rebinding {
                    layer: name.to_owned(),
                    action: action_name.to_owned(),
                    keys: parsed,
                    at: action.span().start,
                    after: problems.len(),
                });
            }
        }
    }
    out
}

/// Each `[styles] ROLE = { ... }` of a known role, once checked against
/// the theme parser (so that a problem is told in the file's own terms).
fn styles(
    written: &DeTable,
    values: &Table,
    roles: &Styles,
    problems: &mut Problems,
) -> Vec<(String, Style)> {
    let mut out = Vec::new();
    for (role, spec) in in_file_order(written) {
        let name = role.get_ref().as_ref();
        if !roles.contains_key(name) {
            let known: Vec<&str> = roles.keys().map(String::as_str).collect();
            let msg = format!(
                "unknown style role `{name}` (expected one of: {})",
                known.join(", ")
            );
            problems.push((role.span().start, msg));
            continue;
        }
        let Some(value @ Value::Table(_)) = values.get(name) else {
            let msg =
                format!("style `{name}` must be a table like {{ fg = \"cyan\", bold = true }}");
            problems.push((spec.span().start, msg));
            continue;
        };
        let style = check_style(value.clone()).and_then(|()| {
            Style::deserialize(value.clone()).map_err(|e| e.message().trim().to_owned())
        });
        match style {
            Ok(style) => out.push((name.to_owned(), style)),
            Err(e) => problems.push((spec.span().start, format!("style `{name}`: {e}"))),
        }
    }
    out
}
