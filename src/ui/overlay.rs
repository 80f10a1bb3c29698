//! Boxes drawn over the panes: the actor picker, the help (built from the
//! keymap itself) and the list of corpus problems.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use super::put_row;
use super::theme::Theme;
use crate::app::keymap::HelpLine;
use crate::app::{Action, App, InputKind, Layer, Overlay};
use crate::text::width::{char_indices_to_byte_ranges, ellipsize, tail, width};

pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    match app.overlay() {
        Some(Overlay::Help { scroll }) => help(app, theme, area, buf, scroll),
        Some(Overlay::Problems { scroll }) => problems(app, theme, area, buf, scroll),
        None => {
            if app.input().is_some_and(|i| i.kind == InputKind::Actor) {
                actor_picker(app, theme, area, buf);
            }
        }
    }
}

/// A centred box of at most `w` x `h`, with a title; returns its inside.
fn popup(area: Rect, w: u16, h: u16, title: &str, theme: &Theme, buf: &mut Buffer) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(2)).max(1);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::from(Span::styled(format!(" {title} "), theme.title)));
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// Lines of a scrollable list drawn from `scroll`, with a "more" note.
fn list(lines: &[Vec<Span>], inner: Rect, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    let full = usize::from(inner.height);
    let fits = lines.len() <= full;
    // When not everything fits, the last line says how much is below.
    let height = if fits { full } else { full.saturating_sub(1) };
    let scroll = scroll.min(lines.len().saturating_sub(height));
    for (i, spans) in lines.iter().skip(scroll).take(height).enumerate() {
        put_row(
            buf,
            inner.x,
            inner.y + i as u16,
            inner.width,
            spans,
            Style::default(),
        );
    }
    let below = lines.len().saturating_sub(scroll + height);
    if below > 0 && inner.height > 0 {
        let note = format!(" ↓ {below} more (j/↓) ");
        let y = inner.bottom().saturating_sub(1);
        put_row(
            buf,
            inner.x,
            y,
            inner.width,
            &[Span::styled(note, theme.muted)],
            Style::default(),
        );
    }
}

fn help(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, scroll: usize) {
    let keymap = app.keymap();
    let lines: Vec<Vec<Span>> = keymap
        .help()
        .into_iter()
        .map(|line| match line {
            HelpLine::Blank => Vec::new(),
            HelpLine::Heading(heading) => vec![Span::styled(heading, theme.title)],
            HelpLine::Binding { keys, what } => vec![
                Span::styled(format!("  {keys:<22}"), theme.date),
                Span::raw(what),
            ],
        })
        .collect();
    let height = (lines.len() as u16).saturating_add(2);
    let close = keymap.label(Layer::Overlay, Action::Close);
    let title = format!("Keys · {close} closes");
    let inner = popup(area, 76, height, &title, theme, buf);
    list(&lines, inner, scroll, theme, buf);
}

fn problems(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, scroll: usize) {
    let lines: Vec<Vec<Span>> = app
        .shared
        .problems
        .iter()
        .map(|p| {
            vec![
                Span::styled(format!("{}:{}:{}: ", p.file, p.line, p.col), theme.warning),
                Span::raw(p.message.as_str()),
            ]
        })
        .collect();
    let title = format!(
        "{} in the corpus · what is valid is shown",
        crate::text::count(lines.len(), "problem")
    );
    let inner = popup(
        area,
        area.width.saturating_sub(4),
        (lines.len() as u16).saturating_add(2),
        &title,
        theme,
        buf,
    );
    list(&lines, inner, scroll, theme, buf);
}

fn actor_picker(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(input) = app.input() else { return };
    let corpus = app.corpus();
    let height = (input.hits.len() as u16).saturating_add(4).min(18);
    let key = |action| app.keymap().label(Layer::Input, action);
    let title = format!(
        "Filter by actor · {}{} choose · {} add · {} close",
        key(Action::Up),
        key(Action::Down),
        key(Action::Submit),
        key(Action::Cancel)
    );
    let inner = popup(area, 70, height, &title, theme, buf);
    if inner.height == 0 {
        return;
    }
    let found = format!("   {} found", input.hits.len());
    // A long (pasted) name shows its end, so the cursor and count stay visible.
    let room = usize::from(inner.width).saturating_sub(width(&found) + 8);
    let prompt = vec![
        Span::styled("Actor: ", theme.title),
        Span::raw(tail(&input.text, room)),
        Span::styled("▏", theme.matched),
        Span::styled(found, theme.muted),
    ];
    put_row(
        buf,
        inner.x,
        inner.y,
        inner.width,
        &prompt,
        Style::default(),
    );
    let rows = usize::from(inner.height.saturating_sub(1));
    let first = input.selected.saturating_sub(rows.saturating_sub(1));
    let w = usize::from(inner.width);
    for (i, hit) in input.hits.iter().enumerate().skip(first).take(rows) {
        let actor = &corpus.actors[hit.actor];
        let mut spans = vec![Span::raw(if i == input.selected { "› " } else { "  " })];
        spans.extend(marked(&hit.form, &hit.indices, theme.matched));
        if hit.form != actor.name {
            spans.push(Span::styled(format!(" → {}", actor.name), theme.muted));
        }
        let about: Vec<&str> = actor
            .role
            .iter()
            .chain(actor.country.iter())
            .map(String::as_str)
            .collect();
        if !about.is_empty() {
            spans.push(Span::styled(
                ellipsize(&format!("  {}", about.join(", ")), w).into_owned(),
                theme.muted,
            ));
        }
        let fill = if i == input.selected {
            theme.selected
        } else {
            Style::default()
        };
        let y = inner.y + 1 + (i - first) as u16;
        put_row(buf, inner.x, y, inner.width, &spans, fill);
    }
    if input.hits.is_empty() && inner.height > 1 {
        put_row(
            buf,
            inner.x,
            inner.y + 1,
            inner.width,
            &[Span::styled("  no actor matches", theme.muted)],
            Style::default(),
        );
    }
}

/// `text` split into spans with the matched characters styled. The
/// matcher reports char indices, mapped here to byte ranges.
fn marked<'a>(text: &'a str, char_indices: &[usize], style: Style) -> Vec<Span<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in char_indices_to_byte_ranges(text, char_indices) {
        if range.start < at {
            continue;
        }
        if range.start > at {
            out.push(Span::raw(&text[at..range.start]));
        }
        out.push(Span::styled(&text[range.clone()], style));
        at = range.end;
    }
    if at < text.len() {
        out.push(Span::raw(&text[at..]));
    }
    out
}
