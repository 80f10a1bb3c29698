//! The Articles view: every article the filter lets through, with its
//! date, outlet and counts; an article opened from it is read in the
//! article pane with its events and quotes listed beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::{layout, note, pane_block, pane_title, put_row};
use crate::app::views::Reading;
use crate::app::{App, Passage};
use crate::text::count;
use crate::text::width::{ellipsize, width};

/// `text` cut with "…" or padded with spaces to `cols` display columns.
pub(super) fn cell(text: &str, cols: usize) -> String {
    let shown = ellipsize(text, cols);
    let pad = cols.saturating_sub(width(&shown));
    format!("{shown}{}", " ".repeat(pad))
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
    let title_w = w.saturating_sub(11 + outlet_w + 1 + counts_w + 1);
    let heading = format!(
        "{} {} {} {}",
        cell("Date", 10),
        cell("Outlet", outlet_w),
        cell("Title", title_w),
        cell("Events · quotes", counts_w)
    );
    put_row(
        buf,
        inside.x,
        inside.y,
        inside.width,
        &[Span::styled(heading, theme.muted)],
        Style::default(),
    );
    let rows = usize::from(inside.height - 1);
    for (i, &a) in views
        .articles
        .iter()
        .enumerate()
        .skip(views.article_offset)
        .take(rows)
    {
        let article = &corpus.articles[a];
        let date = article
            .published
            .map_or_else(|| "undated".to_owned(), |d| d.to_string());
        let counts = format!(
            "{} · {}",
            count(views.events_of[a].len(), "event"),
            count(views.quotes_of[a].len(), "quote")
        );
        let spans = [
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
        let fill = if i == views.article_selected {
            theme.selected
        } else {
            Style::default()
        };
        let y = inside.y + 1 + (i - views.article_offset) as u16;
        put_row(buf, inside.x, y, inside.width, &spans, fill);
    }
}

fn draw_reading(app: &App, reading: &Reading, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let [text, side] =
        Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(rect);
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
