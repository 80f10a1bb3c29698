//! Where the clause around a date begins and ends, and its verb: the
//! sentence cut at the marks and words that open another clause, and the
//! verb nearest the date inside it.

use super::super::dates::DatedMention;
use super::super::tense::IRREGULAR_PAST;
use super::super::tokens::{Tok, Words};
use super::super::Para;
use super::vocab::{kind_of, ATTRIBUTION, CLAUSE_OPENERS, SUBORDINATORS};

/// A subordinate clause the date is in, with a subject and a verb of its
/// own, comma or not: "Johnson became leader after Theresa May stepped
/// down on July 24" is May's clause. "after breaking his record Sunday"
/// (no subject) and "after the vote on Monday" (no verb) stay in theirs.
pub(super) fn subordinate(
    ws: &Words,
    par: &Para,
    (lo, verb, hi): (usize, usize, usize),
    at: usize,
) -> (usize, usize, usize) {
    let opens = |k: &usize| {
        let w = ws.get(*k);
        SUBORDINATORS.contains(w) && par.outside(par.toks[*k].start)
    };
    let Some(k) = (lo + 1..at).rev().find(opens) else {
        return (lo, verb, hi);
    };
    match main_verb(ws, par, k + 1, hi, at) {
        Some(v) if v > k + 1 && !ATTRIBUTION.contains(ws.get(v)) => (k, v, hi),
        _ => (lo, verb, hi),
    }
}

/// True when the verb at `verb` stands right beside the date phrase.
pub(super) fn near(verb: usize, at: usize, m: &DatedMention, toks: &[Tok]) -> bool {
    let end = toks.partition_point(|t| t.start < m.span.end);
    verb + 4 >= at && verb <= end + 3
}

/// Where the clause around word `at` may begin and end, nearest first:
/// the sentence cut at a semicolon, a dash or a comma that opens another
/// clause, out to the sentence's ends. The ends are found as they are
/// asked for: the nearest mostly has the verb.
pub(super) fn clause<'a>(
    body: &'a str,
    par: &'a Para,
    ws: &'a Words,
    at: usize,
    m: &DatedMention,
) -> (Vec<usize>, impl Iterator<Item = usize> + Clone + 'a) {
    let sentence = par.sentence(m.span.start);
    let toks = par.toks;
    let first = toks.partition_point(|t| t.start < sentence.start);
    let last = toks
        .partition_point(|t| t.end <= sentence.end)
        .max(first + 1)
        .min(toks.len());
    // "captured in 2004 and transferred two years later": an "and" before
    // a verb in the past starts another happening.
    // "and" is told by its bytes: most words are not it, and reading them
    // as text would check their char boundaries first.
    let and_then = move |k: usize| {
        let t = &toks[k];
        if body.as_bytes()[t.start..t.end] != *b"and" {
            return false;
        }
        let next = ws.get(k + 1);
        next.starts_with(char::is_lowercase)
            && (next.len() >= 4 && next.ends_with("ed") || IRREGULAR_PAST.contains(next))
    };
    let breaks = move |k: usize| {
        let (end, start) = (toks[k - 1].end, toks[k].start);
        // Words are mostly set apart by one space: no mark to look for.
        if start == end + 1 && body.as_bytes()[end] == b' ' {
            return and_then(k);
        }
        let gap = &body[end..start];
        // A quotation of several sentences is one sentence to the splitter:
        // a full stop before a capital ends a clause, after a word too long
        // to be "Mr" or "Gen".
        let stop = gap.starts_with(". ")
            && ws.get(k).starts_with(char::is_uppercase)
            && ws.get(k - 1).len() >= 4;
        let marked = gap.contains([';', '—', '–', ':'])
            || stop
            || gap.contains(',') && CLAUSE_OPENERS.contains(ws.lower(k));
        marked || and_then(k)
    };
    let mut starts: Vec<usize> = (first + 1..=at).rev().filter(|&k| breaks(k)).collect();
    starts.push(first);
    let ends = (at + 1..last)
        .filter(move |&k| breaks(k))
        .chain(std::iter::once(last.max(at + 1)));
    (starts, ends)
}

/// The verb nearest the date in its clause, outside quotations: a past
/// form, or a word after "will" or "to".
pub(super) fn main_verb(ws: &Words, par: &Para, lo: usize, hi: usize, at: usize) -> Option<usize> {
    let is_verb = |k: usize| {
        let w = ws.get(k);
        let lower = w.starts_with(|c: char| c.is_lowercase());
        let past = w.len() >= 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(w);
        // "after breaking his own record Sunday": what came before is done.
        let done = w.len() >= 6
            && w.ends_with("ing")
            && k > 0
            && matches!(ws.lower(k - 1), "after" | "upon");
        lower
            && (past || done || kind_of(w).is_some() || ATTRIBUTION.contains(w))
            && par.outside(par.toks[k].start) == par.outside(par.toks[at].start)
    };
    // Outwards from the date, nearest first; the happening's verb rather
    // than the one that attributes it ("declared a pandemic on Wednesday,
    // Tedros said"), which is kept only when there is no other.
    let mut attribution = None;
    for d in 0..(hi - lo) {
        for k in [at.checked_sub(d), (d > 0).then_some(at + d)]
            .into_iter()
            .flatten()
        {
            if k < lo || k >= hi || !is_verb(k) {
                continue;
            }
            if !ATTRIBUTION.contains(ws.get(k)) {
                return Some(k);
            }
            attribution = attribution.or(Some(k));
        }
    }
    attribution
}
