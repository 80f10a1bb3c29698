//! Loading and validating a corpus as the explorer does, extraction included:
//! the shipped one, a generated 1k-article corpus, and with
//! CHRONICLE_BENCH_LARGE=1 a 10k-article one (~130 MB); and building the
//! search index of a loaded corpus, which folds every text's key once.

mod common;

use std::hint::black_box;
use std::time::Duration;

use chronicle::corpus::Location;
use chronicle::extract::load;
use chronicle::filter::SearchIndex;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.bench_function("shipped", |b| {
        b.iter(|| black_box(load(&Location::Embedded)))
    });
    let mut sizes = vec![1_000];
    if std::env::var_os("CHRONICLE_BENCH_LARGE").is_some_and(|v| v == "1") {
        sizes.push(10_000);
    }
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for articles in sizes {
        let generated = common::corpus(articles);
        let bytes = common::dir_bytes(&generated.dir);
        group.throughput(Throughput::Bytes(bytes));
        let location = Location::Dir(generated.dir.clone());
        group.bench_function(format!("generated {articles} articles"), |b| {
            b.iter(|| {
                let loaded = load(&location);
                assert!(loaded.problems.is_empty());
                black_box(loaded)
            })
        });
        let corpus = load(&location).corpus;
        group.bench_function(format!("search index, {articles} articles"), |b| {
            b.iter(|| black_box(SearchIndex::new(&corpus)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
