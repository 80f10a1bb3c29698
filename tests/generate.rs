//! `chronicle generate` writes corpora that load with no problem, the same
//! for the same seed.

use std::fs;
use std::path::{Path, PathBuf};

use chronicle::corpus::{self, Location};
use chronicle::generate::{generate, GenerateArgs};
use chronicle::model::Origin;

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("chronicle-gen-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn args(articles: usize, seed: u64, out: &Path) -> GenerateArgs {
    GenerateArgs {
        articles,
        actors: None,
        seed,
        out: out.to_path_buf(),
        force: false,
    }
}

/// Every file of a corpus directory, by relative path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for sub in [dir.to_path_buf(), dir.join("articles")] {
        for entry in fs::read_dir(&sub).expect("readable").flatten() {
            if entry.path().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .display()
                    .to_string();
                files.push((rel, fs::read(entry.path()).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn generated_corpus_loads_without_problems() {
    let dir = TempDir::new("valid");
    let summary = generate(&args(40, 7, &dir.0)).expect("generated");
    let loaded = chronicle::extract::load(&Location::Dir(dir.0.clone()));
    let shown: Vec<String> = loaded
        .problems
        .iter()
        .take(5)
        .map(|p| p.to_string())
        .collect();
    assert!(loaded.problems.is_empty(), "{shown:#?}");
    let c = &loaded.corpus;
    assert_eq!(c.articles.len(), 40);
    assert_eq!(c.articles.len(), summary.articles);
    // What was generated; the extractor's own finds come on top.
    let curated = |o: Origin| o == Origin::Curated;
    let events = c.events.iter().filter(|e| curated(e.origin)).count();
    let quotes = c.quotes.iter().filter(|q| curated(q.origin)).count();
    assert_eq!(events, summary.events);
    assert_eq!(quotes, summary.quotes);
    assert_eq!(c.actors.len() - loaded.extracted.actors, summary.actors);
    // About ten events and twenty quotes per article, of about 4 KB.
    assert!(
        (8 * 40..=12 * 40).contains(&c.events.len()),
        "{}",
        c.events.len()
    );
    assert!(
        (15 * 40..=22 * 40).contains(&c.quotes.len()),
        "{}",
        c.quotes.len()
    );
    let body: usize = c.articles.iter().map(|a| a.body.len()).sum();
    assert!((3_500 * 40..6_000 * 40).contains(&body), "{body}");
    // Headline events with sub-events, and events citing two articles.
    assert!(c.events.iter().any(|e| e.parent.is_some()));
    assert!(c.events.iter().any(|e| e.sources.len() == 2));
    // Names in several scripts, and some of them mentioned in the bodies.
    let forms: Vec<&str> = c
        .actors
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(String::as_str)
        .collect();
    assert!(forms
        .iter()
        .any(|f| f.chars().any(|ch| ('가'..='힣').contains(&ch))));
    assert!(forms
        .iter()
        .any(|f| f.chars().any(|ch| ('а'..='я').contains(&ch))));
    let mentioned = forms
        .iter()
        .filter(|f| c.articles.iter().any(|a| a.body.contains(**f)))
        .count();
    assert!(
        mentioned > forms.len() / 4,
        "{mentioned} of {}",
        forms.len()
    );
}

#[test]
fn same_seed_same_corpus_other_seed_other_corpus() {
    let (a, b, other) = (TempDir::new("a"), TempDir::new("b"), TempDir::new("c"));
    generate(&args(12, 3, &a.0)).unwrap();
    generate(&args(12, 3, &b.0)).unwrap();
    generate(&args(12, 4, &other.0)).unwrap();
    assert_eq!(snapshot(&a.0), snapshot(&b.0));
    assert_ne!(snapshot(&a.0), snapshot(&other.0));
}

#[test]
fn refuses_a_non_empty_directory_unless_forced() {
    let dir = TempDir::new("force");
    generate(&args(20, 1, &dir.0)).unwrap();
    let err = generate(&args(5, 1, &dir.0)).expect_err("not empty");
    assert!(err.to_string().contains("--force"), "{err}");
    let mut forced = args(5, 1, &dir.0);
    forced.force = true;
    generate(&forced).expect("forced");
    // The smaller corpus replaced the larger one entirely.
    let loaded = corpus::load(&Location::Dir(dir.0.clone()));
    assert!(loaded.problems.is_empty());
    assert_eq!(loaded.corpus.articles.len(), 5);
}
