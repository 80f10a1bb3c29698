//! The Quotes view: every quote the filter lets through, grouped by
//! speaker (name and count on a group's first row), in the chosen order.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::articles::{cell, day};
use super::theme::Theme;
use super::{layout, note, pane_block, pane_title, put_row};
use crate::app::App;
use crate::text::count;

pub fn draw(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let views = &app.views;
    let corpus = app.corpus();
    let total = corpus.quotes.len();
    let shown = if views.quotes.len() == total {
        count(total, "quote")
    } else {
        format!("{} of {total}", views.quotes.len())
    };
    let title = format!("Quotes · {shown} · {}", views.sort.name());
    let position = (!views.quotes.is_empty())
        .then(|| format!("{}/{}", views.quote_selected + 1, views.quotes.len()));
    pane_block(pane_title(&title, true, theme), position, true, theme).render(rect, buf);
    let inside = layout::inner(rect);
    if inside.height < 2 || inside.width == 0 {
        return;
    }
    if views.quotes.is_empty() {
        note(buf, inside, "No quote passes the filter.", theme);
        return;
    }
    let w = usize::from(inside.width);
    let speaker_w = (w / 4).clamp(12, 32);
    let text_w = w.saturating_sub(speaker_w + 1 + 11);
    let heading = format!(
        "{} {} {}",
        cell("Speaker (quotes)", speaker_w),
        cell("Date", 10),
        cell("Quote", text_w)
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
    for (i, &q) in views
        .quotes
        .iter()
        .enumerate()
        .skip(views.quote_offset)
        .take(rows)
    {
        let quote = &corpus.quotes[q];
        // A speaker's name heads their group, and the top row on screen.
        let starts_group = i == views.quote_offset
            || i == 0
            || corpus.quotes[views.quotes[i - 1]].speaker != quote.speaker;
        let speaker = if starts_group {
            let n = views.speaker_count(corpus, quote.speaker);
            format!("{} ({n})", corpus.actors[quote.speaker].name)
        } else {
            String::new()
        };
        let date = day(corpus.articles[quote.article].published);
        let spans = [
            Span::styled(format!("{} ", cell(&speaker, speaker_w)), theme.speaker),
            Span::styled(format!("{} ", cell(&date, 10)), theme.date),
            Span::raw(cell(&format!("“{}”", quote.text), text_w)),
        ];
        let fill = if i == views.quote_selected {
            theme.selected
        } else {
            Style::default()
        };
        let y = inside.y + 1 + (i - views.quote_offset) as u16;
        put_row(buf, inside.x, y, inside.width, &spans, fill);
    }
}
