//! What `--actor`, `--any` and `--text` pick, shared by `events`, `quotes`
//! and `export`.

use std::io;

use crate::filter::{resolve_actor, Combine, Filter};
use crate::model::{Corpus, Ix};
use crate::text::sanitize::sanitize_line;

/// Resolves every --actor; an unknown name is an error naming it. A name
/// that is not the chosen actor's own (an alias, an id, a typo) is told on
/// stderr, so that nobody filters by the wrong actor unawares.
pub fn actors(corpus: &Corpus, names: &[String]) -> io::Result<Vec<Ix>> {
    names
        .iter()
        .map(|name| {
            let shown = sanitize_line(name);
            let Some(actor) = resolve_actor(corpus, name) else {
                let message = if name.trim().is_empty() {
                    "--actor needs a name (an empty one matches nobody)".to_owned()
                } else {
                    format!("no actor matches '{shown}'")
                };
                return Err(io::Error::new(io::ErrorKind::InvalidInput, message));
            };
            let chosen = &corpus.actors[actor].name;
            if !chosen.eq_ignore_ascii_case(name.trim()) {
                eprintln!("--actor {shown}: {}", sanitize_line(chosen));
            }
            Ok(actor)
        })
        .collect()
}

/// The filter the command line asks for: `--actor` names (all of them, or
/// any with `--any`) and a text query.
pub fn filter(corpus: &Corpus, names: &[String], any: bool, text: &str) -> io::Result<Filter> {
    Ok(Filter {
        actors: actors(corpus, names)?,
        combine: if any { Combine::Any } else { Combine::All },
        text: text.to_owned(),
        ..Filter::default()
    })
}
