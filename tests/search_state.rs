//! Searching article text, driven without a terminal: hits per article, Enter opening an
//! article at its first hit, `n`/`N` moving between hits and wrapping around.

mod search_support;

use chronicle::app::{Action, App, Focus, View};
use search_support::{app, search, NAMED};

/// The listed article with this id, and its hit count.
fn listed(app: &App, id: &str) -> Option<(usize, usize)> {
    let c = app.corpus();
    let at = app
        .views
        .articles
        .iter()
        .position(|&a| c.articles[a].id == id)?;
    Some((at, app.views.hits[at]))
}

/// The paragraph ("Paragraph N.") the hit `n`/`N` moved to is in.
fn paragraph_of_current_hit(app: &App) -> usize {
    let view = app.article_view().expect("an article on screen");
    let (at, _) = app.current_hit().expect("a current hit");
    let hit = app.article_hits(view.article)[at].clone();
    let body = &app.corpus().articles[view.article].body;
    let start = body[..hit.start].rfind("Paragraph ").unwrap() + "Paragraph ".len();
    let digits: String = body[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap()
}

/// True when the current hit's line is within the article text on screen.
fn current_hit_on_screen(app: &App, text_height: usize, text_width: u16) -> bool {
    let view = app.article_view().unwrap();
    let (at, _) = app.current_hit().unwrap();
    let hit = app.article_hits(view.article)[at].clone();
    let lines = app.wrapped(view.article, text_width);
    let top = app.article_top(&lines, &view.span, text_height);
    let line = lines.partition_point(|l| l.end < hit.start);
    (top..top + text_height).contains(&line)
}

#[test]
fn every_spelling_and_alias_is_a_hit_counted_per_article() {
    let mut app = app(100, 30);
    search(&mut app, "kim-jong-un");
    app.update(Action::ViewArticles);
    // The five spellings: hyphens, case, a non-breaking hyphen, double spaces, and
    // the actor's aliases "Marshal" and "金正恩" (the latter beside a spelled name).
    let (at, hits) = listed(&app, "gamma").expect("the long article is listed");
    assert_eq!(hits, 6);
    let gamma = app.views.articles[at];
    let found: Vec<String> = app
        .article_hits(gamma)
        .iter()
        .map(|r| app.corpus().articles[gamma].body[r.clone()].to_owned())
        .collect();
    assert_eq!(
        found,
        [
            "Kim Jong-un",
            "KIM JONG UN",
            "Kim Jong‑Un",
            "金正恩",
            "Marshal",
            "Kim  Jong un"
        ]
    );
    assert_eq!(listed(&app, "alpha"), None, "alpha never names him");
    // A word in two articles: each counts its own.
    search(&mut app, "agreed | fortress");
    assert_eq!(listed(&app, "alpha").map(|(_, n)| n), Some(2));
    assert_eq!(listed(&app, "beta").map(|(_, n)| n), Some(2));
    assert_eq!(listed(&app, "gamma"), None);
    // A negated term finds articles but gives no hits.
    search(&mut app, "!fortress");
    assert_eq!(listed(&app, "gamma").map(|(_, n)| n), Some(0));
}

#[test]
fn enter_opens_the_article_at_its_first_hit_and_n_moves_on() {
    let (w, h) = (100, 30);
    let mut app = app(w, h);
    search(&mut app, "kim-jong-un");
    app.update(Action::ViewArticles);
    // n in the list goes to the next article with hits.
    let (at, _) = listed(&app, "gamma").unwrap();
    app.update(Action::Top);
    app.update(Action::NextHit);
    assert_eq!(app.views.article_selected, at);
    app.update(Action::Activate);
    assert!(app.views.reading.is_some());
    assert_eq!(app.current_hit(), Some((0, 6)));
    assert_eq!(paragraph_of_current_hit(&app), NAMED[0]);
    assert_eq!(app.message.as_deref(), Some("hit 1 of 6"));
    // The reading text is 62% of the width, inside its frame and scrollbar.
    let text = chronicle::app::layout::article_text(
        chronicle::app::layout::reading(chronicle::app::layout::body(app.size))[0],
    );
    assert!(current_hit_on_screen(&app, text.height.into(), text.width));
    // Paragraph 15 holds two hits: a spelling and the alias in brackets.
    let paragraphs = [NAMED[0], NAMED[1], NAMED[2], NAMED[2], NAMED[3], NAMED[4]];
    for (n, &paragraph) in paragraphs.iter().enumerate().skip(1) {
        app.update(Action::NextHit);
        assert_eq!(
            app.message.as_deref(),
            Some(format!("hit {} of 6", n + 1).as_str())
        );
        assert_eq!(paragraph_of_current_hit(&app), paragraph);
        assert!(current_hit_on_screen(&app, text.height.into(), text.width));
    }
    app.update(Action::NextHit);
    assert_eq!(app.current_hit(), Some((0, 6)));
    let message = app.message.clone().unwrap();
    assert!(message.contains("back to the first"), "{message}");
    app.update(Action::PrevHit);
    assert_eq!(app.current_hit(), Some((5, 6)));
    assert!(app.message.clone().unwrap().contains("on to the last"));
    app.update(Action::PrevHit);
    assert_eq!(app.current_hit(), Some((4, 6)));
    app.update(Action::Close);
    assert_eq!(app.view(), View::Articles);
    assert!(app.views.reading.is_none());
}

#[test]
fn in_the_timeline_n_works_once_the_article_pane_has_focus() {
    let mut app = app(120, 40);
    app.update(Action::NextHit);
    assert!(app.message.clone().unwrap().contains("no search"));
    search(&mut app, "fortress");
    app.update(Action::NextHit);
    let message = app.message.clone().unwrap();
    assert!(message.contains("focus"), "{message}");
    assert_eq!(app.current_hit(), None);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Article);
    let article = app.article_view().unwrap().article;
    assert_eq!(app.corpus().articles[article].id, "alpha");
    let count = app.article_hits(article).len();
    assert_eq!(count, 2);
    app.update(Action::NextHit);
    let (first, _) = app.current_hit().unwrap();
    app.update(Action::NextHit);
    assert_eq!(app.current_hit(), Some(((first + 1) % count, count)));
    // A new query forgets the hit moved to.
    search(&mut app, "bridge");
    assert_eq!(app.current_hit(), None);
    search(&mut app, "nowhere-to-be-found");
    app.update(Action::FocusNext);
    app.update(Action::NextHit);
    assert_eq!(app.current_hit(), None);
}
