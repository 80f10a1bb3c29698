//! A model document written as a corpus directory, in the format
//! src/corpus reads: `articles/<id>.md` with `+++` TOML front matter,
//! `actors.toml`, `events.toml` and `quotes.toml`. A new directory is
//! built beside its final place and renamed into it, so it appears whole
//! or not at all.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::slug;
use crate::export::cli::write_atomic;
use crate::export::json::Document;

#[derive(Serialize)]
struct FrontMatter<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_note: Option<&'a str>,
}

#[derive(Serialize)]
struct ActorsFile<'a> {
    actor: Vec<ActorRec<'a>>,
}

#[derive(Serialize)]
struct ActorRec<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a str>,
    kind: &'a str,
}

#[derive(Serialize)]
struct EventsFile<'a> {
    event: Vec<EventRec<'a>>,
}

#[derive(Serialize)]
struct EventRec<'a> {
    id: &'a str,
    date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_note: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    kind: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    actors: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
    summary: &'a str,
    source: Vec<SourceRec<'a>>,
}

#[derive(Serialize)]
struct SourceRec<'a> {
    article: &'a str,
    excerpt: &'a str,
}

#[derive(Serialize)]
struct QuotesFile<'a> {
    quote: Vec<QuoteRec<'a>>,
}

#[derive(Serialize)]
struct QuoteRec<'a> {
    id: &'a str,
    article: &'a str,
    speaker: &'a str,
    event: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "is_first")]
    occurrence: usize,
}

fn is_first(n: &usize) -> bool {
    *n == 1
}

fn toml_text<T: Serialize>(value: &T) -> io::Result<String> {
    toml::to_string(value).map_err(|e| io::Error::other(format!("cannot write TOML: {e}")))
}

/// The files of the corpus: path relative to the directory, and text.
pub fn files(doc: &Document) -> io::Result<Vec<(PathBuf, String)>> {
    let mut out = Vec::new();
    let mut names = Names::default();
    for a in &doc.articles {
        let front = toml_text(&FrontMatter {
            id: &a.id,
            title: &a.title,
            outlet: a.outlet.as_deref(),
            url: a.url.as_deref(),
            published: a.published.as_deref(),
            published_note: a.published_note.as_deref(),
        })?;
        let name = file_name(&a.id, &mut names);
        let text = format!("+++\n{front}+++\n{}\n", a.body);
        out.push((Path::new("articles").join(format!("{name}.md")), text));
    }
    let actors = ActorsFile {
        actor: doc
            .actors
            .iter()
            .map(|a| ActorRec {
                id: &a.id,
                name: &a.name,
                aliases: &a.aliases,
                role: a.role.as_deref(),
                country: a.country.as_deref(),
                kind: &a.kind,
            })
            .collect(),
    };
    let events = EventsFile {
        event: doc
            .events
            .iter()
            .map(|e| EventRec {
                id: &e.id,
                date: &e.date,
                date_note: e.date_note.as_deref(),
                title: &e.title,
                place: e.place.as_deref(),
                kind: &e.kind,
                actors: &e.actors,
                parent: e.parent.as_deref(),
                summary: &e.summary,
                source: e
                    .sources
                    .iter()
                    .map(|s| SourceRec {
                        article: &s.article,
                        excerpt: &s.excerpt,
                    })
                    .collect(),
            })
            .collect(),
    };
    let quotes = QuotesFile {
        quote: doc
            .quotes
            .iter()
            .map(|q| QuoteRec {
                id: &q.id,
                article: &q.article,
                speaker: &q.speaker,
                event: &q.event,
                text: &q.text,
                occurrence: q.occurrence,
            })
            .collect(),
    };
    out.push(("actors.toml".into(), toml_text(&actors)?));
    out.push(("events.toml".into(), toml_text(&events)?));
    out.push(("quotes.toml".into(), toml_text(&quotes)?));
    Ok(out)
}

/// File names given so far (lower-cased, for case-insensitive file
/// systems), and the next number to try after each base name, so that
/// thousands of articles of one name do not count up from 2 each.
#[derive(Default)]
struct Names {
    taken: HashSet<String>,
    next_number: HashMap<String, usize>,
}

/// A file name for an article id: the id itself when it is a plain name,
/// otherwise a slug, never `..` or a path, and never used twice.
fn file_name(id: &str, names: &mut Names) -> String {
    let plain = !id.is_empty()
        && id.len() <= 100
        && !id.starts_with('.')
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    let base = if plain { id.to_owned() } else { slug(id) };
    let base = if base.is_empty() {
        "article".into()
    } else {
        base
    };
    if names.taken.insert(base.to_lowercase()) {
        return base;
    }
    let n = names.next_number.entry(base.to_lowercase()).or_insert(2);
    loop {
        let name = format!("{base}-{n}");
        *n += 1;
        if names.taken.insert(name.to_lowercase()) {
            return name;
        }
    }
}

/// Writes the corpus into `dir`. An existing directory must be empty
/// unless `force`; then the corpus files are written over what is there.
pub fn write_corpus(doc: &Document, dir: &Path, force: bool) -> io::Result<()> {
    let files = files(doc)?;
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not a directory", dir.display()),
        )),
        Ok(_) => {
            let empty = fs::read_dir(dir)?.next().is_none();
            if !empty && !force {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} is not empty; use --force to write the corpus into it",
                        dir.display()
                    ),
                ));
            }
            fs::create_dir_all(dir.join("articles"))?;
            for (rel, text) in &files {
                write_atomic(&dir.join(rel), text.as_bytes())?;
            }
            Ok(())
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let name = dir
                .file_name()
                .map_or("corpus".into(), |n| n.to_string_lossy());
            let parent = match dir.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            fs::create_dir_all(&parent)?;
            let stage = parent.join(format!(".{name}.import-{}", std::process::id()));
            let built = stage_files(&stage, &files).and_then(|()| fs::rename(&stage, dir));
            if built.is_err() {
                let _ = fs::remove_dir_all(&stage);
            }
            built
        }
        Err(err) => Err(err),
    }
}

fn stage_files(stage: &Path, files: &[(PathBuf, String)]) -> io::Result<()> {
    fs::create_dir_all(stage.join("articles"))?;
    for (rel, text) in files {
        fs::write(stage.join(rel), text)?;
    }
    Ok(())
}
