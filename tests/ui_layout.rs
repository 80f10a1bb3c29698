//! Layout at every size from 80x24 to 200x60: the timeline keeps its
//! columns, dates keep their place, pop-ups grow with the screen, nothing
//! is cut without "…". Review a changed snapshot as a screen.

use std::path::Path;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::{load, Location};
use chronicle::ui::{self, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

const SIZES: [(u16, u16); 5] = [(80, 24), (100, 30), (120, 40), (160, 50), (200, 60)];

/// 28 events from November 2009, some known to the month, one a span
/// across the new year (`2009-12-28/2010-01-03`), titles longer than any
/// pane.
fn layout(width: u16, height: u16) -> App {
    fixture("tests/fixtures/layout", width, height)
}

fn fixture(dir: &str, width: u16, height: u16) -> App {
    let loaded = load(&Location::Dir(Path::new(dir).into()));
    App::new(
        Shared::new(loaded.corpus, loaded.problems),
        Keymap::default(),
        width,
        height,
    )
}

fn buffer(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, app, &Theme::colour()))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn snapshot(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, app, &Theme::colour()))
        .unwrap();
    terminal.backend().to_string()
}

/// The text of a row, one entry per cell (a wide character's second cell
/// is its own, empty, entry), so that positions are columns.
fn cells(buffer: &Buffer, y: u16) -> Vec<String> {
    (0..buffer.area.width)
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

fn row(buffer: &Buffer, y: u16) -> String {
    cells(buffer, y).concat()
}

/// The column where `needle` starts in the row, counted in cells.
fn column(buffer: &Buffer, y: u16, needle: &str) -> Option<usize> {
    let cells = cells(buffer, y);
    (0..cells.len()).find(|&x| cells[x..].concat().starts_with(needle))
}

fn go_to(app: &mut App, title_starts: &str) {
    app.update(Action::Top);
    while app
        .selected_event()
        .is_some_and(|e| !app.corpus().events[e].title.starts_with(title_starts))
    {
        let before = app.selected;
        app.update(Action::Down);
        assert_ne!(app.selected, before, "no event {title_starts:?}");
    }
    app.update(Action::Follow);
}

/// Every row of the timeline shows its date, its kind and its title, each
/// starting in the same column as on the other rows, at every size.
#[test]
fn the_timeline_keeps_date_kind_and_title_columns_at_every_size() {
    for (w, h) in SIZES {
        let app = layout(w, h);
        let buffer = buffer(&app);
        let mut kinds = Vec::new();
        let mut titles = Vec::new();
        for (i, r) in app.rows.iter().enumerate().take(5) {
            let event = &app.corpus().events[r.event];
            let y = 2 + i as u16;
            let kind = column(&buffer, y, &format!("{} ", event.kind.name()));
            let title = column(&buffer, y, &event.title[..10]);
            assert!(
                kind.is_some() && title.is_some(),
                "{w}x{h}: {}",
                row(&buffer, y)
            );
            kinds.push(kind);
            titles.push(title);
        }
        kinds.dedup();
        titles.dedup();
        assert_eq!((kinds.len(), titles.len()), (1, 1), "{w}x{h}");
    }
}

/// The date column is as wide as the widest date the filter lets through,
/// not the widest on screen: scrolling never moves the titles.
#[test]
fn the_date_column_stays_put_while_scrolling() {
    let mut app = layout(80, 24);
    let mut starts = Vec::new();
    for _ in 0..app.rows.len() {
        let buffer = buffer(&app);
        let y = 2 + (app.selected - app.offset) as u16;
        let event = &app.corpus().events[app.selected_event().unwrap()];
        starts.push(column(&buffer, y, &format!("{} ", event.kind.name())));
        app.update(Action::Down);
    }
    assert!(starts[0].is_some(), "{starts:?}");
    starts.dedup();
    assert_eq!(starts.len(), 1, "the kind column moved: {starts:?}");
}

/// A span across years is whole where the column has room (200 columns)
/// and at month precision where it has not (80 columns); the details say
/// it whole at both.
#[test]
fn a_span_across_years() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = layout(w, h);
        go_to(&mut app, "Winter round");
        insta::assert_snapshot!(format!("cross_year_{w}x{h}"), snapshot(&app));
    }
}

#[test]
fn a_small_screen() {
    let mut app = layout(50, 14);
    go_to(&mut app, "Winter round");
    insta::assert_snapshot!("small_50x14", snapshot(&app));
}

/// The actor pop-up grows with the screen and shows each actor's events.
#[test]
fn the_actor_popup_counts_events() {
    for (w, h) in [(80, 24), (200, 60)] {
        let mut app = layout(w, h);
        app.update(Action::ActorFilter);
        insta::assert_snapshot!(format!("actor_popup_{w}x{h}"), snapshot(&app));
    }
    // Under a filter, the counts are of the events it lets through.
    let mut app = layout(120, 40);
    app.update(Action::TextFilter);
    for c in "winter".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    app.update(Action::ActorFilter);
    let shown = snapshot(&app);
    assert!(
        shown.contains("Ola Ode") && shown.contains("1 event") && shown.contains("0 events"),
        "{shown}"
    );
}

/// A long problem wraps inside the list instead of being cut.
#[test]
fn the_problems_list_wraps() {
    let mut app = fixture("tests/fixtures/layout-problems", 80, 24);
    app.update(Action::Problems);
    insta::assert_snapshot!("problems_80x24", snapshot(&app));
}

/// Scrolling moves a problem at a time and reaches the end of the last
/// one, however many lines each wraps to.
#[test]
fn the_wrapped_problems_scroll_to_the_end() {
    let mut app = fixture("tests/fixtures/layout-problems", 50, 10);
    app.update(Action::Problems);
    let shown = snapshot(&app);
    assert!(
        shown.contains("events.toml:17:") && shown.contains("↓ 1 more"),
        "{shown}"
    );
    for _ in 0..3 {
        app.update(Action::Down);
        let shown = snapshot(&app);
        assert!(!shown.contains("events.toml:17:"), "{shown}");
        assert!(
            shown.contains("events.toml:21:") && shown.contains("the…\""),
            "{shown}"
        );
        assert!(!shown.contains("more (j"), "{shown}");
    }
    app.update(Action::Up);
    assert!(snapshot(&app).contains("events.toml:17:"));
}

/// With chips that do not fit, the header drops the corpus counts whole
/// and ends what it cuts with "…"; the chip shows the month typed.
#[test]
fn the_header_drops_whole_parts_or_ends_with_an_ellipsis() {
    let mut app = layout(80, 24);
    app.update(Action::FieldFilter);
    for c in "date:2009-12..2010-01 kind:talks,visit".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    let header = row(&buffer(&app), 0);
    assert!(header.contains("2009-12..2010-01"), "{header}");
    assert!(!header.contains("2009-12-01"), "{header}");
    assert!(
        header.contains("· 28 events ") && !header.contains("· 0 quotes"),
        "{header}"
    );
    app.update(Action::TextFilter);
    for c in "round".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    app.update(Action::ActorFilter);
    app.update(Action::Submit);
    let header = row(&buffer(&app), 0);
    assert!(header.trim_end().ends_with('…'), "{header}");
    assert!(!header.contains("events"), "{header}");
}
