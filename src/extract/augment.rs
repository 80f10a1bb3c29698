//! Makes articles nobody annotated explorable: for each article that no
//! curated event cites, its resolved dated mentions become extracted events
//! and its attributed quotes extracted quotes. Curated items are never
//! touched; extracted ones are marked `Origin::Extracted`.

use std::collections::{HashMap, HashSet};

use super::{DatedMention, Extraction, Extractor, Speaker};
use crate::model::{Actor, ActorKind, Article, Event, EventKind, Ix, Origin, Quote, Source};
use crate::text::sanitize::sanitize_line;

/// Longest extracted event title, in characters, before "…".
const TITLE_CHARS: usize = 80;

/// What `augment` added, with the confidence of each extracted quote's
/// speaker by quote id (the model's `Quote` has no room for it).
#[derive(Debug, Clone, Default)]
pub struct Augmented {
    pub quote_confidence: HashMap<String, f32>,
    pub events: usize,
    pub quotes: usize,
    pub actors: usize,
}

impl Augmented {
    /// How far to trust the speaker of an extracted quote; None if curated.
    pub fn confidence(&self, quote: &Quote) -> Option<f32> {
        self.quote_confidence.get(&quote.id).copied()
    }
}

/// Adds extracted events, quotes and new speakers for every article no
/// event in `events` cites. Call it after the curated items are loaded.
pub fn augment(
    articles: &[Article],
    actors: &mut Vec<Actor>,
    events: &mut Vec<Event>,
    quotes: &mut Vec<Quote>,
) -> Augmented {
    let cited: HashSet<Ix> = events
        .iter()
        .flat_map(|e| e.sources.iter().map(|s| s.article))
        .collect();
    let mut out = Augmented::default();
    let todo: Vec<Ix> = (0..articles.len()).filter(|a| !cited.contains(a)).collect();
    if todo.is_empty() {
        return out;
    }
    let known = actors.len();
    let found: Vec<(Ix, Extraction)> = {
        let extractor = Extractor::new(&actors[..known]);
        todo.iter()
            .map(|&a| (a, extractor.run(&articles[a].body, articles[a].published)))
            .collect()
    };
    let mut ids: HashSet<String> = events.iter().map(|e| e.id.clone()).collect();
    ids.extend(quotes.iter().map(|q| q.id.clone()));
    ids.extend(actors.iter().map(|a| a.id.clone()));
    let mut new_people: HashMap<String, Ix> = HashMap::new();
    for (a, ex) in found {
        let article = &articles[a];
        // The first extracted event of each paragraph, for its quotes.
        let mut by_paragraph: Vec<Option<Ix>> = vec![None; ex.mentions.len()];
        let mut seen: HashSet<(usize, String)> = HashSet::new();
        for m in &ex.dates {
            let Some(date) = m.date.clone() else {
                continue;
            };
            if !seen.insert((m.sentence.start, date.to_edtf())) {
                continue;
            }
            let p = ex.mentions.partition_point(|p| p.span.end < m.span.start);
            let id = unique(&mut ids, format!("x-{}-d{}", article.id, events.len()));
            by_paragraph
                .get_mut(p)
                .map(|slot| slot.get_or_insert(events.len()));
            events.push(event(id, a, article, m, date, &ex, p));
            out.events += 1;
        }
        // A paragraph with no dated mention of its own gives its quotes to
        // the nearest earlier paragraph's event, or else the next one, so
        // every quote of the article can be reached from the timeline.
        let mut nearest = by_paragraph.clone();
        let mut last = None;
        for slot in nearest.iter_mut() {
            last = slot.or(last);
            *slot = last;
        }
        let mut next = None;
        for slot in nearest.iter_mut().rev() {
            next = slot.or(next);
            *slot = next;
        }
        for q in &ex.quotes {
            let speaker = match &q.speaker {
                Some(Speaker::Actor(s)) => *s,
                Some(Speaker::New(label)) => person(label, actors, &mut ids, &mut new_people),
                None => continue,
            };
            let p = ex.mentions.partition_point(|p| p.span.end < q.span.start);
            let id = unique(&mut ids, format!("x-{}-q{}", article.id, quotes.len()));
            out.quote_confidence.insert(id.clone(), q.confidence);
            quotes.push(Quote {
                id,
                article: a,
                speaker,
                event: nearest.get(p).copied().flatten(),
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

/// An event for a resolved dated mention: the sentence is its summary.
fn event(
    id: String,
    a: Ix,
    article: &Article,
    m: &DatedMention,
    date: crate::model::DateSpec,
    ex: &Extraction,
    p: usize,
) -> Event {
    let sentence = sanitize_line(article.body.get(m.sentence.clone()).unwrap_or("")).into_owned();
    let anchor = m.anchor.map_or(String::new(), |d| format!(", anchor {d}"));
    Event {
        id,
        date,
        date_note: Some(
            sanitize_line(&format!(
                "extracted from “{}” ({}{anchor})",
                m.phrase, m.rule
            ))
            .into_owned(),
        ),
        title: title(&sentence),
        place: None,
        kind: EventKind::Report,
        actors: ex
            .mentions
            .get(p)
            .map(|p| p.actors.clone())
            .unwrap_or_default(),
        parent: None,
        summary: sentence,
        sources: vec![Source {
            article: a,
            excerpt: m.phrase.clone(),
            span: m.span.clone(),
        }],
        origin: Origin::Extracted,
    }
}

/// The sentence, cut at a word boundary to `TITLE_CHARS`.
fn title(sentence: &str) -> String {
    if sentence.chars().count() <= TITLE_CHARS {
        return sentence.to_string();
    }
    let cut: String = sentence.chars().take(TITLE_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
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
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let id = unique(ids, format!("x-{}", slug.trim_matches('-')));
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
mod tests {
    use super::*;
    use crate::model::DateSpec;

    fn article(id: &str, body: &str, published: &str) -> Article {
        Article {
            id: id.into(),
            title: id.into(),
            outlet: None,
            url: None,
            published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            published_note: None,
            body: body.into(),
            file: format!("articles/{id}.md"),
            cleaned: false,
        }
    }

    fn curated_event(article: Ix) -> Event {
        Event {
            id: "curated".into(),
            date: DateSpec::year(2020).expect("year"),
            date_note: None,
            title: "Curated".into(),
            place: None,
            kind: EventKind::Summit,
            actors: vec![0],
            parent: None,
            summary: "Curated.".into(),
            sources: vec![Source {
                article,
                excerpt: "x".into(),
                span: 0..1,
            }],
            origin: Origin::Curated,
        }
    }

    fn kremlin() -> Actor {
        Actor {
            id: "kremlin".into(),
            name: "The Kremlin".into(),
            aliases: vec!["the Kremlin".into()],
            role: None,
            country: None,
            kind: ActorKind::Organisation,
        }
    }

    #[test]
    fn only_uncited_articles_gain_extracted_items() {
        let body = "The Kremlin met envoys on Wednesday. “We talked,” the Kremlin said.\n\n\
                    “It went well,” Jane Doe, a diplomat, said last week.";
        let articles = [
            article("cited", body, "2023-09-14"),
            article("raw", body, "2023-09-14"),
        ];
        let mut actors = vec![kremlin()];
        let mut events = vec![curated_event(0)];
        let mut quotes = Vec::new();
        let added = augment(&articles, &mut actors, &mut events, &mut quotes);

        assert_eq!(events[0].id, "curated");
        assert_eq!(events[0].origin, Origin::Curated);
        let extracted = &events[1..];
        assert_eq!((added.events, extracted.len()), (2, 2));
        assert!(extracted.iter().all(|e| e.origin == Origin::Extracted
            && e.sources.len() == 1
            && e.sources[0].article == 1));
        assert_eq!(extracted[0].date.to_edtf(), "2023-09-13");
        assert_eq!(extracted[0].summary, "The Kremlin met envoys on Wednesday.");
        assert_eq!(extracted[0].sources[0].excerpt, "Wednesday");
        assert_eq!(extracted[0].actors, [0]);

        assert_eq!(quotes.len(), 2);
        assert!(quotes
            .iter()
            .all(|q| q.origin == Origin::Extracted && q.article == 1));
        assert_eq!(quotes[0].speaker, 0);
        assert_eq!(quotes[0].event, Some(1));
        assert_eq!(actors.len(), 2);
        assert_eq!(actors[1].name, "Jane Doe");
        assert_eq!(actors[1].role.as_deref(), Some("a diplomat"));
        assert_eq!(quotes[1].speaker, 1);
        assert_eq!(quotes[1].event, Some(2));
        assert!(added
            .confidence(&quotes[1])
            .is_some_and(|c| c > 0.0 && c <= 1.0));
    }

    #[test]
    fn titles_are_cut_at_a_word() {
        let long = "word ".repeat(40);
        let t = title(long.trim());
        assert!(t.ends_with('…') && t.chars().count() <= TITLE_CHARS + 1);
        assert_eq!(title("Short."), "Short.");
    }

    #[test]
    fn quotes_in_undated_paragraphs_join_the_nearest_extracted_event() {
        let body = "“Before anything,” the Kremlin said.\n\n\
                    The Kremlin met envoys on Wednesday.\n\n\
                    “Later,” the Kremlin said.";
        let articles = [article("raw", body, "2023-09-14")];
        let mut actors = vec![kremlin()];
        let (mut events, mut quotes) = (Vec::new(), Vec::new());
        augment(&articles, &mut actors, &mut events, &mut quotes);
        assert_eq!(events.len(), 1, "one dated mention: {events:?}");
        let texts: Vec<(&str, Option<Ix>)> =
            quotes.iter().map(|q| (q.text.as_str(), q.event)).collect();
        assert_eq!(texts, [("Before anything,", Some(0)), ("Later,", Some(0))]);
    }
}
