//! The view: reads `App` and draws it into any ratatui buffer, never to a
//! global terminal, so one process could serve several screens.

mod article;
mod articles;
mod details;
mod export_prompt;
mod overlay;
mod quote_list;
mod quotes;
mod status;
pub mod theme;
mod timeline;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use ratatui::Frame;

use crate::app::{layout, Action, App, Focus, Layer, View};
use crate::text::width::{ellipsize, truncate, width as text_width};
use theme::Theme;

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    draw(app, theme, frame.area(), frame.buffer_mut());
}

/// Draws into a buffer area (what `render` does, without a `Frame`).
pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    if layout::too_small(area) {
        too_small(app, area, buf, theme);
        return;
    }
    // Laid out for the area drawn into, never a size stored earlier: the
    // two can differ while the terminal is being resized.
    let panes = layout::panes(area, app.focus, app.zoom);
    status::header(app, theme, panes.header, buf);
    let body = layout::body(area);
    match app.view() {
        View::Timeline => draw_panes(app, theme, &panes, buf),
        View::Articles => articles::draw(app, theme, body, buf),
        View::Quotes => quote_list::draw(app, theme, body, buf),
    }
    status::footer(app, theme, panes.status, buf);
    overlay::draw(app, theme, area, buf);
}

/// The Timeline view's three panes.
fn draw_panes(app: &App, theme: &Theme, panes: &layout::Panes, buf: &mut Buffer) {
    if let Some(rect) = panes.timeline {
        timeline::draw(app, theme, rect, buf);
    }
    if let Some(rect) = panes.article {
        article::draw(app, theme, rect, buf);
    }
    if let Some(rect) = panes.quotes {
        quotes::draw(app, theme, rect, buf);
    }
}

/// Screen cells that link somewhere: (x, y, width, url). The terminal
/// layer may turn them into OSC 8 hyperlinks; nothing is linked under an
/// overlay or while an input is open over the panes.
pub fn links(app: &App) -> Vec<(u16, u16, u16, String)> {
    if layout::too_small(app.size)
        || app.overlay().is_some()
        || app.input().is_some()
        || app.view() != View::Timeline
    {
        return Vec::new();
    }
    app.panes()
        .article
        .and_then(|rect| article::link(app, rect))
        .into_iter()
        .collect()
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = [
        format!("Terminal too small: {}x{}", area.width, area.height),
        format!(
            "chronicle needs {}x{}",
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        ),
        format!("{} quits", app.keymap().label(Layer::Normal, Action::Quit)),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, text) in lines.iter().enumerate() {
        let y = top.saturating_add(i as u16);
        if y >= area.bottom() {
            break;
        }
        let shown = ellipsize(text, usize::from(area.width));
        let x = area.x + area.width.saturating_sub(text_width(&shown) as u16) / 2;
        buf.set_stringn(x, y, &shown, usize::from(area.width), theme.warning);
    }
}

/// A pane's frame: rounded when focused, its title, and an optional
/// bottom-right note such as the position `12/27`, each cut with '…' to the
/// width it is drawn at.
fn pane_block<'a>(
    title: Line<'a>,
    bottom: Option<String>,
    focused: bool,
    theme: &Theme,
) -> PaneBlock<'a> {
    let (border, kind) = if focused {
        (theme.border_focused, BorderType::Thick)
    } else {
        (theme.border, BorderType::Plain)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(kind)
        .border_style(border);
    PaneBlock {
        block,
        title,
        bottom,
    }
}

/// A pane's frame whose title and note are fitted when it is drawn, the
/// only time its width is known.
struct PaneBlock<'a> {
    block: Block<'a>,
    title: Line<'a>,
    bottom: Option<String>,
}

impl Widget for PaneBlock<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let room = usize::from(area.width.saturating_sub(2));
        let mut block = self.block.title(Line::from(fit(&self.title.spans, room)));
        if let Some(note) = self.bottom {
            let note = ellipsize(&format!(" {note} "), room).into_owned();
            block = block.title_bottom(Line::from(note).right_aligned());
        }
        block.render(area, buf);
    }
}

fn pane_title(name: &str, focused: bool, theme: &Theme) -> Line<'static> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.title
    };
    Line::from(Span::styled(format!(" {name} "), style))
}

fn is_focused(app: &App, pane: Focus) -> bool {
    app.focus == pane && app.input().is_none() && app.overlay().is_none()
}

/// A muted one-line note at the top of an empty pane.
fn note(buf: &mut Buffer, area: Rect, text: &str, theme: &Theme) {
    put_row(
        buf,
        area.x,
        area.y,
        area.width,
        &[Span::styled(text, theme.muted)],
        Style::default(),
    );
}

/// Writes `spans` on one row, cut to `width` with a '…' when they do not
/// fit (see [`fit`]), after filling the row with `fill` (so a selection bar
/// spans the whole row). A non-default fill wins over the spans' own styles,
/// so the cursor row reads as one. Whatever lies outside the buffer is left
/// out.
fn put_row(buf: &mut Buffer, x: u16, y: u16, width: u16, spans: &[Span], fill: Style) {
    let row = Rect::new(x, y, width, 1).intersection(buf.area);
    if row.is_empty() {
        return;
    }
    for cx in row.left()..row.right() {
        buf[(cx, y)].reset();
    }
    buf.set_style(row, fill);
    let mut at = row.x;
    let end = row.right();
    for span in fit(spans, usize::from(row.width)) {
        if at >= end {
            break;
        }
        let style = if fill == Style::default() {
            span.style
        } else {
            span.style.patch(fill)
        };
        let (next, _) = buf.set_stringn(at, y, span.content.as_ref(), usize::from(end - at), style);
        at = next;
    }
}

/// The spans as they fit in `width` cells: unchanged when their text fits
/// (white space at the end may overflow), else cut on a grapheme boundary
/// with a '…' in the style of the span that was cut. The one place rows are
/// cut, so no row loses text silently.
fn fit<'a>(spans: &'a [Span<'a>], width: usize) -> Vec<Span<'a>> {
    let mut widths: Vec<usize> = spans.iter().map(|s| text_width(&s.content)).collect();
    // Trailing white space is padding: it may be clipped without a mark.
    if let Some(last) = spans.iter().rposition(|s| !s.content.trim().is_empty()) {
        widths[last] = text_width(spans[last].content.trim_end());
        widths[last + 1..].fill(0);
    } else {
        widths.fill(0);
    }
    if widths.iter().sum::<usize>() <= width {
        return spans.to_vec();
    }
    let Some(room) = width.checked_sub(1) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = text_width(&span.content);
        if used + w <= room {
            out.push(span.clone());
            used += w;
            continue;
        }
        let (head, _) = truncate(&span.content, room - used);
        let head = head.trim_end();
        if !head.is_empty() {
            out.push(Span::styled(head.to_owned(), span.style));
        }
        out.push(Span::styled("…", span.style));
        break;
    }
    out
}

#[cfg(test)]
mod tests;
