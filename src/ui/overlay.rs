//! Boxes drawn over the panes: the actor picker, the help (built from the
//! keymap itself) and the list of corpus problems.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Widget};

use super::theme::Theme;
use super::{fit, put_row};
use crate::app::keymap::HelpLine;
use crate::app::{Action, App, InputKind, Layer, Overlay};
use crate::text::width::{char_indices_to_byte_ranges, ellipsize, ellipsize_start, width};
use crate::text::wrap::wrap;

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

/// `percent` of `total` cells, kept within `min..=max`: pop-ups grow with
/// the screen, but not into a line too long to read.
fn share(total: u16, percent: u16, min: u16, max: u16) -> u16 {
    let part = u32::from(total) * u32::from(percent) / 100;
    u16::try_from(part).unwrap_or(u16::MAX).clamp(min, max)
}

/// A centred box of at most `w` x `h`, with a title and an optional note
/// at the bottom right; returns its inside.
fn popup(
    area: Rect,
    (w, h): (u16, u16),
    title: &str,
    note: Option<&str>,
    theme: &Theme,
    buf: &mut Buffer,
) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let h = h.min(area.height.saturating_sub(2)).max(1);
    let rect = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(rect, buf);
    let room = usize::from(w.saturating_sub(2));
    let title = ellipsize(&format!(" {title} "), room).into_owned();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::from(Span::styled(title, theme.title)));
    if let Some(note) = note {
        let note = ellipsize(&format!(" {note} "), room).into_owned();
        block = block.title_bottom(Line::from(Span::styled(note, theme.muted)).right_aligned());
    }
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// One entry of a list: text in styled pieces, wrapped to the box with
/// its later lines indented by `indent` cells.
struct Entry {
    pieces: Vec<(String, Style)>,
    indent: u16,
}

impl Entry {
    /// The entry's lines at `width` cells.
    fn lines(&self, width: u16) -> Vec<Vec<Span<'static>>> {
        let text: String = self.pieces.iter().map(|(t, _)| t.as_str()).collect();
        if text.is_empty() {
            return vec![Vec::new()];
        }
        let indent = if width > self.indent.saturating_add(10) {
            self.indent
        } else {
            0
        };
        // Where each piece starts, to style the wrapped ranges.
        let mut starts = Vec::new();
        let mut at = 0;
        for (t, style) in &self.pieces {
            starts.push((at, at + t.len(), *style));
            at += t.len();
        }
        let mut out = Vec::new();
        let mut rest = 0;
        let mut first = true;
        // The first line has the whole width, the others what is left of
        // it after the indent.
        while rest < text.len() {
            let room = if first { width } else { width - indent };
            let Some(line) = wrap(&text[rest..], room).into_iter().next() else {
                break;
            };
            let (from, to) = (rest + line.start, rest + line.end);
            let mut spans = Vec::new();
            if !first && indent > 0 {
                spans.push(Span::raw(" ".repeat(usize::from(indent))));
            }
            for &(a, b, style) in &starts {
                let (a, b) = (a.max(from), b.min(to));
                if a < b {
                    spans.push(Span::styled(text[a..b].to_owned(), style));
                }
            }
            out.push(spans);
            // Past the line and the spaces that ended it.
            let next = text[to..].len() - text[to..].trim_start().len();
            rest = (to + next).max(rest + 1).min(text.len());
            while !text.is_char_boundary(rest) {
                rest += 1;
            }
            first = false;
        }
        out
    }
}

/// Entries of a scrollable list drawn from entry `scroll`, each wrapped,
/// with a "more" note when not all fit.
fn list(entries: &[Entry], inner: Rect, scroll: usize, theme: &Theme, buf: &mut Buffer) {
    // Entries are wrapped as they are needed: a screenful from each end,
    // however long the list.
    let lines = |e: &Entry| e.lines(inner.width);
    let full = usize::from(inner.height);
    let mut total = 0;
    let fits = entries.iter().all(|e| {
        total += lines(e).len();
        total <= full
    });
    // When not everything fits, the last line says how much is below.
    let height = if fits { full } else { full.saturating_sub(1) };
    // The last screenful starts at the first entry from which the rest fit.
    let mut last_start = entries.len();
    let mut rest = 0;
    while let Some(entry) = last_start.checked_sub(1).and_then(|i| entries.get(i)) {
        rest += lines(entry).len();
        if rest > height {
            break;
        }
        last_start -= 1;
    }
    let first = scroll.min(last_start).min(entries.len().saturating_sub(1));
    let mut y = inner.y;
    let mut shown = first;
    'entries: for entry in entries.iter().skip(first) {
        for spans in lines(entry) {
            if usize::from(y - inner.y) >= height {
                break 'entries;
            }
            put_row(buf, inner.x, y, inner.width, &spans, Style::default());
            y += 1;
        }
        shown += 1;
    }
    let below = entries.len().saturating_sub(shown);
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

/// The width of the keys column in the help.
const KEYS_WIDTH: usize = 22;

fn help(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, scroll: usize) {
    let keymap = app.keymap();
    let entries: Vec<Entry> = keymap
        .help()
        .into_iter()
        .map(|line| match line {
            HelpLine::Blank => Entry {
                pieces: Vec::new(),
                indent: 0,
            },
            HelpLine::Heading(heading) => Entry {
                pieces: vec![(heading.to_owned(), theme.title)],
                indent: 0,
            },
            HelpLine::Binding { keys, what } => Entry {
                pieces: vec![
                    (format!("  {keys:<KEYS_WIDTH$}"), theme.date),
                    (what.to_owned(), Style::default()),
                ],
                indent: KEYS_WIDTH as u16 + 2,
            },
        })
        .collect();
    // As wide as the longest line, within a share of the screen.
    let widest = entries
        .iter()
        .map(|e| e.pieces.iter().map(|(t, _)| width(t)).sum::<usize>())
        .max()
        .unwrap_or(0);
    let natural = u16::try_from(widest + 2).unwrap_or(u16::MAX);
    let w = natural.min(share(area.width, 95, 60, 120));
    let height = (entries.len() as u16).saturating_add(2);
    let close = keymap.label(Layer::Overlay, Action::Close);
    let title = format!("Keys · {close} closes");
    let inner = popup(area, (w, height), &title, None, theme, buf);
    list(&entries, inner, scroll, theme, buf);
}

fn problems(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, scroll: usize) {
    let entries: Vec<Entry> = app
        .shared
        .problems
        .iter()
        .map(|p| Entry {
            pieces: vec![
                (format!("{}:{}:{}: ", p.file, p.line, p.col), theme.warning),
                (p.message.clone(), Style::default()),
            ],
            indent: 4,
        })
        .collect();
    let title = format!(
        "{} in the corpus · what is valid is shown",
        crate::text::count(entries.len(), "problem")
    );
    let w = share(area.width, 90, 60, 160);
    let inner_w = w.min(area.width.saturating_sub(2)).saturating_sub(2);
    // As tall as the wrapped problems, counted no further than the screen.
    let mut lines = 0;
    for entry in &entries {
        lines += entry.lines(inner_w).len();
        if lines >= usize::from(area.height) {
            break;
        }
    }
    let h = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    let inner = popup(area, (w, h), &title, None, theme, buf);
    list(&entries, inner, scroll, theme, buf);
}

fn actor_picker(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(input) = app.input() else { return };
    let corpus = app.corpus();
    let most = share(area.height, 60, 8, 30);
    let height = (input.hits.len() as u16).saturating_add(4).min(most);
    let key = |action| app.keymap().label(Layer::Input, action);
    let title = format!(
        "Filter by actor · {}{} choose · {} add · {} close",
        key(Action::Up),
        key(Action::Down),
        key(Action::Submit),
        key(Action::Cancel)
    );
    let size = (share(area.width, 50, 56, 100), height);
    let note = "counts: events shown";
    let inner = popup(area, size, &title, Some(note), theme, buf);
    if inner.height == 0 {
        return;
    }
    let found = format!("   {} found", input.hits.len());
    // A long (pasted) name shows its end, so the cursor and count stay visible.
    let room = usize::from(inner.width).saturating_sub(width(&found) + 8);
    let prompt = vec![
        Span::styled("Actor: ", theme.title),
        Span::raw(ellipsize_start(&input.text, room)),
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
            spans.push(Span::styled(format!("  {}", about.join(", ")), theme.muted));
        }
        // The events shown that name the actor (with chips combined by
        // "all of", what adding it leaves), at the right edge; the name
        // and role are cut before it.
        let n = input.counts.get(hit.actor).copied().unwrap_or(0);
        let tally = format!(" {}", crate::text::count(n, "event"));
        let left = w.saturating_sub(width(&tally));
        let mut row = fit(&spans, left);
        let used: usize = row.iter().map(|s| width(&s.content)).sum();
        row.push(Span::raw(" ".repeat(left.saturating_sub(used))));
        row.push(Span::styled(tally, theme.date));
        let fill = if i == input.selected {
            theme.selected
        } else {
            Style::default()
        };
        let y = inner.y + 1 + (i - first) as u16;
        put_row(buf, inner.x, y, inner.width, &row, fill);
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
