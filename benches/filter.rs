//! One keystroke in a filter input on a 10k-article corpus (100k events,
//! 5k actors), including drawing the next 200x60 frame: the first letter
//! (every event or actor is a candidate) and a letter that extends the query
//! (only the previous matches are); and typing with the Articles view open,
//! which lists each article's hits and its first hit in context.

mod common;

use std::hint::black_box;

use chronicle::app::{Action, App};
use chronicle::ui::{self, theme::Theme};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn bench(c: &mut Criterion) {
    let shared = common::shared(common::large_size());
    let theme = Theme::colour();
    let area = Rect::new(0, 0, 200, 60);
    let mut group = c.benchmark_group("filter keystroke");
    group.sample_size(20);
    let (timeline, articles) = (Action::ViewTimeline, Action::ViewArticles);
    let cases = [
        ("text, first letter", timeline, Action::TextFilter, "", 'm'),
        (
            "text, extending",
            timeline,
            Action::TextFilter,
            "ministe",
            'r',
        ),
        (
            "text, new word",
            timeline,
            Action::TextFilter,
            "minister ",
            'k',
        ),
        (
            "actor, first letter",
            timeline,
            Action::ActorFilter,
            "",
            'k',
        ),
        ("actor, extending", timeline, Action::ActorFilter, "ki", 'm'),
        (
            "articles view, first letter",
            articles,
            Action::TextFilter,
            "",
            'm',
        ),
        (
            "articles view, new word",
            articles,
            Action::TextFilter,
            "minister ",
            'k',
        ),
    ];
    for (name, view, open, typed, key) in cases {
        let setup = || {
            let mut app = common::app(&shared);
            app.update(view);
            app.update(open);
            for ch in typed.chars() {
                app.update(Action::Insert(ch));
            }
            (app, Buffer::empty(area))
        };
        group.bench_function(name, |b| {
            b.iter_batched(
                setup,
                |(mut app, mut buf): (App, Buffer)| {
                    app.update(Action::Insert(key));
                    ui::draw(&app, &theme, area, &mut buf);
                    black_box((app, buf))
                },
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
