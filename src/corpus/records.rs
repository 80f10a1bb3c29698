//! `actors.toml`, `events.toml` and `quotes.toml`: read, checked against
//! each other and the articles, and turned into model structs. A record
//! with a fatal problem is left out; a bad reference inside a good record
//! is dropped with a problem, so the rest of the record still shows.

use std::collections::HashMap;

use toml::Spanned;

use super::diag::{Diagnostic, SourceText};
use super::fields::{parse, top_records, Ctx, Record};
use crate::model::{
    Actor, ActorKind, Article, DateSpec, Event, EventKind, Ix, Origin, Quote, Source,
};
use crate::text::fold::Folded;

const ACTOR_FIELDS: [&str; 6] = ["id", "name", "aliases", "role", "country", "kind"];
const EVENT_FIELDS: [&str; 10] = [
    "id",
    "date",
    "date_note",
    "title",
    "place",
    "kind",
    "actors",
    "parent",
    "summary",
    "source",
];
const SOURCE_FIELDS: [&str; 2] = ["article", "excerpt"];
const QUOTE_FIELDS: [&str; 6] = ["id", "article", "speaker", "event", "text", "occurrence"];

/// Ids already seen in one file, with the byte offset of the first
/// definition: its line is computed only for a duplicate, since counting
/// lines for every record is quadratic in the file size.
struct Ids(HashMap<String, usize>);

impl Ids {
    fn new() -> Self {
        Ids(HashMap::new())
    }

    /// True when `id` is new; otherwise reports the duplicate.
    fn claim(&mut self, id: &Spanned<String>, kind: &str, ctx: &mut Ctx) -> bool {
        match self.0.get(id.get_ref()) {
            Some(&first) => {
                let first = ctx.src.at(ctx.base + first, "").line;
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
                self.0.insert(id.get_ref().clone(), id.span().start);
                true
            }
        }
    }
}

pub fn actors(src: &SourceText, problems: &mut Vec<Diagnostic>) -> Vec<Actor> {
    let mut ctx = Ctx {
        src,
        base: 0,
        problems,
    };
    let doc = parse(&src.text, &mut ctx);
    let mut ids = Ids::new();
    let mut names: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    for mut rec in top_records(&doc, "actor", &mut ctx) {
        let id = rec.id(&mut ctx, "actor");
        let name = rec.required(&mut ctx, "name");
        let aliases = rec.strings(&mut ctx, "aliases");
        let role = rec.string(&mut ctx, "role").map(Spanned::into_inner);
        let country = rec.string(&mut ctx, "country").map(Spanned::into_inner);
        let kind = match rec.string(&mut ctx, "kind") {
            None => Some(ActorKind::Person),
            Some(k) => match k.get_ref().as_str() {
                "person" => Some(ActorKind::Person),
                "organisation" | "organization" => Some(ActorKind::Organisation),
                other => {
                    ctx.error(
                        k.span().start,
                        format!("{}: kind '{other}' is not person or organisation", rec.what),
                    );
                    None
                }
            },
        };
        let what = rec.what.clone();
        rec.finish(&mut ctx, &ACTOR_FIELDS);
        let (Some(id), Some(name), Some(kind)) = (id, name, kind) else {
            continue;
        };
        if !ids.claim(&id, "actor", &mut ctx) {
            continue;
        }
        let mut kept = Vec::new();
        for form in std::iter::once(&name).chain(&aliases) {
            let key = form.get_ref().to_lowercase();
            match names.get(&key) {
                Some(owner) if owner != id.get_ref() => {
                    ctx.error(
                        form.span().start,
                        format!(
                            "{what}: name '{}' already belongs to actor '{owner}'",
                            form.get_ref()
                        ),
                    );
                }
                _ => {
                    names.insert(key, id.get_ref().clone());
                    if form.get_ref() != name.get_ref() && !form.get_ref().is_empty() {
                        kept.push(form.get_ref().clone());
                    }
                }
            }
        }
        out.push(Actor {
            id: id.into_inner(),
            name: name.into_inner(),
            aliases: kept,
            role,
            country,
            kind,
        });
    }
    out
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
    /// Each article's body folded once, for finding excerpts and quotes.
    pub folded: &'a [Folded],
    pub article: &'a dyn Fn(&str) -> Option<Ix>,
    pub actor: &'a dyn Fn(&str) -> Option<Ix>,
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
    let folded = &known.folded[article];
    let article = &known.articles[article];
    let found = folded.find(text.get_ref(), occurrence);
    if found.is_none() {
        let count = folded.count(text.get_ref());
        let message = if count == 0 {
            format!(
                "{what}: text not found in article '{}': \"{}\"",
                article.id,
                short(text.get_ref())
            )
        } else {
            format!("{what}: article '{}' has only {count} occurrence(s) of this text, not {occurrence}", article.id)
        };
        ctx.error(text.span().start, message);
    }
    found
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}

pub fn events(src: &SourceText, known: &Known, problems: &mut Vec<Diagnostic>) -> Vec<Event> {
    let mut ctx = Ctx {
        src,
        base: 0,
        problems,
    };
    let doc = parse(&src.text, &mut ctx);
    let mut ids = Ids::new();
    let mut out = Vec::new();
    let mut parents: Vec<Option<Spanned<String>>> = Vec::new();
    for mut rec in top_records(&doc, "event", &mut ctx) {
        let id = rec.id(&mut ctx, "event");
        let what = rec.what.clone();
        let date =
            rec.required(&mut ctx, "date")
                .and_then(|d| match DateSpec::parse(d.get_ref()) {
                    Ok(date) => Some(date),
                    Err(err) => {
                        ctx.error(
                            ctx.value_start(&d.span(), d.get_ref()) + err.offset,
                            format!("{what}: {}", err.message),
                        );
                        None
                    }
                });
        let date_note = rec.string(&mut ctx, "date_note").map(Spanned::into_inner);
        let title = rec.required(&mut ctx, "title");
        let place = rec
            .string(&mut ctx, "place")
            .map(Spanned::into_inner)
            .filter(|p| !p.is_empty());
        let kind = rec.required(&mut ctx, "kind").and_then(|k| {
            let parsed = EventKind::parse(k.get_ref());
            if parsed.is_none() {
                let all: Vec<&str> = EventKind::ALL.iter().map(|k| k.name()).collect();
                ctx.error(
                    k.span().start,
                    format!(
                        "{what}: unknown kind '{}' (use one of: {})",
                        k.get_ref(),
                        all.join(", ")
                    ),
                );
            }
            parsed
        });
        let mut actors = Vec::new();
        for name in rec.strings(&mut ctx, "actors") {
            match lookup(known.actor, &name, &what, "actor", &mut ctx) {
                Some(actor) if actors.contains(&actor) => {
                    let shown = name.get_ref();
                    ctx.error(
                        name.span().start,
                        format!("{what}: actor '{shown}' is listed twice"),
                    );
                }
                Some(actor) => actors.push(actor),
                None => {}
            }
        }
        let parent = rec.string(&mut ctx, "parent");
        let summary = rec.required(&mut ctx, "summary");
        let source_recs = rec.tables(&mut ctx, "source");
        let record_start = id.as_ref().map_or(rec.span.start, |i| i.span().start);
        rec.finish(&mut ctx, &EVENT_FIELDS);
        if source_recs.is_empty() {
            ctx.error(
                record_start,
                format!(
                    "{what}: needs at least one [[event.source]] with an article and an excerpt"
                ),
            );
        }
        let sources = source_recs
            .into_iter()
            .filter_map(|s| source(s, known, &what, &mut ctx))
            .collect();
        let (Some(id), Some(date), Some(title), Some(kind), Some(summary)) =
            (id, date, title, kind, summary)
        else {
            continue;
        };
        if !ids.claim(&id, "event", &mut ctx) {
            continue;
        }
        parents.push(parent);
        out.push(Event {
            id: id.into_inner(),
            date,
            date_note,
            title: title.into_inner(),
            place,
            kind,
            actors,
            parent: None,
            summary: summary.into_inner(),
            sources,
            origin: Origin::Curated,
        });
    }
    link_parents(&mut out, parents, &mut ctx);
    out
}

fn source(mut rec: Record, known: &Known, what: &str, ctx: &mut Ctx) -> Option<Source> {
    rec.what = format!("source of {what}");
    let article = rec.required(ctx, "article");
    let excerpt = rec.required(ctx, "excerpt");
    rec.finish(ctx, &SOURCE_FIELDS);
    let article_ix = lookup(known.article, &article?, what, "article", ctx)?;
    let excerpt = excerpt?;
    let span = locate(known, article_ix, &excerpt, 1, what, ctx)?;
    Some(Source {
        article: article_ix,
        excerpt: excerpt.into_inner(),
        span,
    })
}

/// Sub-events name their headline event; nesting is one level deep.
fn link_parents(events: &mut [Event], parents: Vec<Option<Spanned<String>>>, ctx: &mut Ctx) {
    let index: HashMap<&str, Ix> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let wanted: Vec<Option<(Ix, &Spanned<String>)>> = parents
        .iter()
        .enumerate()
        .map(|(ix, p)| {
            let p = p.as_ref()?;
            let what = format!("event '{}'", events[ix].id);
            lookup(&|id| index.get(id).copied(), p, &what, "parent event", ctx)
                .map(|parent| (parent, p))
        })
        .collect();
    for (ix, want) in wanted.iter().enumerate() {
        let Some((parent, name)) = want else { continue };
        let what = format!("event '{}'", events[ix].id);
        if *parent == ix {
            ctx.error(
                name.span().start,
                format!("{what}: an event cannot be its own parent"),
            );
        } else if wanted[*parent].is_some() {
            ctx.error(
                name.span().start,
                format!(
                    "{what}: parent '{}' is itself a sub-event; nest one level only",
                    name.get_ref()
                ),
            );
        } else {
            events[ix].parent = Some(*parent);
        }
    }
}

pub fn quotes(
    src: &SourceText,
    known: &Known,
    event: &dyn Fn(&str) -> Option<Ix>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Quote> {
    let mut ctx = Ctx {
        src,
        base: 0,
        problems,
    };
    let doc = parse(&src.text, &mut ctx);
    let mut ids = Ids::new();
    let mut out = Vec::new();
    for mut rec in top_records(&doc, "quote", &mut ctx) {
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
            (Some(a), Some(t)) => locate(known, a, t, occurrence, &what, &mut ctx),
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
