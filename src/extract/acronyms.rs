//! Acronyms written for a name the text also spells out: "WHO" for the
//! World Health Organization, "DoD" for the Department of Defense, "AMS"
//! for the Air Mobility Squadron. An actor is one actor however written.

/// The acronyms a name of two words or more may be written as: the first
/// letters of its capitalised words ("RIAA" for the Recording Industry
/// Association of America), and of all its words as written ("DoD").
pub fn initials(name: &str) -> [String; 2] {
    let words = name
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "the" && *w != "The");
    let mut capitals = String::new();
    let mut all = String::new();
    for w in words {
        let Some(c) = w.chars().next() else { continue };
        if c.is_uppercase() {
            capitals.push(c);
        }
        if c.is_alphabetic() {
            all.push(c);
        }
    }
    [capitals, all]
}

/// True when `text` is written as an acronym: two to six letters, the
/// first and most of them capitals.
pub fn is_acronym(text: &str) -> bool {
    let n = text.chars().count();
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    (2..=6).contains(&n)
        && text.chars().all(char::is_alphabetic)
        && text.starts_with(char::is_uppercase)
        && capitals * 2 > n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_capitalised_words_and_of_all_words() {
        assert_eq!(initials("World Health Organization"), ["WHO", "WHO"]);
        assert_eq!(initials("Department of Defense"), ["DD", "DoD"]);
        assert_eq!(
            initials("the Recording Industry Association of America"),
            ["RIAA", "RIAoA"]
        );
    }

    #[test]
    fn acronyms_are_short_and_mostly_capitals() {
        assert!(is_acronym("WHO"));
        assert!(is_acronym("DoD"));
        assert!(!is_acronym("Who"));
        assert!(!is_acronym("NATO-led"));
        assert!(!is_acronym("ABCDEFG"));
    }
}
