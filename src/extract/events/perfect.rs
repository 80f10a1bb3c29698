//! Present perfects with no date of their own: "Hurricane Felix has left at
//! least 21 people dead", "27,000 people have also been evacuated". News
//! tells in the present perfect what happened just before it was written,
//! so such a clause is dated by its article's day of publication: in the
//! lead, where news puts what is new. Further down, and after "since" or
//! "although", a present perfect is mostly context ("the territory has
//! been governed since then", "have expressed little desire").

use super::super::dates::DatedMention;
use super::super::tense::IRREGULAR_PAST;
use super::super::tokens::Words;
use super::super::Para;
use super::{Article, Report, SUBJECT_REACH};
use crate::model::DateSpec;

/// Adverbs that may stand between "has" and its participle.
const BETWEEN: &[&str] = &["already", "now", "also", "just", "reportedly"];

/// Words before a present perfect that make it another verb's clause.
const FINITE: &[&str] = &["is", "are", "was", "were", "that", "which", "who"];

/// How many paragraphs open an article: its lead.
const LEAD: usize = 2;

/// Words that make a sentence's present perfect a state or a concession.
const CONTEXT: &[&str] = &["since", "although", "though", "once", "while", "if"];

/// Reports of the sentences outside quotations that no date and no report
/// covers, read at their present perfect; `reports` are the article's.
pub fn reports(article: Article, reports: &[Report]) -> Vec<Report> {
    let Article {
        body, paras, dates, ..
    } = article;
    let Some(day) = article.published.and_then(DateSpec::day) else {
        return Vec::new();
    };
    let covered = |s: &std::ops::Range<usize>| {
        dates.iter().any(|m| s.contains(&m.span.start))
            || reports
                .iter()
                .any(|r| r.span.start < s.end && s.start < r.span.end)
    };
    let mut out: Vec<Report> = Vec::new();
    for (p, par) in paras.iter().enumerate().take(LEAD) {
        let ws = Words::of(body, par);
        let mut lo = 0;
        while lo < par.toks.len() {
            let sentence = par.sentence(par.toks[lo].start);
            let hi = par
                .toks
                .partition_point(|t| t.start < sentence.end)
                .max(lo + 1);
            let context = (lo..hi).any(|k| CONTEXT.contains(&ws.lower(k)));
            if !covered(&sentence) && !context {
                let reach = hi.min(lo + SUBJECT_REACH);
                // The sentence's own verbs: none before them but their
                // subject's words ("This is the first time anyone has been
                // recorded", "the Union which has been termed Brexit").
                let mut free = (lo..reach).scan(true, |free, k| {
                    *free &= !FINITE.contains(&ws.lower(k));
                    Some((k, *free))
                });
                let perfects: Vec<usize> = free
                    .by_ref()
                    .filter(|&(k, free)| free && k > lo && perfect_at(&ws, par, k))
                    .map(|(k, _)| k)
                    .collect();
                for aux in perfects {
                    let at = par.toks[aux].start;
                    let mention = DatedMention {
                        span: at..at,
                        sentence: sentence.clone(),
                        phrase: String::new(),
                        date: Some(day.clone()),
                        anchor: None,
                        rule: "present perfect",
                    };
                    let Some(r) = article.read(par, &mention, p) else {
                        continue;
                    };
                    if !out.iter().any(|o| o.span == r.span) {
                        out.push(r);
                    }
                }
            }
            lo = hi;
        }
    }
    out
}

/// True when word `k` is "has" or "have" outside quotes, followed (past an
/// adverb and "been") by a past participle: "has left", "have been
/// reported", not "has been active" or "have a plan".
fn perfect_at(ws: &Words, par: &Para, k: usize) -> bool {
    if !matches!(ws.lower(k), "has" | "have") || !par.outside(par.toks[k].start) {
        return false;
    }
    let mut j = k + 1;
    while BETWEEN.contains(&ws.lower(j)) {
        j += 1;
    }
    if ws.lower(j) == "been" {
        j += 1;
    }
    let w = ws.get(j);
    w.starts_with(char::is_lowercase)
        && (w.len() >= 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(w))
}
