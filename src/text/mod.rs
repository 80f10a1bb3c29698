//! Text handling shared by the model and the UI: sanitizing, matching, measuring and wrapping.

pub mod fold;
pub mod key;
pub mod sanitize;
pub mod width;
pub mod wrap;

/// "1 event", "2 events", "2 matches": counts read as words in headers and
/// messages.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {}", plural(noun))
    }
}

/// The plural of a regular English noun: "events", "matches".
fn plural(noun: &str) -> String {
    let sibilant = ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| noun.ends_with(end));
    if sibilant {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// Like `count`, but "no problems" for none: for a tally where none is the
/// news, not a number to compare.
pub fn count_or_no(n: usize, noun: &str) -> String {
    if n == 0 {
        format!("no {}", plural(noun))
    } else {
        count(n, noun)
    }
}

/// "1 of 46 matches", "3 of 46 match": the verb agrees with the part.
pub fn part_matching(part: usize, whole: &str) -> String {
    let verb = if part == 1 { "matches" } else { "match" };
    format!("{part} of {whole} {verb}")
}

/// "2024" when both ends are the same year, else "2019 to 2024".
pub fn years(first: i32, last: i32) -> String {
    if first == last {
        year(first)
    } else {
        format!("{} to {}", year(first), year(last))
    }
}

/// A year as a reader writes it, labelled as TimelineJS labels it, so
/// that an imported timeline reads as its authors saw it: -643 is
/// "643 BCE", 0 is "0".
pub fn year(y: i32) -> String {
    if y >= 0 {
        y.to_string()
    } else {
        format!("{} BCE", -i64::from(y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_words() {
        assert_eq!(count(0, "event"), "0 events");
        assert_eq!(count(1, "event"), "1 event");
        assert_eq!(count(2, "event"), "2 events");
        assert_eq!(count(2, "match"), "2 matches");
        assert_eq!(count_or_no(0, "match"), "no matches");
        assert_eq!(count_or_no(0, "problem"), "no problems");
        assert_eq!(count_or_no(1, "problem"), "1 problem");
        assert_eq!(count_or_no(12, "problem"), "12 problems");
        assert_eq!(part_matching(1, "46"), "1 of 46 matches");
        assert_eq!(part_matching(0, "46 events"), "0 of 46 events match");
        assert_eq!(years(2024, 2024), "2024");
        assert_eq!(years(2019, 2024), "2019 to 2024");
        assert_eq!(years(-643, 2), "643 BCE to 2");
        assert_eq!(years(0, 0), "0");
    }
}
