//! Explorer state: indices, ids and scroll positions over the immutable
//! corpus, never copies of its text. `update` is the only way it changes;
//! rendering only reads it. No terminal is needed to drive it.

pub mod action;
mod copy;
pub mod effect;
mod export;
mod hits;
pub mod keymap;
pub mod layout;
mod rows;
mod update;
mod view_actions;
pub mod views;
mod wraps;

use std::ops::Range;
use std::sync::Arc;

use ratatui::layout::Rect;

pub use action::Action;
pub use keymap::{Keymap, Layer};
pub use rows::Row;
pub use views::{Passage, QuoteSort, View};

use crate::corpus::Diagnostic;
use crate::filter::{ActorHit, Filter, SearchIndex};
use crate::model::{Corpus, Ix};
use crate::text::wrap::Line;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Timeline,
    Article,
    Quotes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Actor,
    Text,
    /// Date range, kinds and outlets, applied when accepted.
    Fields,
}

/// An open filter input.
#[derive(Debug, Clone)]
pub struct Input {
    pub kind: InputKind,
    pub text: String,
    /// Ranked actors for the actor input.
    pub hits: Vec<ActorHit>,
    pub selected: usize,
    /// The filter when the input opened, restored on cancel.
    pub before: Filter,
    /// For the actor input: how many of the events the filter lets through
    /// name each actor, counted once as it opens (the filter stays as it is
    /// while it is open; counting on every frame cost 10 ms at 100k events).
    pub counts: Vec<usize>,
}

/// How many of the matching events name each actor.
fn actor_counts(corpus: &Corpus, matching: &[bool]) -> Vec<usize> {
    let mut counts = vec![0; corpus.actors.len()];
    for (event, _) in corpus.events.iter().zip(matching).filter(|(_, &m)| m) {
        for &actor in &event.actors {
            if let Some(n) = counts.get_mut(actor) {
                *n += 1;
            }
        }
    }
    counts
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Problems { scroll: usize },
}

/// What is open on top of the panes. It takes every action while open,
/// and only one can be open: each opens from the panes alone.
#[derive(Debug, Clone)]
pub enum Modal {
    /// A filter input, drawn over the panes.
    Input(Input),
    /// The help or the problems list.
    Overlay(Overlay),
    /// The export prompt in the status bar, with the format selected.
    ExportPrompt { selected: usize },
}

impl Modal {
    /// The keymap layer that applies while it is open.
    pub fn layer(&self) -> Layer {
        match self {
            Modal::Overlay(_) => Layer::Overlay,
            Modal::Input(_) | Modal::ExportPrompt { .. } => Layer::Input,
        }
    }
}

/// What the article pane highlights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// The selected event's current source passage.
    Source,
    /// A quote chosen in the quote pane.
    Quote(Ix),
}

/// The article pane's content, derived from the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleView {
    pub article: Ix,
    pub span: Range<usize>,
}

/// Shared, read-only inputs of a session: one corpus can serve many
/// readers, each with their own keymap.
#[derive(Clone)]
pub struct Shared {
    pub corpus: Arc<Corpus>,
    pub index: Arc<SearchIndex>,
    pub problems: Arc<[Diagnostic]>,
    /// Each event's date written in full, in cells: measured once, so
    /// that the timeline's date column need not format every date.
    pub date_widths: Arc<[u8]>,
}

impl Shared {
    pub fn new(corpus: Corpus, problems: Vec<Diagnostic>) -> Shared {
        let index = SearchIndex::new(&corpus);
        let date_widths = corpus
            .events
            .iter()
            .map(|e| u8::try_from(crate::text::width::width(&e.date.display())).unwrap_or(u8::MAX))
            .collect();
        Shared {
            corpus: Arc::new(corpus),
            index: Arc::new(index),
            problems: problems.into(),
            date_widths,
        }
    }
}

pub struct App {
    pub shared: Shared,
    /// This reader's keys: how keys become actions, and what hints say.
    keymap: Keymap,
    pub filter: Filter,
    /// Whether each event passes the filter.
    pub matching: Vec<bool>,
    /// The filter `matching` was computed for.
    matched: Filter,
    pub match_count: usize,
    pub rows: Vec<Row>,
    /// The widest full date of the events the filter lets through: the
    /// timeline's date column, set per filter so that it stays put while
    /// scrolling and folding.
    pub date_width: usize,
    pub collapsed: Vec<bool>,
    /// Selected timeline row and the first row shown.
    pub selected: usize,
    /// The event the article and event panes show. Moves of the timeline
    /// cursor leave it behind until the selection rests (`Action::Follow`),
    /// so that running down the timeline over a slow link redraws two rows
    /// a step, not three panes; any other action brings it up to date first.
    shown: Option<Ix>,
    pub offset: usize,
    pub focus: Focus,
    pub zoom: bool,
    /// Which of the selected event's sources the article pane shows.
    pub source: usize,
    pub highlight: Highlight,
    /// Where in the article (a byte offset) the first line shown starts;
    /// `None` follows the highlight. A byte offset rather than a line
    /// number, so that the same text stays on top when the width changes.
    pub article_scroll: Option<usize>,
    /// The search hit `n`/`N` moved to last.
    pub hit: Option<hits::HitCursor>,
    pub quote_selected: usize,
    pub quote_offset: usize,
    pub modal: Option<Modal>,
    /// The area drawn: the terminal's size, up to `layout::MAX_WIDTH` by
    /// `layout::MAX_HEIGHT`.
    pub size: Rect,
    /// The terminal's own size (columns, rows), for saying when it is
    /// larger than what is drawn.
    pub terminal: (u16, u16),
    /// A one-line note for the status bar, until the next action.
    pub message: Option<String>,
    pub running: bool,
    /// The Articles and Quotes views.
    pub views: views::Views,
    wraps: wraps::WrapCache,
    hits: hits::HitCache,
}

impl App {
    pub fn new(shared: Shared, keymap: Keymap, width: u16, height: u16) -> App {
        let events = shared.corpus.events.len();
        let mut app = App {
            shared,
            keymap,
            filter: Filter::default(),
            matching: vec![true; events],
            matched: Filter::default(),
            match_count: events,
            rows: Vec::new(),
            date_width: 0,
            collapsed: vec![false; events],
            selected: 0,
            shown: None,
            offset: 0,
            focus: Focus::Timeline,
            zoom: false,
            source: 0,
            highlight: Highlight::Source,
            article_scroll: None,
            hit: None,
            quote_selected: 0,
            quote_offset: 0,
            modal: None,
            size: layout::capped(width, height),
            terminal: (width, height),
            message: None,
            running: true,
            views: views::Views::default(),
            wraps: wraps::WrapCache::default(),
            hits: hits::HitCache::default(),
        };
        app.views = views::Views::new(&app.shared.corpus);
        app.refilter();
        // With nothing on the timeline, the articles are the way in.
        if app.rows.is_empty() && !app.corpus().articles.is_empty() {
            app.views.view = View::Articles;
        }
        if !app.shared.problems.is_empty() {
            let n = app.shared.problems.len();
            let problems = crate::text::count(n, "problem");
            let key = app.keymap().label(Layer::Normal, Action::Problems);
            app.message = Some(format!("{problems} in the corpus: press {key} to see them"));
        }
        app
    }

    pub fn corpus(&self) -> &Corpus {
        &self.shared.corpus
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Which keymap layer applies now.
    pub fn layer(&self) -> Layer {
        self.modal.as_ref().map_or(Layer::Normal, Modal::layer)
    }

    /// The filter input, if one is open.
    pub fn input(&self) -> Option<&Input> {
        match &self.modal {
            Some(Modal::Input(input)) => Some(input),
            _ => None,
        }
    }

    /// The overlay, if one is open.
    pub fn overlay(&self) -> Option<Overlay> {
        match self.modal {
            Some(Modal::Overlay(overlay)) => Some(overlay),
            _ => None,
        }
    }

    /// The format selected in the export prompt, if it is open.
    pub fn export_prompt(&self) -> Option<usize> {
        match self.modal {
            Some(Modal::ExportPrompt { selected }) => Some(selected),
            _ => None,
        }
    }

    pub fn selected_event(&self) -> Option<Ix> {
        self.rows.get(self.selected).map(|r| r.event)
    }

    /// The event whose article and details are on screen.
    pub fn shown_event(&self) -> Option<Ix> {
        self.shown
    }

    /// True while the article and event panes wait for the selection to rest.
    pub fn follow_pending(&self) -> bool {
        self.shown != self.selected_event()
    }

    /// Quotes shown in the event pane, for the shown event.
    pub fn quotes(&self) -> Vec<Ix> {
        self.shown
            .map(|e| self.corpus().event_quotes(e))
            .unwrap_or_default()
    }

    /// The article and passage the article pane shows.
    pub fn article_view(&self) -> Option<ArticleView> {
        if self.views.view != View::Timeline {
            return self.reading_view();
        }
        if let Highlight::Quote(q) = self.highlight {
            let quote = self.corpus().quotes.get(q)?;
            return Some(ArticleView {
                article: quote.article,
                span: quote.span.clone(),
            });
        }
        let event = &self.corpus().events[self.shown?];
        let source = event.sources.get(self.source).or(event.sources.first())?;
        Some(ArticleView {
            article: source.article,
            span: source.span.clone(),
        })
    }

    /// The article wrapped to a width, cached per article and width.
    pub fn wrapped(&self, article: Ix, width: u16) -> Arc<Vec<Line>> {
        self.wraps.get(&self.shared.corpus, article, width)
    }

    /// The first article line shown in a text area of this size: the
    /// user's scroll, or the highlight a third of the way down.
    pub fn article_top(&self, lines: &[Line], span: &Range<usize>, height: usize) -> usize {
        let max_top = lines.len().saturating_sub(height);
        match self.scroll_at() {
            Some(at) => lines
                .partition_point(|l| l.start <= at)
                .saturating_sub(1)
                .min(max_top),
            None => {
                let line = lines
                    .partition_point(|l| l.end < span.start)
                    .min(lines.len().saturating_sub(1));
                line.saturating_sub(height / 3).min(max_top)
            }
        }
    }

    pub fn panes(&self) -> layout::Panes {
        layout::panes(self.size, self.focus, self.zoom)
    }
}
