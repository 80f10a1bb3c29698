//! Where corpus files come from: a directory on disk or the copy embedded
//! in the binary at build time. Both yield the same list of files.

use std::fs;
use std::path::{Path, PathBuf};

use super::diag::{file_problem, line_col, Diagnostic, SourceText};
use crate::read::Unread;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_corpus.rs"));
}

/// The files of one corpus. Those on disk are read by the threads that
/// parse them, so that reading overlaps parsing.
#[derive(Default)]
pub struct CorpusFiles {
    pub articles: Vec<SourceFile>,
    pub actors: Option<SourceFile>,
    pub events: Option<SourceFile>,
    pub quotes: Option<SourceFile>,
    /// `timelinejs.json`: what an imported TimelineJS file held beyond
    /// the records.
    pub timelinejs: Option<SourceFile>,
}

/// A corpus file: already in memory (embedded), or a path to read.
pub enum SourceFile {
    Text(SourceText),
    Path(PathBuf),
}

impl SourceFile {
    /// The file's text; `None`, with a problem, when it cannot be read.
    pub fn read(self, problems: &mut Vec<Diagnostic>) -> Option<SourceText> {
        match self {
            SourceFile::Text(text) => Some(text),
            SourceFile::Path(path) => read(&path, problems),
        }
    }
}

const ARTICLE_EXTENSIONS: [&str; 3] = ["md", "txt", "markdown"];

fn is_article_name(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The corpus shipped inside the binary.
pub fn embedded(problems: &mut Vec<Diagnostic>) -> CorpusFiles {
    let mut files = CorpusFiles::default();
    for (name, bytes) in embedded::FILES {
        let text = decode(&format!("corpus/{name}"), bytes, problems);
        place(&mut files, name, text);
    }
    files
}

/// Files in memory, each named by its path in a corpus directory.
pub fn in_memory(texts: Vec<(String, String)>) -> CorpusFiles {
    let mut files = CorpusFiles::default();
    for (path, text) in texts {
        let text = SourceText::new(path.clone(), text);
        place(&mut files, &path, text);
    }
    files
}

fn place(files: &mut CorpusFiles, name: &str, text: SourceText) {
    let text = SourceFile::Text(text);
    match name {
        "actors.toml" => files.actors = Some(text),
        "events.toml" => files.events = Some(text),
        "quotes.toml" => files.quotes = Some(text),
        "timelinejs.json" => files.timelinejs = Some(text),
        _ => files.articles.push(text),
    }
}

/// A corpus directory: `actors.toml`, `events.toml`, `quotes.toml` (each
/// optional) and articles in `articles/`, or in the directory itself when
/// it has no `articles/`.
pub fn directory(dir: &Path, problems: &mut Vec<Diagnostic>) -> CorpusFiles {
    let mut files = CorpusFiles::default();
    let shown = dir.to_string_lossy();
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            problems.push(file_problem(&shown, "is not a directory"));
            return files;
        }
        Err(err) => {
            problems.push(file_problem(&shown, format!("cannot open corpus: {err}")));
            return files;
        }
    }
    for (name, slot) in [
        ("actors.toml", &mut files.actors),
        ("events.toml", &mut files.events),
        ("quotes.toml", &mut files.quotes),
        ("timelinejs.json", &mut files.timelinejs),
    ] {
        let path = dir.join(name);
        if fs::symlink_metadata(&path).is_ok() {
            *slot = Some(SourceFile::Path(path));
        }
    }
    let articles = dir.join("articles");
    let article_dir = match fs::metadata(&articles) {
        Ok(meta) if meta.is_dir() => articles,
        // Something named `articles` that is not a folder of them is a
        // mistake to report, not a reason to read the directory instead.
        Ok(_) => {
            let shown = articles.to_string_lossy();
            problems.push(file_problem(&shown, "is not a directory; no articles read"));
            return files;
        }
        Err(err)
            if err.kind() == std::io::ErrorKind::NotFound
                && fs::symlink_metadata(&articles).is_err() =>
        {
            dir.to_path_buf()
        }
        Err(err) => {
            let shown = articles.to_string_lossy();
            problems.push(file_problem(&shown, format!("cannot open: {err}")));
            return files;
        }
    };
    files.articles = article_paths(&article_dir, problems)
        .into_iter()
        .map(SourceFile::Path)
        .collect();
    files
}

fn article_paths(dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(file_problem(
                &dir.to_string_lossy(),
                format!("cannot list articles: {err}"),
            ));
            return Vec::new();
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| match entry {
            Ok(entry) => Some(entry.path()),
            Err(err) => {
                problems.push(file_problem(
                    &dir.to_string_lossy(),
                    format!("cannot list articles: {err}"),
                ));
                None
            }
        })
        .filter(|p| is_article_name(&p.to_string_lossy()))
        .collect();
    paths.sort();
    paths
}

/// The largest corpus file read: far past any article or record file
/// (the generated 10,000-article corpus is 41 MB in all), short of what
/// loading would need more memory for than a machine has.
pub const FILE_LIMIT: u64 = 256 << 20;

/// Reads a regular file (see [`crate::read::regular_file`]): a FIFO, a
/// device or a socket is skipped without being opened.
fn read(path: &Path, problems: &mut Vec<Diagnostic>) -> Option<SourceText> {
    let shown = path.to_string_lossy();
    match crate::read::regular_file(path, FILE_LIMIT) {
        Ok(bytes) => Some(decode_owned(&shown, bytes, problems)),
        Err(unread @ Unread::Io(_)) => {
            problems.push(file_problem(&shown, unread.to_string()));
            None
        }
        Err(unread) => {
            problems.push(file_problem(&shown, format!("{unread}; skipped")));
            None
        }
    }
}

/// Like [`decode`], without copying text that is valid already.
fn decode_owned(path: &str, mut bytes: Vec<u8>, problems: &mut Vec<Diagnostic>) -> SourceText {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => SourceText::new(path, text),
        Err(err) => decode_unmarked(path, err.as_bytes(), problems),
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// UTF-8 text without a byte-order mark. Invalid bytes are reported at
/// their line and column and replaced, so the rest of the file still loads.
fn decode(path: &str, bytes: &[u8], problems: &mut Vec<Diagnostic>) -> SourceText {
    decode_unmarked(path, bytes.strip_prefix(BOM).unwrap_or(bytes), problems)
}

/// [`decode`] for bytes whose byte-order mark, if any, is gone already.
fn decode_unmarked(path: &str, bytes: &[u8], problems: &mut Vec<Diagnostic>) -> SourceText {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let (line, col) = line_col(valid, valid.len());
            problems.push(Diagnostic {
                file: crate::text::sanitize::sanitize_line(path).into_owned(),
                line,
                col,
                message: format!(
                    "invalid UTF-8 (byte 0x{:02X}); replaced with U+FFFD",
                    bytes[err.valid_up_to()]
                ),
            });
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    SourceText::new(path, text)
}
