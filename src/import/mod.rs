//! Taking timelines in: a TimelineJS3 JSON file becomes a corpus
//! directory (`chronicle import timelinejs FILE -o DIR`, which then loads
//! it the way the explorer would). What could not be mapped is listed on
//! stderr, never dropped silently.

mod clean;
mod dates;
mod foreign;
mod html;
mod surrogates;
pub mod timelinejs;
pub mod write;

use std::path::Path;

use crate::text::sanitize::sanitize_line;

/// Parses JSON, or says where it is broken: `file:line:col: message`.
pub fn parse_json(file: &Path, bytes: &[u8]) -> Result<serde_json::Value, String> {
    serde_json::from_slice(bytes).map_err(|err| {
        let full = err.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m);
        format!(
            "{}:{}:{}: not valid JSON: {message}",
            file.display(),
            err.line(),
            err.column()
        )
    })
}

/// The largest file imported: a TimelineJS export carries its articles'
/// text, so it can be large, but not this large.
const FILE_LIMIT: u64 = 1 << 30;

/// Reads the TimelineJS3 JSON file `file` and writes its corpus into
/// `output` (a non-empty one only with `force`). What could not be mapped
/// is listed on stderr as it is found; an error names the file.
pub fn timelinejs_file(file: &Path, output: &Path, force: bool) -> Result<(), String> {
    let shown = sanitize_line(&file.to_string_lossy()).into_owned();
    let bytes = crate::read::regular_file(file, FILE_LIMIT)
        .map_err(|unread| format!("{shown}: {unread}"))?;
    let (bytes, lone) = surrogates::replace_lone(&bytes);
    for (line, col) in lone {
        eprintln!(
            "warning: {shown}:{line}:{col}: a lone UTF-16 surrogate escape; replaced with U+FFFD"
        );
    }
    let value = parse_json(file, &bytes)?;
    let imported = timelinejs::read(&value).map_err(|m| format!("{shown}: {m}"))?;
    for note in &imported.notes {
        eprintln!("not mapped: {shown}: {}", sanitize_line(note));
    }
    write::write_corpus(&imported.doc, output, force)
        .map_err(|e| format!("cannot write the corpus: {e}"))
}

/// An id made of lower-case letters, digits and dashes.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && c.is_ascii() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}
