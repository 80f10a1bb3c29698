//! Validation of a corpus directory: every problem is reported at the exact
//! line and column of what is wrong, and whatever is valid still loads.
//!
//! Each test writes a small corpus into a temporary directory. Expected
//! positions are computed from the fixture text itself (`loc`), so they say
//! "the problem is at this token" rather than repeating numbers the program
//! printed.

mod common;

use chronicle::corpus::Location;
use chronicle::extract::{load, Loaded};
use chronicle::model::{Corpus, Origin};
use common::{assert_problems, line_col, loc, loc_nth, Expect, TempCorpus};

const ARTICLE: &str = "articles/a1.md";

/// One article with a front matter, a hard-wrapped first paragraph, curly
/// quotes and "the talks" twice.
const A1: &str = "+++
id = \"a1\"
title = \"Leaders meet at the cosmodrome\"
outlet = \"Wire\"
published = 2023-09-13
+++
Kim Jong Un arrived at the Vostochny cosmodrome on
Wednesday morning.

“We will always be with Russia,” Kim said at the talks.

Putin called the talks “very useful” and said Russia’s help would come.
";

/// The body of A1 as the loader should store it: the wrapped lines joined
/// with a space, paragraphs separated by one blank line.
const A1_BODY: &str = "Kim Jong Un arrived at the Vostochny cosmodrome on Wednesday morning.\n\n\
“We will always be with Russia,” Kim said at the talks.\n\n\
Putin called the talks “very useful” and said Russia’s help would come.";

const ACTORS: &str = r#"[[actor]]
id = "kim"
name = "Kim Jong Un"
aliases = ["Kim"]
kind = "person"

[[actor]]
id = "putin"
name = "Vladimir Putin"
aliases = ["Putin"]
kind = "person"
"#;

/// A valid event drawn from A1.
fn event(id: &str, date: &str) -> String {
    format!(
        r#"[[event]]
id = "{id}"
date = "{date}"
title = "Event {id}"
kind = "talks"
actors = ["kim"]
summary = "Something happened."
[[event.source]]
article = "a1"
excerpt = "arrived at the Vostochny cosmodrome"

"#
    )
}

/// A valid quote from A1, attached to event e1.
fn quote(id: &str, text: &str) -> String {
    format!(
        r#"[[quote]]
id = "{id}"
article = "a1"
speaker = "kim"
event = "e1"
text = "{text}"

"#
    )
}

/// `text` with `from` replaced by `to`; `from` must be in it, so that a
/// fixture edit cannot silently do nothing.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not in fixture");
    text.replacen(from, to, 1)
}

/// A corpus with A1 and the two actors.
fn base(name: &str) -> TempCorpus {
    let c = TempCorpus::new(name);
    c.write(ARTICLE, A1).write("actors.toml", ACTORS);
    c
}

/// The ids of the curated events: what the records say, not what the
/// extractor built beside them from the articles.
fn event_ids(corpus: &Corpus) -> Vec<&str> {
    corpus
        .events
        .iter()
        .filter(|e| e.origin == Origin::Curated)
        .map(|e| e.id.as_str())
        .collect()
}

fn quote_ids(corpus: &Corpus) -> Vec<&str> {
    corpus
        .quotes
        .iter()
        .filter(|q| q.origin == Origin::Curated)
        .map(|q| q.id.as_str())
        .collect()
}

fn find_event<'c>(corpus: &'c Corpus, id: &str) -> &'c chronicle::model::Event {
    let ix = corpus
        .event_ix(id)
        .unwrap_or_else(|| panic!("no event {id}"));
    &corpus.events[ix]
}

fn expect<'a>(c: &TempCorpus, file: &str, at: (usize, usize), says: &'a str) -> Expect<'a> {
    Expect {
        file: c.shown(file),
        at,
        says,
    }
}

/// Loads a corpus whose only problems are in events.toml.
fn with_events(name: &str, events: &str) -> (TempCorpus, Loaded) {
    let c = base(name);
    c.write("events.toml", events);
    let loaded = c.load();
    (c, loaded)
}

// ── The baseline ────────────────────────────────────────────────────────

#[test]
fn the_baseline_fixture_loads_without_problems() {
    let c = base("baseline");
    let events = event("e1", "2023-09-13") + &event("e2", "2023-09-14");
    let quotes = quote("q1", "We will always be with Russia,");
    c.write("events.toml", &events)
        .write("quotes.toml", &quotes);
    let loaded = c.load();
    assert_problems(&loaded.problems, &[]);
    let corpus = &loaded.corpus;
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.articles[0].body, A1_BODY);
    assert_eq!(corpus.actors.len(), 2);
    assert_eq!(event_ids(corpus), ["e1", "e2"]);
    assert_eq!(quote_ids(corpus), ["q1"]);
}

// ── TOML syntax and types ───────────────────────────────────────────────

#[test]
fn toml_syntax_error_is_located_and_the_other_files_still_load() {
    let c = base("syntax");
    let events = event("e1", "2023-09-13") + &event("e2", "2023-09-14");
    let bad = edit(
        &quote("q1", "We will always be with Russia,"),
        "speaker = \"kim\"",
        "speaker = kim",
    );
    let quotes = bad + &quote("q2", "very useful");
    c.write("events.toml", &events)
        .write("quotes.toml", &quotes);
    let loaded = c.load();
    // The error is at the unquoted value.
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "quotes.toml",
            loc_nth(&quotes, "speaker = kim", 1, 10),
            "TOML syntax",
        )],
    );
    let corpus = &loaded.corpus;
    assert_eq!(corpus.articles.len(), 1);
    assert_eq!(corpus.actors.len(), 2);
    assert_eq!(event_ids(corpus), ["e1", "e2"]);
    assert!(quote_ids(corpus).contains(&"q2"), "{:?}", quote_ids(corpus));
}

#[test]
fn wrong_type_is_reported_at_the_value() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "title = \"Event e2\"",
        "title = 3",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("wrong-type", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "title = 3", 1, 8),
            "`title` must be a string, found an integer",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
}

// ── Unknown fields ──────────────────────────────────────────────────────

#[test]
fn unknown_field_in_an_event() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "kind = \"talks\"\n",
        "kind = \"talks\"\ncolour = \"red\"\n",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("unknown-event-field", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "colour"),
            "event 'e2': unknown field `colour`",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1", "e2"]);
}

#[test]
fn unknown_field_in_a_source() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "cosmodrome\"\n",
        "cosmodrome\"\n  page = 4\n",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("unknown-source-field", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "page"),
            "source of event 'e2': unknown field `page`",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1", "e2"]);
    assert_eq!(find_event(&loaded.corpus, "e2").sources.len(), 1);
}

#[test]
fn unknown_field_in_an_actor() {
    let c = base("unknown-actor-field");
    let actors = edit(
        ACTORS,
        "name = \"Vladimir Putin\"\n",
        "name = \"Vladimir Putin\"\nborn = 1952\n",
    );
    c.write("actors.toml", &actors);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "actors.toml",
            loc(&actors, "born"),
            "actor 'putin': unknown field `born`",
        )],
    );
    assert_eq!(loaded.corpus.actors.len(), 2);
}

#[test]
fn unknown_field_in_a_quote() {
    let c = base("unknown-quote-field");
    let quotes = quote("q1", "very useful") + "tone = \"warm\"\n";
    c.write("events.toml", &event("e1", "2023-09-13"))
        .write("quotes.toml", &quotes);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "quotes.toml",
            loc(&quotes, "tone"),
            "quote 'q1': unknown field `tone`",
        )],
    );
    assert_eq!(quote_ids(&loaded.corpus), ["q1"]);
}

#[test]
fn unknown_field_in_front_matter() {
    let c = base("unknown-front-matter-field");
    let a2 = "+++\nid = \"a2\"\ntitle = \"Second\"\nauthor = \"me\"\n+++\nSome text.\n";
    c.write("articles/a2.md", a2);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "articles/a2.md",
            loc(a2, "author"),
            "article 'a2': unknown field `author`",
        )],
    );
    assert_eq!(loaded.corpus.articles.len(), 2);
    let a2 = &loaded.corpus.articles[loaded.corpus.article_ix("a2").expect("a2")];
    assert_eq!(
        (a2.title.as_str(), a2.body.as_str()),
        ("Second", "Some text.")
    );
}

// ── Duplicate ids ───────────────────────────────────────────────────────

#[test]
fn duplicate_event_id_keeps_the_first() {
    let events = event("e1", "2023-09-13") + &event("e1", "2023-09-14");
    let (c, loaded) = with_events("duplicate-event", &events);
    let first_line = loc_nth(&events, "\"e1\"", 1, 0).0;
    let says = format!("duplicate event id 'e1' (first defined on line {first_line})");
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "\"e1\"", 2, 0),
            &says,
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
    assert_eq!(loaded.corpus.events[0].date.to_edtf(), "2023-09-13");
}

#[test]
fn duplicate_actor_id_keeps_the_first() {
    let c = base("duplicate-actor");
    let actors = format!("{ACTORS}\n[[actor]]\nid = \"kim\"\nname = \"Kim Yo Jong\"\n");
    c.write("actors.toml", &actors);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "actors.toml",
            loc_nth(&actors, "\"kim\"", 2, 0),
            "duplicate actor id 'kim' (first defined on line 2)",
        )],
    );
    let names: Vec<&str> = loaded
        .corpus
        .actors
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Kim Jong Un", "Vladimir Putin"]);
}

#[test]
fn duplicate_quote_id_keeps_the_first() {
    let c = base("duplicate-quote");
    let quotes = quote("q1", "very useful") + &quote("q1", "We will always be with Russia,");
    c.write("events.toml", &event("e1", "2023-09-13"))
        .write("quotes.toml", &quotes);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "quotes.toml",
            loc_nth(&quotes, "\"q1\"", 2, 0),
            "duplicate quote id 'q1' (first defined on line 2)",
        )],
    );
    assert_eq!(quote_ids(&loaded.corpus), ["q1"]);
    assert_eq!(loaded.corpus.quotes[0].text, "very useful");
}

#[test]
fn duplicate_article_id_across_two_files() {
    // a1.txt has no front matter, so its id is its file stem: "a1" again.
    // Files are read in name order, so a1.md comes first and wins.
    let c = base("duplicate-article");
    c.write("articles/a1.txt", "Another headline\n\nAnother text.\n");
    let loaded = c.load();
    let says = format!(
        "duplicate article id 'a1' (also in {})",
        c.shown("articles/a1.md")
    );
    assert_problems(
        &loaded.problems,
        &[expect(&c, "articles/a1.txt", (1, 1), &says)],
    );
    assert_eq!(loaded.corpus.articles.len(), 1);
    assert_eq!(loaded.corpus.articles[0].body, A1_BODY);
}

#[test]
fn duplicate_article_id_in_front_matter_points_at_the_id() {
    let c = base("duplicate-article-fm");
    let b = "+++\nid = \"a1\"\ntitle = \"Copy\"\n+++\nOther text.\n";
    c.write("articles/b.md", b);
    let loaded = c.load();
    let says = format!(
        "duplicate article id 'a1' (also in {})",
        c.shown("articles/a1.md")
    );
    assert_problems(
        &loaded.problems,
        &[expect(&c, "articles/b.md", loc(b, "\"a1\""), &says)],
    );
    assert_eq!(loaded.corpus.articles.len(), 1);
}

// ── References ──────────────────────────────────────────────────────────

#[test]
fn unknown_actor_points_at_the_array_element() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "actors = [\"kim\"]",
        "actors = [\"kim\", \"nobody\", \"putin\"]",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("unknown-actor", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "\"nobody\""),
            "event 'e2': unknown actor 'nobody'",
        )],
    );
    let corpus = &loaded.corpus;
    assert_eq!(event_ids(corpus), ["e1", "e2"]);
    let actors: Vec<&str> = find_event(corpus, "e2")
        .actors
        .iter()
        .map(|&a| corpus.actors[a].id.as_str())
        .collect();
    assert_eq!(actors, ["kim", "putin"]);
}

#[test]
fn unknown_article_in_a_source() {
    let bad =
        event("e2", "2023-09-14") + "[[event.source]]\narticle = \"a9\"\nexcerpt = \"anything\"\n";
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("unknown-article", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "\"a9\""),
            "event 'e2': unknown article 'a9'",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1", "e2"]);
    assert_eq!(find_event(&loaded.corpus, "e2").sources.len(), 1);
}

#[test]
fn unknown_parent() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "summary",
        "parent = \"nope\"\nsummary",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("unknown-parent", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "\"nope\""),
            "event 'e2': unknown parent event 'nope'",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1", "e2"]);
    assert_eq!(find_event(&loaded.corpus, "e2").parent, None);
}

#[test]
fn parent_that_is_itself_a_sub_event() {
    let child = edit(
        &event("e2", "2023-09-14"),
        "summary",
        "parent = \"e1\"\nsummary",
    );
    let grandchild = edit(
        &event("e3", "2023-09-15"),
        "summary",
        "parent = \"e2\"\nsummary",
    );
    let events = event("e1", "2023-09-13") + &child + &grandchild;
    let (c, loaded) = with_events("nested-parent", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "parent = \"e2\"", 1, "parent = ".len()),
            "event 'e3': parent 'e2' is itself a sub-event",
        )],
    );
    let corpus = &loaded.corpus;
    assert_eq!(event_ids(corpus), ["e1", "e2", "e3"]);
    assert_eq!(find_event(corpus, "e2").parent, corpus.event_ix("e1"));
    assert_eq!(find_event(corpus, "e3").parent, None);
}

#[test]
fn unknown_kind() {
    let bad = edit(&event("e2", "2023-09-14"), "\"talks\"", "\"party\"");
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("unknown-kind", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "\"party\""),
            "event 'e2': unknown kind 'party'",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
}

// ── Dates ───────────────────────────────────────────────────────────────

/// An event dated `date` next to a valid one: exactly one problem, inside
/// the date string at the first char of `bad_part`, and the event is left out.
fn check_bad_date(name: &str, date: &str, bad_part: &str, says: &str) {
    let events = event("e1", "2023-09-13") + &event("e2", date);
    let (c, loaded) = with_events(name, &events);
    let (line, quote_col) = loc(&events, &format!("\"{date}\""));
    let inside = date.rfind(bad_part).expect("bad part is in the date");
    let at = (line, quote_col + 1 + date[..inside].chars().count());
    assert_problems(&loaded.problems, &[expect(&c, "events.toml", at, says)]);
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
}

#[test]
fn impossible_day_points_at_the_day() {
    check_bad_date(
        "date-day",
        "2023-02-30",
        "30",
        "event 'e2': February 2023 has no day 30",
    );
}

#[test]
fn impossible_month_points_at_the_month() {
    check_bad_date(
        "date-month",
        "2023-13",
        "13",
        "event 'e2': month 13 does not exist",
    );
}

#[test]
fn span_ending_before_it_starts_points_at_the_end() {
    check_bad_date(
        "date-span",
        "2023-09-13/2023-09-12",
        "2023-09-12",
        "event 'e2': the span ends (2023-09-12) before it starts (2023-09-13)",
    );
}

#[test]
fn valid_date_forms_load() {
    let forms = [
        "2019",
        "2023-09",
        "2019-04-25",
        "2024-06-18/2024-06-19",
        "2023-09~",
        "2023-09-12?",
    ];
    let events: String = forms
        .iter()
        .enumerate()
        .map(|(i, d)| event(&format!("e{i}"), d))
        .collect();
    let (_c, loaded) = with_events("date-forms", &events);
    assert_problems(&loaded.problems, &[]);
    let written: Vec<String> = loaded
        .corpus
        .events
        .iter()
        .map(|e| e.date.to_edtf())
        .collect();
    assert_eq!(written, forms);
}

// ── Excerpts and quotes ─────────────────────────────────────────────────

#[test]
fn excerpt_not_found() {
    let bad = event("e2", "2023-09-14")
        + "[[event.source]]\narticle = \"a1\"\nexcerpt = \"left the cosmodrome by train\"\n";
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("excerpt-missing", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "\"left the cosmodrome by train\""),
            "event 'e2': text not found in article 'a1'",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1", "e2"]);
    assert_eq!(find_event(&loaded.corpus, "e2").sources.len(), 1);
}

#[test]
fn quote_not_found() {
    let c = base("quote-missing");
    let quotes = quote("q1", "very useful") + &quote("q2", "We will never give up");
    c.write("events.toml", &event("e1", "2023-09-13"))
        .write("quotes.toml", &quotes);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "quotes.toml",
            loc(&quotes, "\"We will never give up\""),
            "quote 'q2': text not found in article 'a1'",
        )],
    );
    assert_eq!(quote_ids(&loaded.corpus), ["q1"]);
}

#[test]
fn occurrence_beyond_the_last_match() {
    let c = base("occurrence");
    let once = "We will always be with Russia,";
    let quotes =
        quote("q1", once) + "occurrence = 2\n\n" + &quote("q2", "the talks") + "occurrence = 2\n";
    c.write("events.toml", &event("e1", "2023-09-13"))
        .write("quotes.toml", &quotes);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "quotes.toml",
            loc(&quotes, &format!("\"{once}\"")),
            "quote 'q1': article 'a1' has only 1 occurrence of this text, not 2",
        )],
    );
    let corpus = &loaded.corpus;
    assert_eq!(quote_ids(corpus), ["q2"]);
    // "the talks" is in A1 twice; occurrence 2 is the second.
    let second = A1_BODY.rfind("the talks").expect("fixture");
    assert_eq!(corpus.quotes[0].span, second..second + "the talks".len());
}

// ── Required fields ─────────────────────────────────────────────────────

#[test]
fn missing_title_points_at_the_record() {
    let bad = edit(&event("e2", "2023-09-14"), "title = \"Event e2\"\n", "");
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("missing-title", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "[[event]]", 2, 0),
            "event 'e2': missing `title`",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
}

#[test]
fn empty_title() {
    // Empty, and blank (white space only, trimmed away).
    let empty = edit(&event("e2", "2023-09-14"), "\"Event e2\"", "\"\"");
    let blank = edit(&event("e3", "2023-09-15"), "\"Event e3\"", "\" \\t \"");
    let events = event("e1", "2023-09-13") + &empty + &blank;
    let (c, loaded) = with_events("empty-title", &events);
    assert_problems(
        &loaded.problems,
        &[
            expect(
                &c,
                "events.toml",
                loc(&events, "\"\""),
                "event 'e2': `title` is empty",
            ),
            expect(
                &c,
                "events.toml",
                loc(&events, "\" \\t \""),
                "event 'e3': `title` is empty",
            ),
        ],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
}

// ── Articles and file encodings ─────────────────────────────────────────

#[test]
fn article_with_no_text_is_skipped() {
    let c = base("empty-article");
    c.write(
        "articles/empty.md",
        "+++\nid = \"empty\"\ntitle = \"Nothing\"\n+++\n\n  \n",
    );
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "articles/empty.md",
            (1, 1),
            "article 'empty' has no text",
        )],
    );
    assert_eq!(loaded.corpus.articles.len(), 1);
    assert_eq!(loaded.corpus.article_ix("empty"), None);
}

#[test]
fn invalid_utf8_is_reported_at_its_line_and_replaced() {
    let c = base("invalid-utf8");
    let before = "+++\nid = \"a2\"\ntitle = \"Menu\"\n+++\nFirst paragraph.\n\nThe caf";
    let after = " served tea.\n";
    let mut bytes = before.as_bytes().to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(after.as_bytes());
    c.write_bytes("articles/a2.md", &bytes);
    // An event citing text after the bad byte still resolves.
    let events = event("e1", "2023-09-13")
        + "[[event]]\nid = \"e2\"\ndate = \"2023\"\ntitle = \"Tea\"\nkind = \"other\"\nsummary = \"Tea.\"\n\
           [[event.source]]\narticle = \"a2\"\nexcerpt = \"served tea\"\n";
    c.write("events.toml", &events);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "articles/a2.md",
            line_col(before, before.len()),
            "invalid UTF-8 (byte 0xFF)",
        )],
    );
    let corpus = &loaded.corpus;
    let a2 = &corpus.articles[corpus.article_ix("a2").expect("a2 loads")];
    assert_eq!(a2.body, "First paragraph.\n\nThe caf\u{FFFD} served tea.");
    assert_eq!(event_ids(corpus), ["e1", "e2"]);
}

#[test]
fn byte_order_marks_are_ignored() {
    let c = TempCorpus::new("bom");
    let bom = "\u{feff}";
    c.write(ARTICLE, &format!("{bom}{A1}"))
        .write("actors.toml", &format!("{bom}{ACTORS}"))
        .write(
            "events.toml",
            &format!("{bom}{}", event("e1", "2023-09-13")),
        )
        .write(
            "quotes.toml",
            &format!("{bom}{}", quote("q1", "very useful")),
        )
        .write(
            "articles/plain.txt",
            &format!("{bom}Plain headline\n\nPlain text.\n"),
        );
    let loaded = c.load();
    assert_problems(&loaded.problems, &[]);
    let corpus = &loaded.corpus;
    assert_eq!(corpus.articles.len(), 2);
    assert_eq!(corpus.articles[0].title, "Leaders meet at the cosmodrome");
    assert_eq!(corpus.articles[0].body, A1_BODY);
    assert_eq!(corpus.articles[1].title, "Plain headline");
    assert_eq!(corpus.actors[0].id, "kim");
    assert_eq!(event_ids(corpus), ["e1"]);
    assert_eq!(quote_ids(corpus), ["q1"]);
}

#[test]
fn byte_order_mark_does_not_shift_columns() {
    let c = base("bom-columns");
    let actors = format!("bogus = 1\n{ACTORS}");
    c.write("actors.toml", &format!("\u{feff}{actors}"));
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[expect(&c, "actors.toml", (1, 1), "unknown field `bogus`")],
    );
    assert_eq!(loaded.corpus.actors.len(), 2);
}

#[test]
fn missing_corpus_directory() {
    let dir = std::env::temp_dir().join(format!(
        "chronicle-test-no-such-corpus-{}",
        std::process::id()
    ));
    assert!(!dir.exists());
    let loaded = load(&Location::Dir(dir.clone()));
    assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
    let p = &loaded.problems[0];
    assert_eq!(p.file, dir.to_string_lossy());
    assert_eq!((p.line, p.col), (1, 1));
    assert!(p.message.contains("cannot open corpus"), "{p}");
    let corpus = &loaded.corpus;
    assert!(corpus.articles.is_empty() && corpus.actors.is_empty());
    assert!(corpus.events.is_empty() && corpus.quotes.is_empty());
}

#[test]
fn crlf_line_endings_keep_lines_and_columns_right() {
    let c = TempCorpus::new("crlf");
    let crlf = |s: &str| s.replace('\n', "\r\n");
    let actors = edit(
        ACTORS,
        "[\"Putin\"]\nkind = \"person\"",
        "[\"Putin\"]\nkind = \"robot\"",
    );
    let actors = edit(
        &actors,
        "name = \"Vladimir Putin\"\n",
        "name = \"Vladimir Putin\"\nborn = 1952\n",
    );
    let events = event("e1", "2023-09-13") + &event("e2", "2023-02-30");
    let a1 = edit(A1, "outlet", "author = \"me\"\noutlet");
    c.write(ARTICLE, &crlf(&a1))
        .write("actors.toml", &crlf(&actors))
        .write("events.toml", &crlf(&events));
    let loaded = c.load();
    let (date_line, date_col) = loc(&events, "\"2023-02-30\"");
    assert_problems(
        &loaded.problems,
        &[
            expect(&c, "actors.toml", loc(&actors, "\"robot\""), "kind 'robot'"),
            expect(
                &c,
                "actors.toml",
                loc(&actors, "born"),
                "unknown field `born`",
            ),
            expect(&c, "events.toml", (date_line, date_col + 9), "no day 30"),
            expect(&c, ARTICLE, loc(&a1, "author"), "unknown field `author`"),
        ],
    );
    let corpus = &loaded.corpus;
    // putin has a bad kind and is left out; kim loads, without a '\r'.
    // (The people the extractor found in the article come after the listed ones.)
    let listed = corpus.actors.len() - loaded.extracted.actors;
    let names: Vec<&str> = corpus.actors[..listed]
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["Kim Jong Un"]);
    assert_eq!(corpus.actors[0].aliases, ["Kim"]);
    assert_eq!(corpus.articles[0].title, "Leaders meet at the cosmodrome");
    assert_eq!(corpus.articles[0].body, A1_BODY);
    assert_eq!(event_ids(corpus), ["e1"]);
    assert_eq!(corpus.events[0].title, "Event e1");
}

#[test]
fn alias_shared_by_two_actors() {
    let c = base("shared-alias");
    let actors = edit(ACTORS, "[\"Putin\"]", "[\"Putin\", \"Kim\"]")
        + "\n[[actor]]\nid = \"kju\"\nname = \"Marshal\"\naliases = [\"KIM JONG UN\"]\n";
    c.write("actors.toml", &actors);
    let loaded = c.load();
    assert_problems(
        &loaded.problems,
        &[
            expect(
                &c,
                "actors.toml",
                loc_nth(&actors, "\"Kim\"", 2, 0),
                "actor 'putin': name 'Kim' already belongs to actor 'kim'",
            ),
            // Names are compared ignoring case.
            expect(
                &c,
                "actors.toml",
                loc(&actors, "\"KIM JONG UN\""),
                "actor 'kju': name 'KIM JONG UN' already belongs to actor 'kim'",
            ),
        ],
    );
    let corpus = &loaded.corpus;
    assert_eq!(corpus.actors.len(), 3);
    let putin = &corpus.actors[corpus.actor_ix("putin").expect("putin")];
    assert_eq!(putin.aliases, ["Putin"]);
    let kim = &corpus.actors[corpus.actor_ix("kim").expect("kim")];
    assert_eq!(kim.aliases, ["Kim"]);
}

// ── Matching excerpts and quotes in the text ────────────────────────────

#[test]
fn excerpts_match_across_white_space_and_quote_style_to_the_exact_span() {
    let c = base("folding");
    // Straight quotes where the article has curly ones, one space where it
    // has a paragraph break, a hard-wrapped line in the middle.
    let events = r#"[[event]]
id = "e1"
date = "2023-09-13"
title = "Talks"
kind = "talks"
summary = "Talks."
[[event.source]]
article = "a1"
excerpt = """"We will always be with Russia," Kim said at the talks. Putin
   called the talks 'very useful'"""
[[event.source]]
article = "a1"
excerpt = "Vostochny    cosmodrome on Wednesday"
"#;
    let quotes = quote("q1", "Russia's help would come.");
    c.write("events.toml", events).write("quotes.toml", &quotes);
    let loaded = c.load();
    assert_problems(&loaded.problems, &[]);
    let corpus = &loaded.corpus;
    let body = &corpus.articles[0].body;
    let sources = &corpus.events[0].sources;
    assert_eq!(sources.len(), 2);
    // The span runs from the first to the last matched char: the opening
    // quote mark (deleted by folding) is not part of it, nor the closing one.
    let first =
        "We will always be with Russia,” Kim said at the talks.\n\nPutin called the talks “very useful";
    let start = body.find("We will").expect("fixture");
    assert_eq!(sources[0].span, start..start + first.len());
    assert_eq!(&body[sources[0].span.clone()], first);
    // The wrapped line in the file is one line in the body.
    let second = "Vostochny cosmodrome on Wednesday";
    let start = body.find(second).expect("fixture");
    assert_eq!(sources[1].span, start..start + second.len());
    let quote = &corpus.quotes[0];
    assert_eq!(&body[quote.span.clone()], "Russia’s help would come.");
}

// ── Locations that depend on how a value is written ─────────────────────

#[test]
fn date_in_a_literal_string_points_inside_it() {
    let bad = edit(&event("e2", "2023-09-14"), "\"2023-09-14\"", "'2023-02-30'");
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("date-literal", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "'2023-02-30'", 1, "'2023-02-".len()),
            "February 2023 has no day 30",
        )],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
}

#[test]
fn date_in_a_multi_line_string_points_inside_it() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "\"2023-09-14\"",
        "\"\"\"2023-02-30\"\"\"",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("date-multi-line", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "\"\"\"2023-02-30", 1, "\"\"\"2023-02-".len()),
            "February 2023 has no day 30",
        )],
    );
}

#[test]
fn event_without_a_source_is_reported_at_its_id() {
    let bad = event("e2", "2023-09-14");
    let bad = &bad[..bad.find("[[event.source]]").expect("fixture")];
    let events = event("e1", "2023-09-13") + bad;
    let (c, loaded) = with_events("no-source", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc(&events, "\"e2\""),
            "event 'e2': needs at least one [[event.source]]",
        )],
    );
    // The event itself is valid and still shows, with no source.
    assert_eq!(event_ids(&loaded.corpus), ["e1", "e2"]);
    assert!(find_event(&loaded.corpus, "e2").sources.is_empty());
}

#[test]
fn event_without_id_or_source_is_reported_at_its_record() {
    let bad = edit(&event("e2", "2023-09-14"), "id = \"e2\"\n", "");
    let bad = &bad[..bad.find("[[event.source]]").expect("fixture")];
    let events = event("e1", "2023-09-13") + bad;
    let (c, loaded) = with_events("no-id-no-source", &events);
    let record = loc_nth(&events, "[[event]]", 2, 0);
    assert_problems(
        &loaded.problems,
        &[
            expect(&c, "events.toml", record, "event: missing `id`"),
            expect(
                &c,
                "events.toml",
                record,
                "needs at least one [[event.source]]",
            ),
        ],
    );
    assert_eq!(event_ids(&loaded.corpus), ["e1"]);
}

#[test]
fn columns_count_characters_not_bytes() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "actors = [\"kim\"]",
        "actors = [\"Ким Чен Ын\", \"kim\", \"nobody\"]",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("char-columns", &events);
    let (line, _) = loc(&events, "\"nobody\"");
    // `actors = ["Ким Чен Ын", "kim", ` is 31 chars (39 bytes).
    assert_problems(
        &loaded.problems,
        &[
            expect(&c, "events.toml", (line, 11), "unknown actor 'Ким Чен Ын'"),
            expect(&c, "events.toml", (line, 32), "unknown actor 'nobody'"),
        ],
    );
    assert_eq!(find_event(&loaded.corpus, "e2").actors.len(), 1);
}

#[test]
fn event_cannot_be_its_own_parent() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "summary",
        "parent = \"e2\"\nsummary",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("own-parent", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "parent = \"e2\"", 1, "parent = ".len()),
            "event 'e2': an event cannot be its own parent",
        )],
    );
    let corpus = &loaded.corpus;
    assert_eq!(event_ids(corpus), ["e1", "e2"]);
    assert_eq!(find_event(corpus, "e2").parent, None);
    assert_eq!(corpus.order.len(), 2);
}

#[test]
fn repeated_actor_in_an_event_is_reported_and_kept_once() {
    let bad = edit(
        &event("e2", "2023-09-14"),
        "actors = [\"kim\"]",
        "actors = [\"kim\", \"putin\", \"kim\"]",
    );
    let events = event("e1", "2023-09-13") + &bad;
    let (c, loaded) = with_events("repeated-actor", &events);
    assert_problems(
        &loaded.problems,
        &[expect(
            &c,
            "events.toml",
            loc_nth(&events, "\"kim\"", 3, 0),
            "kim",
        )],
    );
    let corpus = &loaded.corpus;
    let actors: Vec<&str> = find_event(corpus, "e2")
        .actors
        .iter()
        .map(|&a| corpus.actors[a].id.as_str())
        .collect();
    assert_eq!(actors, ["kim", "putin"]);
}
