//! Keys as data: the default table lives in `assets/keymap.toml` and is
//! embedded in the binary. The help overlay and status bar read the same
//! table, so what they show is what the keys do.

use std::collections::{BTreeMap, HashMap};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

const DEFAULT: &str = include_str!("../../assets/keymap.toml");

/// Which set of bindings applies: layered so that an overlay sees keys
/// first, then an open input, then the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Normal,
    Input,
    Overlay,
}

/// A key with the modifiers that matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn from_event(event: &KeyEvent) -> Key {
        let code = match event.code {
            // Terminals report Shift-Tab as BackTab, sometimes with Shift.
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            code => code,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                    _ => return Err(format!("unknown key '{text}'")),
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Char(' ') => "Space".into(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("C-{base}"),
            (_, true) => format!("M-{base}"),
            _ => base,
        }
    }
}

/// One layer's bindings, in the order the table lists them.
#[derive(Debug, Clone, Default)]
pub struct Bindings {
    pub list: Vec<(Action, Vec<Key>)>,
    lookup: HashMap<Key, Action>,
}

/// Key names by layer and action name, as the embedded keymap and a
/// config write them.
pub type KeyNames = BTreeMap<String, BTreeMap<String, Vec<String>>>;

impl Bindings {
    /// Binds an action's keys, each a key's name or why it is none.
    fn bind(
        &mut self,
        layer: &str,
        action_name: &str,
        keys: &[Result<&str, &str>],
        problems: &mut Vec<String>,
    ) {
        let Ok(action) = Action::deserialize(toml::Value::String(action_name.to_owned())) else {
            problems.push(format!("[{layer}] unknown action '{action_name}'"));
            return;
        };
        let keys: Vec<Key> = keys
            .iter()
            .filter_map(|k| match k.map(Key::parse) {
                Ok(Ok(key)) => Some(key),
                Ok(Err(e)) => {
                    problems.push(format!("[{layer}] {action_name}: {e}"));
                    None
                }
                Err(why) => {
                    problems.push(format!("[{layer}] {action_name}: {why}"));
                    None
                }
            })
            .collect();
        for key in &keys {
            self.lookup.insert(*key, action);
        }
        self.list.push((action, keys));
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.list
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub normal: Bindings,
    pub input: Bindings,
    pub overlay: Bindings,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::from_toml(DEFAULT).expect("the embedded keymap is valid (tested)")
    }
}

/// The actions of a layer of the default keymap, in the order written.
fn default_order(layer: &str) -> Vec<Action> {
    let Ok(doc) = toml::de::DeTable::parse(DEFAULT) else {
        return Vec::new();
    };
    let Some(toml::de::DeValue::Table(table)) = doc.get_ref().get(layer).map(|v| v.get_ref())
    else {
        return Vec::new();
    };
    let mut names: Vec<_> = table.keys().collect();
    names.sort_by_key(|name| name.span().start);
    names
        .iter()
        .filter_map(|name| {
            Action::deserialize(toml::Value::String(name.get_ref().to_string())).ok()
        })
        .collect()
}

impl Keymap {
    /// Parses a keymap table; every problem is listed.
    pub fn from_toml(text: &str) -> Result<Keymap, Vec<String>> {
        let table: toml::Table = toml::from_str(text).map_err(|e| vec![e.to_string()])?;
        Keymap::build(|name, out, problems| {
            let Some(toml::Value::Table(entries)) = table.get(name) else {
                return false;
            };
            for (action_name, keys) in entries {
                let toml::Value::Array(items) = keys else {
                    problems.push(format!("[{name}] {action_name}: expected a list of keys"));
                    continue;
                };
                let keys: Vec<Result<&str, &str>> = items
                    .iter()
                    .map(|k| k.as_str().ok_or("keys must be strings"))
                    .collect();
                out.bind(name, action_name, &keys, problems);
            }
            true
        })
    }

    /// A keymap from key names by layer and action, as a config merges
    /// them; every problem is listed.
    pub fn from_names(names: &KeyNames) -> Result<Keymap, Vec<String>> {
        Keymap::build(|name, out, problems| {
            let Some(entries) = names.get(name) else {
                return false;
            };
            for (action_name, keys) in entries {
                let keys: Vec<Result<&str, &str>> = keys.iter().map(|k| Ok(k.as_str())).collect();
                out.bind(name, action_name, &keys, problems);
            }
            true
        })
    }

    /// Each layer filled by `layer`, which says false when the source has
    /// no such layer.
    fn build(
        mut layer: impl FnMut(&str, &mut Bindings, &mut Vec<String>) -> bool,
    ) -> Result<Keymap, Vec<String>> {
        let mut problems = Vec::new();
        let mut read = |name: &str| {
            let mut out = Bindings::default();
            if !layer(name, &mut out, &mut problems) {
                problems.push(format!("missing [{name}] table"));
            }
            // Listed in the order of the default keymap, which a table
            // (sorted by name) does not keep.
            let rank = default_order(name);
            out.list.sort_by_key(|(action, _)| {
                rank.iter().position(|a| a == action).unwrap_or(usize::MAX)
            });
            out
        };
        let keymap = Keymap {
            normal: read("normal"),
            input: read("input"),
            overlay: read("overlay"),
        };
        if problems.is_empty() {
            Ok(keymap)
        } else {
            Err(problems)
        }
    }

    pub fn layer(&self, layer: Layer) -> &Bindings {
        match layer {
            Layer::Normal => &self.normal,
            Layer::Input => &self.input,
            Layer::Overlay => &self.overlay,
        }
    }

    /// The action for a key in a layer. In an input, an unbound printable
    /// character is typed.
    pub fn action(&self, layer: Layer, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        if let Some(action) = self.layer(layer).lookup.get(&key) {
            return Some(*action);
        }
        match (layer, key) {
            (
                Layer::Input,
                Key {
                    code: KeyCode::Char(c),
                    ctrl: false,
                    alt: false,
                },
            ) => Some(Action::Insert(c)),
            _ => None,
        }
    }

    /// The first key of an action, as shown in hints ("?" for none).
    pub fn label(&self, layer: Layer, action: Action) -> String {
        self.layer(layer)
            .keys(action)
            .first()
            .map_or("?".into(), Key::label)
    }
}

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Blank,
    Heading(&'static str),
    Binding { keys: String, what: &'static str },
}

impl Keymap {
    /// The help overlay's lines: each layer's heading and bindings. The
    /// overlay draws them and `update` scrolls through as many.
    pub fn help(&self) -> Vec<HelpLine> {
        let mut lines = Vec::new();
        for (layer, heading) in [
            (Layer::Normal, "Browsing"),
            (Layer::Input, "In a filter input (other keys type)"),
            (Layer::Overlay, "In this help and the problems list"),
        ] {
            if !lines.is_empty() {
                lines.push(HelpLine::Blank);
            }
            lines.push(HelpLine::Heading(heading));
            for (action, keys) in &self.layer(layer).list {
                let keys: Vec<String> = keys.iter().map(Key::label).collect();
                lines.push(HelpLine::Binding {
                    keys: keys.join(" "),
                    what: action.describe(),
                });
            }
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_embedded_keymap_parses_and_binds_the_documented_keys() {
        let map = Keymap::default();
        let normal = |code, m| map.action(Layer::Normal, &press(code, m));
        assert_eq!(
            normal(KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::Quit)
        );
        assert_eq!(
            normal(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            normal(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            normal(KeyCode::Tab, KeyModifiers::SHIFT),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            normal(KeyCode::Char('a'), KeyModifiers::NONE),
            Some(Action::ActorFilter)
        );
        assert_eq!(normal(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn inputs_type_unbound_characters() {
        let map = Keymap::default();
        let typed = map.action(Layer::Input, &press(KeyCode::Char('q'), KeyModifiers::NONE));
        assert_eq!(typed, Some(Action::Insert('q')));
        let esc = map.action(Layer::Input, &press(KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(esc, Some(Action::Cancel));
    }

    #[test]
    fn typed_key_names_make_the_same_keymap_and_name_bad_keys() {
        let names: KeyNames = toml::from_str(DEFAULT).expect("embedded keymap");
        let typed = Keymap::from_names(&names).expect("valid");
        let parsed = Keymap::default();
        for layer in [Layer::Normal, Layer::Input, Layer::Overlay] {
            assert_eq!(typed.layer(layer).list, parsed.layer(layer).list);
        }
        let mut bad = names.clone();
        bad.remove("overlay");
        if let Some(normal) = bad.get_mut("normal") {
            normal.insert("quit".into(), vec!["ctrl-".into()]);
        }
        let err = Keymap::from_names(&bad).unwrap_err();
        assert_eq!(err.len(), 2, "{err:?}");
        assert!(err[0].starts_with("[normal] quit: "), "{err:?}");
        assert_eq!(err[1], "missing [overlay] table");
    }

    #[test]
    fn bad_tables_list_every_problem() {
        let err = Keymap::from_toml("[normal]\nfly = [\"f\"]\nquit = [\"ctrl-\", 3]\n[input]\n")
            .unwrap_err();
        assert_eq!(err.len(), 4, "{err:?}");
        assert!(err[0].contains("unknown action 'fly'"));
        assert!(err[3].contains("missing [overlay]"));
    }

    #[test]
    fn help_lists_every_binding_under_its_layers_heading() {
        let map = Keymap::default();
        let lines = map.help();
        let bindings = map.normal.list.len() + map.input.list.len() + map.overlay.list.len();
        let headings: Vec<usize> = (0..lines.len())
            .filter(|&i| matches!(lines[i], HelpLine::Heading(_)))
            .collect();
        assert_eq!(headings.len(), 3);
        assert_eq!(
            lines.len(),
            bindings + 3 + 2,
            "headings and the blanks between"
        );
        assert_eq!(
            lines[1],
            HelpLine::Binding {
                keys: "q C-c".into(),
                what: "quit"
            }
        );
        assert_eq!(lines[headings[1] - 1], HelpLine::Blank);
    }

    #[test]
    fn labels_are_short() {
        assert_eq!(Key::parse("ctrl-c").unwrap().label(), "C-c");
        assert_eq!(Key::parse("backtab").unwrap().label(), "S-Tab");
        assert_eq!(Key::parse("?").unwrap().label(), "?");
    }
}
