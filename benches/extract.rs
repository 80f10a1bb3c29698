//! Extraction speed in MB/s of article text: the five shipped articles
//! repeated to about 4 MB (as separate articles, the way a corpus is
//! extracted), the real articles of the development set likewise with no
//! actor list (as users bring them), the shipped text as one body, one
//! endless sentence of quotations (the worst case for the attribution
//! windows) and one endless paragraph of titled names and "it said" (the
//! worst case for the look-backs). A single body is as long as extraction
//! reads of one article (`caps::MAX_TEXT`, 1 MB).
//!
//! With `EXTRACT_PASSES=N` it runs no benchmark: it extracts the
//! development set N times with no actor list (or, with
//! `EXTRACT_SET=shipped`, the shipped articles with their actors), once
//! each, for counting instructions under callgrind; the difference of two
//! counts over the difference of their passes, divided by the bytes of one
//! pass (printed), is the cost per byte with the loading cancelled out.

use std::hint::black_box;

use chronicle::corpus::Location;
use chronicle::extract::caps::MAX_TEXT;
use chronicle::extract::load;
use chronicle::extract::Extractor;
use chronicle::model::Corpus;
use criterion::{criterion_group, Criterion, Throughput};

const TARGET: usize = 4 << 20;

fn bench(c: &mut Criterion) {
    let loaded = load(&Location::Embedded);
    let corpus = &loaded.corpus;
    let extractor = Extractor::new(&corpus.actors);
    let mut articles = Vec::new();
    let mut size = 0;
    while size < TARGET {
        for a in &corpus.articles {
            size += a.body.len();
            articles.push((a.body.as_str(), a.published));
        }
    }
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(size as u64));
    group.bench_function("shipped articles x N", |b| {
        b.iter(|| {
            for (body, published) in &articles {
                black_box(extractor.run(black_box(body), *published));
            }
        })
    });
    let mut devset = Vec::new();
    let mut dev_size = 0;
    let stories = development_set();
    while dev_size < TARGET {
        for a in stories.iter().flat_map(|c| &c.articles) {
            dev_size += a.body.len();
            devset.push((a.body.as_str(), a.published));
        }
    }
    let bare = Extractor::new(&[]);
    group.throughput(Throughput::Bytes(dev_size as u64));
    group.bench_function("development set x N, no actors", |b| {
        b.iter(|| {
            for (body, published) in &devset {
                black_box(bare.run(black_box(body), *published));
            }
        })
    });
    let mut joined = String::new();
    for (body, _) in articles.iter().cycle() {
        if joined.len() + body.len() + 2 > MAX_TEXT {
            break;
        }
        joined.push_str(body);
        joined.push_str("\n\n");
    }
    group.throughput(Throughput::Bytes(joined.len() as u64));
    group.bench_function("one body of 1 MB", |b| {
        b.iter(|| black_box(extractor.run(black_box(&joined), None)))
    });
    let sentence = "“We talked about space,” he said, the spokesman added on Monday, Putin “x” ";
    let endless = sentence.repeat(MAX_TEXT / sentence.len());
    group.throughput(Throughput::Bytes(endless.len() as u64));
    group.bench_function("one endless sentence", |b| {
        b.iter(|| black_box(extractor.run(black_box(&endless), None)))
    });
    let clause = "Chief Executive Carrie Lam of Hong Kong Island told the Court of Session, and it said the minister was “ready”; ";
    let names = clause.repeat(MAX_TEXT / clause.len());
    group.throughput(Throughput::Bytes(names.len() as u64));
    group.bench_function("one endless paragraph of names", |b| {
        b.iter(|| black_box(bare.run(black_box(&names), None)))
    });
    group.finish();
}

/// The development set's stories, each a corpus with no actor list.
fn development_set() -> Vec<Corpus> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/devset");
    std::fs::read_dir(&root)
        .expect("the development set")
        .flatten()
        .filter(|e| e.path().join("articles").is_dir())
        .map(|e| load(&Location::Dir(e.path())).corpus)
        .collect()
}

/// `n` passes over one set of articles, outside criterion (see the header).
fn passes(n: usize, shipped: bool) {
    let corpora = if shipped {
        vec![load(&Location::Embedded).corpus]
    } else {
        development_set()
    };
    let actors = if shipped { &corpora[0].actors[..] } else { &[] };
    let extractor = Extractor::new(actors);
    let articles: Vec<_> = corpora.iter().flat_map(|c| &c.articles).collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    eprintln!("{} articles, {bytes} bytes a pass", articles.len());
    for _ in 0..n {
        for a in &articles {
            black_box(extractor.run(black_box(&a.body), a.published));
        }
    }
}

criterion_group!(benches, bench);

fn main() {
    if let Some(n) = std::env::var("EXTRACT_PASSES")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        let shipped = std::env::var("EXTRACT_SET").is_ok_and(|s| s == "shipped");
        return passes(n, shipped);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
