//! What a TimelineJS file held that chronicle's records have no place for
//! (a slide's HTML text, media thumbnail, background, type, its dates as
//! written, the title slide, eras, any key TimelineJS or its users add),
//! kept verbatim so that exporting the corpus gives the file back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The corpus' `timelinejs.json`, and the `timelinejs` key of the export
/// document that carries it through a TimelineJS file's `chronicle` block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Passthrough {
    /// Top-level keys of the file other than `events` and `eras`
    /// (`title`, `scale`, any other), as written.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub top: Map<String, Value>,
    /// By event id: the slide, era or group the event was made from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub events: BTreeMap<String, Kept>,
}

impl Passthrough {
    pub fn is_empty(&self) -> bool {
        self.top.is_empty() && self.events.is_empty()
    }
}

/// What an event was in the TimelineJS file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Slide,
    Era,
    /// The headline event made for a `group` of slides: no object of its
    /// own, it comes back as the slides' `group`.
    Group,
}

/// One slide or era as written, with what import made of it: while the
/// event keeps that title, date and summary, export writes the object's
/// own headline, dates and text; an edited one is written from the event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    pub role: Role,
    #[serde(default, skip_serializing_if = "Value::is_null")]
    pub object: Value,
    pub title: String,
    /// EDTF.
    pub date: String,
    pub summary: String,
}
