//! What extraction takes from one article is capped (src/extract/caps.rs),
//! and `check` names the article and what was left out.

mod common;

use std::process::Command;

use chronicle::extract::caps::{Capped, MAX_EVENTS, MAX_MENTIONS, MAX_QUOTES, MAX_TEXT};
use chronicle::extract::extract;
use chronicle::model::date::MONTHS;
use common::TempCorpus;

fn quotes(n: usize) -> String {
    (0..n)
        .map(|i| format!("\"We will win the match number {i} again,\" Putin said. "))
        .collect()
}

#[test]
fn quotes_past_the_cap_are_left_out_and_counted() {
    let n = MAX_QUOTES + 300;
    let ex = extract(&quotes(n), None, &[]);
    assert_eq!(ex.capped.quotes, Some((MAX_QUOTES, n)));
    assert_eq!(ex.quotes.len(), MAX_QUOTES);
    // The first ones in text order are kept.
    let last = &ex.quotes[MAX_QUOTES - 1].text;
    assert!(
        last.contains(&format!("number {} again", MAX_QUOTES - 1)),
        "{last}"
    );
    assert_eq!(ex.capped.text, None);
}

#[test]
fn events_and_dated_mentions_past_the_cap_are_left_out_and_counted() {
    let n = MAX_EVENTS.max(MAX_MENTIONS) + 300;
    let body: String = (0..n)
        .map(|i| {
            let (day, month, year) = (i % 28 + 1, MONTHS[i % 12], 1990 + i % 30);
            format!("Putin met Kim in Moscow on {day} {month} {year}.\n\n")
        })
        .collect();
    let published = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
    let ex = extract(&body, published, &[]);
    assert_eq!(ex.capped.events, Some((MAX_EVENTS, n)));
    assert_eq!(ex.capped.mentions, Some((MAX_MENTIONS, n)));
    assert_eq!(
        (ex.reports.len(), ex.dates.len()),
        (MAX_EVENTS, MAX_MENTIONS)
    );
    let last = ex.dates.last().expect("dates");
    assert_eq!(
        last.span.start,
        body.match_indices(" on ").nth(MAX_MENTIONS - 1).unwrap().0 + 4
    );
}

#[test]
fn text_past_the_cap_is_not_read() {
    let filler = "The talks went on and on without a word. ".repeat(MAX_TEXT / 41 + 100);
    let body = format!("{filler}\n\n\"We never reached this part of it,\" Putin said.");
    let ex = extract(&body, None, &[]);
    let Some((read, len)) = ex.capped.text else {
        panic!("not capped: {:?}", ex.capped)
    };
    assert_eq!(len, body.len());
    assert!(read <= MAX_TEXT && read > MAX_TEXT - 64, "{read}");
    assert!(ex.quotes.is_empty(), "{:?}", ex.quotes);
    assert!(ex.mentions.iter().all(|p| p.span.end <= read));
}

#[test]
fn check_names_the_capped_article_and_the_model_keeps_the_cap() {
    let n = MAX_QUOTES + 50;
    let corpus = TempCorpus::new("caps");
    corpus.write(
        "articles/many.md",
        &format!("+++\nid = \"many\"\ntitle = \"Many\"\n+++\n{}", quotes(n)),
    );
    let loaded = corpus.load();
    assert_eq!(loaded.corpus.quotes.len(), MAX_QUOTES);
    let want = Capped {
        quotes: Some((MAX_QUOTES, n)),
        ..Capped::default()
    };
    assert_eq!(loaded.extracted.capped, [(0, want)]);
    let out = Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(["--corpus", &corpus.dir.to_string_lossy(), "check"])
        .output()
        .expect("ran");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = format!(
        "{}: article 'many' is over what extraction takes from one article: \
         kept {MAX_QUOTES} of {n} quotes\n",
        corpus.shown("articles/many.md")
    );
    assert!(stderr.contains(&line), "{stderr}");
    assert!(out.status.success(), "a capped article is no problem");
}
