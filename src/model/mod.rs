//! Plain domain types. The corpus is immutable once loaded; everything else
//! refers to its items by index.

pub mod date;
mod index;
pub mod passthrough;

use std::ops::Range;

use chrono::NaiveDate;

pub use date::{DateSpec, PartialDate, Precision};
pub use index::Corpus;
pub use passthrough::Passthrough;

/// Index of an article, actor, event or quote in its `Corpus` vector.
pub type Ix = usize;

/// Maps and sets keyed by ids, of which a large corpus has hundreds of
/// thousands: foldhash hashes short keys several times faster than the
/// default SipHash, and is still seeded at random per process.
pub type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type IdSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// An article: metadata and its body with paragraphs already joined.
#[derive(Debug, Clone)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_note: Option<String>,
    /// Paragraphs separated by "\n\n"; lines inside a paragraph joined by a space.
    pub body: String,
    /// Where the article came from, as shown in messages.
    pub file: String,
    /// True when the sanitizer changed something, so the view can say so.
    pub cleaned: bool,
}

/// Whether an actor is a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organisation,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// Every other form of the name as written in articles.
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    pub kind: ActorKind,
}

/// The small, documented vocabulary of event kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Summit,
    Visit,
    Travel,
    Talks,
    Meeting,
    Statement,
    Agreement,
    Launch,
    Report,
    Gift,
    Ceremony,
    Military,
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 13] = [
        EventKind::Summit,
        EventKind::Visit,
        EventKind::Travel,
        EventKind::Talks,
        EventKind::Meeting,
        EventKind::Statement,
        EventKind::Agreement,
        EventKind::Launch,
        EventKind::Report,
        EventKind::Gift,
        EventKind::Ceremony,
        EventKind::Military,
        EventKind::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EventKind::Summit => "summit",
            EventKind::Visit => "visit",
            EventKind::Travel => "travel",
            EventKind::Talks => "talks",
            EventKind::Meeting => "meeting",
            EventKind::Statement => "statement",
            EventKind::Agreement => "agreement",
            EventKind::Launch => "launch",
            EventKind::Report => "report",
            EventKind::Gift => "gift",
            EventKind::Ceremony => "ceremony",
            EventKind::Military => "military",
            EventKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// Whether an item was written by hand in the corpus files or found by the
/// extractor in an article nobody annotated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Curated,
    Extracted,
}

/// The place in an article an event is drawn from.
#[derive(Debug, Clone)]
pub struct Source {
    pub article: Ix,
    /// The excerpt as written in the corpus file.
    pub excerpt: String,
    /// Byte range of the passage in the article body.
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub date: DateSpec,
    pub date_note: Option<String>,
    pub title: String,
    pub place: Option<String>,
    pub kind: EventKind,
    pub actors: Vec<Ix>,
    /// The headline event this one belongs to.
    pub parent: Option<Ix>,
    pub summary: String,
    pub sources: Vec<Source>,
    pub origin: Origin,
    /// The past mentioned as context, shown apart from the story.
    pub background: bool,
    /// For a built event, why its reports were joined.
    pub built_from: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Quote {
    pub id: String,
    pub article: Ix,
    pub speaker: Ix,
    pub event: Option<Ix>,
    pub text: String,
    /// Byte range of the quotation in the article body.
    pub span: Range<usize>,
    pub origin: Origin,
}
