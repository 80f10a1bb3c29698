//! Reading TOML tables field by field from toml's spanned parse tree, so
//! that every problem (not just the first) is reported at its line and
//! column, and the valid records still load.

use std::ops::Range;

use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::diag::{Diagnostic, SourceText};
use crate::model::date::parse_day;
use crate::text::sanitize::sanitize_line;

/// Where problems go while one TOML document is read.
pub struct Ctx<'a> {
    pub src: &'a SourceText,
    /// Byte offset of the TOML text within the file (front matter starts
    /// after its `+++` line).
    pub base: usize,
    pub problems: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    /// Where a string's value starts inside its TOML literal (after one or
    /// three opening quotes), so that a column inside the value is right.
    pub fn value_start(&self, span: &Range<usize>, value: &str) -> usize {
        let raw = self
            .src
            .text
            .get(self.base + span.start..self.base + span.end)
            .unwrap_or_default();
        span.start + raw.find(value).unwrap_or(0)
    }

    pub fn error(&mut self, offset: usize, message: impl Into<String>) {
        let diag = self.src.at(self.base + offset, message);
        self.problems.push(diag);
    }
}

/// A table's entries in the order the file writes them: a parsed table is
/// sorted by key, and problems and overrides go in file order.
pub fn in_file_order<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(
    &'t Spanned<toml::de::DeString<'i>>,
    &'t Spanned<DeValue<'i>>,
)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

/// Parses a TOML document, reporting every syntax error; what could be
/// parsed is returned all the same.
pub fn parse<'i>(text: &'i str, ctx: &mut Ctx) -> Spanned<DeTable<'i>> {
    let (doc, errors) = DeTable::parse_recoverable(text);
    for err in errors {
        let at = err.span().map_or(0, |s| s.start);
        let message = err.message().trim().replace('\n', " ");
        ctx.error(at, format!("TOML syntax: {message}"));
    }
    doc
}

/// The tables of the array `key` at the top of a document (`[[event]]`),
/// reporting any other top-level key.
pub fn top_records<'t, 'i>(
    doc: &'t Spanned<DeTable<'i>>,
    key: &'static str,
    ctx: &mut Ctx,
) -> Vec<Record<'t, 'i>> {
    let mut top = Record::new(doc.get_ref(), doc.span(), "the file".into());
    let records = top.tables(ctx, key);
    top.finish(ctx, &[key]);
    records
}

/// A TOML table being read; remembers which keys were asked for so that the
/// rest can be reported as unknown.
pub struct Record<'t, 'i> {
    table: &'t DeTable<'i>,
    pub span: Range<usize>,
    /// How the record is named in messages: "event 'summit-2019'".
    pub what: String,
    asked: Vec<&'static str>,
}

fn type_name(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl<'t, 'i> Record<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, span: Range<usize>, what: String) -> Self {
        Record {
            table,
            span,
            what,
            asked: Vec::new(),
        }
    }

    fn get(&mut self, key: &'static str) -> Option<&'t Spanned<DeValue<'i>>> {
        if self.asked.is_empty() {
            // Room for every field of a record at once, so that it never
            // grows; a record nobody reads a field of allocates nothing.
            self.asked.reserve(12);
        }
        self.asked.push(key);
        self.table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    /// The record's `id`, which then names the record in messages
    /// ("event 'summit-2019'").
    pub fn id(&mut self, ctx: &mut Ctx, kind: &str) -> Option<Spanned<String>> {
        self.what.clear();
        self.what.push_str(kind);
        let id = self.required(ctx, "id");
        if let Some(id) = &id {
            self.what.push_str(" '");
            self.what.push_str(id.get_ref());
            self.what.push('\'');
        }
        id
    }

    /// An optional one-line string, sanitized.
    pub fn string(&mut self, ctx: &mut Ctx, key: &'static str) -> Option<Spanned<String>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Spanned::new(
                value.span(),
                sanitize_line(s).trim().to_owned(),
            )),
            other => {
                let found = type_name(other);
                ctx.error(
                    value.span().start,
                    format!("{}: `{key}` must be a string, found {found}", self.what),
                );
                None
            }
        }
    }

    /// A string that must be present and not empty.
    pub fn required(&mut self, ctx: &mut Ctx, key: &'static str) -> Option<Spanned<String>> {
        let present = self.table.iter().any(|(k, _)| k.get_ref() == key);
        let value = self.string(ctx, key);
        match &value {
            None if !present => {
                ctx.error(self.span.start, format!("{}: missing `{key}`", self.what))
            }
            Some(s) if s.get_ref().is_empty() => {
                ctx.error(s.span().start, format!("{}: `{key}` is empty", self.what));
                return None;
            }
            _ => {}
        }
        value
    }

    /// An array of strings; a wrong element is reported and skipped.
    pub fn strings(&mut self, ctx: &mut Ctx, key: &'static str) -> Vec<Spanned<String>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let found = type_name(value.get_ref());
            ctx.error(
                value.span().start,
                format!(
                    "{}: `{key}` must be an array of strings, found {found}",
                    self.what
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned::new(
                    item.span(),
                    sanitize_line(s).trim().to_owned(),
                )),
                other => {
                    let found = type_name(other);
                    ctx.error(
                        item.span().start,
                        format!("{}: `{key}` must hold strings, found {found}", self.what),
                    );
                }
            }
        }
        out
    }

    /// An array of tables (`[[event.source]]`); a single table is accepted
    /// too. The records are unnamed: each caller names them, as
    /// [`Record::id`] does.
    pub fn tables(&mut self, ctx: &mut Ctx, key: &'static str) -> Vec<Record<'t, 'i>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let what = &self.what;
        let entry = |v: &'t Spanned<DeValue<'i>>, ctx: &mut Ctx| match v.get_ref() {
            DeValue::Table(t) => Some(Record::new(t, v.span(), String::new())),
            other => {
                let found = type_name(other);
                ctx.error(
                    v.span().start,
                    format!("{what}: `{key}` must hold tables, found {found}"),
                );
                None
            }
        };
        match value.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|v| entry(v, ctx)).collect(),
            _ => entry(value, ctx).into_iter().collect(),
        }
    }

    /// A calendar date written as a TOML date (`2023-09-14`) or a string.
    pub fn date(&mut self, ctx: &mut Ctx, key: &'static str) -> Option<Spanned<NaiveDate>> {
        let value = self.get(key)?;
        let text = match value.get_ref() {
            DeValue::Datetime(dt) => dt.to_string(),
            DeValue::String(s) => s.to_string(),
            other => {
                let found = type_name(other);
                ctx.error(
                    value.span().start,
                    format!(
                        "{}: `{key}` must be a date like 2023-09-14, found {found}",
                        self.what
                    ),
                );
                return None;
            }
        };
        // The model's own parser, so that the day is one every part of the
        // program can print and read back.
        match parse_day(&text) {
            Ok(day) => Some(Spanned::new(value.span(), day)),
            Err(err) => {
                ctx.error(
                    ctx.value_start(&value.span(), &text) + err.offset,
                    format!(
                        "{}: `{key}` is not a real date like 2023-09-14: {}",
                        self.what, err.message
                    ),
                );
                None
            }
        }
    }

    /// A positive integer.
    pub fn positive(&mut self, ctx: &mut Ctx, key: &'static str) -> Option<Spanned<usize>> {
        let value = self.get(key)?;
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => usize::from_str_radix(i.as_str(), i.radix())
                .ok()
                .filter(|&n| n > 0),
            _ => None,
        };
        if parsed.is_none() {
            ctx.error(
                value.span().start,
                format!("{}: `{key}` must be a whole number from 1 up", self.what),
            );
        }
        parsed.map(|n| Spanned::new(value.span(), n))
    }

    /// Reports every key that was not asked for.
    pub fn finish(self, ctx: &mut Ctx, allowed: &[&str]) {
        for (key, _) in in_file_order(self.table) {
            if !self.asked.contains(&key.get_ref().as_ref()) {
                let name = sanitize_line(key.get_ref());
                ctx.error(
                    key.span().start,
                    format!(
                        "{}: unknown field `{name}` (expected one of: {})",
                        self.what,
                        allowed.join(", ")
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_are_reported_in_file_order() {
        let src = SourceText::new("events.toml", "zeta = 1\nid = \"x\"\nalpha = 2\n");
        let mut problems = Vec::new();
        let mut ctx = Ctx {
            src: &src,
            base: 0,
            problems: &mut problems,
        };
        let doc = parse(&src.text, &mut ctx);
        let mut rec = Record::new(doc.get_ref(), doc.span(), String::new());
        rec.id(&mut ctx, "event");
        rec.finish(&mut ctx, &["id"]);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 3], "{problems:?}");
    }
}
