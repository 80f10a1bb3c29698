//! `quotes.toml`: direct quotations, each found in its article.

use std::ops::Range;
use std::sync::Mutex;

use toml::Spanned;

use super::super::diag::{Diagnostic, SourceText};
use super::super::fields::{Ctx, Record};
use super::super::pieces::{self, Pieces};
use super::{locate, lookup, missing, Ids, Known};
use crate::model::{IdMap, Ix, Origin, Quote};

const QUOTE_FIELDS: [&str; 6] = ["id", "article", "speaker", "event", "text", "occurrence"];

pub fn quotes(
    src: &SourceText,
    known: &Known,
    event: &(dyn Fn(&str) -> Option<Ix> + Sync),
    problems: &mut Vec<Diagnostic>,
) -> Vec<Quote> {
    let later = Later::default();
    let check = |pieces: &mut Pieces, problems: &mut Vec<Diagnostic>| {
        quotes_in(src, pieces, known, event, &later, problems)
    };
    pieces::check(src, "quote", problems, check, |quotes| {
        quotes.iter().map(|q| q.id.as_str()).collect()
    })
}

/// The quotes of a file or of a piece of it.
fn quotes_in(
    src: &SourceText,
    pieces: &mut Pieces,
    known: &Known,
    event: &dyn Fn(&str) -> Option<Ix>,
    later: &Later,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Quote> {
    let mut ctx = Ctx {
        src,
        base: 0,
        problems,
    };
    let mut ids = Ids::new();
    let mut out = Vec::new();
    while let Some(table) = pieces.next(&mut ctx) {
        let mut rec = Record::new(table.get_ref(), table.span(), String::new());
        let id = rec.id(&mut ctx, "quote");
        let what = rec.what.clone();
        let article = rec.required(&mut ctx, "article");
        let speaker = rec.required(&mut ctx, "speaker");
        let event_id = rec.required(&mut ctx, "event");
        let text = rec.required(&mut ctx, "text");
        let occurrence = rec
            .positive(&mut ctx, "occurrence")
            .map_or(1, Spanned::into_inner);
        rec.finish(&mut ctx, &QUOTE_FIELDS);
        let article = article.and_then(|a| lookup(known.article, &a, &what, "article", &mut ctx));
        let speaker = speaker.and_then(|s| lookup(known.actor, &s, &what, "actor", &mut ctx));
        let event_ix = event_id.and_then(|e| lookup(event, &e, &what, "event", &mut ctx));
        let span = match (article, &text) {
            (Some(a), Some(t)) => later.locate(known, a, t, occurrence, &what, &mut ctx),
            _ => None,
        };
        let (Some(id), Some(article), Some(speaker), Some(text), Some(span)) =
            (id, article, speaker, text, span)
        else {
            continue;
        };
        if !ids.claim(&id, "quote", &mut ctx) {
            continue;
        }
        out.push(Quote {
            id: id.into_inner(),
            article,
            speaker,
            event: event_ix,
            text: text.into_inner(),
            span,
            origin: Origin::Curated,
        });
    }
    out
}

/// Where each text asked for at a later occurrence is in its article,
/// searched for once for the whole file (its pieces are checked on several
/// threads): an article that quotes the same words 20,000 times is not
/// searched again from its start for each of them.
#[derive(Default)]
struct Later(Mutex<IdMap<(Ix, String), Spans>>);

/// Every occurrence of one text in one article, in order.
type Spans = Vec<Range<usize>>;

impl Later {
    fn locate(
        &self,
        known: &Known,
        article: Ix,
        text: &Spanned<String>,
        occurrence: usize,
        what: &str,
        ctx: &mut Ctx,
    ) -> Option<Range<usize>> {
        // The first occurrence is the usual case and needs no list.
        if occurrence == 1 {
            return locate(known, article, text, occurrence, what, ctx);
        }
        let found = {
            let mut all = self.0.lock().unwrap_or_else(|e| e.into_inner());
            let found = all
                .entry((article, text.get_ref().clone()))
                .or_insert_with(|| known.fold(article).find_all(text.get_ref()));
            found.get(occurrence - 1).cloned()
        };
        if found.is_none() {
            missing(known, article, text, occurrence, what, ctx);
        }
        found
    }
}
