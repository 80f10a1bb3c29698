//! The timeline pane: events in date order, sub-events indented under
//! their headline event. Only the visible rows are built.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::theme::Theme;
use super::{is_focused, layout, note, pane_block, pane_title, put_row};
use crate::app::{Action, App, Focus, Layer};
use crate::model::Origin;
use crate::text::width::{ellipsize, width};

/// The widest date column; longer dates are cut with '…'.
const DATE_MAX: usize = 16;
const KIND_WIDTH: usize = 9;

pub fn draw(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::Timeline);
    let corpus = app.corpus();
    let name = if app.filter.is_empty() {
        "Timeline".to_owned()
    } else {
        format!(
            "Timeline · {} of {} match",
            app.match_count,
            corpus.events.len()
        )
    };
    let position = if app.rows.is_empty() {
        "0/0".to_owned()
    } else {
        format!("{}/{}", app.selected + 1, app.rows.len())
    };
    pane_block(
        pane_title(&name, focused, theme),
        Some(position),
        focused,
        theme,
    )
    .render(rect, buf);
    let area = layout::inner(rect);
    if area.width == 0 || area.height == 0 {
        return;
    }
    if app.rows.is_empty() {
        let text = if corpus.events.is_empty() {
            "No events in this corpus.".to_owned()
        } else {
            let clear = app.keymap().label(Layer::Normal, Action::ClearFilters);
            format!("No event matches the filter. Press {clear} to clear it.")
        };
        note(buf, area, &text, theme);
        return;
    }
    let height = usize::from(area.height);
    let dates: Vec<String> = app
        .rows
        .iter()
        .skip(app.offset)
        .take(height)
        .map(|r| corpus.events[r.event].date.display())
        .collect();
    let date_w = dates
        .iter()
        .map(|d| width(d))
        .max()
        .unwrap_or(0)
        .min(DATE_MAX);
    let text_w = usize::from(area.width);
    // Narrow panes give the title the kind column's room.
    let kind_w = if text_w >= 56 { KIND_WIDTH + 2 } else { 0 };
    for (i, date) in (app.offset..).zip(&dates) {
        let row = app.rows[i];
        let event = &corpus.events[row.event];
        let y = area.y + (i - app.offset) as u16;
        let marker = match (
            corpus.children[row.event].is_empty(),
            app.collapsed[row.event],
        ) {
            (false, true) => "▸ ",
            (false, false) => "▾ ",
            (true, _) => "  ",
        };
        let date = ellipsize(date, date_w);
        let mut spans = vec![
            Span::raw(marker),
            Span::styled(
                format!("{date}{} ", " ".repeat(date_w.saturating_sub(width(&date)))),
                theme.date,
            ),
        ];
        if kind_w > 0 {
            spans.push(Span::styled(
                format!("{:<KIND_WIDTH$} ", event.kind.name()),
                theme.kind,
            ));
        }
        if row.depth > 0 {
            let last = app.rows.get(i + 1).is_none_or(|next| next.depth == 0);
            spans.push(Span::styled(if last { "└ " } else { "├ " }, theme.muted));
        }
        if event.origin == Origin::Extracted {
            spans.push(Span::styled("≈ ", theme.extracted));
        }
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        // Context rows and the past mentioned as background stand back.
        let title_style = if row.context || event.background {
            theme.muted
        } else if row.depth == 0 {
            theme.title
        } else {
            Default::default()
        };
        spans.push(Span::styled(
            ellipsize(&event.title, text_w.saturating_sub(used)).into_owned(),
            title_style,
        ));
        let fill = match (i == app.selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => Default::default(),
        };
        put_row(buf, area.x, y, area.width, &spans, fill);
    }
    if app.rows.len() > usize::from(area.height) {
        let mut state =
            ScrollbarState::new(app.rows.len().saturating_sub(usize::from(area.height)))
                .position(app.offset);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(
                rect.inner(Margin {
                    horizontal: 0,
                    vertical: 1,
                }),
                buf,
                &mut state,
            );
    }
}
