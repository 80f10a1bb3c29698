//! The Articles and Quotes views driven without a terminal.

use std::path::Path;

use chronicle::app::{Action, App, Keymap, Passage, QuoteSort, Shared, View};
use chronicle::corpus::{load, Location};
use chronicle::model::Corpus;

fn app_of(dir: &str) -> App {
    let loaded = load(&Location::Dir(Path::new(dir).into()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    App::new(
        Shared::new(loaded.corpus, loaded.problems),
        Keymap::default(),
        100,
        30,
    )
}

fn speakers(app: &App) -> Vec<String> {
    let c = app.corpus();
    app.views
        .quotes
        .iter()
        .map(|&q| c.actors[c.quotes[q].speaker].name.clone())
        .collect()
}

#[test]
fn view_keys_switch_views_and_keep_the_timeline_cursor() {
    let mut app = app_of("tests/fixtures/mini");
    assert_eq!(app.view(), View::Timeline);
    app.update(Action::Down);
    let selected = app.selected;
    app.update(Action::ViewArticles);
    assert_eq!(app.view(), View::Articles);
    app.update(Action::Down);
    assert_eq!(app.selected, selected, "the timeline cursor stays");
    assert_eq!(app.views.article_selected, 1);
    app.update(Action::ViewQuotes);
    assert_eq!(app.view(), View::Quotes);
    app.update(Action::ViewTimeline);
    assert_eq!(app.view(), View::Timeline);
    assert_eq!(app.selected, selected);
}

#[test]
fn every_article_is_listed_by_date_and_opens_with_its_passages() {
    let mut app = app_of("tests/fixtures/mini");
    app.update(Action::ViewArticles);
    assert_eq!(app.views.articles.len(), app.corpus().articles.len());
    let first = &app.corpus().articles[app.views.articles[0]];
    assert_eq!(first.id, "alpha");
    app.update(Action::Activate);
    let reading = app.views.reading.clone().expect("an article is open");
    assert_eq!(app.corpus().articles[reading.article].id, "alpha");
    assert!(reading
        .passages
        .iter()
        .any(|p| matches!(p, Passage::Quote(_))));
    // Moving to a quote lights it in the article.
    let at = reading
        .passages
        .iter()
        .position(|p| matches!(p, Passage::Quote(_)))
        .unwrap();
    for _ in 0..at {
        app.update(Action::Down);
    }
    let Passage::Quote(q) = reading.passages[at] else {
        unreachable!()
    };
    let view = app.article_view().unwrap();
    assert_eq!(view.span, app.corpus().quotes[q].span);
    app.update(Action::Close);
    assert!(app.views.reading.is_none());
    assert_eq!(app.view(), View::Articles);
}

#[test]
fn quotes_group_by_speaker_and_the_sort_cycles() {
    let mut app = app_of("tests/fixtures/mini");
    app.update(Action::ViewQuotes);
    assert_eq!(app.views.sort, QuoteSort::Count);
    let by_count = speakers(&app);
    // Each speaker's quotes are together.
    let mut seen: Vec<&String> = Vec::new();
    for (i, s) in by_count.iter().enumerate() {
        if i == 0 || by_count[i - 1] != *s {
            assert!(!seen.contains(&s), "{s} split in {by_count:?}");
            seen.push(s);
        }
    }
    app.update(Action::CycleSort);
    assert_eq!(app.views.sort, QuoteSort::Speaker);
    let by_name = speakers(&app);
    let mut sorted = by_name.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_eq!(by_name, sorted);
    app.update(Action::CycleSort);
    assert_eq!(app.views.sort, QuoteSort::Date);
    app.update(Action::CycleSort);
    assert_eq!(app.views.sort, QuoteSort::Count);
}

#[test]
fn enter_on_a_quote_shows_it_highlighted_in_its_article() {
    let mut app = app_of("tests/fixtures/mini");
    app.update(Action::ViewQuotes);
    app.update(Action::Down);
    let q = app.views.quotes[app.views.quote_selected];
    app.update(Action::Activate);
    assert_eq!(app.view(), View::Articles);
    let view = app.article_view().unwrap();
    assert_eq!(view.article, app.corpus().quotes[q].article);
    assert_eq!(view.span, app.corpus().quotes[q].span);
    app.update(Action::Close);
    assert_eq!(app.view(), View::Quotes, "back where it came from");
}

#[test]
fn filters_apply_to_articles_and_quotes() {
    let mut app = app_of("tests/fixtures/mini");
    let all_quotes = app.views.quotes.len();
    app.update(Action::TextFilter);
    for c in "fortress".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    assert_eq!(speakers(&app), ["Boris Kell"]);
    assert!(app.views.quotes.len() < all_quotes);
    let ids: Vec<&str> = app
        .views
        .articles
        .iter()
        .map(|&a| app.corpus().articles[a].id.as_str())
        .collect();
    assert_eq!(ids, ["alpha"]);
    app.update(Action::ClearFilters);
    assert_eq!(app.views.quotes.len(), all_quotes);
}

/// One article and one quote, no events: what an extraction can leave.
fn lone() -> App {
    let loaded = load(&Location::Dir(Path::new("tests/fixtures/mini").into()));
    let c = loaded.corpus;
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
    App::new(Shared::new(corpus, vec![]), Keymap::default(), 100, 30)
}

#[test]
fn a_corpus_with_no_events_opens_on_its_articles() {
    let mut app = lone();
    assert_eq!(app.view(), View::Articles);
    assert_eq!(app.views.articles.len(), 1);
    app.update(Action::Activate);
    let view = app.article_view().expect("the article is open");
    let quote = &app.corpus().quotes[0];
    assert_eq!(view.span, quote.span);
    app.update(Action::Close);
    app.update(Action::ViewQuotes);
    assert_eq!(app.views.quotes, [0]);
}
