//! The plain listing of `chronicle events`: one tab-separated line per
//! event (date, kind, title indented under its parent, actors, id). Also
//! what `chronicle serve` sends a reader who asked for no terminal.

use std::io::{self, Write};

use crate::model::{Corpus, Ix};

/// Writes one line per event of `shown`, in that order.
pub fn events(corpus: &Corpus, shown: &[Ix], out: &mut impl Write) -> io::Result<()> {
    for &e in shown {
        let event = &corpus.events[e];
        let indent = if event.parent.is_some() { "  " } else { "" };
        let actors: Vec<&str> = event
            .actors
            .iter()
            .map(|&a| corpus.actors[a].name.as_str())
            .collect();
        writeln!(
            out,
            "{}\t{}\t{indent}{}\t{}\t{}",
            event.date.display(),
            event.kind.name(),
            event.title,
            actors.join(", "),
            event.id
        )?;
    }
    Ok(())
}
