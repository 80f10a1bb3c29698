//! Slides and eras of an imported TimelineJS file, given back as they were
//! written (see `model::passthrough`): each key as the file had it, except
//! those whose event has changed since, which are written from the event.

use serde_json::{Map, Value};

use crate::model::passthrough::{Kept, Role};
use crate::model::{Corpus, Ix};

/// The kept record of an event, if it was imported from TimelineJS.
pub fn of(corpus: &Corpus, e: Ix) -> Option<&Kept> {
    corpus.passthrough.events.get(&corpus.events[e].id)
}

/// True for an event that is written as a slide: not an era, nor the
/// headline event made for a group (which comes back as its slides'
/// `group`).
pub fn is_slide(corpus: &Corpus, e: Ix) -> bool {
    of(corpus, e).is_none_or(|k| k.role == Role::Slide)
}

/// The kept object of event `e`, with the keys of `made` (the slide or era
/// written from the event) where the event changed: dates when its date
/// did, the headline when its title did, the text when its summary did,
/// the group when its headline event is not the group it was made for.
/// `unique_id` is always the event's, so that import finds it again.
pub fn merged(corpus: &Corpus, e: Ix, kept: &Kept, made: Value, group: Option<Ix>) -> Value {
    let Some(mut out) = kept.object.as_object().cloned() else {
        return made;
    };
    let Value::Object(made) = made else {
        return Value::Object(out);
    };
    let event = &corpus.events[e];
    let take = |out: &mut Map<String, Value>, key: &str| match made.get(key) {
        Some(v) => out.insert(key.to_owned(), v.clone()),
        None => out.remove(key),
    };
    if event.date.to_edtf() != kept.date {
        for key in ["start_date", "end_date", "display_date"] {
            take(&mut out, key);
        }
    }
    for (changed, key) in [
        (event.title != kept.title, "headline"),
        (event.summary != kept.summary, "text"),
    ] {
        if !changed {
            continue;
        }
        let text = out
            .entry("text")
            .or_insert_with(|| Value::Object(Map::new()));
        if !text.is_object() {
            *text = Value::Object(Map::new());
        }
        if let (Some(text), Some(v)) = (
            text.as_object_mut(),
            made.get("text").and_then(|t| t.get(key)),
        ) {
            text.insert(key.to_owned(), v.clone());
        }
    }
    if kept.role == Role::Slide {
        let same_group = group
            .and_then(|g| of(corpus, g).map(|k| (g, k)))
            .is_some_and(|(g, k)| k.role == Role::Group && k.title == corpus.events[g].title);
        if !same_group {
            take(&mut out, "group");
        }
        if let Some(id) = made.get("unique_id") {
            out.insert("unique_id".into(), id.clone());
        }
    }
    Value::Object(out)
}
