//! Imports that would point the wrong way: from the data layer up to the
//! analysis, or between the date scanner and the rules it calls (a cycle).
//! The compiler accepts both, so they are checked here, on the source.

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d).expect("a source directory").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).expect("a source file");
                out.push((path, text));
            }
        }
    }
    out
}

fn src(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(path)
}

#[test]
fn loading_a_corpus_uses_nothing_of_extraction() {
    let files = sources(&src("corpus"));
    assert!(files.len() > 5, "found {} files", files.len());
    for (path, text) in files {
        for climb in ["crate::extract", "super::extract", "super::super::extract"] {
            assert!(!text.contains(climb), "{} uses {climb}", path.display());
        }
    }
}

#[test]
fn the_date_rules_do_not_import_the_date_scanner() {
    for rule in ["relative", "numeric", "anchored", "seasons", "found"] {
        let path = src(&format!("extract/{rule}.rs"));
        let text = fs::read_to_string(&path).expect("a date rule");
        assert!(
            !text.contains("super::dates"),
            "{} uses the scanner that calls it",
            path.display()
        );
    }
}
