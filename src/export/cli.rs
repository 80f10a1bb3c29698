//! `chronicle export`: the filters of the explorer, then one format to
//! stdout or to a file written atomically.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Format;
use crate::commands::{filter, warn};
use crate::corpus::Loaded;
use crate::filter::SearchIndex;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to write.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Only events involving this actor (name, alias or id; fuzzy). Repeat
    /// to require several.
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// With several --actor: events involving any of them, not all.
    #[arg(long)]
    pub any: bool,
    /// Only events whose title, summary, place or quotes contain every word.
    #[arg(long, value_name = "QUERY", default_value = "")]
    pub text: String,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn export(loaded: &Loaded, args: &ExportArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    warn(loaded);
    let corpus = &loaded.corpus;
    let filter = filter(corpus, &args.actor, args.any, &args.text)?;
    let events = SearchIndex::new(corpus).apply(corpus, &filter);
    let text = args.format.render(corpus, &events);
    match &args.output {
        Some(path) => {
            write_atomic(path, text.as_bytes())?;
            eprintln!(
                "chronicle: wrote {} as {} to {}",
                crate::text::count(events.len(), "event"),
                args.format.name(),
                path.display()
            );
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a file whole or not at all: a temporary file in the same
/// directory, flushed to disk, then renamed over `path`. On any error the
/// temporary file is removed and `path` is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| invalid(format!("{} is not a file name", path.display())))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (tmp, mut file) = temp_file(&dir, &name.to_string_lossy())?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::rename(&tmp, path));
    if let Err(err) = written {
        let _ = fs::remove_file(&tmp);
        return Err(io::Error::new(
            err.kind(),
            format!("cannot write {}: {err}", path.display()),
        ));
    }
    Ok(())
}

fn temp_file(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    for n in 0..100 {
        let tmp = dir.join(format!(".{name}.{pid}.{n}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => {
                let msg = format!("cannot write in {}: {err}", dir.display());
                return Err(io::Error::new(err.kind(), msg));
            }
        }
    }
    Err(invalid(format!(
        "cannot make a temporary file in {}",
        dir.display()
    )))
}

/// Writes `bytes` to `<stem>.<ext>` in `dir`, or `<stem>-1.<ext>`,
/// `<stem>-2.<ext>` … when taken: never over an existing file.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    for n in 0..1000 {
        let name = match n {
            0 => format!("{stem}.{ext}"),
            n => format!("{stem}-{n}.{ext}"),
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                return match file.write_all(bytes).and_then(|()| file.sync_all()) {
                    Ok(()) => Ok(path),
                    Err(err) => {
                        let _ = fs::remove_file(&path);
                        Err(err)
                    }
                };
            }
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(invalid(format!(
        "too many {stem}-N.{ext} files in {}",
        dir.display()
    )))
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("chronicle-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn atomic_writes_replace_whole_files_and_leave_no_temporaries() {
        let dir = scratch("atomic");
        let path = dir.join("out.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
        // A missing directory is an error that names the path.
        let err = write_atomic(&dir.join("no/such/x.json"), b"x").unwrap_err();
        assert!(err.to_string().contains("no/such"), "{err}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn new_files_never_overwrite() {
        let dir = scratch("new");
        let a = write_new(&dir, "chronicle-export", "md", b"a").unwrap();
        let b = write_new(&dir, "chronicle-export", "md", b"b").unwrap();
        let c = write_new(&dir, "chronicle-export", "md", b"c").unwrap();
        let names: Vec<_> = [&a, &b, &c]
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "chronicle-export.md",
                "chronicle-export-1.md",
                "chronicle-export-2.md"
            ]
        );
        assert_eq!(fs::read(&a).unwrap(), b"a");
        fs::remove_dir_all(&dir).unwrap();
    }
}
