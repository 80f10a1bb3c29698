//! `events.toml`: the event model, its sources and its nesting.

use toml::Spanned;

use super::super::diag::{Diagnostic, SourceText};
use super::super::fields::{Ctx, Record};
use super::super::pieces::{self, Pieces};
use super::{locate, lookup, Ids, Known};
use crate::model::{DateSpec, Event, EventKind, IdMap, Ix, Origin, Source};

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

pub fn events(src: &SourceText, known: &Known, problems: &mut Vec<Diagnostic>) -> Vec<Event> {
    let check = |pieces: &mut Pieces, problems: &mut Vec<Diagnostic>| {
        events_in(src, pieces, known, problems)
    };
    let (mut out, parents) = pieces::check(src, "event", problems, check, |(events, _)| {
        events.iter().map(|e| e.id.as_str()).collect()
    });
    let mut ctx = Ctx {
        src,
        base: 0,
        problems,
    };
    link_parents(&mut out, parents, &mut ctx);
    out
}

/// The events of a file or of a piece of it, with the parent each names.
fn events_in(
    src: &SourceText,
    pieces: &mut Pieces,
    known: &Known,
    problems: &mut Vec<Diagnostic>,
) -> (Vec<Event>, Vec<Option<Spanned<String>>>) {
    let mut ctx = Ctx {
        src,
        base: 0,
        problems,
    };
    let mut ids = Ids::new();
    let mut out = Vec::new();
    let mut parents: Vec<Option<Spanned<String>>> = Vec::new();
    while let Some(table) = pieces.next(&mut ctx) {
        let mut rec = Record::new(table.get_ref(), table.span(), String::new());
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
        // Offsets in the file rather than the piece, for link_parents.
        let base = ctx.base;
        let parent = parent.map(|p| {
            let span = base + p.span().start..base + p.span().end;
            Spanned::new(span, p.into_inner())
        });
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
            background: false,
            built_from: None,
        });
    }
    (out, parents)
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
    let index: IdMap<&str, Ix> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    // Messages name the event; written only when there is one to write.
    let what = |ix: Ix| format!("event '{}'", events[ix].id);
    let wanted: Vec<Option<(Ix, &Spanned<String>)>> = parents
        .iter()
        .enumerate()
        .map(|(ix, p)| {
            let p = p.as_ref()?;
            let found = index.get(p.get_ref().as_str()).copied();
            if found.is_none() {
                let message = format!("{}: unknown parent event '{}'", what(ix), p.get_ref());
                ctx.error(p.span().start, message);
            }
            found.map(|parent| (parent, p))
        })
        .collect();
    let mut link = Vec::new();
    for (ix, want) in wanted.iter().enumerate() {
        let Some((parent, name)) = want else { continue };
        if *parent == ix {
            ctx.error(
                name.span().start,
                format!("{}: an event cannot be its own parent", what(ix)),
            );
        } else if wanted[*parent].is_some() {
            ctx.error(
                name.span().start,
                format!(
                    "{}: parent '{}' is itself a sub-event; nest one level only",
                    what(ix),
                    name.get_ref()
                ),
            );
        } else {
            link.push((ix, *parent));
        }
    }
    drop((index, wanted));
    for (ix, parent) in link {
        events[ix].parent = Some(parent);
    }
}
