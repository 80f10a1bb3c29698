//! Who the events builder says takes part in a clause: each test a short
//! text that the rule is for, and one beside it that it must leave alone.

use super::reading::read;

#[test]
fn a_relative_pronoun_stands_for_the_name_before_its_comma() {
    let events = read(
        "Protesters stood before the Supreme Court of the United States, which \
         rejected a lawsuit on Friday.",
        "2020-12-15",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].2, ["Supreme Court"], "{events:#?}");
    let who = read(
        "President Donald Trump, who appointed Emily Murphy in 2017, responded.",
        "2020-11-26",
    );
    assert_eq!(who.len(), 1, "{who:#?}");
    assert_eq!(who[0].2, ["Donald Trump", "Emily Murphy"], "{who:#?}");
}

#[test]
fn a_happening_told_in_a_quotation_names_its_own_actors() {
    let events = read(
        "Pat Ryder spoke to reporters. “U.S. Transportation Command supported this \
         movement Tuesday via C-17,” he said.",
        "2023-02-08",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].2, ["Transportation Command"], "{events:#?}");
}

#[test]
fn a_subordinate_clause_with_its_own_subject_is_its_own_report() {
    let events = read(
        "Johnson became prime minister after Theresa May stepped down on July 24.",
        "2019-09-11",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].2, ["Theresa May"], "{events:#?}");
    let gerund = read(
        "Brigid Kosgei won after breaking her own record on Sunday.",
        "2019-10-14",
    );
    assert_eq!(gerund[0].2, ["Brigid Kosgei"], "{gerund:#?}");
}

#[test]
fn a_lead_that_names_no_one_is_about_whom_the_next_sentence_names() {
    let events = read(
        "The first detainee to be tried in a civilian court was sentenced Tuesday.\n\n\
         Ahmed Khalfan Ghailani declined to speak before Judge Lewis Kaplan sentenced him.",
        "2011-01-25",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].2, ["Ahmed Khalfan Ghailani", "Lewis Kaplan"]);
    let setting = read(
        "Selection of a jury began Wednesday in a New York courtroom.",
        "2010-09-29",
    );
    assert_eq!(setting.len(), 1, "{setting:#?}");
    assert!(setting[0].2.is_empty(), "{setting:#?}");
}

#[test]
fn a_subject_in_capitals_that_no_mention_covers_takes_part() {
    let events = read(
        "Members of the House of Commons protested by shouting during Monday's session.",
        "2019-09-11",
    );
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(
        events[0].2,
        ["Members of the House of Commons"],
        "{events:#?}"
    );
    let common = read(
        "Several witnesses to the bombing testified on Wednesday.",
        "2010-10-13",
    );
    assert!(common[0].2.is_empty(), "{common:#?}");
}

#[test]
fn the_court_is_the_court_the_article_names_most() {
    let events = read(
        "The Supreme Court of the United Kingdom will rule. The Supreme Court sat.\n\n\
         The High Court of England and Wales ruled otherwise.\n\n\
         For three days last week, the court heard arguments.",
        "2019-09-24",
    );
    let heard = events
        .iter()
        .find(|(_, t, _)| t.contains("heard"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(heard.2.len(), 1, "{events:#?}");
    assert!(heard.2[0].starts_with("Supreme Court"), "{events:#?}");
}

#[test]
fn a_relative_clause_after_a_dated_noun_says_who_took_part() {
    let events = read(
        "On Monday, Emily Murphy sent a letter to the team following the election on \
         November 3, which outlets have projected Joe Biden won.",
        "2020-11-26",
    );
    let election = events
        .iter()
        .find(|(d, _, _)| d == "2020-11-03")
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert!(election.2.contains(&"Joe Biden".to_string()), "{events:#?}");
}
