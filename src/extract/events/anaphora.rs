//! A happening named again: "the earthquake" in a sentence with no date of
//! its own is the earthquake an earlier date of the article modifies
//! ("today's earthquake") or a dated clause brought in ("gathered on
//! Saturday for a rally"), and what the sentence says happened during or
//! right after it takes that date: "The monuments were evacuated following
//! the earthquake", "Trump flew above the rally".

use super::super::dates::DatedMention;
use super::super::tokens::Words;
use super::title::stem;
use super::vocab::EVENT_NOUNS;
use super::{noun, Article, Report};
use crate::model::DateSpec;

/// How many namings back a happening named again may refer.
const REACH: usize = 200;

/// Prepositions that put a happening in another or right after it.
const DURING: &[&str] = &[
    "during",
    "at",
    "in",
    "following",
    "after",
    "amid",
    "above",
    "over",
];

/// Reports of the sentences with no date of their own that name, as "the
/// <noun>", a happening an earlier date or dated clause of the article
/// names; `reports` are the article's, in text order.
pub fn reports(article: Article, reports: &[Report]) -> Vec<Report> {
    let Article {
        body, paras, dates, ..
    } = article;
    let mut out = Vec::new();
    // (where, noun stemmed, date) of each noun of a happening a date modifies.
    let mut named_at: Vec<(usize, String, DateSpec)> = Vec::new();
    for m in dates {
        let p = paras.partition_point(|p| p.range.end <= m.span.start);
        let (Some(par), Some(date)) = (paras.get(p), &m.date) else {
            continue;
        };
        let ws = Words::of(body, par);
        let at = par.toks.partition_point(|t| t.start < m.span.start);
        if at >= par.toks.len() {
            continue;
        }
        if let Some((_, head)) = noun::attached(body, &ws, par, at, m.span.end) {
            named_at.push((m.span.start, stem(ws.lower(head)).to_string(), date.clone()));
        }
    }
    // "gathered on Saturday for a rally organized by ...": a happening a
    // dated clause brings in, as "a <noun>" at the head of its phrase.
    for r in reports.iter().filter(|r| r.noun.is_none() && !r.inherited) {
        let p = paras.partition_point(|p| p.range.end <= r.span.start);
        let Some(par) = paras.get(p) else { continue };
        let ws = Words::of(body, par);
        let lo = par.toks.partition_point(|t| t.start < r.span.start);
        let hi = par.toks.partition_point(|t| t.start < r.span.end);
        for i in (lo + 1..hi).filter(|&i| matches!(ws.lower(i - 1), "a" | "an")) {
            let next = ws.get(i + 1);
            // "a rally organized by", "a rally in", not "an earthquake relief".
            let head = i + 1 >= hi
                || !next.starts_with(char::is_lowercase)
                || next.ends_with("ed")
                || matches!(next, "in" | "at" | "on" | "of" | "that" | "which" | "for");
            if head && EVENT_NOUNS.contains(ws.lower(i)) && par.outside(par.toks[i].start) {
                named_at.push((r.span.start, stem(ws.lower(i)).to_string(), r.date.clone()));
            }
        }
    }
    if named_at.is_empty() {
        return out;
    }
    named_at.sort_by_key(|(at, _, _)| *at);
    for (p, par) in paras.iter().enumerate() {
        let ws = Words::of(body, par);
        let mut k = 0;
        while k < par.toks.len() {
            let sentence = par.sentence(par.toks[k].start);
            let last = par
                .toks
                .partition_point(|t| t.end <= sentence.end)
                .max(k + 1);
            let named = (k + 2..last).find_map(|i| {
                let is = DURING.contains(&ws.lower(i - 2))
                    && ws.lower(i - 1) == "the"
                    && EVENT_NOUNS.contains(ws.lower(i))
                    && par.outside(par.toks[i].start);
                is.then(|| stem(ws.lower(i)))
            });
            // Reports are in text order and each lies in one sentence.
            let dated = || {
                let i = reports.partition_point(|r| r.span.start < sentence.start);
                reports.get(i).is_some_and(|r| r.span.start < sentence.end)
            };
            if let Some(noun) = named.filter(|_| par.outside(sentence.start) && !dated()) {
                // The latest date before the sentence that modifies that noun.
                let below = named_at.partition_point(|(at, _, _)| *at < sentence.start);
                let antecedent = named_at[..below]
                    .iter()
                    .rev()
                    .take(REACH)
                    .find(|(_, n, _)| n == noun);
                if let Some((_, _, date)) = antecedent {
                    let mention = DatedMention {
                        span: sentence.start..sentence.start,
                        sentence: sentence.clone(),
                        phrase: String::new(),
                        date: Some(date.clone()),
                        anchor: None,
                        rule: "happening named again",
                    };
                    if let Some(mut c) = article.read(par, &mention, p) {
                        c.inherited = true;
                        out.push(c);
                    }
                }
            }
            k = last;
        }
    }
    out
}
