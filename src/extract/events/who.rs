//! Who takes part in a clause and where: the names it holds on its side
//! of the quotation marks, the name a relative pronoun or a description
//! stands for, a subject in capitals, and the place after "in", "at" or
//! "to".

use std::ops::Range;

use super::super::mentions::{Mention, Who};
use super::super::refer::Resolver;
use super::super::tokens::Words;
use super::super::{Para, Speaker};
use super::vocab::EVENT_NOUNS;

/// How many mentions back a description ("the court") looks for the
/// organisation it stands for.
const REACH: usize = 400;

/// How many names of a clause are read: more is a list, not a clause, and
/// an endless one must not cost a pass per date.
const PARTICIPANTS: usize = 32;

/// How many words or names a name in capitals spans at most.
const NAME_WORDS: usize = 12;

/// Who takes part: the actors and people the clause names, on its side of
/// the quotation marks (a clause told in a quotation names its own).
pub(super) fn participants(
    par: &Para,
    span: Range<usize>,
    resolver: &Resolver,
    p: usize,
    quoted: bool,
) -> Vec<Speaker> {
    let body = resolver.body;
    let mut out: Vec<Speaker> = Vec::new();
    let from = par.mentions.partition_point(|m| m.start < span.start);
    for m in par.mentions[from..]
        .iter()
        .take_while(|m| m.end <= span.end)
        .filter(|m| m.in_quote == quoted)
        .take(PARTICIPANTS)
    {
        if m.who == Who::It || setting(body, m) {
            continue;
        }
        let found = match m.who {
            Who::OrgTitle(noun) => salient(resolver, p, m.start, noun),
            _ => resolver.resolve(p, m).map(|(s, _)| s),
        };
        if let Some(s) = found {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// "the court": the organisation with that word in its name the article
/// has named most often before byte `at` (the nearest of those), which a
/// definite description refers to; None when it has named none.
fn salient(resolver: &Resolver, p: usize, at: usize, noun: &str) -> Option<Speaker> {
    let body = resolver.body;
    let mut counts: Vec<(&str, usize, usize, usize)> = Vec::new();
    // The mentions before `at`, nearest first, as far back as a
    // description reaches.
    let before = (0..=p).rev().flat_map(|q| {
        let list = &resolver.paras[q].mentions;
        let below = list.partition_point(|m| m.start < at);
        list[..below].iter().rev().map(move |m| (q, m))
    });
    for (q, m) in before.take(REACH).filter(|(_, m)| m.who == Who::Org) {
        let text = &body[m.start..m.end];
        if !text.to_lowercase().split(' ').any(|w| w == noun) {
            continue;
        }
        match counts.iter_mut().find(|c| c.0 == text) {
            Some(c) => c.1 += 1,
            None => counts.push((text, 1, q, m.start)),
        }
    }
    let (_, _, q, start) = counts.into_iter().max_by_key(|c| (c.1, c.3))?;
    let list = &resolver.paras[q].mentions;
    let m = list.get(list.partition_point(|m| m.start < start))?;
    resolver.resolve(q, m).map(|(s, _)| s)
}

/// The subject right before the verb at word `verb` when it is a name in
/// capitals that no mention covers, of two words or more, one of them
/// inside the sentence: "Members of the House of Commons protested".
pub(super) fn subject_phrase<'a>(
    body: &'a str,
    ws: &Words,
    par: &Para,
    lo: usize,
    verb: usize,
) -> Option<&'a str> {
    let toks = par.toks;
    let mut end = match ws.lower(verb.checked_sub(1)?) {
        "was" | "were" | "has" | "have" | "had" => verb - 1,
        _ => verb,
    };
    // "the Associated Press (AP) called": its acronym in brackets is its own.
    let bracketed = end > lo + 1
        && ws.get(end - 1).chars().all(|c| c.is_ascii_uppercase())
        && body[toks[end - 2].end..toks[end - 1].start].ends_with('(');
    if bracketed {
        end -= 1;
    }
    let capital = |k: usize| ws.get(k).starts_with(char::is_uppercase);
    let joined = |k: usize| body.as_bytes()[toks[k].end..toks[k + 1].start] == *b" ";
    let mut start = end;
    while start > lo
        && end - start < NAME_WORDS
        && joined(start - 1)
        && (capital(start - 1) || matches!(ws.get(start - 1), "of" | "the" | "for" | "and"))
    {
        start -= 1;
    }
    while start < end && !capital(start) {
        start += 1;
    }
    if end < start + 2 {
        return None;
    }
    let sentence = par.sentence(toks[lo].start).start;
    let head = if start > lo && ws.lower(start - 1) == "the" {
        start - 1
    } else {
        start
    };
    let opens = head == lo || body[toks[head - 1].end..toks[head].start].contains(',');
    let inside = (start..end).any(|k| capital(k) && toks[k].start > sentence);
    let (from, to) = (toks[start].start, toks[end - 1].end);
    let covered = par.mentions.iter().any(|m| m.start < to && m.end > from);
    let text = body[from..to]
        .strip_prefix("The ")
        .unwrap_or(&body[from..to]);
    (opens && inside && !covered).then_some(text)
}

/// Who the sentence after the one at byte `at` names, in this paragraph
/// or at the start of the next.
pub(super) fn named_next(par: &Para, at: usize, resolver: &Resolver) -> Vec<Speaker> {
    let here = par.sentence(at);
    if here.end < par.range.end {
        return participants(par, par.sentence(here.end), resolver, 0, false);
    }
    match resolver.paras.get(1) {
        Some(next) => participants(next, next.sentence(next.range.start), resolver, 1, false),
        None => Vec::new(),
    }
}

/// The name a relative pronoun at byte `at` stands for: the one its comma
/// follows ("Trump, who"), or the head of a name with an "of" phrase ("the
/// Supreme Court of the United States, which").
pub(super) fn relative_antecedent(
    par: &Para,
    at: usize,
    resolver: &Resolver,
    p: usize,
) -> Option<Speaker> {
    let body = resolver.body;
    let before = par.mentions.partition_point(|m| m.end <= at);
    let mut k = before.checked_sub(1)?;
    // What stands between a name and the comma: nothing, or its "of"
    // phrase, in capitals.
    let of_phrase = |gap: &str| {
        let gap = gap.trim();
        let rest = gap
            .strip_prefix("of the ")
            .or_else(|| gap.strip_prefix("of "));
        gap.is_empty()
            || rest.is_some_and(|r| r.split(' ').all(|w| w.starts_with(char::is_uppercase)))
    };
    let tail = body[par.mentions[k].end..at].trim_end();
    if par.mentions[k].in_quote || !tail.ends_with(',') || !of_phrase(&tail[..tail.len() - 1]) {
        return None;
    }
    while k > 0 && before - k < NAME_WORDS {
        let gap = &body[par.mentions[k - 1].end..par.mentions[k].start];
        if !matches!(gap.trim(), "of" | "of the") {
            break;
        }
        k -= 1;
    }
    resolver.resolve(p, &par.mentions[k]).map(|(s, _)| s)
}

/// Where or at what it happened, not who took part: a name after "in"
/// ("rallied in Hong Kong"; after "at" it may be who: "researchers at
/// Imperial College"), or one that names a happening ("the Chicago
/// Marathon").
fn setting(body: &str, m: &Mention) -> bool {
    let before = body[..m.start].trim_end();
    // "in the city", "in a New York courtroom".
    let before = [" the", " a", " an"]
        .iter()
        .find_map(|a| before.strip_suffix(a))
        .unwrap_or(before);
    let last = before.rsplit(' ').next().unwrap_or("");
    let head = body[m.start..m.end].rsplit(' ').next().unwrap_or("");
    last == "in" || EVENT_NOUNS.contains(&head.to_lowercase())
}

/// "in Pyongyang", "to the Vostochny Cosmodrome": the first capitalised
/// place after "in", "at" or "to" in the clause.
pub(super) fn place(body: &str, ws: &Words, lo: usize, hi: usize) -> Option<String> {
    let toks = ws.toks;
    for k in lo..hi.saturating_sub(1) {
        // "according to The Guardian" names a source, not a place.
        if !matches!(ws.get(k), "in" | "at" | "to") || k > 0 && ws.lower(k - 1) == "according" {
            continue;
        }
        let mut s = k + 1;
        if ws.get(s) == "the" {
            s += 1;
        }
        let mut e = s;
        while e < hi
            && ws.get(e).starts_with(char::is_uppercase)
            && (e == s || body.as_bytes()[toks[e - 1].end..toks[e].start] == *b" ")
            && !super::super::date_words::WEEKDAYS.contains(&ws.get(e))
            && !crate::model::date::MONTHS.contains(&ws.get(e))
        {
            e += 1;
        }
        if e > s {
            return Some(body[toks[s].start..toks[e - 1].end].to_string());
        }
    }
    None
}
