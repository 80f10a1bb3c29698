//! TimelineJS slides and eras made outside chronicle: each becomes an
//! event of kind `other` with a stub article made from its text and media,
//! and each `group` a headline event over its slides. The slide or era as
//! written goes into the passthrough, so that the export gives it back.

use std::collections::HashSet;

use serde_json::Value;

use super::timelinejs::Importer;
use super::{dates, html, slug};
use crate::export::json::{ArticleDoc, EventDoc, SourceDoc};
use crate::model::passthrough::{Kept, Role};
use crate::model::DateSpec;
use crate::text::fold::fold;

impl Importer {
    /// A unique id from the slide's id or headline: the slug, or else the
    /// slug with the next free number. Each slug remembers the number it got
    /// to, so that 50,000 slides of one id do not count up from 2 each.
    pub(super) fn claim_id(&mut self, wanted: &str, fallback: &str) -> String {
        let base = [wanted, fallback]
            .iter()
            .map(|s| slug(s))
            .find(|s| !s.is_empty())
            .unwrap_or_else(|| "event".into());
        let free = |ids: &HashSet<String>, id: &str| !ids.contains(id);
        let (ids, articles, reserved) = (&self.ids, &self.article_ids, &self.reserved);
        if free(ids, &base) && free(articles, &base) && free(reserved, &base) {
            self.ids.insert(base.clone());
            return base;
        }
        let n = self.next_number.entry(base.clone()).or_insert(2);
        let id = loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if free(ids, &id) && free(articles, &id) && free(reserved, &id) {
                break id;
            }
        };
        self.ids.insert(id.clone());
        id
    }

    /// Slide or era `n` (1-based) of the file, as an event.
    pub(super) fn foreign(&mut self, role: Role, n: usize, slide: &Value) {
        let what = match role {
            Role::Era => format!("era {n}"),
            _ => format!("slide {n}"),
        };
        let Some(obj) = slide.as_object() else {
            self.notes.push(format!("{what}: not an object; skipped"));
            return;
        };
        let headline = html::line(
            obj.get("text")
                .and_then(|t| t.get("headline"))
                .and_then(Value::as_str)
                .unwrap_or(""),
        );
        let what = if headline.is_empty() {
            what
        } else {
            format!("{what} ({headline})")
        };
        let date = match dates::slide_date(obj, &what, &mut self.notes) {
            Some(date) => date,
            None => return,
        };
        let paras = html::paragraphs(
            obj.get("text")
                .and_then(|t| t.get("text"))
                .and_then(Value::as_str)
                .unwrap_or(""),
        );
        let title = if headline.is_empty() {
            let t = paras.first().cloned().unwrap_or_else(|| match role {
                Role::Era => format!("Era {n}"),
                _ => format!("Slide {n}"),
            });
            self.notes
                .push(format!("{what}: no headline; titled '{t}'"));
            t
        } else {
            headline.clone()
        };
        let wanted = obj.get("unique_id").and_then(Value::as_str).unwrap_or("");
        if obj.get("unique_id").is_some() && wanted.is_empty() {
            self.notes
                .push(format!("{what}: `unique_id` is not a string; made one"));
        }
        let id = self.claim_id(wanted, &title);
        if !wanted.is_empty() && id != wanted {
            self.notes
                .push(format!("{what}: id '{wanted}' written as '{id}'"));
        }
        let mut body = if paras.is_empty() {
            vec![title.clone()]
        } else {
            paras
        };
        // The excerpt is looked for again when the corpus loads: text of
        // quote marks only folds to nothing and is found nowhere.
        let excerpt = match body.iter().find(|p| !fold(p).is_empty()) {
            Some(p) => p.clone(),
            None => {
                body.push(format!("Slide {n}."));
                body[body.len() - 1].clone()
            }
        };
        let media = obj.get("media").and_then(Value::as_object);
        let media_str = |k: &str| {
            media
                .and_then(|m| m.get(k))
                .and_then(Value::as_str)
                .map(html::line)
                .filter(|s| !s.is_empty())
        };
        self.article_ids.insert(id.clone());
        self.doc.articles.push(ArticleDoc {
            id: id.clone(),
            title: media_str("caption").unwrap_or_else(|| title.clone()),
            outlet: media_str("credit"),
            url: media
                .and_then(|m| m.get("url"))
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(String::from),
            published: None,
            published_note: Some("Made by chronicle import from a TimelineJS slide.".into()),
            body: body.join("\n\n"),
        });
        let display = obj
            .get("display_date")
            .and_then(Value::as_str)
            .map(html::line)
            .filter(|d| !d.is_empty());
        let mut spec = date;
        if let Some(shown) = &display {
            let lower = shown.to_lowercase();
            spec.approximate |= ["c.", "ca.", "circa", "about", "around", "~"]
                .iter()
                .any(|w| lower.starts_with(w) || lower.contains('~'));
            spec.uncertain |= lower.contains('?');
        }
        if let Some(group) = obj
            .get("group")
            .filter(|_| role == Role::Slide)
            .and_then(Value::as_str)
            .map(html::line)
            .filter(|g| !g.is_empty())
        {
            let at = self.doc.events.len();
            match self.group_index.get(&group) {
                Some(&g) => self.groups[g].1.push(at),
                None => {
                    self.group_index.insert(group.clone(), self.groups.len());
                    self.groups.push((group, vec![at]));
                }
            }
        }
        let summary = body.join(" ");
        self.doc.timelinejs.events.insert(
            id.clone(),
            Kept {
                role,
                object: slide.clone(),
                title: title.clone(),
                date: spec.to_edtf(),
                summary: summary.clone(),
            },
        );
        // A StoryMap-style `location` names the place.
        let place = match obj.get("location") {
            Some(Value::String(s)) => Some(html::line(s)),
            Some(loc) => loc.get("name").and_then(Value::as_str).map(html::line),
            None => None,
        }
        .filter(|p| !p.is_empty());
        self.doc.events.push(EventDoc {
            id: id.clone(),
            date: spec.to_edtf(),
            display_date: String::new(),
            precision: String::new(),
            approximate: spec.approximate,
            uncertain: spec.uncertain,
            date_note: display.map(|d| format!("Shown as “{d}” in the TimelineJS file.")),
            title,
            place,
            kind: "other".into(),
            actors: Vec::new(),
            parent: None,
            summary,
            sources: vec![SourceDoc {
                article: id,
                excerpt,
                start: 0,
                end: 0,
            }],
            origin: None,
            background: None,
            built_from: None,
        });
    }

    /// Each group of foreign slides becomes a headline event spanning them,
    /// placed before its first slide.
    pub(super) fn make_groups(&mut self) {
        let groups = std::mem::take(&mut self.groups);
        let mut heads: Vec<(usize, EventDoc)> = Vec::new();
        for (name, members) in groups {
            let id = self.claim_id(&name, "group");
            let specs: Vec<DateSpec> = members
                .iter()
                .filter_map(|&m| DateSpec::parse(&self.doc.events[m].date).ok())
                .collect();
            let start = specs
                .iter()
                .map(|s| s.start())
                .min_by_key(|d| d.first_day());
            let end = specs
                .iter()
                .map(|s| s.end().unwrap_or(s.start()))
                .max_by_key(|d| d.last_day());
            let spec = match (start, end) {
                (Some(start), Some(end)) if end == start => DateSpec::point(start),
                // The latest last day is never before the earliest first day.
                (Some(start), Some(end)) => match DateSpec::span(start, end) {
                    Some(spec) => spec,
                    None => continue,
                },
                _ => continue,
            };
            let first = members[0];
            for &m in &members {
                self.doc.events[m].parent = Some(id.clone());
            }
            self.notes.push(format!(
                "group '{name}' became headline event '{id}' over {}",
                crate::text::count(members.len(), "slide")
            ));
            let source = self.doc.events[first].sources[0].clone();
            let summary = format!("Slides grouped as “{name}” in the TimelineJS file.");
            self.doc.timelinejs.events.insert(
                id.clone(),
                Kept {
                    role: Role::Group,
                    object: Value::Null,
                    title: name.clone(),
                    date: spec.to_edtf(),
                    summary: summary.clone(),
                },
            );
            heads.push((
                first,
                EventDoc {
                    id,
                    date: spec.to_edtf(),
                    display_date: String::new(),
                    precision: String::new(),
                    approximate: false,
                    uncertain: false,
                    date_note: Some("The span of the slides of this TimelineJS group.".into()),
                    title: name.clone(),
                    place: None,
                    kind: "other".into(),
                    actors: Vec::new(),
                    parent: None,
                    summary,
                    sources: vec![source],
                    origin: None,
                    background: None,
                    built_from: None,
                },
            ));
        }
        // Each head goes before its first slide, in one pass over the events.
        heads.sort_by_key(|(at, _)| *at);
        let slides = std::mem::take(&mut self.doc.events);
        let mut heads = heads.into_iter().peekable();
        for (at, slide) in slides.into_iter().enumerate() {
            while let Some((_, head)) = heads.next_if(|(first, _)| *first == at) {
                self.doc.events.push(head);
            }
            self.doc.events.push(slide);
        }
    }
}
