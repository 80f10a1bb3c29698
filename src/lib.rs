//! chronicle: explore the timeline of a news story in the terminal.
//!
//! Data flows one way: corpus files -> [`corpus`] (parse and validate) ->
//! [`model`] -> [`app`] state -> [`ui`] view. The command line ([`cli`])
//! is the top floor, the one place that parses arguments; nothing below
//! imports it.

pub mod app;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod effects;
pub mod export;
pub mod extract;
pub mod facets;
pub mod filter;
pub mod generate;
pub mod hyperlink;
pub mod import;
pub mod model;
pub mod query;
pub mod read;
pub mod save;
pub mod serve;
pub mod session;
pub mod sgr;
pub mod stdout;
pub mod term;
pub mod text;
pub mod ui;
