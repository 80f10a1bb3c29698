//! The event pane: the selected event's details, then what was said about
//! it, by whom, in which article.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::{details, is_focused, layout, note, pane_block, pane_title, put_row};
use crate::app::{App, Focus, Highlight};
use crate::model::Origin;
use crate::text::width::{ellipsize, width};
use crate::text::wrap::wrap;

pub fn draw(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::Quotes);
    let quotes = app.quotes();
    let position =
        (!quotes.is_empty()).then(|| format!("{}/{}", app.quote_selected + 1, quotes.len()));
    let title = match quotes.len() {
        0 => "Event".to_owned(),
        n => format!("Event · {}", crate::text::count(n, "quote")),
    };
    pane_block(pane_title(&title, focused, theme), position, focused, theme).render(rect, buf);
    let mut area = layout::inner(rect);
    if area.width < 3 || area.height == 0 {
        return;
    }
    let Some(event) = app.shown_event() else {
        note(buf, area, "No event selected.", theme);
        return;
    };
    // The details take at most half the pane when there are quotes below.
    let max = if quotes.is_empty() {
        area.height
    } else {
        (area.height / 2).max(1)
    };
    let used = details::draw(app.corpus(), event, theme, area, max, buf);
    area.y += used;
    area.height -= used;
    if area.height < 2 {
        return;
    }
    // A rule between the details and the quotes.
    let rule = "─".repeat(usize::from(area.width));
    put_row(
        buf,
        area.x,
        area.y,
        area.width,
        &[Span::styled(rule, theme.border)],
        Style::default(),
    );
    area.y += 1;
    area.height -= 1;
    if quotes.is_empty() {
        note(buf, area, "No quotes about this event.", theme);
        return;
    }
    let corpus = app.corpus();
    let mut y = area.y;
    let w = usize::from(area.width);
    for (i, &q) in quotes.iter().enumerate().skip(app.quote_offset) {
        if y >= area.bottom() {
            break;
        }
        let quote = &corpus.quotes[q];
        let selected = i == app.quote_selected;
        let shown = app.highlight == Highlight::Quote(q);
        let fill = match (selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => Style::default(),
        };
        // The quote the article pane currently shows is marked.
        let marker = if shown {
            Span::styled("◆ ", theme.speaker)
        } else {
            Span::raw("  ")
        };
        let mut head = vec![marker];
        if quote.origin == Origin::Extracted {
            head.push(Span::styled("≈ ", theme.extracted));
        }
        head.push(Span::styled(
            corpus.actors[quote.speaker].name.clone(),
            theme.speaker,
        ));
        let used: usize = head.iter().map(|s| width(&s.content)).sum();
        let source = format!(" · {}", corpus.articles[quote.article].id);
        head.push(Span::styled(
            ellipsize(&source, w.saturating_sub(used)).into_owned(),
            theme.muted,
        ));
        put_row(buf, area.x, y, area.width, &head, fill);
        y += 1;
        let text = format!("“{}”", quote.text);
        for line in wrap(&text, area.width.saturating_sub(2)) {
            if y >= area.bottom() {
                break;
            }
            let piece = text.get(line.start..line.end).unwrap_or_default();
            put_row(
                buf,
                area.x,
                y,
                area.width,
                &[Span::raw("  "), Span::raw(piece)],
                Style::default(),
            );
            y += 1;
        }
        y = y.saturating_add(1);
    }
}
