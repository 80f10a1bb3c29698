//! Times of day and years before 1: reading, printing, ordering, showing.

use super::*;

fn spec(s: &str) -> DateSpec {
    DateSpec::parse(s).unwrap_or_else(|e| panic!("{s:?} should parse: {e:?}"))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test date is real")
}

#[test]
fn times_and_early_years_parse_at_their_precision_and_print_back() {
    let cases = [
        (
            "2024-06-19T02",
            Precision::Hour,
            ymd(2024, 6, 19),
            ymd(2024, 6, 19),
        ),
        (
            "2024-06-19T02:22",
            Precision::Minute,
            ymd(2024, 6, 19),
            ymd(2024, 6, 19),
        ),
        (
            "2024-06-19T00:00~",
            Precision::Minute,
            ymd(2024, 6, 19),
            ymd(2024, 6, 19),
        ),
        (
            "2024-06-19T23:59/2024-06-20T01",
            Precision::Minute,
            ymd(2024, 6, 19),
            ymd(2024, 6, 20),
        ),
        ("0000", Precision::Year, ymd(0, 1, 1), ymd(0, 12, 31)),
        ("-0643", Precision::Year, ymd(-643, 1, 1), ymd(-643, 12, 31)),
        (
            "-0043-03-15",
            Precision::Day,
            ymd(-43, 3, 15),
            ymd(-43, 3, 15),
        ),
        ("-0001-02", Precision::Month, ymd(-1, 2, 1), ymd(-1, 2, 28)),
        (
            "-9999/9999?",
            Precision::Year,
            ymd(-9999, 1, 1),
            ymd(9999, 12, 31),
        ),
        (
            "-5410/-5400",
            Precision::Year,
            ymd(-5410, 1, 1),
            ymd(-5400, 12, 31),
        ),
    ];
    for (text, precision, first, last) in cases {
        let d = spec(text);
        assert_eq!(d.precision(), precision, "{text}");
        assert_eq!((d.first_day(), d.last_day()), (first, last), "{text}");
        assert_eq!(d.to_edtf(), text, "{text}");
    }
    let d = spec("2024-06-19T02:22").start();
    assert_eq!((d.hour(), d.minute()), (Some(2), Some(22)));
    assert_eq!(d.without_time(), spec("2024-06-19").start());
    // Year 0 is a leap year, as 1 BC is in the proleptic Gregorian calendar.
    assert_eq!(spec("0000-02").last_day(), ymd(0, 2, 29));
}

#[test]
fn bad_times_and_years_are_named_at_their_offset() {
    let cases = [
        (
            "2024-06T02",
            7,
            "a time of day needs a day, like 2024-06-19T02:22",
        ),
        (
            "2024T02",
            4,
            "a time of day needs a day, like 2024-06-19T02:22",
        ),
        ("2024-06-19T24", 11, "hour 24 does not exist (use 00–23)"),
        (
            "2024-06-19T02:60",
            14,
            "minute 60 does not exist (use 00–59)",
        ),
        (
            "2024-06-19T2",
            11,
            "the hour must have two digits, like 2024-06-19T02",
        ),
        (
            "2024-06-19T",
            11,
            "expected a two-digit hour, like 2024-06-19T02",
        ),
        (
            "2024-06-19T02:",
            14,
            "expected a two-digit minute, like 2024-06-19T02:22",
        ),
        (
            "2024-06-19T02:22Z",
            16,
            "a time of day is local, as the source gives it: remove the time zone",
        ),
        (
            "2024-06-19T02:22+02:00",
            16,
            "a time of day is local, as the source gives it: remove the time zone",
        ),
        (
            "2024-06-19T05/2024-06-19T02",
            14,
            "the span ends (2024-06-19T02) before it starts (2024-06-19T05)",
        ),
        ("-0643-02-29", 9, "February -0643 has no day 29"),
        (
            "0001/-0001",
            5,
            "the span ends (-0001) before it starts (0001)",
        ),
    ];
    for (text, offset, message) in cases {
        let e = DateSpec::parse(text).expect_err(text);
        assert_eq!((e.offset, e.message.as_str()), (offset, message), "{text}");
    }
}

#[test]
fn a_day_sorts_before_its_times_and_bc_before_ad() {
    let texts = [
        "2024-06-19T14:30",
        "2024-06-19T02",
        "2024-06-20",
        "2024-06-19",
        "2024-06-19T02:22",
        "0001",
        "-0643",
        "0000",
        "2024-06-19T02:00",
        "2024-06-19T02/2024-06-19T09",
    ];
    let mut specs: Vec<DateSpec> = texts.iter().map(|t| spec(t)).collect();
    specs.sort_by_key(DateSpec::sort_key);
    let order: Vec<String> = specs.iter().map(DateSpec::to_edtf).collect();
    let expected = [
        "-0643",
        "0000",
        "0001",
        "2024-06-19",
        "2024-06-19T02/2024-06-19T09",
        "2024-06-19T02",
        "2024-06-19T02:00",
        "2024-06-19T02:22",
        "2024-06-19T14:30",
        "2024-06-20",
    ];
    assert_eq!(order, expected);
}

#[test]
fn spans_compare_times_on_the_same_day_only() {
    let p = |s: &str| spec(s).start();
    assert!(DateSpec::span(p("2024-06-19T05"), p("2024-06-19T02:59")).is_none());
    assert!(DateSpec::span(p("2024-06-19T05"), p("2024-06-19T05:00")).is_some());
    assert!(DateSpec::span(p("2024-06-19T23"), p("2024-06-19")).is_some());
    assert!(DateSpec::span(p("2024-06-19T23"), p("2024-06-20T01")).is_some());
    assert!(DateSpec::span(p("-0100"), p("-0101")).is_none());
}

#[test]
fn a_time_needs_a_day_and_real_hours_and_minutes() {
    let day = spec("2024-06-19").start();
    assert_eq!(
        day.at(23, Some(59)).map(|d| d.precision()),
        Some(Precision::Minute)
    );
    assert_eq!(
        day.at(0, None).map(|d| d.precision()),
        Some(Precision::Hour)
    );
    assert_eq!(day.at(24, None), None);
    assert_eq!(day.at(12, Some(60)), None);
    assert_eq!(spec("2024-06").start().at(12, None), None);
}

#[test]
fn rows_show_times_after_the_day_and_early_years_in_words() {
    let cases = [
        ("2024-06-19T02:22", "2024-06-19 02:22"),
        ("2024-06-19T02", "2024-06-19 02h"),
        ("2024-06-19T02:22~", "~2024-06-19 02:22"),
        (
            "2024-06-19T02:22/2024-06-19T05:00",
            "2024-06-19 02:22–05:00",
        ),
        ("2024-06-19/2024-06-19T05:00", "2024-06-19–05:00"),
        (
            "2024-06-19T23:00/2024-06-20T01:00",
            "2024-06-19 23:00–2024-06-20 01:00",
        ),
        ("-0643", "643 BCE"),
        ("0000", "0"),
        ("-0043-03", "Mar 43 BCE"),
        ("-0043-03-15", "15 Mar 43 BCE"),
        ("-0043-03-15T11", "15 Mar 43 BCE 11h"),
        ("-0100/-0090", "100 BCE–90 BCE"),
        ("-0100/0050", "100 BCE–0050"),
    ];
    for (text, shown) in cases {
        assert_eq!(spec(text).display(), shown, "{text}");
    }
}
