//! Extraction speed in MB/s of article text: the five shipped articles
//! repeated to about 4 MB (as separate articles, the way a corpus is
//! extracted), the real articles of the development set likewise with no
//! actor list (as users bring them), the shipped text as one body, one
//! endless sentence of quotations (the worst case for the attribution
//! windows) and one endless paragraph of titled names and "it said" (the
//! worst case for the look-backs). A single body is as long as extraction
//! reads of one article (`caps::MAX_TEXT`, 1 MB).

use std::hint::black_box;

use chronicle::corpus::Location;
use chronicle::extract::caps::MAX_TEXT;
use chronicle::extract::load;
use chronicle::extract::Extractor;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

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
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/devset");
    let stories: Vec<_> = std::fs::read_dir(&root)
        .expect("the development set")
        .flatten()
        .filter(|e| e.path().join("articles").is_dir())
        .map(|e| load(&Location::Dir(e.path())).corpus)
        .collect();
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

criterion_group!(benches, bench);
criterion_main!(benches);
