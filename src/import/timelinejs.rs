//! A TimelineJS3 JSON file as a model document. Slides whose `unique_id`
//! names an event of the `chronicle` sidecar come back exactly as
//! exported (a headline edited in TimelineJS wins over the sidecar's
//! title). Any other slide becomes an event of kind `other` with a stub
//! article made from its text and media; its `group` becomes a headline
//! event over the group's slides. Whatever has no place in the model is
//! listed in the notes.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{dates, html, slug};
use crate::export::json::{ArticleDoc, Document, EventDoc, SourceDoc, FORMAT, VERSION};
use crate::model::DateSpec;

/// Slide keys that the mapping reads; any other is reported.
const SLIDE_KEYS: [&str; 7] = [
    "start_date",
    "end_date",
    "display_date",
    "text",
    "media",
    "group",
    "unique_id",
];

/// The document and what could not be mapped, one line each.
pub struct Imported {
    pub doc: Document,
    pub notes: Vec<String>,
}

/// Reads a parsed TimelineJS file. Errs only when it is not one at all.
pub fn read(value: &Value) -> Result<Imported, String> {
    let top = value
        .as_object()
        .ok_or("not a TimelineJS file: the top level is not an object")?;
    let slides = match top.get("events") {
        Some(Value::Array(list)) => list,
        Some(_) => return Err("not a TimelineJS file: `events` is not a list".into()),
        None => return Err("not a TimelineJS file: no `events` list".into()),
    };
    let mut notes = Vec::new();
    let sidecar = match top.get("chronicle") {
        None => None,
        Some(v) => match serde_json::from_value::<Document>(v.clone()) {
            Ok(doc) => Some(doc),
            Err(err) => {
                notes.push(format!(
                    "the `chronicle` block is not usable ({err}); read the slides only"
                ));
                None
            }
        },
    };
    let mut importer = Importer {
        doc: Document {
            format: FORMAT.into(),
            version: VERSION,
            articles: Vec::new(),
            actors: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
        },
        notes,
        ids: HashSet::new(),
        article_ids: HashSet::new(),
        groups: Vec::new(),
    };
    let known: HashMap<&str, &EventDoc> = sidecar
        .iter()
        .flat_map(|d| d.events.iter().map(|e| (e.id.as_str(), e)))
        .collect();
    for (n, slide) in slides.iter().enumerate() {
        let id = slide.get("unique_id").and_then(Value::as_str);
        match id.and_then(|id| known.get(id)) {
            Some(event) if !importer.ids.contains(&event.id) => importer.known(event, slide),
            _ => importer.foreign(n + 1, slide),
        }
    }
    if let Some(side) = &sidecar {
        importer.keep_sidecar_records(side);
    } else {
        importer.note_foreign_extras(top);
    }
    importer.make_groups();
    Ok(Imported {
        doc: importer.doc,
        notes: importer.notes,
    })
}

struct Importer {
    doc: Document,
    notes: Vec<String>,
    ids: HashSet<String>,
    article_ids: HashSet<String>,
    /// Group name and the events in it, in slide order.
    groups: Vec<(String, Vec<usize>)>,
}

impl Importer {
    fn known(&mut self, event: &EventDoc, slide: &Value) {
        let mut event = event.clone();
        let headline = slide.pointer("/text/headline").and_then(Value::as_str);
        if let Some(headline) = headline.map(html::line).filter(|h| !h.is_empty()) {
            if headline != html::line(&event.title) {
                let note = format!(
                    "event '{}': title taken from the slide: {headline}",
                    event.id
                );
                self.notes.push(note);
                event.title = headline;
            }
        }
        self.ids.insert(event.id.clone());
        self.doc.events.push(event);
    }

    /// The sidecar's articles, actors and quotes that the kept events use;
    /// events of the sidecar that lost their slide are reported.
    fn keep_sidecar_records(&mut self, side: &Document) {
        for e in side.events.iter().filter(|e| !self.ids.contains(&e.id)) {
            self.notes
                .push(format!("event '{}' has no slide; not imported", e.id));
        }
        for event in &mut self.doc.events {
            if event.parent.as_ref().is_some_and(|p| !self.ids.contains(p)) {
                event.parent = None;
            }
        }
        let quotes: Vec<_> = side
            .quotes
            .iter()
            .filter(|q| self.ids.contains(&q.event))
            .cloned()
            .collect();
        let dropped = side.quotes.len() - quotes.len();
        if dropped > 0 {
            self.notes.push(format!(
                "{dropped} quote(s) of events without a slide not imported"
            ));
        }
        let mut used_articles: HashSet<&str> = HashSet::new();
        let mut used_actors: HashSet<&str> = HashSet::new();
        for e in &self.doc.events {
            used_articles.extend(e.sources.iter().map(|s| s.article.as_str()));
            used_actors.extend(e.actors.iter().map(String::as_str));
        }
        for q in &quotes {
            used_articles.insert(&q.article);
            used_actors.insert(&q.speaker);
        }
        let articles = side
            .articles
            .iter()
            .filter(|a| used_articles.contains(a.id.as_str()));
        let actors = side
            .actors
            .iter()
            .filter(|a| used_actors.contains(a.id.as_str()));
        let (articles, actors): (Vec<_>, Vec<_>) =
            (articles.cloned().collect(), actors.cloned().collect());
        self.article_ids
            .extend(articles.iter().map(|a| a.id.clone()));
        self.doc.articles.splice(0..0, articles);
        self.doc.actors = actors;
        self.doc.quotes = quotes;
    }

    fn note_foreign_extras(&mut self, top: &Map<String, Value>) {
        if top.contains_key("title") {
            self.notes
                .push("the title slide is not kept: a corpus has no title".into());
        }
        let groups: HashSet<String> = self.groups.iter().map(|(g, _)| g.clone()).collect();
        for era in top
            .get("eras")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = era
                .pointer("/text/headline")
                .and_then(Value::as_str)
                .map(html::line);
            if !name.as_ref().is_some_and(|n| groups.contains(n)) {
                let shown = name.unwrap_or_default();
                self.notes.push(format!(
                    "era '{shown}' not kept: chronicle has no eras (groups become headline events)"
                ));
            }
        }
        for key in top.keys() {
            if !matches!(
                key.as_str(),
                "title" | "events" | "eras" | "scale" | "chronicle"
            ) {
                self.notes.push(format!("top-level `{key}` not kept"));
            }
        }
        if let Some(scale) = top
            .get("scale")
            .and_then(Value::as_str)
            .filter(|s| *s != "human")
        {
            self.notes.push(format!(
                "scale '{scale}' not kept: chronicle dates are human dates"
            ));
        }
    }

    /// A unique id from the slide's id or headline.
    fn claim_id(&mut self, wanted: &str, fallback: &str) -> String {
        let base = [wanted, fallback]
            .iter()
            .map(|s| slug(s))
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "event".into());
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) || self.article_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    fn foreign(&mut self, n: usize, slide: &Value) {
        let what = format!("slide {n}");
        let Some(obj) = slide.as_object() else {
            self.notes.push(format!("{what}: not an object; skipped"));
            return;
        };
        for key in obj.keys().filter(|k| !SLIDE_KEYS.contains(&k.as_str())) {
            self.notes.push(format!("{what}: `{key}` not kept"));
        }
        let headline = html::line(
            obj.get("text")
                .and_then(|t| t.get("headline"))
                .and_then(Value::as_str)
                .unwrap_or(""),
        );
        let what = if headline.is_empty() {
            what
        } else {
            format!("{what} ({headline})")
        };
        let date = match dates::slide_date(obj, &what, &mut self.notes) {
            Some(date) => date,
            None => return,
        };
        let paras = html::paragraphs(
            obj.get("text")
                .and_then(|t| t.get("text"))
                .and_then(Value::as_str)
                .unwrap_or(""),
        );
        let title = if headline.is_empty() {
            let t = paras
                .first()
                .cloned()
                .unwrap_or_else(|| format!("Slide {n}"));
            self.notes
                .push(format!("{what}: no headline; titled '{t}'"));
            t
        } else {
            headline.clone()
        };
        let wanted = obj.get("unique_id").and_then(Value::as_str).unwrap_or("");
        if obj.get("unique_id").is_some() && wanted.is_empty() {
            self.notes
                .push(format!("{what}: `unique_id` is not a string; made one"));
        }
        let id = self.claim_id(wanted, &title);
        if !wanted.is_empty() && id != wanted {
            self.notes
                .push(format!("{what}: id '{wanted}' written as '{id}'"));
        }
        let body = if paras.is_empty() {
            vec![title.clone()]
        } else {
            paras
        };
        let media = obj.get("media").and_then(Value::as_object);
        let media_str = |k: &str| {
            media
                .and_then(|m| m.get(k))
                .and_then(Value::as_str)
                .map(html::line)
                .filter(|s| !s.is_empty())
        };
        for key in media.into_iter().flat_map(|m| m.keys()) {
            if !matches!(key.as_str(), "url" | "credit" | "caption") {
                self.notes.push(format!("{what}: media `{key}` not kept"));
            }
        }
        self.article_ids.insert(id.clone());
        self.doc.articles.push(ArticleDoc {
            id: id.clone(),
            title: media_str("caption").unwrap_or_else(|| title.clone()),
            outlet: media_str("credit"),
            url: media
                .and_then(|m| m.get("url"))
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(String::from),
            published: None,
            published_note: Some("Made by chronicle import from a TimelineJS slide.".into()),
            body: body.join("\n\n"),
        });
        let display = obj
            .get("display_date")
            .and_then(Value::as_str)
            .map(html::line)
            .filter(|d| !d.is_empty());
        let mut spec = date;
        if let Some(shown) = &display {
            let lower = shown.to_lowercase();
            spec.approximate |= ["c.", "ca.", "circa", "about", "around", "~"]
                .iter()
                .any(|w| lower.starts_with(w) || lower.contains('~'));
            spec.uncertain |= lower.contains('?');
        }
        if let Some(group) = obj
            .get("group")
            .and_then(Value::as_str)
            .map(html::line)
            .filter(|g| !g.is_empty())
        {
            let at = self.doc.events.len();
            match self.groups.iter_mut().find(|(g, _)| *g == group) {
                Some((_, members)) => members.push(at),
                None => self.groups.push((group, vec![at])),
            }
        }
        self.doc.events.push(EventDoc {
            id: id.clone(),
            date: spec.to_edtf(),
            display_date: String::new(),
            precision: String::new(),
            approximate: spec.approximate,
            uncertain: spec.uncertain,
            date_note: display.map(|d| format!("Shown as “{d}” in the TimelineJS file.")),
            title,
            place: None,
            kind: "other".into(),
            actors: Vec::new(),
            parent: None,
            summary: body.join(" "),
            sources: vec![SourceDoc {
                article: id,
                excerpt: body[0].clone(),
                start: 0,
                end: 0,
            }],
            origin: None,
        });
    }

    /// Each group of foreign slides becomes a headline event spanning them,
    /// placed before its first slide.
    fn make_groups(&mut self) {
        let groups = std::mem::take(&mut self.groups);
        let mut heads: Vec<(usize, EventDoc)> = Vec::new();
        for (name, members) in groups {
            let id = self.claim_id(&name, "group");
            let specs: Vec<DateSpec> = members
                .iter()
                .filter_map(|&m| DateSpec::parse(&self.doc.events[m].date).ok())
                .collect();
            let start = specs.iter().map(|s| s.start).min_by_key(|d| d.first_day());
            let end = specs
                .iter()
                .map(|s| s.end.unwrap_or(s.start))
                .max_by_key(|d| d.last_day());
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            let spec = DateSpec {
                start,
                end: (end != start).then_some(end),
                approximate: false,
                uncertain: false,
                precision: start.precision(),
            };
            let first = members[0];
            for &m in &members {
                self.doc.events[m].parent = Some(id.clone());
            }
            self.notes.push(format!(
                "group '{name}' became headline event '{id}' over {} slide(s)",
                members.len()
            ));
            let source = self.doc.events[first].sources[0].clone();
            heads.push((
                first,
                EventDoc {
                    id,
                    date: spec.to_edtf(),
                    display_date: String::new(),
                    precision: String::new(),
                    approximate: false,
                    uncertain: false,
                    date_note: Some("The span of the slides of this TimelineJS group.".into()),
                    title: name.clone(),
                    place: None,
                    kind: "other".into(),
                    actors: Vec::new(),
                    parent: None,
                    summary: format!("Slides grouped as “{name}” in the TimelineJS file."),
                    sources: vec![source],
                    origin: None,
                },
            ));
        }
        heads.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        for (at, head) in heads {
            self.doc.events.insert(at, head);
        }
    }
}

#[cfg(test)]
#[path = "timelinejs_tests.rs"]
mod tests;
