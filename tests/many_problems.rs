//! A file with a problem on every record or line: positions are computed
//! from one index of the file, not by counting lines from its start for
//! each problem. At these sizes counting from the start took the debug
//! build most of a minute (5,000 duplicated events: 1.2 GB of bytes
//! scanned; 20,000 unknown config keys: 60 s); the assertions are on the
//! problems found.

mod common;

use chronicle::config::Config;
use common::{line_col, TempCorpus};

const RECORDS: usize = 5_000;

#[test]
fn every_duplicate_of_thousands_of_events_is_reported_at_its_own_line() {
    let record = "[[event]]\nid = \"same\"\ndate = \"2020\"\ntitle = \"T\"\nsummary = \"S\"\nkind = \"other\"\n\
                  colour = 1\n\n[[event.source]]\narticle = \"a\"\nexcerpt = \"Alpha\"\n\n";
    let events = record.repeat(RECORDS);
    let corpus = TempCorpus::new("many-dups");
    corpus
        .write(
            "articles/a.md",
            "+++\nid = \"a\"\ntitle = \"A\"\n+++\nAlpha beta.\n",
        )
        .write("events.toml", &events);
    let loaded = corpus.load();
    let file = corpus.shown("events.toml");
    let at = |needle: &str, nth: usize| {
        let (offset, _) = events
            .match_indices(needle)
            .nth(nth)
            .expect("in the fixture");
        let (line, col) = line_col(&events, offset);
        format!("{file}:{line}:{col}: ")
    };
    let dups: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| {
            p.message
                .contains("duplicate event id 'same' (first defined on line 2)")
        })
        .map(|p| p.to_string())
        .collect();
    let unknown: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.message.contains("colour"))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(dups.len(), RECORDS - 1, "{:?}", &loaded.problems[..3]);
    assert_eq!(unknown.len(), RECORDS, "{:?}", &loaded.problems[..3]);
    assert_eq!(loaded.problems.len(), 2 * RECORDS - 1);
    // The first duplicate and the last, each at its own line and column.
    assert!(dups[0].starts_with(&at("\"same\"", 1)), "{}", dups[0]);
    assert!(
        dups[RECORDS - 2].starts_with(&at("\"same\"", RECORDS - 1)),
        "{}",
        dups[RECORDS - 2]
    );
    assert!(
        unknown[RECORDS - 1].starts_with(&at("colour", RECORDS - 1)),
        "{}",
        unknown[RECORDS - 1]
    );
}

#[test]
fn a_config_of_twenty_thousand_unknown_keys_reports_each_at_its_line() {
    const KEYS: usize = 20_000;
    // Indented by 0 to 6 spaces, so that columns vary too.
    let text: String = (0..KEYS)
        .map(|i| format!("{:indent$}k{i} = 1\n", "", indent = i % 7))
        .collect();
    let config = Config::from_text("big.toml", &text, false);
    assert_eq!(config.problems.len(), KEYS);
    for (i, problem) in config.problems.iter().enumerate().step_by(997) {
        assert_eq!((problem.line, problem.col), (i + 1, i % 7 + 1), "{problem}");
        assert!(problem.message.contains(&format!("`k{i}`")), "{problem}");
    }
    let last = config.problems.last().expect("problems");
    let want = format!("big.toml:{KEYS}:{}", (KEYS - 1) % 7 + 1);
    assert_eq!(last.to_string().split(": ").next(), Some(want.as_str()));
}
