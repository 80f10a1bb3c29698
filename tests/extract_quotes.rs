//! Quotations and their speakers: each case the issue lists, and input that
//! must not break the extractor.

use chronicle::extract::caps::{MAX_MENTIONS, MAX_QUOTES, MAX_TEXT};
use chronicle::extract::{extract, FoundQuote, Speaker};
use chronicle::model::{Actor, ActorKind};
use proptest::prelude::*;

fn actor(id: &str, aliases: &[&str], role: &str, kind: ActorKind) -> Actor {
    Actor {
        id: id.into(),
        name: aliases[0].into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        role: Some(role.into()),
        country: None,
        kind,
    }
}

fn actors() -> Vec<Actor> {
    vec![
        actor(
            "putin",
            &["Vladimir Putin", "Putin", "Mr. Putin"],
            "President of Russia",
            ActorKind::Person,
        ),
        actor(
            "kremlin",
            &["the Kremlin", "Kremlin"],
            "Office of the President",
            ActorKind::Organisation,
        ),
        actor(
            "peskov",
            &["Dmitry Peskov", "Peskov"],
            "Kremlin spokesman",
            ActorKind::Person,
        ),
        actor(
            "kim",
            &["Kim Jong Un", "Kim", "North Korean leader Kim Jong Un"],
            "Leader of North Korea",
            ActorKind::Person,
        ),
        actor("afp", &["AFP"], "News agency", ActorKind::Organisation),
    ]
}

/// (text, speaker as an actor id or a new name, rule) for each quote.
fn quotes(body: &str) -> Vec<(String, String, &'static str)> {
    let actors = actors();
    let found = extract(body, None, &actors).quotes;
    for q in &found {
        check_span(body, q);
    }
    found
        .into_iter()
        .map(|q| {
            let who = match q.speaker {
                Some(Speaker::Actor(a)) => actors[a].id.clone(),
                Some(Speaker::New(n)) => n,
                None => "?".into(),
            };
            (q.text, who, q.rule)
        })
        .collect()
}

fn check_span(body: &str, q: &FoundQuote) {
    assert!(body.is_char_boundary(q.span.start) && body.is_char_boundary(q.span.end));
    assert!((0.0..=1.0).contains(&q.confidence));
    if !q.text.contains("\n\n") {
        assert_eq!(body[q.span.clone()], q.text);
    }
}

fn speakers(body: &str) -> Vec<String> {
    quotes(body).into_iter().map(|q| q.1).collect()
}

#[test]
fn attribution_after_and_before_the_quotation() {
    assert_eq!(speakers("“We will win,” Putin said."), ["putin"]);
    assert_eq!(speakers("\"We will win,\" said Mr. Putin."), ["putin"]);
    assert_eq!(
        speakers("“We talked about space,” the Kremlin said."),
        ["kremlin"]
    );
    assert_eq!(
        speakers("Putin said on Tuesday that ties were at a “higher stage” now."),
        ["putin"]
    );
    assert_eq!(
        quotes("Talks went well, according to the Kremlin, which called them “useful”.")[0].1,
        "kremlin"
    );
}

#[test]
fn new_speakers_are_named_as_written_with_their_appositive() {
    let body = "“China will hardly be happy,” Vladimir Tikhonov, professor of Korean studies \
                at the University of Oslo, told news outlet AFP.";
    assert_eq!(
        speakers(body),
        ["Vladimir Tikhonov, professor of Korean studies"]
    );
    let body = "Jane Doe, a lawyer, said “it is over”. Later “We appeal,” Doe added.";
    assert_eq!(speakers(body), ["Jane Doe, a lawyer", "Jane Doe, a lawyer"]);
}

#[test]
fn titles_and_initials_stay_out_of_and_in_a_new_speakers_name() {
    // An agent noun the role list lacks is still a title.
    let body = "NASA Administrator Charles Bolden spoke. “We did it,” Bolden said.";
    assert_eq!(speakers(body), ["Charles Bolden"]);
    // A middle initial keeps its given name, even where the text also
    // uses the given name alone.
    let body = "Deputy Secretary David J. Hayes announced a gift.\n\n\
                “We thank David, who continues a tradition,” said Hayes.";
    assert_eq!(speakers(body), ["David J. Hayes"]);
}

#[test]
fn a_sentence_that_ends_in_a_colon_introduces_the_quotation() {
    let body = "Following SpaceX's launch, John P. Holdren, the science adviser, \
                issued the following statement:\n\n“Congratulations to the teams for \
                this morning's successful launch of the rocket.”";
    assert_eq!(speakers(body), ["John P. Holdren"]);
    // Without the colon the sentence before names no speaker.
    let body = body.replacen("statement:", "statement.", 1);
    assert_eq!(speakers(&body), ["?"]);
}

#[test]
fn pronouns_titles_and_continued_quotations() {
    let body = "Kim said ties were a “top priority”. “We will always be with Russia,” he added.";
    assert_eq!(speakers(body), ["kim", "kim"]);
    let body = "Dmitry Peskov spoke first. Putin arrived later. \
                “Nothing is agreed,” the spokesman said. “Nothing at all.”";
    let got = quotes(body);
    assert_eq!((got[0].1.as_str(), got[1].1.as_str()), ("peskov", "peskov"));
    assert_eq!(got[1].2, "continued");
    let body = "“Yes,” Putin said. “We will talk.” “And then we will see.”";
    assert_eq!(speakers(body), ["putin", "putin", "putin"]);
}

#[test]
fn a_run_of_quotations_followed_by_a_name() {
    let body = "\"One.\"North Korean leader Kim Jong Un\"Two.\"\"Three.\"Vladimir Putin";
    assert_eq!(speakers(body), ["kim", "putin", "putin"]);
}

#[test]
fn a_quotation_over_several_paragraphs() {
    let body = "Putin spoke at length. “The first part.\n\n“The second part,” he said.";
    let got = quotes(body);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "The first part.\n\nThe second part,");
    assert_eq!(got[0].1, "putin");
}

#[test]
fn nested_quotations_stay_inside_the_outer_one() {
    let got = quotes("“They said ‘never’ to us,” Putin said.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "They said ‘never’ to us,");
}

#[test]
fn apostrophes_scare_quotes_and_names_are_not_quotations() {
    assert!(quotes("Don't ask O'Brien about the '90s; rock 'n' roll, Kim's way.").is_empty());
    assert!(
        quotes("Kim backed the so-called “military operation” with “Grad” rockets.").is_empty()
    );
    // An unattributed short fragment is taken for scare quotes.
    assert!(quotes("It was, in a word, 'heroism'.").is_empty());
}

#[test]
fn unbalanced_and_empty_input() {
    assert!(quotes("").is_empty());
    assert!(quotes("\"").is_empty());
    let got = quotes("Putin said “this never ends\n\nNext paragraph.");
    assert_eq!(got[0].0, "this never ends");
    assert!(quotes("“” ”“ « » \"\"").is_empty());
}

#[test]
fn a_one_megabyte_paragraph() {
    let sentence = "“We talked about space,” the Kremlin said on Wednesday, don't they? ";
    let body = sentence.repeat((1 << 20) / sentence.len());
    assert!(body.len() > 1_000_000);
    // Every quotation and date is found; an article keeps the first
    // `MAX_QUOTES` and `MAX_MENTIONS` of them (src/extract/caps.rs).
    let found = extract(&body, None, &actors());
    let marks = body.matches('“').count();
    assert_eq!(found.capped.quotes, Some((MAX_QUOTES, marks)));
    assert_eq!(found.capped.mentions, Some((MAX_MENTIONS, marks)));
    assert_eq!(found.quotes.len(), MAX_QUOTES);
    // One endless sentence of quotations, pronouns and titles, as long as
    // extraction reads of one article.
    let sentence = "“a b c d e f” he said, the spokesman added on Monday, Putin “x” ";
    let endless = sentence.repeat(MAX_TEXT / sentence.len());
    let found = extract(&endless, None, &actors());
    let marks = endless.matches('“').count();
    assert_eq!(found.capped.quotes, Some((MAX_QUOTES, marks)));
    let unbalanced = "“".repeat(300_000) + &"'".repeat(300_000);
    assert!(extract(&unbalanced, None, &actors()).quotes.len() <= 300_000);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_panics_and_spans_stay_in_the_body(
        body in proptest::collection::vec(
            prop_oneof![
                Just("“"), Just("”"), Just("\""), Just("'"), Just("‘"), Just("’"), Just("«"),
                Just("»"), Just("„"), Just(" "), Just("\n\n"), Just("."), Just(","), Just("said"),
                Just("Putin"), Just("he"), Just("Mr."), Just("on Wednesday"), Just("2019"),
                Just("last"), Just("week"), Just("ago"), Just("two days"), Just("é"), Just("日本"),
                Just("Jane Doe"), Just("the eve of"), Just("according to"), Just("15"),
                Just("September"),
                Just("the next day"), Just("two days later"), Just("that year"), Just("Christmas"),
                Just("mid-March"), Just("this summer"), Just("the weekend"), Just("told"),
                Just("who"), Just("—"), Just("President"), Just("the ministry"), Just("it"),
                Just("II"), Just("UTC"), Just("§"), Just("then"), Just("Friday"), Just("NATO"),
                Just("A. B."), Just("a spokeswoman for"), Just("Nov 22 to 23"), Just("6-7"),
                Just("Then"), Just("…"), Just(" met "), Just("since"), Just("as of"), Just("VLADIVOSTOK,"),
            ],
            0..60,
        ).prop_map(|parts| parts.concat()),
        published in proptest::option::of(0i64..40_000),
    ) {
        let published = published.and_then(|d| {
            chrono::NaiveDate::from_ymd_opt(1950, 1, 1)?.checked_add_days(chrono::Days::new(d as u64))
        });
        let found = extract(&body, published, &actors());
        for q in &found.quotes {
            check_span(&body, q);
        }
        for m in &found.dates {
            prop_assert_eq!(&body[m.span.clone()], m.phrase.as_str());
            // Without a publication date only a phrase relative to an earlier
            // date of the text has an anchor.
            let relative = matches!(m.rule, "eve-of" | "relative-to-last-date");
            prop_assert!(published.is_some() || m.anchor.is_none() || relative);
        }
        for r in &found.reports {
            prop_assert!(r.span.start <= r.span.end && r.span.end <= body.len());
            prop_assert!(r.title.chars().count() <= chronicle::extract::events::TITLE_CHARS);
            prop_assert!(!r.title.contains('…'));
        }
        for p in &found.mentions {
            prop_assert!(p.span.end <= body.len());
        }
    }
}
