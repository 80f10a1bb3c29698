//! Dated mentions: each kind of phrase the issue lists, resolved against a
//! publication date at the right precision, and left unresolved without one.

use chronicle::extract::{extract, DatedMention};
use chronicle::model::Precision;
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn mentions(body: &str, published: Option<&str>) -> Vec<DatedMention> {
    extract(body, published.map(day), &[]).dates
}

/// The one mention in `body`: (phrase, EDTF or "", rule).
fn one(body: &str, published: Option<&str>) -> (String, String, &'static str) {
    let found = mentions(body, published);
    assert_eq!(found.len(), 1, "{body:?}: {found:?}");
    let m = &found[0];
    assert_eq!(&body[m.span.clone()], m.phrase);
    let date = m.date.as_ref().map_or(String::new(), |d| d.to_edtf());
    (m.phrase.clone(), date, m.rule)
}

// Published on Monday 17 June 2024.
const PUB: Option<&str> = Some("2024-06-17");

#[test]
fn absolute_dates_at_their_precision() {
    assert_eq!(
        one("It began on April 25, 2019, in Vladivostok.", PUB).1,
        "2019-04-25"
    );
    assert_eq!(
        one("The talks of 25 April 2019 failed.", PUB).1,
        "2019-04-25"
    );
    assert_eq!(one("The deal was signed in June 2024.", None).1, "2024-06");
    assert_eq!(one("They last met in 2019 in the east.", None).1, "2019");
    assert_eq!(one("Dated 2019-04-25 in the log.", None).1, "2019-04-25");
    let (phrase, date, rule) = one("Weapons from the 1950s were sold.", None);
    assert_eq!(
        (phrase.as_str(), date.as_str(), rule),
        ("the 1950s", "1950/1959", "decade")
    );
}

#[test]
fn a_day_or_month_without_a_year_takes_the_anchor_year() {
    assert_eq!(one("The ceremony is on 15 September.", PUB).1, "2024-09-15");
    assert_eq!(
        one("Xi said in April that ties were strong.", PUB).1,
        "2024-04"
    );
    // Past tense and a date after the anchor: the year before.
    assert_eq!(
        one("Talks were last held on 12 December.", PUB).1,
        "2023-12-12"
    );
    let (_, date, rule) = one("The ceremony is on 15 September.", None);
    assert_eq!((date.as_str(), rule), ("", "day-month+anchor-year"));
}

#[test]
fn weekdays_resolve_in_the_week_of_publication() {
    assert_eq!(one("Putin will travel next Tuesday.", PUB).1, "2024-06-18");
    assert_eq!(one("The Kremlin spoke on Wednesday.", PUB).1, "2024-06-12");
    assert_eq!(one("The Kremlin spoke on Monday.", PUB).1, "2024-06-17");
    assert_eq!(one("He will arrive on Wednesday.", PUB).1, "2024-06-19");
    assert_eq!(one("They met last Monday.", PUB).1, "2024-06-10");
    assert_eq!(
        one("They left early Wednesday afternoon.", PUB).0,
        "early Wednesday afternoon"
    );
}

#[test]
fn relative_units_keep_week_month_and_year_precision() {
    let found = mentions(
        "Last week he came. Last February a car. Two days ago, rain.",
        PUB,
    );
    let shown: Vec<(String, Precision)> = found
        .iter()
        .map(|m| {
            let d = m.date.as_ref().expect("resolved");
            (d.to_edtf(), d.precision())
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("2024-06-10/2024-06-16".to_string(), Precision::Week),
            ("2024-02".to_string(), Precision::Month),
            ("2024-06-15".to_string(), Precision::Day),
        ]
    );
    assert!(found.iter().all(|m| m.anchor == Some(day("2024-06-17"))));
    assert_eq!(one("Earlier this year the plan changed.", PUB).1, "2024");
    assert_eq!(one("Next month the port opens.", PUB).1, "2024-07");
    assert_eq!(one("Three years ago it was different.", PUB).1, "2021");
    assert_eq!(one("It happened yesterday.", PUB).1, "2024-06-16");
}

#[test]
fn the_eve_of_refers_to_the_last_day_mentioned() {
    let body = "They met on Wednesday. On the eve of the summit, Washington warned.";
    let found = mentions(body, Some("2023-09-13"));
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].rule, "eve-of");
    assert_eq!(
        found[1].date.as_ref().map(|d| d.to_edtf()).as_deref(),
        Some("2023-09-12")
    );
    assert_eq!(found[1].anchor, Some(day("2023-09-13")));
}

#[test]
fn without_an_anchor_relative_dates_stay_unresolved() {
    let body = "Last week, on Wednesday, two days ago and next Tuesday; earlier this year too.";
    let found = mentions(body, None);
    assert_eq!(found.len(), 5, "{found:?}");
    assert!(found.iter().all(|m| m.date.is_none() && m.anchor.is_none()));
}

#[test]
fn numbers_and_words_that_are_not_dates() {
    let body = "About 2000 troops, 122-millimetre rockets, COVID-19, 37mph, the march, \
                she may go, a 5,000-strong force and 18:42 updates.";
    assert!(mentions(body, PUB).is_empty(), "{:?}", mentions(body, PUB));
}

#[test]
fn part_of_the_current_unit() {
    let (phrase, date, rule) = one("A deal is due by the end of the month.", PUB);
    assert_eq!(
        (phrase.as_str(), date.as_str(), rule),
        ("end of the month", "2024-06", "part-of-this-unit")
    );
    assert_eq!(
        one("Talks continue for the rest of the year.", PUB).1,
        "2024"
    );
    assert!(mentions("At the end of the day, nothing.", PUB).is_empty());
}
