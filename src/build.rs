//! Embeds the shipped corpus (`corpus/`) in the binary, so that `chronicle`
//! with no arguments needs no files at run time.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let corpus = root.join("corpus");
    println!("cargo:rerun-if-changed=corpus");

    let mut files = Vec::new();
    collect(&corpus, &corpus, &mut files);
    files.sort();

    let mut out = String::from("/// Files of the shipped corpus: path relative to `corpus/`, bytes.\npub static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        out.push_str(&format!("    ({rel:?}, include_bytes!({abs:?})),\n"));
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_corpus.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(base, &path, files);
        } else if let (Ok(rel), Some(abs)) = (path.strip_prefix(base), path.to_str()) {
            files.push((rel.to_string_lossy().replace('\\', "/"), abs.to_owned()));
        }
    }
}
