//! The date extractor against TempEval-3's TBAQ-cleaned corpus (TimeBank
//! and AQUAINT news with gold TIMEX3 annotations and document creation
//! times), scored the TempEval-3 way for DATE expressions: strict extent
//! (the same span), relaxed extent (overlapping spans) and value (a relaxed
//! match whose normalised values agree; precision over our mentions, recall
//! over the gold ones). A measurement, not a gate: it asserts only that the
//! corpus was read.
//!
//! The corpus is not in this repository. Get it from
//! <https://github.com/jspotter/TempEval-3> (folder `data/TBAQ-cleaned`, 256
//! .tml files; skip the `._*` macOS files beside them), for instance:
//!
//! ```text
//! git clone --depth 1 https://github.com/jspotter/TempEval-3 /tmp/TempEval-3
//! TEMPEVAL_DIR=/tmp/TempEval-3/data/TBAQ-cleaned \
//!     cargo test --release --test tempeval -- --ignored --nocapture
//! ```
//!
//! `TEMPEVAL_VERBOSE=1` also lists, one per line: every gold DATE we
//! missed (MISSED, with the text around it), valued wrongly (VALUE) or found
//! with another extent (EXTENT); every gold DATE that cannot be written as a
//! date to which we gave one (UNDATED); and every mention of ours that
//! overlaps no gold TIMEX3 (SPURIOUS).
//!
//! How the files are read and scored:
//! - The body is the TEXT element with its tags removed and the five XML
//!   entities decoded, passed as is: its paragraphs are already separated by
//!   blank lines and no sentence runs across a line break (the few single
//!   line breaks are list items), so no whitespace is rewritten. The
//!   publication date is the DCT's value cut to its day.
//! - Only gold TIMEX3 of type DATE are scored; TIME, DURATION and SET are
//!   counted and ignored, and a mention of ours that overlaps one of those and
//!   no DATE is set aside rather than counted as a false positive.
//! - Spans are compared after trimming whitespace at both ends. Strict:
//!   precision is the share of our mentions with a gold DATE of the same
//!   span, recall the share of gold DATEs with one of ours. Relaxed: the same
//!   with any overlap. Value: each mention is paired with the mention of the
//!   other side it overlaps most; precision is the share of ours whose value
//!   equals its gold's (ours overlapping no gold count as wrong), recall the
//!   share of gold DATEs whose value ours equals.
//! - Values are compared in TIMEX3 terms: our Monday–Sunday week is
//!   `YYYY-Www`, a Saturday–Sunday span `YYYY-Www-WE`, month spans of a
//!   season, quarter or half `YYYY-SU`/`YYYY-Q3`/`YYYY-H1`, `1990/1999` is
//!   `199`, a century `1900/1999` or `1901/2000` is `19`, our qualifiers
//!   `~ ? %` are dropped;
//!   a gold `YYYY-MM-DDTxx` (a part of a day, or a time on a DATE) is its day,
//!   `YYYY-Wn` is padded to two digits, `199X` is `199`.
//! - Gold values PRESENT_REF, PAST_REF, FUTURE_REF and any other value with
//!   an `X` (`XXXX-08`, `1998-WXX`) cannot be written as a date: those gold
//!   DATEs count for extent but are left out of value scoring, on both sides
//!   (with how many of ours matched them without a date, as they should).
//! - HeidelTime's published figures are printed for scale only: they cover
//!   all four TIMEX3 types, not DATE alone.
//!
//! `reads_timeml` below is a quick check of the reader and the value
//! normalisation that runs without the corpus.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chronicle::extract::extract;
use chronicle::model::{DateSpec, PartialDate, Precision};
use chrono::{Datelike, NaiveDate, Weekday};

/// HeidelTime's figures on the TempEval-3 corpora, all TIMEX3 types, scored
/// with the TempEval-3 tools (HeidelTime wiki, "Evaluation Results",
/// version 1.8; the Platinum row is HeidelTime-t's official TempEval-3
/// result in UzZaman et al. 2013): (set, strict F1, relaxed F1, value F1).
const HEIDELTIME: [(&str, f64, f64, f64); 3] = [
    ("TE3 Platinum test", 81.34, 90.30, 77.61),
    ("TE3 TimeBank (train)", 84.91, 91.57, 79.24),
    ("TE3 AQUAINT (train)", 80.99, 91.78, 72.95),
];

/// One gold TIMEX3 in the stripped text.
struct Timex {
    span: Range<usize>,
    kind: String,
    value: String,
}

/// One document: its publication date, stripped text and gold TIMEX3s.
struct Doc {
    dct: NaiveDate,
    text: String,
    timexes: Vec<Timex>,
}

/// What a gold value compares as.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Gold {
    Value(String),
    /// PRESENT_REF, PAST_REF, FUTURE_REF or a value with an X in it.
    Unwritable,
}

/// Counts for one group of files.
#[derive(Default, Clone)]
struct Tally {
    files: usize,
    gold: usize,
    sys: usize,
    set_aside: usize,
    ignored: BTreeMap<String, usize>,
    strict_sys: usize,
    strict_gold: usize,
    relaxed_sys: usize,
    relaxed_gold: usize,
    value_sys_total: usize,
    value_sys_right: usize,
    value_gold_total: usize,
    value_gold_right: usize,
    unwritable_matched: usize,
    unwritable_undated: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.files += o.files;
        self.gold += o.gold;
        self.sys += o.sys;
        self.set_aside += o.set_aside;
        for (k, v) in &o.ignored {
            *self.ignored.entry(k.clone()).or_default() += v;
        }
        self.strict_sys += o.strict_sys;
        self.strict_gold += o.strict_gold;
        self.relaxed_sys += o.relaxed_sys;
        self.relaxed_gold += o.relaxed_gold;
        self.value_sys_total += o.value_sys_total;
        self.value_sys_right += o.value_sys_right;
        self.value_gold_total += o.value_gold_total;
        self.value_gold_right += o.value_gold_right;
        self.unwritable_matched += o.unwritable_matched;
        self.unwritable_undated += o.unwritable_undated;
    }
}

#[test]
#[ignore = "needs the TempEval-3 corpus: set TEMPEVAL_DIR (see the file's header)"]
fn tempeval3_dates() {
    let Some(dir) = std::env::var_os("TEMPEVAL_DIR") else {
        println!(
            "TEMPEVAL_DIR is not set. Get the corpus with\n  \
             git clone --depth 1 https://github.com/jspotter/TempEval-3 /tmp/TempEval-3\n\
             and run\n  \
             TEMPEVAL_DIR=/tmp/TempEval-3/data/TBAQ-cleaned \
             cargo test --release --test tempeval -- --ignored --nocapture"
        );
        return;
    };
    let root = PathBuf::from(dir);
    let verbose = std::env::var("TEMPEVAL_VERBOSE").is_ok_and(|v| !v.is_empty() && v != "0");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "no .tml files under {}", root.display());

    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    let mut log = String::new();
    for path in &files {
        let source = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let doc = parse(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let rel = path.strip_prefix(&root).unwrap_or(path);
        let group = match rel.components().count() {
            0 | 1 => ".".to_string(),
            _ => rel
                .components()
                .next()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        let name = rel.display().to_string();
        let tally = score(&name, &doc, verbose.then_some(&mut log));
        groups.entry(group).or_default().add(&tally);
    }

    let mut all = Tally::default();
    for t in groups.values() {
        all.add(t);
    }
    assert!(all.files >= 1, "no file parsed");
    assert!(
        all.gold >= 1,
        "no gold DATE found: is the TIMEX3 reader broken?"
    );

    if verbose {
        println!("{log}");
    }
    println!(
        "TempEval-3 TBAQ-cleaned, DATE expressions ({})",
        root.display()
    );
    let ignored: Vec<String> = all
        .ignored
        .iter()
        .map(|(k, v)| format!("{v} {k}"))
        .collect();
    println!(
        "ignored gold TIMEX3: {}; mentions of ours set aside as overlapping only those: {}",
        ignored.join(", "),
        all.set_aside
    );
    println!(
        "gold DATEs left out of value scoring (REF or X values): {} matched by us, {} of them without a date",
        all.unwritable_matched, all.unwritable_undated
    );
    println!();
    println!(
        "{:<10} {:>5} {:>6} {:>6}   {:<20} {:<20} {:<20}",
        "set", "files", "gold", "ours", "strict P/R/F1", "relaxed P/R/F1", "value P/R/F1"
    );
    let rows = groups.iter().map(|(k, t)| (k.as_str(), t));
    for (name, t) in rows.chain(std::iter::once(("all", &all))) {
        println!(
            "{:<10} {:>5} {:>6} {:>6}   {:<20} {:<20} {:<20}",
            name,
            t.files,
            t.gold,
            t.sys,
            prf(t.strict_sys, t.sys, t.strict_gold, t.gold),
            prf(t.relaxed_sys, t.sys, t.relaxed_gold, t.gold),
            prf(
                t.value_sys_right,
                t.value_sys_total,
                t.value_gold_right,
                t.value_gold_total
            ),
        );
    }
    println!();
    println!(
        "For comparison, HeidelTime (all TIMEX3 types, TempEval-3 tools) strict/relaxed/value F1:"
    );
    for (set, s, r, v) in HEIDELTIME {
        println!("  {set:<22} {s:.2} / {r:.2} / {v:.2}");
    }
}

/// P/R/F1 in percent: precision `ps/pn`, recall `rs/rn`.
fn prf(ps: usize, pn: usize, rs: usize, rn: usize) -> String {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(ps, pn);
    let r = ratio(rs, rn);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    format!("{:.1}/{:.1}/{:.1}", p * 100.0, r * 100.0, f * 100.0)
}

/// The .tml files under `dir`, skipping macOS `._` files.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else if name.ends_with(".tml") {
            out.push(path);
        }
    }
}

/// Reads the DCT and the TEXT element of a TimeML document.
fn parse(source: &str) -> Result<Doc, String> {
    let dct_at = source.find("<DCT>").ok_or("no <DCT>")?;
    let dct_tag = &source[dct_at..];
    let open = dct_tag.find("<TIMEX3").ok_or("no TIMEX3 in the DCT")?;
    let close = dct_tag[open..].find('>').ok_or("unclosed DCT TIMEX3")?;
    let value = attr(&dct_tag[open..open + close], "value").ok_or("DCT without a value")?;
    let day = value.get(..10).unwrap_or(&value);
    let dct = NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|e| format!("DCT value {value:?}: {e}"))?;

    let start = source.find("<TEXT>").ok_or("no <TEXT>")? + "<TEXT>".len();
    let end = source[start..].find("</TEXT>").ok_or("no </TEXT>")? + start;
    let (text, timexes) = strip(&source[start..end])?;
    Ok(Doc { dct, text, timexes })
}

/// The text without its tags, entities decoded, with the TIMEX3 spans in it.
fn strip(xml: &str) -> Result<(String, Vec<Timex>), String> {
    let mut text = String::with_capacity(xml.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = xml;
    while let Some(at) = rest.find(['<', '&']) {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('&') {
            let semi = rest.find(';').filter(|&s| s <= 10);
            let decoded = semi.and_then(|s| entity(&rest[1..s]));
            match (semi, decoded) {
                (Some(s), Some(c)) => {
                    text.push(c);
                    rest = &rest[s + 1..];
                }
                _ => {
                    text.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let close = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
            if open.is_some() {
                return Err("nested TIMEX3".into());
            }
            let kind = attr(tag, "type").unwrap_or_default();
            let value = attr(tag, "value").unwrap_or_default();
            open = Some((text.len(), kind, value));
        } else if tag == "/TIMEX3" {
            let (start, kind, value) = open.take().ok_or("</TIMEX3> without its start")?;
            timexes.push(Timex {
                span: start..text.len(),
                kind,
                value,
            });
        }
    }
    text.push_str(rest);
    if open.is_some() {
        return Err("unclosed TIMEX3".into());
    }
    Ok((text, timexes))
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

/// The value of attribute `name` in a start tag's inside (`TIMEX3 tid="t1" ...`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(after) = after.strip_prefix('=') else {
            continue;
        };
        let after = after.trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let body = &after[1..];
        let end = body.find(quote)?;
        return Some(body[..end].to_string());
    }
}

/// `r` in `text` without surrounding whitespace.
fn trim(text: &str, r: &Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let inner = s.trim().len();
    r.start + lead..r.start + lead + inner
}

/// Up to 40 bytes of text either side of `r`, on one line.
fn around(text: &str, r: &Range<usize>) -> String {
    let mut a = r.start.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (r.end + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text[a..b].split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Scores one document; with `log`, writes its errors there.
fn score(name: &str, doc: &Doc, mut log: Option<&mut String>) -> Tally {
    let text = &doc.text;
    let mut t = Tally {
        files: 1,
        ..Tally::default()
    };
    let mut gold: Vec<(Range<usize>, Gold, &Timex)> = Vec::new();
    let mut others: Vec<Range<usize>> = Vec::new();
    for x in &doc.timexes {
        let span = trim(text, &x.span);
        if x.kind == "DATE" {
            gold.push((span, gold_value(&x.value), x));
        } else {
            *t.ignored.entry(x.kind.clone()).or_default() += 1;
            others.push(span);
        }
    }
    t.gold = gold.len();

    let found = extract(text, Some(doc.dct), &[]).dates;
    let mut ours: Vec<(Range<usize>, Option<String>, &str)> = Vec::new();
    for m in &found {
        let span = trim(text, &m.span);
        let on_date = gold.iter().any(|g| overlap(&g.0, &span) > 0);
        if !on_date && others.iter().any(|o| overlap(o, &span) > 0) {
            t.set_aside += 1;
            continue;
        }
        ours.push((span, m.date.as_ref().map(timex_value), m.phrase.as_str()));
    }
    t.sys = ours.len();

    // Our side: precision.
    for (span, value, phrase) in &ours {
        if gold.iter().any(|g| g.0 == *span) {
            t.strict_sys += 1;
        }
        let best = gold
            .iter()
            .filter(|g| overlap(&g.0, span) > 0)
            .max_by_key(|g| overlap(&g.0, span));
        if best.is_some() {
            t.relaxed_sys += 1;
        }
        match best {
            Some((_, Gold::Unwritable, _)) => {}
            Some((_, Gold::Value(v), _)) => {
                t.value_sys_total += 1;
                if value.as_deref() == Some(v.as_str()) {
                    t.value_sys_right += 1;
                }
            }
            None => {
                t.value_sys_total += 1;
                if let Some(log) = log.as_deref_mut() {
                    let ours = value.as_deref().unwrap_or("-");
                    let at = around(text, span);
                    let _ = writeln!(log, "SPURIOUS {name}: {phrase:?} ours {ours} in {at:?}");
                }
            }
        }
    }

    // Gold side: recall.
    for (span, value, x) in &gold {
        if ours.iter().any(|o| o.0 == *span) {
            t.strict_gold += 1;
        }
        let best = ours
            .iter()
            .filter(|o| overlap(&o.0, span) > 0)
            .max_by_key(|o| overlap(&o.0, span));
        if best.is_some() {
            t.relaxed_gold += 1;
        }
        let (ours_value, ours_phrase) = best.map_or((None, ""), |b| (b.1.as_deref(), b.2));
        let right = match value {
            Gold::Unwritable => {
                if best.is_some() {
                    t.unwritable_matched += 1;
                    t.unwritable_undated += usize::from(ours_value.is_none());
                }
                ours_value.is_none()
            }
            Gold::Value(v) => {
                t.value_gold_total += 1;
                let right = ours_value == Some(v.as_str());
                t.value_gold_right += usize::from(right);
                right
            }
        };
        let Some(log) = log.as_deref_mut() else {
            continue;
        };
        let gold_text = &text[span.clone()];
        let gold = match value {
            Gold::Value(v) if v != &x.value => format!("{} ({v})", x.value),
            _ => x.value.clone(),
        };
        let ours = ours_value.unwrap_or("-");
        let _ = match best {
            None => {
                let at = around(text, span);
                writeln!(log, "MISSED   {name}: {gold_text:?} gold {gold} in {at:?}")
            }
            Some(_) if !right => {
                let kind = match value {
                    Gold::Unwritable => "UNDATED ",
                    Gold::Value(_) => "VALUE   ",
                };
                writeln!(
                    log,
                    "{kind} {name}: {gold_text:?} gold {gold}; ours {ours_phrase:?} {ours}"
                )
            }
            Some(b) if b.0 != *span => {
                writeln!(
                    log,
                    "EXTENT   {name}: {gold_text:?} gold {gold}; ours {ours_phrase:?}"
                )
            }
            Some(_) => Ok(()),
        };
    }
    t
}

/// A gold TIMEX3 value as we compare it.
fn gold_value(v: &str) -> Gold {
    let v = v.trim();
    if v.ends_with("_REF") {
        return Gold::Unwritable;
    }
    // A decade or century with its last digits written as X: 199X, 19XX.
    let digits = v.trim_end_matches('X');
    if v.len() == 4 && (2..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
    {
        return Gold::Value(digits.to_string());
    }
    if v.contains('X') {
        return Gold::Unwritable;
    }
    // A part of a day or a time on a DATE: the day.
    let v = match v.find('T') {
        Some(10) => &v[..10],
        _ => v,
    };
    // 1998-W7 → 1998-W07, keeping a -WE after it.
    if let Some((year, week)) = v.split_once("-W") {
        let (n, tail) = week.split_once('-').unwrap_or((week, ""));
        if let Ok(n) = n.parse::<u32>() {
            let tail = if tail.is_empty() {
                String::new()
            } else {
                format!("-{tail}")
            };
            return Gold::Value(format!("{year}-W{n:02}{tail}"));
        }
    }
    Gold::Value(v.to_string())
}

/// Our date in TIMEX3 terms (see the file's header).
fn timex_value(d: &DateSpec) -> String {
    if d.precision() == Precision::Week {
        let w = d.first_day().iso_week();
        return format!("{:04}-W{:02}", w.year(), w.week());
    }
    if let Some(end) = d.end() {
        let s = d.start();
        match (s.precision(), end.precision()) {
            (Precision::Year, Precision::Year) => {
                if s.year() % 10 == 0 && end.year() == s.year() + 9 {
                    return format!("{}", s.year() / 10);
                }
                // A century, counted from 1900 or, as ordinals are, from 1901.
                if end.year() == s.year() + 99 && matches!(s.year() % 100, 0 | 1) {
                    return format!("{:02}", s.year() / 100);
                }
            }
            (Precision::Month, Precision::Month) => {
                if let Some(name) = month_span(s, end) {
                    return format!("{:04}-{name}", s.year());
                }
            }
            (Precision::Day, Precision::Day) => {
                let (a, b) = (s.first_day(), end.first_day());
                if a.weekday() == Weekday::Sat && b.signed_duration_since(a).num_days() == 1 {
                    let w = a.iso_week();
                    return format!("{:04}-W{:02}-WE", w.year(), w.week());
                }
            }
            _ => {}
        }
    }
    let mut plain = d.clone();
    (plain.approximate, plain.uncertain) = (false, false);
    plain.to_edtf()
}

/// The season, quarter or half a span of whole months is, if any.
fn month_span(s: PartialDate, e: PartialDate) -> Option<&'static str> {
    let (a, b) = (s.month()?, e.month()?);
    if e.year() == s.year() + 1 && (a, b) == (12, 2) {
        return Some("WI");
    }
    if e.year() != s.year() {
        return None;
    }
    Some(match (a, b) {
        (3, 5) => "SP",
        (6, 8) => "SU",
        (9, 11) => "FA",
        (1, 3) => "Q1",
        (4, 6) => "Q2",
        (7, 9) => "Q3",
        (10, 12) => "Q4",
        (1, 6) => "H1",
        (7, 12) => "H2",
        _ => return None,
    })
}

#[test]
fn reads_timeml() {
    let src = r#"<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T06:18:00" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>
A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.
</TEXT>"#;
    let doc = parse(src).unwrap();
    assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 8, 7).unwrap());
    assert_eq!(doc.text, "\nA & B met Friday.\n");
    assert_eq!(doc.timexes.len(), 1);
    assert_eq!(&doc.text[doc.timexes[0].span.clone()], "Friday");
    assert_eq!(doc.timexes[0].value, "1998-08-07");
    assert_eq!(
        gold_value("1998-08-07TMO"),
        Gold::Value("1998-08-07".into())
    );
    assert_eq!(gold_value("1998-W7"), Gold::Value("1998-W07".into()));
    assert_eq!(gold_value("199X"), Gold::Value("199".into()));
    assert_eq!(gold_value("PAST_REF"), Gold::Unwritable);
    assert_eq!(gold_value("XXXX-08"), Gold::Unwritable);
    let week = DateSpec::week(NaiveDate::from_ymd_opt(1998, 8, 5).unwrap()).unwrap();
    assert_eq!(timex_value(&week), "1998-W32");
    assert_eq!(timex_value(&DateSpec::parse("1990/1999").unwrap()), "199");
    assert_eq!(timex_value(&DateSpec::parse("1901/2000").unwrap()), "19");
    assert_eq!(
        timex_value(&DateSpec::parse("1998-06/1998-08~").unwrap()),
        "1998-SU"
    );
    assert_eq!(
        timex_value(&DateSpec::parse("1998-08?").unwrap()),
        "1998-08"
    );
}
