//! A corpus loaded for reading: the model, plus what extraction adds for
//! the articles no curated item cites. Loading itself (`corpus`) knows
//! nothing of extraction; the explorer and the commands that show
//! extracted items run this step on the records before they are indexed.

use super::augment::{augment, Augmented};
use crate::corpus::{self, Diagnostic, Location, Records};
use crate::model::Corpus;

/// A corpus with its extracted items, and every problem found loading it.
pub struct Loaded {
    pub corpus: Corpus,
    pub problems: Vec<Diagnostic>,
    /// What the extractor added for articles no curated event cites.
    pub extracted: Augmented,
}

/// The corpus at `location`, with extracted events, quotes and people.
pub fn load(location: &Location) -> Loaded {
    analyse(corpus::read(location))
}

/// Adds what extraction finds to records as read, then indexes them.
pub fn analyse(mut records: Records) -> Loaded {
    let extracted = augment(
        &records.articles,
        &mut records.actors,
        &mut records.events,
        &mut records.quotes,
    );
    let corpus::Loaded { corpus, problems } = records.index();
    Loaded {
        corpus,
        problems,
        extracted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One article nobody annotated, with an attributed quotation.
    fn uncurated() -> Vec<(String, String)> {
        let article = "+++\nid = \"a\"\ntitle = \"A\"\npublished = 2024-03-05\n+++\n\
                       \"We will rebuild the bridge,\" said Mayor Jane Doe on Monday.\n";
        vec![("articles/a.md".to_owned(), article.to_owned())]
    }

    #[test]
    fn loading_gives_the_files_alone_and_analysing_adds_what_extraction_finds() {
        let plain = corpus::load_files("c", uncurated());
        assert!(plain.problems.is_empty(), "{:?}", plain.problems);
        assert_eq!(plain.corpus.articles.len(), 1);
        assert!(plain.corpus.quotes.is_empty());
        assert!(plain.corpus.actors.is_empty());

        let analysed = analyse(corpus::read_files("c", uncurated()));
        assert!(analysed.problems.is_empty());
        assert_eq!(
            analysed.corpus.articles[0].body,
            plain.corpus.articles[0].body
        );
        assert_eq!(analysed.extracted.quotes, 1);
        assert_eq!(analysed.corpus.quotes.len(), 1);
        let quote = &analysed.corpus.quotes[0];
        assert_eq!(quote.text, "We will rebuild the bridge,");
        assert!(analysed.extracted.confidence(quote).is_some());
        // The indexes cover what was added.
        let speaker = quote.speaker;
        let id = &analysed.corpus.actors[speaker].id;
        assert_eq!(analysed.corpus.actor_ix(id), Some(speaker));
    }
}
