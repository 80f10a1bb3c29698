//! The drivers' side of `app::effect`: carrying out what `update` asked
//! for, with the file system or the reader's terminal, so that the app
//! layer never touches either.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::app::effect::{Done, Effect};
use crate::model::Corpus;
use crate::save::write_new;

/// Carries out `effect`; exports go to `export_dir` as new files. With no
/// directory (a server given no `--export-dir`) nothing is written: the
/// export fails, saying so. A copy goes to `terminal`, the reader's own
/// (OSC 52: their terminal puts it on their clipboard, wherever they are).
pub fn perform(
    effect: Effect,
    corpus: &Corpus,
    export_dir: Option<&Path>,
    terminal: &mut impl Write,
) -> Done {
    match effect {
        Effect::Copy(text) => Done::Copied(terminal.write_all(osc52(&text).as_bytes())),
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

/// The OSC 52 sequence that sets the clipboard to `text`.
fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648), all OSC 52 needs.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
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
        let Done::Exported { count, written, .. } =
            perform(export(), &corpus, Some(&dir), &mut Vec::new())
        else {
            panic!("not an export")
        };
        assert_eq!(count, corpus.events.len());
        let first = written.expect("written");
        assert_eq!(first, dir.join("chronicle-export.md"));
        let md = fs::read_to_string(&first).unwrap();
        assert!(md.starts_with("# Chronology"));
        let Done::Exported { written, .. } =
            perform(export(), &corpus, Some(&dir), &mut Vec::new())
        else {
            panic!("not an export")
        };
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
        let Done::Exported { written, .. } =
            perform(effect, &corpus, Some(&missing), &mut Vec::new())
        else {
            panic!("not an export")
        };
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
        let Done::Exported { written, .. } = perform(effect, &corpus, None, &mut Vec::new()) else {
            panic!("not an export")
        };
        let (at, err) = written.expect_err("exports are off");
        assert_eq!(at, PathBuf::from("the server"));
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
    }

    #[test]
    fn base64_is_the_rfcs() {
        // RFC 4648's test vectors.
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(base64(plain.as_bytes()), coded, "{plain}");
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    #[test]
    fn a_copy_is_one_osc_52_sequence_on_the_terminal() {
        let corpus = load(&Location::Embedded).corpus;
        let mut terminal = Vec::new();
        let done = perform(Effect::Copy("héllo".into()), &corpus, None, &mut terminal);
        assert!(matches!(done, Done::Copied(Ok(()))), "{done:?}");
        assert_eq!(terminal, b"\x1b]52;c;aMOpbGxv\x07");
    }
}
