//! `chronicle mentions`: the dated mentions found in every article of the
//! corpus, with the resolved date, the anchor and the rule used.

use std::io::{self, Write};
use std::process::ExitCode;

use super::found::{date_and_anchor, mentions_out, Chars};
use super::warn;
use crate::extract::Loaded;
use crate::extract::{caps, Extraction, Extractor};
use crate::model::Article;

#[derive(Debug, clap::Args)]
pub struct MentionsArgs {
    /// Print JSON instead of one line per mention.
    #[arg(long)]
    pub json: bool,
}

/// `chronicle mentions`: the dated mentions of every article in the corpus.
pub fn run(loaded: &Loaded, args: &MentionsArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(&loaded.problems);
    let corpus = &loaded.corpus;
    let extractor = Extractor::new(&corpus.actors);
    let found: Vec<(&Article, Extraction)> = corpus
        .articles
        .iter()
        .map(|a| (a, extractor.run(&a.body, a.published)))
        .collect();
    for (article, ex) in &found {
        if ex.capped.any() {
            eprintln!("warning: {}: {} {}", article.file, caps::OVER, ex.capped);
        }
    }
    if args.json {
        let mut list = Vec::new();
        for (article, ex) in &found {
            list.extend(mentions_out(article, ex, &Chars::new(&article.body, ex)));
        }
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
    } else {
        for (article, ex) in &found {
            for d in &ex.dates {
                let (date, anchor) = date_and_anchor(d);
                writeln!(
                    out,
                    "{date}\t“{}”\t{}\tanchor {anchor}\t{}",
                    d.phrase, d.rule, article.id
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
