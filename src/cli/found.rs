//! What the extractor found, as `extract` and `mentions` print it: byte
//! spans with their character offsets, and dates with their anchors.

use serde::Serialize;

use crate::extract::{DatedMention, Extraction};
use crate::model::{Article, Precision};

/// Byte offsets to character offsets, in one pass over the body.
fn char_offsets(body: &str, bytes: &mut Vec<usize>) -> Vec<(usize, usize)> {
    bytes.sort_unstable();
    bytes.dedup();
    let mut out = Vec::with_capacity(bytes.len());
    let mut chars = 0;
    let mut at = 0;
    for &b in bytes.iter() {
        let b = b.min(body.len());
        chars += body.get(at..b).map_or(0, |s| s.chars().count());
        at = b;
        out.push((b, chars));
    }
    out
}

pub struct Chars(Vec<(usize, usize)>);

impl Chars {
    pub fn new(body: &str, ex: &Extraction) -> Chars {
        let mut bytes: Vec<usize> = ex
            .quotes
            .iter()
            .flat_map(|q| [q.span.start, q.span.end])
            .chain(ex.dates.iter().flat_map(|d| [d.span.start, d.span.end]))
            .collect();
        Chars(char_offsets(body, &mut bytes))
    }

    pub fn at(&self, byte: usize) -> usize {
        let k = self.0.partition_point(|&(b, _)| b < byte);
        self.0.get(k).map_or(0, |&(_, c)| c)
    }
}

#[derive(Serialize)]
pub struct MentionOut<'a> {
    article: &'a str,
    /// The sentence the mention is in.
    text: &'a str,
    phrase: &'a str,
    date: Option<String>,
    precision: Option<Precision>,
    anchor: Option<String>,
    rule: &'static str,
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
}

pub fn mentions_out<'a>(
    article: &'a Article,
    ex: &'a Extraction,
    chars: &Chars,
) -> Vec<MentionOut<'a>> {
    ex.dates
        .iter()
        .map(|d| MentionOut {
            article: &article.id,
            text: article.body.get(d.sentence.clone()).unwrap_or(""),
            phrase: &d.phrase,
            date: d.date.as_ref().map(|d| d.to_edtf()),
            precision: d.date.as_ref().map(|d| d.precision()),
            anchor: d.anchor.map(|a| a.to_string()),
            rule: d.rule,
            start: d.span.start,
            end: d.span.end,
            char_start: chars.at(d.span.start),
            char_end: chars.at(d.span.end),
        })
        .collect()
}

/// A mention's date at its precision and its anchor, as the plain output
/// shows them.
pub fn date_and_anchor(d: &DatedMention) -> (String, String) {
    let date = d
        .date
        .as_ref()
        .map_or("unresolved".to_owned(), |d| d.display());
    let anchor = d.anchor.map_or("-".to_owned(), |a| a.to_string());
    (date, anchor)
}
