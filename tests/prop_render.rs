//! Never panic at any size: random corpora (arbitrary Unicode in every
//! text, random dates, random nesting), random action sequences and random
//! resizes from 0x0 to 300x120 go through `App::update` and `ui::draw`
//! into a buffer of that size, checking the state's invariants each step.

use std::ops::Range;
use std::sync::OnceLock;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::Diagnostic;
use chronicle::model::{
    Actor, ActorKind, Article, Corpus, DateSpec, Event, EventKind, Origin, Quote, Source,
};
use chronicle::text::sanitize::{sanitize_line, sanitize_text};
use chronicle::ui::{self, theme::Theme};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Text mixing the troublemakers with arbitrary code points.
fn text(max: usize) -> impl Strategy<Value = String> {
    let special = proptest::sample::select(
        "a Z\n\t\r\x1b[]\u{9b}\u{202e}\u{200b}\u{200d}\u{301}\u{1112}\u{1161}朝👩🇰é İß\u{fb01}"
            .chars()
            .collect::<Vec<_>>(),
    );
    let c = prop_oneof![3 => special, 2 => any::<char>()];
    proptest::collection::vec(c, 0..max).prop_map(String::from_iter)
}

/// A one-line text as the loader would store it.
fn line(max: usize) -> impl Strategy<Value = String> {
    text(max).prop_map(|s| sanitize_line(&s).trim().to_owned())
}

/// Dates in every form the parser knows, and some it rejects.
fn date() -> impl Strategy<Value = DateSpec> {
    let forms = prop_oneof![
        (1i32..3000).prop_map(|y| format!("{y:04}")),
        (1i32..3000, 1u32..13).prop_map(|(y, m)| format!("{y:04}-{m:02}")),
        (1i32..3000, 1u32..13, 1u32..32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (1990i32..2030, 1u32..13, 1u32..29, 0u32..400).prop_map(|(y, m, d, n)| format!(
            "{y}-{m:02}-{d:02}/{}-{m:02}-{d:02}",
            y + (n / 100) as i32
        )),
        (1990i32..2030, "[~?%]?").prop_map(|(y, q)| format!("{y}{q}")),
        "[0-9W/~?-]{0,14}",
    ];
    forms.prop_map(|s| {
        DateSpec::parse(&s).unwrap_or_else(|_| DateSpec::parse("2000").expect("a valid year"))
    })
}

/// A byte range on char boundaries of `body`, picked by two fractions.
fn span(body: &str, a: u16, b: u16) -> Range<usize> {
    let bounds: Vec<usize> = body
        .char_indices()
        .map(|(i, _)| i)
        .chain([body.len()])
        .collect();
    let pick = |f: u16| bounds[usize::from(f) * (bounds.len() - 1) / usize::from(u16::MAX)];
    let (x, y) = (pick(a), pick(b));
    x.min(y)..x.max(y)
}

#[derive(Debug, Clone)]
struct Spec {
    articles: Vec<(String, String)>,
    actors: Vec<(String, Vec<String>)>,
    events: Vec<EventSpec>,
    quotes: Vec<(usize, usize, usize, u16, u16)>,
    problems: usize,
}

#[derive(Debug, Clone)]
struct EventSpec {
    date: DateSpec,
    title: String,
    actors: Vec<usize>,
    parent: Option<usize>,
    sources: Vec<(usize, u16, u16)>,
    kind: usize,
}

fn event_spec() -> impl Strategy<Value = EventSpec> {
    (
        date(),
        line(40),
        proptest::collection::vec(any::<usize>(), 0..3),
        proptest::option::weighted(0.4, any::<usize>()),
        proptest::collection::vec((any::<usize>(), any::<u16>(), any::<u16>()), 0..3),
        any::<usize>(),
    )
        .prop_map(|(date, title, actors, parent, sources, kind)| EventSpec {
            date,
            title,
            actors,
            parent,
            sources,
            kind,
        })
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        proptest::collection::vec((line(30), text(400)), 0..4),
        proptest::collection::vec((line(20), proptest::collection::vec(line(12), 0..3)), 0..5),
        proptest::collection::vec(event_spec(), 0..14),
        proptest::collection::vec(
            (
                any::<usize>(),
                any::<usize>(),
                any::<usize>(),
                any::<u16>(),
                any::<u16>(),
            ),
            0..6,
        ),
        0usize..30,
    )
        .prop_map(|(articles, actors, events, quotes, problems)| Spec {
            articles,
            actors,
            events,
            quotes,
            problems,
        })
}

/// Builds a corpus the way the loader leaves it: sanitized text, spans on
/// char boundaries, references in range (indices taken modulo the counts).
fn build(spec: &Spec) -> (Corpus, Vec<Diagnostic>) {
    let articles: Vec<Article> = spec
        .articles
        .iter()
        .enumerate()
        .map(|(i, (title, body))| Article {
            id: format!("a{i}"),
            title: title.clone(),
            outlet: (i % 2 == 0).then(|| title.clone()),
            url: None,
            published: None,
            published_note: None,
            body: sanitize_text(body).into_owned(),
            file: format!("articles/a{i}.md"),
            cleaned: i % 3 == 0,
        })
        .collect();
    let actors: Vec<Actor> = spec
        .actors
        .iter()
        .enumerate()
        .map(|(i, (name, aliases))| Actor {
            id: format!("p{i}"),
            name: name.clone(),
            aliases: aliases.clone(),
            role: Some(name.clone()),
            country: None,
            kind: ActorKind::Person,
        })
        .collect();
    let n = spec.events.len();
    let events: Vec<Event> = spec
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| Event {
            id: format!("e{i}"),
            date: e.date.clone(),
            date_note: None,
            title: e.title.clone(),
            place: None,
            kind: EventKind::ALL[e.kind % EventKind::ALL.len()],
            actors: if actors.is_empty() {
                Vec::new()
            } else {
                e.actors.iter().map(|a| a % actors.len()).collect()
            },
            parent: e.parent.map(|p| p % n).filter(|&p| p != i),
            summary: e.title.clone(),
            sources: if articles.is_empty() {
                Vec::new()
            } else {
                e.sources
                    .iter()
                    .map(|&(a, x, y)| {
                        let article = a % articles.len();
                        Source {
                            article,
                            excerpt: String::new(),
                            span: span(&articles[article].body, x, y),
                        }
                    })
                    .collect()
            },
            origin: if e.kind % 4 == 0 {
                Origin::Extracted
            } else {
                Origin::Curated
            },
            background: e.kind % 3 == 0,
            built_from: (e.kind % 2 == 0).then(|| format!("built {i}")),
        })
        .collect();
    let quotes: Vec<Quote> = if articles.is_empty() || actors.is_empty() || n == 0 {
        Vec::new()
    } else {
        spec.quotes
            .iter()
            .enumerate()
            .map(|(i, &(a, s, e, x, y))| {
                let article = a % articles.len();
                let span = span(&articles[article].body, x, y);
                Quote {
                    id: format!("q{i}"),
                    article,
                    speaker: s % actors.len(),
                    event: Some(e % n),
                    text: articles[article].body[span.clone()].replace('\n', " "),
                    span,
                    origin: Origin::Curated,
                }
            })
            .collect()
    };
    let problems = (0..spec.problems)
        .map(|i| Diagnostic {
            file: format!("f{i}.toml"),
            line: i,
            col: 1,
            message: "problem ".repeat(i),
        })
        .collect();
    (
        Corpus::new("prop".into(), articles, actors, events, quotes),
        problems,
    )
}

/// Every action the keymap can produce, typed characters and resizes.
fn action() -> impl Strategy<Value = Action> {
    let plain = proptest::sample::select(vec![
        Action::Quit,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::Top,
        Action::Bottom,
        Action::FocusNext,
        Action::FocusPrev,
        Action::Activate,
        Action::Collapse,
        Action::Expand,
        Action::NextSource,
        Action::ActorFilter,
        Action::TextFilter,
        Action::FieldFilter,
        Action::ClearFilters,
        Action::ToggleCombine,
        Action::RemoveChip,
        Action::Zoom,
        Action::Help,
        Action::Problems,
        Action::Export,
        Action::ViewTimeline,
        Action::ViewArticles,
        Action::ViewQuotes,
        Action::CycleSort,
        Action::Close,
        Action::Submit,
        Action::Cancel,
        Action::DeleteChar,
        Action::ClearInput,
        Action::Follow,
    ]);
    let size = prop_oneof![
        (0u16..=300, 0u16..=120),
        (0u16..=2, 0u16..=120),
        (0u16..=300, 0u16..=2),
        (38u16..=42, 8u16..=12),
    ];
    prop_oneof![
        8 => plain,
        3 => text(2).prop_map(|s| Action::Insert(s.chars().next().unwrap_or('x'))),
        2 => size.prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

/// The theme every frame is drawn with, read from its TOML once rather than
/// at each of the tens of thousands of frames.
fn theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(Theme::colour)
}

/// What must hold after every update, whatever happened before.
fn check(app: &App) -> Result<(), TestCaseError> {
    prop_assert!(app.rows.is_empty() || app.selected < app.rows.len());
    prop_assert!(app.rows.iter().all(|r| r.event < app.corpus().events.len()));
    // The panes show an event on the timeline, or none when it is empty.
    let shown = app.shown_event();
    prop_assert!(shown.is_none_or(|e| app.rows.iter().any(|r| r.event == e)));
    prop_assert_eq!(shown.is_none(), app.rows.is_empty());
    let quotes = app.quotes().len();
    prop_assert!(quotes == 0 || app.quote_selected < quotes);
    // Lists scroll to their cursor whenever their pane is on screen.
    let panes = app.panes();
    if panes.timeline.is_some() && !app.rows.is_empty() {
        prop_assert!(app.offset <= app.selected);
    }
    if panes.quotes.is_some() && quotes > 0 {
        prop_assert!(app.quote_offset <= app.quote_selected);
    }
    if let Some(input) = app.input() {
        prop_assert!(input.hits.is_empty() || input.selected < input.hits.len());
    }
    let mut buf = Buffer::empty(app.size);
    ui::draw(app, theme(), app.size, &mut buf);
    prop_assert_eq!(buf.area, Rect::new(0, 0, app.size.width, app.size.height));
    prop_assert_eq!(
        buf.content.len(),
        usize::from(app.size.width) * usize::from(app.size.height)
    );
    Ok(())
}

/// Cases a plain `cargo test` runs; CI runs 3,000 (`PROPTEST_CASES=3000`,
/// see .ci/run).
const CASES: u32 = 500;

/// `PROPTEST_CASES` when set to a number, else [`CASES`].
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_corpus_any_actions_any_size_never_panics(
        spec in spec(),
        size in (0u16..=300, 0u16..=120),
        actions in proptest::collection::vec(action(), 0..16),
    ) {
        let (corpus, problems) = build(&spec);
        let shared = Shared::new(corpus, problems);
        let mut app = App::new(shared, Keymap::default(), size.0, size.1);
        check(&app)?;
        for action in actions {
            app.update(action);
            check(&app)?;
            if !app.running {
                break;
            }
        }
    }
}
