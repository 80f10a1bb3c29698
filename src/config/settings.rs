//! The effective settings: the defaults from `assets/`, with a config
//! file's [`Partial`] merged over them.

use std::collections::BTreeMap;

use serde::Serialize;

use super::partial::{Partial, Problems, Rebinding, FOLLOW_DELAY_MS};
use crate::app::keymap::{Key, KeyNames};
use crate::ui::theme::Styles;

const KEYMAP: &str = include_str!("../../assets/keymap.toml");
const DEFAULT_THEME: &str = include_str!("../../assets/themes/default.toml");
const MONO_THEME: &str = include_str!("../../assets/themes/mono.toml");

/// Every setting, in the order the printed config writes them.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub follow_delay_ms: u64,
    pub theme: String,
    pub keys: KeyNames,
    pub styles: Styles,
}

/// The embedded keymap (tested to parse).
pub fn default_keys() -> KeyNames {
    toml::from_str(KEYMAP).unwrap_or_default()
}

/// The styles of a shipped theme by name; any other name is the default.
pub fn theme_styles(name: &str) -> Styles {
    let text = match name {
        "mono" => MONO_THEME,
        _ => DEFAULT_THEME,
    };
    toml::from_str(text).unwrap_or_default()
}

impl Settings {
    /// The defaults with `partial` over them. `no_color` forces the mono
    /// theme and drops colours from style overrides. A rebinding that
    /// leaves a layer with no way out is a problem, put among `problems`
    /// where reading the rebinding left off.
    pub fn merge(partial: Partial, no_color: bool, problems: &mut Problems) -> Settings {
        let mut found = Vec::new();
        let defaults = default_keys();
        let mut keys = defaults.clone();
        for rebinding in &partial.keys {
            if let Some(layer) = keys.get_mut(&rebinding.layer) {
                rebind(layer, rebinding);
                let default = defaults.get(&rebinding.layer);
                if let Some(message) = keep_a_way_out(layer, &rebinding.layer, default) {
                    found.push((rebinding.after, (rebinding.at, message)));
                }
            }
        }
        for (after, problem) in found.into_iter().rev() {
            problems.insert(after, problem);
        }
        let mut theme = partial.theme.unwrap_or_else(|| "default".to_owned());
        let mut overrides = partial.styles;
        if no_color {
            theme = "mono".into();
            for (_, style) in &mut overrides {
                style.fg = None;
                style.bg = None;
            }
        }
        let mut styles = theme_styles(&theme);
        styles.extend(overrides);
        Settings {
            follow_delay_ms: partial.follow_delay_ms.unwrap_or(FOLLOW_DELAY_MS),
            theme,
            keys,
            styles,
        }
    }
}

/// The action's keys replaced; they are taken away from any other action
/// of the layer.
fn rebind(layer: &mut BTreeMap<String, Vec<String>>, rebinding: &Rebinding) {
    let taken: Vec<Key> = rebinding.keys.iter().map(|(k, _)| *k).collect();
    for (other, bound) in layer.iter_mut() {
        if *other != rebinding.action {
            bound.retain(|s| Key::parse(s).ok().is_none_or(|k| !taken.contains(&k)));
        }
    }
    let written = rebinding.keys.iter().map(|(_, s)| s.clone()).collect();
    layer.insert(rebinding.action.clone(), written);
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
fn keep_a_way_out(
    target: &mut BTreeMap<String, Vec<String>>,
    layer: &str,
    defaults: Option<&BTreeMap<String, Vec<String>>>,
) -> Option<String> {
    let (_, action) = WAY_OUT.iter().find(|(l, _)| *l == layer)?;
    if target.get(*action).is_some_and(|keys| !keys.is_empty()) {
        return None;
    }
    let defaults = defaults.and_then(|d| d.get(*action)).cloned();
    let taken: Vec<&String> = target
        .iter()
        .filter(|(other, _)| other.as_str() != *action)
        .flat_map(|(_, keys)| keys)
        .collect();
    let mut back: Vec<String> = defaults
        .unwrap_or_default()
        .into_iter()
        .filter(|k| !taken.contains(&k))
        .collect();
    if back.is_empty() {
        back.push("ctrl-c".into());
        for list in target.values_mut() {
            list.retain(|k| k != "ctrl-c");
        }
    }
    let message = format!(
        "[keys.{layer}] leaves no key to {}; keeping {}",
        action.replace('_', " "),
        back.join(", ")
    );
    target.insert((*action).to_owned(), back);
    Some(message)
}
