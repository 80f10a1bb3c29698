//! A corpus for searching article text: the mini fixture and one long article that spells
//! one leader's name five ways, far apart, with an actor whose alias is "Marshal".

use std::path::Path;

use chronicle::app::{Action, App, Keymap, Shared};
use chronicle::corpus::{load, Location};
use chronicle::model::Corpus;

/// The long article's paragraphs that name the leader, from 0.
pub const NAMED: [usize; 5] = [1, 8, 15, 22, 29];

fn body() -> String {
    let spellings = [
        "Kim Jong-un arrived at the station.",
        "KIM JONG UN spoke for an hour.",
        "Reporters saw Kim Jong‑Un (金正恩) leave.",
        "The Marshal waved from the train.",
        "Kim  Jong un left at dawn.",
    ];
    (0..32)
        .map(|p| match NAMED.iter().position(|&n| n == p) {
            Some(i) => format!("Paragraph {p}. {}", spellings[i]),
            None => format!(
                "Paragraph {p}. Delegates discussed the harbour, the railway and the \
                 crossing at some length before lunch."
            ),
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

pub fn corpus() -> Corpus {
    let loaded = load(&Location::Dir(Path::new("tests/fixtures/mini").into()));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let c = loaded.corpus;
    let mut articles = c.articles.clone();
    let mut long = articles[0].clone();
    long.id = "gamma".into();
    long.title = "Train to the north".into();
    long.published = chrono::NaiveDate::from_ymd_opt(2024, 6, 19);
    long.body = body();
    articles.push(long);
    let mut actors = c.actors.clone();
    let mut kim = actors[0].clone();
    kim.id = "kim".into();
    kim.name = "Kim Jong Un".into();
    kim.aliases = vec!["Marshal".into(), "金正恩".into()];
    actors.push(kim);
    Corpus::new(
        "search".into(),
        articles,
        actors,
        c.events.clone(),
        c.quotes.clone(),
    )
}

pub fn app(width: u16, height: u16) -> App {
    App::new(
        Shared::new(corpus(), vec![]),
        Keymap::default(),
        width,
        height,
    )
}

/// Types a text query with `/` and accepts it.
pub fn search(app: &mut App, query: &str) {
    app.update(Action::TextFilter);
    app.update(Action::ClearInput);
    for c in query.chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
}
