//! A model document written as a corpus directory, in the format
//! src/corpus reads: `articles/<id>.md` with `+++` TOML front matter,
//! `actors.toml`, `events.toml`, `quotes.toml` and, for what a TimelineJS
//! file held beyond the records, `timelinejs.json`. The directory is
//! built beside its final place and renamed into it (or swapped with the
//! old one), so it appears whole or not at all.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::slug;
use crate::export::json::Document;
use crate::save;

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
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "is_first")]
    occurrence: usize,
}

fn is_first(n: &usize) -> bool {
    *n == 1
}

/// `value` as TOML; an error names the file (`rel`) it was for.
fn toml_text<T: Serialize>(value: &T, rel: &Path) -> io::Result<String> {
    toml::to_string(value)
        .map_err(|e| io::Error::other(format!("{}: cannot write TOML: {e}", rel.display())))
}

/// The files of the corpus: path relative to the directory, and text.
pub fn files(doc: &Document) -> io::Result<Vec<(PathBuf, String)>> {
    let mut out = Vec::new();
    let mut names = Names::default();
    for a in &doc.articles {
        let name = file_name(&a.id, &mut names);
        let rel = Path::new("articles").join(format!("{name}.md"));
        let front = toml_text(
            &FrontMatter {
                id: &a.id,
                title: &a.title,
                outlet: a.outlet.as_deref(),
                url: a.url.as_deref(),
                published: a.published.as_deref(),
                published_note: a.published_note.as_deref(),
            },
            &rel,
        )?;
        let text = format!("+++\n{front}+++\n{}\n", a.body);
        out.push((rel, text));
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
                event: q.event.as_deref(),
                text: &q.text,
                occurrence: q.occurrence,
            })
            .collect(),
    };
    for (name, text) in [
        ("actors.toml", toml_text(&actors, Path::new("actors.toml"))?),
        ("events.toml", toml_text(&events, Path::new("events.toml"))?),
        ("quotes.toml", toml_text(&quotes, Path::new("quotes.toml"))?),
    ] {
        out.push((name.into(), text));
    }
    if !doc.timelinejs.is_empty() {
        let text = serde_json::to_string_pretty(&doc.timelinejs)
            .map_err(|e| io::Error::other(format!("timelinejs.json: cannot write JSON: {e}")))?;
        out.push(("timelinejs.json".into(), text + "\n"));
    }
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

/// What a corpus directory holds. `--force` replaces these whole; anything
/// else in the directory is the user's and stays.
const CORPUS_ENTRIES: [&str; 5] = [
    "articles",
    "actors.toml",
    "events.toml",
    "quotes.toml",
    "timelinejs.json",
];

/// Writes the corpus into `dir`, whole or not at all: it is built in a
/// directory beside `dir` and then put in its place, so a full disk or any
/// other failure leaves `dir` as it was and no temporary directory behind.
/// An existing directory must be empty unless `force`; then its corpus is
/// replaced and whatever else it holds is carried over. A symlink to a
/// directory is followed. Errors name the file they are about.
pub fn write_corpus(doc: &Document, dir: &Path, force: bool) -> io::Result<()> {
    let files = files(doc)?;
    let dir = match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(dir).map_err(|e| named(dir, e))?
        }
        _ => dir.to_path_buf(),
    };
    match fs::metadata(&dir) {
        Ok(meta) if !meta.is_dir() => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not a directory", dir.display()),
        )),
        Ok(meta) => {
            let empty = fs::read_dir(&dir)
                .map_err(|e| named(&dir, e))?
                .next()
                .is_none();
            if !empty && !force {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{} is not empty; use --force to write the corpus into it",
                        dir.display()
                    ),
                ));
            }
            replace_corpus(&dir, &meta, &files)
        }
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
            if let Some(parent) = parent {
                fs::create_dir_all(parent).map_err(|e| named(parent, e))?;
            }
            let stage = save::sibling_dir(&dir, "import").map_err(|e| named(&dir, e))?;
            let built = stage_files(&stage, &dir, &files)
                .and_then(|()| fs::rename(&stage, &dir).map_err(|e| named(&dir, e)));
            if built.is_err() {
                let _ = fs::remove_dir_all(&stage);
            }
            built
        }
        Err(err) => Err(named(&dir, err)),
    }
}

/// Builds the new corpus beside `dir`, moves the user's other entries
/// into it, gives it `dir`'s mode and owner, then swaps it in and removes
/// the old corpus. Until the swap, any failure puts those entries back and
/// removes the new directory.
fn replace_corpus(dir: &Path, meta: &fs::Metadata, files: &[(PathBuf, String)]) -> io::Result<()> {
    let stage = save::sibling_dir(dir, "import").map_err(|e| named(dir, e))?;
    let mut carried = Vec::new();
    let swapped = stage_files(&stage, dir, files)
        .and_then(|()| carry_over(dir, &stage, &mut carried))
        .and_then(|()| {
            fs::File::open(&stage)
                .and_then(|d| save::keep_owner_and_mode(&d, meta))
                .and_then(|()| save::swap_dirs(dir, &stage))
                .map_err(|e| named(dir, e))
        });
    match swapped {
        Ok(old) => fs::remove_dir_all(&old).map_err(|e| {
            let msg = format!(
                "the new corpus is in {}, but the old one could not be removed from {}: {e}",
                dir.display(),
                old.display()
            );
            io::Error::new(e.kind(), msg)
        }),
        Err(err) => {
            // Back where they were, before the directory holding them goes
            // (which may have been given a mode that keeps them in).
            let _ = fs::set_permissions(&stage, fs::Permissions::from_mode(0o700));
            for name in carried.iter().rev() {
                if fs::rename(stage.join(name), dir.join(name)).is_err() {
                    let msg = format!("{err}; some of its files are left in {}", stage.display());
                    return Err(io::Error::new(err.kind(), msg));
                }
            }
            let _ = fs::remove_dir_all(&stage);
            Err(err)
        }
    }
}

/// Moves every entry of `dir` that is not part of a corpus into `stage`,
/// noting each in `carried`.
fn carry_over(dir: &Path, stage: &Path, carried: &mut Vec<std::ffi::OsString>) -> io::Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| named(dir, e))? {
        let name = entry.map_err(|e| named(dir, e))?.file_name();
        if CORPUS_ENTRIES.iter().any(|c| name == *c) {
            continue;
        }
        fs::rename(dir.join(&name), stage.join(&name)).map_err(|e| named(&dir.join(&name), e))?;
        carried.push(name);
    }
    Ok(())
}

/// Writes the files into `stage`; an error names the file's final place
/// in `dir`.
fn stage_files(stage: &Path, dir: &Path, files: &[(PathBuf, String)]) -> io::Result<()> {
    let articles = stage.join("articles");
    fs::create_dir(&articles).map_err(|e| named(&dir.join("articles"), e))?;
    for (rel, text) in files {
        save::create(&stage.join(rel), |out| out.write_all(text.as_bytes()))
            .map_err(|e| named(&dir.join(rel), e))?;
    }
    // The directories' entries reach the disk before the swap names them.
    for d in [&articles, stage] {
        fs::File::open(d)
            .and_then(|d| d.sync_all())
            .map_err(|e| named(dir, e))?;
    }
    Ok(())
}

fn named(path: &Path, err: io::Error) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}
