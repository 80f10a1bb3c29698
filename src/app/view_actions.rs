//! How the Articles and Quotes views answer actions: moving their cursors,
//! opening an article to read and going back, `n`/`N` over the list.

use super::views::{Passage, Reading, View};
use super::{Action, App, ArticleView};
use crate::model::Ix;

impl App {
    /// The current view.
    pub fn view(&self) -> View {
        self.views.view
    }

    /// The open article's passage under the cursor, as the article pane shows it.
    pub(super) fn reading_view(&self) -> Option<ArticleView> {
        let reading = self.views.reading.as_ref()?;
        let span = match reading.passages.get(reading.selected) {
            Some(Passage::Quote(q)) => self.corpus().quotes[*q].span.clone(),
            Some(Passage::Event(e)) => self.corpus().events[*e]
                .sources
                .iter()
                .find(|s| s.article == reading.article)
                .map_or(0..0, |s| s.span.clone()),
            None => 0..0,
        };
        Some(ArticleView {
            article: reading.article,
            span,
        })
    }

    /// Opens an article for reading, its cursor on `at` when given.
    fn open_article(&mut self, article: Ix, at: Option<Passage>) {
        let corpus = self.shared.corpus.clone();
        let mut passages: Vec<Passage> = self.views.events_of[article]
            .iter()
            .map(|&e| Passage::Event(e))
            .chain(
                self.views.quotes_of[article]
                    .iter()
                    .map(|&q| Passage::Quote(q)),
            )
            .collect();
        let start = |p: &Passage| match *p {
            Passage::Quote(q) => corpus.quotes[q].span.start,
            Passage::Event(e) => corpus.events[e]
                .sources
                .iter()
                .find(|s| s.article == article)
                .map_or(0, |s| s.span.start),
        };
        passages.sort_by_key(|p| (start(p), matches!(p, Passage::Quote(_))));
        let selected = at
            .and_then(|at| passages.iter().position(|p| *p == at))
            .unwrap_or(0);
        self.views.reading = Some(Reading {
            article,
            passages,
            selected,
            offset: 0,
            scroll: None,
            back: self.views.view,
        });
        self.views.view = View::Articles;
    }

    /// Applies an action in the Articles or Quotes view; false when the
    /// action is not theirs, so the panes' handling applies.
    pub(super) fn update_view(&mut self, action: Action) -> bool {
        let page = (self.size.height.saturating_sub(5) as isize).max(1);
        let delta = match action {
            Action::Down => Some(1),
            Action::Up => Some(-1),
            Action::PageDown => Some(page),
            Action::PageUp => Some(-page),
            Action::Top => Some(isize::MIN / 2),
            Action::Bottom => Some(isize::MAX / 2),
            _ => None,
        };
        let views = &mut self.views;
        if let Some(delta) = delta {
            let (at, len) = match (&mut views.reading, views.view) {
                (Some(r), View::Articles) => {
                    r.scroll = None;
                    (&mut r.selected, r.passages.len())
                }
                (None, View::Articles) => (&mut views.article_selected, views.articles.len()),
                (_, _) => (&mut views.quote_selected, views.quotes.len()),
            };
            *at = at.saturating_add_signed(delta).min(len.saturating_sub(1));
            return true;
        }
        match action {
            Action::Activate => match (&views.reading, views.view) {
                (None, View::Articles) => {
                    if let Some(&a) = views.articles.get(views.article_selected) {
                        self.open_article(a, None);
                        self.show_first_hit(a);
                    }
                }
                (_, View::Quotes) => {
                    if let Some(&q) = views.quotes.get(views.quote_selected) {
                        let article = self.corpus().quotes[q].article;
                        self.open_article(article, Some(Passage::Quote(q)));
                    }
                }
                _ => {}
            },
            Action::NextHit | Action::PrevHit => {
                let forward = action == Action::NextHit;
                match (&views.reading, views.view) {
                    (Some(_), _) => self.move_hit(forward),
                    (None, View::Articles) => self.next_article_with_hits(forward),
                    _ => self.message = Some("n/N move between hits in an article".into()),
                }
            }
            Action::Close => {
                if let Some(reading) = views.reading.take() {
                    views.view = reading.back;
                }
            }
            Action::CycleSort if views.view == View::Quotes => {
                views.sort = views.sort.next();
                let corpus = self.shared.corpus.clone();
                self.views.sort_quotes(&corpus);
                self.message = Some(format!("quotes {}", self.views.sort.name()));
            }
            _ => return false,
        }
        true
    }

    /// Moves the Articles list's cursor to the next (or previous) article the
    /// text query has hits in, wrapping around.
    fn next_article_with_hits(&mut self, forward: bool) {
        let v = &mut self.views;
        let len = v.articles.len();
        let found = (1..=len)
            .map(|step| {
                if forward {
                    (v.article_selected + step) % len
                } else {
                    (v.article_selected + len * 2 - step) % len
                }
            })
            .find(|&i| v.hits.get(i).is_some_and(|&n| n > 0));
        match found {
            Some(i) => v.article_selected = i,
            None => self.message = Some("no article has hits of the search".into()),
        }
    }

    /// Switches view; the timeline's state is kept as it was.
    pub(super) fn switch_view(&mut self, view: View) {
        self.views.view = view;
        self.views.reading = None;
    }

    /// Scrolls the views' lists so their cursor is visible.
    pub(super) fn keep_views_in_view(&mut self) {
        // Header, status and the list's frame and column heading.
        let height = usize::from(self.size.height.saturating_sub(5)).max(1);
        // While searching, each article has a line of context under it.
        let per = if self.filter.text.trim().is_empty() {
            1
        } else {
            2
        };
        let v = &mut self.views;
        v.article_offset = super::update::scrolled(
            v.article_offset,
            v.article_selected,
            (height / per).max(1),
            v.articles.len(),
        );
        v.quote_offset =
            super::update::scrolled(v.quote_offset, v.quote_selected, height, v.quotes.len());
        if let Some(r) = v.reading.as_mut() {
            // The passages list: two lines a passage.
            let height = (height / 2).max(1);
            r.offset = super::update::scrolled(r.offset, r.selected, height, r.passages.len());
        }
    }
}
