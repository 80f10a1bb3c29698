//! The prose of one synthetic article: who is named how, dates in words,
//! event sentences, quotations and filler, written by a seeded `Writer`.

use chrono::{Datelike, Days, NaiveDate};

use super::names::GenActor;
use super::rng::Rng;
use super::words::*;
use crate::model::date::MONTHS;
use crate::model::EventKind;

pub(super) struct Writer<'a> {
    pub(super) rng: &'a mut Rng,
    pub(super) actors: &'a [GenActor],
    /// Actor indices appearing in this article.
    pub(super) cast: Vec<usize>,
    /// Cast members already named once (later mentions use a short form).
    pub(super) mentioned: Vec<usize>,
    pub(super) published: NaiveDate,
    pub(super) outlet: &'static str,
}

impl Writer<'_> {
    /// A cast member (index into `cast`).
    pub(super) fn someone(&mut self) -> usize {
        self.rng.below(self.cast.len())
    }

    /// Another cast member than `a`, when there is one.
    pub(super) fn other_than(&mut self, a: usize) -> usize {
        let n = self.cast.len();
        if n < 2 {
            return a;
        }
        (a + 1 + self.rng.below(n - 1)) % n
    }

    /// The name at first mention, a shorter alias afterwards.
    pub(super) fn mention(&mut self, member: usize) -> String {
        let actor = &self.actors[self.cast[member]];
        if self.mentioned.contains(&member) {
            actor.short().to_owned()
        } else {
            self.mentioned.push(member);
            actor.name.clone()
        }
    }

    /// A date before publication, as a phrase and in EDTF.
    pub(super) fn date(&mut self) -> (String, String) {
        let on = self.published - Days::new(self.rng.range(1, 40) as u64);
        match self.rng.below(20) {
            0 => {
                let year = on.year() - self.rng.range(1, 8) as i32;
                (format!("in {year}"), format!("{year:04}"))
            }
            1..=3 => (
                format!("in {} {}", MONTHS[on.month0() as usize], on.year()),
                format!("{:04}-{:02}", on.year(), on.month()),
            ),
            _ => (day_phrase(on), on.to_string()),
        }
    }

    /// The sentence an event is cited by, the event's title, and whether
    /// the second actor takes part.
    pub(super) fn event_text(
        &mut self,
        kind: EventKind,
        a: usize,
        b: usize,
        place: &str,
        when: &str,
    ) -> (String, String, bool) {
        let topic = *self.rng.pick(&TOPICS);
        let (name_a, name_b) = (
            self.actors[self.cast[a]].name.clone(),
            self.actors[self.cast[b]].name.clone(),
        );
        let pair = matches!(
            kind,
            EventKind::Summit
                | EventKind::Talks
                | EventKind::Meeting
                | EventKind::Agreement
                | EventKind::Gift
        );
        let ma = self.mention(a);
        let mb = if pair { self.mention(b) } else { String::new() };
        let (sentence, title) = match kind {
            EventKind::Summit => (
                format!("{ma} and {mb} held a summit in {place} {when}, their first in years."),
                format!("{name_a} and {name_b} hold a summit in {place}"),
            ),
            EventKind::Visit => (
                format!("{ma} arrived in {place} {when} for an official visit."),
                format!("{name_a} visits {place}"),
            ),
            EventKind::Travel => (
                format!("{ma} travelled by armoured train to {place}, arriving {when}."),
                format!("{name_a} travels to {place}"),
            ),
            EventKind::Talks => (
                format!(
                    "Delegations led by {ma} and {mb} opened talks on {topic} in {place} {when}."
                ),
                format!("Talks on {topic} open in {place}"),
            ),
            EventKind::Meeting => (
                format!("{ma} met {mb} in {place} {when} to discuss {topic}."),
                format!("{name_a} meets {name_b} in {place}"),
            ),
            EventKind::Statement => (
                format!("In a statement issued {when}, {ma} called for progress on {topic}."),
                format!("{name_a} issues a statement on {topic}"),
            ),
            EventKind::Agreement => (
                format!("{ma} and {mb} signed an agreement on {topic} in {place} {when}."),
                format!("{name_a} and {name_b} sign an agreement on {topic}"),
            ),
            EventKind::Launch => (
                format!(
                    "A rocket carrying a satellite was launched from {place} {when}, {ma} said."
                ),
                format!("Satellite launched from {place}"),
            ),
            EventKind::Report => (
                format!("A report presented by {ma} {when} said {topic} had doubled."),
                format!("{name_a} presents a report on {topic}"),
            ),
            EventKind::Gift => {
                let gift = *self.rng.pick(&GIFTS);
                (
                    format!("{ma} presented {mb} with {gift} in {place} {when}."),
                    format!("{name_a} gives {name_b} {gift}"),
                )
            }
            EventKind::Ceremony => {
                let occasion = *self.rng.pick(&OCCASIONS);
                (
                    format!("{ma} attended a ceremony in {place} {when} marking {occasion}."),
                    format!("Ceremony in {place} marks {occasion}"),
                )
            }
            EventKind::Military => (
                format!("Troops under the command of {ma} held exercises near {place} {when}."),
                format!("Military exercises near {place}"),
            ),
            EventKind::Other => {
                let facility = *self.rng.pick(&FACILITIES);
                (
                    format!("{ma} toured {facility} near {place} {when}."),
                    format!("{name_a} tours {facility} near {place}"),
                )
            }
        };
        (sentence, title, pair)
    }

    /// A quoted sentence with its attribution, and the words between the marks.
    pub(super) fn quote(&mut self, member: usize) -> (String, String) {
        let who = self.mention(member);
        let country = self.actors[self.cast[member]].country;
        let native = self.rng.chance(15);
        let coda = |rng: &mut Rng| *rng.pick(&RUSSIAN_CODAS);
        if native && country == "Russia" {
            let text = format!("{} {}", self.rng.pick(&RUSSIAN_QUOTES), coda(self.rng));
            return (format!("{who} said: «{text}»."), text);
        }
        if native && country.ends_with("Korea") {
            let text = format!("{}.", self.rng.pick(&KOREAN_QUOTES));
            return (format!("“{text}” {who} said."), text);
        }
        if native && country == "China" {
            let text = format!("{}。", self.rng.pick(&CHINESE_QUOTES));
            return (format!("{who} said: “{text}”"), text);
        }
        let words = format!(
            "{} {} {}{}",
            self.rng.pick(&SUBJECTS),
            self.rng.pick(&VERBS),
            self.rng.pick(&TOPICS),
            self.rng.pick(&CODAS)
        );
        match self.rng.below(4) {
            0 => {
                let text = format!("{words},");
                (format!("“{text}” {who} said."), text)
            }
            1 => {
                let text = format!("{words}.");
                (format!("{who} told {}: \"{text}\"", self.outlet), text)
            }
            2 => {
                let text = format!("{words},");
                (format!("“{text}” said {who}, speaking to reporters."), text)
            }
            _ => {
                let text = format!(
                    "{words}. {} {} {}.",
                    self.rng.pick(&SUBJECTS),
                    self.rng.pick(&VERBS),
                    self.rng.pick(&TOPICS)
                );
                (format!("{who} said: ‘{text}’"), text)
            }
        }
    }

    pub(super) fn filler(&mut self) -> String {
        let template = *self.rng.pick(&FILLER);
        let month = MONTHS[self.rng.below(12)];
        let (topic, place) = (*self.rng.pick(&TOPICS), *self.rng.pick(&PLACES));
        template
            .replace("{topic}", topic)
            .replace("{place}", place)
            .replace("{outlet}", self.outlet)
            .replace("{n}", &self.rng.range(2, 300).to_string())
            .replace("{month}", month)
    }
}

pub(super) fn day_phrase(on: NaiveDate) -> String {
    format!(
        "on {} {} {}",
        on.day(),
        MONTHS[on.month0() as usize],
        on.year()
    )
}

pub(super) fn span_phrase(from: NaiveDate, to: NaiveDate) -> String {
    if from.month() == to.month() {
        format!(
            "from {} to {} {} {}",
            from.day(),
            to.day(),
            MONTHS[to.month0() as usize],
            to.year()
        )
    } else {
        format!(
            "from {} to {}",
            &day_phrase(from)[3..],
            &day_phrase(to)[3..]
        )
    }
}

/// Sentences grouped two to four per paragraph, each paragraph hard-wrapped
/// at 76 columns as a text file would be.
pub(super) fn paragraphs(rng: &mut Rng, sentences: &[String]) -> String {
    let mut out = String::new();
    let mut rest = sentences;
    while !rest.is_empty() {
        let take = rng.range(2, 4).min(rest.len());
        let (para, tail) = rest.split_at(take);
        rest = tail;
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let mut column = 0;
        for word in para.join(" ").split(' ') {
            if column > 0 && column + word.chars().count() >= 76 {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += word.chars().count();
        }
    }
    out.push('\n');
    out
}

pub(super) fn outlet_slug(outlet: &str) -> String {
    let slug: String = outlet
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if slug.is_empty() {
        "wire".to_owned()
    } else {
        slug
    }
}
