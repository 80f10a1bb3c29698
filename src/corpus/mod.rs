//! Reading a corpus: files -> parse and validate -> model. Every problem is
//! collected as a `Diagnostic`; whatever is valid still loads.

mod article;
mod articles;
pub mod diag;
pub(crate) mod fields;
mod files;
mod passthrough;
mod pieces;
mod records;

use std::path::PathBuf;
use std::sync::OnceLock;

pub use diag::Diagnostic;
pub use files::FILE_LIMIT;

use crate::model::{Actor, Article, Corpus, Event, IdMap, Passthrough, Quote};
use crate::text::fold::Folded;
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
}

/// A corpus's records as read and validated, not yet indexed: a step that
/// adds to them (extraction, for articles no curated item cites) runs here,
/// before the indexes are built once.
pub struct Records {
    pub name: String,
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub passthrough: Passthrough,
    pub problems: Vec<Diagnostic>,
}

impl Records {
    /// The model: the records with their indexes.
    pub fn index(self) -> Loaded {
        let Records {
            name,
            articles,
            actors,
            events,
            quotes,
            passthrough,
            problems,
        } = self;
        let mut corpus = Corpus::new(name, articles, actors, events, quotes);
        corpus.passthrough = passthrough;
        Loaded { corpus, problems }
    }
}

/// The model of the corpus at `location`, as its files have it: nothing
/// extracted (`extract::load` adds that).
pub fn load(location: &Location) -> Loaded {
    read(location).index()
}

/// The records of the corpus at `location`, to add to before indexing.
pub fn read(location: &Location) -> Records {
    let mut problems = Vec::new();
    let (name, files) = match location {
        Location::Embedded => ("shipped corpus".to_owned(), files::embedded(&mut problems)),
        Location::Dir(dir) => (
            dir.to_string_lossy().into_owned(),
            files::directory(dir, &mut problems),
        ),
    };
    build(
        crate::text::sanitize::sanitize_line(&name).into_owned(),
        files,
        problems,
    )
}

/// The corpus a directory of these files would be, loaded from memory:
/// each is named by its path in the directory (`articles/a.md`,
/// `events.toml`). An importer checks with it what it is about to write.
pub fn load_files(name: &str, texts: Vec<(String, String)>) -> Loaded {
    read_files(name, texts).index()
}

/// The records `load_files` indexes, to add to before indexing.
pub fn read_files(name: &str, texts: Vec<(String, String)>) -> Records {
    let name = crate::text::sanitize::sanitize_line(name).into_owned();
    build(name, files::in_memory(texts), Vec::new())
}

/// Reads one article file outside any corpus (`chronicle extract FILE`);
/// `None`, with a problem, when nothing usable is in it.
pub fn read_article(path: &str, text: String, problems: &mut Vec<Diagnostic>) -> Option<Article> {
    let src = diag::SourceText::new(path, text);
    article::read(&src, problems).map(|(article, _)| article)
}

fn build(name: String, files: files::CorpusFiles, mut problems: Vec<Diagnostic>) -> Records {
    let files::CorpusFiles {
        articles,
        actors,
        events,
        quotes,
        timelinejs,
    } = files;
    // The record files are read, and the actors checked, by one of the
    // threads that read the articles, before it turns to them.
    let mut article_problems = Vec::new();
    let (read, records) = articles::read_all(articles, &mut article_problems, || {
        RecordFiles::read(actors, events, quotes)
    });
    let articles::Read { articles } = read;
    let RecordFiles {
        actors,
        events,
        quotes,
        read_problems,
        actor_problems,
    } = records;
    problems.extend(read_problems);
    problems.extend(article_problems);
    problems.extend(actor_problems);

    let article_ix: IdMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let actor_ix: IdMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let folded: Vec<OnceLock<Folded>> = articles.iter().map(|_| OnceLock::new()).collect();
    let article = |id: &str| article_ix.get(id).copied();
    let actor = |id: &str| actor_ix.get(id).copied();
    let known = Known {
        articles: &articles,
        folded: &folded,
        article: &article,
        actor: &actor,
    };
    let events = events
        .map(|src| records::events(&src, &known, &mut problems))
        .unwrap_or_default();
    let event_ix: IdMap<&str, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let event = |id: &str| event_ix.get(id).copied();
    let quotes = quotes
        .map(|src| records::quotes(&src, &known, &event, &mut problems))
        .unwrap_or_default();
    // The folded bodies are not needed by the model.
    drop((event_ix, folded));
    let passthrough = timelinejs
        .and_then(|f| f.read(&mut problems))
        .map(|src| passthrough::read(&src, &mut problems))
        .unwrap_or_default();
    Records {
        name,
        articles,
        actors,
        events,
        quotes,
        passthrough,
        problems,
    }
}

/// The record files, read, with the actors checked.
struct RecordFiles {
    actors: Vec<Actor>,
    events: Option<diag::SourceText>,
    quotes: Option<diag::SourceText>,
    read_problems: Vec<Diagnostic>,
    actor_problems: Vec<Diagnostic>,
}

impl RecordFiles {
    fn read(
        actors: Option<files::SourceFile>,
        events: Option<files::SourceFile>,
        quotes: Option<files::SourceFile>,
    ) -> RecordFiles {
        let mut read_problems = Vec::new();
        let mut read = |file: Option<files::SourceFile>| file?.read(&mut read_problems);
        let (actors, events, quotes) = (read(actors), read(events), read(quotes));
        let mut actor_problems = Vec::new();
        let actors = actors
            .map(|src| records::actors(&src, &mut actor_problems))
            .unwrap_or_default();
        RecordFiles {
            actors,
            events,
            quotes,
            read_problems,
            actor_problems,
        }
    }
}
