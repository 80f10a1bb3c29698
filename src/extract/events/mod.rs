//! Events built from articles nobody annotated: each dated clause that
//! says what happened is a report ("Putin landed in Pyongyang on
//! Wednesday"); reports of the same happening across articles become one
//! event with every report as a source; dense runs of events that share
//! actors are grouped under a headline event.

mod anaphora;
mod clause;
mod join;
mod nest;
mod noun;
mod perfect;
mod span;
mod title;
mod vocab;
mod who;

use std::ops::Range;

use chrono::NaiveDate;

use super::dates::DatedMention;
use super::refer::Resolver;
use super::{Para, Speaker};
use crate::model::{DateSpec, EventKind};

pub use join::{join, Built, Reported};
pub use nest::{nest, Headline};
pub use title::TITLE_CHARS;

/// One article's account of one happening.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Byte range of the clause in the article body.
    pub span: Range<usize>,
    pub date: DateSpec,
    /// A short title made from the clause.
    pub title: String,
    pub kind: EventKind,
    /// Who takes part, as the clause names them.
    pub actors: Vec<Speaker>,
    pub place: Option<String>,
    /// Content words of the clause, stemmed, for joining reports.
    pub words: title::Stems,
    /// The past mentioned as context, long before the article.
    pub background: bool,
    /// Dated by the sentence before ("The two men then signed ...").
    pub inherited: bool,
    /// The noun of a happening the report is, stemmed, when it is only
    /// that noun phrase ("the 1998 bombings" → "bombing").
    pub noun: Option<String>,
}

/// How many words into a sentence its subject's verb is looked for.
const SUBJECT_REACH: usize = 40;

/// Words that carry a date over from the sentence before.
const CONTINUING: &[&str] = &["then", "later", "afterwards", "afterward", "subsequently"];

/// One article as the passes over its reports read it.
#[derive(Clone, Copy)]
pub(super) struct Article<'a> {
    pub body: &'a str,
    pub paras: &'a [Para<'a>],
    pub dates: &'a [DatedMention],
    pub published: Option<NaiveDate>,
    pub resolver: &'a Resolver<'a>,
}

impl Article<'_> {
    /// The clause `mention` dates in paragraph `p` (`par`), read as a report.
    fn read(&self, par: &Para, mention: &DatedMention, p: usize) -> Option<Report> {
        clause::read(self.body, par, mention, self.published, self.resolver, p)
    }
}

/// The reports of one article, in text order: one per clause, the finer
/// date kept where two mentions date the same clause.
pub(super) fn reports(
    body: &str,
    paras: &[Para],
    dates: &[DatedMention],
    published: Option<NaiveDate>,
    resolver: &Resolver,
) -> Vec<Report> {
    let mut out: Vec<Report> = Vec::new();
    let mut nouns: Vec<Report> = Vec::new();
    // The mention that dates the last report.
    let mut last_m: Option<&DatedMention> = None;
    for m in dates {
        let p = paras.partition_point(|p| p.range.end <= m.span.start);
        let Some(par) = paras.get(p) else { continue };
        let Some(r) = clause::read(body, par, m, published, resolver, p) else {
            continue;
        };
        match (out.last_mut(), last_m) {
            (Some(last), Some(lm)) if last.span == r.span => {
                // Two dates in one clause: the one that modifies a noun of
                // a happening dates that noun ("sent a letter on Monday
                // following the election on November 3").
                let other = if r.date.precision() > last.date.precision() {
                    *last = r;
                    last_m.replace(m).unwrap_or(lm)
                } else {
                    m
                };
                nouns.extend(clause::read_noun(body, par, other, published, resolver, p));
            }
            _ => {
                out.push(r);
                last_m = Some(m);
            }
        }
    }
    out.append(&mut nouns);
    out.sort_by_key(|r| r.span.start);
    let inherited = continued(body, paras, &out, published, resolver);
    out.extend(inherited);
    out.sort_by_key(|r| r.span.start);
    let article = Article {
        body,
        paras,
        dates,
        published,
        resolver,
    };
    let again = anaphora::reports(article, &out);
    out.extend(again);
    let perfects = perfect::reports(article, &out);
    out.extend(perfects);
    out.sort_by_key(|r| r.span.start);
    out
}

/// Sentences with no date of their own that go on from a dated one in the
/// same paragraph: by a word ("On Wednesday ... The two men then signed
/// ...") or by the same subject ("Lam delivered ... Lam was interrupted").
fn continued(
    body: &str,
    paras: &[Para],
    reports: &[Report],
    published: Option<NaiveDate>,
    resolver: &Resolver,
) -> Vec<Report> {
    let mut out = Vec::new();
    for r in reports.iter().filter(|r| !r.background) {
        let p = paras.partition_point(|p| p.range.end <= r.span.start);
        let Some(par) = paras.get(p) else { continue };
        let here = par.sentence(r.span.start);
        if here.end >= par.range.end {
            continue;
        }
        let next = par.sentence(here.end);
        let text = &body[next.clone()];
        let goes_on = text
            .split(|c: char| !c.is_alphanumeric())
            .take(6)
            .any(|w| CONTINUING.iter().any(|c| w.eq_ignore_ascii_case(c)))
            || subject(body, par, here.clone(), resolver, p)
                .is_some_and(|a| subject(body, par, next.clone(), resolver, p) == Some(a));
        let dated = reports
            .iter()
            .any(|o| o.span.start >= next.start && o.span.start < next.end);
        if !goes_on || dated || !par.outside(next.start) {
            continue;
        }
        let mention = DatedMention {
            span: next.start..next.start,
            sentence: next.clone(),
            phrase: String::new(),
            date: Some(r.date.clone()),
            anchor: None,
            rule: "continued",
        };
        if let Some(mut c) = clause::read(body, par, &mention, published, resolver, p) {
            c.inherited = true;
            out.push(c);
        }
    }
    out
}

/// The subject of a sentence's first verb in the simple past, active or
/// passive ("Speaking in the Council, Lam was interrupted"): the name that
/// ends right before it.
fn subject(
    body: &str,
    par: &Para,
    sentence: Range<usize>,
    resolver: &Resolver,
    p: usize,
) -> Option<Speaker> {
    let ws = super::tokens::Words::of(body, par);
    let lo = par.toks.partition_point(|t| t.start < sentence.start);
    let hi = par.toks.partition_point(|t| t.end <= sentence.end);
    // A subject is near the start: an endless sentence is not read through.
    let verb = (lo + 1..hi.min(lo + SUBJECT_REACH)).find(|&k| {
        let w = ws.get(k);
        w.starts_with(char::is_lowercase)
            && (w.len() >= 4 && w.ends_with("ed") || super::tense::IRREGULAR_PAST.contains(w))
    })?;
    let before = if matches!(ws.lower(verb - 1), "was" | "were") {
        verb - 1
    } else {
        verb
    };
    let at = par.toks[before].start;
    let below = par.mentions.partition_point(|m| m.start < at);
    let named = par.mentions[..below]
        .iter()
        .rev()
        .take(3)
        .find(|m| m.end < at && body[m.end..at].trim().is_empty() && !m.in_quote)?;
    resolver.resolve(p, named).map(|(s, _)| s)
}
