//! Text handling shared by the model and the UI: sanitizing, matching, measuring and wrapping.

pub mod fold;
pub mod sanitize;
pub mod width;
pub mod wrap;
