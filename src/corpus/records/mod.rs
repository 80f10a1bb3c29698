//! `actors.toml`, `events.toml` and `quotes.toml`: read, checked against
//! each other and the articles, and turned into model structs. A record
//! with a fatal problem is left out; a bad reference inside a good record
//! is dropped with a problem, so the rest of the record still shows.

mod actors;
mod events;
mod quotes;

use std::sync::OnceLock;

use toml::Spanned;

use super::fields::Ctx;
use crate::model::{Article, IdMap, Ix};
use crate::text::fold::Folded;

pub use actors::actors;
pub use events::events;
pub use quotes::quotes;

/// Ids already seen in one file, with the byte offset in the file of the
/// first definition: its line is looked up only for a duplicate.
struct Ids(IdMap<String, usize>);

impl Ids {
    fn new() -> Self {
        Ids(IdMap::default())
    }

    /// True when `id` is new; otherwise reports the duplicate.
    fn claim(&mut self, id: &Spanned<String>, kind: &str, ctx: &mut Ctx) -> bool {
        match self.0.get(id.get_ref()) {
            Some(&first) => {
                let first = ctx.src.at(first, "").line;
                ctx.error(
                    id.span().start,
                    format!(
                        "duplicate {kind} id '{}' (first defined on line {first})",
                        id.get_ref()
                    ),
                );
                false
            }
            None => {
                let at = ctx.base + id.span().start;
                self.0.insert(id.get_ref().clone(), at);
                true
            }
        }
    }
}

/// Looks up an id in a map of known ids, reporting it when unknown.
fn lookup(
    known: &dyn Fn(&str) -> Option<Ix>,
    id: &Spanned<String>,
    what: &str,
    kind: &str,
    ctx: &mut Ctx,
) -> Option<Ix> {
    let found = known(id.get_ref());
    if found.is_none() {
        ctx.error(
            id.span().start,
            format!("{what}: unknown {kind} '{}'", id.get_ref()),
        );
    }
    found
}

/// What events need to know about the rest of the corpus.
pub struct Known<'a> {
    pub articles: &'a [Article],
    /// Each article's body folded once, for finding excerpts and quotes:
    /// at its first lookup, so that an article no record cites (a large
    /// one above all) is never folded.
    pub folded: &'a [OnceLock<Folded>],
    pub article: &'a (dyn Fn(&str) -> Option<Ix> + Sync),
    pub actor: &'a (dyn Fn(&str) -> Option<Ix> + Sync),
}

impl Known<'_> {
    /// The article's body folded, at its first lookup.
    pub fn fold(&self, article: Ix) -> &Folded {
        self.folded[article].get_or_init(|| Folded::new(&self.articles[article].body))
    }
}

/// Finds `text` in an article, reporting where it is missing.
fn locate(
    known: &Known,
    article: Ix,
    text: &Spanned<String>,
    occurrence: usize,
    what: &str,
    ctx: &mut Ctx,
) -> Option<std::ops::Range<usize>> {
    let found = known.fold(article).find(text.get_ref(), occurrence);
    if found.is_none() {
        missing(known, article, text, occurrence, what, ctx);
    }
    found
}

/// Reports a text not found in its article, or not as often as asked.
fn missing(
    known: &Known,
    article: Ix,
    text: &Spanned<String>,
    occurrence: usize,
    what: &str,
    ctx: &mut Ctx,
) {
    let folded = known.fold(article);
    let article = &known.articles[article];
    let count = folded.count(text.get_ref());
    let message = if count == 0 {
        format!(
            "{what}: text not found in article '{}': \"{}\"",
            article.id,
            short(text.get_ref())
        )
    } else {
        format!(
            "{what}: article '{}' has only {} of this text, not {occurrence}",
            article.id,
            crate::text::count(count, "occurrence")
        )
    };
    ctx.error(text.span().start, message);
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}
