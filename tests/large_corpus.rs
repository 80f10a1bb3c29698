//! Record files larger than one parsing piece (32 KB) are checked in
//! pieces on several threads; the result must be the one a single pass
//! gives: every record, parents across pieces, duplicates across pieces.

use std::fs;
use std::path::PathBuf;

use chronicle::corpus::{load, Location};
use chronicle::generate::{generate, GenerateArgs};
use chronicle::model::Origin;

fn corpus(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chronicle-large-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let args = GenerateArgs {
        articles: 300,
        actors: None,
        seed: 5,
        out: dir.clone(),
        force: false,
    };
    generate(&args).expect("generated");
    dir
}

/// 1-based line of the first line starting with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .expect("present")
        + 1
}

#[test]
fn every_record_and_parent_survives_the_pieces() {
    let dir = corpus("all");
    let events = fs::read_to_string(dir.join("events.toml")).unwrap();
    let quotes = fs::read_to_string(dir.join("quotes.toml")).unwrap();
    assert!(events.len() > 1 << 20, "the file spans several pieces");
    let loaded = load(&Location::Dir(dir.clone()));
    let _ = fs::remove_dir_all(&dir);
    assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..1]);
    let c = &loaded.corpus;
    // The records only: what the extractor built beside them is not in the files.
    let curated = |o: Origin| o == Origin::Curated;
    let events_read = c.events.iter().filter(|e| curated(e.origin)).count();
    let quotes_read = c.quotes.iter().filter(|q| curated(q.origin)).count();
    assert_eq!(events_read, events.matches("\n[[event]]\n").count());
    assert_eq!(quotes_read, quotes.matches("\n[[quote]]\n").count());
    let parents = c
        .events
        .iter()
        .filter(|e| curated(e.origin) && e.parent.is_some())
        .count();
    assert_eq!(parents, events.matches("\nparent = ").count());
    // File order is kept: the last event of the file is the last loaded.
    let last_id = events
        .rsplit("\nid = \"")
        .next()
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert_eq!(c.events.last().unwrap().id, last_id);
}

#[test]
fn a_duplicate_far_apart_is_found_with_both_lines() {
    let dir = corpus("dup");
    let path = dir.join("events.toml");
    let mut events = fs::read_to_string(&path).unwrap();
    let first = events.find("[[event]]").unwrap();
    let second = events[first + 1..].find("\n[[event]]").unwrap() + first + 2;
    let record = events[first..second].to_owned();
    let id_line = line_of(&events, "id = ");
    events.push('\n');
    let appended_at = events.lines().count() + 1;
    events.push_str(&record);
    fs::write(&path, &events).unwrap();
    let loaded = load(&Location::Dir(dir.clone()));
    let _ = fs::remove_dir_all(&dir);
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    let dup_id_line = appended_at + record.lines().position(|l| l.starts_with("id = ")).unwrap();
    assert!(
        shown[0].starts_with(&format!("{}:{dup_id_line}:", path.display())),
        "{shown:?}"
    );
    assert!(
        shown[0].contains(&format!("first defined on line {id_line}")),
        "{shown:?}"
    );
}

#[test]
fn a_syntax_error_late_in_a_large_file_is_reported_once_at_its_line() {
    let dir = corpus("syntax");
    let path = dir.join("quotes.toml");
    let mut quotes = fs::read_to_string(&path).unwrap();
    let lines_before = quotes.lines().count();
    quotes.push_str("\n[[quote]]\nid = \"broken\nspeaker = \"x\"\n");
    fs::write(&path, &quotes).unwrap();
    let loaded = load(&Location::Dir(dir.clone()));
    let _ = fs::remove_dir_all(&dir);
    let syntax: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.message.contains("TOML syntax"))
        .map(|p| p.to_string())
        .collect();
    assert!(!syntax.is_empty(), "{:?}", loaded.problems);
    assert!(
        syntax
            .iter()
            .all(|p| p.contains(&format!("quotes.toml:{}:", lines_before + 3))),
        "{syntax:?}"
    );
    // Every good quote before the broken one still loads.
    assert!(loaded.corpus.quotes.len() >= quotes.matches("\n[[quote]]\n").count() - 1);
}
