//! Export and import together: the shipped corpus exported as TimelineJS,
//! imported into a directory, loaded and exported again gives the same
//! bytes; the imported directory passes `check`; the binary writes files
//! atomically and reports broken JSON at its line and column.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chronicle::corpus::{load, Location};
use chronicle::export::Format;
use chronicle::import::{parse_json, timelinejs, write::write_corpus};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-interop-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn import_into(json: &str, dir: &Path) -> Vec<String> {
    let value = parse_json(Path::new("x.json"), json.as_bytes()).expect("valid JSON");
    let imported = timelinejs::read(&value).expect("a timeline");
    write_corpus(&imported.doc, dir, false).expect("written");
    imported.notes
}

#[test]
fn timelinejs_round_trip_is_byte_identical_and_the_import_checks_clean() {
    let shipped = load(&Location::Embedded);
    let c = &shipped.corpus;
    let first = Format::TimelineJs.render(c, &c.order);
    let dir = scratch("roundtrip");
    let notes = import_into(&first, &dir);
    assert!(notes.is_empty(), "our own export maps entirely: {notes:#?}");
    let again = load(&Location::Dir(dir.clone()));
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    assert_eq!(again.corpus.events.len(), c.events.len());
    assert_eq!(again.corpus.quotes.len(), c.quotes.len());
    let names = |c: &chronicle::model::Corpus| -> Vec<String> {
        c.actors.iter().map(|a| a.name.clone()).collect()
    };
    assert_eq!(
        names(&again.corpus),
        names(c),
        "every actor comes back, those nothing refers to as well"
    );
    let second = Format::TimelineJs.render(&again.corpus, &again.corpus.order);
    assert!(first == second, "the second export differs from the first");
    // The whole-model JSON agrees too, origin included.
    assert_eq!(
        Format::Json.render(c, &c.order),
        Format::Json.render(&again.corpus, &again.corpus.order)
    );
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_filtered_export_round_trips_too() {
    let c = load(&Location::Embedded).corpus;
    let sub = c.order.iter().copied().filter(|&e| {
        c.events[e].parent.is_some() && c.events[e].origin == chronicle::model::Origin::Curated
    });
    let events: Vec<usize> = sub.take(3).collect();
    let first = Format::TimelineJs.render(&c, &events);
    let dir = scratch("filtered");
    import_into(&first, &dir);
    let again = load(&Location::Dir(dir.clone()));
    assert!(again.problems.is_empty(), "{:#?}", again.problems);
    // The imported events only: the importer's articles may report more,
    // which the extractor builds beside them.
    let imported: Vec<usize> = again
        .corpus
        .order
        .iter()
        .copied()
        .filter(|&e| again.corpus.events[e].origin == chronicle::model::Origin::Curated)
        .collect();
    let second = Format::TimelineJs.render(&again.corpus, &imported);
    // The slides come back whole. The imported articles may also yield
    // quotes the filtered export left behind (they belonged to events it did
    // not take), which the extractor finds again and shows on these slides:
    // the slides are compared without their quotations.
    let slides = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).expect("json");
        let events = v["events"].as_array().cloned().unwrap_or_default();
        events
            .iter()
            .map(|e| {
                let mut text = e.to_string();
                while let (Some(a), Some(b)) =
                    (text.find("<blockquote>"), text.find("</blockquote>"))
                {
                    if b < a {
                        break;
                    }
                    text.replace_range(a..b + "</blockquote>".len(), "");
                }
                text
            })
            .collect()
    };
    let (a, b) = (slides(&first), slides(&second));
    assert!(a == b, "the second export differs from the first");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_foreign_timeline_imports_into_a_corpus_that_checks_clean() {
    let json = r#"{
      "title": {"text": {"headline": "Talks"}},
      "events": [
        {"start_date": {"year": 2024, "month": 6, "day": 18}, "end_date": {"year": 2024, "month": 6, "day": 19},
         "text": {"headline": "Putin lands in Pyongyang", "text": "<p>He lands &amp; is met by Kim.</p><p>A second paragraph.</p>"},
         "media": {"url": "https://example.org/landing", "credit": "Wire", "caption": "Landing"},
         "group": "Visit", "unique_id": "landing"},
        {"start_date": {"year": "2024", "month": "06", "day": "19"}, "display_date": "19 June 2024?",
         "text": {"headline": "Treaty signed"}, "group": "Visit"},
        {"start_date": {"year": 2019}, "text": {"headline": "An earlier year", "text": "Plain text, “quoted”."}}
      ]
    }"#;
    let dir = scratch("foreign");
    let notes = import_into(json, &dir);
    assert!(
        notes.iter().all(|n| n.starts_with("group 'Visit' became")),
        "{notes:#?}"
    );
    let loaded = load(&Location::Dir(dir.clone()));
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let c = &loaded.corpus;
    assert_eq!(c.events.len(), 4, "three slides and one group");
    let landing = &c.events[c.event_ix("landing").expect("id kept")];
    assert_eq!(landing.date.to_edtf(), "2024-06-18/2024-06-19");
    let parent = landing.parent.map(|p| c.events[p].title.as_str());
    assert_eq!(parent, Some("Visit"));
    let article = &c.articles[landing.sources[0].article];
    assert_eq!(article.url.as_deref(), Some("https://example.org/landing"));
    let treaty = c
        .events
        .iter()
        .find(|e| e.title == "Treaty signed")
        .unwrap();
    assert!(treaty.date.uncertain);
    assert!(treaty
        .date_note
        .as_deref()
        .unwrap()
        .contains("19 June 2024?"));
    // The title slide is kept and given back.
    let out: serde_json::Value =
        serde_json::from_str(&Format::TimelineJs.render(c, &c.order)).expect("json");
    assert_eq!(out["title"]["text"]["headline"], "Talks");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_refuses_a_non_empty_directory() {
    let c = load(&Location::Embedded).corpus;
    let json = Format::TimelineJs.render(&c, &c.order[..2]);
    let dir = scratch("nonempty");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("keep.txt"), "mine").unwrap();
    let value = parse_json(Path::new("x.json"), json.as_bytes()).unwrap();
    let doc = timelinejs::read(&value).unwrap().doc;
    let err = write_corpus(&doc, &dir, false).unwrap_err();
    assert!(err.to_string().contains("--force"), "{err}");
    assert!(!dir.join("events.toml").exists());
    write_corpus(&doc, &dir, true).unwrap();
    assert!(dir.join("events.toml").exists() && dir.join("keep.txt").exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn broken_json_is_reported_at_its_line_and_column() {
    let text = "{\n  \"events\": [\n    {\"start_date\": }\n  ]\n}\n";
    let err = parse_json(Path::new("t.json"), text.as_bytes()).unwrap_err();
    let col = text.lines().nth(2).unwrap().find('}').unwrap() + 1;
    assert!(
        err.starts_with(&format!("t.json:3:{col}: not valid JSON: ")),
        "{err}"
    );
    assert!(!err.contains(" at line "), "{err}");
}

fn chronicle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .output()
        .expect("run chronicle")
}

#[test]
fn the_binary_exports_filters_and_imports() {
    let dir = scratch("bin");
    fs::create_dir_all(&dir).unwrap();
    let out = dir.join("putin.csv");
    let run = chronicle(&[
        "export",
        "--format",
        "csv",
        "--actor",
        "putin",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(run.stdout.is_empty());
    let c = load(&Location::Embedded).corpus;
    let putin = c.actor_ix("putin").unwrap();
    let index = chronicle::filter::SearchIndex::new(&c);
    let filter = chronicle::filter::Filter {
        actors: vec![putin],
        ..Default::default()
    };
    let rows = fs::read_to_string(&out).unwrap().matches("\r\n").count();
    assert_eq!(rows, index.apply(&c, &filter).len() + 1);

    let stdout = chronicle(&["export", "--format", "markdown", "--text", "cosmonaut"]);
    let md = String::from_utf8(stdout.stdout).unwrap();
    assert!(md.starts_with("# Chronology") && md.to_lowercase().contains("cosmonaut"));

    let tl = dir.join("tl.json");
    chronicle(&[
        "export",
        "--format",
        "timelinejs",
        "-o",
        tl.to_str().unwrap(),
    ]);
    let corpus = dir.join("corpus");
    let run = chronicle(&[
        "import",
        "timelinejs",
        tl.to_str().unwrap(),
        "-o",
        corpus.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let check = chronicle(&["check", "--corpus", corpus.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let again = chronicle(&[
        "import",
        "timelinejs",
        tl.to_str().unwrap(),
        "-o",
        corpus.to_str().unwrap(),
    ]);
    assert!(!again.status.success());

    let bad = dir.join("bad.json");
    fs::write(&bad, "{\"events\": [}").unwrap();
    let run = chronicle(&[
        "import",
        "timelinejs",
        bad.to_str().unwrap(),
        "-o",
        dir.join("x").to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        !run.status.success() && err.contains("bad.json:1:13: not valid JSON"),
        "{err}"
    );
    assert!(!dir.join("x").exists());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lone_surrogates_are_replaced_and_reported_and_the_rest_imports() {
    let dir = scratch("surrogates");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("lone.json");
    fs::write(
        &file,
        "{\"events\": [\n  {\"start_date\": {\"year\": 2020}, \"text\": {\"headline\": \"bad \\uD800 one\"}},\n  \
         {\"start_date\": {\"year\": 2021}, \"text\": {\"headline\": \"fine\"}}\n]}",
    )
    .unwrap();
    let out_dir = dir.join("corpus");
    let out = chronicle(&[
        "import",
        "timelinejs",
        file.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("lone.json:2:60: a lone UTF-16 surrogate"),
        "{stderr}"
    );
    let loaded = load(&Location::Dir(out_dir));
    let titles: Vec<&str> = loaded
        .corpus
        .events
        .iter()
        .map(|e| e.title.as_str())
        .collect();
    assert_eq!(titles, ["bad \u{FFFD} one", "fine"]);
    let _ = fs::remove_dir_all(&dir);
}
