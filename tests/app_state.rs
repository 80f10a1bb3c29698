//! Explorer state driven by actions alone: no terminal involved.

use std::path::Path;

use chronicle::app::{Action, App, Focus, Highlight, InputKind, Keymap, Layer, Overlay, Shared};
use chronicle::corpus::{load, Location};
use chronicle::filter::Combine;

fn app() -> App {
    let loaded = load(&Location::Dir(Path::new("tests/fixtures/mini").into()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    App::new(
        Shared::new(loaded.corpus, loaded.problems),
        Keymap::default(),
        100,
        30,
    )
}

fn ids(app: &App) -> Vec<String> {
    app.rows
        .iter()
        .map(|r| app.corpus().events[r.event].id.clone())
        .collect()
}

fn selected_id(app: &App) -> String {
    app.corpus().events[app.selected_event().expect("a selection")]
        .id
        .clone()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

#[test]
fn timeline_is_in_date_order_with_sub_events_under_their_headline() {
    let app = app();
    assert_eq!(ids(&app), ["war", "summit", "bridge", "fortress", "border"]);
    let depths: Vec<u8> = app.rows.iter().map(|r| r.depth).collect();
    assert_eq!(depths, [0, 0, 1, 1, 0]);
}

#[test]
fn moving_clamps_at_both_ends_and_pages() {
    let mut app = app();
    app.update(Action::Up);
    assert_eq!(app.selected, 0);
    app.update(Action::Bottom);
    assert_eq!(selected_id(&app), "border");
    app.update(Action::Down);
    assert_eq!(app.selected, 4);
    app.update(Action::Top);
    app.update(Action::PageDown);
    assert_eq!(app.selected, 4, "a page is longer than five rows here");
}

#[test]
fn folding_hides_sub_events_and_enter_toggles() {
    let mut app = app();
    app.update(Action::Down); // summit
    app.update(Action::Activate);
    assert_eq!(ids(&app), ["war", "summit", "border"]);
    app.update(Action::Expand);
    assert_eq!(ids(&app), ["war", "summit", "bridge", "fortress", "border"]);
    app.update(Action::Down); // bridge
    app.update(Action::Collapse);
    assert_eq!(
        selected_id(&app),
        "summit",
        "folding from a sub-event selects its headline"
    );
    assert_eq!(app.rows.len(), 3);
}

#[test]
fn enter_on_a_leaf_focuses_the_article_and_tab_cycles_panes() {
    let mut app = app();
    app.update(Action::Activate);
    assert_eq!(app.focus, Focus::Article);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Quotes);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Timeline);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Focus::Quotes);
}

#[test]
fn actor_filter_adds_chips_that_combine_all_or_any() {
    let mut app = app();
    app.update(Action::ActorFilter);
    assert_eq!(app.input().map(|i| i.kind), Some(InputKind::Actor));
    type_text(&mut app, "kell");
    let hit = &app.input().unwrap().hits[0];
    assert_eq!(app.corpus().actors[hit.actor].name, "Boris Kell");
    app.update(Action::Submit);
    assert!(app.input().is_none());
    // Kell is listed in the summit and fortress events (and speaks in fortress).
    assert_eq!(ids(&app), ["summit", "fortress"]);
    assert_eq!(app.match_count, 2);

    app.update(Action::ActorFilter);
    type_text(&mut app, "berg");
    app.update(Action::Submit);
    assert_eq!(ids(&app), ["summit"], "all: only the summit lists both");
    app.update(Action::ToggleCombine);
    assert_eq!(app.filter.combine, Combine::Any);
    assert_eq!(ids(&app), ["summit", "bridge", "fortress"]);
    app.update(Action::RemoveChip);
    assert_eq!(app.filter.actors.len(), 1);
    app.update(Action::ClearFilters);
    assert_eq!(app.rows.len(), 5);
}

#[test]
fn a_headline_stays_as_context_when_only_a_sub_event_matches() {
    let mut app = app();
    app.update(Action::TextFilter);
    type_text(&mut app, "BRIDGE");
    assert_eq!(ids(&app), ["summit", "bridge"]);
    assert!(app.rows[0].context && !app.rows[1].context);
    assert_eq!(app.match_count, 1);
}

#[test]
fn text_filter_searches_quotes_and_cancel_restores_the_filter() {
    let mut app = app();
    app.update(Action::TextFilter);
    type_text(&mut app, "everything agreed");
    assert_eq!(ids(&app), ["border"], "terms match a quote, in any order");
    app.update(Action::Submit);
    assert_eq!(app.filter.text, "everything agreed");
    app.update(Action::TextFilter);
    type_text(&mut app, "zzz");
    assert!(app.rows.is_empty());
    app.update(Action::Cancel);
    assert_eq!(app.filter.text, "everything agreed");
    assert_eq!(ids(&app), ["border"]);
}

#[test]
fn a_filter_puts_the_cursor_on_the_first_match_not_on_a_context_row() {
    let mut app = app();
    app.update(Action::TextFilter);
    type_text(&mut app, "fortress");
    app.update(Action::Submit);
    assert_eq!(ids(&app), ["war", "summit", "fortress"]);
    assert!(app.rows[1].context);
    assert_eq!(selected_id(&app), "war", "the first row matches");

    app.update(Action::ClearFilters);
    app.update(Action::Down); // summit
    app.update(Action::TextFilter);
    type_text(&mut app, "bridge");
    app.update(Action::Submit);
    assert_eq!(ids(&app), ["summit", "bridge"]);
    assert_eq!(selected_id(&app), "bridge", "summit is only context now");
    assert_eq!(app.shown_event(), app.selected_event(), "the panes show it");

    app.update(Action::ClearFilters);
    app.update(Action::Top);
    app.update(Action::ActorFilter);
    type_text(&mut app, "berg");
    app.update(Action::Submit);
    app.update(Action::TextFilter);
    type_text(&mut app, "bridge");
    app.update(Action::Submit);
    assert_eq!(selected_id(&app), "bridge", "with an actor chip on as well");
}

#[test]
fn the_selection_survives_filtering_when_still_shown() {
    let mut app = app();
    app.update(Action::Bottom);
    app.update(Action::ActorFilter);
    type_text(&mut app, "ministry");
    app.update(Action::Submit);
    assert_eq!(selected_id(&app), "border");
}

#[test]
fn sources_cycle_and_quotes_show_in_the_article() {
    let mut app = app();
    app.update(Action::Bottom); // border: two sources
    app.update(Action::Follow);
    let first = app.article_view().unwrap();
    assert_eq!(app.corpus().articles[first.article].id, "beta");
    app.update(Action::NextSource);
    let second = app.article_view().unwrap();
    assert_eq!(app.corpus().articles[second.article].id, "alpha");
    let body = &app.corpus().articles[second.article].body;
    assert_eq!(&body[second.span.clone()], "the agency said");
    app.update(Action::NextSource);
    assert_eq!(
        app.article_view().unwrap(),
        first,
        "cycles back to the first"
    );

    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Quotes);
    app.update(Action::Activate);
    let q = app.quotes()[0];
    assert_eq!(app.highlight, Highlight::Quote(q));
    let view = app.article_view().unwrap();
    assert_eq!(
        &app.corpus().articles[view.article].body[view.span],
        "Nothing is agreed until everything is agreed,"
    );
    app.update(Action::FocusPrev);
    app.update(Action::FocusPrev);
    app.update(Action::Up);
    app.update(Action::Follow);
    assert_eq!(
        app.highlight,
        Highlight::Source,
        "a new selection shows its own source again"
    );
}

#[test]
fn the_panes_follow_a_moving_selection_once_it_rests() {
    let mut app = app();
    let first = app.article_view();
    assert_eq!(app.shown_event(), app.selected_event());
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(selected_id(&app), "bridge");
    assert!(app.follow_pending());
    assert_eq!(app.article_view(), first, "the article waits while moving");
    app.update(Action::Follow);
    assert!(!app.follow_pending());
    assert_eq!(app.shown_event(), app.selected_event());
    assert_ne!(app.article_view(), first);

    // Any other action shows the selected event first, so it acts on it.
    app.update(Action::Bottom);
    assert!(app.follow_pending());
    app.update(Action::NextSource);
    assert!(!app.follow_pending());
    assert_eq!(app.message.as_deref(), Some("source 2 of 2"));
    app.update(Action::Follow);
    assert_eq!(app.message.as_deref(), Some("source 2 of 2"), "kept");

    // A move that comes back to the shown event keeps its article state.
    app.update(Action::Up);
    app.update(Action::Down);
    app.update(Action::Follow);
    assert_eq!(app.source, 1);
}

#[test]
fn a_headline_event_shows_the_quotes_of_its_sub_events() {
    let mut app = app();
    app.update(Action::Down);
    app.update(Action::Follow);
    assert_eq!(selected_id(&app), "summit");
    let speakers: Vec<&str> = app
        .quotes()
        .iter()
        .map(|&q| app.corpus().quotes[q].id.as_str())
        .collect();
    assert_eq!(speakers, ["q-bridge", "q-fortress"]);
}

#[test]
fn article_scrolls_from_the_passage_and_stays_in_bounds() {
    let mut app = app();
    app.update(Action::Resize(60, 16));
    app.update(Action::Activate);
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(
        app.article_scroll, None,
        "follows the passage until scrolled"
    );
    app.update(Action::Bottom);
    let bottom = app.article_scroll.expect("scrolled");
    app.update(Action::Down);
    assert_eq!(
        app.article_scroll,
        Some(bottom),
        "cannot scroll past the end"
    );
    app.update(Action::Top);
    assert_eq!(app.article_scroll, Some(0));
}

#[test]
fn overlays_take_keys_first_and_quit_works_everywhere() {
    let mut app = app();
    app.update(Action::Help);
    assert_eq!(app.overlay(), Some(Overlay::Help { scroll: 0 }));
    app.update(Action::Down);
    assert_eq!(app.overlay(), Some(Overlay::Help { scroll: 1 }));
    assert_eq!(
        app.selected, 0,
        "the timeline did not move under the overlay"
    );
    app.update(Action::Close);
    assert_eq!(app.overlay(), None);
    app.update(Action::Problems);
    assert_eq!(app.overlay(), None, "no problems: no overlay");
    assert!(app
        .message
        .as_deref()
        .unwrap_or_default()
        .contains("no problems"));
    app.update(Action::Quit);
    assert!(!app.running);
}

/// One thing is open on top at a time, and it takes every action: what
/// would open another is ignored until it closes.
#[test]
fn what_is_open_on_top_takes_every_action_until_it_closes() {
    let mut app = app();
    app.update(Action::ActorFilter);
    for action in [Action::Help, Action::Export, Action::TextFilter] {
        app.update(action);
        assert_eq!(app.input().map(|i| i.kind), Some(InputKind::Actor));
        assert!(app.overlay().is_none() && app.export_prompt().is_none());
    }
    app.update(Action::Cancel);
    assert!(app.modal.is_none() && app.layer() == Layer::Normal);
    app.update(Action::Export);
    for action in [Action::Help, Action::ActorFilter, Action::Down] {
        app.update(action);
        assert!(app.overlay().is_none() && app.input().is_none());
    }
    assert_eq!(app.export_prompt(), Some(1), "Down moved the selection");
    assert_eq!(app.layer(), Layer::Input);
    app.update(Action::Cancel);
    app.update(Action::Help);
    for action in [Action::Export, Action::ActorFilter, Action::Problems] {
        app.update(action);
        assert_eq!(app.overlay(), Some(Overlay::Help { scroll: 0 }));
    }
    assert_eq!(app.layer(), Layer::Overlay);
    app.update(Action::Close);
    assert!(app.modal.is_none());
}

#[test]
fn keys_go_through_the_keymap_layers() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = app();
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let press = |app: &mut App, key: KeyEvent| {
        let action = app.action_for(&key).expect("a bound key");
        app.update(action);
    };
    press(&mut app, key('a'));
    press(&mut app, key('q')); // typed, not quit
    assert!(app.running);
    assert_eq!(app.input().unwrap().text, "q");
    press(&mut app, KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(app.input().is_none());
    press(&mut app, key('q'));
    assert!(!app.running);
}

#[test]
fn a_resize_keeps_an_open_input_and_the_selection_visible() {
    let mut app = app();
    app.update(Action::Bottom);
    app.update(Action::TextFilter);
    app.update(Action::Resize(40, 10));
    app.update(Action::Resize(200, 60));
    assert!(app.input().is_some());
    type_text(&mut app, "negotiators");
    assert_eq!(ids(&app), ["border"]);
    app.update(Action::Resize(0, 0));
    app.update(Action::Resize(90, 12));
    assert!(app.offset <= app.selected);
}

#[test]
fn a_scrolled_article_keeps_the_same_text_on_top_across_a_resize() {
    let loaded = load(&Location::Embedded);
    let mut app = App::new(
        Shared::new(loaded.corpus, loaded.problems),
        Keymap::default(),
        60,
        16,
    );
    app.update(Action::Activate);
    for _ in 0..10 {
        app.update(Action::Down);
    }
    let at = app.article_scroll.expect("scrolled");
    assert!(at > 0);
    app.update(Action::Resize(72, 18));
    let view = app.article_view().unwrap();
    let rect = chronicle::app::layout::article_text(app.panes().article.unwrap());
    let lines = app.wrapped(view.article, rect.width);
    let top = app.article_top(&lines, &view.span, usize::from(rect.height));
    let line = lines[top];
    assert!(
        line.start <= at && at <= line.end,
        "{line:?} does not hold byte {at}"
    );
}

#[test]
fn field_filters_let_through_only_events_of_their_dates_and_kinds() {
    let app = app();
    let corpus = app.corpus();
    let index = chronicle::filter::SearchIndex::new(corpus);
    let kind = corpus.events[corpus.order[0]].kind;
    let mut filter = chronicle::filter::Filter {
        facets: chronicle::facets::Facets::parse(&format!("kind:{}", kind.name())).unwrap(),
        ..Default::default()
    };
    let shown = index.apply(corpus, &filter);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|&e| corpus.events[e].kind == kind));
    let first = corpus.events[corpus.order[0]].date.first_day();
    filter.facets =
        chronicle::facets::Facets::parse(&format!("date:..{}", first.format("%Y-%m-%d"))).unwrap();
    let early = index.apply(corpus, &filter);
    assert!(early.contains(&corpus.order[0]) && early.len() < corpus.events.len());
}

#[test]
fn the_field_input_applies_on_enter_shows_a_bad_query_and_reopens_with_what_is_in_force() {
    let mut app = app();
    let all = app.match_count;
    let kind = app.corpus().events[app.corpus().order[0]].kind;
    app.update(Action::FieldFilter);
    assert_eq!(app.input().map(|i| i.kind), Some(InputKind::Fields));
    for c in format!("kind:{}", kind.name()).chars() {
        app.update(Action::Insert(c));
    }
    assert_eq!(app.match_count, all, "nothing applies before Enter");
    app.update(Action::Submit);
    assert!(app.input().is_none());
    let kinded = app.match_count;
    assert!(kinded > 0 && kinded < all, "{kinded} of {all}");
    assert!(app.filter.facets.chips().contains(&kind.name().to_string()));

    app.update(Action::FieldFilter);
    assert_eq!(
        app.input().map(|i| i.text.clone()),
        Some(format!("kind:{}", kind.name()))
    );
    app.update(Action::ClearInput);
    for c in "when:2024".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("when:")));
    assert_eq!(app.match_count, kinded, "a bad query keeps the filter");

    app.update(Action::ClearFilters);
    assert!(app.filter.facets.is_empty());
    assert_eq!(app.match_count, all);
}

#[test]
fn the_text_filter_speaks_the_query_language_and_folds_hyphens_and_case() {
    let loaded = load(&Location::Embedded);
    let shared = Shared::new(loaded.corpus, loaded.problems);
    let mut app = App::new(shared, Keymap::default(), 100, 30);
    let all = app.match_count;
    let count = |app: &mut App, query: &str| {
        app.update(Action::TextFilter);
        app.update(Action::ClearInput);
        for c in query.chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::Submit);
        app.match_count
    };
    let spaced = count(&mut app, "kim jong un");
    assert!(spaced > 0 && spaced < all, "{spaced} of {all}");
    assert_eq!(count(&mut app, "KIM JONG-UN"), spaced);
    assert_eq!(count(&mut app, "!kim"), all - count(&mut app, "kim"));
    let either = count(&mut app, "kim | putin");
    assert!(either >= count(&mut app, "putin") && either >= count(&mut app, "kim"));
}
