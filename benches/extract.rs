//! Extraction speed in MB/s of article text: the five shipped articles
//! repeated to about 4 MB (as separate articles, the way a corpus is
//! extracted), and the same text as one body, and one endless sentence of
//! quotations (the worst case for the attribution windows).

use std::hint::black_box;

use chronicle::corpus::{load, Location};
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
    let joined: String = articles
        .iter()
        .map(|(b, _)| *b)
        .collect::<Vec<_>>()
        .join("\n\n");
    group.throughput(Throughput::Bytes(joined.len() as u64));
    group.bench_function("one body of 4 MB", |b| {
        b.iter(|| black_box(extractor.run(black_box(&joined), None)))
    });
    let endless = "“We talked about space,” he said, the spokesman added on Monday, Putin “x” "
        .repeat(TARGET / 80);
    group.throughput(Throughput::Bytes(endless.len() as u64));
    group.bench_function("one endless sentence", |b| {
        b.iter(|| black_box(extractor.run(black_box(&endless), None)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
