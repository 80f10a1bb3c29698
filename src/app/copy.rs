//! `y`: the selected event or quote with its source, as plain text for
//! the reader's clipboard (`Effect::Copy`; the session sends it with
//! OSC 52). Every field is sanitized, so a paste carries no control
//! character from the corpus.

use super::effect::Effect;
use super::{App, Focus, Passage, View};
use crate::model::{Corpus, Ix};
use crate::text::sanitize::sanitize_line;

impl App {
    /// The event or quote under the cursor, if there is one.
    fn copied(&self) -> Option<Passage> {
        if let Some(reading) = &self.views.reading {
            return reading.passages.get(reading.selected).copied();
        }
        match self.views.view {
            View::Quotes => self
                .views
                .quotes
                .get(self.views.quote_selected)
                .map(|&q| Passage::Quote(q)),
            View::Articles => None,
            View::Timeline if self.focus == Focus::Quotes => self
                .quotes()
                .get(self.quote_selected)
                .map(|&q| Passage::Quote(q)),
            View::Timeline => self.selected_event().map(Passage::Event),
        }
    }

    /// Copies the selection, saying what was copied; or says there is
    /// nothing to copy.
    pub(super) fn copy(&mut self) -> Option<Effect> {
        let corpus = self.corpus();
        let Some(passage) = self.copied() else {
            self.message = Some("nothing to copy here: select an event or a quote".into());
            return None;
        };
        let (what, text) = match passage {
            Passage::Event(e) => {
                let source = if self.shown == Some(e) {
                    self.source
                } else {
                    0
                };
                ("event", event_text(corpus, e, source))
            }
            Passage::Quote(q) => ("quote", quote_text(corpus, q)),
        };
        self.message = Some(format!("copied the {what} and its source to the clipboard"));
        Some(Effect::Copy(text))
    }
}

fn clean(text: &str) -> String {
    sanitize_line(text).into_owned()
}

/// An event: its date and title, its summary, and one source.
fn event_text(corpus: &Corpus, e: Ix, source: usize) -> String {
    let Some(event) = corpus.events.get(e) else {
        return String::new();
    };
    let mut text = format!("{} {}\n", event.date.display(), clean(&event.title));
    if !event.summary.is_empty() {
        text.push_str(&format!("{}\n", clean(&event.summary)));
    }
    if let Some(source) = event.sources.get(source).or(event.sources.first()) {
        text.push_str(&format!("\"{}\"\n", clean(&source.excerpt)));
        text.push_str(&cited(corpus, source.article));
    }
    text
}

/// A quote: its words, who said them, and the article.
fn quote_text(corpus: &Corpus, q: Ix) -> String {
    let Some(quote) = corpus.quotes.get(q) else {
        return String::new();
    };
    let speaker = corpus
        .actors
        .get(quote.speaker)
        .map_or_else(String::new, |a| clean(&a.name));
    format!(
        "\"{}\" ({speaker})\n{}",
        clean(&quote.text),
        cited(corpus, quote.article)
    )
}

/// "— Title, Outlet, 2024-03-01 (url)", as much of it as the corpus knows.
fn cited(corpus: &Corpus, article: Ix) -> String {
    let Some(article) = corpus.articles.get(article) else {
        return String::new();
    };
    let mut line = format!("— {}", clean(&article.title));
    if let Some(outlet) = &article.outlet {
        line.push_str(&format!(", {}", clean(outlet)));
    }
    if let Some(date) = article.published {
        line.push_str(&format!(", {date}"));
    }
    if let Some(url) = &article.url {
        line.push_str(&format!(" ({})", clean(url)));
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Keymap, Shared};
    use crate::corpus::{load, Location};

    fn app() -> App {
        let loaded = load(&Location::Embedded);
        App::new(
            Shared::new(loaded.corpus, Vec::new()),
            Keymap::default(),
            120,
            40,
        )
    }

    fn copied(app: &mut App) -> String {
        match app.update(Action::Copy) {
            Some(Effect::Copy(text)) => text,
            other => panic!("no copy: {other:?}"),
        }
    }

    #[test]
    fn the_selected_event_is_copied_with_its_source() {
        let mut app = app();
        app.update(Action::Down);
        let e = app.selected_event().expect("an event");
        let text = copied(&mut app);
        let corpus = app.corpus();
        let event = &corpus.events[e];
        let source = &event.sources[0];
        let article = &corpus.articles[source.article];
        assert!(text.starts_with(&event.date.display()), "{text}");
        assert!(text.contains(&clean(&event.title)), "{text}");
        assert!(text.contains(&clean(&source.excerpt)), "{text}");
        assert!(text.contains(&clean(&article.title)), "{text}");
        if let Some(outlet) = &article.outlet {
            assert!(text.contains(outlet.as_str()), "{text}");
        }
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        let message = app.message.as_deref().unwrap_or("");
        assert_eq!(message, "copied the event and its source to the clipboard");
    }

    #[test]
    fn in_the_quotes_view_the_quote_is_copied() {
        let mut app = app();
        app.update(Action::ViewQuotes);
        let q = app.views.quotes[app.views.quote_selected];
        let text = copied(&mut app);
        let corpus = app.corpus();
        let quote = &corpus.quotes[q];
        assert!(text.contains(&clean(&quote.text)), "{text}");
        assert!(
            text.contains(&clean(&corpus.actors[quote.speaker].name)),
            "{text}"
        );
        assert!(
            text.contains(&clean(&corpus.articles[quote.article].title)),
            "{text}"
        );
        assert!(app.message.as_deref().unwrap_or("").contains("the quote"));
    }

    #[test]
    fn with_nothing_selected_nothing_is_copied() {
        let mut app = app();
        app.update(Action::ViewArticles);
        assert!(app.update(Action::Copy).is_none());
        assert!(app
            .message
            .as_deref()
            .unwrap_or("")
            .starts_with("nothing to copy"));
    }
}
