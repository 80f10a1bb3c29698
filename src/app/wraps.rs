//! Wrapped article lines, computed once per article and width: wrapping a
//! long article on every frame is what makes a terminal program lag.

use std::sync::{Arc, Mutex};

use crate::model::{Corpus, Ix};
use crate::text::wrap::{wrap, Line};

/// How many (article, width) wrappings are kept.
const KEEP: usize = 8;

/// Wrapped lines of one article at one width.
type Entry = ((Ix, u16), Arc<Vec<Line>>);

/// Most recently used last. A mutex (uncontended: one session per App)
/// keeps `App` shareable across threads for a future multi-session server.
#[derive(Default)]
pub struct WrapCache {
    entries: Mutex<Vec<Entry>>,
}

impl WrapCache {
    pub fn get(&self, corpus: &Corpus, article: Ix, width: u16) -> Arc<Vec<Line>> {
        let key = (article, width);
        let mut entries = self
            .entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(pos) = entries.iter().position(|(k, _)| *k == key) {
            let entry = entries.remove(pos);
            let lines = entry.1.clone();
            entries.push(entry);
            return lines;
        }
        let body = corpus.articles.get(article).map_or("", |a| a.body.as_str());
        let lines = Arc::new(wrap(body, width));
        if entries.len() >= KEEP {
            entries.remove(0);
        }
        entries.push((key, lines.clone()));
        lines
    }
}
