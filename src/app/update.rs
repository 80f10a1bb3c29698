//! The one place where actions change the explorer's state.

use std::borrow::Cow;

use crossterm::event::KeyEvent;

use super::effect::Effect;
use super::layout;
use super::{rows, Action, App, Focus, Highlight, Input, InputKind, Layer, Modal, Overlay};
use crate::filter::{rank_actors, rank_actors_among, Combine, Filter};
use crate::text::sanitize::sanitize_line;

/// Longest text a filter input keeps: enough for any real query, and a
/// bound on matching cost when something is pasted.
pub const MAX_INPUT_CHARS: usize = 200;

impl App {
    /// The key's action in the keymap layer that applies now, if it has one.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        self.keymap().action(self.layer(), key)
    }

    /// Applies one action; what it needs done outside the state (a file
    /// written) is returned for the driver to carry out.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let mut effect = None;
        if !self.moves_timeline(action) {
            self.follow();
        }
        match action {
            // Following is all it does, done above.
            Action::Follow => {}
            Action::Resize(w, h) => {
                self.size = layout::capped(w, h);
                self.terminal = (w, h);
            }
            _ => {
                self.message = None;
                match &self.modal {
                    Some(Modal::Overlay(_)) => self.update_overlay(action),
                    Some(Modal::ExportPrompt { .. }) => effect = self.update_export(action),
                    Some(Modal::Input(_)) => self.update_input(action),
                    None if action == Action::Copy => effect = self.copy(),
                    None => self.update_normal(action),
                }
            }
        }
        self.keep_in_view();
        effect
    }

    /// True for a move of the timeline cursor, which the article and event
    /// panes follow only once the selection rests.
    fn moves_timeline(&self, action: Action) -> bool {
        use Action::{Bottom, Down, PageDown, PageUp, Top, Up};
        self.layer() == Layer::Normal
            && self.views.view == super::View::Timeline
            && self.focus == Focus::Timeline
            && matches!(action, Down | Up | PageDown | PageUp | Top | Bottom)
    }

    /// Brings the article and event panes to the selected event, at the
    /// start of its first source.
    fn follow(&mut self) {
        if !self.follow_pending() {
            return;
        }
        self.shown = self.selected_event();
        self.source = 0;
        self.highlight = Highlight::Source;
        self.article_scroll = None;
        self.hit = None;
        self.quote_selected = 0;
        self.quote_offset = 0;
    }

    fn update_overlay(&mut self, action: Action) {
        let Some(overlay) = self.overlay() else {
            return;
        };
        let scroll = |s: usize| match action {
            Action::Down => s.saturating_add(1),
            Action::Up => s.saturating_sub(1),
            Action::PageDown => s.saturating_add(10),
            Action::PageUp => s.saturating_sub(10),
            _ => s,
        };
        let next = match (action, overlay) {
            (Action::Close, _) => None,
            (Action::Quit, _) => {
                self.running = false;
                None
            }
            (_, Overlay::Help { scroll: s }) => {
                let lines = self.keymap().help().len();
                Some(Overlay::Help {
                    scroll: scroll(s).min(lines.saturating_sub(1)),
                })
            }
            (_, Overlay::Problems { scroll: s }) => Some(Overlay::Problems {
                scroll: scroll(s).min(self.shared.problems.len().saturating_sub(1)),
            }),
        };
        self.modal = next.map(Modal::Overlay);
    }

    fn update_input(&mut self, action: Action) {
        let Some(Modal::Input(input)) = self.modal.as_mut() else {
            return;
        };
        let mut edited = true;
        match action {
            Action::Insert(c) if input.text.chars().count() < MAX_INPUT_CHARS => {
                input.text.push(c);
                // Typed or pasted text is drawn like corpus text, so it is
                // sanitized like it: no controls, capped marks, NFC.
                if let Cow::Owned(clean) = sanitize_line(&input.text) {
                    input.text = clean;
                }
            }
            Action::DeleteChar => {
                input.text.pop();
            }
            Action::ClearInput => input.text.clear(),
            Action::Down => {
                edited = false;
                if input.selected + 1 < input.hits.len() {
                    input.selected += 1;
                }
            }
            Action::Up => {
                edited = false;
                input.selected = input.selected.saturating_sub(1);
            }
            Action::Submit => return self.submit_input(),
            Action::Cancel => {
                self.filter = input.before.clone();
                self.modal = None;
                return self.refilter();
            }
            _ => edited = false,
        }
        if edited {
            match input.kind {
                InputKind::Actor => {
                    // Typing on narrows the previous hits; deleting starts over.
                    input.hits = if matches!(action, Action::Insert(_)) {
                        let among: Vec<usize> = input.hits.iter().map(|h| h.actor).collect();
                        rank_actors_among(&self.shared.corpus, &input.text, &mut among.into_iter())
                    } else {
                        rank_actors(&self.shared.corpus, &input.text)
                    };
                    input.selected = 0;
                }
                InputKind::Text => {
                    self.filter.text = input.text.clone();
                    self.refilter();
                }
                InputKind::Fields => {}
            }
        }
    }

    fn submit_input(&mut self) {
        let Some(Modal::Input(input)) = self.modal.take() else {
            return;
        };
        if input.kind == InputKind::Fields {
            match crate::facets::Facets::parse(&input.text) {
                Ok(facets) => {
                    self.filter.facets = facets;
                    self.refilter();
                }
                Err(problem) => {
                    self.message = Some(problem);
                    return;
                }
            }
        }
        if input.kind == InputKind::Actor {
            if let Some(hit) = input.hits.get(input.selected) {
                if !self.filter.actors.contains(&hit.actor) {
                    self.filter.actors.push(hit.actor);
                }
                self.refilter();
            }
        }
        let total = crate::text::count(self.corpus().events.len(), "event");
        self.message = Some(crate::text::part_matching(self.match_count, &total));
    }

    fn open_input(&mut self, kind: InputKind) {
        let text = match kind {
            InputKind::Actor => String::new(),
            InputKind::Text => self.filter.text.clone(),
            InputKind::Fields => self.filter.facets.query(),
        };
        let hits = match kind {
            InputKind::Actor => rank_actors(&self.shared.corpus, ""),
            InputKind::Text | InputKind::Fields => Vec::new(),
        };
        self.modal = Some(Modal::Input(Input {
            kind,
            text,
            hits,
            selected: 0,
            before: self.filter.clone(),
            counts: match kind {
                InputKind::Actor => super::actor_counts(&self.shared.corpus, &self.matching),
                InputKind::Text | InputKind::Fields => Vec::new(),
            },
        }));
    }

    fn update_normal(&mut self, action: Action) {
        if self.views.view != super::View::Timeline && self.update_view(action) {
            return;
        }
        match action {
            Action::ViewTimeline => self.switch_view(super::View::Timeline),
            Action::ViewArticles => self.switch_view(super::View::Articles),
            Action::ViewQuotes => self.switch_view(super::View::Quotes),
            Action::Quit => self.running = false,
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page()),
            Action::PageUp => self.step(-self.page()),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::FocusNext | Action::FocusPrev => {
                let order = [Focus::Timeline, Focus::Article, Focus::Quotes];
                let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
                let next = if action == Action::FocusNext {
                    at + 1
                } else {
                    at + 2
                };
                self.focus = order[next % 3];
            }
            Action::Activate => self.activate(),
            Action::Collapse => self.fold(true),
            Action::Expand => self.fold(false),
            Action::NextSource => self.next_source(),
            Action::ActorFilter => self.open_input(InputKind::Actor),
            Action::TextFilter => self.open_input(InputKind::Text),
            Action::FieldFilter => self.open_input(InputKind::Fields),
            Action::Export => self.open_export(),
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.refilter();
            }
            Action::ToggleCombine => {
                self.filter.combine = match self.filter.combine {
                    Combine::All => Combine::Any,
                    Combine::Any => Combine::All,
                };
                self.refilter();
            }
            Action::RemoveChip => {
                // Field chips are drawn after the actor chips, so go first.
                if !self.filter.facets.pop() {
                    self.filter.actors.pop();
                }
                self.refilter();
            }
            Action::NextHit | Action::PrevHit
                if self.focus == Focus::Article || self.filter.text.trim().is_empty() =>
            {
                self.move_hit(action == Action::NextHit);
            }
            Action::NextHit | Action::PrevHit => {
                let key = self.keymap().label(Layer::Normal, Action::FocusNext);
                self.message = Some(format!(
                    "n/N move between hits in the article: press {key} to focus it"
                ));
            }
            Action::Zoom => self.zoom = !self.zoom,
            Action::Help => self.modal = Some(Modal::Overlay(Overlay::Help { scroll: 0 })),
            Action::Problems if self.shared.problems.is_empty() => {
                self.message = Some("no problems found in the corpus".into());
            }
            Action::Problems => {
                self.modal = Some(Modal::Overlay(Overlay::Problems { scroll: 0 }));
            }
            _ => {}
        }
    }

    /// Rows in the focused pane, for page moves.
    fn page(&self) -> isize {
        let panes = self.panes();
        let rect = match self.focus {
            Focus::Timeline => panes.timeline.map(layout::inner),
            Focus::Article => panes.article.map(layout::article_text),
            Focus::Quotes => panes.quotes.map(layout::inner),
        };
        rect.map_or(10, |r| (r.height.saturating_sub(1) as isize).max(1))
    }

    /// Moves the focused pane's cursor or scroll by `delta` lines.
    fn step(&mut self, delta: isize) {
        match self.focus {
            Focus::Timeline => {
                self.selected = offset_clamped(self.selected, delta, self.rows.len());
            }
            Focus::Quotes => {
                self.quote_selected =
                    offset_clamped(self.quote_selected, delta, self.quotes().len());
            }
            Focus::Article => self.scroll_article(delta),
        }
    }

    fn scroll_article(&mut self, delta: isize) {
        let (Some(view), Some(rect)) = (self.article_view(), self.panes().article) else {
            return;
        };
        let text = layout::article_text(rect);
        let lines = self.wrapped(view.article, text.width);
        let height = usize::from(text.height);
        let top = self.article_top(&lines, &view.span, height);
        let max_top = lines.len().saturating_sub(height);
        let top = offset_clamped(top, delta, max_top.saturating_add(1));
        self.article_scroll = Some(lines.get(top).map_or(0, |l| l.start));
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::Timeline => {
                let Some(event) = self.selected_event() else {
                    return;
                };
                if self.corpus().children[event].is_empty() {
                    self.focus = Focus::Article;
                } else {
                    let folded = self.collapsed[event];
                    self.fold(!folded);
                }
            }
            Focus::Quotes => {
                if let Some(&q) = self.quotes().get(self.quote_selected) {
                    self.highlight = Highlight::Quote(q);
                    self.article_scroll = None;
                }
            }
            Focus::Article => {}
        }
    }

    /// Folds or unfolds the selected headline event (or the headline of the
    /// selected sub-event, which then becomes the selection).
    fn fold(&mut self, fold: bool) {
        let Some(event) = self.selected_event() else {
            return;
        };
        let head = self.corpus().events[event].parent.unwrap_or(event);
        if self.corpus().children[head].is_empty() || self.collapsed[head] == fold {
            return;
        }
        self.collapsed[head] = fold;
        self.rebuild_rows(Some(head));
    }

    fn next_source(&mut self) {
        let Some(event) = self.selected_event() else {
            return;
        };
        let count = self.corpus().events[event].sources.len();
        if count > 1 {
            self.source = (self.source + 1) % count;
        }
        self.highlight = crate::app::Highlight::Source;
        self.article_scroll = None;
        self.message = Some(format!(
            "source {} of {count}",
            (self.source + 1).min(count)
        ));
    }

    /// Recomputes which events match and the rows, keeping the selected
    /// event selected when it still matches; otherwise the cursor goes to
    /// the first match, never to a dimmed context row.
    pub(super) fn refilter(&mut self) {
        let index = self.shared.index.clone();
        let query = index.query(&self.filter.text);
        // A query typed further only needs the previous matches tested,
        // unless a term grew into an actor's name and so finds their aliases.
        let narrow = self.filter.narrows(&self.matched) && !query.expanded();
        self.match_count = 0;
        for (ix, slot) in self.matching.iter_mut().enumerate() {
            if *slot || !narrow {
                *slot = index.matches(ix, &self.filter, &query)
                    && self.filter.facets.matches(&self.shared.corpus, ix);
            }
            self.match_count += usize::from(*slot);
        }
        self.matched = self.filter.clone();
        self.hit = None;
        let keep = self.selected_event();
        self.rows = rows::build(&self.shared.corpus, &self.matching, &self.collapsed);
        self.date_width = rows::date_width(
            &self.shared.corpus,
            &self.matching,
            &self.shared.date_widths,
        );
        let kept = keep.and_then(|e| self.rows.iter().position(|r| r.event == e && !r.context));
        let first = self.rows.iter().position(|r| !r.context);
        self.selected = kept.or(first).unwrap_or(0);
        let corpus = self.shared.corpus.clone();
        self.views
            .refilter(&corpus, &index, &self.filter, &self.matching);
        self.follow();
    }

    /// Rebuilds the rows; the panes follow the selection at once, as they
    /// do after anything but a move.
    fn rebuild_rows(&mut self, keep: Option<usize>) {
        self.rows = rows::build(&self.shared.corpus, &self.matching, &self.collapsed);
        let found = keep.and_then(|e| self.rows.iter().position(|r| r.event == e));
        self.selected = found.unwrap_or(0).min(self.rows.len().saturating_sub(1));
        self.follow();
    }

    /// Scrolls lists so their cursor is visible in their pane.
    fn keep_in_view(&mut self) {
        self.keep_views_in_view();
        let panes = self.panes();
        if let Some(rect) = panes.timeline {
            let height = usize::from(layout::inner(rect).height).max(1);
            self.offset = scrolled(self.offset, self.selected, height, self.rows.len());
        }
        if let Some(rect) = panes.quotes {
            // The event's details take up to half the pane, and each quote
            // at least three lines (speaker, text, gap): keep the cursor's
            // quote on screen.
            let height = (usize::from(layout::inner(rect).height) / 2 / 3).max(1);
            self.quote_offset = scrolled(
                self.quote_offset,
                self.quote_selected,
                height,
                self.quotes().len(),
            );
        }
    }
}

/// `at + delta`, kept within `0..len`.
fn offset_clamped(at: usize, delta: isize, len: usize) -> usize {
    let last = len.saturating_sub(1);
    at.saturating_add_signed(delta).min(last)
}

/// The first visible row so that `cursor` is within `height` rows of it.
pub(super) fn scrolled(offset: usize, cursor: usize, height: usize, len: usize) -> usize {
    let offset = if cursor < offset {
        cursor
    } else if cursor >= offset.saturating_add(height) {
        cursor + 1 - height
    } else {
        offset
    };
    offset.min(len.saturating_sub(height))
}
