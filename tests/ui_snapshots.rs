//! Whole-screen snapshots through ratatui's `TestBackend` at several sizes.
//! Review a changed snapshot as a screen: it is what a user sees.

use std::path::Path;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::{load, Location};
use chronicle::ui::{self, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use ratatui::Terminal;

fn app(location: Location, width: u16, height: u16) -> App {
    let loaded = load(&location);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    App::new(
        Shared::new(loaded.corpus, loaded.problems),
        Keymap::default(),
        width,
        height,
    )
}

fn mini(width: u16, height: u16) -> App {
    app(
        Location::Dir(Path::new("tests/fixtures/mini").into()),
        width,
        height,
    )
}

fn screen(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, app, theme))
        .unwrap();
    terminal
}

fn snapshot(app: &App) -> String {
    screen(app, &Theme::colour()).backend().to_string()
}

#[test]
fn mini_80x24() {
    let mut app = mini(80, 24);
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Follow);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn mini_120x40_quote_shown_in_article() {
    let mut app = mini(120, 40);
    app.update(Action::Down);
    app.update(Action::FocusPrev);
    app.update(Action::Down);
    app.update(Action::Activate);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn mini_200x60_filtered_by_actor() {
    let mut app = mini(200, 60);
    app.update(Action::ActorFilter);
    for c in "kel".chars() {
        app.update(Action::Insert(c));
    }
    insta::assert_snapshot!("mini_200x60_actor_picker", snapshot(&app));
    app.update(Action::Submit);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn help_overlay_80x24() {
    let mut app = mini(80, 24);
    app.update(Action::Help);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn too_small() {
    let app = mini(30, 8);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn shipped_80x24() {
    let mut app = app(Location::Embedded, 80, 24);
    for _ in 0..14 {
        app.update(Action::Down);
    }
    app.update(Action::Follow);
    insta::assert_snapshot!(snapshot(&app));
}

#[test]
fn shipped_200x60() {
    let mut app = app(Location::Embedded, 200, 60);
    for _ in 0..20 {
        app.update(Action::Down);
    }
    app.update(Action::Follow);
    insta::assert_snapshot!(snapshot(&app));
}

/// Without colour the selection, the cited passage and fuzzy matches stay
/// visible through modifiers, and no cell carries a colour.
#[test]
fn no_color_marks_with_modifiers_only() {
    let mut app = mini(100, 30);
    app.update(Action::Down);
    app.update(Action::Follow);
    let terminal = screen(&app, &Theme::mono());
    let buffer = terminal.backend().buffer();
    let mut reversed_rows = Vec::new();
    for cell in buffer.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
        );
    }
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if (0..buffer.area.width).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED)) {
            reversed_rows.push(row);
        }
    }
    assert!(
        reversed_rows.iter().any(|r| r.contains("River summit")),
        "selected row: {reversed_rows:#?}"
    );
    assert!(
        reversed_rows
            .iter()
            .any(|r| r.contains("The two leaders met at the river")),
        "highlighted passage: {reversed_rows:#?}"
    );
}

/// The text of a buffer's row.
fn row(buffer: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

/// A frame drawn at another size than the app last heard of (a resize on
/// its way) is laid out for the frame: nothing is written outside it.
#[test]
fn a_frame_smaller_than_the_last_resize_is_laid_out_for_itself() {
    let app = mini(200, 100);
    let mut terminal = Terminal::new(TestBackend::new(200, 30)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, &app, &Theme::colour()))
        .unwrap();
    let buffer = terminal.backend().buffer();
    assert!(row(buffer, 29).contains("quit"), "{}", row(buffer, 29));
}

#[test]
fn a_terminal_over_the_cap_is_drawn_up_to_it_and_the_header_says_so() {
    let app = mini(1200, 40);
    assert_eq!((app.size.width, app.size.height), (1000, 40));
    let terminal = screen(&app, &Theme::colour());
    let header = row(terminal.backend().buffer(), 0);
    assert!(
        header.contains("terminal 1200x40: only 1000x40 drawn"),
        "{}",
        header.trim_end()
    );
}

/// Hints name the keys the reader's keymap binds, not the defaults.
#[test]
fn hints_follow_a_rebound_keymap() {
    let text = "[keys.normal]\nquit = [\"x\"]\nclear_filters = [\"C\"]\nactor_filter = [\"A\"]\n\
                [keys.input]\nsubmit = [\"tab\"]\ncancel = [\"ctrl-g\"]\n\
                [keys.overlay]\nclose = [\"Q\"]\n";
    let config = chronicle::config::Config::from_text("c.toml", text, false);
    assert!(config.problems.is_empty(), "{:?}", config.problems);
    let loaded = load(&Location::Dir(Path::new("tests/fixtures/mini").into()));
    let shared = Shared::new(loaded.corpus, loaded.problems);
    let shown = |width, height, actions: &[Action]| {
        let mut app = App::new(shared.clone(), config.keymap.clone(), width, height);
        for &a in actions {
            app.update(a);
        }
        snapshot(&app)
    };
    let small = shown(30, 8, &[]);
    assert!(small.contains("x quits"), "{small}");
    let picker = shown(100, 30, &[Action::ActorFilter]);
    assert!(picker.contains("Tab add · C-g close"), "{picker}");
    let help = shown(100, 30, &[Action::Help]);
    assert!(help.contains("Keys · Q closes"), "{help}");
    let none = shown(
        100,
        30,
        &[
            Action::TextFilter,
            Action::Insert('q'),
            Action::Insert('z'),
            Action::Submit,
        ],
    );
    assert!(none.contains("Press C to clear it"), "{none}");
}

/// The search line's count reads as words: no matches, 1 match, 2 matches.
#[test]
fn the_search_count_reads_as_words() {
    let footer = |query: &str| {
        let mut app = mini(100, 30);
        app.update(Action::TextFilter);
        for c in query.chars() {
            app.update(Action::Insert(c));
        }
        let terminal = screen(&app, &Theme::colour());
        row(terminal.backend().buffer(), 29)
    };
    for (query, says) in [
        ("zzz", "  no matches  "),
        ("bridge", "  1 match  "),
        ("fortress", "  2 matches  "),
    ] {
        let shown = footer(query);
        assert!(shown.contains(says), "{query}: {}", shown.trim_end());
    }
}

/// At every height the article footer reads as a range that runs forward
/// ("16-15/88" was seen at 50x14, where the pane has no row for text).
#[test]
fn the_article_footer_never_runs_backwards() {
    for height in 10..=30 {
        let mut app = mini(50, height);
        app.update(Action::Down);
        let shown = snapshot(&app);
        for range in shown
            .split(|c: char| !(c.is_ascii_digit() || c == '-' || c == '/'))
            .filter(|w| w.contains('/') && w.contains('-'))
        {
            let (span, _) = range.split_once('/').unwrap_or((range, ""));
            if let Some((a, b)) = span.split_once('-') {
                if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                    assert!(a <= b, "{range} at 50x{height}:\n{shown}");
                }
            }
        }
    }
}
