//! The timeline's visible rows, derived from the filter and the folds.

use crate::model::{Corpus, Ix};

/// One timeline row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub event: Ix,
    /// 0 for a top-level event, 1 for a sub-event.
    pub depth: u8,
    /// Shown only because some of its sub-events match the filter.
    pub context: bool,
}

/// Top-level events in date order, each followed by its matching
/// sub-events unless folded. A headline event that does not match stays as
/// context when one of its sub-events does.
pub fn build(corpus: &Corpus, matching: &[bool], collapsed: &[bool]) -> Vec<Row> {
    let matches = |ix: Ix| matching.get(ix).copied().unwrap_or(false);
    let mut rows = Vec::new();
    for &ix in &corpus.order {
        if corpus.events[ix].parent.is_some() {
            continue;
        }
        let kids = &corpus.children[ix];
        let any_kid = kids.iter().any(|&k| matches(k));
        if !matches(ix) && !any_kid {
            continue;
        }
        rows.push(Row {
            event: ix,
            depth: 0,
            context: !matches(ix),
        });
        if !collapsed.get(ix).copied().unwrap_or(false) {
            rows.extend(kids.iter().filter(|&&k| matches(k)).map(|&k| Row {
                event: k,
                depth: 1,
                context: false,
            }));
        }
    }
    rows
}

/// The widest of `widths` over the events that may be rows: those matching
/// and the headline events shown as their context, folded or not.
pub fn date_width(corpus: &Corpus, matching: &[bool], widths: &[u8]) -> usize {
    let width = |ix: Ix| usize::from(widths.get(ix).copied().unwrap_or(0));
    matching
        .iter()
        .enumerate()
        .filter(|&(_, &m)| m)
        .map(|(ix, _)| {
            let parent = corpus.events.get(ix).and_then(|e| e.parent);
            width(ix).max(parent.map_or(0, width))
        })
        .max()
        .unwrap_or(0)
}
