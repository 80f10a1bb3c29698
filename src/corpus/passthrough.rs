//! `timelinejs.json`: what an imported TimelineJS file held beyond the
//! records (see `model::passthrough`). A file that is not one is reported
//! where it breaks and the corpus loads without it.

use super::diag::{Diagnostic, SourceText};
use crate::model::Passthrough;
use crate::text::sanitize::sanitize_line;

pub fn read(src: &SourceText, problems: &mut Vec<Diagnostic>) -> Passthrough {
    serde_json::from_str(&src.text).unwrap_or_else(|err| {
        let full = err.to_string();
        let message = full
            .rsplit_once(" at line ")
            .map_or(full.as_str(), |(m, _)| m);
        problems.push(Diagnostic {
            file: sanitize_line(&src.path).into_owned(),
            line: err.line().max(1),
            col: err.column().max(1),
            message: sanitize_line(&format!("not TimelineJS data chronicle kept: {message}"))
                .into_owned(),
        });
        Passthrough::default()
    })
}
