//! `chronicle check`: every problem of the corpus, and what was left unread.

use std::io::Write;
use std::process::ExitCode;

use crate::extract::Loaded;
use crate::text::count;

/// Prints every problem; exits 1 when there is any.
pub fn run(loaded: &Loaded, out: &mut impl Write) -> ExitCode {
    for problem in &loaded.problems {
        if writeln!(out, "{problem}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    let c = &loaded.corpus;
    let summary = format!(
        "{}: {}",
        c.name,
        super::tally(&loaded.corpus, loaded.problems.len())
    );
    eprintln!("{summary}");
    let unread = loaded.extracted.unread_curated;
    if unread > 0 {
        eprintln!(
            "{} that curated events or quotes cite were not read for more: \
             their text is over {} MB",
            count(unread, "article"),
            crate::extract::augment::CURATED_TEXT_BUDGET >> 20
        );
    }
    for (a, capped) in &loaded.extracted.capped {
        let article = &c.articles[*a];
        eprintln!(
            "{}: article '{}' is {} {capped}",
            article.file,
            article.id,
            crate::extract::caps::OVER
        );
    }
    if loaded.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
