//! Reading a corpus: files -> parse and validate -> model. Every problem is
//! collected as a `Diagnostic`; whatever is valid still loads.

mod article;
mod articles;
pub mod diag;
mod fields;
mod files;
mod pieces;
mod records;

use std::collections::HashMap;
use std::path::PathBuf;

pub use diag::Diagnostic;

use crate::model::Corpus;
use records::Known;

/// Where a corpus comes from.
#[derive(Debug, Clone)]
pub enum Location {
    /// The corpus built into the binary.
    Embedded,
    Dir(PathBuf),
}

/// A loaded corpus and every problem found on the way.
pub struct Loaded {
    pub corpus: Corpus,
    pub problems: Vec<Diagnostic>,
    /// What the extractor added for articles no curated event cites.
    pub extracted: crate::extract::augment::Augmented,
}

pub fn load(location: &Location) -> Loaded {
    let mut problems = Vec::new();
    let (name, files) = match location {
        Location::Embedded => ("shipped corpus".to_owned(), files::embedded(&mut problems)),
        Location::Dir(dir) => (
            dir.to_string_lossy().into_owned(),
            files::directory(dir, &mut problems),
        ),
    };
    let (corpus, extracted) = build(
        crate::text::sanitize::sanitize_line(&name).into_owned(),
        files,
        &mut problems,
    );
    Loaded {
        corpus,
        problems,
        extracted,
    }
}

/// Reads one article file outside any corpus (`chronicle extract FILE`);
/// `None`, with a problem, when nothing usable is in it.
pub fn read_article(
    path: &str,
    text: String,
    problems: &mut Vec<Diagnostic>,
) -> Option<crate::model::Article> {
    let src = diag::SourceText {
        path: path.to_owned(),
        text,
    };
    article::read(&src, problems).map(|(article, _)| article)
}

fn build(
    name: String,
    mut files: files::CorpusFiles,
    problems: &mut Vec<diag::Diagnostic>,
) -> (Corpus, crate::extract::augment::Augmented) {
    let articles::Read { articles, folded } =
        articles::read_all(std::mem::take(&mut files.articles), problems);
    let actors = files
        .actors
        .as_ref()
        .map(|src| records::actors(src, problems))
        .unwrap_or_default();

    let article_ix: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let actor_ix: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let article = |id: &str| article_ix.get(id).copied();
    let actor = |id: &str| actor_ix.get(id).copied();
    let known = Known {
        articles: &articles,
        folded: &folded,
        article: &article,
        actor: &actor,
    };
    let events = files
        .events
        .as_ref()
        .map(|src| records::events(src, &known, problems))
        .unwrap_or_default();
    // A large file's text is not needed once read: free it for the quotes.
    files.events = None;
    let event_ix: HashMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let event = |id: &str| event_ix.get(id).copied();
    let quotes = files
        .quotes
        .as_ref()
        .map(|src| records::quotes(src, &known, &event, problems))
        .unwrap_or_default();
    // The files' text and folded bodies are not needed by the model.
    drop((files, folded));
    // Articles no curated event cites get extracted events and quotes.
    let (mut actors, mut events, mut quotes) = (actors, events, quotes);
    let extracted =
        crate::extract::augment::augment(&articles, &mut actors, &mut events, &mut quotes);
    let corpus = Corpus::new(name, articles, actors, events, quotes);
    (corpus, extracted)
}
