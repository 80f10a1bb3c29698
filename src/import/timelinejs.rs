//! A TimelineJS3 JSON file as a model document. Slides whose `unique_id`
//! names an event of the `chronicle` sidecar come back exactly as
//! exported (a headline edited in TimelineJS wins over the sidecar's
//! title). Any other slide, and each era, becomes an event of kind `other`
//! with a stub article made from its text and media; a `group` becomes a
//! headline event over the group's slides. The file's slides, eras, title
//! slide and other keys as written go into the document's passthrough, so
//! that the export gives them back; what chronicle cannot read (a date out
//! of range, say) is listed in the notes.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{clean, html};
use crate::corpus::load_files;
use crate::export::json::{Document, EventDoc, FORMAT, VERSION};
use crate::model::passthrough::{Kept, Role};

/// The keys of a slide chronicle's export writes, and of its media.
const SLIDE_KEYS: [&str; 7] = [
    "start_date",
    "end_date",
    "display_date",
    "text",
    "media",
    "group",
    "unique_id",
];
const MEDIA_KEYS: [&str; 3] = ["url", "credit", "caption"];

/// True when a slide has keys chronicle's export does not write.
fn has_extras(slide: &Value) -> bool {
    let Some(obj) = slide.as_object() else {
        return false;
    };
    let media = obj.get("media").and_then(Value::as_object);
    obj.keys().any(|k| !SLIDE_KEYS.contains(&k.as_str()))
        || media.is_some_and(|m| m.keys().any(|k| !MEDIA_KEYS.contains(&k.as_str())))
}

/// The document and what could not be mapped, one line each.
pub struct Imported {
    pub doc: Document,
    pub notes: Vec<String>,
}

/// Reads a parsed TimelineJS file. Errs only when it is not one at all.
pub fn read(value: &Value) -> Result<Imported, String> {
    let mut value = value.clone();
    clean::document(&mut value);
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
    if let Some(side) = &sidecar {
        // The block is taken whole or not at all: it is kept only when the
        // corpus it makes loads as cleanly as the slides alone would.
        let imported = build(top, slides, Some(side), notes.clone());
        match problems(&imported.doc) {
            None => return Ok(imported),
            Some(first) => notes.push(format!(
                "the `chronicle` block does not load as a corpus ({first}); read the slides only"
            )),
        }
    }
    Ok(build(top, slides, None, notes))
}

/// The first problem the document would load with, with how many there are.
fn problems(doc: &Document) -> Option<String> {
    let files = match super::write::files(doc) {
        Ok(files) => files,
        Err(err) => return Some(err.to_string()),
    };
    let texts = files
        .into_iter()
        .map(|(path, text)| (path.to_string_lossy().into_owned(), text))
        .collect();
    let loaded = load_files("import", texts);
    let first = loaded.problems.first()?;
    let more = loaded.problems.len() - 1;
    Some(if more == 0 {
        first.to_string()
    } else {
        format!("{first}, and {more} more")
    })
}

/// The document made of the slides, and of the sidecar's records where the
/// slides name its events.
fn build(
    top: &Map<String, Value>,
    slides: &[Value],
    sidecar: Option<&Document>,
    notes: Vec<String>,
) -> Imported {
    let mut importer = Importer {
        doc: Document {
            format: FORMAT.into(),
            version: VERSION,
            articles: Vec::new(),
            actors: Vec::new(),
            events: Vec::new(),
            quotes: Vec::new(),
            timelinejs: Default::default(),
        },
        notes,
        ids: HashSet::new(),
        article_ids: HashSet::new(),
        reserved: HashSet::new(),
        next_number: HashMap::new(),
        groups: Vec::new(),
        group_index: HashMap::new(),
    };
    let known: HashMap<&str, &EventDoc> = sidecar
        .iter()
        .flat_map(|d| d.events.iter().map(|e| (e.id.as_str(), e)))
        .collect();
    // A slide made outside chronicle takes none of the block's ids.
    if let Some(side) = sidecar {
        let articles = side.articles.iter().map(|a| a.id.as_str());
        let ids = articles.chain(known.keys().copied());
        importer.reserved.extend(ids.map(String::from));
    }
    for (n, slide) in slides.iter().enumerate() {
        let id = slide.get("unique_id").and_then(Value::as_str);
        match id.and_then(|id| known.get(id)) {
            Some(event) if !importer.ids.contains(&event.id) => importer.known(event, slide),
            _ => importer.foreign(Role::Slide, n + 1, slide),
        }
    }
    // An era of the sidecar's own comes back with it; any other is new.
    let known_eras: HashSet<String> = sidecar
        .iter()
        .flat_map(|d| d.events.iter())
        .map(|e| html::line(&e.title))
        .collect();
    let eras = top.get("eras").and_then(Value::as_array);
    for (n, era) in eras.into_iter().flatten().enumerate() {
        let name = era.pointer("/text/headline").and_then(Value::as_str);
        if !name.is_some_and(|name| known_eras.contains(&html::line(name))) {
            importer.foreign(Role::Era, n + 1, era);
        }
    }
    if let Some(side) = sidecar {
        importer.keep_sidecar_records(side);
        // A kept slide edited in TimelineJS is kept as it is now.
        for slide in slides {
            let id = slide.get("unique_id").and_then(Value::as_str);
            let kept = id.and_then(|id| importer.doc.timelinejs.events.get_mut(id));
            if let Some(k) = kept.filter(|k| k.role == Role::Slide) {
                k.object = slide.clone();
            }
        }
    } else {
        importer.keep_top(top);
    }
    importer.make_groups();
    Imported {
        doc: importer.doc,
        notes: importer.notes,
    }
}

/// The document being built; slides made outside chronicle are read in
/// `foreign.rs`.
pub(super) struct Importer {
    pub(super) doc: Document,
    pub(super) notes: Vec<String>,
    pub(super) ids: HashSet<String>,
    pub(super) article_ids: HashSet<String>,
    /// The `chronicle` block's event and article ids, which `claim_id`
    /// gives no slide made outside chronicle.
    pub(super) reserved: HashSet<String>,
    /// The next number to try after an id's slug, for `claim_id`.
    pub(super) next_number: HashMap<String, usize>,
    /// Group name and the events in it, in slide order.
    pub(super) groups: Vec<(String, Vec<usize>)>,
    /// Where each group name is in `groups`.
    pub(super) group_index: HashMap<String, usize>,
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
        // What was added to the slide in TimelineJS is kept with it.
        if has_extras(slide) {
            let kept = Kept {
                role: Role::Slide,
                object: slide.clone(),
                title: event.title.clone(),
                date: event.date.clone(),
                summary: event.summary.clone(),
            };
            self.doc.timelinejs.events.insert(event.id.clone(), kept);
        }
        self.ids.insert(event.id.clone());
        self.doc.events.push(event);
    }

    /// The sidecar's articles and quotes that the kept events use, and all
    /// of its actors (the corpus' cast, referred to or not); events of the
    /// sidecar that lost their slide are reported.
    fn keep_sidecar_records(&mut self, side: &Document) {
        // Eras and groups are no slides: they come back with the block.
        let kept = &side.timelinejs.events;
        let slideless = |e: &EventDoc| kept.get(&e.id).is_some_and(|k| k.role != Role::Slide);
        let mut at = 0;
        for e in side.events.iter() {
            if self.ids.contains(&e.id) {
                at = self
                    .doc
                    .events
                    .iter()
                    .position(|d| d.id == e.id)
                    .map_or(at, |p| p + 1);
            } else if slideless(e) {
                self.ids.insert(e.id.clone());
                self.doc.events.insert(at, e.clone());
                at += 1;
            } else {
                self.notes
                    .push(format!("event '{}' has no slide; not imported", e.id));
            }
        }
        for (id, k) in kept.iter().filter(|(id, _)| self.ids.contains(*id)) {
            self.doc.timelinejs.events.insert(id.clone(), k.clone());
        }
        self.doc.timelinejs.top = side.timelinejs.top.clone();
        for event in &mut self.doc.events {
            if event.parent.as_ref().is_some_and(|p| !self.ids.contains(p)) {
                event.parent = None;
            }
        }
        let quotes: Vec<_> = side
            .quotes
            .iter()
            .filter(|q| q.event.as_ref().is_some_and(|e| self.ids.contains(e)))
            .cloned()
            .collect();
        let dropped = side.quotes.len() - quotes.len();
        if dropped > 0 {
            self.notes.push(format!(
                "{} of events without a slide not imported",
                crate::text::count(dropped, "quote")
            ));
        }
        let mut used_articles: HashSet<&str> = HashSet::new();
        for e in &self.doc.events {
            used_articles.extend(e.sources.iter().map(|s| s.article.as_str()));
        }
        used_articles.extend(quotes.iter().map(|q| q.article.as_str()));
        let articles: Vec<_> = side
            .articles
            .iter()
            .filter(|a| used_articles.contains(a.id.as_str()))
            .cloned()
            .collect();
        self.article_ids
            .extend(articles.iter().map(|a| a.id.clone()));
        self.doc.articles.splice(0..0, articles);
        self.doc.actors = side.actors.clone();
        self.doc.quotes = quotes;
    }

    /// The file's top-level keys but its slides and eras, as written: the
    /// title slide, `scale` and any other.
    fn keep_top(&mut self, top: &Map<String, Value>) {
        for (key, value) in top {
            if !matches!(key.as_str(), "events" | "eras" | "chronicle") {
                self.doc.timelinejs.top.insert(key.clone(), value.clone());
            }
        }
        if let Some(scale) = top
            .get("scale")
            .and_then(Value::as_str)
            .filter(|s| *s != "human")
        {
            self.notes.push(format!(
                "scale '{scale}' kept in the file only: chronicle reads its years as human dates"
            ));
        }
    }
}

#[cfg(test)]
#[path = "timelinejs_tests.rs"]
mod tests;
