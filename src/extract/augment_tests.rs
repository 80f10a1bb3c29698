use super::*;
use crate::model::{DateSpec, EventKind};

fn article(id: &str, body: &str, published: &str) -> Article {
    Article {
        id: id.into(),
        title: id.into(),
        outlet: None,
        url: None,
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        published_note: None,
        body: body.into(),
        file: format!("articles/{id}.md"),
        cleaned: false,
    }
}

fn curated_event(article: Ix, span: Range<usize>) -> Event {
    Event {
        id: "curated".into(),
        date: DateSpec::year(2023).expect("year"),
        date_note: None,
        title: "Curated".into(),
        place: None,
        kind: EventKind::Summit,
        actors: vec![0],
        parent: None,
        summary: "Curated.".into(),
        sources: vec![Source {
            article,
            excerpt: "x".into(),
            span,
        }],
        origin: Origin::Curated,
        background: false,
        built_from: None,
    }
}

fn kremlin() -> Actor {
    Actor {
        id: "kremlin".into(),
        name: "The Kremlin".into(),
        aliases: vec!["the Kremlin".into()],
        role: None,
        country: None,
        kind: ActorKind::Organisation,
    }
}

fn built(events: &[Event]) -> Vec<&Event> {
    events
        .iter()
        .filter(|e| e.origin == Origin::Extracted)
        .collect()
}

#[test]
fn a_curated_article_still_gives_its_other_happenings_and_quotes() {
    let body = "The Kremlin met envoys on Wednesday. \
                The envoys signed a grain deal in Moscow on Thursday.\n\n\
                “It went well,” Jane Doe, a diplomat, said last week.";
    let articles = [article("cited", body, "2023-09-15")];
    let mut actors = vec![kremlin()];
    let mut events = vec![curated_event(0, 0..35)];
    let mut quotes = Vec::new();
    let added = augment(&articles, &mut actors, &mut events, &mut quotes);

    assert_eq!(events[0].id, "curated");
    let built = built(&events);
    assert_eq!(added.events, built.len());
    assert_eq!(
        built.len(),
        1,
        "the curated clause is not built again: {built:#?}"
    );
    let deal = built[0];
    assert_eq!(deal.date.to_edtf(), "2023-09-14");
    assert_eq!(deal.title, "The envoys signed a grain deal in Moscow");
    assert_eq!(deal.kind, EventKind::Agreement);
    assert_eq!(deal.place.as_deref(), Some("Moscow"));
    assert!(deal.sources[0].excerpt.starts_with("The envoys signed"));
    assert!(deal
        .built_from
        .as_deref()
        .is_some_and(|b| b.contains("one report")));

    assert_eq!(quotes.len(), 1, "the article's quote is extracted");
    assert_eq!(actors[quotes[0].speaker].name, "Jane Doe");
    assert!(added
        .confidence(&quotes[0])
        .is_some_and(|c| c > 0.0 && c <= 1.0));
}

#[test]
fn reports_of_one_happening_join_across_articles() {
    let a = "Vladimir Putin landed in Pyongyang on Wednesday for talks with Kim Jong Un.";
    let b =
        "Russian President Vladimir Putin landed in Pyongyang early on June 19, state media said.";
    let c = "Vladimir Putin toured a hospital in Pyongyang on Wednesday.";
    let articles = [
        article("a", a, "2024-06-20"),
        article("b", b, "2024-06-21"),
        article("c", c, "2024-06-20"),
    ];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let built = built(&events);
    assert_eq!(built.len(), 2, "{built:#?}");
    let landing = built
        .iter()
        .find(|e| e.title.contains("landed"))
        .expect("the landing");
    assert_eq!(landing.date.to_edtf(), "2024-06-19");
    let cited: Vec<Ix> = landing.sources.iter().map(|s| s.article).collect();
    assert_eq!(cited, [0, 1], "both reports of the landing");
    let why = landing.built_from.as_deref().unwrap_or("");
    assert!(
        why.contains("2 reports in 2 articles") && why.contains("land"),
        "{why}"
    );
    assert_eq!(landing.kind, EventKind::Travel);
    let names: Vec<&str> = landing
        .actors
        .iter()
        .map(|&a| actors[a].name.as_str())
        .collect();
    assert_eq!(names[0], "Vladimir Putin");
}

#[test]
fn a_day_apart_on_the_same_happening_is_said() {
    let a =
        "Vladimir Putin signed the partnership treaty with Kim Jong Un in Pyongyang on Wednesday.";
    let b =
        "Vladimir Putin signed the partnership treaty with Kim Jong Un in Pyongyang on Tuesday.";
    let articles = [article("a", a, "2024-06-20"), article("b", b, "2024-06-20")];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let built = built(&events);
    assert_eq!(built.len(), 1, "{built:#?}");
    let note = built[0].date_note.as_deref().unwrap_or("");
    assert!(
        note.contains("disagree") && note.contains("2024-06-18") && note.contains("2024-06-19"),
        "{note}"
    );
}

#[test]
fn datelines_attributions_and_plans_are_not_events() {
    let body = "PYONGYANG, June 19 — Officials spoke.\n\n\
                The minister told TASS on Monday that nothing was agreed.\n\n\
                Putin will visit Hanoi on Friday.\n\n\
                Putin was scheduled to arrive late Tuesday.";
    let articles = [article("a", body, "2024-06-19")];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    assert!(built(&events).is_empty(), "{:#?}", built(&events));
}

#[test]
fn the_past_as_context_is_background() {
    let body = "Putin arrived in Pyongyang on Wednesday. \
                He last visited the country in July 2000.";
    let articles = [article("a", body, "2024-06-20")];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let built = built(&events);
    let background: Vec<(&str, bool)> = built
        .iter()
        .map(|e| (e.date.to_edtf().leak() as &str, e.background))
        .collect();
    assert_eq!(background, [("2000-07", true), ("2024-06-19", false)]);
}

#[test]
fn a_dense_run_sharing_an_actor_gets_a_headline() {
    let body = "Jane Doe arrived in Hanoi on Monday. \
                Jane Doe met the premier in Hanoi on Tuesday. \
                Jane Doe signed a trade pact in Hanoi on Wednesday. \
                Jane Doe left Hanoi on Thursday.";
    let articles = [article("a", body, "2024-06-21")];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let head = events
        .iter()
        .position(|e| e.title.contains("visit to Hanoi"))
        .unwrap_or_else(|| panic!("a headline: {events:#?}"));
    assert_eq!(events[head].title, "Jane Doe’s June 2024 visit to Hanoi");
    assert_eq!(events[head].date.to_edtf(), "2024-06-17/2024-06-20");
    let members = events.iter().filter(|e| e.parent == Some(head)).count();
    assert_eq!(members, 4);
}

#[test]
fn quotes_join_the_nearest_event_of_their_article() {
    let body = "“Before anything,” the Kremlin said.\n\n\
                The Kremlin met envoys in Moscow on Wednesday.\n\n\
                “Later,” the Kremlin said.";
    let articles = [article("raw", body, "2023-09-14")];
    let mut actors = vec![kremlin()];
    let (mut events, mut quotes) = (Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    assert_eq!(events.len(), 1, "one happening: {events:#?}");
    let texts: Vec<(&str, Option<Ix>)> =
        quotes.iter().map(|q| (q.text.as_str(), q.event)).collect();
    assert_eq!(texts, [("Before anything,", Some(0)), ("Later,", Some(0))]);
}

#[test]
fn titles_are_short_and_never_cut_with_an_ellipsis() {
    let long = format!(
        "The delegation signed {} in Geneva on Monday.",
        "an agreement on fisheries and shipping and ports and trade ".repeat(4)
    );
    let articles = [article("a", &long, "2024-06-20")];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let t = &events[0].title;
    assert!(
        t.chars().count() <= events::TITLE_CHARS && !t.contains('…'),
        "{t}"
    );
    assert!(
        !t.ends_with(" and") && t.starts_with("The delegation signed"),
        "{t}"
    );
}

#[test]
fn over_the_budget_only_uncited_articles_are_read() {
    let body = "The Kremlin met envoys on Wednesday. \
                The envoys signed a grain deal in Moscow on Thursday.";
    let articles = [
        article("cited", body, "2023-09-15"),
        article("raw", body, "2023-09-15"),
    ];
    let mut actors = vec![kremlin()];
    let mut events = vec![curated_event(0, 0..35)];
    let mut quotes = Vec::new();
    let added = augment_within(&articles, &mut actors, &mut events, &mut quotes, 10);
    assert_eq!(added.unread_curated, 1);
    let cited: Vec<Ix> = built(&events)
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.article))
        .collect();
    assert!(
        !cited.is_empty() && cited.iter().all(|&a| a == 1),
        "{cited:?}"
    );
}

#[test]
fn and_before_a_past_verb_is_another_happening_with_the_same_subject() {
    let body = "Ahmed Ghailani was captured in Pakistan in 2004 \
                and transferred to Guantanamo two years later.";
    let articles = [article("a", body, "2011-01-25")];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let shown: Vec<(String, &str)> = built(&events)
        .iter()
        .map(|e| (e.date.to_edtf(), e.title.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            (
                "2004".to_string(),
                "Ahmed Ghailani was captured in Pakistan"
            ),
            (
                "2006".to_string(),
                "Ahmed Ghailani transferred to Guantanamo"
            ),
        ]
    );
    assert!(built(&events).iter().all(|e| e.background));
}

#[test]
fn a_brand_and_a_name_written_by_its_first_word_take_part() {
    let body = "On Friday, code hosting website GitHub blocked access to the tool.\n\n\
                Doctor Li Wenliang had warned colleagues about the virus.\n\n\
                Li died of the infection on Saturday.";
    let articles = [article("a", body, "2020-02-09")];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let who = |word: &str| -> Vec<String> {
        let e = built(&events)
            .into_iter()
            .find(|e| e.title.contains(word))
            .unwrap_or_else(|| panic!("an event with {word}: {events:#?}"));
        e.actors.iter().map(|&a| actors[a].name.clone()).collect()
    };
    assert_eq!(who("blocked"), ["GitHub"]);
    assert_eq!(who("died"), ["Li Wenliang"]);
}

proptest::proptest! {
    /// The merged, searched ranges answer as a look at every cited range
    /// would, empty ranges and ranges that touch included.
    #[test]
    fn overlaps_answers_as_a_look_at_every_cited_range(
        cited_spans in proptest::collection::vec((0usize..40, 0usize..8), 0..12),
        asked in (0usize..48, 0usize..8),
    ) {
        let spans: Vec<Range<usize>> = cited_spans.iter().map(|&(s, n)| s..s + n).collect();
        let r = asked.0..asked.0 + asked.1;
        let by_article = cited(spans.iter().map(|s| (0, s)));
        let each = spans.iter().any(|c| c.start < r.end && r.start < c.end);
        proptest::prop_assert_eq!(overlaps(by_article.get(&0), &r), each, "{:?} in {:?}", r, spans);
    }
}

#[path = "augment_reading_tests.rs"]
mod reading;

#[path = "augment_actor_tests.rs"]
mod actors;
