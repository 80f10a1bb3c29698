//! A date that modifies a noun of a happening dates that noun, not the
//! clause's verb: "after last week's national election", "the 2020
//! presidential election", "the election on November 3". The noun phrase
//! is then the report, whatever the verb around it says ("Biden said he is
//! not worried ... after last week's election").

use std::ops::Range;

use super::super::tokens::Words;
use super::super::Para;
use super::vocab::EVENT_NOUNS;

/// Words that may stand before a dated noun phrase as its determiner.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "his", "her", "their",
];

/// How many words may stand between the date and the noun it modifies
/// ("the 2020 US presidential election").
const MODIFIERS: usize = 3;

/// The byte range of the noun phrase the date at word `at` (ending at byte
/// `date_end`) modifies, when it modifies a noun of a happening, and the
/// noun's word.
pub fn attached(
    body: &str,
    ws: &Words,
    par: &Para,
    at: usize,
    date_end: usize,
) -> Option<(Range<usize>, usize)> {
    let toks = par.toks;
    let after = toks.partition_point(|t| t.start < date_end);
    let single = |k: usize| k > 0 && body.as_bytes()[toks[k - 1].end..toks[k].start] == *b" ";
    let event = |k: usize| EVENT_NOUNS.contains(ws.lower(k)) && par.outside(toks[k].start);
    let tail = &body[date_end..];
    // The possessive is a word of its own: "week" "'s" "election".
    let possessive = tail.starts_with("'s ") || tail.starts_with("’s ");
    let led = at.checked_sub(1).filter(|&k| single(k + 1)).filter(|&k| {
        let w = ws.lower(k);
        DETERMINERS.contains(&w) || w.ends_with("'s") || w.ends_with("’s")
    });
    // Before the noun: "last week's election", "the 2020 US election".
    if possessive || led.is_some() {
        let start = led.map_or(toks[at].start, |k| toks[k].start);
        let reach = after + MODIFIERS + usize::from(possessive);
        let words = (after..reach.min(toks.len()))
            .take_while(|&k| single(k) || possessive && k == after)
            .map(|k| (k, ws.get(k)));
        for (k, w) in words {
            if event(k) {
                return Some((start..toks[k].end, k));
            }
            // A verb or a function word ends the noun phrase.
            if w.ends_with("ed")
                || matches!(w, "of" | "and" | "or" | "to" | "in" | "on" | "was" | "is")
            {
                break;
            }
        }
    }
    // After it: "the election on November 3", "the summit in June".
    let noun = at.checked_sub(2)?;
    let joined = matches!(ws.lower(at - 1), "on" | "in" | "of") && single(at - 1) && single(at);
    if !joined || !event(noun) {
        return None;
    }
    let start = noun
        .checked_sub(1)
        .filter(|&k| single(k + 1) && DETERMINERS.contains(&ws.lower(k)))
        .unwrap_or(noun);
    Some((toks[start].start..date_end, noun))
}

/// A noun phrase as a title where the clause's title would be a bare name
/// ("the 2020 US Presidential Election"): as written, the date kept, its
/// first letter a capital.
pub fn title(phrase: &str) -> String {
    let out = super::title::whole_words(phrase.split_whitespace());
    let mut letters = out.chars();
    match letters.next() {
        Some(first) => first.to_uppercase().chain(letters).collect(),
        None => out,
    }
}
