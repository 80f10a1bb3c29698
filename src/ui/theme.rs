//! Named style roles, loaded from TOML tables embedded in the binary. A
//! theme is a value handed to rendering: each session can have its own,
//! and nothing here touches global terminal state.

use ratatui::style::{Color, Modifier, Style};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

const DEFAULT: &str = include_str!("../../assets/themes/default.toml");
const MONO: &str = include_str!("../../assets/themes/mono.toml");

/// One style role as a theme or a config writes it; the fields in the
/// order the printed config lists them (by name).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bold: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dim: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fg: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub italic: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverse: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub underline: Option<bool>,
}

/// Each role's style, by role name.
pub type Styles = BTreeMap<String, StyleSpec>;

/// The roles a theme gives, by the names its files use.
const ROLES: [&str; 16] = [
    "title",
    "muted",
    "border",
    "border_focused",
    "selected",
    "selected_unfocused",
    "highlight",
    "match",
    "chip",
    "date",
    "kind",
    "speaker",
    "extracted",
    "warning",
    "key",
    "status",
];

/// Styles by what they mean, not how they look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub muted: Style,
    pub border: Style,
    pub border_focused: Style,
    /// The cursor row of the focused pane.
    pub selected: Style,
    /// The cursor row of a pane without focus.
    pub selected_unfocused: Style,
    /// The cited passage in the article.
    pub highlight: Style,
    /// Characters a fuzzy query matched.
    pub matched: Style,
    pub chip: Style,
    pub date: Style,
    pub kind: Style,
    pub speaker: Style,
    pub extracted: Style,
    pub warning: Style,
    pub key: Style,
    pub status: Style,
}

fn color(name: &str) -> Result<Color, String> {
    let c = match name.to_ascii_lowercase().as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        "reset" => Color::Reset,
        other => return Err(format!("unknown colour '{other}'")),
    };
    Ok(c)
}

impl StyleSpec {
    fn style(&self) -> Result<Style, String> {
        let mut style = Style::default();
        if let Some(fg) = &self.fg {
            style = style.fg(color(fg)?);
        }
        if let Some(bg) = &self.bg {
            style = style.bg(color(bg)?);
        }
        for (on, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.dim, Modifier::DIM),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reverse, Modifier::REVERSED),
        ] {
            if on == Some(true) {
                style = style.add_modifier(modifier);
            }
        }
        Ok(style)
    }
}

/// Checks one role's style as a config file gives it, so that a problem is
/// told in the file's own terms (not at a line of a merged theme text).
pub fn check_style(value: toml::Value) -> Result<(), String> {
    let spec = StyleSpec::deserialize(value).map_err(|e| e.message().trim().to_owned())?;
    spec.style().map(|_| ())
}

impl Theme {
    pub fn from_toml(text: &str) -> Result<Theme, String> {
        let styles: Styles = toml::from_str(text).map_err(|e| e.to_string())?;
        Theme::from_styles(&styles)
    }

    /// A theme from every role's style; a role missing or unknown is an
    /// error.
    pub fn from_styles(styles: &Styles) -> Result<Theme, String> {
        if let Some(role) = styles.keys().find(|r| !ROLES.contains(&r.as_str())) {
            return Err(format!(
                "unknown role `{role}` (expected one of: {})",
                ROLES.join(", ")
            ));
        }
        let role = |name: &str| -> Result<Style, String> {
            styles
                .get(name)
                .ok_or_else(|| format!("missing role `{name}`"))?
                .style()
        };
        Ok(Theme {
            title: role("title")?,
            muted: role("muted")?,
            border: role("border")?,
            border_focused: role("border_focused")?,
            selected: role("selected")?,
            selected_unfocused: role("selected_unfocused")?,
            highlight: role("highlight")?,
            matched: role("match")?,
            chip: role("chip")?,
            date: role("date")?,
            kind: role("kind")?,
            speaker: role("speaker")?,
            extracted: role("extracted")?,
            warning: role("warning")?,
            key: role("key")?,
            status: role("status")?,
        })
    }

    /// The 16-colour theme.
    pub fn colour() -> Theme {
        Theme::from_toml(DEFAULT).expect("the embedded default theme is valid (tested)")
    }

    /// No colour: reverse, bold and underline only.
    pub fn mono() -> Theme {
        Theme::from_toml(MONO).expect("the embedded mono theme is valid (tested)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_themes_load_and_mono_has_no_colour() {
        let colour = Theme::colour();
        assert_eq!(colour.highlight.bg, Some(Color::Yellow));
        let mono = Theme::mono();
        for style in [
            mono.selected,
            mono.highlight,
            mono.matched,
            mono.chip,
            mono.key,
            mono.warning,
        ] {
            assert_eq!((style.fg, style.bg), (None, None));
            assert!(
                !style.add_modifier.is_empty(),
                "{style:?} must stay visible without colour"
            );
        }
    }

    #[test]
    fn a_theme_from_typed_styles_needs_every_role_and_no_other() {
        let mut styles: Styles = toml::from_str(DEFAULT).expect("embedded theme");
        assert_eq!(Theme::from_styles(&styles), Ok(Theme::colour()));
        styles.insert("sparkle".into(), StyleSpec::default());
        let err = Theme::from_styles(&styles).unwrap_err();
        assert!(err.contains("unknown role `sparkle`"), "{err}");
        styles.remove("sparkle");
        styles.remove("date");
        assert_eq!(
            Theme::from_styles(&styles),
            Err("missing role `date`".to_string())
        );
    }

    #[test]
    fn bad_theme_names_the_problem() {
        let err = Theme::from_toml(&DEFAULT.replace("\"cyan\"", "\"sky\"")).unwrap_err();
        assert!(err.contains("unknown colour 'sky'"), "{err}");
    }
}
