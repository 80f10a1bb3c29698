//! The Articles view: every article the filter lets through, with its
//! date, outlet and counts; an article opened from it is read in the
//! article pane with its events and quotes listed beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::{layout, note, pane_block, pane_title, put_row};
use crate::app::views::Reading;
use crate::app::{App, Passage};
use crate::model::DateSpec;
use crate::query::hits::snippet;
use crate::text::count;
use crate::text::width::{ellipsize, width};

/// `text` cut with "…" or padded with spaces to `cols` display columns.
pub(super) fn cell(text: &str, cols: usize) -> String {
    let shown = ellipsize(text, cols);
    let pad = cols.saturating_sub(width(&shown));
    format!("{shown}{}", " ".repeat(pad))
}

/// A publication date as the timeline writes an event's date, or "undated".
pub(super) fn day(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(
        || "undated".to_owned(),
        |d| DateSpec::day(d).map_or_else(|| d.to_string(), |spec| spec.display()),
    )
}

pub fn draw(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    match &app.views.reading {
        Some(reading) => draw_reading(app, reading, theme, rect, buf),
        None => draw_list(app, theme, rect, buf),
    }
}

fn draw_list(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let views = &app.views;
    let corpus = app.corpus();
    let total = corpus.articles.len();
    let title = if views.articles.len() == total {
        format!("Articles · {}", count(total, "article"))
    } else {
        format!("Articles · {} of {total}", views.articles.len())
    };
    let searching = !app.filter.text.trim().is_empty();
    let title = if searching {
        let hits: usize = views.hits.iter().sum();
        let with = views.hits.iter().filter(|&&n| n > 0).count();
        format!("{title} · {with} with {}", count(hits, "hit"))
    } else {
        title
    };
    let position = (!views.articles.is_empty())
        .then(|| format!("{}/{}", views.article_selected + 1, views.articles.len()));
    pane_block(pane_title(&title, true, theme), position, true, theme).render(rect, buf);
    let inside = layout::inner(rect);
    if inside.height < 2 || inside.width == 0 {
        return;
    }
    if views.articles.is_empty() {
        note(buf, inside, "No article passes the filter.", theme);
        return;
    }
    let w = usize::from(inside.width);
    let outlet_w = (w / 6).clamp(6, 20);
    let counts_w = 21;
    let hits_w = if searching { 9 } else { 0 };
    let title_w = w.saturating_sub(11 + outlet_w + 1 + counts_w + 1 + hits_w);
    let mut heading = format!(
        "{} {} {} {}",
        cell("Date", 10),
        cell("Outlet", outlet_w),
        cell("Title", title_w),
        cell("Events · quotes", counts_w)
    );
    if searching {
        heading.push_str(&format!(" {}", cell("Hits", hits_w - 1)));
    }
    put_row(
        buf,
        inside.x,
        inside.y,
        inside.width,
        &[Span::styled(heading, theme.muted)],
        Style::default(),
    );
    // While searching each article takes two lines: its row and its first hit.
    let per = if searching { 2 } else { 1 };
    let rows = usize::from(inside.height - 1) / per;
    for (i, &a) in views
        .articles
        .iter()
        .enumerate()
        .skip(views.article_offset)
        .take(rows.max(1))
    {
        let article = &corpus.articles[a];
        let date = day(article.published);
        let counts = format!(
            "{} · {}",
            count(views.events_of[a].len(), "event"),
            count(views.quotes_of[a].len(), "quote")
        );
        let mut spans = vec![
            Span::styled(format!("{} ", cell(&date, 10)), theme.date),
            Span::styled(
                format!(
                    "{} ",
                    cell(article.outlet.as_deref().unwrap_or("—"), outlet_w)
                ),
                theme.muted,
            ),
            Span::raw(format!("{} ", cell(&article.title, title_w))),
            Span::styled(cell(&counts, counts_w), theme.muted),
        ];
        let hits = views.hits.get(i).copied().unwrap_or(0);
        if searching {
            let style = if hits > 0 { theme.matched } else { theme.muted };
            spans.push(Span::styled(format!(" {}", count(hits, "hit")), style));
        }
        let fill = if i == views.article_selected {
            theme.selected
        } else {
            Style::default()
        };
        let y = inside.y + 1 + (per * (i - views.article_offset)) as u16;
        put_row(buf, inside.x, y, inside.width, &spans, fill);
        if searching && y + 1 < inside.bottom() {
            let context = context(app, a, hits, w.saturating_sub(2), theme);
            put_row(buf, inside.x, y + 1, inside.width, &context, fill);
        }
    }
}

/// The second line of an article listed while searching: its first hit in
/// context, the hits in it marked.
fn context(
    app: &App,
    article: usize,
    hits: usize,
    cols: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut spans = vec![Span::raw("  ")];
    if hits == 0 {
        spans.push(Span::styled(
            "no hit in its text: listed for its title, events or quotes",
            theme.muted,
        ));
        return spans;
    }
    let body = &app.corpus().articles[article].body;
    let shown = snippet(body, &app.article_hits(article), cols);
    let mut at = 0;
    for mark in &shown.marks {
        spans.push(Span::styled(
            shown.text[at..mark.start].to_owned(),
            theme.muted,
        ));
        spans.push(Span::styled(
            shown.text[mark.clone()].to_owned(),
            theme.matched,
        ));
        at = mark.end;
    }
    spans.push(Span::styled(shown.text[at..].to_owned(), theme.muted));
    spans
}

fn draw_reading(app: &App, reading: &Reading, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let [text, side] = crate::app::layout::reading(rect);
    super::article::draw(app, theme, text, buf);
    let corpus = app.corpus();
    let title = format!("In this article · {}", reading.passages.len());
    let position = (!reading.passages.is_empty())
        .then(|| format!("{}/{}", reading.selected + 1, reading.passages.len()));
    pane_block(pane_title(&title, true, theme), position, true, theme).render(side, buf);
    let inside = layout::inner(side);
    if inside.height == 0 || inside.width == 0 {
        return;
    }
    if reading.passages.is_empty() {
        note(buf, inside, "No events or quotes in it.", theme);
        return;
    }
    let w = usize::from(inside.width);
    let rows = usize::from(inside.height) / 2;
    for (i, passage) in reading
        .passages
        .iter()
        .enumerate()
        .skip(reading.offset)
        .take(rows.max(1))
    {
        let (label, head, body) = match *passage {
            Passage::Event(e) => {
                let event = &corpus.events[e];
                ("event ", event.title.as_str(), event.summary.as_str())
            }
            Passage::Quote(q) => {
                let quote = &corpus.quotes[q];
                let speaker = corpus.actors[quote.speaker].name.as_str();
                ("quote ", speaker, quote.text.as_str())
            }
        };
        let fill = if i == reading.selected {
            theme.selected
        } else {
            Style::default()
        };
        let y = inside.y + 2 * (i - reading.offset) as u16;
        let first = [
            Span::styled(label, theme.kind),
            Span::styled(ellipsize(head, w.saturating_sub(6)), theme.speaker),
        ];
        put_row(buf, inside.x, y, inside.width, &first, fill);
        if y + 1 < inside.bottom() {
            let second = [Span::raw(format!(
                "  {}",
                ellipsize(body, w.saturating_sub(2))
            ))];
            put_row(buf, inside.x, y + 1, inside.width, &second, fill);
        }
    }
}
