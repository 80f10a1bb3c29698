//! The header line (corpus, counts, filter chips) and the status line
//! (the keys that apply now, a message, or the text filter being typed).

use std::cmp::Reverse;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;

use super::put_row;
use super::theme::Theme;
use crate::app::{Action, App, Focus, InputKind, Layer, View};
use crate::filter::Combine;
use crate::text::count;
use crate::text::width::{ellipsize_start, width};

/// The header line: what is filtered first (it matters most when the
/// line is cut at narrow widths), then problems, then the corpus and its
/// counts.
pub fn header(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let corpus = app.corpus();
    let mut spans = vec![
        Span::styled(" chronicle ", theme.title),
        Span::styled(format!("· {} ", app.view().name()), theme.chip),
        Span::raw(" "),
    ];
    let (cols, rows) = app.terminal;
    if (cols, rows) != (app.size.width, app.size.height) {
        spans.push(Span::styled(
            format!(
                "· terminal {cols}x{rows}: only {}x{} drawn ",
                app.size.width, app.size.height
            ),
            theme.warning,
        ));
    }
    if !app.filter.actors.is_empty() {
        let mode = match app.filter.combine {
            Combine::All => "all of",
            Combine::Any => "any of",
        };
        spans.push(Span::styled(format!("· {mode} "), theme.muted));
        for &actor in &app.filter.actors {
            spans.push(Span::styled(
                format!(" {} ", corpus.actors[actor].name),
                theme.chip,
            ));
            spans.push(Span::raw(" "));
        }
    }
    if !app.filter.text.trim().is_empty() {
        spans.push(Span::styled("· text ", theme.muted));
        spans.push(Span::styled(
            format!("“{}” ", app.filter.text.trim()),
            theme.matched,
        ));
    }
    if !app.filter.facets.is_empty() {
        spans.push(Span::styled("· fields ", theme.muted));
        for chip in app.filter.facets.chips() {
            spans.push(Span::styled(format!(" {chip} "), theme.chip));
            spans.push(Span::raw(" "));
        }
    }
    if !app.shared.problems.is_empty() {
        let problems = count(app.shared.problems.len(), "problem");
        spans.push(Span::styled(format!("· {problems} "), theme.warning));
    }
    // The corpus and its counts, as much of them as fits whole: its name
    // goes first, then the quotes, then the events.
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = usize::from(rect.width).saturating_sub(used);
    let events = count(corpus.events.len(), "event");
    let quotes = count(corpus.quotes.len(), "quote");
    let counts = [
        format!("· {} · {events} · {quotes} ", corpus.name),
        format!("· {events} · {quotes} "),
        format!("· {events} "),
    ]
    .into_iter()
    .find(|text| width(text.trim_end()) <= room);
    if let Some(counts) = counts {
        spans.push(Span::styled(counts, theme.muted));
    }
    put_row(buf, rect.x, rect.y, rect.width, &spans, Style::default());
}

/// The actions worth a hint in the current state, in display order.
fn hints(app: &App) -> Vec<(Layer, Action, &'static str)> {
    let n = |action: Action| (Layer::Normal, action, action.hint());
    match (app.layer(), app.input().map(|i| i.kind)) {
        (Layer::Overlay, _) => vec![
            (Layer::Overlay, Action::Down, "scroll"),
            (Layer::Overlay, Action::Close, "close"),
        ],
        (Layer::Input, _) if app.export_prompt().is_some() => vec![
            (Layer::Input, Action::Submit, "export"),
            (Layer::Input, Action::Cancel, "cancel"),
        ],
        (Layer::Input, Some(InputKind::Actor)) => vec![
            (Layer::Input, Action::Down, "choose"),
            (Layer::Input, Action::Submit, "add actor"),
            (Layer::Input, Action::Cancel, "close"),
        ],
        (Layer::Input, _) => vec![
            (Layer::Input, Action::Submit, "keep"),
            (Layer::Input, Action::Cancel, "cancel"),
        ],
        _ if app.view() != View::Timeline => view_hints(app),
        _ => {
            let mut list = Vec::new();
            // The hints follow the event the panes show: a run of moves
            // down the timeline leaves the status line as it is.
            let event = app.shown_event().map(|e| &app.corpus().events[e]);
            match app.focus {
                Focus::Timeline => {
                    list.push((Layer::Normal, Action::Down, "move"));
                    let has_kids = app
                        .shown_event()
                        .is_some_and(|e| !app.corpus().children[e].is_empty());
                    list.push((
                        Layer::Normal,
                        Action::Activate,
                        if has_kids { "fold" } else { "read" },
                    ));
                }
                Focus::Article => list.push((Layer::Normal, Action::Down, "scroll")),
                Focus::Quotes => {
                    list.push((Layer::Normal, Action::Down, "move"));
                    list.push((Layer::Normal, Action::Activate, "show in article"));
                }
            }
            if event.is_some_and(|e| e.sources.len() > 1) {
                list.push(n(Action::NextSource));
            }
            list.push(n(Action::ActorFilter));
            list.push(n(Action::TextFilter));
            if !app.filter.is_empty() {
                list.push(n(Action::ClearFilters));
            }
            if app.filter.actors.len() > 1 {
                list.push(n(Action::ToggleCombine));
            }
            list.push(n(Action::FocusNext));
            list.push(n(Action::Zoom));
            list.push(n(Action::ViewArticles));
            list.push(n(Action::ViewQuotes));
            list.push(n(Action::Help));
            list.push(n(Action::Quit));
            list
        }
    }
}

/// Hints in the Articles and Quotes views.
fn view_hints(app: &App) -> Vec<(Layer, Action, &'static str)> {
    let n = |action: Action| (Layer::Normal, action, action.hint());
    let mut list = vec![(Layer::Normal, Action::Down, "move")];
    match (app.view(), app.views.reading.is_some()) {
        (_, true) => list.push((Layer::Normal, Action::Close, "back")),
        (View::Quotes, _) => {
            list.push((Layer::Normal, Action::Activate, "show in article"));
            list.push(n(Action::CycleSort));
        }
        _ => list.push((Layer::Normal, Action::Activate, "read")),
    }
    // The other views' keys come early: they are the way out of this one.
    let others = [
        (View::Timeline, Action::ViewTimeline),
        (View::Articles, Action::ViewArticles),
        (View::Quotes, Action::ViewQuotes),
    ];
    for (view, action) in others {
        if view != app.view() {
            list.push(n(action));
        }
    }
    list.push(n(Action::ActorFilter));
    list.push(n(Action::TextFilter));
    if !app.filter.is_empty() {
        list.push(n(Action::ClearFilters));
    }
    list.push(n(Action::Help));
    list.push(n(Action::Quit));
    list
}

pub fn footer(app: &App, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let mut spans: Vec<Span> = Vec::new();
    if app.export_prompt().is_some() {
        spans.extend(super::export_prompt::spans(app, theme));
    } else if let Some(input) = app.input().filter(|i| i.kind != InputKind::Actor) {
        let (prompt, count) = if input.kind == InputKind::Fields {
            ("fields", "  Enter applies  ".to_string())
        } else {
            let count = crate::text::count_or_no(app.match_count, "match");
            ("/", format!("  {count}  "))
        };
        // A long (pasted) query shows its end, so the cursor and count stay visible.
        let room = usize::from(rect.width).saturating_sub(width(&count) + width(prompt) + 2);
        spans.push(Span::styled(prompt, theme.key));
        spans.push(Span::raw(format!(
            " {}",
            ellipsize_start(&input.text, room)
        )));
        spans.push(Span::styled("▏", theme.matched));
        spans.push(Span::styled(count, theme.muted));
    } else if let Some(message) = &app.message {
        spans.push(Span::styled(format!(" {message} "), theme.warning));
    }
    // Hints are dropped, least needed first, until the rest fits; help,
    // quit and the way out of an input or overlay always stay.
    let keymap = app.keymap();
    let hint_spans = |list: &[(Layer, Action, &'static str)]| -> Vec<Span<'static>> {
        list.iter()
            .flat_map(|&(layer, action, hint)| {
                [
                    Span::styled(format!(" {} ", keymap.label(layer, action)), theme.key),
                    Span::styled(format!(" {hint}  "), theme.status),
                ]
            })
            .collect()
    };
    let mut list = hints(app);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    loop {
        let candidate = hint_spans(&list);
        let text: String = candidate.iter().map(|s| s.content.as_ref()).collect();
        let fits = used + width(text.trim_end()) <= usize::from(rect.width);
        let drop = list
            .iter()
            .enumerate()
            .filter(|(_, &(layer, action, _))| need(layer, action) < KEPT)
            .min_by_key(|&(at, &(layer, action, _))| (need(layer, action), Reverse(at)))
            .map(|(at, _)| at);
        match drop {
            Some(at) if !fits => {
                list.remove(at);
            }
            _ => {
                spans.extend(candidate);
                break;
            }
        }
    }
    put_row(buf, rect.x, rect.y, rect.width, &spans, Style::default());
}

/// A hint that is never dropped.
const KEPT: u8 = u8::MAX;

/// How much a hint is needed, for dropping the least needed first at
/// narrow widths: the views' keys stay longest, being the way to
/// everything not on the timeline; then what acts on the selection, the
/// text search and, while a filter is on, the way to clear it.
fn need(layer: Layer, action: Action) -> u8 {
    match (layer, action) {
        (_, Action::Help | Action::Quit) => KEPT,
        (Layer::Input | Layer::Overlay, Action::Cancel | Action::Close) => KEPT,
        (Layer::Input | Layer::Overlay, _) => 4,
        (_, Action::ViewTimeline | Action::ViewArticles | Action::ViewQuotes) => 5,
        (_, Action::Activate | Action::TextFilter | Action::ClearFilters | Action::Close) => 4,
        (_, Action::Down | Action::ActorFilter) => 3,
        (_, Action::NextSource | Action::CycleSort) => 2,
        _ => 1,
    }
}
