use serde_json::json;

use super::*;
use crate::import::slug;

fn import(value: Value) -> Imported {
    read(&value).expect("a TimelineJS file")
}

#[test]
fn foreign_slides_keep_ids_partial_dates_display_dates_and_media() {
    let file = json!({
        "title": {"text": {"headline": "A story"}},
        "events": [
            {"start_date": {"year": "2023", "month": "9"},
             "display_date": "c. September 2023",
             "text": {"headline": "Talks &amp; more", "text": "<p>First para.</p><p>Second.</p>"},
             "media": {"url": "https://example.org/a", "credit": "<b>Wire</b>", "caption": "Photo", "thumbnail": "t.png"},
             "unique_id": "talks-1",
             "background": {"color": "#000"}},
            {"start_date": {"year": 2019}, "end_date": {"year": 2020, "month": 2},
             "text": {"headline": "Years"}}
        ],
        "eras": [{"start_date": {"year": 2019}, "end_date": {"year": 2020}, "text": {"headline": "An era"}}]
    });
    let Imported { doc, notes } = import(file.clone());
    assert_eq!(doc.events.len(), 3);
    let talks = &doc.events[0];
    assert_eq!(talks.id, "talks-1");
    assert_eq!(talks.date, "2023-09~");
    assert_eq!(talks.title, "Talks & more");
    assert_eq!(talks.summary, "First para. Second.");
    assert!(talks
        .date_note
        .as_deref()
        .unwrap()
        .contains("c. September 2023"));
    let article = doc
        .articles
        .iter()
        .find(|a| a.id == talks.sources[0].article)
        .unwrap();
    assert_eq!(article.url.as_deref(), Some("https://example.org/a"));
    assert_eq!(article.outlet.as_deref(), Some("Wire"));
    assert_eq!(article.title, "Photo");
    assert_eq!(article.body, "First para.\n\nSecond.");
    assert_eq!(doc.events[1].date, "2019/2020-02");
    assert_eq!(doc.events[1].id, "years");
    assert_eq!(doc.events[2].id, "an-era");
    assert_eq!(doc.events[2].date, "2019/2020");
    // What the records have no place for is kept as written.
    let kept = &doc.timelinejs;
    assert_eq!(kept.top.get("title"), file.get("title"));
    assert_eq!(kept.events["talks-1"].object, file["events"][0]);
    assert_eq!(kept.events["an-era"].object, file["eras"][0]);
    assert_eq!(kept.events["an-era"].role, Role::Era);
    assert!(notes.is_empty(), "{notes:#?}");
}

#[test]
fn groups_become_headline_events_over_their_slides() {
    let file = json!({"events": [
        {"start_date": {"year": 2024, "month": 6, "day": 18}, "text": {"headline": "Arrives"}, "group": "Visit"},
        {"start_date": {"year": 2024, "month": 6, "day": 19}, "text": {"headline": "Signs"}, "group": "Visit"},
        {"start_date": {"year": 2024, "month": 7}, "text": {"headline": "Alone"}}
    ]});
    let Imported { doc, notes } = import(file);
    let ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["visit", "arrives", "signs", "alone"]);
    assert_eq!(doc.events[0].date, "2024-06-18/2024-06-19");
    assert_eq!(doc.events[1].parent.as_deref(), Some("visit"));
    assert_eq!(doc.events[3].parent, None);
    assert!(notes
        .iter()
        .any(|n| n == "group 'Visit' became headline event 'visit' over 2 slides"));
}

#[test]
fn unusable_dates_are_reported_and_the_slide_skipped() {
    let file = json!({"events": [
        {"start_date": {"year": -50000}, "text": {"headline": "Ancient"}},
        {"text": {"headline": "Undated"}},
        {"start_date": {"year": 2023, "month": 2, "day": 30, "hour": 9}, "text": {"headline": "Feb"}},
        {"start_date": {"year": 2023}, "end_date": {"year": 2021}, "text": {"headline": "Backwards"}},
        {"start_date": {"year": 2023, "month": 3, "day": 1, "hour": 25}, "text": {"headline": "Late"}},
        {"start_date": {"year": 2023, "month": 3, "day": 2, "hour": "9", "minute": 5, "second": 7}, "text": {"headline": "Early"}},
        "not a slide"
    ]});
    let Imported { doc, notes } = import(file);
    let dates: Vec<&str> = doc.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["2023-02", "2023", "2023-03-01", "2023-03-02T09:05"]);
    for want in [
        "year -50000 is outside",
        "no start_date",
        "day is not a day",
        "slide 5 (Late): `start_date` time is not a time of day; kept the day",
        "slide 6 (Early): `start_date` seconds are kept in the file only",
        "end_date dropped",
        "slide 7: not an object",
    ] {
        assert!(notes.iter().any(|n| n.contains(want)), "{want}: {notes:#?}");
    }
}

#[test]
fn files_that_are_not_timelines_are_errors() {
    assert!(read(&json!([1, 2])).is_err());
    let err = read(&json!({"title": {}})).err().expect("an error");
    assert!(err.contains("no `events`"), "{err}");
}

#[test]
fn slugs_are_plain() {
    assert_eq!(slug("Putin’s visit, 2024!"), "putin-s-visit-2024");
    assert_eq!(slug("../../etc"), "etc");
    assert_eq!(slug("———"), "");
}

/// True when a written file holds nothing the sanitizer would change: no
/// control character but the line break, no escape, no invisible format
/// character.
fn clean(text: &str) -> bool {
    matches!(
        crate::text::sanitize::sanitize_text(text),
        std::borrow::Cow::Borrowed(_)
    ) && !text.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn control_characters_are_removed_from_every_field_before_ids_are_made() {
    let esc = "\u{1b}[31m";
    let file = json!({"events": [
        {"start_date": {"year": 2023, "month": 9},
         "unique_id": format!("g{esc}reen"),
         "display_date": "c.\u{7} 2023",
         "group": format!("Gr{esc}oup"),
         "text": {"headline": "&#27;[31mRed&#27;[0m &#7;bell",
                  "text": "<p>One \u{1b}[2J&#x1b;]0;title&#7; two</p><p>\u{7}&#155;1mThree\u{202e}</p>"},
         "media": {"url": format!("https://e.org/{esc}"), "credit": "Wire\u{9b}31m", "caption": "\u{1b}P+q\u{1b}\\Cap"}},
        {"start_date": {"year": 2023}, "text": {"headline": format!("{esc}{esc}")}}
    ]});
    let Imported { doc, .. } = import(file);
    let ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["group", "green", "slide-2"]);
    let green = &doc.events[1];
    assert_eq!(green.title, "Red bell");
    assert_eq!(green.summary, "One two Three");
    let article = &doc.articles[0];
    assert_eq!(article.body, "One two\n\nThree");
    assert_eq!(article.url.as_deref(), Some("https://e.org/"));
    assert_eq!(article.outlet.as_deref(), Some("Wire"));
    assert_eq!(article.title, "Cap");
    for (path, text) in super::super::write::files(&doc).expect("files") {
        assert!(clean(&text), "{}: {text:?}", path.display());
    }
}

#[test]
fn a_sidecar_is_cleaned_too_and_its_events_still_match_their_slides() {
    let esc = "\u{1b}[31m";
    let id = format!("e{esc}1");
    let file = json!({
        "events": [{"start_date": {"year": 2023}, "unique_id": id, "text": {"headline": "Met"}}],
        "chronicle": {
            "format": "chronicle-export", "version": 1,
            "articles": [{"id": format!("a{esc}"), "title": "T\u{7}", "body": "Kim \u{1b}]8;;x\u{7}met.\r\n\r\nPutin\u{85}too.",
                          "published": "2023-01-02\u{7}"}],
            "actors": [{"id": "kim", "name": format!("K{esc}im"), "aliases": ["Kim\u{200b}"], "kind": "person"}],
            "events": [{"id": id, "date": "2023", "title": "Met", "kind": "meeting", "actors": ["kim"],
                        "summary": "S\u{1b}", "sources": [{"article": format!("a{esc}"), "excerpt": "Kim met."}]}],
            "quotes": []
        }
    });
    let Imported { doc, notes } = import(file);
    assert_eq!(doc.events.len(), 1, "{notes:#?}");
    assert_eq!(doc.events[0].id, "e1");
    assert_eq!(doc.events[0].sources[0].article, "a");
    assert_eq!(doc.articles[0].body, "Kim met.\n\nPutin\ntoo.");
    assert_eq!(doc.articles[0].published.as_deref(), Some("2023-01-02"));
    assert_eq!(doc.actors[0].name, "Kim");
    assert_eq!(doc.actors[0].aliases, ["Kim"]);
    for (path, text) in super::super::write::files(&doc).expect("files") {
        assert!(clean(&text), "{}: {text:?}", path.display());
    }
}

/// A `chronicle` block for one event on one article, as an export writes it.
fn sidecar(date: &str) -> Value {
    json!({
        "format": "chronicle-export", "version": 1,
        "articles": [{"id": "wire", "title": "Leaders meet", "body": "Putin and Kim met."}],
        "actors": [],
        "events": [{"id": "summit", "date": date, "title": "They meet", "kind": "summit",
                    "summary": "S", "sources": [{"article": "wire", "excerpt": "Putin and Kim met."}]}],
        "quotes": []
    })
}

#[test]
fn a_block_that_does_not_load_as_a_corpus_leaves_the_slides_alone() {
    let slide = json!({"start_date": {"year": 2023}, "unique_id": "summit", "text": {"headline": "They meet"}});
    let kept = import(json!({"events": [slide.clone()], "chronicle": sidecar("2023-09-13")}));
    assert_eq!(kept.doc.events[0].kind, "summit", "{:#?}", kept.notes);
    let Imported { doc, notes } =
        import(json!({"events": [slide], "chronicle": sidecar("-10000-09-13")}));
    assert_eq!(doc.events.len(), 1);
    assert_eq!(doc.events[0].kind, "other");
    assert_eq!(doc.events[0].date, "2023");
    assert!(
        notes.iter().any(|n| n.contains("does not load as a corpus")
            && n.contains("year -10000 is out of range")
            && n.ends_with("read the slides only")),
        "{notes:#?}"
    );
}

#[test]
fn a_slide_made_elsewhere_takes_none_of_the_blocks_ids() {
    let Imported { doc, notes } = import(json!({
        "events": [
            {"start_date": {"year": 2023}, "unique_id": "wire", "text": {"headline": "Other"}},
            {"start_date": {"year": 2023}, "unique_id": "summit", "text": {"headline": "They meet"}}
        ],
        "chronicle": sidecar("2023-09-13")
    }));
    let ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["wire-2", "summit"], "{notes:#?}");
    let articles: Vec<&str> = doc.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(articles, ["wire", "wire-2"]);
}

#[test]
fn a_slide_of_quote_marks_only_gets_an_excerpt_that_can_be_found() {
    let Imported { doc, .. } = import(json!({"events": [
        {"start_date": {"year": 2023}, "text": {"headline": "“\"”", "text": "<p>'</p>"}}
    ]}));
    assert_eq!(doc.events[0].sources[0].excerpt, "Slide 1.");
    assert_eq!(doc.articles[0].body, "'\n\nSlide 1.");
}
