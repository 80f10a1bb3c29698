//! What `import`, `generate` and `extract` write and print holds no control
//! character: a TimelineJS file whose slides carry escapes (raw, as
//! `\u001b` in JSON, as `&#27;` in HTML) and whose file name has one
//! imports into files `cat` can show safely, and the paths these commands
//! are given are printed sanitized.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::TempCorpus;

fn run(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chronicle"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run chronicle")
}

/// The control characters in `bytes` (C0, DEL and C1) but line breaks and
/// the tabs that separate columns of plain output.
fn controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .map(|c| format!("{:?}", c))
        .collect()
}

fn every_file(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("a directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(every_file(&path));
        } else {
            out.push(path);
        }
    }
    out
}

const TIMELINE: &str = r#"{"events": [
  {"start_date": {"year": 2023, "month": 9}, "unique_id": "g\u001b[31mreen",
   "text": {"headline": "&#27;[31mRed&#27;[0m &#7;alert",
            "text": "<p>Kim \u001b[2Jarrived&#x1b;]0;owned&#7;.</p><p>\u0007Then &#155;1mhe left.</p>"},
   "media": {"url": "https://example.org/\u001b[0m", "credit": "Wire\u009b31m"},
   "group": "Vi\u001b[1msit"},
  {"start_date": {"year": 2023, "month": 9}, "text": {"headline": "\u001b[31m\u001b[0m"}}
]}"#;

#[test]
fn an_import_of_escapes_writes_and_prints_none() {
    let c = TempCorpus::new("import-text");
    let file = c.path().join(OsStr::from_bytes(b"time\x1b[31mline.json"));
    fs::write(&file, TIMELINE).expect("fixture");
    let out_dir = c.path().join(OsStr::from_bytes(b"out\x1b]0;x\x07"));
    let out = run(&[
        OsStr::new("import"),
        OsStr::new("timelinejs"),
        file.as_os_str(),
        OsStr::new("-o"),
        out_dir.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(controls(&out.stderr), Vec::<String>::new(), "{stderr}");
    assert!(stderr.contains("wrote "), "{stderr}");
    let names: Vec<String> = fs::read_dir(out_dir.join("articles"))
        .expect("articles")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["green.md", "slide-2.md"]);
    for path in every_file(&out_dir) {
        let bytes = fs::read(&path).expect("a written file");
        assert_eq!(controls(&bytes), Vec::<String>::new(), "{}", path.display());
    }
    let article = fs::read_to_string(out_dir.join("articles/green.md")).expect("article");
    assert!(
        article.ends_with("+++\nKim arrived.\n\nThen he left.\n"),
        "{article}"
    );
    assert!(article.contains("title = \"Red alert\""), "{article}");
    let check = run(&[
        OsStr::new("check"),
        OsStr::new("--corpus"),
        out_dir.as_os_str(),
    ]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn generate_and_extract_print_the_paths_they_are_given_sanitized() {
    let c = TempCorpus::new("printed-paths");
    let out_dir = c.path().join(OsStr::from_bytes(b"gen\x1b[2J"));
    let args = |dir: &Path| {
        [
            OsStr::new("generate").to_owned(),
            OsStr::new("--articles").to_owned(),
            OsStr::new("1").to_owned(),
            OsStr::new("-o").to_owned(),
            dir.as_os_str().to_owned(),
        ]
    };
    let first = args(&out_dir);
    let first: Vec<&OsStr> = first.iter().map(|s| s.as_os_str()).collect();
    let made = run(&first);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert_eq!(controls(&made.stderr), Vec::<String>::new());
    // Again into the same directory: the error names it, sanitized.
    let again = run(&first);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("/gen"));
    assert_eq!(controls(&again.stderr), Vec::<String>::new());

    let article = c.path().join(OsStr::from_bytes(b"art\x1b[31m.txt"));
    fs::write(&article, "Kim \x1b[2Jsaid “we\x07 will win” on Monday.\n").expect("fixture");
    for json in [false, true] {
        let mut args = vec![OsStr::new("extract"), article.as_os_str()];
        if json {
            args.push(OsStr::new("--json"));
        }
        let out = run(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(controls(&out.stdout), Vec::<String>::new());
        assert_eq!(controls(&out.stderr), Vec::<String>::new());
        assert!(String::from_utf8_lossy(&out.stdout).contains("/art.txt"));
    }
}
