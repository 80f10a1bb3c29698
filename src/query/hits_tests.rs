use proptest::prelude::*;

use super::*;
use crate::query::Aliases;
use crate::text::key::key;

fn found<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
    let q = Query::parse(query, &Aliases::default());
    hits(&q, text).into_iter().map(|r| &text[r]).collect()
}

#[test]
fn accents_hyphens_case_and_quote_marks_fold_but_hits_are_the_original() {
    let text = "Le « Président » Kim Jong‑un et KIM JONG UN, l’ÉCOLE";
    assert_eq!(found("president", text), ["Président"]);
    assert_eq!(found("jong-un", text), ["Jong‑un", "JONG UN"]);
    assert_eq!(found("lecole", text), ["l’ÉCOLE"]);
}

#[test]
fn word_terms_find_whole_words_and_negations_find_nothing() {
    let text = "the war, a warden, the war ends";
    assert_eq!(found("'war", text), ["war", "war"]);
    assert_eq!(found("war", text), ["war", "war", "war"]);
    assert_eq!(found("!war", text), Vec::<&str>::new());
    assert_eq!(found("end !warden", text), ["end"]);
}

#[test]
fn alternatives_and_groups_all_give_hits_in_text_order() {
    let text = "river, bridge, river";
    assert_eq!(found("bridge | river", text), ["river", "bridge", "river"]);
    assert_eq!(found("river bridge", text), ["river", "bridge", "river"]);
    // Overlapping hits are one.
    assert_eq!(found("rive iver", text), ["river", "river"]);
}

#[test]
fn an_alias_hit_is_found_under_any_of_the_actors_names() {
    let aliases = Aliases::new([vec!["Kim Jong Un", "Marshal"]]);
    let q = Query::parse("marshal", &aliases);
    let text = "Marshal Kim; Kim Jong-un";
    let got: Vec<&str> = hits(&q, text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(got, ["Marshal", "Kim Jong-un"]);
}

#[test]
fn cjk_and_combining_marks_stay_whole() {
    let text = "金正恩 visited 平壤; cafe\u{301} noir";
    assert_eq!(found("平壤", text), ["平壤"]);
    assert_eq!(found("正", text), ["正"]);
    // The accent is folded away, yet the hit keeps it with its letter.
    assert_eq!(found("cafe", text), ["cafe\u{301}"]);
    assert_eq!(found("cafe-noir", text), ["cafe\u{301} noir"]);
}

#[test]
fn counting_on_the_key_agrees_with_the_hits_in_the_text() {
    let text = "Kim Jong-un met Kim Jong Un; kim-jong-un";
    let q = Query::parse("jong-un | kim", &Aliases::default());
    assert_eq!(q.count_hits(&key(text)), hits(&q, text).len());
    assert_eq!(hits(&q, text).len(), 6);
    let one = Query::parse("kim", &Aliases::default());
    assert_eq!(one.count_hits(&key(text)), 3);
    assert_eq!(hits(&one, text).len(), 3);
    assert_eq!(
        Query::parse("", &Aliases::default()).count_hits(&key(text)),
        0
    );
}

fn marked(s: &Snippet) -> Vec<&str> {
    s.marks.iter().map(|r| &s.text[r.clone()]).collect()
}

#[test]
fn a_snippet_shows_context_around_the_first_hit_cut_with_an_ellipsis() {
    let text = "One two three four five six seven eight nine ten eleven twelve";
    let q = Query::parse("seven | nine", &Aliases::default());
    let s = snippet(text, &hits(&q, text), 24);
    assert_eq!(s.text, "…six seven eight nine t…");
    assert_eq!(marked(&s), ["seven", "nine"]);
    let s = snippet(text, &hits(&q, text), 200);
    assert_eq!(s.text, text);
    assert_eq!(marked(&s), ["seven", "nine"]);
    assert!(width(&snippet(text, &hits(&q, text), 3).text) <= 3);
    let q = Query::parse("two", &Aliases::default());
    assert_eq!(snippet(text, &hits(&q, text), 16).text, "One two three f…");
    assert_eq!(snippet(text, &[], 40), Snippet::default());
}

#[test]
fn a_snippet_is_one_line_and_measures_wide_chars() {
    let text = "Before.\n\nThe  talks in 平壤 (Pyongyang) ended   late.\nAfter.";
    let q = Query::parse("平壤", &Aliases::default());
    let s = snippet(text, &hits(&q, text), 20);
    assert!(!s.text.contains('\n'), "{:?}", s.text);
    assert!(width(&s.text) <= 20, "{:?}", s.text);
    assert_eq!(marked(&s), ["平壤"]);
    assert_eq!(s.text, "…in 平壤 (Pyongyang…");
    // Within its paragraph, white space as single spaces.
    let s = snippet(text, &hits(&q, text), 60);
    assert_eq!(s.text, "The talks in 平壤 (Pyongyang) ended late.");
}

proptest! {
    #[test]
    fn hits_and_snippets_never_split_a_char_nor_overflow(
        query in "\\PC{0,12}|[!'^$| a-zé平‑-]{0,12}",
        text in "\\PC{0,60}|[a-zé É’平壤\"\n\u{301}-]{0,60}",
        cols in 0usize..30,
    ) {
        let aliases = Aliases::new([vec!["é", "a-b"]]);
        let q = Query::parse(&query, &aliases);
        let found = hits(&q, &text);
        prop_assert_eq!(found.len(), q.count_hits(&key(&text)));
        for r in &found {
            prop_assert!(r.start < r.end && r.end <= text.len());
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        prop_assert!(found.windows(2).all(|w| w[0].start <= w[1].start));
        let s = snippet(&text, &found, cols);
        prop_assert!(width(&s.text) <= cols, "{:?} wider than {}", s.text, cols);
        for r in &s.marks {
            prop_assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
        }
    }
}
