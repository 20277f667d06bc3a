//! Repository hygiene checks in the style of rust-analyzer's tidy tests; run by `cargo test`.

use std::fs;
use std::path::Path;

/// Longest allowed `.rs` file, in lines.
const MAX_LINES: usize = 400;
/// Modules that must stay free of browser and UI code.
const PURE_DIRS: &[&str] = &["src/model/", "src/parse/", "src/snapshot/"];
/// Names the pure modules must not mention outside comments.
const BROWSER_WORDS: &[&str] = &["leptos", "web_sys", "gloo", "wasm_bindgen", "js_sys"];
/// Paths the pure modules must not use.
const IMPURE_PATHS: &[&str] = &["crate::ui", "crate::storage"];
/// The one component that may write a `<details>` element.
const LAZY_DETAILS: &str = "src/ui/components/lazy_details.rs";
/// Words only `src/storage/` may mention outside comments.
const STORAGE_WORDS: &[&str] = &["gloo_storage", "local_storage", "localStorage"];

/// Every `.rs` file under `src/`, `tests/` and `xtask/src/` as (repo-relative path, text).
fn sources() -> Vec<(String, String)> {
    let root = crate::root();
    let mut files = Vec::new();
    for dir in ["src", "tests", "xtask/src"] {
        collect(&root, &root.join(dir), &mut files);
    }
    files.sort();
    assert!(
        files.iter().any(|(p, _)| p == "xtask/src/tidy.rs"),
        "tidy walked the wrong tree: {}",
        root.display()
    );
    files
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let rel = rel.to_string_lossy().replace('\\', "/");
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            out.push((rel, text));
        }
    }
}

/// Fails listing every offender, if any.
fn check(rule: &str, offenders: Vec<String>) {
    assert!(
        offenders.is_empty(),
        "{rule}:\n  {}",
        offenders.join("\n  ")
    );
}

/// `text` without its `//` comment lines: the word rules are about code, not docs.
fn code(text: &str) -> String {
    let lines = text.lines().filter(|l| !l.trim_start().starts_with("//"));
    lines.collect::<Vec<_>>().join("\n")
}

/// Whether `text` contains `path` not followed by more identifier characters.
fn mentions_path(text: &str, path: &str) -> bool {
    text.match_indices(path).any(|(at, _)| {
        !text[at + path.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
    })
}

#[test]
fn every_file_starts_with_a_module_doc() {
    let bad = sources()
        .into_iter()
        .filter(|(_, text)| !text.starts_with("//!"))
        .map(|(path, _)| path)
        .collect();
    check("these files must begin with a `//!` doc line", bad);
}

#[test]
fn core_modules_stay_free_of_browser_and_ui_code() {
    let mut bad = Vec::new();
    for (path, text) in sources() {
        if !PURE_DIRS.iter().any(|d| path.starts_with(d)) {
            continue;
        }
        let text = code(&text);
        for word in BROWSER_WORDS.iter().filter(|w| text.contains(**w)) {
            bad.push(format!("{path}: mentions `{word}`"));
        }
        for used in IMPURE_PATHS.iter().filter(|p| mentions_path(&text, p)) {
            bad.push(format!("{path}: uses `{used}`"));
        }
    }
    check(
        "model/parse/snapshot must not depend on the browser, UI or storage",
        bad,
    );
}

#[test]
fn only_storage_touches_local_storage() {
    let mut bad = Vec::new();
    for (path, text) in sources() {
        if !path.starts_with("src/") || path.starts_with("src/storage/") {
            continue;
        }
        let text = code(&text);
        for word in STORAGE_WORDS.iter().filter(|w| text.contains(**w)) {
            bad.push(format!("{path}: mentions `{word}`"));
        }
    }
    check("only src/storage/ may touch localStorage", bad);
}

#[test]
fn every_collapsible_part_is_lazy() {
    let bad = sources()
        .into_iter()
        .filter(|(path, text)| {
            path.starts_with("src/") && path != LAZY_DETAILS && code(text).contains("<details")
        })
        .map(|(path, _)| path)
        .collect();
    check(
        &format!("write collapsible parts with `LazyDetails` ({LAZY_DETAILS}), not `<details>`"),
        bad,
    );
}

#[test]
fn no_should_panic_tests() {
    let attr = concat!("#[should", "_panic");
    let bad = sources()
        .into_iter()
        .filter(|(_, text)| text.contains(attr))
        .map(|(path, _)| path)
        .collect();
    check(
        "tests must assert on errors instead of using should_panic",
        bad,
    );
}

#[test]
fn no_file_is_too_long() {
    let bad = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("{path}: {} lines", text.lines().count()))
        .collect();
    check(&format!("files over {MAX_LINES} lines; split them"), bad);
}

#[test]
fn helpers_match_code_not_comments() {
    assert!(mentions_path("use crate::ui::App;", "crate::ui"));
    assert!(mentions_path("use crate::storage;", "crate::storage"));
    assert!(!mentions_path("use crate::uid::Id;", "crate::ui"));
    let text = code("//! About localStorage.\n    // leptos\nlet x = leptos::view;");
    assert!(!text.contains("localStorage"));
    assert!(text.contains("leptos::view"));
}
