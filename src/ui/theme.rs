//! Named style roles, loaded from TOML tables embedded in the binary. A
//! theme is a value handed to rendering: each session can have its own,
//! and nothing here touches global terminal state.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

const DEFAULT: &str = include_str!("../../assets/themes/default.toml");
const MONO: &str = include_str!("../../assets/themes/mono.toml");

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    bold: bool,
    #[serde(default)]
    dim: bool,
    #[serde(default)]
    italic: bool,
    #[serde(default)]
    underline: bool,
    #[serde(default)]
    reverse: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeSpec {
    title: StyleSpec,
    muted: StyleSpec,
    border: StyleSpec,
    border_focused: StyleSpec,
    selected: StyleSpec,
    selected_unfocused: StyleSpec,
    highlight: StyleSpec,
    #[serde(rename = "match")]
    matched: StyleSpec,
    chip: StyleSpec,
    date: StyleSpec,
    kind: StyleSpec,
    speaker: StyleSpec,
    extracted: StyleSpec,
    warning: StyleSpec,
    key: StyleSpec,
    status: StyleSpec,
}

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
            if on {
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
        let s: ThemeSpec = toml::from_str(text).map_err(|e| e.to_string())?;
        Ok(Theme {
            title: s.title.style()?,
            muted: s.muted.style()?,
            border: s.border.style()?,
            border_focused: s.border_focused.style()?,
            selected: s.selected.style()?,
            selected_unfocused: s.selected_unfocused.style()?,
            highlight: s.highlight.style()?,
            matched: s.matched.style()?,
            chip: s.chip.style()?,
            date: s.date.style()?,
            kind: s.kind.style()?,
            speaker: s.speaker.style()?,
            extracted: s.extracted.style()?,
            warning: s.warning.style()?,
            key: s.key.style()?,
            status: s.status.style()?,
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
    fn bad_theme_names_the_problem() {
        let err = Theme::from_toml(&DEFAULT.replace("\"cyan\"", "\"sky\"")).unwrap_err();
        assert!(err.contains("unknown colour 'sky'"), "{err}");
    }
}
