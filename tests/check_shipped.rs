//! The corpus shipped inside the binary: it loads cleanly, is big enough to
//! be worth exploring, and every source and quote points at the right text.

use std::ops::Range;
use std::path::Path;

use chronicle::corpus::{load, Loaded, Location};
use chronicle::model::Corpus;
use chronicle::text::fold::fold;

fn shipped() -> Loaded {
    load(&Location::Embedded)
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// The text a span covers, checked to be a valid range of the body that
/// neither starts nor ends in the middle of a word.
fn slice<'a>(body: &'a str, span: &Range<usize>, what: &str) -> &'a str {
    let text = body
        .get(span.clone())
        .unwrap_or_else(|| panic!("{what}: span {span:?} is not a range of its article"));
    assert!(!text.trim().is_empty(), "{what}: empty span {span:?}");
    let cuts_start = text.chars().next().is_some_and(is_word)
        && body[..span.start].chars().next_back().is_some_and(is_word);
    let cuts_end = text.chars().next_back().is_some_and(is_word)
        && body[span.end..].chars().next().is_some_and(is_word);
    if cuts_start || cuts_end {
        let before: String = body[..span.start].chars().rev().take(12).collect();
        let before: String = before.chars().rev().collect();
        let after: String = body[span.end..].chars().take(12).collect();
        panic!("{what}: span {span:?} cuts a word: …{before}[{text}]{after}…");
    }
    text
}

#[test]
fn shipped_corpus_has_no_problems() {
    let loaded = shipped();
    let shown: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert!(shown.is_empty(), "problems:\n{}", shown.join("\n"));
}

#[test]
fn shipped_corpus_is_big_enough() {
    let corpus = shipped().corpus;
    assert!(corpus.events.len() >= 20, "{} events", corpus.events.len());
    assert!(corpus.quotes.len() >= 30, "{} quotes", corpus.quotes.len());
}

#[test]
fn exactly_three_events_have_sub_events_one_level_deep() {
    let corpus = shipped().corpus;
    let headlines: Vec<&str> = corpus
        .events
        .iter()
        .enumerate()
        .filter(|(ix, _)| !corpus.children[*ix].is_empty())
        .map(|(_, e)| e.id.as_str())
        .collect();
    assert_eq!(headlines.len(), 3, "events with sub-events: {headlines:?}");
    for (ix, event) in corpus.events.iter().enumerate() {
        if let Some(parent) = event.parent {
            assert!(
                corpus.events[parent].parent.is_none(),
                "{} nests under a sub-event",
                event.id
            );
            assert!(corpus.children[parent].contains(&ix));
        }
    }
}

#[test]
fn every_event_has_a_source_that_slices_to_its_excerpt() {
    let corpus = shipped().corpus;
    for event in &corpus.events {
        assert!(!event.sources.is_empty(), "{} has no source", event.id);
        for source in &event.sources {
            let what = format!("event {} in article {}", event.id, source.article);
            let body = &corpus.articles[source.article].body;
            let text = slice(body, &source.span, &what);
            assert_eq!(fold(text), fold(&source.excerpt), "{what}");
        }
    }
}

#[test]
fn every_quote_slices_to_its_text() {
    let corpus = shipped().corpus;
    for quote in &corpus.quotes {
        let what = format!("quote {}", quote.id);
        let body = &corpus.articles[quote.article].body;
        let text = slice(body, &quote.span, &what);
        assert_eq!(fold(text), fold(&quote.text), "{what}");
    }
}

#[test]
fn every_quote_has_a_speaker_and_an_event() {
    let corpus = shipped().corpus;
    for quote in &corpus.quotes {
        assert!(quote.speaker < corpus.actors.len(), "quote {}", quote.id);
        assert!(quote.article < corpus.articles.len(), "quote {}", quote.id);
        let event = quote
            .event
            .unwrap_or_else(|| panic!("quote {} has no event", quote.id));
        assert!(event < corpus.events.len(), "quote {}", quote.id);
        assert!(
            corpus
                .event_quotes(event)
                .contains(&corpus_quote_ix(&corpus, &quote.id)),
            "quote {} is not listed under its event",
            quote.id
        );
    }
}

fn corpus_quote_ix(corpus: &Corpus, id: &str) -> usize {
    corpus
        .quotes
        .iter()
        .position(|q| q.id == id)
        .expect("quote exists")
}

#[test]
fn timeline_order_is_by_date_with_sub_events_under_their_headline() {
    let corpus = shipped().corpus;
    let mut seen = corpus.order.clone();
    seen.sort_unstable();
    assert_eq!(
        seen,
        (0..corpus.events.len()).collect::<Vec<_>>(),
        "order lists every event once"
    );
    let top: Vec<usize> = corpus
        .order
        .iter()
        .copied()
        .filter(|&e| corpus.events[e].parent.is_none())
        .collect();
    for pair in top.windows(2) {
        let (a, b) = (&corpus.events[pair[0]], &corpus.events[pair[1]]);
        assert!(
            a.date.sort_key() <= b.date.sort_key(),
            "{} ({}) comes before {} ({})",
            a.id,
            a.date,
            b.id,
            b.date
        );
    }
    // Each headline is followed by its sub-events, themselves by date.
    let mut current = None;
    for pair in corpus.order.windows(2) {
        let (a, b) = (&corpus.events[pair[0]], &corpus.events[pair[1]]);
        if a.parent.is_none() {
            current = Some(pair[0]);
        }
        if let Some(parent) = b.parent {
            assert_eq!(Some(parent), current, "{} is not under its headline", b.id);
            if a.parent.is_some() {
                assert!(
                    a.date.sort_key() <= b.date.sort_key(),
                    "{} / {}",
                    a.id,
                    b.id
                );
            }
        }
    }
}

#[test]
fn embedded_corpus_is_the_corpus_directory() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let from_disk = load(&Location::Dir(dir));
    let shown: Vec<String> = from_disk.problems.iter().map(|p| p.to_string()).collect();
    assert!(shown.is_empty(), "problems:\n{}", shown.join("\n"));
    let (disk, embedded) = (&from_disk.corpus, &shipped().corpus);
    let articles = |c: &Corpus| -> Vec<(String, String)> {
        c.articles
            .iter()
            .map(|a| (a.id.clone(), a.body.clone()))
            .collect()
    };
    assert_eq!(articles(disk), articles(embedded));
    let ids = |c: &Corpus| -> Vec<String> {
        let events = c.events.iter().map(|e| e.id.clone());
        let actors = c.actors.iter().map(|a| a.id.clone());
        let quotes = c.quotes.iter().map(|q| q.id.clone());
        events.chain(actors).chain(quotes).collect()
    };
    assert_eq!(ids(disk), ids(embedded));
}
