//! The text query's hits in the article on screen, and moving between them with `n`/`N`
//! as in less or vim. Hits are found once per article and query and kept, as wrapped
//! lines are: rendering and moving both ask for them.

use std::ops::Range;
use std::sync::{Arc, Mutex};

use ratatui::layout::Rect;

use super::{layout, App, View};
use crate::model::Ix;
use crate::query::hits::hits;

/// How many articles' hits are kept: enough for every row of a tall Articles list.
const KEEP: usize = 96;

/// Hits of one query in one article's body.
type Entry = ((Ix, String), Arc<Vec<Range<usize>>>);

/// Most recently used last, like [`super::wraps::WrapCache`].
#[derive(Default)]
pub struct HitCache {
    entries: Mutex<Vec<Entry>>,
}

/// The hit `n`/`N` moved to last: its article and its number from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HitCursor {
    pub article: Ix,
    pub hit: usize,
}

impl App {
    /// Byte ranges of the article's body that the text query finds, in order.
    pub fn article_hits(&self, article: Ix) -> Arc<Vec<Range<usize>>> {
        let text = self.filter.text.trim();
        if text.is_empty() {
            return Arc::default();
        }
        let key = (article, text.to_owned());
        let mut entries = self
            .hits
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(pos) = entries.iter().position(|(k, _)| *k == key) {
            let entry = entries.remove(pos);
            let found = entry.1.clone();
            entries.push(entry);
            return found;
        }
        let query = self.shared.index.query(text);
        let body = self
            .corpus()
            .articles
            .get(article)
            .map_or("", |a| a.body.as_str());
        let found = Arc::new(hits(&query, body));
        if entries.len() >= KEEP {
            entries.remove(0);
        }
        entries.push((key, found.clone()));
        found
    }

    /// The hit moved to in the article on screen, as (number from 0, hits in it).
    pub fn current_hit(&self) -> Option<(usize, usize)> {
        let view = self.article_view()?;
        let cursor = self.hit.filter(|c| c.article == view.article)?;
        let count = self.article_hits(view.article).len();
        (cursor.hit < count).then_some((cursor.hit, count))
    }

    /// Where the article's text is drawn: the article pane, or the left of an article
    /// open in the Articles view.
    pub(super) fn article_text_rect(&self) -> Option<Rect> {
        let rect = match (self.view(), &self.views.reading) {
            (View::Timeline, _) => self.panes().article?,
            (_, Some(_)) => layout::reading(layout::body(self.size))[0],
            (_, None) => return None,
        };
        Some(layout::article_text(rect))
    }

    /// The first article line shown, as a byte offset: the user's scroll or the last
    /// hit moved to, if any.
    pub(super) fn scroll_at(&self) -> Option<usize> {
        match (self.view(), &self.views.reading) {
            (View::Timeline, _) => self.article_scroll,
            (_, Some(reading)) => reading.scroll,
            (_, None) => None,
        }
    }

    /// Scrolls the article on screen so that byte `at` is a third of the way down.
    pub(super) fn scroll_article_to(&mut self, at: usize) {
        let (Some(view), Some(text)) = (self.article_view(), self.article_text_rect()) else {
            return;
        };
        let lines = self.wrapped(view.article, text.width);
        let height = usize::from(text.height);
        let line = lines.partition_point(|l| l.end < at);
        let top = line
            .saturating_sub(height / 3)
            .min(lines.len().saturating_sub(height));
        let scroll = Some(lines.get(top).map_or(0, |l| l.start));
        match (self.views.view, self.views.reading.as_mut()) {
            (View::Timeline, _) => self.article_scroll = scroll,
            (_, Some(reading)) => reading.scroll = scroll,
            (_, None) => {}
        }
    }

    /// Shows the article's first hit, if it has one.
    pub(super) fn show_first_hit(&mut self, article: Ix) {
        if let Some(first) = self.article_hits(article).first() {
            self.hit = Some(HitCursor { article, hit: 0 });
            self.scroll_article_to(first.start);
            self.message = Some(self.hit_message(0, false, true));
        }
    }

    /// `n` (forward) or `N`: the next or previous hit in the article on screen, wrapping
    /// around at either end; from no hit, the first from the top of the screen on.
    pub(super) fn move_hit(&mut self, forward: bool) {
        if self.filter.text.trim().is_empty() {
            let key = self
                .keymap()
                .label(super::Layer::Normal, super::Action::TextFilter);
            self.message = Some(format!("no search: press {key} to search the text"));
            return;
        }
        let Some(view) = self.article_view() else {
            return;
        };
        let found = self.article_hits(view.article);
        let count = found.len();
        if count == 0 {
            self.message = Some(format!(
                "no hits in this article for “{}”",
                self.filter.text
            ));
            return;
        }
        let from = self.current_hit().map(|(at, _)| at);
        let (next, wrapped) = match (from, forward) {
            (Some(at), true) => ((at + 1) % count, at + 1 == count),
            (Some(at), false) => (at.checked_sub(1).unwrap_or(count - 1), at == 0),
            (None, _) => {
                let top = self.shown_top(view.article);
                let after = found.partition_point(|h| h.start < top);
                if forward {
                    (after % count, after == count)
                } else {
                    (after.checked_sub(1).unwrap_or(count - 1), after == 0)
                }
            }
        };
        self.hit = Some(HitCursor {
            article: view.article,
            hit: next,
        });
        self.scroll_article_to(found[next].start);
        self.message = Some(self.hit_message(next, wrapped, forward));
    }

    /// The byte offset where the first line shown of the article starts.
    fn shown_top(&self, article: Ix) -> usize {
        let (Some(view), Some(text)) = (self.article_view(), self.article_text_rect()) else {
            return 0;
        };
        let lines = self.wrapped(article, text.width);
        let top = self.article_top(&lines, &view.span, usize::from(text.height));
        lines.get(top).map_or(0, |l| l.start)
    }

    fn hit_message(&self, hit: usize, wrapped: bool, forward: bool) -> String {
        let count = self.current_hit().map_or(0, |(_, n)| n);
        let mut text = format!("hit {} of {count}", hit + 1);
        if wrapped {
            text.push_str(if forward {
                " · passed the last hit: back to the first"
            } else {
                " · passed the first hit: on to the last"
            });
        }
        text
    }
}
