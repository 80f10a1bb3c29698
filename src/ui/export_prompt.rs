//! The export prompt in the status bar: each format with the letter that
//! picks it, the selected one marked.

use ratatui::text::Span;

use super::theme::Theme;
use crate::app::App;
use crate::export::Format;

pub fn spans(app: &App, theme: &Theme) -> Vec<Span<'static>> {
    let Some(selected) = app.export_prompt() else {
        return Vec::new();
    };
    let mut spans = vec![Span::styled(" Export as: ", theme.title)];
    for (i, format) in Format::ALL.iter().enumerate() {
        let name = format.name();
        let style = if i == selected {
            theme.selected
        } else {
            theme.status
        };
        spans.push(Span::styled(name[..1].to_string(), theme.key));
        spans.push(Span::styled(format!("{} ", &name[1..]), style));
        spans.push(Span::raw(" "));
    }
    spans
}
