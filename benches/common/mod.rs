//! Corpora for the benchmarks: generated into a temporary directory, the
//! same for every run (fixed seed), removed afterwards.

#![allow(dead_code)] // each bench uses some of these helpers

use std::path::PathBuf;

use chronicle::app::{App, Keymap, Shared};
use chronicle::corpus::Location;
use chronicle::extract::load;
use chronicle::generate::{generate, GenerateArgs};

/// A generated corpus directory, deleted on drop.
pub struct Generated {
    pub dir: PathBuf,
}

impl Drop for Generated {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Writes a corpus of `articles` articles (seed 1).
pub fn corpus(articles: usize) -> Generated {
    let dir =
        std::env::temp_dir().join(format!("chronicle-bench-{articles}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let args = GenerateArgs {
        articles,
        actors: None,
        seed: 1,
        out: dir.clone(),
        force: false,
    };
    generate(&args).expect("the temp dir is writable");
    Generated { dir }
}

/// The size for the filter and render benchmarks: 10,000 articles (100k
/// events, 5k actors) unless CHRONICLE_BENCH_ARTICLES says otherwise.
pub fn large_size() -> usize {
    std::env::var("CHRONICLE_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// The shared inputs of an explorer on a generated corpus.
pub fn shared(articles: usize) -> Shared {
    let generated = corpus(articles);
    let loaded = load(&Location::Dir(generated.dir.clone()));
    assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..1]);
    Shared::new(loaded.corpus, loaded.problems)
}

/// An explorer at 200x60.
pub fn app(shared: &Shared) -> App {
    App::new(shared.clone(), Keymap::default(), 200, 60)
}

/// Bytes of a corpus: the files at its top and in `articles/`.
pub fn dir_bytes(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    for sub in [dir.to_path_buf(), dir.join("articles")] {
        for entry in std::fs::read_dir(sub).into_iter().flatten().flatten() {
            if let Ok(meta) = entry.metadata() {
                if meta.is_file() {
                    total += meta.len();
                }
            }
        }
    }
    total
}
