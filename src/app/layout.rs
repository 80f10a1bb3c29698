//! Where each pane goes for a screen size. Pure, so that `App::update`
//! (which scrolls) and rendering agree on every pane's size.

use ratatui::layout::{Constraint, Layout, Rect};

use super::Focus;

/// Below this the explorer shows a "terminal too small" message instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width the three panes sit side by side.
pub const WIDE: u16 = 150;
/// From this width the timeline sits left of the article and quotes,
/// half the screen, so that it keeps its date, kind and title columns;
/// below it, across the top.
pub const SIDE_BY_SIDE: u16 = 120;
/// Lines of the article pane above the text: title, outlet and date.
pub const ARTICLE_HEADER: u16 = 2;
/// The most columns and rows drawn. ratatui keeps cell buffers for the
/// whole area, about 40 bytes a cell, so a terminal that reports 65535x65535
/// would need hundreds of gigabytes; a larger one is drawn in its top-left
/// corner and the header says so.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub header: Rect,
    pub timeline: Option<Rect>,
    pub article: Option<Rect>,
    pub quotes: Option<Rect>,
    pub status: Rect,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The area drawn on a terminal of this size: all of it, up to the cap.
pub fn capped(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width.min(MAX_WIDTH), height.min(MAX_HEIGHT))
}

/// Splits the screen: a header line, the panes, a status line. Zoom shows
/// the focused pane alone.
pub fn panes(area: Rect, focus: Focus, zoom: bool) -> Panes {
    if too_small(area) {
        return Panes::default();
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut panes = Panes {
        header,
        status,
        ..Panes::default()
    };
    if zoom {
        match focus {
            Focus::Timeline => panes.timeline = Some(body),
            Focus::Article => panes.article = Some(body),
            Focus::Quotes => panes.quotes = Some(body),
        }
        return panes;
    }
    let (t, a, q) = if body.width >= WIDE {
        let [t, a, q] = Layout::horizontal([
            Constraint::Percentage(38),
            Constraint::Percentage(37),
            Constraint::Percentage(25),
        ])
        .areas(body);
        (t, a, q)
    } else if body.width >= SIDE_BY_SIDE {
        let [t, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        let [a, q] =
            Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(right);
        (t, a, q)
    } else {
        // Narrow: the timeline across the top so titles stay readable.
        let [t, bottom] =
            Layout::vertical([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(body);
        if bottom.width >= 60 {
            let [a, q] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(bottom);
            (t, a, q)
        } else {
            let [a, q] = Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(bottom);
            (t, a, q)
        }
    };
    (panes.timeline, panes.article, panes.quotes) = (Some(t), Some(a), Some(q));
    panes
}

/// The Articles and Quotes views' area: all between the header and the status line.
pub fn body(area: Rect) -> Rect {
    let panes = panes(area, Focus::Timeline, false);
    Rect::new(
        area.x,
        panes.header.bottom(),
        area.width,
        panes.status.y.saturating_sub(panes.header.bottom()),
    )
}

/// An article open in the Articles view: its text, and its passages beside it.
pub fn reading(body: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(62), Constraint::Percentage(38)]).areas(body)
}

/// The inside of a bordered pane.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(1),
        y: rect.y.saturating_add(1),
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}

/// Where the article's wrapped text goes: below its header, left of the
/// scrollbar column.
pub fn article_text(rect: Rect) -> Rect {
    let inside = inner(rect);
    Rect {
        x: inside.x,
        y: inside.y.saturating_add(ARTICLE_HEADER),
        width: inside.width.saturating_sub(1),
        height: inside.height.saturating_sub(ARTICLE_HEADER),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_columns_when_wide_timeline_left_when_medium_on_top_when_narrow() {
        let wide = panes(Rect::new(0, 0, 200, 60), Focus::Timeline, false);
        let (t, a, q) = (
            wide.timeline.unwrap(),
            wide.article.unwrap(),
            wide.quotes.unwrap(),
        );
        assert!(t.y == a.y && a.y == q.y && t.x < a.x && a.x < q.x);
        let mid = panes(Rect::new(0, 0, 130, 40), Focus::Timeline, false);
        let (t, a, q) = (
            mid.timeline.unwrap(),
            mid.article.unwrap(),
            mid.quotes.unwrap(),
        );
        assert!(t.x < a.x && a.x == q.x && a.y < q.y);
        assert_eq!(t.height, 38);
        let small = panes(Rect::new(0, 0, 80, 24), Focus::Timeline, false);
        let (t, a, q) = (
            small.timeline.unwrap(),
            small.article.unwrap(),
            small.quotes.unwrap(),
        );
        assert!(t.width == 80 && t.y < a.y && a.y == q.y && a.x < q.x);
        let narrow = panes(Rect::new(0, 0, 50, 24), Focus::Timeline, false);
        let (a, q) = (narrow.article.unwrap(), narrow.quotes.unwrap());
        assert!(a.x == q.x && a.y < q.y);
    }

    /// From 80x24 to 200x60 the timeline keeps room for date, kind and a
    /// title (at 120x40 it was 52 columns inside and lost its kind).
    #[test]
    fn the_timeline_has_room_for_its_columns_at_every_size() {
        for width in 80..=200 {
            for height in [24, 30, 40, 50, 60] {
                let p = panes(Rect::new(0, 0, width, height), Focus::Timeline, false);
                let inside = inner(p.timeline.unwrap()).width;
                assert!(inside >= 55, "{width}x{height}: {inside}");
            }
        }
    }

    #[test]
    fn zoom_shows_only_the_focused_pane() {
        let p = panes(Rect::new(0, 0, 80, 24), Focus::Quotes, true);
        assert!(p.timeline.is_none() && p.article.is_none());
        assert_eq!(p.quotes.unwrap().width, 80);
    }

    #[test]
    fn tiny_screens_have_no_panes_and_inner_never_underflows() {
        assert_eq!(
            panes(Rect::new(0, 0, 39, 30), Focus::Timeline, false),
            Panes::default()
        );
        assert_eq!(inner(Rect::new(0, 0, 1, 1)).width, 0);
        assert_eq!(article_text(Rect::new(0, 0, 2, 3)).height, 0);
    }

    #[test]
    fn huge_terminals_are_drawn_up_to_the_cap() {
        assert_eq!(capped(80, 24), Rect::new(0, 0, 80, 24));
        assert_eq!(
            capped(u16::MAX, 5000),
            Rect::new(0, 0, MAX_WIDTH, MAX_HEIGHT)
        );
        assert_eq!(capped(200, u16::MAX), Rect::new(0, 0, 200, MAX_HEIGHT));
    }
}
