//! Helpers shared by the `check_*` and `cli_*` integration tests: small
//! corpora written into a temporary directory, and locating a piece of a
//! fixture by line and column so that expected diagnostics are derived from
//! the fixture text rather than copied from the program's output.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use chronicle::corpus::{Diagnostic, Location};
use chronicle::extract::{load, Loaded};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A corpus directory under the system temp dir, removed when dropped.
pub struct TempCorpus {
    pub dir: PathBuf,
}

impl TempCorpus {
    /// An empty corpus directory with an `articles/` subdirectory. The name
    /// is unique per test (`name`), per process and per call.
    pub fn new(name: &str) -> TempCorpus {
        let unique = format!(
            "chronicle-test-{name}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let dir = std::env::temp_dir().join(unique);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("articles")).expect("create temp corpus");
        TempCorpus { dir }
    }

    /// Writes a file relative to the corpus directory.
    pub fn write(&self, rel: &str, text: &str) -> &TempCorpus {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &TempCorpus {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create parent dir");
        }
        fs::write(&path, bytes).expect("write fixture file");
        self
    }

    /// The path of a file as diagnostics name it.
    pub fn shown(&self, rel: &str) -> String {
        self.dir.join(rel).to_string_lossy().into_owned()
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Loads it as the explorer and the commands do, extraction included.
    pub fn load(&self) -> Loaded {
        load(&Location::Dir(self.dir.clone()))
    }
}

impl Drop for TempCorpus {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// 1-based line and column (in chars) of byte offset `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Line and column of the `nth` (1-based) occurrence of `needle`, moved
/// `skip` chars to the right. Panics when there is no such occurrence.
pub fn loc_nth(text: &str, needle: &str, nth: usize, skip: usize) -> (usize, usize) {
    let (offset, _) = text
        .match_indices(needle)
        .nth(nth - 1)
        .unwrap_or_else(|| panic!("fixture has no occurrence {nth} of {needle:?}"));
    let offset = text[offset..]
        .char_indices()
        .nth(skip)
        .map_or(text.len(), |(i, _)| offset + i);
    line_col(text, offset)
}

/// Line and column of the only occurrence of `needle` in `text`.
pub fn loc(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "needle {needle:?} must occur exactly once in the fixture"
    );
    loc_nth(text, needle, 1, 0)
}

/// One expected problem: file (as shown), line, column, message fragment.
pub struct Expect<'a> {
    pub file: String,
    pub at: (usize, usize),
    pub says: &'a str,
}

/// Asserts that `problems` are exactly the expected ones, in any order.
pub fn assert_problems(problems: &[Diagnostic], expected: &[Expect]) {
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems.len(),
        expected.len(),
        "expected {} problem(s), got:\n{}",
        expected.len(),
        shown.join("\n")
    );
    for e in expected {
        let hit = problems
            .iter()
            .any(|p| p.file == e.file && (p.line, p.col) == e.at && p.message.contains(e.says));
        assert!(
            hit,
            "no problem {}:{}:{}: …{}…; got:\n{}",
            e.file,
            e.at.0,
            e.at.1,
            e.says,
            shown.join("\n")
        );
    }
}
