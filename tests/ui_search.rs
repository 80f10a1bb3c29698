//! Snapshots of searching article text through ratatui's `TestBackend` at 80x24, 120x40
//! and 200x60: the Articles list with hits in context, an article open at a hit, the
//! timeline's article pane with hits; and the styles hits are drawn in.

mod search_support;

use chronicle::app::{layout, Action, App};
use chronicle::ui::{self, theme::Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;
use search_support::{app, search};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn draw(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal
        .draw(|frame| ui::render(frame, app, theme))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn each_size(name: &str, query: &str, actions: &[Action]) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        search(&mut app, query);
        for &action in actions {
            app.update(action);
        }
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        terminal
            .draw(|frame| ui::render(frame, &app, &Theme::colour()))
            .unwrap();
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend().to_string());
    }
}

#[test]
fn articles_listed_with_their_hits_in_context() {
    each_size(
        "search_articles",
        "kim-jong-un | agreed",
        &[Action::ViewArticles],
    );
}

#[test]
fn an_article_open_at_its_third_hit() {
    let actions = [
        Action::ViewArticles,
        Action::Bottom,
        Action::Activate,
        Action::NextHit,
        Action::NextHit,
    ];
    each_size("search_article_open", "kim-jong-un", &actions);
}

#[test]
fn the_timeline_article_pane_marks_the_hits() {
    let actions = [Action::FocusNext, Action::NextHit];
    each_size("search_timeline", "fortress", &actions);
}

/// Cells whose symbols spell `word` on a row, as (x, y) of its first cell.
fn find(buf: &Buffer, word: &str) -> Vec<(u16, u16)> {
    let area = buf.area;
    let mut found = Vec::new();
    for y in area.top()..area.bottom() {
        let row: Vec<&str> = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        let chars: Vec<char> = word.chars().collect();
        for x in 0..row.len().saturating_sub(chars.len()) {
            if chars
                .iter()
                .enumerate()
                .all(|(i, c)| row[x + i] == c.to_string())
            {
                found.push((area.left() + x as u16, y));
            }
        }
    }
    found
}

#[test]
fn hits_are_drawn_apart_from_the_passage_and_the_current_hit_apart_from_both() {
    for theme in [Theme::colour(), Theme::mono()] {
        let mut app = app(120, 40);
        search(&mut app, "fortress");
        app.update(Action::FocusNext);
        let buf = draw(&app, &theme);
        // In the article's text, not the timeline's or the quotes' rows.
        let view = app.article_view().unwrap();
        assert_eq!(app.corpus().articles[view.article].id, "alpha");
        let text = layout::article_text(app.panes().article.unwrap());
        let in_text: Vec<(u16, u16)> = find(&buf, "fortress")
            .into_iter()
            .filter(|&(x, y)| text.contains((x, y).into()))
            .collect();
        assert_eq!(in_text.len(), 2, "both hits on screen");
        let plain = |at: (u16, u16)| buf[(at.0 - 2, at.1)].style();
        for &at in &in_text {
            let style = buf[at].style();
            assert!(
                style.add_modifier.contains(Modifier::UNDERLINED),
                "a hit is underlined: {style:?}"
            );
            assert_ne!(style, plain(at));
        }
        app.update(Action::NextHit);
        let buf = draw(&app, &theme);
        let (hit, _) = app.current_hit().unwrap();
        let current = buf[in_text[hit]].style();
        let other = buf[in_text[1 - hit]].style();
        assert_ne!(current, other, "the current hit stands out");
        let footer = format!("hit {} of 2", hit + 1);
        let bottom = app.panes().article.unwrap().bottom() - 1;
        assert!(
            find(&buf, &footer).iter().any(|&(_, y)| y == bottom),
            "{footer} under the article"
        );
    }
}
