use serde_json::Value;

use super::*;
use crate::corpus::{load, Location};

fn render(corpus: &Corpus, events: &[Ix]) -> String {
    crate::export::Format::Json.render(corpus, events)
}

const SCHEMA: &str = include_str!("../../assets/schema/chronicle-export.schema.json");

/// Checks the parts of JSON Schema the export schema uses: type (one or a
/// list), required, properties, items, enum, const and local $ref.
fn check(schema: &Value, root: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    if let Some(Value::String(target)) = schema.get("$ref") {
        let name = target.trim_start_matches("#/$defs/");
        return check(&root["$defs"][name], root, value, at, errors);
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        let ok = types.iter().any(|t| match *t {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{at}: expected {types:?}, found {value}"));
        }
    }
    if let Some(Value::Array(allowed)) = schema.get("enum") {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    if let Some(expected) = schema.get("const") {
        if expected != value {
            errors.push(format!("{at}: expected {expected}, found {value}"));
        }
    }
    if let (Some(Value::Array(required)), Value::Object(map)) = (schema.get("required"), value) {
        for key in required.iter().filter_map(Value::as_str) {
            if !map.contains_key(key) {
                errors.push(format!("{at}: missing required key `{key}`"));
            }
        }
    }
    if let (Some(Value::Object(props)), Value::Object(map)) = (schema.get("properties"), value) {
        for (key, sub) in props {
            if let Some(v) = map.get(key) {
                check(sub, root, v, &format!("{at}.{key}"), errors);
            }
        }
        for key in map.keys().filter(|k| !props.contains_key(*k)) {
            errors.push(format!("{at}: key `{key}` is not documented in the schema"));
        }
    }
    if let (Some(items), Value::Array(list)) = (schema.get("items"), value) {
        for (i, v) in list.iter().enumerate() {
            check(items, root, v, &format!("{at}[{i}]"), errors);
        }
    }
}

fn validate(value: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    let mut errors = Vec::new();
    check(&schema, &schema, value, "$", &mut errors);
    errors
}

#[test]
fn the_export_of_the_shipped_corpus_matches_the_schema() {
    let c = load(&Location::Embedded).corpus;
    let value: Value = serde_json::from_str(&render(&c, &c.order)).expect("valid JSON");
    let errors = validate(&value);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        value["events"].as_array().map(Vec::len),
        Some(c.events.len())
    );
    assert_eq!(
        value["quotes"].as_array().map(Vec::len),
        Some(c.quotes.len())
    );
}

/// `events --json` and `quotes --json` print single records, which may hold
/// what an export of curated events does not: a built event's reason, a
/// quote no event claims, a speaker's confidence. They match the schema's
/// `event` and `quote` too.
#[test]
fn records_of_extracted_events_and_quotes_match_the_schema() {
    let mut c = load(&Location::Embedded).corpus;
    let built = c.order[0];
    c.events[built].origin = Origin::Extracted;
    c.events[built].built_from = Some("two reports of one day".into());
    c.quotes[0].event = None;
    c.quotes[0].origin = Origin::Extracted;
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    let mut errors = Vec::new();
    let mut records = Records::new(&c, &c.order, true);
    for &e in &c.order {
        let value = serde_json::to_value(records.event(e)).unwrap();
        let at = format!("event {}", c.events[e].id);
        check(&schema["$defs"]["event"], &schema, &value, &at, &mut errors);
    }
    for q in 0..c.quotes.len() {
        let quote = QuoteDoc {
            confidence: (q == 0).then_some(0.85),
            ..records.quote(q)
        };
        if q == 0 {
            assert_eq!(
                (quote.event.as_deref(), quote.confidence),
                (None, Some(0.85))
            );
        }
        let value = serde_json::to_value(quote).unwrap();
        let at = format!("quote {}", c.quotes[q].id);
        check(&schema["$defs"]["quote"], &schema, &value, &at, &mut errors);
    }
    assert!(errors.is_empty(), "{errors:#?}");
    let value = serde_json::to_value(records.event(built)).unwrap();
    assert_eq!(value["built_from"], "two reports of one day");
    assert_eq!(value["origin"], "extracted");
}

#[test]
fn the_schema_check_catches_missing_keys_and_wrong_types() {
    let c = load(&Location::Embedded).corpus;
    let mut value: Value = serde_json::from_str(&render(&c, &c.order)).expect("valid JSON");
    value["events"][0]
        .as_object_mut()
        .expect("an event object")
        .remove("summary");
    value["quotes"][0]["occurrence"] = Value::String("1".into());
    value["actors"][0]["kind"] = Value::String("robot".into());
    let errors = validate(&value);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    for want in [
        "$.events[0]: missing required key `summary`",
        "$.quotes[0].occurrence: expected",
        "$.actors[0].kind: \"robot\" is not one of",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(want)),
            "{want}: {errors:#?}"
        );
    }
}

#[test]
fn a_filtered_export_has_only_the_articles_its_events_refer_to_and_every_actor() {
    let c = load(&Location::Embedded).corpus;
    // A sub-event alone: its parent is not exported, so `parent` is null.
    let sub = c
        .order
        .iter()
        .copied()
        .find(|&e| c.events[e].parent.is_some());
    let sub = sub.expect("the shipped corpus has sub-events");
    let doc = document(&c, &[sub], true);
    assert_eq!(doc.events.len(), 1);
    let ids: Vec<&str> = doc.actors.iter().map(|a| a.id.as_str()).collect();
    let all: Vec<&str> = c.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, all, "the cast is the corpus', referred to or not");
    assert_eq!(doc.events[0].parent, None);
    let sources: Vec<&str> = doc.events[0]
        .sources
        .iter()
        .map(|s| s.article.as_str())
        .collect();
    assert!(doc
        .articles
        .iter()
        .all(|a| sources.contains(&a.id.as_str()) || doc.quotes.iter().any(|q| q.article == a.id)));
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.event.as_deref() == Some(c.events[sub].id.as_str())));
}

#[test]
fn quote_occurrence_points_at_the_quoted_passage() {
    let body = "He said yes. Later: yes. And yes.";
    let second = body.find("Later: yes").unwrap() + "Later: ".len();
    let starts: Vec<usize> = Folded::new(body)
        .find_all("yes")
        .into_iter()
        .map(|r| r.start)
        .collect();
    assert_eq!(occurrence(&starts, second), 2);
    assert_eq!(occurrence(&starts, body.find("yes").unwrap()), 1);
    assert_eq!(occurrence(&starts, body.rfind("yes").unwrap()), 3);
    assert_eq!(occurrence(&starts, 1), 1, "no match starts there");
}
