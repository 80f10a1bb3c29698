use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

use super::*;
use crate::app::{Action, Layer};
use crate::corpus::diag::line_col;

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn no_file_gives_the_shipped_defaults() {
    let config = Config::from_text("", "", false);
    assert!(config.problems.is_empty());
    assert_eq!(config.theme, Theme::colour());
    let default = Keymap::default();
    assert_eq!(config.keymap.normal.list.len(), default.normal.list.len());
    assert_eq!(
        config.keymap.action(Layer::Normal, &press('q')),
        Some(Action::Quit)
    );
}

#[test]
fn keys_rebind_and_free_the_key_elsewhere_in_the_layer() {
    let text = "[keys.normal]\nquit = [\"x\"]\ndown = [\"q\", \"down\"]\n";
    let config = Config::from_text("c.toml", text, false);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    let map = &config.keymap;
    assert_eq!(map.action(Layer::Normal, &press('x')), Some(Action::Quit));
    assert_eq!(map.action(Layer::Normal, &press('q')), Some(Action::Down));
    assert_eq!(
        map.action(Layer::Normal, &press('j')),
        None,
        "j was down's, now replaced"
    );
    // Other layers keep their own bindings.
    assert_eq!(map.action(Layer::Overlay, &press('q')), Some(Action::Close));
}

#[test]
fn a_key_taken_twice_goes_to_the_action_written_last() {
    for (text, winner) in [
        (
            "[keys.normal]\nquit = [\"x\"]\ndown = [\"x\"]\n",
            Action::Down,
        ),
        (
            "[keys.normal]\ndown = [\"x\"]\nquit = [\"x\"]\n",
            Action::Quit,
        ),
    ] {
        let config = Config::from_text("c.toml", text, false);
        assert_eq!(
            config.keymap.action(Layer::Normal, &press('x')),
            Some(winner),
            "{text}"
        );
    }
}

#[test]
fn problems_come_in_file_order() {
    let text = "zebra = 1\napple = 2\n[styles]\nzoo = {}\nant = {}\n";
    let config = Config::from_text("c.toml", text, false);
    let lines: Vec<usize> = config.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [1, 2, 4, 5], "{:?}", config.problems);
}

#[test]
fn a_problem_found_merging_a_rebinding_is_listed_where_it_was_read() {
    let text = "[keys.normal]\nquit = []\nfly = [\"f\"]\n[keys.input]\nup = [1]\n";
    let config = Config::from_text("c.toml", text, false);
    let shown: Vec<String> = config.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(shown[0].starts_with("c.toml:2:1: [keys.normal] leaves no key to quit"));
    assert!(shown[1].starts_with("c.toml:3:1: [keys.normal] unknown action `fly`"));
    assert!(shown[2].starts_with("c.toml:5:7: [keys.input] up: keys must be strings"));
}

#[test]
fn theme_and_style_overrides_apply_and_no_color_wins() {
    let text = "theme = \"default\"\n[styles]\nhighlight = { fg = \"white\", bg = \"magenta\", bold = true }\n";
    let config = Config::from_text("c.toml", text, false);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    assert_eq!(config.theme.highlight.bg, Some(Color::Magenta));
    assert_eq!(config.theme.date, Theme::colour().date);
    let plain = Config::from_text("c.toml", text, true);
    assert_eq!(plain.theme.highlight.bg, None);
    assert_eq!(plain.theme.highlight.fg, None);
    assert_eq!(plain.theme.date, Theme::mono().date);
    let mono = Config::from_text("c.toml", "theme = \"mono\"\n", false);
    assert_eq!(mono.theme, Theme::mono());
}

#[test]
fn bad_entries_are_reported_at_file_line_col_and_left_at_their_defaults() {
    let text = "theme = \"neon\"\ncolour = 1\n[keys.normal]\nfly = [\"f\"]\nquit = [\"ctrl-\"]\n[keys.sideways]\nup = [\"k\"]\n[styles]\nhighlight = { fg = \"sky\" }\nsparkle = {}\n";
    let config = Config::from_text("conf.toml", text, false);
    let shown: Vec<String> = config.problems.iter().map(|p| p.to_string()).collect();
    let at = |needle: &str| {
        let offset = text.find(needle).unwrap();
        let (line, col) = line_col(text, offset);
        format!("conf.toml:{line}:{col}: ")
    };
    for (needle, words) in [
        ("theme", "theme must be"),
        ("colour", "unknown setting `colour`"),
        ("fly", "unknown action `fly`"),
        ("\"ctrl-\"", "unknown key 'ctrl-'"),
        ("sideways", "unknown key layer `sideways`"),
        ("{ fg = \"sky\" }", "unknown colour 'sky'"),
        ("sparkle", "unknown style role `sparkle`"),
    ] {
        let want = at(needle);
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with(&want) && s.contains(words)),
            "{want} {words}: {shown:#?}"
        );
    }
    assert_eq!(shown.len(), 7, "{shown:#?}");
    assert_eq!(config.theme, Theme::colour());
    assert_eq!(
        config.keymap.action(Layer::Normal, &press('q')),
        Some(Action::Quit)
    );
}

#[test]
fn the_follow_delay_is_set_in_milliseconds_and_checked() {
    let default = Config::from_text("", "", false);
    assert_eq!(
        default.follow_delay,
        Duration::from_millis(partial::FOLLOW_DELAY_MS)
    );
    let set = Config::from_text("c.toml", "follow_delay_ms = 0\n", false);
    assert!(set.problems.is_empty(), "{:?}", set.problems);
    assert_eq!(set.follow_delay, Duration::ZERO);
    let again = Config::from_text("printed.toml", &set.toml, false);
    assert_eq!(again.follow_delay, Duration::ZERO, "printed and read back");
    for bad in ["-1", "9999999", "\"fast\"", "0x10", "1.5"] {
        let text = format!("\nfollow_delay_ms = {bad}\n");
        let config = Config::from_text("c.toml", &text, false);
        let shown: Vec<String> = config.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown.len(), 1, "{bad}: {shown:?}");
        assert!(
            shown[0].starts_with("c.toml:2:19: follow_delay_ms must be"),
            "{bad}: {shown:?}"
        );
        assert_eq!(config.follow_delay, default.follow_delay, "{bad}");
    }
}

#[test]
fn a_syntax_error_gives_the_defaults() {
    let config = Config::from_text("c.toml", "theme = \"mono\"\n[keys\n", false);
    assert_eq!(config.problems.len(), 1);
    assert!(
        config.problems[0].to_string().starts_with("c.toml:2:"),
        "{:?}",
        config.problems
    );
    assert_eq!(config.theme, Theme::colour());
}

#[test]
fn the_printed_config_reads_back_to_the_same_config() {
    let text = "theme = \"mono\"\n[styles]\nchip = { underline = true }\n[keys.input]\nsubmit = [\"tab\"]\n";
    let first = Config::from_text("c.toml", text, false);
    let again = Config::from_text("printed.toml", &first.toml, false);
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.toml, first.toml);
    assert_eq!(again.theme, first.theme);
    assert!(first.toml.contains("theme = \"mono\""));
}

#[test]
fn the_file_is_found_in_the_xdg_config_dir_then_home() {
    let explicit = Path::new("/etc/c.toml");
    assert_eq!(
        path(Some(explicit), Some("/x"), Some("/h")).unwrap(),
        explicit
    );
    assert_eq!(
        path(None, Some("/x"), Some("/h")).unwrap(),
        Path::new("/x/chronicle/config.toml")
    );
    let relative_xdg_is_ignored = path(None, Some("rel"), Some("/h")).unwrap();
    assert_eq!(
        relative_xdg_is_ignored,
        Path::new("/h/.config/chronicle/config.toml")
    );
    assert_eq!(path(None, None, None), None);
}

#[test]
fn the_documented_example_config_is_valid() {
    let text = include_str!("../assets/config.example.toml");
    let config = Config::from_text("assets/config.example.toml", text, false);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    assert_eq!(config.theme.highlight.bg, Some(Color::LightYellow));
}

#[test]
fn no_color_and_dumb_terminals_turn_colour_off() {
    assert!(colour_off(Some("1"), Some("xterm")));
    assert!(
        !colour_off(Some(""), Some("xterm")),
        "an empty NO_COLOR does not count"
    );
    assert!(colour_off(None, Some("dumb")));
    assert!(!colour_off(None, Some("xterm-256color")));
}

#[test]
fn a_config_cannot_take_away_every_way_out() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for (text, quits_with) in [
        ("[keys.normal]\nquit = []\n", vec![press('q'), ctrl_c]),
        (
            "[keys.normal]\nquit = [\"j\"]\ndown = [\"j\"]\n",
            vec![press('q'), ctrl_c],
        ),
        (
            "[keys.normal]\nquit = [\"x\"]\nup = [\"q\"]\ndown = [\"x\", \"ctrl-c\"]\n",
            vec![ctrl_c],
        ),
    ] {
        let config = Config::from_text("c.toml", text, false);
        assert_eq!(config.problems.len(), 1, "{text}: {:?}", config.problems);
        let problem = config.problems[0].to_string();
        assert!(problem.contains("leaves no key to quit"), "{problem}");
        let last_entry = text.trim_end().rfind('\n').unwrap() + 1;
        let (line, _) = line_col(text, last_entry);
        assert_eq!(config.problems[0].line, line, "{text}: {problem}");
        for key in &quits_with {
            assert_eq!(
                config.keymap.action(Layer::Normal, key),
                Some(Action::Quit),
                "{text}: {key:?}"
            );
        }
    }
    let config = Config::from_text("c.toml", "[keys.input]\ncancel = []\n", false);
    assert!(config.problems[0].to_string().contains("no key to cancel"));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(
        config.keymap.action(Layer::Input, &esc),
        Some(Action::Cancel)
    );
}

#[test]
fn a_style_error_points_inside_the_file_and_names_no_other_line() {
    for (text, words) in [
        (
            "[styles]\ntitle = { fg = \"red\", bold = \"yes\" }\n",
            "boolean",
        ),
        (
            "[styles]\ntitle = { blink = true }\n",
            "unknown field `blink`",
        ),
        ("\n[styles.title]\nfg = 7\n", "string"),
    ] {
        let config = Config::from_text("c.toml", text, false);
        assert_eq!(config.problems.len(), 1, "{text}: {:?}", config.problems);
        let problem = &config.problems[0];
        let lines = text.lines().count();
        assert!(problem.line <= lines, "{text}: {problem}");
        let shown = problem.to_string();
        assert!(shown.contains(words), "{shown}");
        assert!(!shown.contains("line "), "{shown}");
    }
}

#[test]
fn the_typed_defaults_hold_the_embedded_keymap_and_themes() {
    let keys = settings::default_keys();
    let default = Keymap::default();
    for (layer, bindings) in [
        ("normal", &default.normal),
        ("input", &default.input),
        ("overlay", &default.overlay),
    ] {
        assert_eq!(keys[layer].len(), bindings.list.len(), "{layer}");
    }
    for (name, theme) in [("default", Theme::colour()), ("mono", Theme::mono())] {
        let styles = settings::theme_styles(name);
        assert_eq!(styles.len(), 16, "{name}");
        let text = toml::to_string(&styles).unwrap();
        assert_eq!(Theme::from_toml(&text).unwrap(), theme, "{name}");
    }
}
