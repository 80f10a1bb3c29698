//! What `--actor`, `--any` and `--text` pick, shared by `events`, `quotes`
//! and `export`.

use std::io;

use crate::filter::{resolve_actor, Combine, Filter};
use crate::model::{Corpus, Ix};

/// Resolves every --actor; an unknown name is an error naming it.
pub fn actors(corpus: &Corpus, names: &[String]) -> io::Result<Vec<Ix>> {
    names
        .iter()
        .map(|name| {
            resolve_actor(corpus, name).ok_or_else(|| {
                let shown = crate::text::sanitize::sanitize_line(name);
                let message = if name.trim().is_empty() {
                    "--actor needs a name (an empty one matches nobody)".to_owned()
                } else {
                    format!("no actor matches '{shown}'")
                };
                io::Error::new(io::ErrorKind::InvalidInput, message)
            })
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
    })
}
