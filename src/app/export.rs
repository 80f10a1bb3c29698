//! The explorer's export prompt: `e` asks for a format, then the events
//! that pass the current filter are written to `chronicle-export.<ext>` in
//! `App::export_dir`, never over an existing file, and the status bar says
//! where they went.

use super::{Action, App};
use crate::export::Format;
use crate::model::Ix;
use crate::save::write_new;

impl App {
    pub(super) fn open_export(&mut self) {
        self.export_prompt = Some(0);
    }

    /// Keys while the prompt is open: a format's first letter, or up/down
    /// and Enter; Esc closes it.
    pub(super) fn update_export(&mut self, action: Action) {
        let Some(selected) = self.export_prompt else {
            return;
        };
        let count = Format::ALL.len();
        match action {
            Action::Down => self.export_prompt = Some((selected + 1) % count),
            Action::Up => self.export_prompt = Some((selected + count - 1) % count),
            Action::Submit => self.export(Format::ALL[selected % count]),
            Action::Insert(c) => {
                let wanted = c.to_ascii_lowercase();
                if let Some(format) = Format::ALL
                    .into_iter()
                    .find(|f| f.name().starts_with(wanted))
                {
                    self.export(format);
                }
            }
            Action::Cancel | Action::Quit => self.export_prompt = None,
            _ => {}
        }
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

    fn export(&mut self, format: Format) {
        self.export_prompt = None;
        let events = self.filtered_events();
        let corpus = self.corpus();
        let written = write_new(
            &self.export_dir,
            "chronicle-export",
            format.extension(),
            |out| format.write(corpus, &events, out),
        );
        let shown = |p: &std::path::Path| {
            crate::text::sanitize::sanitize_line(&p.to_string_lossy()).into_owned()
        };
        self.message = Some(match written {
            Ok(path) => format!(
                "exported {} as {} to {}",
                crate::text::count(events.len(), "event"),
                format.name(),
                shown(&path)
            ),
            Err(err) => format!(
                "export failed in {}: {}",
                shown(&self.export_dir),
                crate::text::sanitize::sanitize_line(&err.to_string())
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;
    use crate::app::{Keymap, Layer, Shared};
    use crate::corpus::{load, Location};

    fn app(name: &str) -> App {
        let loaded = load(&Location::Embedded);
        let shared = Shared::new(loaded.corpus, Vec::new(), Keymap::default());
        let mut app = App::new(shared, 120, 40);
        let dir = std::env::temp_dir().join(format!("chronicle-e-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        app.export_dir = dir;
        app
    }

    fn press(app: &mut App, c: char) {
        app.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }

    #[test]
    fn e_then_a_letter_writes_a_new_file_each_time_and_says_where() {
        let mut app = app("letters");
        press(&mut app, 'e');
        assert_eq!(app.layer(), Layer::Input);
        press(&mut app, 'm');
        assert_eq!(app.export_prompt, None);
        let first = app.export_dir.join("chronicle-export.md");
        let md = fs::read_to_string(&first).expect("written");
        assert!(md.starts_with("# Chronology"));
        let message = app.message.clone().unwrap_or_default();
        assert!(message.contains("chronicle-export.md"), "{message}");
        press(&mut app, 'e');
        press(&mut app, 'm');
        assert_eq!(fs::read_to_string(&first).unwrap(), md, "never overwritten");
        assert!(app.export_dir.join("chronicle-export-1.md").exists());
        fs::remove_dir_all(&app.export_dir).unwrap();
    }

    #[test]
    fn the_export_is_the_filtered_view_and_esc_writes_nothing() {
        let mut app = app("filtered");
        let putin = app.corpus().actor_ix("putin").unwrap();
        app.filter.actors.push(putin);
        app.refilter();
        let shown = app.filtered_events();
        assert!(!shown.is_empty() && shown.len() < app.corpus().events.len());
        press(&mut app, 'e');
        app.update(Action::Cancel);
        assert_eq!(fs::read_dir(&app.export_dir).unwrap().count(), 0);
        // Down twice from timelinejs is markdown; Up once back is json.
        app.update(Action::Export);
        app.update(Action::Down);
        app.update(Action::Down);
        app.update(Action::Up);
        app.update(Action::Submit);
        let json = fs::read_to_string(app.export_dir.join("chronicle-export.json")).unwrap();
        let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(doc["format"], "chronicle-export");
        assert_eq!(doc["events"].as_array().map(Vec::len), Some(shown.len()));
        fs::remove_dir_all(&app.export_dir).unwrap();
    }

    #[test]
    fn a_failed_write_is_a_message_not_a_crash() {
        let mut app = app("fails");
        let dir = app.export_dir.clone();
        app.export_dir = dir.join("missing");
        press(&mut app, 'e');
        press(&mut app, 'c');
        let message = app.message.clone().unwrap_or_default();
        assert!(message.starts_with("export failed in"), "{message}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
