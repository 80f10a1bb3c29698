//! A report's title and the words it is compared by: the clause without
//! its date phrase, its attribution and a leading connective, cut at a
//! phrase, never with "…"; and its content words, stemmed.

use std::ops::Range;

use super::super::lexicon::Lexicon;

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
    let before = &body[clause.start..date.start];
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
    let mut joined = format!("{} {}", before.trim_end(), after.trim_start());
    for tail in [", said", ", says", ", told", ", according to", ", reported"] {
        if let Some(at) = joined.rfind(tail) {
            joined.truncate(at);
        }
    }
    // A dateline that leads the clause ("WASHINGTON - ") is not its text.
    let joined = joined.trim_start_matches([',', '-', '—', '–', ' ']);
    let joined = match joined
        .split_once(" - ")
        .or_else(|| joined.split_once(" — "))
    {
        Some((head, rest)) if head.chars().all(|c| !c.is_lowercase()) => rest,
        _ => joined,
    };
    // An ellipsis of the source would read as a cut: a title has none.
    let joined = joined.replace('…', " ");
    let mut words: Vec<&str> = joined
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '“' | '”' | '"' | '…')))
        .filter(|w| !w.is_empty())
        .collect();
    while words.first().is_some_and(|w| {
        let w = w.trim_end_matches(',');
        CONNECTIVES.contains(w) || matches!(w, "and" | "but" | "so" | "then")
    }) {
        words.remove(0);
    }
    match subject {
        Some((name, true)) if !name.is_empty() => {
            if let Some(first) = words.first_mut() {
                *first = name;
            }
        }
        Some((name, false)) if !name.is_empty() => words.insert(0, name),
        _ => {}
    }
    let mut out = String::new();
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
    let mut out = out.trim_end_matches([',', ';', ':', '.', ' ']).to_string();
    while let Some((head, last)) = out.rsplit_once(' ') {
        if !DANGLING.contains(&last.to_lowercase()) {
            break;
        }
        out = head.trim_end_matches([',', ';', ':']).to_string();
    }
    let mut chars = out.chars();
    let first = chars.next()?;
    let title: String = first.to_uppercase().chain(chars).collect();
    // A title says what happened: a bare name does not.
    let says = title
        .split_whitespace()
        .any(|w| w.len() >= 3 && w.starts_with(char::is_lowercase));
    (title.split_whitespace().count() >= 2 && says).then_some(title)
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
            last.to_lowercase().as_str(),
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
    if matches!(
        text.to_lowercase().as_str(),
        "on" | "in" | "at" | "early" | "late" | "last" | "as" | "through"
    ) {
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
pub fn content_words(body: &str, clause: &Range<usize>, date: &Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let text = [
        &body[clause.start..date.start.max(clause.start)],
        &body[date.end.min(clause.end)..clause.end],
    ];
    for part in text {
        for w in part.split(|c: char| !c.is_alphanumeric()) {
            // Names are compared as actors and places, not as words.
            if w.len() < 4 || w.starts_with(char::is_uppercase) {
                continue;
            }
            let lower = w.to_lowercase();
            if STOPWORDS.contains(&lower) {
                continue;
            }
            let stem = stem(&lower);
            if !out.contains(&stem) {
                out.push(stem);
            }
        }
    }
    out
}

/// "signed", "signing", "signs" → "sign".
pub fn stem(word: &str) -> String {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(s) = word.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s.to_string();
            }
        }
    }
    word.to_string()
}
