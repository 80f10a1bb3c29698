//! TimelineJS3 files written by others come through whole: each fixture in
//! tests/fixtures/timelinejs is imported into a corpus, which must check
//! clean, and exported again; every slide, era, group and the title slide
//! of the file must come back with every field it had. The export is then
//! imported and exported once more (through its `chronicle` block) and
//! must still give the file back.

mod common;

use std::path::Path;

use chronicle::corpus::{load, Location};
use chronicle::export::Format;
use chronicle::import::{parse_json, timelinejs, write::write_corpus};
use chronicle::model::Corpus;
use common::TempCorpus;
use serde_json::Value;

const FIXTURES: [&str; 2] = ["news.json", "ancient.json"];

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timelinejs")
        .join(name);
    let bytes = std::fs::read(&path).expect("a fixture");
    parse_json(&path, &bytes).expect("valid JSON")
}

/// The corpus a TimelineJS file imports into, loaded from its directory,
/// and the import's notes.
fn import(value: &Value, tmp: &TempCorpus) -> (Corpus, Vec<String>) {
    let imported = timelinejs::read(value).expect("a timeline");
    let dir = tmp.path().join("corpus");
    write_corpus(&imported.doc, &dir, true).expect("written");
    let loaded = load(&Location::Dir(dir));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    (loaded.corpus, imported.notes)
}

fn export(corpus: &Corpus) -> Value {
    serde_json::from_str(&Format::TimelineJs.render(corpus, &corpus.order)).expect("JSON")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// Every item of `want` is in `got`, with each of its fields as it was;
/// `got` has nothing more but the `unique_id` export gives each slide.
/// Items are matched by their text, which the fixtures give each once.
fn assert_all_back(what: &str, want: &[Value], got: &[Value]) {
    assert_eq!(got.len(), want.len(), "{what}: count; got {got:#?}");
    for (n, w) in want.iter().enumerate() {
        let key = |v: &Value| (v.get("text").cloned(), v.get("start_date").cloned());
        let g = got
            .iter()
            .find(|g| key(g) == key(w))
            .unwrap_or_else(|| panic!("{what} {n} is lost: {w:#}\nin {got:#?}"));
        let (w, g) = (
            w.as_object().expect("object"),
            g.as_object().expect("object"),
        );
        for (field, value) in w {
            assert_eq!(g.get(field), Some(value), "{what} {n}: `{field}`");
        }
        for field in g.keys() {
            assert!(
                w.contains_key(field) || field == "unique_id",
                "{what} {n}: `{field}` added: {g:#?}"
            );
        }
    }
}

fn assert_file_back(name: &str, file: &Value, out: &Value) {
    assert_all_back(
        &format!("{name} slide"),
        list(file, "events"),
        list(out, "events"),
    );
    assert_all_back(
        &format!("{name} era"),
        list(file, "eras"),
        list(out, "eras"),
    );
    for key in file.as_object().expect("object").keys() {
        if !matches!(key.as_str(), "events" | "eras") {
            assert_eq!(out.get(key), file.get(key), "{name}: top-level `{key}`");
        }
    }
}

#[test]
fn every_slide_era_group_and_title_comes_back_field_by_field() {
    for name in FIXTURES {
        let file = fixture(name);
        let tmp = TempCorpus::new(&format!("tljs-{name}"));
        let (corpus, _) = import(&file, &tmp);
        let out = export(&corpus);
        assert_file_back(name, &file, &out);

        let tmp2 = TempCorpus::new(&format!("tljs-again-{name}"));
        let (again, notes) = import(&out, &tmp2);
        assert!(notes.is_empty(), "{name}: {notes:#?}");
        assert_file_back(&format!("{name} (again)"), &file, &export(&again));
    }
}

#[test]
fn times_early_years_eras_and_headline_less_slides_are_in_the_timeline() {
    let tmp = TempCorpus::new("tljs-news-timeline");
    let (news, notes) = import(&fixture("news.json"), &tmp);
    let dated = |c: &Corpus, title: &str| {
        let e = c.events.iter().find(|e| e.title == title);
        e.map(|e| e.date.to_edtf())
            .unwrap_or_else(|| panic!("no event {title:?}"))
    };
    assert_eq!(dated(&news, "The plane lands"), "2024-06-19T02:22");
    assert_eq!(dated(&news, "Talks"), "2024-06-19T14:30/2024-06-19T16");
    assert_eq!(
        dated(&news, "A year of preparations, officials said."),
        "2024"
    );
    assert_eq!(dated(&news, "Departure"), "2024-06-20T09");
    assert_eq!(dated(&news, "Arrival"), "2024-06-19T02:22/2024-06-19T16");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("seconds are kept in the file only")),
        "{notes:#?}"
    );

    let tmp = TempCorpus::new("tljs-ancient-timeline");
    let (ancient, _) = import(&fixture("ancient.json"), &tmp);
    let shown: Vec<(String, String)> = ancient
        .order
        .iter()
        .map(|&e| {
            (
                ancient.events[e].title.clone(),
                ancient.events[e].date.display(),
            )
        })
        .collect();
    let want = [
        ("Prehistory", "5500 BCE–3000 BCE"),
        ("The world begins", "5410 BCE"),
        ("Archaic period", "800 BCE–480 BCE"),
        ("Archaic", "643 BCE–600 BCE"),
        ("Founding", "~643 BCE–600 BCE"),
        ("Roman Republic", "509 BCE–16 Jan 27 BCE"),
        ("Late Republic", "15 Mar 44 BCE–0014-08-19"),
        ("The Ides of March", "15 Mar 44 BCE"),
        ("Augustus dies", "0014-08-19"),
        ("Year zero", "0"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(shown, want);
}

#[test]
fn an_edited_event_is_written_from_the_corpus_and_the_rest_as_the_file_had_it() {
    let file = fixture("news.json");
    let imported = timelinejs::read(&file).expect("a timeline");
    let mut doc = imported.doc;
    let landing = doc
        .events
        .iter_mut()
        .find(|e| e.id == "landing")
        .expect("landing");
    landing.title = "The jet lands".into();
    landing.date = "2024-06-19T02:30".into();
    let tmp = TempCorpus::new("tljs-edited");
    let dir = tmp.path().join("corpus");
    write_corpus(&doc, &dir, false).expect("written");
    let loaded = load(&Location::Dir(dir));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let out = export(&loaded.corpus);
    let slide = list(&out, "events")
        .iter()
        .find(|s| s["unique_id"] == "landing")
        .expect("the slide");
    let was = &list(&file, "events")[0];
    assert_eq!(slide["text"]["headline"], "The jet lands");
    assert_eq!(slide["text"]["text"], was["text"]["text"]);
    assert_eq!(
        slide["start_date"],
        serde_json::json!({"year": 2024, "month": 6, "day": 19, "hour": 2, "minute": 30})
    );
    assert_eq!(slide.get("end_date"), None);
    for kept in ["media", "background", "group", "autolink"] {
        assert_eq!(slide[kept], was[kept], "{kept}");
    }
}

#[test]
fn a_broken_passthrough_file_is_a_problem_at_its_line_and_the_corpus_still_loads() {
    let c = TempCorpus::new("tljs-broken");
    c.write(
        "articles/a.md",
        "+++\nid = \"a\"\ntitle = \"T\"\n+++\nThe jet landed.\n",
    )
    .write("timelinejs.json", "{\n  \"top\": {\n    \"title\": \n}\n");
    let loaded = c.load();
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    let want = format!(
        "{}:4:1: not TimelineJS data chronicle kept: ",
        c.shown("timelinejs.json")
    );
    assert!(shown[0].starts_with(&want), "{shown:#?}");
    assert_eq!(loaded.corpus.articles.len(), 1);
}

#[test]
fn what_is_added_in_timelinejs_to_chronicles_own_export_comes_back() {
    let shipped = load(&Location::Embedded).corpus;
    let first = export(&shipped);
    let mut edited = first.clone();
    let slide = &mut edited["events"][0];
    slide["background"] = serde_json::json!({"color": "#202020"});
    slide["media"]["thumbnail"] = "https://example.org/t.png".into();
    let tmp = TempCorpus::new("tljs-added");
    let (corpus, notes) = import(&edited, &tmp);
    assert!(notes.is_empty(), "{notes:#?}");
    let out = export(&corpus);
    assert_eq!(list(&out, "events"), list(&edited, "events"));
    assert_eq!(out["eras"], first["eras"]);
}
