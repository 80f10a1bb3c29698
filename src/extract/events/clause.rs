//! From a dated mention to what happened: the clause that holds the date,
//! its verb (which gives the kind, and says whether this is a happening at
//! all), its participants and place, and a short title made from it.

use chrono::NaiveDate;

use super::super::dates::DatedMention;
use super::super::refer::Resolver;
use super::super::tense::{self, Tense, IRREGULAR_PAST};
use super::super::tokens::Words;
use super::super::{Para, Speaker};
use super::noun;
use super::span::{clause, main_verb, near, subordinate};
use super::title::{content_words, stem, title};
use super::vocab::{kind_of, ATTRIBUTION, BOUNDING, EVENT_NOUNS, FIRST_PERSON, UNREAL};
use super::who::{named_next, participants, place, relative_antecedent, subject_phrase};
use super::Report;
use crate::model::{DateSpec, EventKind};

/// How long before its article a happening is context, not news.
const BACKGROUND_DAYS: i64 = 365;

/// What a dated mention is read against: its date, the paragraph's words,
/// the date's first word, and whether it is long before the article.
struct Dated<'a> {
    date: DateSpec,
    ws: Words<'a>,
    at: usize,
    background: bool,
    /// Led by "since" or "from": only a verb in the simple past is dated.
    beginning: bool,
}

/// The date of a mention that may date a happening; None for a dateline,
/// a date after the article, or a bound of a stretch of time.
fn dated<'a>(
    body: &'a str,
    par: &'a Para,
    m: &DatedMention,
    published: Option<NaiveDate>,
) -> Option<Dated<'a>> {
    let date = super::super::clock::timed(body, par, m).or_else(|| m.date.clone())?;
    // What is dated after its article is a plan or a prediction: no
    // happening, whatever the clause says (the cheapest test first).
    let ahead = published.is_some_and(|p| date.first_day() > p);
    if ahead || is_dateline(body, par, m) {
        return None;
    }
    let ws = Words::of(body, par);
    let at = par.toks.partition_point(|t| t.start < m.span.start);
    if at >= par.toks.len() {
        return None;
    }
    // "since June", "until Friday", "from 2008", "as of today" bound a
    // stretch of time or a state; they date no happening of their own.
    let led = |k: usize| at.checked_sub(k).map(|j| ws.lower(j));
    // "from 2008 to 2016": the end of a stretch bounds it too.
    let to_end = led(1) == Some("to") && (2..=4).any(|k| led(k) == Some("from"));
    let bounding = led(1).is_some_and(|w| BOUNDING.contains(w))
        || led(1).is_some_and(|w| w == "of") && led(2).is_some_and(|w| w == "as")
        || to_end;
    // But "since" or "from" with no end after it, before a verb in the
    // simple past, dates a beginning: "From Friday, authorities declared
    // similar measures"; "has conducted 10 missions since 7 Feb." is a state.
    let after = par.toks.partition_point(|t| t.start < m.span.end);
    let ended = matches!(ws.lower(after), "to" | "until" | "till" | "through");
    let beginning = bounding && led(1).is_some_and(|w| matches!(w, "since" | "from")) && !ended;
    if bounding && !beginning && !m.phrase.is_empty() {
        return None;
    }
    let background = published.is_some_and(|p| (p - date.last_day()).num_days() > BACKGROUND_DAYS);
    Some(Dated {
        date,
        ws,
        at,
        background,
        beginning,
    })
}

/// True when the verb at `verb` is a simple past: a past form with no
/// auxiliary before it ("increased", not "has increased" or "was held").
fn simple_past(ws: &Words, par: &Para, verb: usize, at: usize) -> bool {
    let w = ws.get(verb);
    let past = w.len() >= 4 && w.ends_with("ed") || IRREGULAR_PAST.contains(w);
    let aux = (verb.saturating_sub(2)..verb).any(|k| {
        matches!(
            ws.lower(k),
            "has" | "have" | "had" | "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
    });
    past && !aux && tense::around(par, ws, at) == Tense::Past
}

/// The report a dated mention makes, or None when it dates no happening:
/// a dateline, an attribution, a plan, a prediction, or a date in a quote.
/// Where the clause's verb does not take the date, a noun of a happening
/// the date modifies may ("said he is not worried ... after last week's
/// election").
pub fn read(
    body: &str,
    par: &Para,
    m: &DatedMention,
    published: Option<NaiveDate>,
    resolver: &Resolver,
    p: usize,
) -> Option<Report> {
    let d = dated(body, par, m, published)?;
    by_verb(body, par, m, &d, resolver, p).or_else(|| by_noun(body, par, m, d, resolver, p))
}

/// Only the noun a date modifies, for a second date in a clause another
/// date already dates: "sent a letter on Monday following the election on
/// November 3".
pub fn read_noun(
    body: &str,
    par: &Para,
    m: &DatedMention,
    published: Option<NaiveDate>,
    resolver: &Resolver,
    p: usize,
) -> Option<Report> {
    let d = dated(body, par, m, published)?;
    by_noun(body, par, m, d, resolver, p)
}

/// The noun phrase of a happening the date modifies, as a report.
fn by_noun(
    body: &str,
    par: &Para,
    m: &DatedMention,
    d: Dated,
    resolver: &Resolver,
    p: usize,
) -> Option<Report> {
    if d.beginning {
        return None;
    }
    let (span, head) = noun::attached(body, &d.ws, par, d.at, m.span.end)?;
    let lo = par.toks.partition_point(|t| t.start < span.start);
    let hi = par.toks.partition_point(|t| t.start < span.end);
    let noun = stem(d.ws.lower(head)).to_string();
    // "the election on November 3, which news outlets have projected Biden
    // won against Trump": the relative clause says who took part.
    let mut actors = participants(par, span.clone(), resolver, p, false);
    let tail = &body[span.end..par.sentence(span.start).end];
    if tail.starts_with(", which ") || tail.starts_with(", in which ") {
        let relative = span.end..span.end + tail.len();
        for s in participants(par, relative, resolver, p, false) {
            if !actors.contains(&s) {
                actors.push(s);
            }
        }
    }
    let mut words = content_words(body, &span, &m.span);
    words.push(&noun);
    Some(Report {
        title: title(body, span.clone(), m.span.clone(), None)
            .unwrap_or_else(|| noun::title(&body[span.clone()])),
        date: d.date,
        kind: EventKind::Other,
        actors,
        place: place(body, &d.ws, lo, hi),
        words,
        background: d.background,
        inherited: false,
        noun: Some(noun),
        span,
    })
}

/// The clause around the date, read by its verb.
fn by_verb(
    body: &str,
    par: &Para,
    m: &DatedMention,
    d: &Dated,
    resolver: &Resolver,
    p: usize,
) -> Option<Report> {
    let (ws, at, background) = (&d.ws, d.at, d.background);
    let (starts, ends) = clause(body, par, ws, at, m);
    // A piece with no verb is not yet a clause: the break was a list's
    // comma ("black clothes, face masks, and helmets gathered", "talked
    // with Pettit and Acaba, and Kuipers during a call Friday") or a
    // clock's colon ("at 10:30 BST, the court issued"); read on to the
    // next break, then back to the one before.
    let nearest = (starts[0], ends.clone().next()?);
    // Back only over a list's ", and": a clause's own opener stays one.
    let list = |lo: &&usize| **lo == starts[0] || ws.get(starts[0]) == "and";
    // A relative clause set off by commas ends at its closing comma: "the
    // SARS outbreak, which took place in 2003, mainly involved ...".
    let closing = |lo: usize| {
        let toks = par.toks;
        matches!(ws.get(lo), "which" | "who")
            .then(|| {
                let last = ends.clone().last().unwrap_or(at + 1);
                (at + 1..last).find(|&k| body[toks[k - 1].end..toks[k].start].contains(','))
            })
            .flatten()
    };
    let found = starts.iter().take(2).take_while(list).find_map(|&lo| {
        closing(lo)
            .into_iter()
            .chain(ends.clone())
            .find_map(|hi| main_verb(ws, par, lo, hi, at).map(|v| (lo, v, hi)))
    });
    // The past mentioned as context may be a bare name ("the 2009 H1N1
    // outbreak"): it needs no verb.
    let (lo, verb, hi) = match found {
        Some(found) => subordinate(ws, par, found, at),
        None if background || happening_noun(ws, par, m, at) => (nearest.0, at, nearest.1),
        None => return None,
    };
    if d.beginning && !simple_past(ws, par, verb, at) {
        return None;
    }
    let verb_word = ws.lower(verb);
    // "told TASS on Monday", "said on Monday": the date dates the saying.
    let said_then = (at.saturating_sub(3).max(lo)..at).any(|k| ATTRIBUTION.contains(ws.get(k)));
    if said_then || ATTRIBUTION.contains(verb_word) && near(verb, at, m, par.toks) {
        return None;
    }
    // Plans, predictions and what did not happen are not happenings: a
    // verb that says so, or such a word among its auxiliaries.
    // A capital inside the sentence is a name ("after Theresa May
    // stepped down"), not the modal.
    let modal = |k: usize| {
        let w = ws.get(k);
        UNREAL.contains(ws.lower(k))
            && (!w.starts_with(char::is_uppercase)
                || par.sentence(par.toks[k].start).start == par.toks[k].start)
    };
    let unreal = (verb.saturating_sub(4).max(lo)..=verb).any(modal)
        && !ws.lower(verb + 1).starts_with("have");
    if unreal || tense::around(par, ws, at) == Tense::Future {
        return None;
    }
    // In a quotation, a happening is told of others ("Those teams arrived
    // Feb. 8"); what speakers say of themselves is mostly how they see it.
    let quoted = !par.outside(m.span.start);
    if quoted && (lo..hi).any(|k| FIRST_PERSON.contains(ws.lower(k))) {
        return None;
    }
    let span = par.toks[lo].start..par.toks[hi - 1].end;
    let mut actors = participants(par, span.clone(), resolver, p, quoted);
    // "Trump, who appointed Murphy in 2017": the relative pronoun's
    // antecedent is who the clause is about.
    let first = ws.get(lo);
    if matches!(first, "who" | "which") {
        let named = relative_antecedent(par, span.start, resolver, p);
        if let Some(s) = named.filter(|s| !actors.contains(s)) {
            actors.insert(0, s);
        }
    }
    // A clause that names no one ("was sentenced to life on Thursday") is
    // about the person the text is about: the last sentence's subject.
    // "Members of the House of Commons protested": a subject in capitals
    // that no mention covers still takes part.
    if let Some(named) = subject_phrase(body, ws, par, lo, verb) {
        actors.insert(0, Speaker::New(named.to_string()));
    }
    if actors.is_empty() {
        actors.extend(resolver.antecedent(p, span.start));
    }
    // A lead that names no one ("The first Guantanamo detainee to be tried
    // ... was sentenced Tuesday") is about whom the next sentence names: a
    // news lead holds back the name.
    if actors.is_empty() && p == 0 && par.sentence(span.start).start == par.range.start {
        actors.extend(named_next(par, span.start, resolver));
    }
    // "Ghailani was captured in 2004 and transferred two years later": the
    // second verb shares the sentence's subject.
    if ws.get(lo) == "and" {
        let sentence = par.sentence(span.start);
        let before = participants(par, sentence.start..span.start, resolver, p, quoted);
        if let Some(subject) = before.into_iter().next().filter(|s| !actors.contains(s)) {
            actors.insert(0, subject);
        }
    }
    // A clause that opens with "who" or "he" is titled with the name it
    // stands for: "Trump, who appointed Murphy" → "Trump appointed Murphy".
    let subject = match first {
        "who" => par
            .mentions
            .iter()
            .rev()
            .find(|n| n.end <= par.toks[lo].start && !n.in_quote)
            .and_then(|n| resolver.resolve(p, n))
            .map(|(s, _)| s),
        "He" | "he" | "She" | "she" | "and" => actors.first().cloned(),
        "which" => None,
        "Which" => return None,
        _ => None,
    };
    // "who" and "he" give way to the name; after "and" it is put first.
    let replaces = first != "and";
    let subject = subject.map(|s| match s {
        Speaker::Actor(a) => resolver
            .actors
            .get(a)
            .map_or(String::new(), |a| a.name.clone()),
        Speaker::New(n) => n.split(", ").next().unwrap_or(&n).to_string(),
    });
    // "the SARS outbreak, which took place in 2003": "which" stands for
    // the noun phrase right before its comma.
    let antecedent = match first {
        "which" => Some(antecedent(body, ws, lo)?),
        _ => None,
    };
    let subject = match antecedent {
        Some(a) => Some((a, true)),
        None => subject.as_deref().map(|n| (n, replaces)),
    };
    let title = title(body, span.clone(), m.span.clone(), subject)?;
    let kind = kind_of(verb_word).unwrap_or(EventKind::Other);
    Some(Report {
        span: span.clone(),
        date: d.date.clone(),
        title,
        kind,
        actors,
        place: place(body, ws, lo, hi),
        words: content_words(body, &span, &m.span),
        background,
        inherited: false,
        noun: None,
    })
}

/// The noun phrase that ends right before ", which" at word `lo`: back to
/// its article, at most five words, or None when there is none to name
/// ("said, which" is not a thing).
fn antecedent<'a>(body: &'a str, ws: &Words, lo: usize) -> Option<&'a str> {
    let toks = ws.toks;
    if lo == 0 || &body[toks[lo - 1].end..toks[lo].start] != ", " {
        return None;
    }
    let end = toks[lo - 1].end;
    let mut k = lo - 1;
    for _ in 0..5 {
        if k == 0 || &body[toks[k - 1].end..toks[k].start] != " " {
            break;
        }
        let w = ws.lower(k - 1);
        if matches!(w, "the" | "a" | "an") || w.ends_with("'s") || w.ends_with("’s") {
            k -= 1;
            break;
        }
        if !ws.get(k - 1).starts_with(char::is_uppercase)
            && !ws.get(k).starts_with(char::is_uppercase)
        {
            return None;
        }
        k -= 1;
    }
    let head = ws.get(lo - 1);
    let past = head.ends_with("ed") || IRREGULAR_PAST.contains(head);
    (!past && head.chars().all(char::is_alphanumeric)).then(|| &body[toks[k].start..end])
}

/// "VLADIVOSTOK, April 24": a place in capitals and a date open the story.
fn is_dateline(body: &str, par: &Para, m: &DatedMention) -> bool {
    let head = &body[par.range.start..m.span.start];
    let mut words = head
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .peekable();
    // A place must stand before the date: "Today, the court ruled" is news.
    head.len() < 60
        && par.range.start == 0
        && words.peek().is_some()
        && words.all(|w| w.chars().all(char::is_uppercase))
}

/// A noun of a happening right beside the date phrase, outside quotes:
/// "last week's national election", "the election on November 3".
fn happening_noun(ws: &Words, par: &Para, m: &DatedMention, at: usize) -> bool {
    let end = par.toks.partition_point(|t| t.start < m.span.end);
    let before = at.saturating_sub(3)..at;
    before.chain(end..end + 3).any(|k| {
        k < par.toks.len() && EVENT_NOUNS.contains(ws.lower(k)) && par.outside(par.toks[k].start)
    })
}
