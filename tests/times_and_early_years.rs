//! Event dates with a time of day or a year before 1 in a corpus: `check`
//! names a bad one at its line and column, the timeline orders them (a
//! day before its times, BCE before CE) and every export prints them.

mod common;

use chronicle::export::Format;
use common::{assert_problems, loc, Expect, TempCorpus};

const ARTICLE: &str = "+++\nid = \"a\"\ntitle = \"T\"\n+++\nThe jet landed at night.\n";

fn event(id: &str, date: &str) -> String {
    format!(
        "[[event]]\nid = \"{id}\"\ndate = \"{date}\"\ntitle = \"Title {id}\"\nkind = \"other\"\nsummary = \"S\"\n[[event.source]]\narticle = \"a\"\nexcerpt = \"The jet landed\"\n\n"
    )
}

fn corpus() -> (TempCorpus, String) {
    let c = TempCorpus::new("times-early-years");
    let events: String = [
        ("landed", "2024-06-19T14:30"),
        ("day", "2024-06-19"),
        ("night", "2024-06-19T02"),
        ("founded", "-0643"),
        ("hour-25", "2024-06-19T25:00"),
        ("month-time", "2024-06T02"),
    ]
    .iter()
    .map(|(id, date)| event(id, date))
    .collect();
    c.write("articles/a.md", ARTICLE)
        .write("events.toml", &events);
    (c, events)
}

#[test]
fn check_names_a_bad_time_where_it_is_written() {
    let (c, events) = corpus();
    let loaded = c.load();
    let (line, col) = loc(&events, "25:00");
    let (line2, col2) = loc(&events, "06T02");
    let col2 = col2 + 2;
    assert_problems(
        &loaded.problems,
        &[
            Expect {
                file: c.shown("events.toml"),
                at: (line, col),
                says: "event 'hour-25': hour 25 does not exist (use 00–23)",
            },
            Expect {
                file: c.shown("events.toml"),
                at: (line2, col2),
                says: "event 'month-time': a time of day needs a day, like 2024-06-19T02:22",
            },
        ],
    );
}

#[test]
fn the_timeline_orders_and_shows_times_and_early_years() {
    let (c, _) = corpus();
    let loaded = c.load();
    let corpus = &loaded.corpus;
    let rows: Vec<(String, String)> = corpus
        .order
        .iter()
        .map(|&e| {
            let ev = &corpus.events[e];
            (ev.id.clone(), ev.date.display())
        })
        .collect();
    let want = [
        ("founded", "643 BCE"),
        ("day", "2024-06-19"),
        ("night", "2024-06-19 02h"),
        ("landed", "2024-06-19 14:30"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(rows, want);
}

#[test]
fn every_export_prints_times_and_early_years() {
    let (c, _) = corpus();
    let loaded = c.load();
    let corpus = &loaded.corpus;
    let render = |f: Format| f.render(corpus, &corpus.order);

    let md = render(Format::Markdown);
    for want in [
        "643 BCE to 2024",
        "643 BCE",
        "19 June 2024, 14:30",
        "19 June 2024, 02h",
    ] {
        assert!(md.contains(want), "Markdown lacks {want:?}:\n{md}");
    }

    let tl: serde_json::Value = serde_json::from_str(&render(Format::TimelineJs)).expect("JSON");
    let slide = |id: &str| {
        tl["events"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["unique_id"] == id))
            .cloned()
            .unwrap_or_else(|| panic!("no slide {id}"))
    };
    let landed = slide("landed")["start_date"].clone();
    assert_eq!(
        landed,
        serde_json::json!({"year": 2024, "month": 6, "day": 19, "hour": 14, "minute": 30})
    );
    assert_eq!(
        slide("founded")["start_date"],
        serde_json::json!({"year": -643})
    );

    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).expect("JSON");
    let events = json["events"].as_array().expect("events");
    let landed = events.iter().find(|e| e["id"] == "landed").expect("landed");
    assert_eq!(landed["date"], "2024-06-19T14:30");
    assert_eq!(landed["precision"], "minute");
    assert_eq!(landed["display_date"], "19 June 2024, 14:30");
    let founded = events
        .iter()
        .find(|e| e["id"] == "founded")
        .expect("founded");
    assert_eq!(founded["date"], "-0643");
    assert_eq!(founded["display_date"], "643 BCE");

    let csv = render(Format::Csv);
    let row = csv
        .lines()
        .find(|l| l.contains(",landed,"))
        .expect("a row for landed");
    assert!(row.starts_with("2024,6,19,14:30,,,,,"), "{row}");
    let row = csv
        .lines()
        .find(|l| l.contains(",founded,"))
        .expect("a row for founded");
    assert!(row.starts_with("-643,,,,"), "{row}");
}
