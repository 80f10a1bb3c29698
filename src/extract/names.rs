//! Runs of capitalised words that nobody listed: people's names (with the
//! role words before them set apart: "South African President Cyril
//! Ramaphosa" names Cyril Ramaphosa), organisations ("the Court of
//! Session"), and places, which name nobody.

use std::collections::HashMap;
use std::sync::OnceLock;

use foldhash::fast::FixedState;

use super::date_words::WEEKDAYS;
use super::lexicon::Filter;
use super::mentions::{AliasIndex, Who};
use super::speakers::is_speech_verb;
use super::tokens::Tok;
use crate::model::date::MONTHS;

/// Words that can start a sentence but never a name.
#[rustfmt::skip]
const NOT_NAME_WORDS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "So", "If", "As", "When",
    "While", "After", "Before", "During", "Since", "Last", "Next", "This", "That", "These",
    "Those", "It", "Its", "His", "Her", "Their", "Our", "We", "They", "He", "She", "I", "Both",
    "Despite", "Through", "Ahead", "With", "According", "Also", "However", "Meanwhile", "Then",
    "There", "Here", "What", "Why", "How", "Who", "Where", "Asked", "Speaking", "Earlier", "You",
    "My", "Your", "Today", "Yesterday", "Tomorrow", "Now", "Later", "Still", "Yet", "Some", "Many",
    "Most", "All", "No", "Not", "One", "Two", "Three", "Every", "Each", "Such", "Other", "More",
];

/// Role words written before a name ("President", "Lieutenant", "Voter").
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "President", "President-elect", "Vice", "Prime", "Minister", "Secretary", "Secretary-General",
    "Chancellor", "King", "Queen", "Prince", "Princess", "Pope", "Judge", "Justice", "Senator",
    "Sen", "Representative", "Rep", "Congressman", "Congresswoman", "Governor", "Gov", "Mayor",
    "General", "Gen", "Colonel", "Col", "Lieutenant", "Lt", "Captain", "Capt", "Major", "Maj",
    "Sergeant", "Sgt", "Admiral", "Adm", "Commander", "Cmdr", "Chief", "Director",
    "Director-General", "Spokesman", "Spokeswoman", "Spokesperson", "Speaker", "Chairman",
    "Chairwoman", "Chair", "Leader", "Ambassador", "Envoy", "Professor", "Doctor", "Officer",
    "Inspector", "Superintendent", "Commissioner", "Legislator", "Lawmaker", "Voter", "Resident",
    "Councillor", "Councilor", "Deputy", "Assistant", "Attorney", "Prosecutor", "Executive",
    "CEO", "Premier", "Sheriff", "Coach", "Pastor", "Bishop", "Archbishop", "Cardinal", "Rabbi",
    "Imam", "Dean", "Editor", "Reporter", "Correspondent", "Analyst", "Economist", "Runner",
    "Athlete", "Airman", "Private", "Corporal", "Specialist", "Brigadier", "Marshal", "Detective",
    "Constable", "Trooper", "Agent", "Immunologist", "Epidemiologist", "Scientist", "Researcher",
    "Activist", "Student", "Lord", "Lady", "Sir", "Dame", "Founder", "Co-founder", "Manager",
    "Head", "Candidate", "Opposition", "Defence", "Defense", "Foreign", "Interior", "Finance",
    "Health", "Justice", "Trade", "Member", "MP", "MEP", "Sen.", "Rev", "Reverend", "Father",
    "Sister", "Brother", "Mother", "Farmer", "Teacher", "Engineer", "Pilot", "Lawyer",
];

/// Words that make a run of capitals an organisation.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "University", "Institute", "Ministry", "Council", "Agency", "Committee", "Union", "Office",
    "Department", "Party", "Group", "Army", "Navy", "Forces", "Company", "Bank", "News", "Times",
    "Post", "Press", "Court", "Commission", "Organization", "Organisation", "Association",
    "Authority", "Service", "Police", "Government", "Parliament", "Senate", "Congress",
    "Assembly", "Corporation", "Foundation", "Centre", "Center", "Command", "Embassy", "Club",
    "League", "Federation", "Inc", "Ltd", "Corp", "Board", "Bureau", "Administration", "Survey",
    "Network", "Broadcasting", "Television", "Radio", "Guard", "Fleet", "Squadron", "Division",
    "Battalion", "Regiment", "Brigade", "Studies", "Research", "Institution", "Society", "Trust",
    "Fund", "Programme", "Program", "Alliance", "Coalition", "Front", "Movement", "Tribunal",
    "Cabinet", "Secretariat", "Directorate", "Airlines", "Airways", "Motors", "Technologies",
    "International",
];

/// Words that make a run of capitals a place, or a people's adjective.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "Cosmodrome", "Station", "Sea", "East", "West", "North", "South", "Street", "Square", "River",
    "Republic", "Kingdom", "States", "Nations", "Airport", "Palace", "Hall", "House", "Base",
    "Island", "Islands", "Province", "County", "City", "Valley", "Bay", "Lake", "Ocean", "Gulf",
    "Region", "Korean", "Russian", "American", "African", "Chinese", "British", "European",
    "Airbase", "Air", "Airfield", "Port", "Harbour", "Harbor", "Camp", "Fort", "Park", "Bridge",
    "Road", "Avenue", "Building", "Tower", "Mosque", "Church", "Cathedral", "Temple", "Stadium",
    "Arena", "Hotel", "Hospital", "Prison", "School", "Museum", "Mountains", "Desert", "Strait",
];

/// The lists a word is on, one bit each: a run of capitals asks every list
/// of each of its words, so one lookup answers them all.
const NOT_NAME: u8 = 1;
const ROLE: u8 = 2;
const ORG: u8 = 4;
const PLACE: u8 = 8;
/// Month and weekday names, which start no name.
const CALENDAR: u8 = 16;

/// The lists `word` is on; the filter most words fail is inlined.
#[inline(always)]
fn kinds(word: &str) -> u8 {
    static FILTER: Filter = Filter::new(&[
        NOT_NAME_WORDS,
        ROLE_WORDS,
        ORG_WORDS,
        PLACE_WORDS,
        &MONTHS,
        WEEKDAYS,
    ]);
    if FILTER.may_have(word) {
        listed(word)
    } else {
        0
    }
}

/// `kinds` for a word that passed the filter.
fn listed(word: &str) -> u8 {
    static TABLE: OnceLock<HashMap<&'static str, u8, FixedState>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let lists: [(&[&'static str], u8); 6] = [
            (NOT_NAME_WORDS, NOT_NAME),
            (ROLE_WORDS, ROLE),
            (ORG_WORDS, ORG),
            (PLACE_WORDS, PLACE),
            (&MONTHS, CALENDAR),
            (WEEKDAYS, CALENDAR),
        ];
        let mut table = HashMap::default();
        for (words, kind) in lists {
            for &w in words {
                *table.entry(w).or_default() |= kind;
            }
        }
        table
    });
    table.get(word).copied().unwrap_or(0)
}

pub(super) fn capitalised(word: &str) -> bool {
    match word.as_bytes() {
        // Most words are ASCII: their letters are read as bytes, and
        // characters are decoded only for a word with others.
        [first, rest @ ..] if first.is_ascii() => {
            first.is_ascii_uppercase()
                && (rest.iter().any(u8::is_ascii_lowercase)
                    || !rest.is_ascii() && word[1..].chars().any(char::is_lowercase))
        }
        _ => {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
        }
    }
}

/// A word in capitals ("BHARARA"), as press releases write names.
fn shouted(word: &str) -> bool {
    word.len() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '-')
}

/// A role word: one of the list, or an agent noun that no given name
/// shares ("Administrator", "Seismologist", "Philanthropist"), so that a
/// title the list lacks still stays out of the name it stands before.
pub fn is_role(word: &str) -> bool {
    role_of(word, kinds(word))
}

/// `is_role` for a word whose lists are known.
fn role_of(word: &str, kinds: u8) -> bool {
    let agent = word.len() >= 7
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word[1..].bytes().all(|b| b.is_ascii_lowercase())
        && (word.ends_with("ist") || word.ends_with("ator"));
    agent || kinds & ROLE != 0
}

/// What the run of capitalised words at `i` names: `(who, first, end)`,
/// the mention covering words `first..end`; `end` is where scanning goes on.
pub fn classify_run(
    body: &str,
    toks: &[Tok],
    i: usize,
    index: &AliasIndex,
) -> (Option<(Who, usize)>, usize) {
    let word = toks[i].text(body);
    let caps = shouted(word);
    if !(capitalised(word) || caps) {
        return (None, i + 1);
    }
    let own = kinds(word);
    if own & NOT_NAME != 0 {
        return (None, i + 1);
    }
    // The lists of each word of the run (at most six), looked up once.
    let mut of = [0u8; 6];
    let n = run_len(body, toks, i, index, caps, &mut of);
    let text = |k: usize| toks[k].text(body);
    let has = |kind: u8, from: usize| of[from - i..n].iter().any(|&k| k & kind != 0);
    // Role words before a name set it apart; a role alone names nobody here.
    if let Some(r) = (i..i + n).rev().find(|&k| role_of(text(k), of[k - i])) {
        if r + 1 == i + n {
            return (None, i + n);
        }
        if !has(ORG, r + 1) && !has(PLACE, r + 1) {
            return (Some((Who::Name, r + 1)), i + n);
        }
    }
    if has(ORG, i) {
        // "Amnesty International Man-kei Tam": a name after the body's.
        let o = (i..i + n)
            .rev()
            .find(|&k| of[k - i] & ORG != 0)
            .unwrap_or(i);
        if i + n - o > 2 && !has(PLACE, o + 1) {
            return (Some((Who::Name, o + 1)), i + n);
        }
        let mut end = i + n;
        // "Court of Session", "Ministry of Foreign Affairs".
        // "Court of Session", "Ministry of Foreign Affairs", "Group of 20".
        while text_at(body, toks, end) == "of" {
            let next = text_at(body, toks, end + 1);
            let more = if next.bytes().all(|b| b.is_ascii_digit()) && !next.is_empty() {
                1
            } else {
                run_len(body, toks, end + 1, index, false, &mut [0; 6])
            };
            if more == 0 {
                break;
            }
            end += 1 + more;
        }
        return (Some((Who::Org, i)), end);
    }
    // A run that names a place is stepped over one word at a time, so that
    // "Hong Kong Chief Executive Carrie Lam" still yields Carrie Lam.
    if has(PLACE, i) {
        return (None, i + 1);
    }
    if n >= 2 {
        return (Some((Who::Name, i)), i + n);
    }
    // A capital inside a word is a brand's or a Scot's: "GitHub", "SpaceX",
    // "McCain"; no common word is written so.
    let inner = word
        .char_indices()
        .skip(1)
        .any(|(k, c)| c.is_uppercase() && word[..k].chars().last().is_some_and(char::is_lowercase));
    if inner && !caps {
        let person = word.starts_with("Mc") || word.starts_with("Mac");
        return (Some((if person { Who::Name } else { Who::Org }, i)), i + 1);
    }
    // "the WHO declared": an acronym doing something is a body.
    let next = text_at(body, toks, i + 1);
    let acts = next.starts_with(|c: char| c.is_lowercase())
        && (next.ends_with("ed") || next.ends_with('s'));
    if caps && n == 1 && word.len() >= 2 && acts {
        return (Some((Who::Org, i)), i + 1);
    }
    if caps && word.len() >= 3 && text_at(body, toks, i + 1).ends_with('s') && {
        let gap = &body[toks[i].end..toks.get(i + 1).map_or(toks[i].end, |t| t.start)];
        gap.is_empty()
    } {
        // "RIAA's notice": an acronym that owns something is a body.
        return (Some((Who::Org, i)), i + 1);
    }
    (speaks(body, toks, i, own).then_some((Who::Name, i)), i + 1)
}

fn text_at<'a>(body: &'a str, toks: &[Tok], i: usize) -> &'a str {
    toks.get(i).map_or("", |t| t.text(body))
}

/// True when the single word at `i`, on the lists `kinds`, is the subject
/// of a speech verb: "Erdogan said", "said Erdogan.", "according to Erdogan".
fn speaks(body: &str, toks: &[Tok], i: usize, kinds: u8) -> bool {
    if kinds & CALENDAR != 0 {
        return false;
    }
    let spaced = |a: usize, b: usize| match (toks.get(a), toks.get(b)) {
        (Some(x), Some(y)) => body.as_bytes()[x.end..y.start] == *b" ",
        _ => false,
    };
    // "GitHub said", "GitHub also said", "Erdogan has repeatedly said".
    let verb_at = (i + 1..i + 4).find(|&k| {
        let w = text_at(body, toks, k);
        !(matches!(w, "also" | "has" | "had" | "later" | "then" | "again")
            || w.ends_with("ly") && w.len() > 4)
    });
    let before = verb_at.is_some_and(|k| {
        is_speech_verb(text_at(body, toks, k)) && (i..k).all(|j| spaced(j, j + 1))
    });
    let prev = text_at(body, toks, i.wrapping_sub(1));
    let after = i > 0
        && is_speech_verb(prev)
        && !matches!(prev, "told" | "tell" | "tells")
        && !spaced(i, i + 1);
    let according =
        prev == "to" && text_at(body, toks, i.wrapping_sub(2)).eq_ignore_ascii_case("according");
    before || after || according
}

/// How many capitalised words, separated by single spaces, start at word
/// `i` (at most 6); a name stops where an alias starts. A run that starts in
/// capitals goes on in capitals. `of` takes the lists of each of its words.
fn run_len(
    body: &str,
    toks: &[Tok],
    i: usize,
    index: &AliasIndex,
    caps: bool,
    of: &mut [u8; 6],
) -> usize {
    let mut n = 0;
    while n < 6 && i + n < toks.len() {
        let word = toks[i + n].text(body);
        // The gap is read as bytes: no char boundaries to check.
        let gap: &[u8] = if n == 0 {
            b" "
        } else {
            &body.as_bytes()[toks[i + n - 1].end..toks[i + n].start]
        };
        // A middle initial: "Stuart B. Munsch".
        let initial = || gap == b". " && toks[i + n - 1].end - toks[i + n - 1].start == 1;
        let joined = gap == b" " || initial();
        let alias = || n > 0 && index.match_at(body, toks, i + n).is_some();
        // An initial: "Stuart B. Munsch", "Sergey M".
        let letter = || {
            n > 0
                && (word.len() == 1 && word.chars().all(char::is_uppercase)
                    || matches!(word, "II" | "III" | "IV" | "Jr" | "Sr"))
        };
        let styled = || {
            if caps {
                shouted(word)
            } else {
                capitalised(word) || letter()
            }
        };
        // Cheapest tests first: most runs end at a word in lower case.
        if !joined || !styled() || alias() {
            break;
        }
        let kinds = kinds(word);
        // A month after a given name is a surname ("Theresa May stepped
        // down"), unless a day or year follows it ("Paris May 3").
        let surname = || {
            n > 0
                && MONTHS.contains(&word)
                && !text_at(body, toks, i + n + 1).starts_with(|c: char| c.is_ascii_digit())
        };
        if kinds & NOT_NAME != 0 || kinds & CALENDAR != 0 && !surname() {
            break;
        }
        of[n] = kinds;
        n += 1;
    }
    n
}
