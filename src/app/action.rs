//! Everything a user can ask for. Keys become actions through the keymap;
//! `App::update` is the only place actions change state.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    /// Enter: fold or unfold a headline event, open an event's article, or
    /// show a quote in the article pane.
    Activate,
    Collapse,
    Expand,
    NextSource,
    ActorFilter,
    TextFilter,
    /// Filter by date range, event kind and outlet.
    FieldFilter,
    ClearFilters,
    ToggleCombine,
    RemoveChip,
    Zoom,
    Help,
    Problems,
    /// Asks for a format and writes the filtered view to a file.
    Export,
    /// Copies the selected event or quote, with its source, to the
    /// reader's clipboard.
    Copy,
    /// Shows the timeline of events.
    ViewTimeline,
    /// Shows every article.
    ViewArticles,
    /// Shows every quote, by speaker.
    ViewQuotes,
    /// Cycles the Quotes view's order.
    CycleSort,
    /// The next search hit in the article read (or the next article with hits).
    NextHit,
    /// The previous search hit.
    PrevHit,
    /// Closes an overlay, or the article open in the Articles view.
    Close,
    /// Accepts what was typed in an input.
    Submit,
    /// Leaves an input, keeping the filter as it was before it opened.
    Cancel,
    DeleteChar,
    ClearInput,
    /// A character typed into an input (not bound in the keymap).
    #[serde(skip)]
    Insert(char),
    /// The terminal changed size (not bound in the keymap).
    #[serde(skip)]
    Resize(u16, u16),
    /// The article and event panes catch up with the selection: sent by
    /// the event loop once the timeline cursor rests (not bound in the keymap).
    #[serde(skip)]
    Follow,
}

impl Action {
    /// What the action does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Down => "move down / scroll down",
            Action::Up => "move up / scroll up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "go to the first line",
            Action::Bottom => "go to the last line",
            Action::FocusNext => "focus the next pane",
            Action::FocusPrev => "focus the previous pane",
            Action::Activate => "fold/unfold · open article · show quote in article",
            Action::Collapse => "fold a headline event",
            Action::Expand => "unfold a headline event",
            Action::NextSource => "show the event's next source article",
            Action::ActorFilter => "filter by actor (fuzzy)",
            Action::TextFilter => "filter by text (fzf syntax: 'word ^a b$ !c d | e)",
            Action::FieldFilter => "filter by date:, kind: or outlet:",
            Action::ClearFilters => "clear all filters",
            Action::ToggleCombine => "actor chips: match all ⇄ any",
            Action::RemoveChip => "remove the last actor chip",
            Action::Zoom => "show the focused pane alone",
            Action::Help => "this help",
            Action::Problems => "show problems found in the corpus",
            Action::Export => "export the filtered timeline to a file",
            Action::Copy => "copy the selected event or quote with its source",
            Action::ViewTimeline => "timeline view",
            Action::ViewArticles => "articles view (Enter reads one)",
            Action::ViewQuotes => "quotes view (Enter shows one in its article)",
            Action::CycleSort => "quotes view: sort by count ⇄ speaker ⇄ date",
            Action::NextHit => "next search hit in the article (or next article with hits)",
            Action::PrevHit => "previous search hit",
            Action::Close => "close",
            Action::Submit => "accept",
            Action::Cancel => "cancel",
            Action::DeleteChar => "delete a character",
            Action::ClearInput => "clear the input",
            Action::Insert(_) => "type",
            Action::Resize(..) => "resize",
            Action::Follow => "show the selected event",
        }
    }

    /// A short word for the status bar.
    pub fn hint(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Down | Action::Up => "move",
            Action::Activate => "open",
            Action::NextSource => "source",
            Action::ActorFilter => "actor",
            Action::TextFilter => "search",
            Action::FieldFilter => "fields",
            Action::ClearFilters => "clear",
            Action::ToggleCombine => "all/any",
            Action::FocusNext => "pane",
            Action::Zoom => "zoom",
            Action::Help => "help",
            Action::Close | Action::Cancel => "close",
            Action::Submit => "add",
            Action::Problems => "problems",
            Action::Export => "export",
            Action::Copy => "copy",
            Action::ViewTimeline => "timeline",
            Action::ViewArticles => "articles",
            Action::ViewQuotes => "quotes",
            Action::CycleSort => "sort",
            Action::NextHit => "next hit",
            Action::PrevHit => "previous hit",
            _ => self.describe(),
        }
    }
}
