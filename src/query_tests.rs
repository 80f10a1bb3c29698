use super::*;
use crate::text::key::key;
use proptest::prelude::*;

fn hit(query: &str, text: &str) -> bool {
    // An index keys each field alone and joins them with '\n'.
    let hay: Vec<String> = text.split('\n').map(key).collect();
    Query::parse(query, &Aliases::default()).matches(&hay.join("\n"))
}

#[test]
fn every_term_must_match() {
    assert!(hit("kim summit", "Kim at the summit"));
    assert!(!hit("kim moscow", "Kim at the summit"));
    assert!(hit("", "anything"));
}

#[test]
fn plain_term_is_a_folded_substring() {
    assert!(hit("minist", "The Ministers met"));
    assert!(hit("Kim Jong-un", "Kim Jong Un arrived"));
    assert!(hit("jong-un", "KIM JONG UN"));
    assert!(hit("president", "le Président"));
    assert!(hit("dont", "“Don’t”"));
    assert!(!hit("summit", "sumit"));
}

#[test]
fn quote_prefix_is_a_whole_word() {
    assert!(hit("'kim", "Kim Jong Un"));
    assert!(!hit("'kim", "kimchi"));
    assert!(hit("kim", "kimchi"));
}

#[test]
fn caret_and_dollar_anchor_to_a_field() {
    let fields = "Kim visits Moscow\nSummit talks";
    assert!(hit("^kim", fields));
    assert!(hit("^summit", fields));
    assert!(!hit("^visits", fields));
    assert!(hit("moscow$", fields));
    assert!(!hit("kim$", fields));
    assert!(hit("^summit talks$", "Summit talks") && !hit("^summit$", "Summit talks"));
}

#[test]
fn bang_negates() {
    assert!(hit("!moscow", "Seoul"));
    assert!(!hit("!moscow", "In Moscow"));
    assert!(hit("kim !^moscow", "Kim in Moscow"));
}

#[test]
fn bar_means_or() {
    assert!(hit("moscow | seoul", "Seoul talks"));
    assert!(hit("moscow | seoul talks", "Moscow talks"));
    assert!(!hit("moscow | seoul talks", "Moscow visit"));
    assert!(!hit("tokyo | beijing", "Seoul"));
    assert!(hit("| seoul", "Seoul"));
}

#[test]
fn an_alias_finds_the_actors_other_names() {
    let aliases = Aliases::new([vec!["Kim Jong Un", "Kim Jong-un", "Supreme Leader"]]);
    let q = Query::parse("supreme", &aliases);
    assert!(!q.matches(&key("Kim Jong Un spoke")));
    let q = Query::parse("'supreme leader", &aliases);
    assert!(!q.expanded());
    let aliases = Aliases::new([vec!["Kim Jong Un", "Marshal"]]);
    let q = Query::parse("marshal", &aliases);
    assert!(q.expanded());
    assert!(q.matches(&key("Kim Jong-un spoke")));
    assert!(!Query::parse("!marshal", &aliases).matches(&key("Kim Jong Un spoke")));
}

proptest! {
    #[test]
    fn matching_never_panics(
        query in "\\PC{0,12}|[!'^$| a-zé‑-]{0,12}",
        text in "\\PC{0,40}|[a-zé É’\"\n-]{0,40}",
    ) {
        let aliases = Aliases::new([vec!["é", "a-b"]]);
        let q = Query::parse(&query, &aliases);
        let _ = q.matches(&key(&text));
    }
}
