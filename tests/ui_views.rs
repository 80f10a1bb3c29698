//! Snapshots of the Articles and Quotes views through ratatui's
//! `TestBackend`, at 80x24, 120x40 and 200x60.

use std::path::Path;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::{load, Location};
use chronicle::model::Corpus;
use chronicle::ui::{self, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn mini(width: u16, height: u16) -> App {
    let loaded = load(&Location::Dir(Path::new("tests/fixtures/mini").into()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    App::new(
        Shared::new(loaded.corpus, loaded.problems),
        Keymap::default(),
        width,
        height,
    )
}

fn snapshot(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, app, &Theme::colour()))
        .unwrap();
    terminal.backend().to_string()
}

fn each_size(name: &str, actions: &[Action], make: fn(u16, u16) -> App) {
    for (w, h) in SIZES {
        let mut app = make(w, h);
        for &action in actions {
            app.update(action);
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), snapshot(&app));
    }
}

#[test]
fn articles_view() {
    each_size("articles", &[Action::ViewArticles, Action::Down], mini);
}

#[test]
fn article_open_on_a_quote() {
    let actions = [
        Action::ViewArticles,
        Action::Activate,
        Action::Down,
        Action::Down,
    ];
    each_size("article_open", &actions, mini);
}

#[test]
fn quotes_view_by_speaker() {
    let actions = [Action::ViewQuotes, Action::CycleSort, Action::Down];
    each_size("quotes", &actions, mini);
}

/// One article and one quote, no events: it opens on the Articles view.
fn lone(width: u16, height: u16) -> App {
    let c = load(&Location::Dir(Path::new("tests/fixtures/mini").into())).corpus;
    let mut quote = c.quotes[0].clone();
    quote.event = None;
    quote.article = 0;
    let article = c.articles[c.quotes[0].article].clone();
    let corpus = Corpus::new(
        "lone".into(),
        vec![article],
        c.actors.clone(),
        vec![],
        vec![quote],
    );
    App::new(
        Shared::new(corpus, vec![]),
        Keymap::default(),
        width,
        height,
    )
}

#[test]
fn a_corpus_with_no_events_opens_usefully() {
    each_size("lone", &[Action::Activate], lone);
}
