//! Drawing a 200x60 frame on a 10k-article corpus (100k timeline rows) at
//! the top, middle and bottom of the timeline, and one line of article
//! scrolling (the update and the frame).

mod common;

use std::hint::black_box;

use chronicle::app::{Action, App};
use chronicle::ui::{self, theme::Theme};
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn bench(c: &mut Criterion) {
    let shared = common::shared(common::large_size());
    let theme = Theme::colour();
    let area = Rect::new(0, 0, 200, 60);
    let mut group = c.benchmark_group("render 200x60");
    for (name, place) in [("top", 0.0), ("middle", 0.5), ("bottom", 1.0)] {
        let mut app = common::app(&shared);
        go_to(&mut app, place);
        let mut buf = Buffer::empty(area);
        group.bench_function(format!("timeline {name}"), |b| {
            b.iter(|| {
                buf.reset();
                ui::draw(&app, &theme, area, &mut buf);
                black_box(&buf);
            })
        });
    }
    let mut app = common::app(&shared);
    go_to(&mut app, 0.5);
    app.update(Action::FocusNext);
    let mut buf = Buffer::empty(area);
    let mut down = true;
    group.bench_function("article line scroll", |b| {
        b.iter(|| {
            // Back and forth, so the scroll never stops at an end.
            down = !down;
            app.update(if down { Action::Down } else { Action::Up });
            buf.reset();
            ui::draw(&app, &theme, area, &mut buf);
            black_box(&buf);
        })
    });
    group.finish();
}

/// Selects the timeline row at `place` (0 first, 1 last) with page moves.
fn go_to(app: &mut App, place: f64) {
    app.update(Action::Bottom);
    let last = app.selected;
    let target = (last as f64 * place) as usize;
    app.update(Action::Top);
    while app.selected + 60 < target {
        app.update(Action::PageDown);
    }
    while app.selected < target {
        app.update(Action::Down);
    }
    // The article and event panes show the event arrived at.
    app.update(Action::Follow);
}

criterion_group!(benches, bench);
criterion_main!(benches);
