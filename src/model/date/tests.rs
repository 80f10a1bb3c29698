use super::parse::EXPECTED;
use super::*;
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date is real")
}

fn spec(s: &str) -> DateSpec {
    DateSpec::parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e:?}"))
}

fn week(d: NaiveDate) -> DateSpec {
    DateSpec::week(d).expect("test week is in range")
}

fn error(s: &str) -> DateError {
    match DateSpec::parse(s) {
        Ok(d) => panic!("{s:?} should be rejected, got {d:?}"),
        Err(e) => e,
    }
}

#[test]
fn every_form_parses_with_its_precision_and_days() {
    let cases = [
        ("2019", Precision::Year, ymd(2019, 1, 1), ymd(2019, 12, 31)),
        (
            "2023-09",
            Precision::Month,
            ymd(2023, 9, 1),
            ymd(2023, 9, 30),
        ),
        (
            "2024-02",
            Precision::Month,
            ymd(2024, 2, 1),
            ymd(2024, 2, 29),
        ),
        (
            "2019-04-25",
            Precision::Day,
            ymd(2019, 4, 25),
            ymd(2019, 4, 25),
        ),
        (
            "2024-06-18/2024-06-19",
            Precision::Day,
            ymd(2024, 6, 18),
            ymd(2024, 6, 19),
        ),
        (
            "2023-09/2023-10",
            Precision::Month,
            ymd(2023, 9, 1),
            ymd(2023, 10, 31),
        ),
        (
            "2019/2021",
            Precision::Year,
            ymd(2019, 1, 1),
            ymd(2021, 12, 31),
        ),
        (
            "2023-09/2023-09-05",
            Precision::Month,
            ymd(2023, 9, 1),
            ymd(2023, 9, 5),
        ),
        (
            "2023-09-05/2023-09",
            Precision::Day,
            ymd(2023, 9, 5),
            ymd(2023, 9, 30),
        ),
        (
            "2023/2023-01-01",
            Precision::Year,
            ymd(2023, 1, 1),
            ymd(2023, 1, 1),
        ),
        (
            "2023-09-05/2023-09-05",
            Precision::Day,
            ymd(2023, 9, 5),
            ymd(2023, 9, 5),
        ),
        ("0001", Precision::Year, ymd(1, 1, 1), ymd(1, 12, 31)),
        (
            "9999-12-31",
            Precision::Day,
            ymd(9999, 12, 31),
            ymd(9999, 12, 31),
        ),
    ];
    for (text, precision, first, last) in cases {
        let d = spec(text);
        assert_eq!(d.precision, precision, "{text}");
        assert_eq!(d.start.precision(), precision, "{text}");
        assert_eq!((d.first_day(), d.last_day()), (first, last), "{text}");
        assert_eq!(d.end.is_some(), text.contains('/'), "{text}");
        assert!(!d.approximate && !d.uncertain, "{text}");
    }
}

#[test]
fn parts_are_stored_as_written() {
    let d = spec("2024-06-18/2024-07");
    assert_eq!(
        d.start,
        PartialDate {
            year: 2024,
            month: Some(6),
            day: Some(18),
            hour: None,
            minute: None,
        }
    );
    assert_eq!(
        d.end,
        Some(PartialDate {
            year: 2024,
            month: Some(7),
            day: None,
            hour: None,
            minute: None,
        })
    );
    assert_eq!(
        spec("1945").start,
        PartialDate {
            year: 1945,
            month: None,
            day: None,
            hour: None,
            minute: None,
        }
    );
}

#[test]
fn qualifiers_are_kept_per_spec() {
    let q = |s: &str| {
        let d = spec(s);
        (d.approximate, d.uncertain)
    };
    assert_eq!(q("2023-09~"), (true, false));
    assert_eq!(q("2019?"), (false, true));
    assert_eq!(q("2019-04-25%"), (true, true));
    assert_eq!(q("2023-09~/2023-10"), (true, false));
    assert_eq!(q("2023-09/2023-10?"), (false, true));
    assert_eq!(q("2023-09~/2023-10?"), (true, true));
    assert_eq!(q("2023-09~/2023-10~"), (true, false));
}

#[test]
fn to_edtf_writes_the_canonical_form() {
    let cases = [
        ("2019", "2019"),
        ("2023-09~", "2023-09~"),
        ("2019?", "2019?"),
        ("2019-04-25%", "2019-04-25%"),
        ("2023-09~/2023-10", "2023-09/2023-10~"),
        ("2023-09~/2023-10?", "2023-09/2023-10%"),
        (" 2024-06-18/2024-06-19\n", "2024-06-18/2024-06-19"),
        ("0045", "0045"),
    ];
    for (text, canonical) in cases {
        let d = spec(text);
        assert_eq!(d.to_edtf(), canonical, "{text}");
        assert_eq!(spec(&d.to_edtf()), d, "{text}");
    }
}

#[test]
fn surrounding_whitespace_is_accepted_and_offsets_count_it() {
    assert_eq!(spec("  2023-09 \t"), spec("2023-09"));
    assert_eq!(error("  2023-13").offset, 7);
    assert_eq!(error("\t2023/2022").offset, 6);
}

#[test]
fn impossible_dates_are_rejected_with_offsets_and_plain_messages() {
    let cases = [
        ("2023-02-30", 8, "February 2023 has no day 30"),
        ("2023-04-31", 8, "April 2023 has no day 31"),
        ("2023-09-00", 8, "September 2023 has no day 00"),
        ("2023-13", 5, "month 13 does not exist (use 01–12)"),
        ("2023-00", 5, "month 00 does not exist (use 01–12)"),
        ("-10000", 0, "year -10000 is out of range (use -9999–9999)"),
        ("10000", 0, "year 10000 is out of range (use -9999–9999)"),
        ("abc", 0, EXPECTED),
        ("-", 0, EXPECTED),
        (
            "23-09-01",
            0,
            "the year must have four digits (like 2023 or -0643, not 23)",
        ),
        (
            "-643",
            0,
            "the year must have four digits (like 2023 or -0643, not -643)",
        ),
        ("20230913", 0, "write the date with dashes, like 2019-04-25"),
        ("2023-9", 5, "the month must have two digits, like 2023-09"),
        (
            "2023-9-1",
            5,
            "the month must have two digits, like 2023-09",
        ),
        (
            "2023-09-1",
            8,
            "the day must have two digits, like 2019-04-05",
        ),
        (
            "2023-09-001",
            8,
            "the day must have two digits, like 2019-04-05",
        ),
        (
            "2023-",
            5,
            "expected a two-digit month after '-', like 2023-09",
        ),
        (
            "2023-09-",
            8,
            "expected a two-digit day after '-', like 2019-04-05",
        ),
        (
            "2023-09-13T10:00:30",
            16,
            "a time of day has hours and minutes only, like 2024-06-19T02:22",
        ),
        (
            "2023-09-13 10:00",
            10,
            "write a time of day after a T, like 2023-09-13T02:22, not \" 10:00\"",
        ),
        (
            "2023-09-13x",
            10,
            "unexpected 'x' after 2023-09-13; only ~, ?, % or /<end> may follow",
        ),
        (
            "2023é",
            4,
            "unexpected 'é' after 2023; only ~, ?, % or /<end> may follow",
        ),
        (
            "2023~?",
            5,
            "only one of ~, ? or % may follow a date (% means both)",
        ),
        (
            "2023/",
            5,
            "expected an end date after '/', like 2019-04-25, 2023-09 or 2019",
        ),
        ("/2023", 0, "the span has no start date before '/'"),
        ("2023//2024", 5, EXPECTED),
        ("2023/2024/2025", 9, "a span has only one '/'"),
        (
            "2023-09-13/2023-09-12",
            11,
            "the span ends (2023-09-12) before it starts (2023-09-13)",
        ),
        (
            "2023-09-05/2023-09-01",
            11,
            "the span ends (2023-09-01) before it starts (2023-09-05)",
        ),
        (
            "2023-09/2023-08-31",
            8,
            "the span ends (2023-08-31) before it starts (2023-09)",
        ),
        (
            "2024/2023-12",
            5,
            "the span ends (2023-12) before it starts (2024)",
        ),
        ("2023-09/2023-02-30", 16, "February 2023 has no day 30"),
    ];
    for (text, offset, message) in cases {
        let e = error(text);
        assert_eq!((e.offset, e.message.as_str()), (offset, message), "{text}");
    }
}

#[test]
fn empty_input_is_rejected() {
    for text in ["", "  ", "\n"] {
        let e = error(text);
        assert_eq!(e.offset, 0);
        assert_eq!(e.message, format!("the date is empty; {EXPECTED}"));
    }
}

#[test]
fn leap_years_follow_the_gregorian_rules() {
    assert_eq!(spec("2024-02-29").first_day(), ymd(2024, 2, 29));
    assert_eq!(spec("2000-02-29").first_day(), ymd(2000, 2, 29));
    assert_eq!(error("2023-02-29").message, "February 2023 has no day 29");
    assert_eq!(error("1900-02-29").message, "February 1900 has no day 29");
    assert_eq!(spec("1900-02").last_day(), ymd(1900, 2, 28));
    assert_eq!(spec("2000-02").last_day(), ymd(2000, 2, 29));
}

#[test]
fn display_is_compact_at_the_dates_precision() {
    let cases = [
        ("2019-04-25", "2019-04-25"),
        ("2023-09", "2023-09"),
        ("2019", "2019"),
        ("2023-09~", "~2023-09"),
        ("2019?", "2019?"),
        ("2019-04-25%", "~2019-04-25?"),
        ("2024-06-18/2024-06-19", "2024-06-18–19"),
        ("2023-09-28/2023-10-02", "2023-09-28–10-02"),
        ("2019-12-30/2020-01-02", "2019-12-30–2020-01-02"),
        ("2023-09/2023-10", "2023-09–10"),
        ("2023-11/2024-02", "2023-11–2024-02"),
        ("2019/2021", "2019–2021"),
        ("2023-09/2023-09-05", "2023-09–2023-09-05"),
        ("2023-09~/2023-10", "~2023-09–10"),
    ];
    for (text, shown) in cases {
        let d = spec(text);
        assert_eq!(d.display(), shown, "{text}");
        assert_eq!(d.to_string(), shown, "{text}");
    }
    assert_eq!(week(ymd(2024, 6, 10)).display(), "wk 2024-06-10");
}

#[test]
fn sort_key_orders_chronologically() {
    let texts = [
        "2024-06-18/2024-06-19",
        "2023-09-13",
        "2023",
        "2023-09-10/2023-09-17",
        "1945",
        "2023-09",
    ];
    let mut specs: Vec<DateSpec> = texts.iter().map(|t| spec(t)).collect();
    specs.sort_by_key(DateSpec::sort_key);
    let order: Vec<String> = specs.iter().map(DateSpec::to_edtf).collect();
    let expected = [
        "1945",
        "2023",
        "2023-09",
        "2023-09-10/2023-09-17",
        "2023-09-13",
        "2024-06-18/2024-06-19",
    ];
    assert_eq!(order, expected);
}

#[test]
fn sort_key_breaks_ties_coarse_then_span_then_longer() {
    let key = |s: &str| spec(s).sort_key();
    assert!(key("2023") < key("2023-01"));
    assert!(key("2023-09") < key("2023-09-01"));
    assert!(key("2023-09/2023-09-02") < key("2023-09"));
    assert!(key("2023-09-01/2023-09-03") < key("2023-09-01"));
    assert!(key("2023-09-01/2023-09-01") < key("2023-09-01"));
    assert!(key("2023-09-01/2023-09-09") < key("2023-09-01/2023-09-03"));
    let week = week(ymd(2024, 6, 10)).sort_key();
    assert!(week < key("2024-06-10/2024-06-16"));
    assert!(key("2024-06") < week);
}

#[test]
fn week_is_a_monday_to_sunday_span() {
    let w = week(ymd(2024, 6, 10));
    assert_eq!(w.precision, Precision::Week);
    assert_eq!(Some(w.start), PartialDate::from_date(ymd(2024, 6, 10)));
    assert_eq!(w.end, PartialDate::from_date(ymd(2024, 6, 16)));
    assert_eq!(
        (w.first_day(), w.last_day()),
        (ymd(2024, 6, 10), ymd(2024, 6, 16))
    );
    assert_eq!(w.to_edtf(), "2024-06-10/2024-06-16");
    let back = spec(&w.to_edtf());
    assert_eq!(back.precision, Precision::Day);
    assert_eq!((back.start, back.end), (w.start, w.end));
    // Any day of the week stands for its Monday; weeks may cross years.
    assert_eq!(week(ymd(2024, 6, 13)), w);
    assert_eq!(week(ymd(2024, 6, 16)), w);
    let across = week(ymd(2020, 1, 1));
    assert_eq!(
        (across.first_day(), across.last_day()),
        (ymd(2019, 12, 30), ymd(2020, 1, 5))
    );
    // A week with a day outside 0001–9999 is none the model holds.
    assert_eq!(week(ymd(1, 1, 7)).first_day(), ymd(1, 1, 1));
    assert_eq!(DateSpec::week(ymd(9999, 12, 31)), None);
    assert_eq!(week(ymd(9999, 12, 26)).last_day(), ymd(9999, 12, 26));
    assert_eq!(DateSpec::week(NaiveDate::MAX), None);
    assert_eq!(DateSpec::week(NaiveDate::MIN), None);
}

#[test]
fn contains_covers_first_to_last_day_inclusive() {
    let sept = spec("2023-09");
    assert!(sept.contains(ymd(2023, 9, 1)));
    assert!(sept.contains(ymd(2023, 9, 30)));
    assert!(!sept.contains(ymd(2023, 8, 31)));
    assert!(!sept.contains(ymd(2023, 10, 1)));
    let span = spec("2024-06-18/2024-06-19");
    assert!(span.contains(ymd(2024, 6, 19)));
    assert!(!span.contains(ymd(2024, 6, 20)));
    let day = spec("2019-04-25");
    assert!(day.contains(ymd(2019, 4, 25)));
    assert!(!day.contains(ymd(2019, 4, 26)));
    assert!(spec("2019").contains(ymd(2019, 12, 31)));
    assert!(week(ymd(2024, 6, 10)).contains(ymd(2024, 6, 16)));
}

#[test]
fn constructors_check_their_ranges() {
    let feb = DateSpec::month(2024, 2).expect("valid month");
    assert_eq!(
        (feb.first_day(), feb.last_day()),
        (ymd(2024, 2, 1), ymd(2024, 2, 29))
    );
    assert_eq!(feb, spec("2024-02"));
    assert_eq!(DateSpec::month(2023, 13), None);
    assert_eq!(DateSpec::month(2023, 0), None);
    assert_eq!(DateSpec::month(10000, 1), None);
    assert_eq!(DateSpec::year(1945), Some(spec("1945")));
    assert_eq!(DateSpec::year(0), Some(spec("0000")));
    assert_eq!(DateSpec::year(-10000), None);
    assert_eq!(DateSpec::year(10000), None);
    assert_eq!(DateSpec::day(ymd(2019, 4, 25)), Some(spec("2019-04-25")));
    assert_eq!(DateSpec::day(ymd(-10000, 12, 31)), None);
    assert_eq!(DateSpec::day(ymd(10000, 1, 1)), None);
    assert_eq!(DateSpec::day(NaiveDate::MIN), None);
    let p = PartialDate::from_date(ymd(2019, 4, 25)).expect("in range");
    assert_eq!(p.precision(), Precision::Day);
    assert_eq!(
        (p.first_day(), p.last_day()),
        (ymd(2019, 4, 25), ymd(2019, 4, 25))
    );
}

#[test]
fn partial_dates_are_real_and_in_range_or_none() {
    let new = PartialDate::new;
    assert_eq!(new(2023, Some(13), None), None);
    assert_eq!(new(2023, Some(0), None), None);
    assert_eq!(new(2023, Some(2), Some(29)), None);
    assert_eq!(
        new(2024, Some(2), Some(29)).map(|p| p.last_day()),
        Some(ymd(2024, 2, 29))
    );
    assert_eq!(new(2023, Some(4), Some(0)), None);
    assert_eq!(new(2023, None, Some(5)), None, "a day needs its month");
    assert_eq!(
        new(-1, Some(12), Some(27)).map(|p| p.first_day()),
        Some(ymd(-1, 12, 27))
    );
    assert_eq!(new(-10000, None, None), None);
    assert_eq!(new(10000, None, None), None);
    assert_eq!(new(i32::MIN, None, None), None);
    assert_eq!(
        new(-9999, None, None).map(|p| p.first_day()),
        Some(ymd(-9999, 1, 1))
    );
    assert_eq!(
        new(9999, None, None).map(|p| p.last_day()),
        Some(ymd(9999, 12, 31))
    );
}

#[test]
fn spans_end_on_or_after_their_start() {
    let p = |s: &str| spec(s).start;
    let span = DateSpec::span(p("2023-09-05"), p("2023-09")).expect("September ends after the 5th");
    assert_eq!(span, spec("2023-09-05/2023-09"));
    assert_eq!(DateSpec::span(p("2023-09-05"), p("2023-09-04")), None);
    assert_eq!(DateSpec::span(p("2023-09"), p("2023-08-31")), None);
    assert_eq!(DateSpec::days(ymd(2023, 9, 5), ymd(2023, 9, 4)), None);
    assert_eq!(DateSpec::days(ymd(-10000, 12, 31), ymd(-9999, 1, 1)), None);
    assert_eq!(
        DateSpec::days(ymd(0, 12, 31), ymd(1, 1, 1)),
        Some(spec("0000-12-31/0001-01-01"))
    );
    assert_eq!(
        DateSpec::days(ymd(2024, 6, 18), ymd(2024, 6, 19)),
        Some(spec("2024-06-18/2024-06-19"))
    );
}

#[test]
fn a_day_is_read_by_the_same_parser() {
    assert_eq!(parse_day(" 2023-09-14\n"), Ok(ymd(2023, 9, 14)));
    assert_eq!(parse_day("0000-01-01"), Ok(ymd(0, 1, 1)));
    assert_eq!(parse_day("-10000-01-01").map_err(|e| e.offset), Err(0));
    assert!(parse_day("-10000-01-01")
        .is_err_and(|e| e.message == "year -10000 is out of range (use -9999–9999)"));
    assert!(parse_day("-001-12-27").is_err());
    assert!(parse_day("2023-02-30").is_err_and(|e| e.message.contains("no day 30")));
    for not_a_day in ["2023", "2023-09", "2023-09-01/2023-09-02", "2023-09-01T10"] {
        assert!(
            parse_day(not_a_day).is_err_and(|e| e.message.contains("one day")),
            "{not_a_day}"
        );
    }
    assert!(parse_day("2023-09-14~").is_err_and(|e| e.message.contains("without ~")));
}

#[test]
fn serialises_as_edtf_and_parses_via_from_str() {
    let d: DateSpec = "2023-09~/2023-10".parse().expect("valid");
    assert_eq!(
        serde_json::to_string(&d).expect("json"),
        "\"2023-09/2023-10~\""
    );
    let week = serde_json::to_string(&week(ymd(2024, 6, 10))).expect("json");
    assert_eq!(week, "\"2024-06-10/2024-06-16\"");
    assert_eq!(
        serde_json::to_string(&Precision::Week).expect("json"),
        "\"week\""
    );
    assert_eq!("2023-13".parse::<DateSpec>(), Err(error("2023-13")));
}

/// A real date in [`YEARS`] at a random precision (0 year, 1 month, 2 day,
/// 3 hour, 4 minute); `time` is (hour, minute).
fn at_precision(d: NaiveDate, precision: u8, time: (u32, u32)) -> PartialDate {
    let month = (precision >= 1).then(|| d.month());
    let day = (precision >= 2).then(|| d.day());
    let date = PartialDate::new(d.year(), month, day).expect("a real date in range");
    match precision {
        3 => date.at(time.0, None),
        4 => date.at(time.0, Some(time.1)),
        _ => Some(date),
    }
    .expect("a real time")
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (-9999i32..=9999, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| ymd(y, m, d.min(days_in_month(y, m))))
}

fn any_time() -> impl Strategy<Value = (u32, u32)> {
    (0u32..24, 0u32..60)
}

/// Any day chrono can hold, many of them near the ends of [`YEARS`], where
/// a step of a day or a week leaves the range.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    let from_ce = |d: NaiveDate| d.num_days_from_ce();
    let (first, after) = (from_ce(ymd(-9999, 1, 1)), from_ce(ymd(10000, 1, 1)));
    prop_oneof![
        from_ce(NaiveDate::MIN)..=from_ce(NaiveDate::MAX),
        first - 400..=first + 400,
        after - 400..=after + 400,
        first..=after,
    ]
    .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).expect("within chrono's range"))
}

/// A year, month and day as anyone might pass them, real or not.
fn any_parts() -> impl Strategy<Value = (i32, Option<u32>, Option<u32>)> {
    let year = prop_oneof![
        any::<i32>(),
        -2i32..=2,
        9998i32..=10001,
        -10001i32..=-9998,
        -9999i32..=9999
    ];
    let part = |max| proptest::option::of(prop_oneof![0u32..=max, any::<u32>()]);
    (year, part(13), part(32))
}

/// What the model holds lies within [`YEARS`] and prints, with any
/// qualifiers, as text its own parser reads back as the same value (a week
/// as its Monday–Sunday days, at day precision).
fn holds(d: &DateSpec) -> Result<(), TestCaseError> {
    prop_assert!(in_range(d.first_day()) && in_range(d.last_day()), "{:?}", d);
    prop_assert!(d.first_day() <= d.last_day());
    for (approximate, uncertain) in [(false, false), (true, false), (false, true), (true, true)] {
        let q = DateSpec {
            approximate,
            uncertain,
            ..d.clone()
        };
        let text = q.to_edtf();
        let read = DateSpec {
            precision: q.start().precision(),
            ..q
        };
        prop_assert_eq!(DateSpec::parse(&text), Ok(read), "{}", text);
    }
    Ok(())
}

proptest! {
    #[test]
    fn valid_specs_round_trip(
        start in any_date(),
        start_precision in 0u8..5,
        start_time in any_time(),
        span in proptest::option::of((0u64..1500, 0u8..5, any_time())),
        approximate: bool,
        uncertain: bool,
    ) {
        let end = span.and_then(|(days, precision, time)| {
            let end = start.checked_add_days(Days::new(days)).filter(|e| e.year() <= 9999)?;
            Some(at_precision(end, precision, time))
        });
        let start = at_precision(start, start_precision, start_time);
        // An end on a later day stays after the start at any common
        // precision; on the start's day its time may be earlier.
        let d = match end {
            Some(end) => match DateSpec::span(start, end) {
                Some(d) => d,
                None => {
                    prop_assert!(start.without_time() == end.without_time(), "{:?}", (start, end));
                    return Ok(());
                }
            },
            None => DateSpec::point(start),
        };
        let d = DateSpec { approximate, uncertain, ..d };
        let text = d.to_edtf();
        prop_assert_eq!(DateSpec::parse(&text), Ok(d.clone()), "{}", text);
        prop_assert!(d.first_day() <= d.last_day());
        prop_assert!(d.contains(d.first_day()) && d.contains(d.last_day()));
        let plain = d.start().hour().is_none()
            && d.end().is_none_or(|e| e.hour().is_none())
            && d.start().year() > 0;
        let longest = if plain { 23 } else { 45 };
        prop_assert!(d.display().chars().count() <= longest, "{}", d.display());
    }

    #[test]
    fn every_value_the_model_holds_prints_as_text_it_reads_back(
        d in any_day(),
        e in any_day(),
        (y, m, day) in any_parts(),
        (y2, m2, day2) in any_parts(),
    ) {
        let years = |y: i32| YEARS.contains(&y);
        let week_ends = d
            .checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
            .and_then(|monday| Some((monday, monday.checked_add_days(Days::new(6))?)));
        let made = [
            (DateSpec::day(d), Some(in_range(d))),
            (DateSpec::week(d), Some(week_ends.is_some_and(|(a, b)| in_range(a) && in_range(b)))),
            (DateSpec::days(d, e), Some(in_range(d) && in_range(e) && d <= e)),
            (DateSpec::year(y), Some(years(y))),
            (m.and_then(|m| DateSpec::month(y, m)), Some(years(y) && m.is_some_and(|m| (1..=12).contains(&m)))),
            (PartialDate::new(y, m, day).map(DateSpec::point), None),
            (PartialDate::new(y, m, day).zip(PartialDate::new(y2, m2, day2)).and_then(|(a, b)| DateSpec::span(a, b)), None),
        ];
        for (n, (value, expected)) in made.iter().enumerate() {
            if let Some(expected) = expected {
                prop_assert_eq!(value.is_some(), *expected, "constructor {}", n);
            }
            if let Some(value) = value {
                holds(value)?;
            }
        }
        // A partial date is one exactly when its parts make a real day, month or year in range.
        let real = years(y)
            && match (m, day) {
                (None, None) => true,
                (Some(m), None) => (1..=12).contains(&m),
                (Some(m), Some(day)) => NaiveDate::from_ymd_opt(y, m, day).is_some(),
                (None, Some(_)) => false,
            };
        prop_assert_eq!(PartialDate::new(y, m, day).is_some(), real);
    }

    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = DateSpec::parse(&s);
    }

    #[test]
    fn date_like_strings_parse_consistently(
        s in concat!(
            r"\s?-?([12][0-9]{3}|[0-9]{1,5})(-([01][0-9]|[0-9]{1,3})(-([0-3][0-9]|[0-9]{1,3}))?)?",
            r"(T[0-2][0-9](:[0-6][0-9])?)?",
            r"[~?%T]?(/-?[12][0-9]{3}(-[01][0-9](-[0-3][0-9](T[0-2][0-9](:[0-6][0-9])?)?)?)?[~?%]?)?\s?",
        ),
    ) {
        match DateSpec::parse(&s) {
            Ok(d) => {
                prop_assert_eq!(DateSpec::parse(&d.to_edtf()), Ok(d.clone()));
                prop_assert!(d.first_day() <= d.last_day());
            }
            Err(e) => prop_assert!(e.offset <= s.len() && !e.message.is_empty()),
        }
    }
}
