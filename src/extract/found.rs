//! What a date rule returns, in a module of its own so that the scanner
//! (`dates`) and the rules it calls (`relative`, `numeric`, `anchored`,
//! `seasons`) all use it without importing each other.

use chrono::NaiveDate;

use crate::model::date::DateSpec;

/// A date phrase read at a word: its first and last word, the date it
/// names (None when it cannot be known), the date a relative phrase was
/// resolved against, and the rule that read it.
pub type Found = (
    usize,
    usize,
    Option<DateSpec>,
    Option<NaiveDate>,
    &'static str,
);
