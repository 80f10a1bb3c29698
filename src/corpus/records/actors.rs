//! `actors.toml`: people and organisations, with every form of their name.

use std::collections::HashMap;

use toml::Spanned;

use super::super::diag::{Diagnostic, SourceText};
use super::super::fields::{parse, top_records, Ctx};
use super::Ids;
use crate::model::{Actor, ActorKind};

const ACTOR_FIELDS: [&str; 6] = ["id", "name", "aliases", "role", "country", "kind"];

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
