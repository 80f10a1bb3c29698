//! Typing further into a filter narrows the previous result instead of
//! starting over; the result must be the one a fresh filter gives.

use std::path::PathBuf;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::{load, Location};
use chronicle::filter::{rank_actors, Filter};
use chronicle::generate::{generate, GenerateArgs};

fn shared(name: &str) -> Shared {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("chronicle-narrow-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let args = GenerateArgs {
        articles: 30,
        actors: Some(300),
        seed: 9,
        out: dir.clone(),
        force: false,
    };
    generate(&args).expect("generated");
    let loaded = load(&Location::Dir(dir.clone()));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(loaded.problems.is_empty());
    Shared::new(loaded.corpus, loaded.problems)
}

/// Events the app shows as matching, in index order.
fn matching(app: &App) -> Vec<usize> {
    (0..app.matching.len())
        .filter(|&e| app.matching[e])
        .collect()
}

/// What a filter with this text gives from scratch, in index order.
fn fresh(shared: &Shared, text: &str) -> Vec<usize> {
    let filter = Filter {
        text: text.to_owned(),
        ..Filter::default()
    };
    let mut shown = shared.index.apply(&shared.corpus, &filter);
    shown.sort_unstable();
    shown
}

#[test]
fn typing_a_text_query_matches_a_fresh_filter_at_every_step() {
    let shared = shared("text");
    // Words that grow, a second word, case, deletion, and text whose
    // lower case is not letter by letter (final sigma).
    let script = "rail links\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}ummit Tr\u{8}\u{8}\u{8}\u{8} ΟΔΟΣΑ\u{8}\u{8}\u{8}\u{8}\u{8}\u{8} we wi";
    let mut app = App::new(shared.clone(), Keymap::default(), 200, 60);
    app.update(Action::TextFilter);
    let mut typed = String::new();
    let mut narrowed_steps = 0;
    for ch in script.chars() {
        if ch == '\u{8}' {
            typed.pop();
            app.update(Action::DeleteChar);
        } else {
            typed.push(ch);
            app.update(Action::Insert(ch));
        }
        let want = fresh(&shared, &typed);
        assert_eq!(matching(&app), want, "after typing {typed:?}");
        assert_eq!(app.match_count, want.len());
        if !want.is_empty() && want.len() < app.matching.len() {
            narrowed_steps += 1;
        }
    }
    assert!(
        narrowed_steps > 10,
        "the script should narrow: {narrowed_steps}"
    );
}

#[test]
fn narrows_only_when_every_old_word_is_inside_a_new_one() {
    let f = |text: &str| Filter {
        text: text.to_owned(),
        ..Filter::default()
    };
    assert!(f("kim").narrows(&f("ki")));
    assert!(f("kim jong").narrows(&f("kim ")));
    assert!(f("Kim").narrows(&f("ki")));
    assert!(!f("ki").narrows(&f("kim")));
    assert!(!f("οδοσα").narrows(&f("ΟΔΟΣ")));
    let mut with_actor = f("kim");
    with_actor.actors.push(0);
    assert!(!with_actor.narrows(&f("ki")));
}

#[test]
fn typing_an_actor_query_ranks_like_a_fresh_search() {
    let shared = shared("actor");
    let mut app = App::new(shared.clone(), Keymap::default(), 200, 60);
    app.update(Action::ActorFilter);
    let mut typed = String::new();
    for ch in "kiM\u{8}m Min\u{8}\u{8}\u{8}\u{8}\u{8}Лe".chars() {
        if ch == '\u{8}' {
            typed.pop();
            app.update(Action::DeleteChar);
        } else {
            typed.push(ch);
            app.update(Action::Insert(ch));
        }
        let hits = &app.input().expect("input open").hits;
        assert_eq!(
            *hits,
            rank_actors(&shared.corpus, &typed),
            "after {typed:?}"
        );
    }
}
