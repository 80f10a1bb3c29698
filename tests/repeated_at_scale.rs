//! One thing repeated many times: slides of one `unique_id`, thousands of
//! groups, one quotation quoted 20,000 times in one article. Each once took
//! a search from the start for every repeat (minutes at these sizes); each
//! is now one pass. The tests assert on what comes out, never on time.

mod common;

use std::collections::HashSet;
use std::path::Path;

use chronicle::export::json::Document;
use chronicle::export::Format;
use chronicle::import::{parse_json, timelinejs, write};
use common::TempCorpus;
use serde_json::{json, Value};

fn import(value: &Value) -> timelinejs::Imported {
    timelinejs::read(value).expect("a timeline")
}

/// Every article's file name, from the files the corpus would be written as.
fn article_files(doc: &Document) -> Vec<String> {
    let files = write::files(doc).expect("files");
    files
        .iter()
        .filter_map(|(path, _)| path.strip_prefix("articles").ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn twenty_thousand_slides_of_one_id_get_the_next_numbers_in_turn() {
    const N: usize = 20_000;
    let slides: Vec<Value> = (0..N)
        .map(|i| {
            json!({"start_date": {"year": 2023}, "unique_id": "same",
                   "text": {"headline": "Same", "text": format!("Slide {i}.")}})
        })
        .collect();
    // One slide already takes a number the counting would reach.
    let mut slides = slides;
    slides.insert(
        1,
        json!({"start_date": {"year": 2023}, "unique_id": "same-3", "text": {"headline": "Taken"}}),
    );
    let doc = import(&json!({ "events": slides })).doc;
    let ids: Vec<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), N + 1);
    assert_eq!(&ids[..5], ["same", "same-3", "same-2", "same-4", "same-5"]);
    assert_eq!(ids[N], format!("same-{}", N + 1));
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "every id is used once");
    // Each slide's stub article carries its id; the files are named after them.
    let files = article_files(&doc);
    assert_eq!(files.len(), N + 1);
    assert_eq!(files[2], "same-2.md");
    assert_eq!(files.iter().collect::<HashSet<_>>().len(), N + 1);
}

#[test]
fn articles_of_one_name_are_written_under_the_next_free_names() {
    const N: usize = 30_000;
    let mut doc = import(&json!({"events": [
        {"start_date": {"year": 2023}, "unique_id": "x", "text": {"headline": "X"}}
    ]}))
    .doc;
    let article = doc.articles[0].clone();
    // Ids that are not plain file names all become the slug `a-b`.
    doc.articles = (0..N)
        .map(|i| {
            let mut a = article.clone();
            a.id = format!("a b{}", " ".repeat(i % 3));
            a
        })
        .collect();
    doc.articles.push(chronicle::export::json::ArticleDoc {
        id: "A-B-2".into(),
        ..article
    });
    let files = article_files(&doc);
    assert_eq!(files.len(), N + 1);
    assert_eq!(&files[..3], ["a-b.md", "a-b-2.md", "a-b-3.md"]);
    assert_eq!(files[N - 1], format!("a-b-{N}.md"));
    // `A-B-2` is taken on a case-insensitive disk: it gets the next number.
    assert_eq!(files[N], format!("A-B-2-2.md"));
    let lower: HashSet<String> = files.iter().map(|f| f.to_lowercase()).collect();
    assert_eq!(lower.len(), N + 1);
}

#[test]
fn fifty_thousand_groups_become_headlines_before_their_first_slides() {
    const N: usize = 50_000;
    // Names alike up to their end, as a search through the names compares them.
    let name = |g: usize| format!("{} {g}", "Group".repeat(40));
    // A slide per group, then a second slide for a few of them, far after.
    let later = [0, N / 2, N - 1];
    let slide = |i: usize, g: usize, year: i64| {
        json!({"start_date": {"year": year, "month": 1 + (g % 12) as i64},
               "group": name(g),
               "text": {"headline": format!("Slide {i}")}})
    };
    let mut slides: Vec<Value> = (0..N).map(|g| slide(g, g, 2000)).collect();
    slides.extend(
        later
            .iter()
            .enumerate()
            .map(|(k, &g)| slide(N + k, g, 2001)),
    );
    let doc = import(&json!({ "events": slides })).doc;
    assert_eq!(doc.events.len(), 2 * N + later.len());
    // Each group's headline event, then its first slide; the later slides
    // come after all of them, under their groups.
    for (k, &g) in later.iter().enumerate() {
        let head = &doc.events[2 * g];
        assert_eq!(head.title, name(g));
        assert_eq!(head.parent, None);
        let first = &doc.events[2 * g + 1];
        assert_eq!(first.title, format!("Slide {g}"));
        assert_eq!(first.parent.as_deref(), Some(head.id.as_str()));
        let second = &doc.events[2 * N + k];
        assert_eq!(second.title, format!("Slide {}", N + k));
        assert_eq!(second.parent.as_deref(), Some(head.id.as_str()));
        let month = 1 + g % 12;
        assert_eq!(head.date, format!("2000-{month:02}/2001-{month:02}"));
    }
    let alone = &doc.events[2];
    assert_eq!(
        (alone.title.clone(), alone.date.as_str()),
        (name(1), "2000-02")
    );
    let heads: HashSet<&str> = doc
        .events
        .iter()
        .filter_map(|e| e.parent.as_deref())
        .collect();
    assert_eq!(heads.len(), N);
}

#[test]
fn twenty_thousand_identical_quotes_export_and_import_at_their_occurrences() {
    const N: usize = 20_000;
    let c = TempCorpus::new("repeated-quotes");
    let body = vec!["Kim said: “Yes.”"; N].join("\n\n");
    c.write(
        "articles/a.md",
        &format!("+++\nid = \"a\"\ntitle = \"T\"\npublished = 2023-01-01\n+++\n{body}\n"),
    );
    c.write(
        "actors.toml",
        "[[actor]]\nid = \"kim\"\nname = \"Kim\"\nkind = \"person\"\n",
    );
    c.write(
        "events.toml",
        "[[event]]\nid = \"e\"\ndate = \"2023\"\ntitle = \"E\"\nkind = \"other\"\nsummary = \"S\"\n\
         [[event.source]]\narticle = \"a\"\nexcerpt = \"Kim said\"\n",
    );
    let quotes: String = (1..=N)
        .map(|n| {
            format!(
                "[[quote]]\nid = \"q{n}\"\narticle = \"a\"\nspeaker = \"kim\"\nevent = \"e\"\n\
                 text = \"Yes.\"\noccurrence = {n}\n\n"
            )
        })
        .collect();
    c.write("quotes.toml", &quotes);
    let loaded = c.load();
    assert!(loaded.problems.is_empty(), "{:#?}", &loaded.problems[..1]);
    let corpus = &loaded.corpus;
    let curated: Vec<_> = corpus
        .quotes
        .iter()
        .filter(|q| q.id.starts_with('q'))
        .collect();
    assert_eq!(curated.len(), N);
    // Each quote is found at its own occurrence: the n-th one, in order.
    assert!(curated.windows(2).all(|w| w[0].span.end < w[1].span.start));

    let json = Format::Json.render(corpus, &corpus.order);
    let doc: Document = serde_json::from_str(&json).expect("our JSON");
    let occurrences: Vec<usize> = doc
        .quotes
        .iter()
        .filter(|q| q.id.starts_with('q'))
        .map(|q| (q.id[1..].parse::<usize>().expect("n"), q.occurrence))
        .map(|(n, occurrence)| {
            assert_eq!(n, occurrence, "quote q{n}");
            occurrence
        })
        .collect();
    assert_eq!(occurrences.len(), N);

    // Through TimelineJS and back: the same quotes at the same places.
    let tl = Format::TimelineJs.render(corpus, &corpus.order);
    let value = parse_json(Path::new("quotes.json"), tl.as_bytes()).expect("JSON");
    let out = TempCorpus::new("repeated-quotes-out");
    let dir = out.path().join("corpus");
    write::write_corpus(&import(&value).doc, &dir, false).expect("written");
    let again = chronicle::corpus::load(&chronicle::corpus::Location::Dir(dir));
    assert!(again.problems.is_empty(), "{:#?}", &again.problems[..1]);
    let spans = |c: &chronicle::model::Corpus| -> Vec<(String, usize, usize)> {
        let mut s: Vec<_> = c
            .quotes
            .iter()
            .filter(|q| q.id.starts_with('q'))
            .map(|q| (q.id.clone(), q.span.start, q.span.end))
            .collect();
        s.sort();
        s
    };
    assert_eq!(spans(&again.corpus), spans(corpus));
}
