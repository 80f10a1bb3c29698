//! The tense of the clause around a date word, so that "Tuesday" or a day
//! written without its year falls on the side of the publication date the
//! text means. News mostly reports the past: without a marker of the future
//! a date is taken as past, as HeidelTime does.

use super::lexicon::Lexicon;
use super::tokens::Words;
use super::Para;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// No finite verb or marker in reach.
    Unknown,
}

/// How many words either side of the date word are read.
const REACH: usize = 14;

/// Past forms that do not end in "-ed".
#[rustfmt::skip]
const IRREGULAR_PAST_WORDS: &[&str] = &[
    "said", "met", "told", "went", "came", "took", "gave", "made", "saw", "began", "left", "held",
    "flew", "spoke", "won", "lost", "fell", "rose", "struck", "sent", "brought", "thought",
    "found", "got", "built", "paid", "sold", "led", "knew", "wrote", "ran", "became", "chose",
    "drove", "fought", "stood", "sat", "kept", "felt", "heard", "meant", "began", "broke",
    "caught", "drew", "grew", "hung", "laid", "lay", "overtook", "rode", "sank", "shook", "shot",
    "slept", "sought", "spent", "stole", "swept", "swore", "taught", "threw", "understood",
    "withdrew", "woke", "wore", "bought", "dealt", "forgot", "froze", "hid", "undertook",
];
pub(super) static IRREGULAR_PAST: Lexicon = Lexicon::new(IRREGULAR_PAST_WORDS);

/// "-ed" words that are not past forms of verbs.
static NOT_PAST: Lexicon = Lexicon::new(&[
    "need", "needed", "indeed", "speed", "seed", "feed", "bed", "red",
]);

/// Words that put what follows in the future whatever comes before them.
#[rustfmt::skip]
static FUTURE: Lexicon = Lexicon::new(&[
    "will", "shall", "won't", "would", "could", "may", "might", "can", "should", "must",
    "plans", "plan", "intends", "upcoming", "aims", "hopes", "wants",
]);

/// Words whose tense is their auxiliary's ("is due to" / "was due to").
static PLANNED: Lexicon = Lexicon::new(&[
    "due",
    "scheduled",
    "set",
    "expected",
    "slated",
    "poised",
    "planned",
]);

/// The tense of the clause holding word `i`: the nearest marker before it
/// in its sentence, else the nearest after it. Words inside a quotation
/// only count for a date inside the same quotation, and the other way round.
pub fn around(par: &Para, ws: &Words, i: usize) -> Tense {
    let at = ws.toks[i].start;
    let sentence = par.sentence(at);
    let quoted = !par.outside(at);
    let same_side = |j: usize| {
        let t = ws.toks[j];
        t.start >= sentence.start && t.end <= sentence.end && par.outside(t.start) != quoted
    };
    let back = (i.saturating_sub(REACH)..i).rev().filter(|&j| same_side(j));
    for j in back {
        if let Some(t) = marker(ws, j) {
            return t;
        }
        if opens_clause(ws, j) {
            break;
        }
    }
    let ahead = (i + 1..(i + 1 + REACH).min(ws.toks.len())).filter(|&j| same_side(j));
    for j in ahead {
        if opens_clause(ws, j) {
            break;
        }
        if let Some(t) = marker(ws, j) {
            return t;
        }
    }
    Tense::Unknown
}

/// Words that open a clause of their own ("as Britain faces an October 31
/// deadline"): a verb beyond them is another clause's.
static SUBORDINATORS: Lexicon = Lexicon::new(&[
    "as", "while", "because", "although", "though", "whereas", "but", "when", "if", "unless",
]);

/// True when a new clause starts at word `j`: a subordinator, or a
/// semicolon, colon, dash or bracket just before it.
fn opens_clause(ws: &Words, j: usize) -> bool {
    let gap = match (
        j.checked_sub(1).and_then(|k| ws.toks.get(k)),
        ws.toks.get(j),
    ) {
        (Some(a), Some(b)) => &ws.body[a.end..b.start],
        _ => "",
    };
    // Words are mostly set apart by one space: no mark to look for.
    (gap != " " && gap.contains([';', ':', '(', ')', '—', '–']))
        || SUBORDINATORS.contains(ws.lower(j))
}

/// The tense word `j` marks, if it marks one.
fn marker(ws: &Words, j: usize) -> Option<Tense> {
    let w = ws.lower(j);
    if FUTURE.contains(w) || w.ends_with("'ll") || w.ends_with("’ll") {
        // "may have killed", "would have been": a perfect modal looks back.
        let perfect = ws.lower(j + 1) == "have" && !matches!(w, "will" | "shall");
        return Some(if perfect { Tense::Past } else { Tense::Future });
    }
    let aux = || auxiliary(ws, j);
    // "set to open", "set for Tuesday" make a plan; "the record set in
    // 2003" is a participle of the past.
    let set_past = w == "set" && !matches!(ws.lower(j + 1), "to" | "for");
    if PLANNED.contains(w) && !set_past {
        return Some(match aux() {
            Some(Tense::Past) => Tense::Past,
            _ => Tense::Future,
        });
    }
    match w {
        "was" | "were" | "had" | "did" | "wasn't" | "weren't" | "didn't" | "hadn't" | "ago" => {
            return Some(Tense::Past)
        }
        "is" | "are" | "am" | "says" | "say" | "has" | "have" => return Some(Tense::Present),
        _ => {}
    }
    // A capitalised "-ed" word is a name: "United", "Ahmed".
    let lower_case = ws.get(j).starts_with(|c: char| c.is_ascii_lowercase());
    let regular = w.len() >= 4 && w.ends_with("ed") && !NOT_PAST.contains(w);
    if lower_case && (regular || IRREGULAR_PAST.contains(w)) {
        // A participle takes its auxiliary's tense: "will be held", "has
        // been held"; "is held" says nothing about when.
        return match aux() {
            Some(Tense::Present) if matches!(ws.lower(j - 1), "has" | "have") => Some(Tense::Past),
            Some(Tense::Present) => None,
            Some(t) => Some(t),
            None if matches!(ws.lower(j.wrapping_sub(1)), "be" | "been") => None,
            None => Some(Tense::Past),
        };
    }
    None
}

/// The tense of the auxiliary just before word `j` ("was due", "will be
/// held", "is expected"), if there is one.
fn auxiliary(ws: &Words, j: usize) -> Option<Tense> {
    let prev = ws.lower(j.wrapping_sub(1));
    let tense = match prev {
        "was" | "were" | "had" => Tense::Past,
        "is" | "are" | "am" | "has" | "have" | "’s" | "'s" => Tense::Present,
        "be" | "been" => match ws.lower(j.wrapping_sub(2)) {
            "has" | "have" | "had" => Tense::Past,
            w if FUTURE.contains(w) || w == "to" => Tense::Future,
            _ => return None,
        },
        _ => return None,
    };
    Some(tense)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{sentences, words};
    use super::*;

    fn tense(text: &str, word: &str) -> Tense {
        let mut toks = Vec::new();
        words(text, 0..text.len(), &mut toks);
        let lower = text.to_ascii_lowercase();
        let par = Para {
            range: 0..text.len(),
            lower: &lower,
            sentences: sentences(text, 0..text.len(), &[]),
            toks: &toks,
            quoted: Vec::new(),
            mentions: Vec::new(),
        };
        let ws = Words::of(text, &par);
        let i = (0..par.toks.len())
            .find(|&i| ws.get(i) == word)
            .expect("word in text");
        around(&par, &ws, i)
    }

    #[test]
    fn markers_before_the_date_decide() {
        use Tense::*;
        let cases = [
            ("He was scheduled to arrive late Tuesday.", Past),
            ("The Kremlin published a document on Tuesday.", Past),
            ("Putin will travel to Pyongyang on Tuesday.", Future),
            ("The summit is due to open on Tuesday.", Future),
            ("The talks will be held on Tuesday.", Future),
            ("Talks have been held since Tuesday.", Past),
            ("On Tuesday, the ministry said talks went well.", Past),
            ("Putin in Pyongyang on Tuesday", Unknown),
            ("The summit is set for Tuesday.", Future),
            ("It beat the record set at the race on Tuesday.", Unknown),
            (
                "Officials said on Tuesday the virus may have killed two.",
                Past,
            ),
            (
                "They have called it a coup as Britain faces a Tuesday deadline.",
                Unknown,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(tense(text, "Tuesday"), want, "{text}");
        }
    }
}
