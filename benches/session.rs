//! The server's work for one keystroke of one reader, in process and
//! without SSH: a `Session` on the shipped corpus handles `j` (or `k`),
//! writes its frame, then the panes follow the selection (what the follow
//! delay's `Event::Rest` does) and the second frame is written, through
//! the same colour writer `chronicle serve` uses, into a sink. At one key
//! a second per reader, this time is the CPU a reader costs, before SSH's
//! encryption and the network (`benches/serve.rs` measures those too).

use std::hint::black_box;

use chronicle::app::Shared;
use chronicle::config::Config;
use chronicle::corpus::Location;
use chronicle::extract::load;
use chronicle::session::{Event, Session, Settings};
use chronicle::sgr::Sgr16;
use chronicle::ui::theme::Theme;
use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn bench(c: &mut Criterion) {
    let loaded = load(&Location::Embedded);
    let shared = Shared::new(loaded.corpus, loaded.problems);
    let mut group = c.benchmark_group("serve keystroke");
    for (cols, rows) in [(80, 24), (200, 60)] {
        let defaults = Config::from_text("", "", false);
        let settings = Settings {
            keymap: defaults.keymap,
            theme: Theme::colour(),
            hyperlinks: true,
            follow_delay: defaults.follow_delay,
            export_dir: None,
        };
        let out = Sgr16::new(std::io::sink());
        let mut session =
            Session::new(shared.clone(), settings, out, (cols, rows)).expect("a session");
        assert!(session.write().is_none(), "the first frame failed");
        let mut down = true;
        group.bench_function(format!("j/k, two frames, {cols}x{rows}"), |b| {
            b.iter(|| {
                // Back and forth, so the selection never stops at an end.
                down = !down;
                let key = KeyCode::Char(if down { 'j' } else { 'k' });
                session.handle(Event::Key(KeyEvent::new(key, KeyModifiers::NONE)));
                black_box(session.write());
                session.handle(Event::Rest);
                black_box(session.write());
            })
        });
        assert!(session.running(), "a key ended the session");
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
