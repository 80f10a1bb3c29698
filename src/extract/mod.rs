//! Quotes, speakers, dated mentions and actor mentions from raw article
//! text, for articles nobody annotated. Pure functions over a body, its
//! publication date and the known actors; hand-written scanners whose time
//! is linear in the text (no regular expressions).

mod acronyms;
mod alone;
mod anchored;
pub mod augment;
pub mod caps;
mod chars;
mod clock;
mod date_words;
mod dates;
pub mod events;
mod fallbacks;
mod found;
mod lexicon;
mod loaded;
mod mentions;
mod names;
mod numeric;
mod quotes;
mod refer;
mod relative;
mod seasons;
mod speakers;
mod subjects;
mod tense;
mod tokens;

use std::ops::Range;

use chrono::NaiveDate;

pub use dates::DatedMention;
pub use loaded::{analyse, load, Loaded};
use mentions::{AliasIndex, Mention, Who};
use tokens::Tok;

use crate::model::Actor;

/// Who said a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// An index into the actor list the extractor was given.
    Actor(usize),
    /// Someone not in the list, named as written ("Jane Doe, a lawyer").
    New(String),
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuote {
    /// Byte range of the quoted words, without the marks. A quotation that
    /// runs over several paragraphs covers them all, reopening marks included.
    pub span: Range<usize>,
    /// The quoted words; the paragraphs of a long quotation joined by "\n\n".
    pub text: String,
    pub speaker: Option<Speaker>,
    /// How far to trust the speaker, 0..1.
    pub confidence: f32,
    /// The attribution rule that named the speaker.
    pub rule: &'static str,
}

/// The actors one paragraph names, in order of first mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphMentions {
    pub span: Range<usize>,
    pub actors: Vec<usize>,
}

/// Everything found in one article body.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub quotes: Vec<FoundQuote>,
    pub dates: Vec<DatedMention>,
    pub mentions: Vec<ParagraphMentions>,
    /// The happenings the article reports with a date, in text order.
    pub reports: Vec<events::Report>,
    /// What the caps on one article left out.
    pub capped: caps::Capped,
}

/// An extractor for one actor list, reusable across articles.
pub struct Extractor<'a> {
    actors: &'a [Actor],
    index: AliasIndex,
}

/// One paragraph, read once: its words, sentence starts, quoted passages
/// and mentions. Its words and lower case are its parts of the body's,
/// which are read once for all the paragraphs.
pub(crate) struct Para<'a> {
    pub range: Range<usize>,
    /// The paragraph's text in ASCII lower case, byte for byte.
    pub lower: &'a str,
    pub toks: &'a [Tok],
    pub sentences: Vec<usize>,
    /// Quotation interiors within this paragraph, in order.
    pub quoted: Vec<Range<usize>>,
    pub mentions: Vec<Mention>,
}

impl Para<'_> {
    /// The sentence holding byte `at`.
    pub fn sentence(&self, at: usize) -> Range<usize> {
        let k = self.sentences.partition_point(|&s| s <= at);
        let start = self.sentences.get(k.wrapping_sub(1)).copied();
        let end = self.sentences.get(k).copied().unwrap_or(self.range.end);
        start.unwrap_or(self.range.start)..end
    }

    /// True when byte `at` is inside no quotation.
    pub fn outside(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|r| r.end <= at);
        self.quoted.get(k).is_none_or(|r| at < r.start)
    }
}

impl<'a> Extractor<'a> {
    pub fn new(actors: &'a [Actor]) -> Extractor<'a> {
        Extractor {
            actors,
            index: AliasIndex::new(actors),
        }
    }

    /// Reads `full` within the caps of [`caps`] (its first `MAX_TEXT`
    /// bytes, the first items of each kind); spans are byte ranges of
    /// `full` all the same.
    pub fn run(&self, full: &str, published: Option<NaiveDate>) -> Extraction {
        let body = caps::readable(full);
        let ranges = tokens::paragraphs(body);
        let spans = quotes::find(body, &ranges);
        let lower = body.to_ascii_lowercase();
        let mut words = Vec::with_capacity(body.len() / 4);
        let bounds: Vec<Range<usize>> = ranges
            .iter()
            .map(|range| {
                let from = words.len();
                tokens::words(body, range.clone(), &mut words);
                from..words.len()
            })
            .collect();
        let mut paras = Vec::with_capacity(ranges.len());
        let mut parts = spans.iter().flat_map(|s| s.parts.iter()).peekable();
        for (range, bound) in ranges.into_iter().zip(bounds) {
            let mut quoted = Vec::new();
            while let Some(p) = parts.next_if(|p| p.start < range.end) {
                quoted.push(p.clone());
            }
            let toks = &words[bound];
            let sentences = tokens::sentences(body, range.clone(), &quoted);
            let mentions = mentions::scan(body, toks, &self.index, &quoted);
            paras.push(Para {
                lower: &lower[range.clone()],
                range,
                toks,
                sentences,
                quoted,
                mentions,
            });
        }
        let names = refer::add_surnames(body, &mut paras);

        let mut dates = Vec::new();
        let mut refs = anchored::Refs::default();
        for par in &paras {
            dates::scan(body, par, published, &mut refs, &mut dates);
        }
        let mentions = paras
            .iter()
            .map(|p| {
                let mut actors: Vec<usize> = Vec::new();
                for m in &p.mentions {
                    if let Who::Actor(a) = m.who {
                        if !actors.contains(&a) {
                            actors.push(a);
                        }
                    }
                }
                ParagraphMentions {
                    span: p.range.clone(),
                    actors,
                }
            })
            .collect();
        let mut quotes = speakers::attribute(body, &paras, &spans, self.actors, &names);
        let resolver = refer::Resolver {
            body,
            paras: &paras,
            actors: self.actors,
            names: &names,
        };
        let mut reports = events::reports(body, &paras, &dates, published, &resolver);
        let capped = caps::Capped {
            text: (body.len() < full.len()).then_some((body.len(), full.len())),
            events: caps::keep(&mut reports, caps::MAX_EVENTS),
            quotes: caps::keep(&mut quotes, caps::MAX_QUOTES),
            mentions: caps::keep(&mut dates, caps::MAX_MENTIONS),
        };
        Extraction {
            quotes,
            dates,
            mentions,
            reports,
            capped,
        }
    }
}

/// Extracts from one body with a one-off extractor.
pub fn extract(body: &str, published: Option<NaiveDate>, actors: &[Actor]) -> Extraction {
    Extractor::new(actors).run(body, published)
}
