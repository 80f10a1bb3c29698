//! The `chronicle` binary's non-interactive commands: `check`, `events`,
//! `quotes`, `--help`, `--version`, run as a child process on small corpora
//! written by the tests.

mod common;

use std::process::{Command, Output};

use chronicle::corpus::{load, Location};
use chronicle::text::fold::fold;
use common::{loc, TempCorpus};
use serde_json::Value;

const VOSTOCHNY: &str = "+++
id = \"vostochny\"
title = \"Kim meets Putin at Vostochny\"
published = 2023-09-13
+++
Kim Jong Un arrived at the Vostochny cosmodrome, where Vladimir Putin
greeted him.

“We will always be with Russia,” Kim said.

Putin said the talks were “very useful”. Sergei Lavrov also attended.
";

/// Raw escape sequences in the title and body: the title's OSC would set
/// the terminal title, the body's CSI would clear the screen.
const PYONGYANG: &str = "+++
id = \"pyongyang\"
title = \"Putin in Pyongyang\"
+++
Putin arrived in Pyongyang for a state visit.\x1b]0;pwned\x07

The two leaders signed a partnership treaty.

“Our friendship is\x1b[2J invincible,” Kim said.
";

const ACTORS: &str = r#"[[actor]]
id = "kim"
name = "Kim Jong Un"
aliases = ["Kim", "Marshal Kim"]

[[actor]]
id = "putin"
name = "Vladimir Putin"
aliases = ["Putin", "Mr. Putin"]

[[actor]]
id = "lavrov"
name = "Sergei\u001b[2J Lavrov"
aliases = ["Lavrov"]
kind = "person"
"#;

/// Written out of date order on purpose. Who is involved in each event
/// (listed, or quoted in quotes.toml):
///
/// | event          | date                  | parent      | involved     |
/// |----------------|-----------------------|-------------|--------------|
/// | state-visit    | 2024-06-18/2024-06-19 |             | putin        |
/// | treaty         | 2024-06-19            | state-visit | putin, kim   |
/// | summit         | 2023-09-13            |             | kim, putin   |
/// | arrival        | 2023-09-13            | summit      | putin, kim   |
/// | lavrov-attends | 2023-09-13            | summit      | lavrov       |
/// | kim-train      | 2023-09-10            |             | kim          |
const EVENTS: &str = r#"[[event]]
id = "state-visit"
date = "2024-06-18/2024-06-19"
title = "Putin's state visit to Pyongyang"
kind = "visit"
place = "Pyongyang"
actors = ["putin"]
summary = "Putin visits North Korea."
[[event.source]]
article = "pyongyang"
excerpt = "Putin arrived in Pyongyang for a state visit."

[[event]]
id = "treaty"
date = "2024-06-19"
title = "Partnership treaty signed"
kind = "agreement"
actors = ["putin", "kim"]
parent = "state-visit"
summary = "The two sign a treaty."
[[event.source]]
article = "pyongyang"
excerpt = "signed a partnership\u001b[2J treaty"

[[event]]
id = "summit"
date = "2023-09-13"
title = "Summit\u001b]0;pwned\u0007 at Vostochny\u001b[2J"
kind = "summit"
actors = ["kim", "putin"]
summary = "Kim and Putin meet."
[[event.source]]
article = "vostochny"
excerpt = "Putin said the talks were 'very useful'"

[[event]]
id = "arrival"
date = "2023-09-13"
title = "Putin greets Kim"
kind = "meeting"
actors = ["putin", "kim"]
parent = "summit"
summary = "Kim arrives."
[[event.source]]
article = "vostochny"
excerpt = "arrived at the Vostochny cosmodrome, where Vladimir Putin greeted him"

[[event]]
id = "lavrov-attends"
date = "2023-09-13"
title = "Lavrov attends"
kind = "meeting"
actors = ["lavrov"]
parent = "summit"
summary = "Lavrov is there."
[[event.source]]
article = "vostochny"
excerpt = "Sergei Lavrov also attended."

[[event]]
id = "kim-train"
date = "2023-09-10"
title = "Kim\tboards\nthe train"
kind = "travel"
actors = ["kim"]
summary = "Kim leaves Pyongyang."
[[event.source]]
article = "pyongyang"
excerpt = "Putin arrived in Pyongyang"
"#;

const QUOTES: &str = r#"[[quote]]
id = "q-invincible"
article = "pyongyang"
speaker = "kim"
event = "treaty"
text = "Our friendship is\u001b[2J invincible,"

[[quote]]
id = "q-always"
article = "vostochny"
speaker = "kim"
event = "arrival"
text = "We will always be with Russia,"

[[quote]]
id = "q-useful"
article = "vostochny"
speaker = "putin"
event = "summit"
text = "very useful"
"#;

/// Every event in timeline order: headlines by date (kim-train is three
/// days before the summit), each followed by its sub-events; arrival and
/// lavrov-attends share a date and keep their file order.
const TIMELINE: [&str; 6] = [
    "kim-train",
    "summit",
    "arrival",
    "lavrov-attends",
    "state-visit",
    "treaty",
];

/// Who is involved in each event; see the table above EVENTS.
fn involved(event: &str) -> &'static [&'static str] {
    match event {
        "state-visit" => &["putin"],
        "treaty" | "summit" | "arrival" => &["putin", "kim"],
        "lavrov-attends" => &["lavrov"],
        "kim-train" => &["kim"],
        other => panic!("unknown fixture event {other}"),
    }
}

fn fixture(name: &str) -> TempCorpus {
    let c = TempCorpus::new(name);
    c.write("articles/vostochny.md", VOSTOCHNY)
        .write("articles/pyongyang.md", PYONGYANG)
        .write("actors.toml", ACTORS)
        .write("events.toml", EVENTS)
        .write("quotes.toml", QUOTES);
    c
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run chronicle")
}

/// Runs `chronicle <args> --corpus <dir>`.
fn run_on(c: &TempCorpus, args: &[&str]) -> Output {
    let dir = c.path().to_str().expect("temp path is UTF-8");
    let mut all = args.to_vec();
    all.extend(["--corpus", dir]);
    run(&all)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs a command that must succeed and print a JSON array.
fn json(c: &TempCorpus, args: &[&str]) -> Vec<Value> {
    let out = run_on(c, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    match serde_json::from_slice(&out.stdout).expect("stdout is JSON") {
        Value::Array(items) => items,
        other => panic!("{args:?}: not an array: {other}"),
    }
}

fn ids(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .map(|i| i["id"].as_str().expect("id is a string"))
        .collect()
}

/// The timeline events involving the actors (all of them, or any).
fn expected(actors: &[&str], any: bool) -> Vec<&'static str> {
    TIMELINE
        .iter()
        .copied()
        .filter(|e| {
            let who = involved(e);
            if any {
                actors.iter().any(|a| who.contains(a))
            } else {
                actors.iter().all(|a| who.contains(a))
            }
        })
        .collect()
}

// ── Help and version ────────────────────────────────────────────────────

#[test]
fn help_and_version() {
    let help = run(&["--help"]);
    assert!(help.status.success(), "{}", stderr(&help));
    let text = stdout(&help);
    assert!(text.contains("chronicle"), "{text}");
    for command in ["check", "events", "quotes"] {
        assert!(text.contains(command), "help lists {command}: {text}");
    }
    let version = run(&["--version"]);
    assert!(version.status.success(), "{}", stderr(&version));
    let text = stdout(&version);
    assert!(text.contains("chronicle"), "{text}");
    assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
}

// ── check ───────────────────────────────────────────────────────────────

#[test]
fn check_passes_on_a_clean_corpus() {
    let c = fixture("cli-check-clean");
    let out = run_on(&c, &["check"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out), "");
    let summary = format!(
        "{}: 2 articles, 3 actors, 6 events, 3 quotes, no problems\n",
        c.path().display()
    );
    assert!(stderr(&out).ends_with(&summary), "{}", stderr(&out));
}

#[test]
fn check_counts_read_as_words() {
    let c = TempCorpus::new("cli-check-one");
    let quiet = "+++\nid = \"quiet\"\ntitle = \"Nothing\"\n+++\nNothing happened.\n";
    c.write("articles/quiet.md", quiet)
        .write(
            "actors.toml",
            "[[actor]]\nid = \"kim\"\nname = \"Kim Jong Un\"\n",
        )
        .write(
            "quotes.toml",
            "[[quote]]\nid = \"q\"\narticle = \"quiet\"\nspeaker = \"kim\"\n\
             text = \"Nothing happened.\"\n",
        );
    let out = run_on(&c, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    let summary = err.lines().last().unwrap_or_default();
    assert!(
        summary.ends_with(": 1 article, 1 actor, 0 events, 1 quote, 1 problem"),
        "{err}"
    );
}

#[test]
fn check_prints_file_line_col_message_and_exits_1() {
    let c = fixture("cli-check-problems");
    let events = EVENTS
        .replacen(
            "actors = [\"lavrov\"]",
            "actors = [\"lavrov\", \"shoigu\"]",
            1,
        )
        .replacen("\"2023-09-10\"", "\"2023-09-31\"", 1);
    let quotes = QUOTES.replacen(
        "text = \"very useful\"",
        "text = \"very useful\"\ntone = \"dry\"",
        1,
    );
    assert!(events.contains("shoigu") && events.contains("09-31") && quotes.contains("tone"));
    c.write("events.toml", &events)
        .write("quotes.toml", &quotes);
    let (date_line, date_col) = loc(&events, "\"2023-09-31\"");
    let wanted = [
        (
            "events.toml",
            loc(&events, "\"shoigu\""),
            "unknown actor 'shoigu'",
        ),
        (
            "events.toml",
            (date_line, date_col + 9),
            "September 2023 has no day 31",
        ),
        ("quotes.toml", loc(&quotes, "tone"), "unknown field `tone`"),
    ];

    // --corpus is global: it may come before the command, too.
    let dir = c.path().to_str().expect("UTF-8 path");
    let out = run(&["--corpus", dir, "check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), wanted.len(), "{text}");
    for (file, (line, col), says) in wanted {
        let hit = lines.iter().any(|l| {
            let parts: Vec<&str> = l.splitn(4, ':').collect();
            let [path, l_no, c_no, message] = parts[..] else {
                return false;
            };
            path == c.shown(file)
                && l_no.parse() == Ok(line)
                && c_no.parse() == Ok(col)
                && message.starts_with(' ')
                && message.contains(says)
        });
        assert!(hit, "no {file}:{line}:{col}: …{says}… in:\n{text}");
    }
}

#[test]
fn listing_commands_warn_on_stderr_and_keep_stdout_clean() {
    let c = fixture("cli-warnings");
    c.write(
        "events.toml",
        &EVENTS.replacen(
            "kind = \"travel\"",
            "kind = \"travel\"\ncolour = \"red\"",
            1,
        ),
    );
    let out = run_on(&c, &["events", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let items: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(items.len(), TIMELINE.len());
    let err = stderr(&out);
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: ") && l.contains("`colour`")),
        "{err}"
    );
}

// ── events ──────────────────────────────────────────────────────────────

#[test]
fn events_json_lists_every_event_in_timeline_order() {
    let c = fixture("cli-events-json");
    let items = json(&c, &["events", "--json"]);
    assert_eq!(ids(&items), TIMELINE);
    let by_id = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };

    let visit = by_id("state-visit");
    assert_eq!(visit["date"], "2024-06-18/2024-06-19");
    assert_eq!(visit["title"], "Putin's state visit to Pyongyang");
    assert_eq!(visit["kind"], "visit");
    assert_eq!(visit["actors"], serde_json::json!(["putin"]));
    assert_eq!(visit["parent"], Value::Null);

    let treaty = by_id("treaty");
    assert_eq!(treaty["date"], "2024-06-19");
    assert_eq!(treaty["kind"], "agreement");
    // Actor ids, in the order the event lists them.
    assert_eq!(treaty["actors"], serde_json::json!(["putin", "kim"]));
    assert_eq!(treaty["parent"], "state-visit");

    assert_eq!(by_id("arrival")["parent"], "summit");
    assert_eq!(
        by_id("lavrov-attends")["actors"],
        serde_json::json!(["lavrov"])
    );
    // Tab and line break in a title become spaces.
    assert_eq!(by_id("kim-train")["title"], "Kim boards the train");

    // Each source names its article and excerpt, and its byte range covers
    // the excerpt in the article's body.
    let loaded = load(&Location::Dir(c.dir.clone()));
    for item in &items {
        let sources = item["sources"].as_array().expect("sources array");
        assert_eq!(sources.len(), 1, "{item}");
        let s = &sources[0];
        let article = s["article"].as_str().expect("article id");
        let ix = loaded.corpus.article_ix(article).expect("known article");
        let body = &loaded.corpus.articles[ix].body;
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        let text = body
            .get(start as usize..end as usize)
            .expect("span in body");
        let excerpt = s["excerpt"].as_str().expect("excerpt");
        assert_eq!(fold(text), fold(excerpt), "{item}");
    }
    let treaty_source = &by_id("treaty")["sources"][0];
    assert_eq!(treaty_source["article"], "pyongyang");
    assert_eq!(treaty_source["excerpt"], "signed a partnership treaty");
}

#[test]
fn events_plain_output_is_one_tab_separated_line_per_event() {
    let c = fixture("cli-events-plain");
    let out = run_on(&c, &["events"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), TIMELINE.len(), "{text}");
    for (line, id) in lines.iter().zip(TIMELINE) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 5, "{line:?}");
        assert_eq!(fields[4], id, "{line:?}");
    }
    let fields = |n: usize| lines[n].split('\t').collect::<Vec<_>>();
    assert_eq!(
        fields(0),
        [
            "2023-09-10",
            "travel",
            "Kim boards the train",
            "Kim Jong Un",
            "kim-train"
        ]
    );
    // Sub-events are indented under their headline.
    assert_eq!(fields(2)[2], "  Putin greets Kim");
    assert_eq!(fields(5)[1], "agreement");
    assert_eq!(fields(5)[3], "Vladimir Putin, Kim Jong Un");
}

/// `events --actor NAME...` resolves each name and filters.
fn check_filter(c: &TempCorpus, names: &[&str], any: bool, actors: &[&str]) {
    let mut args = vec!["events", "--json"];
    for n in names {
        args.extend(["--actor", n]);
    }
    if any {
        args.push("--any");
    }
    let items = json(c, &args);
    assert_eq!(ids(&items), expected(actors, any), "{args:?}");
}

#[test]
fn events_actor_resolves_aliases_case_and_typos() {
    let c = fixture("cli-actor-forms");
    // Sanity: the expectations differ from actor to actor.
    assert_ne!(expected(&["kim"], false), expected(&["putin"], false));
    check_filter(&c, &["kim"], false, &["kim"]);
    check_filter(&c, &["Marshal Kim"], false, &["kim"]);
    check_filter(&c, &["KIM JONG UN"], false, &["kim"]);
    check_filter(&c, &["mr. putin"], false, &["putin"]);
    check_filter(&c, &["vladmir putn"], false, &["putin"]);
    check_filter(&c, &["Lavrov"], false, &["lavrov"]);
}

#[test]
fn events_several_actors_need_all_unless_any() {
    let c = fixture("cli-actor-combine");
    let all = expected(&["kim", "putin"], false);
    let any = expected(&["kim", "putin"], true);
    assert!(all.len() < any.len(), "the fixture tells all from any");
    check_filter(&c, &["Kim", "Putin"], false, &["kim", "putin"]);
    check_filter(&c, &["Kim", "Putin"], true, &["kim", "putin"]);
    check_filter(&c, &["Kim", "Lavrov"], false, &["kim", "lavrov"]);
    check_filter(&c, &["Kim", "Lavrov"], true, &["kim", "lavrov"]);
    assert!(expected(&["kim", "lavrov"], false).is_empty());
}

#[test]
fn a_name_that_is_not_the_actors_own_says_which_actor_it_chose() {
    let c = fixture("cli-actor-chosen");
    for command in ["events", "quotes"] {
        let exact = run_on(&c, &[command, "--actor", "Kim Jong Un"]);
        assert!(exact.status.success(), "{}", stderr(&exact));
        assert!(!stderr(&exact).contains("--actor"), "{}", stderr(&exact));
        for (name, chosen) in [("kim", "Kim Jong Un"), ("vladmir putn", "Vladimir Putin")] {
            let out = run_on(&c, &[command, "--actor", name]);
            assert!(out.status.success(), "{}", stderr(&out));
            let err = stderr(&out);
            let said: Vec<&str> = err.lines().filter(|l| l.starts_with("--actor")).collect();
            assert_eq!(said, [format!("--actor {name}: {chosen}")], "{command}");
        }
        let fuzzy = run_on(&c, &[command, "--actor", "kim"]);
        assert_eq!(stdout(&fuzzy), stdout(&exact), "stdout is unchanged");
    }
    let out = run_on(&c, &["export", "--format", "json", "--actor", "kim"]);
    assert!(
        stderr(&out).contains("--actor kim: Kim Jong Un"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_actor_is_an_error_naming_it() {
    let c = fixture("cli-actor-unknown");
    for command in ["events", "quotes"] {
        let out = run_on(&c, &[command, "--actor", "Zelensky"]);
        assert!(!out.status.success(), "{command} succeeded");
        assert!(stderr(&out).contains("Zelensky"), "{}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }
    // The name is shown, but not the escape sequences it carries.
    let out = run_on(
        &c,
        &["events", "--actor", "Zel\x1b]0;pwned\x07ensky\x1b[2J"],
    );
    assert!(!out.status.success());
    assert!(
        !out.stderr.iter().any(|&b| b == 0x1b || b == 0x07),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("Zelensky"), "{}", stderr(&out));
    // An empty name is no name: it matches nobody rather than whoever
    // ranks first.
    for empty in ["", "  "] {
        let out = run_on(&c, &["events", "--actor", empty]);
        assert!(!out.status.success(), "--actor {empty:?} succeeded");
        assert!(stderr(&out).contains("needs a name"), "{}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }
}

// ── quotes ──────────────────────────────────────────────────────────────

#[test]
fn quotes_json_items_have_speaker_text_article_event() {
    let c = fixture("cli-quotes-json");
    let items = json(&c, &["quotes", "--json"]);
    // By the timeline position of their events: summit, arrival, treaty.
    assert_eq!(ids(&items), ["q-useful", "q-always", "q-invincible"]);
    let fields = |i: &Value| {
        (
            i["speaker"].as_str().unwrap().to_owned(),
            i["text"].as_str().unwrap().to_owned(),
            i["article"].as_str().unwrap().to_owned(),
            i["event"].as_str().unwrap().to_owned(),
        )
    };
    let got: Vec<_> = items.iter().map(fields).collect();
    let want = [
        ("putin", "very useful", "vostochny", "summit"),
        (
            "kim",
            "We will always be with Russia,",
            "vostochny",
            "arrival",
        ),
        (
            "kim",
            "Our friendship is invincible,",
            "pyongyang",
            "treaty",
        ),
    ]
    .map(|(a, b, c, d)| (a.to_owned(), b.to_owned(), c.to_owned(), d.to_owned()));
    assert_eq!(got, want);

    let kim = json(&c, &["quotes", "--json", "--actor", "marshal kim"]);
    assert_eq!(ids(&kim), ["q-always", "q-invincible"]);
}

/// `events --json` and `quotes --json` print the records of
/// `export --format json`: for the same filter the same events, field for
/// field (a parent outside the list is null in both), and the same quotes.
#[test]
fn events_and_quotes_json_are_the_records_of_the_json_export() {
    let c = fixture("cli-one-shape");
    let filters: [&[&str]; 3] = [
        &[],
        &["--actor", "kim"],
        &["--actor", "kim", "--actor", "lavrov", "--any"],
    ];
    let quotes = json(&c, &["quotes", "--json"]);
    for filter in filters {
        let export = run_on(&c, &[&["export", "--format", "json"][..], filter].concat());
        assert!(export.status.success(), "{filter:?}: {}", stderr(&export));
        let doc: Value = serde_json::from_slice(&export.stdout).expect("export is JSON");
        let events = json(&c, &[&["events", "--json"][..], filter].concat());
        assert!(!events.is_empty(), "{filter:?}");
        assert_eq!(Value::Array(events), doc["events"], "{filter:?}");
        let exported = doc["quotes"].as_array().expect("quotes array");
        assert!(!exported.is_empty(), "{filter:?}");
        for quote in exported {
            assert!(quotes.contains(quote), "{filter:?}: {quote} not listed");
        }
    }
    let kim = json(&c, &["events", "--json", "--actor", "kim"]);
    let treaty = kim.iter().find(|e| e["id"] == "treaty").expect("treaty");
    assert_eq!(treaty["parent"], Value::Null, "state-visit is not listed");
}

#[test]
fn quotes_plain_output_is_one_tab_separated_line_per_quote() {
    let c = fixture("cli-quotes-plain");
    let out = run_on(&c, &["quotes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines.iter().all(|f| f.len() == 4), "{text}");
    assert_eq!(
        lines[0],
        ["Vladimir Putin", "“very useful”", "vostochny", "summit"]
    );
    assert_eq!(lines[2][3], "treaty");
}

// ── Terminal control characters ─────────────────────────────────────────

#[test]
fn control_characters_never_reach_stdout() {
    let c = fixture("cli-control-chars");
    for args in [
        &["events"][..],
        &["events", "--json"],
        &["quotes"],
        &["quotes", "--json"],
        &["check"],
    ] {
        let out = run_on(&c, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            assert!(
                !bytes.iter().any(|&b| b == 0x1b || b == 0x07),
                "{args:?}: ESC or BEL in {name}: {:?}",
                String::from_utf8_lossy(bytes)
            );
            let text = String::from_utf8_lossy(bytes);
            // The payloads are removed whole, not just their first byte.
            assert!(
                !text.contains("pwned") && !text.contains("[2J"),
                "{args:?}: {name}: {text}"
            );
        }
    }
    // The visible text around the sequences is kept, and JSON strings are
    // free of control characters too (not merely escaped).
    let events = json(&c, &["events", "--json"]);
    let summit = events.iter().find(|e| e["id"] == "summit").expect("summit");
    assert_eq!(summit["title"], "Summit at Vostochny");
    let all = serde_json::to_string(&events).unwrap()
        + &serde_json::to_string(&json(&c, &["quotes", "--json"])).unwrap();
    assert!(
        !all.contains("\\u001b") && !all.contains("\\u0007"),
        "{all}"
    );
}
