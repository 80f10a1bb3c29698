//! How the events builder reads a clause: each test a short text that the
//! rule is for, and one beside it that it must leave alone.

use super::*;

/// The built events of one article: (date, title, actor names).
pub(super) fn read(body: &str, published: &str) -> Vec<(String, String, Vec<String>)> {
    read_all(&[article("a", body, published)])
}

fn read_all(articles: &[Article]) -> Vec<(String, String, Vec<String>)> {
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(articles, &mut actors, &mut events, &mut quotes);
    built(&events)
        .iter()
        .map(|e| {
            let names = e.actors.iter().map(|&a| actors[a].name.clone()).collect();
            (e.date.to_edtf(), e.title.clone(), names)
        })
        .collect()
}

fn dates(events: &[(String, String, Vec<String>)]) -> Vec<&str> {
    events.iter().map(|(d, _, _)| d.as_str()).collect()
}

#[test]
fn a_report_of_a_month_does_not_join_two_days_of_it() {
    let articles = [
        article(
            "a",
            "Protesters marched in Hong Kong in June.",
            "2019-06-23",
        ),
        article(
            "b",
            "On June 12, protesters marched in Hong Kong.",
            "2019-06-23",
        ),
        article(
            "c",
            "On June 21, protesters marched in Hong Kong.",
            "2019-06-23",
        ),
    ];
    let events = read_all(&articles);
    assert_eq!(dates(&events), ["2019-06-12", "2019-06-21"], "{events:#?}");
}

#[test]
fn may_with_a_capital_inside_a_sentence_is_a_name() {
    let events = read(
        "Johnson became leader after Theresa May stepped down on July 24.",
        "2019-09-11",
    );
    assert_eq!(dates(&events), ["2019-07-24"]);
    let plan = read("Johnson said talks may resume on July 24.", "2019-07-10");
    assert!(plan.is_empty(), "{plan:#?}");
}

#[test]
fn a_clause_reads_back_over_a_lists_comma_and_to_its_verb() {
    let events = read(
        "Bolden talked with Pettit and Acaba, and astronaut Kuipers during a call Friday afternoon.",
        "2012-05-26",
    );
    assert_eq!(dates(&events), ["2012-05-25"], "{events:#?}");
}

#[test]
fn which_after_a_comma_stands_for_the_noun_phrase_before_it() {
    let events = read(
        "Efforts to contain the SARS outbreak, which took place in 2003, mainly involved hospitals.",
        "2020-02-22",
    );
    let titles: Vec<&str> = events.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(titles, ["The SARS outbreak took place"]);
}

#[test]
fn a_gerund_after_after_is_what_was_done() {
    let events = read(
        "Kipchoge is spurring young runners after breaking his own world record Sunday in Berlin.",
        "2022-09-26",
    );
    assert_eq!(dates(&events), ["2022-09-25"], "{events:#?}");
}

#[test]
fn a_noun_of_a_happening_beside_its_date_needs_no_verb() {
    let events = read(
        "Turnout in the election on November 3 was a record.",
        "2020-11-10",
    );
    assert_eq!(dates(&events), ["2020-11-03"], "{events:#?}");
    let place = read(
        "Turnout in the district on November 3 was a record.",
        "2020-11-10",
    );
    assert!(place.is_empty(), "{place:#?}");
}

#[test]
fn a_happening_told_in_a_quotation_is_read_unless_told_of_oneself() {
    let events = read("“Those teams arrived Feb. 8,” Ryder said.", "2023-02-09");
    assert_eq!(dates(&events), ["2023-02-08"], "{events:#?}");
    let own = read("“We arrived Feb. 8 and began,” Ryder said.", "2023-02-09");
    assert!(own.is_empty(), "{own:#?}");
}

#[test]
fn an_acronym_the_text_spells_out_is_that_name() {
    let events = read(
        "The World Health Organization named the disease on Tuesday.\n\n\
         WHO declared a pandemic on Wednesday.",
        "2020-03-12",
    );
    let declared = events
        .iter()
        .find(|(_, t, _)| t.contains("declared"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(declared.2, ["World Health Organization"]);
}

#[test]
fn a_clause_that_names_no_one_is_about_the_last_subject() {
    let events = read(
        "Ahmed Ghailani appeared in court on Monday. The sentencing took place on Thursday.",
        "2011-01-28",
    );
    let sentencing = events
        .iter()
        .find(|(_, t, _)| t.contains("sentencing"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(sentencing.2, ["Ahmed Ghailani"]);
}

#[test]
fn where_it_happened_is_not_who_took_part() {
    let events = read(
        "Brigid Kosgei won the Chicago Marathon on Sunday in Hong Kong.",
        "2019-10-14",
    );
    let names: Vec<&Vec<String>> = events.iter().map(|(_, _, a)| a).collect();
    assert_eq!(names, [&vec!["Brigid Kosgei".to_string()]], "{events:#?}");
}

#[test]
fn a_quotation_of_two_sentences_gives_each_its_own_date() {
    let events = read(
        "“Transportation Command supported this movement Tuesday via C-17. \
         Those teams arrived Feb. 8 and will soon begin aiding,” Ryder said.",
        "2023-02-09",
    );
    assert_eq!(dates(&events), ["2023-02-07", "2023-02-08"], "{events:#?}");
}

#[test]
fn one_article_a_day_apart_tells_two_days() {
    let events = read(
        "Sergei Lavrov met Antony Blinken in Geneva on Monday for ceasefire talks on prisoner exchanges and grain shipments.\n\n\
         Sergei Lavrov met Antony Blinken in Geneva on Tuesday for ceasefire talks on prisoner exchanges and grain shipments.",
        "2024-06-20",
    );
    assert_eq!(dates(&events), ["2024-06-17", "2024-06-18"], "{events:#?}");
}

#[test]
fn a_source_after_according_to_is_not_the_place() {
    let articles = [article(
        "a",
        "On Monday, protesters marched to Victoria Park, according to The Guardian.",
        "2019-06-18",
    )];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let places: Vec<Option<&str>> = built(&events).iter().map(|e| e.place.as_deref()).collect();
    assert_eq!(places, [Some("Victoria Park")]);
    let articles = [article(
        "a",
        "On Monday, protesters marched, according to The Guardian.",
        "2019-06-18",
    )];
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(&articles, &mut actors, &mut events, &mut quotes);
    let places: Vec<Option<&str>> = built(&events).iter().map(|e| e.place.as_deref()).collect();
    assert_eq!(places, [None]);
}

#[test]
fn a_date_that_modifies_a_noun_of_a_happening_dates_that_noun() {
    // The clause's verb does not take the date ("is not worried"): the
    // election it modifies does.
    let events = read(
        "Biden said he is not worried after last week's national election.",
        "2020-11-10",
    );
    assert_eq!(dates(&events), ["2020-11-02/2020-11-08"], "{events:#?}");
    assert_eq!(events[0].1, "National election");
    let no_noun = read(
        "Biden said he is not worried after last week's long journey.",
        "2020-11-10",
    );
    assert!(no_noun.is_empty(), "{no_noun:#?}");
}

#[test]
fn a_second_date_in_a_clause_dates_the_noun_it_modifies() {
    let events = read(
        "On Monday, Murphy sent a letter following the presidential election on November 3.",
        "2020-11-26",
    );
    assert_eq!(dates(&events), ["2020-11-03", "2020-11-23"], "{events:#?}");
    let one = read(
        "On Monday, Murphy sent a letter to the district on November 3.",
        "2020-11-26",
    );
    assert_eq!(dates(&one), ["2020-11-23"], "{one:#?}");
}

#[test]
fn reports_that_name_the_same_happening_by_its_noun_are_one_event() {
    let articles = [
        article(
            "a",
            "Witnesses to the 1998 bombing testified on Wednesday.",
            "2010-10-13",
        ),
        article(
            "b",
            "He was sentenced on Tuesday for his role in the 1998 bombings.",
            "2011-01-25",
        ),
    ];
    let events = read_all(&articles);
    let bombings: Vec<_> = events.iter().filter(|(d, _, _)| d == "1998").collect();
    assert_eq!(bombings.len(), 1, "{events:#?}");
}

#[test]
fn a_record_set_in_a_year_is_past_not_a_plan() {
    let events = read(
        "It was faster than the mark set at the 2003 London Marathon.",
        "2019-10-14",
    );
    assert_eq!(dates(&events), ["2003"], "{events:#?}");
}

#[test]
fn since_or_from_before_a_simple_past_dates_a_beginning() {
    let events = read(
        "From Friday, United States authorities declared similar measures.",
        "2020-01-20",
    );
    assert_eq!(dates(&events), ["2020-01-17"], "{events:#?}");
    let state = read(
        "The brigade has conducted 10 missions since Friday.",
        "2020-01-20",
    );
    assert!(state.is_empty(), "{state:#?}");
    let stretch = read(
        "He served as mayor from 2008 to 2016 before rejoining Parliament.",
        "2019-07-24",
    );
    assert!(stretch.is_empty(), "{stretch:#?}");
}

#[test]
fn a_happening_named_again_dates_what_happened_during_it() {
    let named = cited(
        "The Park Service closed the Monument following today's earthquake in the area.\n\n\
         The memorials were evacuated following the earthquake.",
        "2011-08-23",
    );
    assert_eq!(named, ["The Park", "The memorials"]);
    let undated = cited(
        "The Park Service closed the Monument on Tuesday.\n\n\
         The memorials were evacuated following the earthquake.",
        "2011-08-23",
    );
    assert_eq!(undated, ["The Park"]);
}

#[test]
fn a_happening_a_dated_clause_brings_in_dates_it_named_again() {
    let events = cited(
        "Several groups gathered on Saturday for a rally organized by Women for America First.\n\n\
         Trump flew above the rally on his helicopter.",
        "2020-12-15",
    );
    assert_eq!(events, ["Several groups", "Trump flew"]);
    let modifier = cited(
        "Several groups gathered on Saturday for a rally relief fund.\n\n\
         Trump flew above the rally on his helicopter.",
        "2020-12-15",
    );
    assert_eq!(modifier, ["Several groups"]);
}

/// The passages one article's events cite, by their first two words, sorted.
fn cited(body: &str, published: &str) -> Vec<String> {
    let (mut actors, mut events, mut quotes) = (Vec::new(), Vec::new(), Vec::new());
    augment(
        &[article("a", body, published)],
        &mut actors,
        &mut events,
        &mut quotes,
    );
    let mut out: Vec<String> = built(&events)
        .iter()
        .flat_map(|e| &e.sources)
        .map(|s| s.excerpt.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    out.sort();
    out
}

#[test]
fn the_next_sentence_about_the_same_subject_goes_on_from_its_date() {
    let same = cited(
        "Today, Carrie Lam delivered her annual speech. Speaking in the Council, \
         Lam was interrupted by legislators.",
        "2019-10-16",
    );
    assert_eq!(same, ["Speaking in", "Today, Carrie"]);
    let other = cited(
        "Today, Carrie Lam delivered her annual speech. Speaking in the Council, \
         Andrew Leung was interrupted by legislators.",
        "2019-10-16",
    );
    assert_eq!(other, ["Today, Carrie"]);
}

#[test]
fn a_date_carried_to_the_next_sentence_reads_it_whatever_its_spacing() {
    for gap in [" ", "  ", " \n"] {
        let body = format!(
            "Andrew Foster arrived in Ottawa on 21 December 2013 for a visit.{gap}Andrew \
             Foster travelled by train to Harbin."
        );
        let events = cited(&body, "2014-01-10");
        assert_eq!(events, ["Andrew Foster", "Andrew Foster"], "{gap:?}");
    }
}
