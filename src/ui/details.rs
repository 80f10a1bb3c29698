//! What the selected event is: when, where, who was there, what happened,
//! and where its date comes from. Drawn above the event's quotes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use super::put_row;
use super::theme::Theme;
use crate::model::{Corpus, Ix, Origin};
use crate::text::width::width as width_of;
use crate::text::wrap::wrap;

/// The details as styled lines fitting `width`.
fn lines(corpus: &Corpus, event: Ix, width: u16, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let event = &corpus.events[event];
    let mut out = Vec::new();
    let mut head = vec![
        Span::styled(event.date.display(), theme.date),
        Span::styled(format!(" · {}", event.kind.name()), theme.kind),
    ];
    if let Some(place) = &event.place {
        head.push(Span::styled(format!(" · {place}"), theme.muted));
    }
    if event.origin == Origin::Extracted {
        head.push(Span::styled(" · extracted", theme.extracted));
    }
    if event.background {
        head.push(Span::styled(" · background", theme.muted));
    }
    // What does not fit after the date goes on lines of its own, whole,
    // rather than be cut at the pane's edge.
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in head {
        let w = width_of(&span.content);
        if used + w > usize::from(width) && !line.is_empty() {
            out.push(std::mem::take(&mut line));
            used = 0;
        }
        if line.is_empty() {
            // A piece on a line of its own, wrapped if it is longer still.
            let text = span.content.trim_start_matches(" · ").to_string();
            let pieces: Vec<&str> = wrap(&text, width)
                .into_iter()
                .filter_map(|r| text.get(r.start..r.end))
                .collect();
            if let Some((last, whole)) = pieces.split_last() {
                for piece in whole {
                    out.push(vec![Span::styled(piece.to_string(), span.style)]);
                }
                used = width_of(last);
                line.push(Span::styled(last.to_string(), span.style));
            }
            continue;
        }
        used += w;
        line.push(span);
    }
    out.push(line);
    let mut wrapped = |text: &str, label: &str, style: Style| {
        let text = format!("{label}{text}");
        for line in wrap(&text, width) {
            let piece = text
                .get(line.start..line.end)
                .unwrap_or_default()
                .to_owned();
            out.push(vec![Span::styled(piece, style)]);
        }
    };
    if !event.actors.is_empty() {
        let names: Vec<&str> = event
            .actors
            .iter()
            .map(|&a| corpus.actors[a].name.as_str())
            .collect();
        wrapped(&names.join(", "), "With ", theme.speaker);
    }
    wrapped(&event.summary, "", Style::default());
    if let Some(note) = &event.date_note {
        wrapped(note, "Date: ", theme.muted);
    }
    let articles = reporting(corpus, event);
    if articles.len() > 1 {
        let names = articles.join("; ");
        let label = format!("Reported by {} articles (s cycles): ", articles.len());
        wrapped(&names, &label, theme.muted);
    }
    if let Some(why) = &event.built_from {
        wrapped(why, "Built: ", theme.muted);
    }
    out
}

/// The articles an event's sources are in, once each, by outlet and title.
fn reporting(corpus: &Corpus, event: &crate::model::Event) -> Vec<String> {
    let mut seen: Vec<Ix> = Vec::new();
    for s in &event.sources {
        if !seen.contains(&s.article) {
            seen.push(s.article);
        }
    }
    seen.iter()
        .map(|&a| {
            let article = &corpus.articles[a];
            match &article.outlet {
                Some(o) => format!("{o}: {}", article.title),
                None => article.title.clone(),
            }
        })
        .collect()
}

/// Draws the details from the top of `area`, using at most `max` rows;
/// returns how many rows it used.
pub fn draw(
    corpus: &Corpus,
    event: Ix,
    theme: &Theme,
    area: Rect,
    max: u16,
    buf: &mut Buffer,
) -> u16 {
    let all = lines(corpus, event, area.width, theme);
    let rows = (all.len() as u16).min(max).min(area.height);
    for (i, spans) in all.iter().take(usize::from(rows)).enumerate() {
        put_row(
            buf,
            area.x,
            area.y + i as u16,
            area.width,
            spans,
            Style::default(),
        );
    }
    if usize::from(rows) < all.len() && rows > 0 {
        // Say that the details go on rather than cut a sentence silently:
        // a '…' after the last row's text, or over its last cell when full.
        let used: usize = all[usize::from(rows) - 1]
            .iter()
            .map(|s| width_of(&s.content))
            .sum();
        let x = area
            .x
            .saturating_add(used.min(usize::from(area.width).saturating_sub(1)) as u16);
        buf.set_string(x, area.y + rows - 1, "…", theme.muted);
    }
    rows
}
