//! Headline events: a dense run of built events that share an actor (a
//! trip, a summit, a crisis week) is grouped under one event named from
//! them, as a curated corpus nests its sub-events.

use chrono::{Datelike, NaiveDate};

use super::super::Speaker;
use super::join::Built;
use crate::model::{EventKind, Precision};

/// Days between two events of one run at most.
const GAP_DAYS: i64 = 3;
/// Events a run needs to earn a headline.
const MIN_RUN: usize = 3;

/// A headline over some built events.
#[derive(Debug, Clone)]
pub struct Headline {
    pub title: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub kind: EventKind,
    pub actors: Vec<Speaker>,
    pub place: Option<String>,
    /// Indices into the built events.
    pub members: Vec<usize>,
}

fn key(s: &Speaker) -> String {
    match s {
        Speaker::Actor(a) => format!("#{a}"),
        Speaker::New(n) => n.split(", ").next().unwrap_or(n).to_lowercase(),
    }
}

/// The runs of day-dated story events (not background) whose dates are at
/// most `GAP_DAYS` apart and which share an actor with the run.
pub fn nest(built: &[Built], name: impl Fn(&Speaker) -> String) -> Vec<Headline> {
    let mut order: Vec<usize> = (0..built.len())
        .filter(|&i| {
            let b = &built[i];
            !b.background && b.date.precision() >= Precision::Day && !b.actors.is_empty()
        })
        .collect();
    order.sort_by_key(|&i| built[i].date.first_day());
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut keys: Vec<(String, usize)> = Vec::new();
    for i in order {
        let b = &built[i];
        let near = run.last().is_some_and(|&l| {
            (b.date.first_day() - built[l].date.last_day()).num_days() <= GAP_DAYS
        });
        let shares = b
            .actors
            .iter()
            .any(|a| keys.iter().any(|(k, _)| *k == key(a)));
        if !(near && shares) {
            close(&mut out, &run, &keys, built, &name);
            run.clear();
            keys.clear();
        }
        run.push(i);
        for a in &b.actors {
            match keys.iter_mut().find(|(k, _)| *k == key(a)) {
                Some((_, n)) => *n += 1,
                None => keys.push((key(a), 1)),
            }
        }
    }
    close(&mut out, &run, &keys, built, &name);
    out
}

fn close(
    out: &mut Vec<Headline>,
    run: &[usize],
    keys: &[(String, usize)],
    built: &[Built],
    name: &impl Fn(&Speaker) -> String,
) {
    if run.len() < MIN_RUN {
        return;
    }
    let first = built[run[0]].date.first_day();
    let last = run
        .iter()
        .map(|&i| built[i].date.last_day())
        .max()
        .unwrap_or(first);
    if first == last {
        return;
    }
    // The actors most of the run shares, most frequent first.
    let mut shared: Vec<&(String, usize)> =
        keys.iter().filter(|(_, n)| *n * 2 >= run.len()).collect();
    shared.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let actors: Vec<Speaker> = shared
        .iter()
        .take(2)
        .filter_map(|(k, _)| {
            run.iter()
                .flat_map(|&i| &built[i].actors)
                .find(|a| key(a) == *k)
                .cloned()
        })
        .collect();
    if actors.is_empty() {
        return;
    }
    let place = most_common(run.iter().filter_map(|&i| built[i].place.clone()));
    let travel = run
        .iter()
        .any(|&i| matches!(built[i].kind, EventKind::Travel | EventKind::Visit));
    let kind = if travel {
        EventKind::Visit
    } else {
        EventKind::Summit
    };
    let names: Vec<String> = actors.iter().map(name).collect();
    let month = format!(
        "{} {}",
        crate::model::date::MONTHS[first.month0() as usize],
        first.year()
    );
    let who = if names.len() > 1 && !travel {
        format!("{} and {}", names[0], names[1])
    } else {
        names[0].clone()
    };
    let title = match (&place, travel) {
        (Some(p), true) => format!("{who}’s {month} visit to {p}"),
        (Some(p), false) => format!("{who} in {p}, {month}"),
        (None, _) => format!("{who}, {month}"),
    };
    out.push(Headline {
        title,
        first,
        last,
        kind,
        actors,
        place,
        members: run.to_vec(),
    });
}

fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in items {
        match counts.iter_mut().find(|(c, _)| *c == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s)
}
