//! The timeline pane: events in date order, sub-events indented under
//! their headline event. Only the visible rows are built.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::theme::Theme;
use super::{is_focused, layout, note, pane_block, pane_title, put_row};
use crate::app::{Action, App, Focus, Layer};
use crate::model::{DateSpec, Origin, PartialDate, Precision};
use crate::text::width::{ellipsize, width};

/// The date column's widest: a cross-year span of days with both
/// qualifiers (`~2009-12-28–2010-01-03?`), in a pane that has room...
const DATE_WIDE: usize = 23;
/// ...or a same-year span of days (`2023-09-28–10-02`) in one that has
/// not; longer dates are shown at a coarser precision there.
const DATE_NARROW: usize = 16;
/// From this pane width dates may take [`DATE_WIDE`].
const WIDE_PANE: usize = 70;
const KIND_WIDTH: usize = 9;
/// The fewest cells a title keeps: the kind column goes first.
const TITLE_MIN: usize = 20;

pub fn draw(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::Timeline);
    let corpus = app.corpus();
    let name = if app.filter.is_empty() {
        "Timeline".to_owned()
    } else {
        format!(
            "Timeline · {}",
            crate::text::part_matching(app.match_count, &corpus.events.len().to_string())
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
    let text_w = usize::from(area.width);
    // Fixed per filter, not per screenful, so that titles stay put.
    let date_w = app.date_width.min(if text_w >= WIDE_PANE {
        DATE_WIDE
    } else {
        DATE_NARROW
    });
    // The kind column goes when the title would be left too little room.
    let before_title = 2 + date_w + 1;
    let kind_w = if text_w >= before_title + KIND_WIDTH + 1 + TITLE_MIN {
        KIND_WIDTH + 1
    } else {
        0
    };
    let dates: Vec<String> = app
        .rows
        .iter()
        .skip(app.offset)
        .take(height)
        .map(|r| date_text(&corpus.events[r.event].date, date_w))
        .collect();
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
        let mut spans = vec![
            Span::raw(marker),
            Span::styled(
                format!("{date}{} ", " ".repeat(date_w.saturating_sub(width(date)))),
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

/// The date as it fits in `max` cells: whole, else at month and then at
/// year precision (`2009-12-28–2010-01-03`, `2009-12–2010-01`,
/// `2009–2010`), else cut with '…'. The details pane shows it whole.
fn date_text(date: &DateSpec, max: usize) -> String {
    let full = date.display();
    if width(&full) <= max {
        return full;
    }
    [Precision::Month, Precision::Year]
        .into_iter()
        .filter_map(|precision| coarsened(date, precision))
        .map(|coarse| coarse.display())
        .find(|text| width(text) <= max)
        .unwrap_or_else(|| ellipsize(&full, max).into_owned())
}

/// The date known only to `to` (Month or Year), qualifiers kept; a span
/// whose ends meet becomes a point.
fn coarsened(date: &DateSpec, to: Precision) -> Option<DateSpec> {
    let cut = |d: PartialDate| {
        let month = d.month().filter(|_| to >= Precision::Month);
        PartialDate::new(d.year(), month, None)
    };
    let start = cut(date.start())?;
    let mut out = match date.end().and_then(cut) {
        Some(end) if end != start => DateSpec::span(start, end)?,
        _ => DateSpec::point(start),
    };
    out.approximate = date.approximate;
    out.uncertain = date.uncertain;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> DateSpec {
        crate::model::DateSpec::parse(text).unwrap()
    }

    #[test]
    fn a_cross_year_span_is_whole_where_it_fits_and_coarser_where_not() {
        let span = date("2009-12-28/2010-01-03");
        assert_eq!(date_text(&span, 23), "2009-12-28–2010-01-03");
        assert_eq!(date_text(&span, 16), "2009-12–2010-01");
        assert_eq!(date_text(&span, 10), "2009–2010");
        assert_eq!(date_text(&span, 6), "2009-…");
        assert_eq!(
            date_text(&date("2023-09-28/2023-10-02~"), 12),
            "~2023-09–10"
        );
        assert_eq!(date_text(&date("2023-09-13/2023-09-14"), 10), "2023-09");
        assert_eq!(date_text(&date("2019-04-25"), 7), "2019-04");
        assert_eq!(date_text(&date("2019-04-25?"), 7), "2019?");
        for max in 0..24 {
            assert!(width(&date_text(&span, max)) <= max);
        }
    }
}
