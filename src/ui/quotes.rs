//! The quote pane: what was said about the selected event, by whom, in
//! which article.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::{is_focused, layout, note, pane_block, pane_title, put_row};
use crate::app::{App, Focus, Highlight};
use crate::model::Origin;
use crate::text::width::{ellipsize, width};
use crate::text::wrap::wrap;

pub fn draw(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::Quotes);
    let quotes = app.quotes();
    let position =
        (!quotes.is_empty()).then(|| format!("{}/{}", app.quote_selected + 1, quotes.len()));
    let title = if quotes.is_empty() {
        "Quotes".to_owned()
    } else {
        format!("Quotes ({})", quotes.len())
    };
    pane_block(pane_title(&title, focused, theme), position, focused, theme).render(rect, buf);
    let area = layout::inner(rect);
    if area.width < 3 || area.height == 0 {
        return;
    }
    if quotes.is_empty() {
        let text = if app.selected_event().is_some() {
            "No quotes about this event."
        } else {
            ""
        };
        note(buf, area, text, theme);
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
