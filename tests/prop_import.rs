//! Random TimelineJS files through the importer: JSON of any shape, and
//! timelines whose every field is odd (dates out of range or not numbers,
//! HTML with escapes, entities and broken tags, ids that collide or carry
//! control characters, groups, media, a `chronicle` block that does not
//! agree with itself). The importer never panics, and whatever it imports
//! is a corpus that loads back with no problem and holds no control
//! character in any file.

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chronicle::corpus::{load, Location};
use chronicle::import::{timelinejs, write::write_corpus};
use chronicle::text::sanitize::sanitize_text;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde_json::{json, Map, Value};

/// Pieces of text that have broken importers: escapes raw and as entities,
/// tags whole and cut, quote marks, bidi and zero-width characters, things
/// that mean something in TOML or front matter, and non-ASCII letters.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "Kim", "met", "Putin", " ", " ", "\n", "\r\n", "\t", ".", ",", "-", "_", "..", "/", "2023",
    "\u{1b}[31m", "\u{1b}]0;t\u{7}", "\u{1b}", "\u{7}", "\u{0}", "\u{9b}2J", "\u{85}", "&#27;[31m",
    "&#7;", "&#x1b;", "&#0;", "&#155;", "&#xD800;", "&#1114112;", "&amp;", "&lt;", "&gt;", "&nbsp;",
    "&", "&#", ";", "<p>", "</p>", "<br>", "<b>", "<", ">", "< 5 €", "<a href=\"x\"", "<!--",
    "\"", "'", "“", "”", "‘", "’", "«", "»", "\u{202e}", "\u{200b}", "\u{feff}", "\u{2028}",
    "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}", "é", "€", "朝鮮", "👩‍👩‍👧", "+++",
    "[[event]]", "\\", "\\u0000", "=", "#",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

/// A value where a number or a short string is expected, often not one.
fn part() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => (-3i64..40).prop_map(Value::from),
        2 => prop_oneof![Just(0i64), Just(1), Just(9999), Just(10_000), Just(-1), Just(-500)]
            .prop_map(Value::from),
        2 => (1i64..10_000).prop_map(|n| Value::from(n.to_string())),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|f| json!(f)),
        1 => text().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
    ]
}

fn date() -> impl Strategy<Value = Value> {
    let keys = proptest::sample::select(vec!["year", "month", "day", "hour", "minute", "x"]);
    prop_oneof![
        8 => proptest::collection::vec((keys, part()), 0..4)
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        1 => part(),
    ]
}

#[rustfmt::skip]
const NAMES: &[&str] = &[
    "a", "a", "b", "a-2", "A", "a 2", "slide-1", "group", "\u{1b}[31ma", "---", "", "article", "..",
    "x/y", "event",
];

/// Ids and group names from a small pool, so that they collide, and with
/// escapes or nothing a slug can be made of.
fn name() -> impl Strategy<Value = Value> {
    let pool = proptest::sample::select(NAMES);
    prop_oneof![
        6 => pool.prop_map(Value::from),
        2 => text().prop_map(Value::from),
        1 => part(),
    ]
}

fn object(fields: Vec<(&'static str, Value)>) -> Value {
    Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A slide with any subset of its fields, each odd or not.
fn slide() -> impl Strategy<Value = Value> {
    let text_obj =
        (proptest::option::of(text()), proptest::option::of(text())).prop_map(|(h, t)| {
            let mut m = Map::new();
            if let Some(h) = h {
                m.insert("headline".into(), h.into());
            }
            if let Some(t) = t {
                m.insert("text".into(), t.into());
            }
            Value::Object(m)
        });
    let media = (text(), text(), text()).prop_map(|(url, credit, caption)| {
        object(vec![
            ("url", url.into()),
            ("credit", credit.into()),
            ("caption", caption.into()),
            ("thumbnail", "t.png".into()),
        ])
    });
    (
        proptest::option::weighted(0.9, date()),
        proptest::option::of(date()),
        proptest::option::of(text()),
        proptest::option::weighted(0.9, prop_oneof![5 => text_obj, 1 => part()]),
        proptest::option::of(prop_oneof![3 => media, 1 => part()]),
        proptest::option::of(name()),
        proptest::option::of(name()),
        proptest::option::weighted(0.1, part()),
    )
        .prop_map(|(start, end, display, text, media, group, id, extra)| {
            let mut fields = Vec::new();
            let mut put = |k: &'static str, v: Option<Value>| {
                if let Some(v) = v {
                    fields.push((k, v));
                }
            };
            put("start_date", start);
            put("end_date", end);
            put("display_date", display.map(Value::from));
            put("text", text);
            put("media", media);
            put("group", group);
            put("unique_id", id);
            put("background", extra);
            object(fields)
        })
}

/// A `chronicle` block: its records refer to each other through the same
/// small pools, so that some agree and many do not.
fn sidecar() -> impl Strategy<Value = Value> {
    let pool = || proptest::sample::select(vec!["a", "b", "c", "\u{1b}[31ma", ""]);
    let article = (pool(), text(), text(), proptest::option::of(part())).prop_map(
        |(id, title, body, published)| {
            json!({"id": id, "title": title, "body": format!("Kim met Putin. {body}"),
                   "published": published})
        },
    );
    let actor = (
        pool(),
        text(),
        proptest::sample::select(vec!["person", "organisation", "x"]),
    )
        .prop_map(
            |(id, name, kind)| json!({"id": id, "name": name, "aliases": [name], "kind": kind}),
        );
    let source = (pool(), prop_oneof![Just("Kim met".to_owned()), text()])
        .prop_map(|(article, excerpt)| json!({"article": article, "excerpt": excerpt}));
    let date = prop_oneof![
        Just("2023-09".to_owned()),
        Just("-10000-01-01".to_owned()),
        Just("2023-02-30".to_owned()),
        text(),
    ];
    let kinds = proptest::sample::select(vec!["meeting", "summit", "other", "nope"]);
    let event = (
        pool(),
        date,
        text(),
        kinds,
        proptest::collection::vec(pool(), 0..3),
        proptest::option::of(pool()),
        proptest::collection::vec(source, 0..3),
    )
        .prop_map(|(id, date, title, kind, actors, parent, sources)| {
            json!({"id": id, "date": date, "title": title, "kind": kind, "actors": actors,
                   "parent": parent, "summary": "S", "sources": sources})
        });
    let quote = (
        pool(),
        pool(),
        pool(),
        pool(),
        prop_oneof![Just("Putin".to_owned()), text()],
        0usize..3,
    )
        .prop_map(|(id, article, speaker, event, text, occurrence)| {
            json!({"id": id, "article": article, "speaker": speaker, "event": event,
                   "text": text, "occurrence": occurrence})
        });
    (
        proptest::collection::vec(article, 0..3),
        proptest::collection::vec(actor, 0..3),
        proptest::collection::vec(event, 0..4),
        proptest::collection::vec(quote, 0..3),
    )
        .prop_map(|(articles, actors, events, quotes)| {
            json!({"format": "chronicle-export", "version": 1, "articles": articles,
                   "actors": actors, "events": events, "quotes": quotes})
        })
}

#[rustfmt::skip]
const KEYS: &[&str] = &[
    "events", "events", "chronicle", "start_date", "end_date", "year", "month", "day", "text",
    "headline", "group", "unique_id", "media", "url", "articles", "actors", "quotes", "id", "body",
    "title", "eras", "k",
];

/// Keys of a TimelineJS file and of its `chronicle` block, and others.
fn key() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(KEYS)
}

/// A timeline as chronicle exports it: slides for two events of its
/// `chronicle` block, which agrees with itself.
fn exported() -> Value {
    json!({
        "events": [
            {"start_date": {"year": 2023, "month": 9, "day": 13}, "unique_id": "summit",
             "text": {"headline": "Putin and Kim meet"}},
            {"start_date": {"year": 2023, "month": 9, "day": 13}, "unique_id": "toast",
             "text": {"headline": "A toast"}}
        ],
        "chronicle": {
            "format": "chronicle-export", "version": 1,
            "articles": [
                {"id": "wire", "title": "Leaders meet", "published": "2023-09-14",
                 "body": "Putin and Kim met at the cosmodrome.\n\n“We will always be with Russia,” Kim said."},
                {"id": "blog", "title": "A toast", "body": "Putin raised a toast to friendship."}
            ],
            "actors": [
                {"id": "kim", "name": "Kim Jong Un", "aliases": ["Kim"], "kind": "person"},
                {"id": "putin", "name": "Vladimir Putin", "aliases": ["Putin"], "kind": "person"}
            ],
            "events": [
                {"id": "summit", "date": "2023-09-13", "title": "Putin and Kim meet", "kind": "summit",
                 "actors": ["kim", "putin"], "summary": "They meet.",
                 "sources": [{"article": "wire", "excerpt": "Putin and Kim met at the cosmodrome."}]},
                {"id": "toast", "date": "2023-09-13", "title": "A toast", "kind": "ceremony",
                 "actors": ["putin"], "parent": "summit", "summary": "A toast.",
                 "sources": [{"article": "blog", "excerpt": "Putin raised a toast"}]}
            ],
            "quotes": [
                {"id": "q1", "article": "wire", "speaker": "kim", "event": "summit",
                 "text": "We will always be with Russia,"}
            ]
        }
    })
}

/// Places in [`exported`] a change can go, and values it can put there.
const CHANGE_AT: &[&str] = &[
    "/chronicle/events/0/date",
    "/chronicle/events/1/date",
    "/chronicle/events/0/kind",
    "/chronicle/events/0/id",
    "/chronicle/events/1/id",
    "/chronicle/events/1/parent",
    "/chronicle/events/0/actors/0",
    "/chronicle/events/0/sources/0/article",
    "/chronicle/events/0/sources/0/excerpt",
    "/chronicle/events/0/title",
    "/chronicle/quotes/0/text",
    "/chronicle/quotes/0/speaker",
    "/chronicle/quotes/0/event",
    "/chronicle/quotes/0/occurrence",
    "/chronicle/articles/0/id",
    "/chronicle/articles/0/published",
    "/chronicle/articles/0/body",
    "/chronicle/articles/1/title",
    "/chronicle/actors/0/id",
    "/chronicle/actors/1/aliases/0",
    "/chronicle/actors/1/kind",
    "/events/0/unique_id",
    "/events/1/unique_id",
    "/events/1/text/headline",
];

/// Values an edit puts in: dates the loader rejects, and the ids of other
/// records (a duplicate, a reference to the wrong one).
#[rustfmt::skip]
const EDITS: &[&str] = &[
    "-10000-01-01", "10000", "2023-02-30", "nope", "", "summit", "toast", "wire", "kim", "putin",
    "\u{1b}[31msummit", "Kim",
];

/// [`exported`] with a few fields changed, each to an odd value or to one
/// of another field (a duplicate id, a reference to the wrong record).
fn edited_export() -> impl Strategy<Value = (Value, bool)> {
    let value = prop_oneof![
        3 => proptest::sample::select(EDITS).prop_map(Value::from),
        1 => prop_oneof![Just(json!(2)), Just(json!(0)), Just(Value::Null)],
        1 => text().prop_map(Value::from),
    ];
    proptest::collection::vec((proptest::sample::select(CHANGE_AT), value), 0..3).prop_map(
        |changes| {
            let mut doc = exported();
            let untouched = changes.is_empty();
            for (at, value) in changes {
                if let Some(slot) = doc.pointer_mut(at) {
                    *slot = value;
                }
            }
            (doc, untouched)
        },
    )
}

/// JSON of any shape, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![part(), text().prop_map(Value::from)];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((key(), inner), 0..4).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn timeline() -> impl Strategy<Value = Value> {
    (
        proptest::collection::vec(prop_oneof![8 => slide(), 1 => any_json()], 0..8),
        proptest::option::weighted(0.3, prop_oneof![3 => sidecar(), 1 => any_json()]),
        proptest::option::of(any_json()),
        proptest::option::weighted(0.2, proptest::collection::vec(slide(), 0..3)),
        proptest::option::weighted(0.2, any_json()),
    )
        .prop_map(|(events, chronicle, title, eras, extra)| {
            let mut fields = vec![("events", Value::Array(events))];
            let mut put = |k: &'static str, v: Option<Value>| {
                if let Some(v) = v {
                    fields.push((k, v));
                }
            };
            put("chronicle", chronicle);
            put("title", title);
            put("eras", eras.map(Value::Array));
            put("scale", extra);
            object(fields)
        })
}

/// A directory for one case, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("chronicle-prop-import-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        Scratch(path)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("the corpus directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push((path.clone(), fs::read(&path).expect("a written file")));
        }
    }
    out
}

/// Imports `value`; when it is a timeline at all, writes the corpus and
/// checks that it loads with no problem and that no file holds a control
/// character (a line break aside) or anything else the sanitizer removes.
fn imports_clean(value: &Value) -> Result<(), TestCaseError> {
    let Ok(imported) = timelinejs::read(value) else {
        return Ok(());
    };
    let scratch = Scratch::new();
    let dir = scratch.0.join("corpus");
    write_corpus(&imported.doc, &dir, false).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for (path, bytes) in files(&dir) {
        let text = String::from_utf8(bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let control = text.chars().find(|&c| c.is_control() && c != '\n');
        prop_assert!(
            control.is_none(),
            "{}: {:?} in {:?}",
            path.display(),
            control,
            text
        );
        let clean = matches!(sanitize_text(&text), Cow::Borrowed(_));
        prop_assert!(
            clean,
            "{}: the sanitizer would change {:?}",
            path.display(),
            text
        );
    }
    let loaded = load(&Location::Dir(dir));
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    prop_assert!(
        shown.is_empty(),
        "{:#?}\nnotes: {:#?}\nfrom {}",
        shown,
        imported.notes,
        value
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 160,
        rng_seed: RngSeed::Fixed(12),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_json_never_panics_and_what_imports_loads_clean(value in any_json()) {
        imports_clean(&value)?;
    }

    #[test]
    fn odd_timelines_never_panic_and_import_into_clean_corpora(value in timeline()) {
        imports_clean(&value)?;
    }

    /// An export edited by hand: its `chronicle` block is kept when it still
    /// agrees with itself, else the slides are read alone; either way the
    /// corpus loads clean.
    #[test]
    fn an_edited_export_imports_into_a_clean_corpus((value, untouched) in edited_export()) {
        imports_clean(&value)?;
        let imported = timelinejs::read(&value).map_err(TestCaseError::fail)?;
        if untouched {
            let kinds: Vec<&str> = imported.doc.events.iter().map(|e| e.kind.as_str()).collect();
            prop_assert_eq!(kinds, ["summit", "ceremony"], "{:#?}", imported.notes);
            prop_assert_eq!(imported.doc.quotes.len(), 1);
        }
    }
}
