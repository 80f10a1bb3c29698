//! Makes every article explorable, annotated or not: its reports of
//! happenings become built events, joined across articles and grouped under
//! headline events, and its attributed quotes extracted quotes. Curated
//! items are the source of truth: never touched, never duplicated; built
//! and extracted ones are marked `Origin::Extracted`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::events::{self, Built, Reported};
use super::{Extraction, Extractor, Speaker};
use crate::model::{Actor, ActorKind, Article, DateSpec, Event, Ix, Origin, Quote, Source};
use crate::text::sanitize::sanitize_line;

/// What `augment` added, with the confidence of each extracted quote's
/// speaker by quote id (the model's `Quote` has no room for it).
#[derive(Debug, Clone, Default)]
pub struct Augmented {
    pub quote_confidence: HashMap<String, f32>,
    pub events: usize,
    pub quotes: usize,
    pub actors: usize,
    /// Articles curated items cite that were not read for more, because
    /// their text is over `CURATED_TEXT_BUDGET`.
    pub unread_curated: usize,
    /// Articles whose extraction reached a cap of [`super::caps`], with
    /// what it left out.
    pub capped: Vec<(Ix, super::caps::Capped)>,
}

/// How much text of articles that curated items already cite is read for
/// more happenings and quotes. A large curated corpus gains little from it
/// and would take seconds longer to open: over this, only the articles no
/// curated item cites are read.
pub const CURATED_TEXT_BUDGET: usize = 16 << 20;

impl Augmented {
    /// How far to trust the speaker of an extracted quote; None if curated.
    pub fn confidence(&self, quote: &Quote) -> Option<f32> {
        self.quote_confidence.get(&quote.id).copied()
    }
}

/// Byte ranges the curated items cite, by article: in order, those that
/// overlap merged, so that `overlaps` is a binary search (an article may
/// hold thousands of curated quotes).
fn cited<'a>(
    spans: impl Iterator<Item = (Ix, &'a Range<usize>)>,
) -> HashMap<Ix, Vec<Range<usize>>> {
    let mut out: HashMap<Ix, Vec<Range<usize>>> = HashMap::new();
    for (a, r) in spans {
        out.entry(a).or_default().push(r.clone());
    }
    for list in out.values_mut() {
        list.sort_unstable_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(list.len());
        for r in list.drain(..) {
            match merged.last_mut() {
                Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        *list = merged;
    }
    out
}

/// True when `r` overlaps one of the ranges `cited` made.
fn overlaps(spans: Option<&Vec<Range<usize>>>, r: &Range<usize>) -> bool {
    spans.is_some_and(|s| {
        let k = s.partition_point(|c| c.end <= r.start);
        s.get(k).is_some_and(|c| c.start < r.end)
    })
}

/// Adds built events, extracted quotes and new people for every article.
/// Call it after the curated items are loaded.
pub fn augment(
    articles: &[Article],
    actors: &mut Vec<Actor>,
    events: &mut Vec<Event>,
    quotes: &mut Vec<Quote>,
) -> Augmented {
    augment_within(articles, actors, events, quotes, CURATED_TEXT_BUDGET)
}

/// `augment`, reading curated articles only when their text is within `budget` bytes.
fn augment_within(
    articles: &[Article],
    actors: &mut Vec<Actor>,
    events: &mut Vec<Event>,
    quotes: &mut Vec<Quote>,
    budget: usize,
) -> Augmented {
    let mut out = Augmented::default();
    if articles.is_empty() {
        return out;
    }
    let known = actors.len();
    let curated_events = cited(
        events
            .iter()
            .flat_map(|e| e.sources.iter().map(|s| (s.article, &s.span))),
    );
    let curated_quotes = cited(quotes.iter().map(|q| (q.article, &q.span)));
    let curated: HashSet<Ix> = curated_events
        .keys()
        .chain(curated_quotes.keys())
        .copied()
        .collect();
    let curated_text: usize = curated.iter().map(|&a| articles[a].body.len()).sum();
    let read_curated = curated_text <= budget;
    if !read_curated {
        out.unread_curated = curated.len();
    }
    let found: Vec<Extraction> = {
        let extractor = Extractor::new(&actors[..known]);
        let indexed: Vec<(Ix, &Article)> = articles.iter().enumerate().collect();
        in_parallel(&indexed, |&(a, article)| {
            if read_curated || !curated.contains(&a) {
                extractor.run(&article.body, article.published)
            } else {
                Extraction::default()
            }
        })
    };
    out.capped = found
        .iter()
        .enumerate()
        .filter(|(_, ex)| ex.capped.any())
        .map(|(a, ex)| (a, ex.capped))
        .collect();
    let mut ids: HashSet<String> = events.iter().map(|e| e.id.clone()).collect();
    ids.extend(quotes.iter().map(|q| q.id.clone()));
    ids.extend(actors.iter().map(|a| a.id.clone()));
    let mut people: HashMap<String, Ix> = HashMap::new();

    // Reports that no curated event already cites.
    let reported: Vec<Reported> = found
        .iter()
        .enumerate()
        .flat_map(|(a, ex)| {
            let curated = curated_events.get(&a);
            ex.reports
                .iter()
                .filter(move |r| !overlaps(curated, &r.span))
                .map(move |r| Reported {
                    article: a,
                    report: r.clone(),
                })
        })
        .collect();
    let names: Vec<String> = actors.iter().map(|a| a.name.clone()).collect();
    let name = |s: &Speaker| match s {
        Speaker::Actor(a) => names.get(*a).cloned().unwrap_or_default(),
        Speaker::New(n) => n.split(", ").next().unwrap_or(n).to_string(),
    };
    let built = events::join(reported, name);
    let headlines = events::nest(&built, name);
    let first_built = events.len();
    for b in &built {
        let id = unique(&mut ids, format!("x-{}-e{}", slug(&b.title), events.len()));
        let e = to_event(id, b, articles, actors, &mut ids, &mut people);
        events.push(e);
        out.events += 1;
    }
    for h in &headlines {
        // The members' own days, so always a span the model holds.
        let Some(date) = DateSpec::days(h.first, h.last) else {
            continue;
        };
        let id = unique(&mut ids, format!("x-{}", slug(&h.title)));
        let parent = events.len();
        let sources: Vec<Source> = h
            .members
            .iter()
            .flat_map(|&m| events[first_built + m].sources.iter().take(1).cloned())
            .collect();
        let actor_ix: Vec<Ix> = h
            .actors
            .iter()
            .map(|s| speaker_ix(s, actors, &mut ids, &mut people))
            .collect();
        events.push(Event {
            id,
            date,
            date_note: None,
            title: h.title.clone(),
            place: h.place.clone(),
            kind: h.kind,
            actors: actor_ix,
            parent: None,
            summary: format!("{} events from {} to {}.", h.members.len(), h.first, h.last),
            sources,
            origin: Origin::Extracted,
            background: false,
            built_from: Some(format!(
                "headline over {} built events within {} days of each other that share an actor",
                h.members.len(),
                (h.last - h.first).num_days()
            )),
        });
        for &m in &h.members {
            events[first_built + m].parent = Some(parent);
        }
        out.events += 1;
    }

    // Quotes no curated quote already covers, each with the nearest event
    // of its article: the one whose source is closest before it, else after.
    let first_headline = first_built + built.len();
    let mut by_article: HashMap<Ix, Vec<(usize, Ix)>> = HashMap::new();
    for (ix, e) in events.iter().enumerate().take(first_headline) {
        for s in &e.sources {
            by_article
                .entry(s.article)
                .or_default()
                .push((s.span.start, ix));
        }
    }
    for list in by_article.values_mut() {
        list.sort_unstable();
    }
    for (a, ex) in found.iter().enumerate() {
        for q in &ex.quotes {
            if overlaps(curated_quotes.get(&a), &q.span) {
                continue;
            }
            let speaker = match &q.speaker {
                Some(s) => speaker_ix(s, actors, &mut ids, &mut people),
                None => continue,
            };
            let id = unique(&mut ids, format!("x-{}-q{}", articles[a].id, quotes.len()));
            out.quote_confidence.insert(id.clone(), q.confidence);
            quotes.push(Quote {
                id,
                article: a,
                speaker,
                event: nearest(by_article.get(&a), q.span.start),
                text: q.text.clone(),
                span: q.span.clone(),
                origin: Origin::Extracted,
            });
            out.quotes += 1;
        }
    }
    out.actors = actors.len() - known;
    out
}

/// `f` over every article, on every core, results in article order.
fn in_parallel<A: Sync, T: Send>(articles: &[A], f: impl Fn(&A) -> T + Sync) -> Vec<T> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(cores).max(1);
    if articles.len() < 8 || cores == 1 {
        return articles.iter().map(&f).collect();
    }
    std::thread::scope(|scope| {
        let workers: Vec<_> = articles
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<T>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The event whose source starts closest before `at`, else the first after.
fn nearest(list: Option<&Vec<(usize, Ix)>>, at: usize) -> Option<Ix> {
    let list = list?;
    let k = list.partition_point(|(s, _)| *s <= at);
    k.checked_sub(1)
        .or((!list.is_empty()).then_some(0))
        .map(|k| list[k].1)
}

/// A lower-case id part from a title: "Putin lands" → "putin-lands".
fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .take(40)
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let mut out = String::new();
    for part in s.split('-').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    out
}

fn speaker_ix(
    s: &Speaker,
    actors: &mut Vec<Actor>,
    ids: &mut HashSet<String>,
    people: &mut HashMap<String, Ix>,
) -> Ix {
    match s {
        Speaker::Actor(a) => *a,
        Speaker::New(label) => person(label, actors, ids, people),
    }
}

/// The model's event for a built one: its sources cite the exact clauses.
fn to_event(
    id: String,
    b: &Built,
    articles: &[Article],
    actors: &mut Vec<Actor>,
    ids: &mut HashSet<String>,
    people: &mut HashMap<String, Ix>,
) -> Event {
    let sources: Vec<Source> = b
        .sources
        .iter()
        .map(|(a, span)| Source {
            article: *a,
            excerpt: articles[*a]
                .body
                .get(span.clone())
                .unwrap_or("")
                .to_string(),
            span: span.clone(),
        })
        .collect();
    let summary = sources
        .first()
        .map(|s| sanitize_line(&s.excerpt).into_owned())
        .unwrap_or_default();
    let mut actor_ix: Vec<Ix> = Vec::new();
    for s in &b.actors {
        let ix = speaker_ix(s, actors, ids, people);
        if !actor_ix.contains(&ix) {
            actor_ix.push(ix);
        }
    }
    Event {
        id,
        date: b.date.clone(),
        date_note: b.disagreement.clone(),
        title: sanitize_line(&b.title).into_owned(),
        place: b.place.as_deref().map(|p| sanitize_line(p).into_owned()),
        kind: b.kind,
        actors: actor_ix,
        parent: None,
        summary,
        sources,
        origin: Origin::Extracted,
        background: b.background,
        built_from: Some(b.built_from.clone()),
    }
}

/// The actor for someone no actor list names: one per name, across articles.
fn person(
    label: &str,
    actors: &mut Vec<Actor>,
    ids: &mut HashSet<String>,
    new_people: &mut HashMap<String, Ix>,
) -> Ix {
    let label = sanitize_line(label);
    let (name, role) = match label.split_once(", ") {
        Some((name, role)) => (name.to_string(), Some(role.to_string())),
        None => (label.to_string(), None),
    };
    if let Some(&ix) = new_people.get(&name) {
        return ix;
    }
    let id = unique(ids, format!("x-{}", slug(&name)));
    actors.push(Actor {
        id,
        name: name.clone(),
        aliases: vec![name.clone()],
        role,
        country: None,
        kind: ActorKind::Person,
    });
    new_people.insert(name, actors.len() - 1);
    actors.len() - 1
}

/// `want`, or `want-2`, `want-3` ... if taken; records the result.
fn unique(ids: &mut HashSet<String>, want: String) -> String {
    let mut id = want.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{want}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

#[cfg(test)]
#[path = "augment_tests.rs"]
mod tests;
