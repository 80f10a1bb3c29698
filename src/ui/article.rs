//! The article pane: the selected event's source article, wrapped to the
//! pane, scrolled so the cited passage is in view and highlighted, the text
//! query's hits marked in it. Only the visible window of wrapped lines is drawn.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::theme::Theme;
use super::{is_focused, layout, note, pane_block, pane_title, put_row};
use crate::app::{App, Focus, Highlight};
use crate::model::Article;
use crate::text::count;
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
    let hits = view
        .as_ref()
        .map(|v| app.article_hits(v.article))
        .unwrap_or_default();
    let current = app.current_hit().map(|(at, _)| at);
    // With no row to show the text in, the first line's number alone.
    let position = lines.as_ref().filter(|l| !l.is_empty()).map(|l| {
        let last = (top + height).min(l.len());
        let lines = if last > top {
            format!("{}-{last}/{}", top + 1, l.len())
        } else {
            format!("{}/{}", top + 1, l.len())
        };
        match (current, hits.len()) {
            (_, 0) => lines,
            (Some(at), n) => format!("hit {} of {n} · {lines}", at + 1),
            (None, n) => format!("{} · {lines}", count(n, "hit")),
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
    let marks = Marks {
        passage: &view.span,
        hits: &hits,
        current,
    };
    for (i, line) in lines.iter().skip(top).take(height).enumerate() {
        let y = text_area.y + i as u16;
        let spans = marks.spans(&article.body, line.start..line.end, theme);
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

/// What is marked in an article's text: the passage read and the search hits.
struct Marks<'a> {
    passage: &'a Range<usize>,
    /// In order; neighbours may overlap.
    hits: &'a [Range<usize>],
    /// The hit `n`/`N` moved to.
    current: Option<usize>,
}

impl Marks<'_> {
    /// The text of one wrapped line, split wherever the passage or a hit
    /// starts or ends. A hit inside the passage keeps its colours, underlined;
    /// the current hit is drawn as the selection is, so it stands out without
    /// colour too.
    fn spans<'b>(&self, body: &'b str, line: Range<usize>, theme: &Theme) -> Vec<Span<'b>> {
        let clamp = |at: usize| at.clamp(line.start, line.end);
        let first = self.hits.partition_point(|h| h.end <= line.start);
        let on_line = self.hits[first..]
            .iter()
            .take_while(|h| h.start < line.end)
            .enumerate()
            .map(|(i, h)| (first + i, h));
        let mut cuts = vec![line.start, line.end];
        cuts.extend([clamp(self.passage.start), clamp(self.passage.end)]);
        for (_, h) in on_line.clone() {
            cuts.extend([clamp(h.start), clamp(h.end)]);
        }
        cuts.sort_unstable();
        cuts.dedup();

        cuts.windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let passage = self.passage.start <= a && b <= self.passage.end;
                let hit = on_line
                    .clone()
                    .find(|(_, h)| h.start <= a && b <= h.end)
                    .map(|(i, _)| i);
                let style = match (hit, passage) {
                    (Some(i), _) if Some(i) == self.current => theme.matched.patch(theme.selected),
                    (Some(_), true) => theme.highlight.add_modifier(Modifier::UNDERLINED),
                    (Some(_), false) => theme.matched,
                    (None, true) => theme.highlight,
                    (None, false) => Style::default(),
                };
                Span::styled(body.get(a..b).unwrap_or_default(), style)
            })
            .collect()
    }
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
