//! `chronicle extract` and `chronicle mentions` through the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn chronicle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run chronicle")
}

/// A file in a fresh scratch directory, removed with it.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("chronicle-extract-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("write scratch file");
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn extract_a_bare_text_file_with_a_publication_date() {
    let dir = Scratch::new("bare");
    let body = "Summit news\n\n“We are very happy,” Mr. Putin said on Wednesday.\n\n\
                Ivan Petrov, an analyst, said the talks were “useful and long”. Last week nothing.";
    let file = dir.file("news.txt", body.as_bytes());
    let v = json(&chronicle(&[
        "extract",
        &file,
        "--published",
        "2023-09-14",
        "--json",
    ]));
    let f = &v[0];
    assert_eq!(f["published"], "2023-09-14");
    let quotes = f["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 2, "{quotes:?}");
    assert_eq!(quotes[0]["text"], "We are very happy,");
    assert_eq!(quotes[0]["speaker"], "Vladimir Putin");
    assert_eq!(quotes[0]["speaker_id"], "putin");
    assert!(quotes[0]["confidence"].as_f64().is_some_and(|c| c > 0.5));
    assert_eq!(quotes[1]["speaker"], "Ivan Petrov, an analyst");
    let mentions = f["mentions"].as_array().expect("mentions");
    let wednesday = &mentions[0];
    assert_eq!(wednesday["phrase"], "Wednesday");
    assert_eq!(wednesday["date"], "2023-09-13");
    assert_eq!(wednesday["anchor"], "2023-09-14");
    assert_eq!(wednesday["rule"], "weekday-past");
    assert_eq!(mentions[1]["date"], "2023-09-04/2023-09-10");
    assert_eq!(mentions[1]["precision"], "week");
    // Character offsets count characters: the curly quote is one.
    let start = quotes[0]["start"].as_u64().unwrap_or(0);
    let char_start = quotes[0]["char_start"].as_u64().unwrap_or(0);
    assert_eq!(start - char_start, 2, "“ is 3 bytes, 1 char");
}

#[test]
fn the_headline_is_read_for_quotes_and_dates_too() {
    let dir = Scratch::new("headline");
    let file = dir.file(
        "a.txt",
        "Kim calls ties with Moscow a “top priority” on Wednesday\n\nKim met Putin.".as_bytes(),
    );
    let v = json(&chronicle(&[
        "extract",
        &file,
        "--published",
        "2023-09-14",
        "--json",
    ]));
    let title = &v[0]["title"];
    assert_eq!(
        title["text"],
        "Kim calls ties with Moscow a “top priority” on Wednesday"
    );
    assert_eq!(title["quotes"][0]["text"], "top priority");
    assert_eq!(title["mentions"][0]["phrase"], "Wednesday");
    assert_eq!(title["mentions"][0]["date"], "2023-09-13");
    let lines = chronicle(&["extract", &file, "--published", "2023-09-14"]);
    let text = String::from_utf8_lossy(&lines.stdout);
    assert!(text.contains("title: “Kim calls ties"), "{text}");
    assert!(text.contains("date\t2023-09-13\t“Wednesday”"), "{text}");
}

#[test]
fn a_bare_text_whose_first_line_is_the_story_loses_nothing() {
    let dir = Scratch::new("story");
    let file = dir.file(
        "a.txt",
        "Putin landed in Pyongyang on Wednesday, the Kremlin said. It was his first visit."
            .as_bytes(),
    );
    let v = json(&chronicle(&[
        "extract",
        &file,
        "--published",
        "2024-06-20",
        "--json",
    ]));
    let mentions = v[0]["mentions"].as_array().expect("mentions");
    assert_eq!(mentions[0]["phrase"], "Wednesday", "{v}");
    assert_eq!(mentions[0]["date"], "2024-06-19");
}

#[test]
fn without_a_publication_date_relative_mentions_stay_unresolved() {
    let dir = Scratch::new("nodate");
    let file = dir.file(
        "a.md",
        "Title\n\nIt happened on Wednesday, in June 2024.".as_bytes(),
    );
    let v = json(&chronicle(&["extract", &file, "--json"]));
    let mentions = v[0]["mentions"].as_array().expect("mentions");
    assert_eq!(mentions[0]["date"], serde_json::Value::Null);
    assert_eq!(mentions[0]["anchor"], serde_json::Value::Null);
    assert_eq!(mentions[1]["date"], "2024-06");
    let text = chronicle(&["extract", &file]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("unresolved\t“Wednesday”"));
}

#[test]
fn invalid_utf8_and_empty_files_are_errors_naming_the_file() {
    let dir = Scratch::new("bad");
    let bad = dir.file("bad.txt", b"Title\n\nfine line\nbroken \xff here");
    let empty = dir.file("empty.txt", b"");
    let good = dir.file("good.txt", "Title\n\n“Yes,” Putin said.".as_bytes());
    let out = chronicle(&["extract", &bad, &empty, &good, "--json"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{bad}:4:8: invalid UTF-8 (byte 0xFF)")),
        "{err}"
    );
    assert!(err.contains("empty.txt"), "{err}");
    // The good file is still extracted.
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["quotes"][0]["speaker_id"], "putin");
}

#[test]
fn mentions_lists_every_article_of_a_corpus() {
    let v = json(&chronicle(&[
        "mentions",
        "--corpus",
        "tests/fixtures/extract/outlets",
        "--json",
    ]));
    let list = v.as_array().expect("list");
    assert!(list.len() >= 20);
    let next_week = list
        .iter()
        .find(|m| m["phrase"] == "next week")
        .expect("next week");
    assert_eq!(next_week["article"], "wire-2025-port-talks");
    assert_eq!(next_week["date"], "2025-03-10/2025-03-16");
    assert_eq!(next_week["anchor"], "2025-03-04");
    assert_eq!(next_week["rule"], "next-unit");
    assert!(next_week["text"]
        .as_str()
        .is_some_and(|t| t.contains("next week")));
}

#[test]
fn quotes_json_marks_extracted_quotes_with_their_confidence() {
    let v = json(&chronicle(&[
        "quotes",
        "--corpus",
        "tests/fixtures/extract/outlets",
        "--json",
    ]));
    let list = v.as_array().expect("list");
    assert!(!list.is_empty());
    assert!(list
        .iter()
        .all(|q| q["origin"] == "extracted" && q["confidence"].is_f64()));
    let shipped = json(&chronicle(&["quotes", "--json"]));
    let shipped = shipped.as_array().expect("list");
    assert!(shipped
        .iter()
        .all(|q| q["origin"] == "curated" && q.get("confidence").is_none()));
}
