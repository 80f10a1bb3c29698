//! chronicle: explore the timeline of a news story in the terminal.
//!
//! Data flows one way: corpus files -> [`corpus`] (parse and validate) ->
//! [`model`] -> [`app`] state -> [`ui`] view.

pub mod app;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod filter;
pub mod model;
pub mod term;
pub mod text;
pub mod ui;
