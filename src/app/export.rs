//! The explorer's export prompt: `e` asks for a format, then the events
//! that pass the current filter are handed to the driver to write as a new
//! file (`Effect::Export`), and the status bar says where they went.

use super::effect::{Done, Effect};
use super::{Action, App, Modal};
use crate::export::Format;
use crate::model::Ix;
use crate::text::sanitize::sanitize_line;

impl App {
    pub(super) fn open_export(&mut self) {
        self.modal = Some(Modal::ExportPrompt { selected: 0 });
    }

    /// Keys while the prompt is open: a format's first letter, or up/down
    /// and Enter; Esc closes it.
    pub(super) fn update_export(&mut self, action: Action) -> Option<Effect> {
        let selected = self.export_prompt()?;
        let count = Format::ALL.len();
        let select = |selected| Some(Modal::ExportPrompt { selected });
        match action {
            Action::Down => self.modal = select((selected + 1) % count),
            Action::Up => self.modal = select((selected + count - 1) % count),
            Action::Submit => return self.export(Format::ALL[selected % count]),
            Action::Insert(c) => {
                let wanted = c.to_ascii_lowercase();
                if let Some(format) = Format::ALL
                    .into_iter()
                    .find(|f| f.name().starts_with(wanted))
                {
                    return self.export(format);
                }
            }
            Action::Cancel | Action::Quit => self.modal = None,
            _ => {}
        }
        None
    }

    /// The events the timeline shows, folded or not, in timeline order.
    pub fn filtered_events(&self) -> Vec<Ix> {
        let corpus = self.corpus();
        corpus
            .order
            .iter()
            .copied()
            .filter(|&e| self.matching.get(e).copied().unwrap_or(false))
            .collect()
    }

    fn export(&mut self, format: Format) -> Option<Effect> {
        self.modal = None;
        Some(Effect::Export {
            format,
            events: self.filtered_events(),
        })
    }

    /// What came of an effect the driver carried out, told in the status
    /// bar.
    pub fn done(&mut self, done: Done) {
        let shown = |p: &std::path::Path| sanitize_line(&p.to_string_lossy()).into_owned();
        let (format, count, written) = match done {
            Done::Exported {
                format,
                count,
                written,
            } => (format, count, written),
            Done::Copied(Ok(())) => return,
            Done::Copied(Err(err)) => {
                self.message = Some(format!("copy failed: {}", sanitize_line(&err.to_string())));
                return;
            }
        };
        self.message = Some(match written {
            Ok(path) => format!(
                "exported {} as {} to {}",
                crate::text::count(count, "event"),
                format.name(),
                shown(&path)
            ),
            Err((dir, err)) => format!(
                "export failed in {}: {}",
                shown(&dir),
                sanitize_line(&err.to_string())
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::path::PathBuf;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::{Keymap, Layer, Shared};
    use crate::corpus::{load, Location};

    fn app() -> App {
        let loaded = load(&Location::Embedded);
        let shared = Shared::new(loaded.corpus, Vec::new());
        App::new(shared, Keymap::default(), 120, 40)
    }

    fn press(app: &mut App, c: char) -> Option<Effect> {
        let action = app.action_for(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))?;
        app.update(action)
    }

    #[test]
    fn e_then_a_letter_asks_for_the_filtered_view_in_that_format() {
        let mut app = app();
        let putin = app.corpus().actor_ix("putin").unwrap();
        app.filter.actors.push(putin);
        app.refilter();
        let shown = app.filtered_events();
        assert!(!shown.is_empty() && shown.len() < app.corpus().events.len());
        assert_eq!(press(&mut app, 'e'), None);
        assert_eq!(app.layer(), Layer::Input);
        let effect = press(&mut app, 'm');
        assert_eq!(app.export_prompt(), None);
        assert_eq!(
            effect,
            Some(Effect::Export {
                format: Format::Markdown,
                events: shown.clone()
            })
        );
        // Down twice from timelinejs is markdown; Up once back is json.
        for action in [Action::Export, Action::Down, Action::Down, Action::Up] {
            assert_eq!(app.update(action), None);
        }
        let effect = app.update(Action::Submit);
        assert!(matches!(
            effect,
            Some(Effect::Export {
                format: Format::Json,
                ..
            })
        ));
    }

    #[test]
    fn esc_closes_the_prompt_and_asks_for_nothing() {
        let mut app = app();
        press(&mut app, 'e');
        assert_eq!(app.update(Action::Cancel), None);
        assert_eq!(app.export_prompt(), None);
        assert_eq!(
            press(&mut app, 'm'),
            None,
            "m is no format outside the prompt"
        );
    }

    #[test]
    fn what_came_of_an_export_is_said_in_the_status_bar() {
        let mut app = app();
        app.done(Done::Exported {
            format: Format::Csv,
            count: 3,
            written: Ok(PathBuf::from("./chronicle-export.csv")),
        });
        let message = app.message.clone().unwrap_or_default();
        assert_eq!(
            message,
            "exported 3 events as csv to ./chronicle-export.csv"
        );
        app.done(Done::Exported {
            format: Format::Csv,
            count: 3,
            written: Err((
                PathBuf::from("/gone\x1b[2J"),
                io::ErrorKind::NotFound.into(),
            )),
        });
        let message = app.message.clone().unwrap_or_default();
        assert!(message.starts_with("export failed in /gone"), "{message}");
        assert!(!message.contains('\x1b'), "{message}");
    }
}
