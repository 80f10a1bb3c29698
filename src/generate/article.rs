//! One synthetic article with its events and quotes. Every event excerpt is
//! a sentence written into the body, and every quote is kept only when its
//! text occurs exactly once in the body, so the corpus always validates.

use chrono::{Datelike, Days, NaiveDate};

use super::names::GenActor;
use super::rng::Rng;
use super::words::*;
use crate::model::date::MONTHS;
use crate::model::EventKind;
use crate::text::fold::fold;

pub struct GenArticle {
    pub id: String,
    pub title: String,
    pub outlet: &'static str,
    pub published: NaiveDate,
    /// Paragraphs separated by blank lines, hard-wrapped like a text file.
    pub body: String,
}

pub struct GenEvent {
    pub id: String,
    pub date: String,
    pub title: String,
    pub place: &'static str,
    pub kind: EventKind,
    pub actors: Vec<usize>,
    pub parent: Option<String>,
    pub summary: String,
    /// (article id, excerpt)
    pub sources: Vec<(String, String)>,
}

pub struct GenQuote {
    pub id: String,
    pub article: String,
    pub speaker: usize,
    pub event: String,
    pub text: String,
}

/// An event from the previous article, retold in the next one so that it
/// cites two sources.
pub struct Carried {
    pub event: GenEvent,
    pub sentence: String,
}

pub struct Generated {
    pub article: GenArticle,
    pub events: Vec<GenEvent>,
    pub quotes: Vec<GenQuote>,
    pub carry: Option<Carried>,
}

/// Article `index` of `total`, published between 2010 and 2024 in order.
pub fn generate(
    index: usize,
    total: usize,
    rng: &mut Rng,
    actors: &[GenActor],
    carried: Option<Carried>,
) -> Generated {
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap_or_default();
    let day = (index as u64 * 5400) / total.max(1) as u64;
    let published = start + Days::new(day);
    let outlet = *rng.pick(&OUTLETS);
    let id = format!("{}-{}-{index:05}", outlet_slug(outlet), published.year());
    let mut w = Writer {
        rng,
        actors,
        cast: Vec::new(),
        mentioned: Vec::new(),
        published,
        outlet,
    };
    let cast_size = w.rng.range(5, 8).min(actors.len());
    while w.cast.len() < cast_size {
        // Skewed towards the first actors: some people are in the news a lot.
        let n = actors.len();
        let pick = w.rng.below(n) * w.rng.below(n) / n.max(1);
        if !w.cast.contains(&pick) {
            w.cast.push(pick);
        }
    }

    let mut events = Vec::new();
    let mut sentences = Vec::new();
    let count = w.rng.range(8, 12);
    let headline = w.rng.chance(40);
    let place = *w.rng.pick(&PLACES);
    let (from, days) = (
        published - Days::new(w.rng.range(6, 20) as u64),
        w.rng.range(2, 5),
    );
    for k in 0..count {
        let (kind, when, date, parent, place) = if headline && k == 0 {
            let kind = *w.rng.pick(&[EventKind::Summit, EventKind::Visit]);
            let to = from + Days::new(days as u64);
            (
                kind,
                span_phrase(from, to),
                format!("{from}/{to}"),
                None,
                place,
            )
        } else if headline && k <= 3 {
            let on = from + Days::new(w.rng.below(days + 1) as u64);
            let kind = *w.rng.pick(&[
                EventKind::Meeting,
                EventKind::Gift,
                EventKind::Ceremony,
                EventKind::Talks,
            ]);
            let parent = Some(format!("{id}-e00"));
            (kind, day_phrase(on), on.to_string(), parent, place)
        } else {
            let kind = *w.rng.pick(&EventKind::ALL);
            let (when, date) = w.date();
            (kind, when, date, None, *w.rng.pick(&PLACES))
        };
        let a = w.someone();
        let b = w.other_than(a);
        let (sentence, title, pair) = w.event_text(kind, a, b, place, &when);
        let listed = if pair && b != a { vec![a, b] } else { vec![a] };
        let names: Vec<&str> = listed
            .iter()
            .map(|&c| actors[w.cast[c]].name.as_str())
            .collect();
        let summary = format!(
            "{} took part, {outlet} reported; the talks covered {}.",
            names.join(" and "),
            w.rng.pick(&TOPICS)
        );
        events.push(GenEvent {
            id: format!("{id}-e{k:02}"),
            date,
            title,
            place,
            kind,
            actors: listed.iter().map(|&c| w.cast[c]).collect(),
            parent,
            summary,
            sources: vec![(id.clone(), sentence.clone())],
        });
        sentences.push(sentence);
    }

    let wanted = w.rng.range(18, 22);
    let mut quotes = Vec::new();
    let mut quote_sentences = Vec::new();
    for k in 0..wanted + 2 {
        let speaker = w.someone();
        let (sentence, text) = w.quote(speaker);
        let event = events[w.rng.below(events.len())].id.clone();
        quotes.push(GenQuote {
            id: format!("{id}-q{k:02}"),
            article: id.clone(),
            speaker: w.cast[speaker],
            event,
            text,
        });
        quote_sentences.push(sentence);
    }

    // Events first in the lead, then quotes and events interleaved, then
    // filler until the article is about 4 KB.
    let mut order: Vec<String> = Vec::new();
    let lead = if headline { 4 } else { 2 }.min(sentences.len());
    order.extend(sentences.drain(..lead));
    let mut q = quote_sentences.into_iter();
    for s in sentences {
        order.extend(q.next());
        order.push(s);
        order.extend(q.next());
    }
    order.extend(q);
    if let Some(c) = &carried {
        let at = w.rng.range(order.len() / 2, order.len());
        order.insert(at, c.sentence.clone());
    }
    let mut size: usize = order.iter().map(|s| s.len() + 1).sum();
    while size < 3900 {
        let mut s = w.filler();
        for _ in 0..4 {
            if !order.contains(&s) {
                break;
            }
            s = w.filler();
        }
        size += s.len() + 1;
        let at = w.rng.range(1, order.len());
        order.insert(at, s);
    }
    let body = paragraphs(w.rng, &order);

    let folded = fold(&body);
    quotes.retain(|q| folded.matches(fold(&q.text).as_str()).count() == 1);
    quotes.truncate(wanted);

    let title = events[0].title.clone();
    let carry = events
        .iter()
        .rposition(|e| e.parent.is_none() && !(headline && e.id.ends_with("-e00")))
        .map(|at| {
            let event = events.remove(at);
            let sentence = event.sources[0].1.clone();
            Carried { event, sentence }
        });
    if let Some(mut c) = carried {
        c.event.sources.push((id.clone(), c.sentence));
        events.push(c.event);
    }
    Generated {
        article: GenArticle {
            id,
            title,
            outlet,
            published,
            body,
        },
        events,
        quotes,
        carry,
    }
}

struct Writer<'a> {
    rng: &'a mut Rng,
    actors: &'a [GenActor],
    /// Actor indices appearing in this article.
    cast: Vec<usize>,
    /// Cast members already named once (later mentions use a short form).
    mentioned: Vec<usize>,
    published: NaiveDate,
    outlet: &'static str,
}

impl Writer<'_> {
    /// A cast member (index into `cast`).
    fn someone(&mut self) -> usize {
        self.rng.below(self.cast.len())
    }

    /// Another cast member than `a`, when there is one.
    fn other_than(&mut self, a: usize) -> usize {
        let n = self.cast.len();
        if n < 2 {
            return a;
        }
        (a + 1 + self.rng.below(n - 1)) % n
    }

    /// The name at first mention, a shorter alias afterwards.
    fn mention(&mut self, member: usize) -> String {
        let actor = &self.actors[self.cast[member]];
        if self.mentioned.contains(&member) {
            actor.short().to_owned()
        } else {
            self.mentioned.push(member);
            actor.name.clone()
        }
    }

    /// A date before publication, as a phrase and in EDTF.
    fn date(&mut self) -> (String, String) {
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
    fn event_text(
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
    fn quote(&mut self, member: usize) -> (String, String) {
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

    fn filler(&mut self) -> String {
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

fn day_phrase(on: NaiveDate) -> String {
    format!(
        "on {} {} {}",
        on.day(),
        MONTHS[on.month0() as usize],
        on.year()
    )
}

fn span_phrase(from: NaiveDate, to: NaiveDate) -> String {
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
fn paragraphs(rng: &mut Rng, sentences: &[String]) -> String {
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

fn outlet_slug(outlet: &str) -> String {
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
