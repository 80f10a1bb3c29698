//! Reports of the same happening become one event: same date at the
//! precision known (or a day apart, which the event then says), and shared
//! actors or words of what happened. Every join is explained.

use std::ops::Range;

use super::super::Speaker;
use super::title::Stems;
use super::Report;
use crate::model::{DateSpec, EventKind, Ix, Precision};

/// A report and the article it is in.
#[derive(Debug, Clone)]
pub struct Reported {
    pub article: Ix,
    pub report: Report,
}

/// An event built from one or more reports.
#[derive(Debug, Clone)]
pub struct Built {
    pub date: DateSpec,
    pub title: String,
    pub kind: EventKind,
    pub actors: Vec<Speaker>,
    pub place: Option<String>,
    /// Each report: its article and the clause's span.
    pub sources: Vec<(Ix, Range<usize>)>,
    pub background: bool,
    /// Why the reports were joined: the date, actors and words they share.
    pub built_from: String,
    /// Where the reports disagree, said in words.
    pub disagreement: Option<String>,
}

/// A name's key for comparing across articles: its last word, lower-cased,
/// so that "Putin", "Vladimir Putin" and "President Putin" agree.
fn key(s: &Speaker) -> String {
    match s {
        Speaker::Actor(a) => format!("#{a}"),
        Speaker::New(name) => {
            let name = name.split(", ").next().unwrap_or(name);
            name.rsplit(' ').next().unwrap_or(name).to_lowercase()
        }
    }
}

/// How much two reports share; the shared words are only counted, and
/// named once the reports are joined.
struct Shared {
    actors: Vec<String>,
    words: usize,
    place: bool,
    kind: bool,
    /// One names a happening by a noun the other's words hold.
    noun: bool,
}

fn shared(a: &Cluster, r: &Report, name: &impl Fn(&Speaker) -> String) -> Shared {
    Shared {
        actors: r
            .actors
            .iter()
            .filter(|s| a.actor_keys.contains(&key(s)))
            .map(name)
            .collect(),
        words: a.words.shared_count(&r.words),
        place: a.place.is_some() && a.place == r.place,
        kind: a.kind != EventKind::Other && a.kind == r.kind,
        noun: r.noun.as_ref().is_some_and(|n| a.words.contains(n))
            || a.nouns.iter().any(|n| r.words.contains(n)),
    }
}

impl Shared {
    /// The same happening: words of what happened in common, and an actor
    /// or more words or the same place and kind; or the noun that names it
    /// ("the 1998 bombings", "charged over the 1998 bombings").
    fn same(&self) -> bool {
        let w = self.words;
        (w >= 1 && (!self.actors.is_empty() || w >= 2 || self.place))
            || (!self.actors.is_empty() && self.place && self.kind)
            || self.noun
    }

    /// So alike that a date a day apart is a disagreement, not another day.
    fn clearly_same(&self) -> bool {
        self.words >= 3 && !self.actors.is_empty()
    }
}

/// Why a report joined a cluster: the actors and words they share, and
/// whether the place did.
struct Join {
    actors: Vec<String>,
    words: Vec<String>,
    place: bool,
}

struct Cluster {
    reports: Vec<Reported>,
    /// The finest date of its reports: a month's report takes in a day of
    /// that month, but then another day is another happening.
    date: DateSpec,
    actor_keys: Vec<String>,
    words: Stems,
    place: Option<String>,
    kind: EventKind,
    /// The nouns of happenings its reports are.
    nouns: Vec<String>,
    joins: Vec<Join>,
}

impl Cluster {
    fn new(r: Reported) -> Cluster {
        Cluster {
            date: r.report.date.clone(),
            actor_keys: r.report.actors.iter().map(key).collect(),
            words: r.report.words.clone(),
            place: r.report.place.clone(),
            kind: r.report.kind,
            nouns: r.report.noun.iter().cloned().collect(),
            reports: vec![r],
            joins: Vec::new(),
        }
    }

    fn date(&self) -> &DateSpec {
        &self.date
    }

    fn add(&mut self, r: Reported, why: Shared) {
        self.joins.push(Join {
            actors: why.actors,
            words: self.words.shared(&r.report.words),
            place: why.place,
        });
        for k in r.report.actors.iter().map(key) {
            if !self.actor_keys.contains(&k) {
                self.actor_keys.push(k);
            }
        }
        self.words.extend(&r.report.words);
        if self.place.is_none() {
            self.place = r.report.place.clone();
        }
        if self.kind == EventKind::Other {
            self.kind = r.report.kind;
        }
        if let Some(n) = r.report.noun.as_ref().filter(|n| !self.nouns.contains(n)) {
            self.nouns.push(n.clone());
        }
        if r.report.date.precision() > self.date.precision() {
            self.date = r.report.date.clone();
        }
        self.reports.push(r);
    }
}

/// True when the two dates name the same time at the precision both know:
/// equal, or one within the other.
fn same_time(a: &DateSpec, b: &DateSpec) -> bool {
    let inside =
        |x: &DateSpec, y: &DateSpec| x.first_day() >= y.first_day() && x.last_day() <= y.last_day();
    inside(a, b) || inside(b, a)
}

fn day_apart(a: &DateSpec, b: &DateSpec) -> bool {
    a.precision() >= Precision::Day
        && b.precision() >= Precision::Day
        && a.end().is_none()
        && b.end().is_none()
        && (a.first_day() - b.first_day()).num_days().abs() == 1
}

/// Joins reports into events, in date order.
pub fn join(mut reports: Vec<Reported>, name: impl Fn(&Speaker) -> String) -> Vec<Built> {
    reports.sort_by_key(|r| r.report.date.sort_key());
    let mut clusters: Vec<Cluster> = Vec::new();
    for r in reports {
        // Only the clusters of nearby dates can hold this report.
        let lo = r.report.date.first_day() - chrono::Days::new(1);
        let found = clusters
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, c)| c.date().last_day() >= lo || c.date().precision() < Precision::Day)
            .take(200)
            .find_map(|(i, c)| {
                // The dates first: they rule out most clusters for nothing.
                let same = same_time(c.date(), &r.report.date);
                if !same && !day_apart(c.date(), &r.report.date) {
                    return None;
                }
                let why = shared(c, &r.report, &name);
                // One article gives one happening one date: a day apart
                // in the same article is another day.
                let other = c.reports.iter().all(|x| x.article != r.article);
                let when = same || other && why.clearly_same();
                (when && why.same()).then_some((i, why))
            });
        match found {
            Some((i, why)) => clusters[i].add(r, why),
            None => clusters.push(Cluster::new(r)),
        }
    }
    clusters.into_iter().map(built).collect()
}

fn built(c: Cluster) -> Built {
    // The finest date the reports give, the most reports agreeing.
    let mut dates: Vec<(DateSpec, usize)> = Vec::new();
    for r in &c.reports {
        match dates.iter_mut().find(|(d, _)| *d == r.report.date) {
            Some((_, n)) => *n += 1,
            None => dates.push((r.report.date.clone(), 1)),
        }
    }
    dates.sort_by_key(|(d, n)| (std::cmp::Reverse(d.precision()), std::cmp::Reverse(*n)));
    let date = dates[0].0.clone();
    let day_dates: Vec<&(DateSpec, usize)> = dates
        .iter()
        .filter(|(d, _)| d.precision() == date.precision())
        .collect();
    let disagreement = (day_dates.len() > 1).then(|| {
        let shown: Vec<String> = day_dates
            .iter()
            .map(|(d, n)| format!("{} ({n})", d.to_edtf()))
            .collect();
        format!("reports disagree on the date: {}", shown.join(", "))
    });
    let lead = c
        .reports
        .iter()
        .max_by_key(|r| {
            (
                r.report.actors.len().min(3),
                !r.report.inherited,
                std::cmp::Reverse(r.report.title.len()),
            )
        })
        .unwrap_or(&c.reports[0]);
    let mut actors: Vec<Speaker> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for r in std::iter::once(lead).chain(&c.reports) {
        for a in &r.report.actors {
            let k = key(a);
            if !keys.contains(&k) {
                keys.push(k);
                actors.push(a.clone());
            }
        }
    }
    let articles = {
        let mut a: Vec<Ix> = c.reports.iter().map(|r| r.article).collect();
        a.dedup();
        a.len()
    };
    let built_from = explain(&c, &date, articles);
    Built {
        title: lead.report.title.clone(),
        kind: c.kind,
        place: c.place.clone(),
        background: c.reports.iter().all(|r| r.report.background),
        sources: c
            .reports
            .iter()
            .map(|r| (r.article, r.report.span.clone()))
            .collect(),
        actors,
        date,
        built_from,
        disagreement,
    }
}

fn explain(c: &Cluster, date: &DateSpec, articles: usize) -> String {
    if c.reports.len() == 1 {
        return format!("one report, dated {}", date.to_edtf());
    }
    let mut actors: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    for j in &c.joins {
        actors.extend(
            j.actors
                .iter()
                .filter(|a| !actors.contains(a))
                .cloned()
                .collect::<Vec<_>>(),
        );
        words.extend(
            j.words
                .iter()
                .filter(|w| !words.contains(w))
                .cloned()
                .collect::<Vec<_>>(),
        );
    }
    let mut why = format!(
        "{} reports in {articles} article{}, joined on {}",
        c.reports.len(),
        if articles == 1 { "" } else { "s" },
        date.to_edtf()
    );
    if !actors.is_empty() {
        why.push_str(&format!("; shared actors: {}", actors.join(", ")));
    }
    if !words.is_empty() {
        why.push_str(&format!("; shared words: {}", words.join(", ")));
    }
    if c.joins.iter().any(|j| j.place) {
        if let Some(p) = &c.place {
            why.push_str(&format!("; place: {p}"));
        }
    }
    why
}
