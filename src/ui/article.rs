//! The article pane: the selected event's source article, wrapped to the
//! pane, scrolled so the cited passage is in view and highlighted. Only the
//! visible window of wrapped lines is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::theme::Theme;
use super::{is_focused, layout, note, pane_block, pane_title, put_row};
use crate::app::{App, Focus, Highlight};
use crate::model::Article;
use crate::text::width::{ellipsize, width as text_width};

pub fn draw(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let focused = is_focused(app, Focus::Article);
    let view = app.article_view();
    let corpus = app.corpus();
    let mut name = "Article".to_owned();
    if app.view() != crate::app::View::Timeline {
        // Read from the Articles view: the passages list says what is lit.
    } else if let (Some(event), Highlight::Source) = (app.shown_event(), app.highlight) {
        let count = corpus.events[event].sources.len();
        if count > 1 {
            name = format!("Article · source {} of {count}", app.source + 1);
        }
    } else if let Highlight::Quote(_) = app.highlight {
        name = "Article · quote".to_owned();
    }
    let text_area = layout::article_text(rect);
    let lines = view
        .as_ref()
        .map(|v| app.wrapped(v.article, text_area.width));
    let height = usize::from(text_area.height);
    let top = match (&view, &lines) {
        (Some(v), Some(lines)) => app.article_top(lines, &v.span, height),
        _ => 0,
    };
    // With no row to show the text in, the first line's number alone.
    let position = lines.as_ref().filter(|l| !l.is_empty()).map(|l| {
        let last = (top + height).min(l.len());
        if last > top {
            format!("{}-{last}/{}", top + 1, l.len())
        } else {
            format!("{}/{}", top + 1, l.len())
        }
    });
    pane_block(pane_title(&name, focused, theme), position, focused, theme).render(rect, buf);
    let inside = layout::inner(rect);
    if inside.width == 0 || inside.height == 0 {
        return;
    }
    let (Some(view), Some(lines)) = (view, lines) else {
        let text = if app.shown_event().is_some() {
            "This event cites no article."
        } else {
            "No event selected."
        };
        note(buf, inside, text, theme);
        return;
    };
    let article = &corpus.articles[view.article];
    let w = usize::from(inside.width);
    put_row(
        buf,
        inside.x,
        inside.y,
        inside.width,
        &[Span::styled(ellipsize(&article.title, w), theme.title)],
        Style::default(),
    );
    if inside.height > 1 {
        let spans = meta(article, w, theme);
        put_row(
            buf,
            inside.x,
            inside.y + 1,
            inside.width,
            &spans,
            Style::default(),
        );
    }
    for (i, line) in lines.iter().skip(top).take(height).enumerate() {
        let y = text_area.y + i as u16;
        let spans = highlighted(
            &article.body,
            line.start,
            line.end,
            &view.span,
            theme.highlight,
        );
        put_row(
            buf,
            text_area.x,
            y,
            text_area.width,
            &spans,
            Style::default(),
        );
    }
    if lines.len() > height {
        let mut state = ScrollbarState::new(lines.len().saturating_sub(height)).position(top);
        let bar = Rect {
            y: text_area.y,
            height: text_area.height,
            ..rect.inner(Margin {
                horizontal: 0,
                vertical: 1,
            })
        };
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(bar, buf, &mut state);
    }
}

/// The text of one wrapped line, split where it enters and leaves the
/// highlighted span.
fn highlighted<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    span: &std::ops::Range<usize>,
    style: Style,
) -> Vec<Span<'a>> {
    let clamp = |at: usize| at.clamp(start, end);
    let (a, b) = (clamp(span.start), clamp(span.end));
    let piece = |from: usize, to: usize| body.get(from..to).unwrap_or_default();
    let mut out = Vec::with_capacity(3);
    if a > start {
        out.push(Span::raw(piece(start, a)));
    }
    if b > a {
        out.push(Span::styled(piece(a, b), style));
    }
    if end > b {
        out.push(Span::raw(piece(b, end)));
    }
    out
}

/// The article's second header line as text: outlet, date and id, then
/// the URL shown (cut to fit) and the column it starts at.
fn meta_text(article: &Article, width: usize) -> (String, Option<(String, u16)>) {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(article.outlet.clone());
    parts.push(
        article
            .published
            .map_or("date unknown".into(), |d| d.format("%-d %b %Y").to_string()),
    );
    parts.push(article.id.clone());
    let head = ellipsize(&parts.join(" · "), width).into_owned();
    let used = text_width(&head);
    let url = article.url.as_ref().and_then(|url| {
        let shown = ellipsize(url, width.saturating_sub(used + 3)).into_owned();
        (!shown.is_empty()).then(|| (shown, (used + 3) as u16))
    });
    (head, url)
}

/// The second header line, styled.
fn meta(article: &Article, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let (head, url) = meta_text(article, width);
    let mut spans = vec![Span::styled(head, theme.muted)];
    if let Some((shown, _)) = url {
        spans.push(Span::styled(" · ", theme.muted));
        spans.push(Span::styled(
            shown,
            theme.muted.add_modifier(Modifier::UNDERLINED),
        ));
    }
    if article.cleaned {
        spans.push(Span::styled(" · control characters removed", theme.warning));
    }
    spans
}

/// Where the article's URL is on screen, for the terminal to make it a
/// hyperlink: (x, y, width, url).
pub fn link(app: &App, rect: Rect) -> Option<(u16, u16, u16, String)> {
    let inside = layout::inner(rect);
    if inside.height < 2 || inside.width == 0 {
        return None;
    }
    let view = app.article_view()?;
    let article = &app.corpus().articles[view.article];
    let url = article.url.clone()?;
    let (shown, x) = meta_text(article, usize::from(inside.width)).1?;
    Some((inside.x + x, inside.y + 1, text_width(&shown) as u16, url))
}
