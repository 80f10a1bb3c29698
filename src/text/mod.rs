//! Text handling shared by the model and the UI: sanitizing, matching, measuring and wrapping.

pub mod fold;
pub mod sanitize;
pub mod width;
pub mod wrap;

/// "1 event", "2 events": counts read as words in headers and messages.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
