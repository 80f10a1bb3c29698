//! The words a clause is read by: verbs that attribute, bound, or make a
//! plan of what is dated; nouns of happenings; clause openers; and the
//! kind of event a verb reports.

use super::super::lexicon::Lexicon;
use crate::model::EventKind;

/// Verbs that attribute words to someone: a date beside them dates the
/// saying ("told TASS on Monday"), not a happening.
pub(super) static ATTRIBUTION: Lexicon = Lexicon::new(&[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "stated",
    "commented",
    "wrote",
    "tweeted",
    "posted",
    "asked",
    "replied",
    "explained",
    "according",
    "reported",
    "reports",
    "quoted",
    "cited",
    "saying",
    "telling",
]);

/// Prepositions before a date that bound a stretch of time rather than
/// date a happening.
pub(super) static BOUNDING: Lexicon = Lexicon::new(&[
    "since",
    "until",
    "till",
    "through",
    "throughout",
    "from",
    "by",
]);

/// Verbs of a plan that may not have happened, and of one that did not.
pub(super) static UNREAL: Lexicon = Lexicon::new(&[
    "scheduled",
    "planned",
    "supposed",
    "expected",
    "due",
    "intended",
    "cancelled",
    "canceled",
    "postponed",
    "delayed",
    "not",
    "never",
    "hoped",
    "would",
    "could",
    "might",
    "may",
]);

/// Nouns that name a happening: a date beside one dates it even with no
/// verb ("after last week's election", "the summit on April 25").
pub(super) static EVENT_NOUNS: Lexicon = Lexicon::new(&[
    "election",
    "elections",
    "vote",
    "referendum",
    "summit",
    "visit",
    "trip",
    "meeting",
    "talks",
    "conference",
    "marathon",
    "race",
    "outbreak",
    "attack",
    "attacks",
    "bombing",
    "bombings",
    "earthquake",
    "quake",
    "storm",
    "hurricane",
    "flood",
    "floods",
    "explosion",
    "crash",
    "ruling",
    "verdict",
    "hearing",
    "war",
    "invasion",
    "coup",
    "protest",
    "protests",
    "rally",
    "strike",
    "strikes",
    "ceremony",
    "inauguration",
    "funeral",
    "launch",
    "decision",
    "announcement",
    "declaration",
    "agreement",
    "treaty",
    "deal",
    "debate",
    "parade",
]);

/// Words that open a new clause inside a sentence.
pub(super) static CLAUSE_OPENERS: Lexicon = Lexicon::new(&[
    "and", "but", "which", "who", "while", "whereas", "although", "as", "when", "because", "after",
    "before", "where", "whom", "whose", "though", "since", "until", "so",
]);

/// Words that open a subordinate clause, in lower case as inside a
/// sentence.
pub(super) static SUBORDINATORS: Lexicon = Lexicon::new(&[
    "after", "before", "when", "because", "while", "although", "though", "whereas", "once",
    "until", "since",
]);

/// The kind of event a verb reports, for the verbs that say.
pub(super) fn kind_of(verb: &str) -> Option<EventKind> {
    Some(match verb {
        "met" | "meet" | "meets" => EventKind::Meeting,
        "held" | "hold" | "talked" | "discussed" | "negotiated" => EventKind::Talks,
        "signed" | "agreed" | "ratified" | "approved" => EventKind::Agreement,
        "arrived" | "landed" | "left" | "departed" | "flew" | "travelled" | "traveled"
        | "returned" => EventKind::Travel,
        "visited" | "toured" => EventKind::Visit,
        "announced" | "declared" | "warned" | "pledged" | "ruled" => EventKind::Statement,
        "fired" | "launched" | "tested" => EventKind::Launch,
        "attacked" | "struck" | "killed" | "bombed" | "shelled" | "invaded" => EventKind::Military,
        "gave" | "presented" => EventKind::Gift,
        "opened" | "inaugurated" | "welcomed" | "hosted" | "celebrated" => EventKind::Ceremony,
        "published" | "released" => EventKind::Report,
        _ => return None,
    })
}

/// Words of a speaker speaking of themselves or to the listener.
pub(super) static FIRST_PERSON: Lexicon = Lexicon::new(&[
    "i", "i'm", "i’m", "we", "we're", "we’re", "we've", "we’ve", "our", "ours", "us", "my", "me",
    "you", "your",
]);
