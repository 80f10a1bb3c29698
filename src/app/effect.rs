//! What `update` asks its driver to do. State changes only in `update`,
//! and `update` touches no file or terminal: the driver carries out the
//! effect and hands what came of it back with `App::done`.

use std::io;
use std::path::PathBuf;

use crate::export::Format;
use crate::model::Ix;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `events` (the filtered view, in timeline order) in `format`
    /// as a new file, never over an existing one.
    Export { format: Format, events: Vec<Ix> },
    /// Put this text on the reader's clipboard (through their terminal).
    Copy(String),
}

/// What came of an effect.
#[derive(Debug)]
pub enum Done {
    /// An export of `count` events: the file written, or why not and
    /// where it was tried.
    Exported {
        format: Format,
        count: usize,
        written: Result<PathBuf, (PathBuf, io::Error)>,
    },
    /// A copy: whether it reached the reader's terminal.
    Copied(io::Result<()>),
}
