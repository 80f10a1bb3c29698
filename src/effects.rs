//! The drivers' side of `app::effect`: carrying out what `update` asked
//! for, with the file system, so that the app layer never touches it.

use std::io;
use std::path::{Path, PathBuf};

use crate::app::effect::{Done, Effect};
use crate::model::Corpus;
use crate::save::write_new;

/// Carries out `effect`; exports go to `export_dir` as new files. With no
/// directory (a server given no `--export-dir`) nothing is written: the
/// export fails, saying so.
pub fn perform(effect: Effect, corpus: &Corpus, export_dir: Option<&Path>) -> Done {
    match effect {
        Effect::Export { format, events } => {
            let written = match export_dir {
                Some(dir) => write_new(dir, "chronicle-export", format.extension(), |out| {
                    format.write(corpus, &events, out)
                })
                .map_err(|err| (dir.to_path_buf(), err)),
                None => Err((
                    PathBuf::from("the server"),
                    io::Error::new(
                        io::ErrorKind::PermissionDenied,
                        "it keeps no exports (no --export-dir)",
                    ),
                )),
            };
            Done::Exported {
                format,
                count: events.len(),
                written,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::corpus::{load, Location};
    use crate::export::Format;

    fn dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("chronicle-fx-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn an_export_writes_a_new_file_each_time() {
        let corpus = load(&Location::Embedded).corpus;
        let dir = dir("new");
        let export = || Effect::Export {
            format: Format::Markdown,
            events: corpus.order.clone(),
        };
        let Done::Exported { count, written, .. } = perform(export(), &corpus, Some(&dir));
        assert_eq!(count, corpus.events.len());
        let first = written.expect("written");
        assert_eq!(first, dir.join("chronicle-export.md"));
        let md = fs::read_to_string(&first).unwrap();
        assert!(md.starts_with("# Chronology"));
        let Done::Exported { written, .. } = perform(export(), &corpus, Some(&dir));
        assert_eq!(written.unwrap(), dir.join("chronicle-export-1.md"));
        assert_eq!(fs::read_to_string(&first).unwrap(), md, "never overwritten");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_says_where_it_was_tried() {
        let corpus = load(&Location::Embedded).corpus;
        let dir = dir("fails");
        let missing = dir.join("missing");
        let effect = Effect::Export {
            format: Format::Csv,
            events: Vec::new(),
        };
        let Done::Exported { written, .. } = perform(effect, &corpus, Some(&missing));
        let (at, _) = written.expect_err("no such directory");
        assert_eq!(at, missing);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn with_no_export_directory_nothing_is_written() {
        let corpus = load(&Location::Embedded).corpus;
        let effect = Effect::Export {
            format: Format::Csv,
            events: corpus.order.clone(),
        };
        let Done::Exported { written, .. } = perform(effect, &corpus, None);
        let (at, err) = written.expect_err("exports are off");
        assert_eq!(at, PathBuf::from("the server"));
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
    }
}
