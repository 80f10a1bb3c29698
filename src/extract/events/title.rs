//! A report's title and the words it is compared by: the clause without
//! its date phrase, its attribution and a leading connective, cut at a
//! phrase, never with "…"; and its content words, stemmed.

use std::borrow::Cow;
use std::ops::Range;

use super::super::chars::{alphanumeric_runs, lowered, split_spaces};
use super::super::lexicon::Lexicon;

mod stems;
pub use stems::Stems;

/// Longest title, in characters; a title is cut at a phrase, never with "…".
pub const TITLE_CHARS: usize = 70;

/// Words a title does not start with.
static CONNECTIVES: Lexicon = Lexicon::new(&[
    "But",
    "And",
    "However",
    "Meanwhile",
    "Then",
    "Also",
    "So",
    "Yet",
    "Earlier",
    "Later",
    "Separately",
    "Instead",
    "Still",
    "Now",
]);

/// Words a title does not end with.
static DANGLING: Lexicon = Lexicon::new(&[
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "that", "its", "his", "her", "their", "this", "was", "were", "is", "are", "has", "had", "have",
    "be", "been", "but",
]);

/// The title: the clause without its date phrase, its attribution and a
/// leading connective, cut at a phrase to `TITLE_CHARS`; `subject` is a
/// name to put in place of the first word (true) or before it (false).
pub fn title(
    body: &str,
    clause: Range<usize>,
    date: Range<usize>,
    subject: Option<(&str, bool)>,
) -> Option<String> {
    // A date carried from another sentence is an empty range at its start,
    // which may lie before the clause's first word.
    let before = &body[clause.start..date.start.max(clause.start)];
    let after = &body[date.end.min(clause.end)..clause.end];
    let before = strip_tail_preposition(before);
    // "That year's H1N1": the possessive goes with the date.
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .unwrap_or(after);
    // "voted on 23 June 2016, to leave": the date's comma goes with it.
    let after = after.trim_start();
    let after = after.strip_prefix(',').unwrap_or(after);
    let (before, after) = (before.trim_end(), after.trim_start());
    let mut joined = String::with_capacity(before.len() + 1 + after.len());
    joined.push_str(before);
    joined.push(' ');
    joined.push_str(after);
    joined.truncate(attribution_cut(&joined));
    // A dateline that leads the clause ("WASHINGTON - ") is not its text.
    let joined = joined.trim_start_matches([',', '-', '—', '–', ' ']);
    let joined = match split_at_dash(joined) {
        Some((head, rest)) if head.chars().all(|c| !c.is_lowercase()) => rest,
        _ => joined,
    };
    // An ellipsis of the source would read as a cut: a title has none.
    let joined = if joined.contains('…') {
        Cow::Owned(joined.replace('…', " "))
    } else {
        Cow::Borrowed(joined)
    };
    // Only the words that fit are read: a clause may be long.
    let mut words = split_spaces(&joined)
        .map(|w| w.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '…')))
        .filter(|w| !w.is_empty())
        .peekable();
    while words
        .next_if(|w| {
            let w = w.trim_end_matches(',');
            CONNECTIVES.contains(w) || matches!(w, "and" | "but" | "so" | "then")
        })
        .is_some()
    {}
    let lead = match subject {
        Some((name, true)) if !name.is_empty() => words.next().map(|_| name),
        Some((name, false)) if !name.is_empty() => Some(name),
        _ => None,
    };
    let mut out = whole_words(lead.into_iter().chain(words));
    out.truncate(out.trim_end_matches([',', ';', ':', '.', ' ']).len());
    while let Some((head, last)) = out.rsplit_once(' ') {
        if !DANGLING.contains(&lowered(last)) {
            break;
        }
        out.truncate(head.trim_end_matches([',', ';', ':']).len());
    }
    let mut chars = out.chars();
    let first = chars.next()?;
    let mut title = String::with_capacity(out.len() + 2);
    title.extend(first.to_uppercase());
    title.push_str(chars.as_str());
    // A title says what happened: a bare name does not.
    let says = split_spaces(&title).any(|w| w.len() >= 3 && w.starts_with(char::is_lowercase));
    (split_spaces(&title).nth(1).is_some() && says).then_some(title)
}

/// `text` split at the first " - " or, if it has none, the first " — ",
/// as `split_once` splits it: one pass over the bytes finds either.
fn split_at_dash(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let spaced = |at: usize, width: usize| {
        at > 0 && bytes[at - 1] == b' ' && bytes.get(at + width) == Some(&b' ')
    };
    let mut em = None;
    for at in memchr::memchr2_iter(b'-', 0xE2, bytes) {
        if bytes[at] == b'-' {
            if spaced(at, 1) {
                return Some((&text[..at - 1], &text[at + 2..]));
            }
        } else if em.is_none() && bytes[at..].starts_with("—".as_bytes()) && spaced(at, 3) {
            em = Some(at);
        }
    }
    em.map(|at| (&text[..at - 1], &text[at + 4..]))
}

/// Attributions a clause ends with, cut from its title.
const ATTRIBUTION_TAILS: [&str; 5] = [", said", ", says", ", told", ", according to", ", reported"];

/// The length of `text` without the attributions it ends with: each tail
/// in turn is cut at its last occurrence in what is left. Every tail starts
/// with a comma, so only the commas are tried.
fn attribution_cut(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut len = bytes.len();
    for tail in ATTRIBUTION_TAILS {
        let last = memchr::memrchr_iter(b',', &bytes[..len])
            .find(|&at| bytes[at..len].starts_with(tail.as_bytes()));
        if let Some(at) = last {
            len = at;
        }
    }
    len
}

/// "Putin landed in Pyongyang early on": drops the words that led to the
/// date phrase.
fn strip_tail_preposition(text: &str) -> &str {
    let mut text = text.trim_end();
    for _ in 0..3 {
        let Some((head, last)) = text.rsplit_once(' ') else {
            break;
        };
        let lead = matches!(
            &*lowered(last),
            "on" | "in"
                | "at"
                | "since"
                | "by"
                | "during"
                | "early"
                | "late"
                | "last"
                | "this"
                | "until"
                | "from"
                | "of"
                | "the"
                | "as"
                | "through"
        );
        if !lead {
            break;
        }
        text = head.trim_end();
    }
    // Lower case shrinks a character to a third of its bytes at most, so a
    // longer text cannot be one of these words: it is not lowered.
    if text.len() <= 3 * "through".len()
        && matches!(
            &*lowered(text),
            "on" | "in" | "at" | "early" | "late" | "last" | "as" | "through"
        )
    {
        return "";
    }
    text
}

/// Stopwords left out of the words reports are compared by.
static STOPWORDS: Lexicon = Lexicon::new(&[
    "the", "and", "that", "with", "from", "this", "were", "have", "been", "their", "they", "will",
    "which", "after", "before", "said", "about", "into", "over", "more", "than", "when", "also",
    "other", "some", "would", "could", "there", "where", "what", "while", "first", "last", "week",
    "year", "month", "days", "early", "late",
]);

/// The content words of the clause outside the date, crudely stemmed, for
/// telling reports of the same happening from others on the same day.
pub fn content_words(body: &str, clause: &Range<usize>, date: &Range<usize>) -> Stems {
    let text = [
        &body[clause.start..date.start.max(clause.start)],
        &body[date.end.min(clause.end)..clause.end],
    ];
    let mut out = Stems::for_text(text[0].len() + text[1].len());
    for part in text {
        for w in alphanumeric_runs(part) {
            // Names are compared as actors and places, not as words.
            if w.len() < 4 || w.starts_with(char::is_uppercase) {
                continue;
            }
            let lower = lowered(w);
            if STOPWORDS.contains(&lower) {
                continue;
            }
            out.push(stem(&lower));
        }
    }
    out.shrink_to_fit();
    out
}

/// "signed", "signing", "signs" → "sign"; a plural of a gerund too:
/// "bombings" → "bomb", as "bombing".
pub fn stem(word: &str) -> &str {
    let once = strip_suffix(word);
    match once.strip_suffix("ing") {
        Some(s) if once.len() < word.len() && s.len() >= 4 => s,
        _ => once,
    }
}

fn strip_suffix(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = word.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s;
            }
        }
    }
    word
}

/// As many whole words as fit in a title, one space apart: a title is
/// never a word cut short.
pub(super) fn whole_words<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::with_capacity(2 * TITLE_CHARS);
    let mut chars = 0;
    for w in words {
        let add = w.chars().count() + usize::from(!out.is_empty());
        if chars + add > TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
        chars += add;
    }
    out
}
