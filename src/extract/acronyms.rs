//! Acronyms written for a name the text also spells out: "WHO" for the
//! World Health Organization, "DoD" for the Department of Defense, "AMS"
//! for the Air Mobility Squadron. An actor is one actor however written.

/// The acronyms a name of two words or more may be written as: the first
/// letters of its capitalised words ("RIAA" for the Recording Industry
/// Association of America), and of all its words as written ("DoD"),
/// written into `out`, whose strings are reused from name to name.
pub fn initials(name: &str, out: &mut [String; 2]) {
    let words = name
        .split(' ')
        .filter(|w| !w.is_empty() && *w != "the" && *w != "The");
    let [capitals, all] = out;
    capitals.clear();
    all.clear();
    for w in words {
        let Some(c) = w.chars().next() else { continue };
        if c.is_uppercase() {
            capitals.push(c);
        }
        if c.is_alphabetic() {
            all.push(c);
        }
    }
}

/// True when `text` is written as an acronym: two to six letters, the
/// first and most of them capitals. Six letters take at most 24 bytes: a
/// longer text is not read.
pub fn is_acronym(text: &str) -> bool {
    if text.len() > 24 || !text.starts_with(char::is_uppercase) {
        return false;
    }
    let (mut n, mut capitals) = (0, 0);
    for c in text.chars() {
        if !c.is_alphabetic() {
            return false;
        }
        n += 1;
        capitals += usize::from(c.is_uppercase());
    }
    (2..=6).contains(&n) && capitals * 2 > n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_capitalised_words_and_of_all_words() {
        let mut out = Default::default();
        initials("World Health Organization", &mut out);
        assert_eq!(out, ["WHO", "WHO"]);
        initials("Department of Defense", &mut out);
        assert_eq!(out, ["DD", "DoD"]);
        initials("the Recording Industry Association of America", &mut out);
        assert_eq!(out, ["RIAA", "RIAoA"]);
    }

    #[test]
    fn acronyms_are_short_and_mostly_capitals() {
        assert!(is_acronym("WHO"));
        assert!(is_acronym("DoD"));
        assert!(!is_acronym("Who"));
        assert!(!is_acronym("NATO-led"));
        assert!(!is_acronym("ABCDEFG"));
        assert!(!is_acronym("A") && !is_acronym("") && !is_acronym("dOD"));
        assert!(!is_acronym("ÉÉÉÉÉÉÉÉÉÉÉÉÉ") && is_acronym("ÉTÉ"));
    }
}
