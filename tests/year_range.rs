//! One range of years for the whole program (-9999–9999, astronomical:
//! 0000 is 1 BC): the loader
//! rejects a `published` or event date outside it at its line and column,
//! extraction leaves a phrase that would fall outside it unresolved instead
//! of wrapping or clamping it, and what is built at the edges of the range
//! exports and imports back with no problem.

mod common;

use chronicle::export::Format;
use chronicle::extract::extract;
use chronicle::import::{parse_json, timelinejs, write::write_corpus};
use chronicle::model::date::in_range;
use chronicle::model::DateSpec;
use chrono::NaiveDate;
use common::{assert_problems, loc, Expect, TempCorpus};
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date")
}

fn article(id: &str, published: &str, body: &str) -> String {
    format!("+++\nid = \"{id}\"\ntitle = \"T {id}\"\npublished = {published}\n+++\n{body}\n")
}

#[test]
fn dates_outside_the_years_are_problems_where_they_are_written() {
    let c = TempCorpus::new("years-loader");
    let zero = article(
        "zero",
        "\"-10000-01-01\"",
        "The minister arrived on Monday.",
    );
    let big = article("big", "\"10000-01-01\"", "The minister left on Monday.");
    let negative = article("neg", "\"-001-12-27\"", "The minister spoke on Monday.");
    c.write("articles/zero.md", &zero)
        .write("articles/big.md", &big)
        .write("articles/neg.md", &negative);
    let events = r#"[[event]]
id = "e1"
date = "-10000-05"
title = "Too early"
kind = "other"
summary = "S"
[[event.source]]
article = "zero"
excerpt = "The minister arrived"

[[event]]
id = "e2"
date = "2023/10000"
title = "Too far"
kind = "other"
summary = "S"
[[event.source]]
article = "zero"
excerpt = "The minister arrived"
"#;
    c.write("events.toml", events);
    let loaded = c.load();
    let range = "out of range (use -9999–9999)";
    let at = |text: &str, needle: &str, skip: usize| {
        let (line, col) = loc(text, needle);
        (line, col + skip)
    };
    assert_problems(
        &loaded.problems,
        &[
            Expect {
                file: c.shown("articles/zero.md"),
                at: at(&zero, "-10000-01-01", 0),
                says: &format!("year -10000 is {range}"),
            },
            Expect {
                file: c.shown("articles/big.md"),
                at: at(&big, "10000", 0),
                says: &format!("year 10000 is {range}"),
            },
            Expect {
                file: c.shown("articles/neg.md"),
                at: at(&negative, "-001", 0),
                says: "`published` is not a real date",
            },
            Expect {
                file: c.shown("events.toml"),
                at: at(events, "-10000-05", 0),
                says: &format!("event 'e1': year -10000 is {range}"),
            },
            Expect {
                file: c.shown("events.toml"),
                at: at(events, "/10000", 1),
                says: &format!("event 'e2': year 10000 is {range}"),
            },
        ],
    );
    // The articles still load, without a publication date to anchor to.
    assert_eq!(loaded.corpus.articles.len(), 3);
    assert!(loaded.corpus.articles.iter().all(|a| a.published.is_none()));
}

/// Published (year, month, day), text, phrase, what it resolves to.
type Edge = (
    (i32, u32, u32),
    &'static str,
    &'static str,
    Option<&'static str>,
);

#[rustfmt::skip]
const EDGES: [Edge; 16] = [
    ((-9999, 1, 1), "The minister arrived on Tuesday.", "Tuesday", None),
    ((-9999, 1, 1), "She left last week.", "last week", None),
    ((-9999, 1, 1), "He visited a year ago.", "a year ago", None),
    ((-9999, 1, 1), "They met yesterday.", "yesterday", None),
    ((-9999, 1, 7), "The minister arrived on Monday.", "Monday", Some("-9999-01-01")),
    ((-9999, 1, 1), "It rained today.", "today", Some("-9999-01-01")),
    ((9999, 12, 31), "He will come back next week.", "next week", None),
    ((9999, 12, 31), "They will meet tomorrow.", "tomorrow", None),
    ((9999, 12, 31), "The envoy will return next year.", "next year", None),
    ((9999, 12, 27), "The envoy will arrive on Friday.", "Friday", Some("9999-12-31")),
    // A day without its year falls on the side of the anchor the tense
    // says, or nowhere: never back on the anchor's own year.
    ((-9999, 3, 1), "Talks were last held on 12 December.", "12 December", None),
    ((9999, 10, 1), "The leaders will meet on 15 January.", "15 January", None),
    ((-9999, 3, 1), "Talks were held on 12 February.", "12 February", Some("-9999-02-12")),
    // The winter of the anchor began in year -10000: not the next one instead.
    ((-9999, 1, 15), "It was cold this winter.", "this winter", None),
    ((-9999, 3, 1), "They met last summer.", "last summer", None),
    ((-9999, 7, 15), "It was hot this summer.", "this summer", Some("-9999-06/-9999-08")),
];

#[test]
fn a_phrase_that_would_fall_outside_the_years_is_left_unresolved() {
    for ((y, m, d), text, phrase, want) in EDGES {
        let published = day(y, m, d);
        let found = extract(text, Some(published), &[]).dates;
        let hit = found
            .iter()
            .find(|f| f.phrase == phrase)
            .unwrap_or_else(|| {
                panic!("{text:?} ({published}) has no mention {phrase:?}: {found:?}")
            });
        let got = hit.date.as_ref().map(DateSpec::to_edtf);
        assert_eq!(got.as_deref(), want, "{text:?} published {published}");
        assert_eq!(hit.anchor, Some(published), "{text:?}: the anchor is kept");
    }
}

#[test]
fn events_built_at_the_edges_export_and_import_back_clean() {
    let c = TempCorpus::new("years-edges");
    c.write(
        "articles/first.md",
        &article(
            "first",
            "\"-9999-01-07\"",
            "The minister arrived in Rome on Monday.",
        ),
    )
    .write(
        "articles/last.md",
        &article("last", "9999-12-31", "The envoy arrived in Oslo on Friday."),
    );
    let loaded = c.load();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let corpus = &loaded.corpus;
    let dates: Vec<String> = corpus
        .order
        .iter()
        .map(|&e| corpus.events[e].date.to_edtf())
        .collect();
    assert!(dates.contains(&"-9999-01-01".to_string()), "{dates:?}");
    assert!(dates.contains(&"9999-12-31".to_string()), "{dates:?}");

    let json = Format::TimelineJs.render(corpus, &corpus.order);
    let value = parse_json(std::path::Path::new("edges.json"), json.as_bytes()).expect("JSON");
    let imported = timelinejs::read(&value).expect("a timeline");
    let out = TempCorpus::new("years-edges-out");
    let dir = out.path().join("corpus");
    write_corpus(&imported.doc, &dir, false).expect("written");
    let again = chronicle::corpus::load(&chronicle::corpus::Location::Dir(dir));
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    let mut back: Vec<String> = again
        .corpus
        .order
        .iter()
        .map(|&e| again.corpus.events[e].date.to_edtf())
        .collect();
    let mut want = dates.clone();
    back.sort();
    want.sort();
    assert_eq!(back, want);
}

/// Phrases of every kind extraction resolves against an anchor.
const PHRASES: [&str; 16] = [
    "on Monday",
    "on Sunday",
    "last week",
    "next week",
    "next year",
    "two days ago",
    "three years ago",
    "yesterday",
    "tomorrow",
    "the next day",
    "a week earlier",
    "at Christmas",
    "over the weekend",
    "this summer",
    "in December",
    "on 2 January",
];

fn near_an_edge() -> impl Strategy<Value = NaiveDate> {
    let start = |y| day(y, 1, 1);
    prop_oneof![
        (0u64..120).prop_map(move |n| start(-9999) + chrono::Days::new(n)),
        (0u64..120).prop_map(move |n| day(9999, 12, 31) - chrono::Days::new(n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the anchor and the phrases, every date extracted (mentions
    /// and the events reported from them) is within the years.
    #[test]
    fn extraction_never_dates_anything_outside_the_years(
        published in near_an_edge(),
        picks in proptest::collection::vec((0..PHRASES.len(), any::<bool>()), 1..6),
    ) {
        let body: String = picks
            .iter()
            .map(|&(k, future)| {
                let verb = if future { "The envoy will arrive" } else { "The envoy arrived" };
                format!("{verb} in Rome {}. ", PHRASES[k])
            })
            .collect();
        let found = extract(&body, Some(published), &[]);
        let within = |d: &DateSpec| {
            in_range(d.first_day())
                && in_range(d.last_day())
                && DateSpec::parse(&d.to_edtf()).is_ok()
        };
        for m in &found.dates {
            prop_assert!(m.date.as_ref().is_none_or(within), "{:?} in {:?}", m, body);
        }
        for r in &found.reports {
            prop_assert!(within(&r.date), "{:?} in {:?}", r.date, body);
        }
    }
}
