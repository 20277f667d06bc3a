//! The deflated wasm also starts where the browser has no `DecompressionStream` (Firefox < 113):
//! a copy of the built file whose first script deletes it falls back to the inlined JS inflater.
//! A damaged payload (cut short, or one character changed) ends in the boot message either way.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

use crate::webdriver::{Session, dist_path, file_url, wait_ready};

/// Placed before the module script: the page then sees no `DecompressionStream`.
const HIDE: &str = "<script>delete window.DecompressionStream;</script>\n";
const MODULE: &str = "<script type=\"module\">";

/// A copy of the dist file in its own temp dir (test-only), removed on drop.
struct Copy {
    dir: PathBuf,
    path: PathBuf,
}

impl Copy {
    /// The dist file with `HIDE` before its module script, edited, written as `name`.
    fn hiding_decompression_stream(name: &str, edit: impl Fn(String) -> String) -> Copy {
        Copy::of_dist(name, |html| {
            assert_eq!(html.matches(MODULE).count(), 1, "one module script");
            let at = html.find(MODULE).expect("module script");
            edit(format!("{}{HIDE}{}", &html[..at], &html[at..]))
        })
    }

    /// The dist file, edited, written as `name` in a fresh dir.
    fn of_dist(name: &str, edit: impl Fn(String) -> String) -> Copy {
        let html = std::fs::read_to_string(dist_path()).expect("read the dist file");
        let dir =
            std::env::temp_dir().join(format!("workplan-inflate-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(format!("{name}.html"));
        std::fs::write(&path, edit(html)).expect("write the copy");
        Copy { dir, path }
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `[typeof DecompressionStream, how the wasm was inflated, article.task count]`.
fn state(s: &Session) -> Value {
    s.execute(
        "return [typeof DecompressionStream, window.__workplanInflated ?? null,
                 document.querySelectorAll('article.task').length];",
        vec![],
    )
}

#[test]
fn the_wasm_inflates_with_decompression_stream_where_the_browser_has_it() {
    let s = Session::new();
    s.goto(&file_url(&dist_path()));
    wait_ready(&s);
    assert_eq!(state(&s), serde_json::json!(["function", "stream", 19]));
}

#[test]
fn the_app_starts_without_decompression_stream() {
    let copy = Copy::hiding_decompression_stream("no-stream", |html| html);
    let s = Session::new();
    s.goto(&file_url(&copy.path));
    wait_ready(&s);
    assert_eq!(
        state(&s),
        serde_json::json!(["undefined", "js", 19]),
        "[typeof DecompressionStream, inflated by, tasks]"
    );
    let ready = s.execute("return window.__workplanReadyAt ?? null;", vec![]);
    if let Some(ms) = ready.as_f64() {
        eprintln!("inflate_fallback: ready {ms:.1} ms after navigation start (JS inflater)");
    }
    let severe: Vec<String> = s
        .browser_log()
        .into_iter()
        .filter(|e| e.level == "SEVERE")
        .map(|e| e.message)
        .collect();
    assert!(severe.is_empty(), "SEVERE console entries: {severe:#?}");
}

/// The base64 payload's byte range in `html`.
fn payload(html: &str) -> (usize, usize) {
    const OPEN: &str = "id=\"wasm-payload\">";
    let at = html.find(OPEN).expect("the payload element") + OPEN.len();
    let len = html[at..].find('<').expect("payload end");
    (at, at + len)
}

/// Half the payload is cut off.
fn cut_in_half(html: String) -> String {
    let (at, end) = payload(&html);
    format!("{}{}", &html[..at + (end - at) / 8 * 4], &html[end..])
}

/// One base64 character in the middle of the payload is changed; the length stays.
fn one_character_changed(html: String) -> String {
    let (at, end) = payload(&html);
    let mid = at + (end - at) / 2;
    let changed = if &html[mid..=mid] == "A" { "B" } else { "A" };
    format!("{}{changed}{}", &html[..mid], &html[mid + 1..])
}

/// Opens `copy` and waits for the boot message saying the file is damaged (not the browser).
fn boot_error_shows(copy: &Copy) {
    let s = Session::new();
    s.goto(&file_url(&copy.path));
    let shown = "document.getElementById('boot-msg').textContent.startsWith('无法启动：这个页面文件不完整或已损坏')";
    assert!(
        s.poll_until(shown, Duration::from_secs(10)),
        "boot message: {}",
        s.execute("return document.body.textContent;", vec![])
    );
}

#[test]
fn a_damaged_payload_says_the_file_is_damaged() {
    // Neither inflater produces a wasm from half the payload or from a changed character.
    boot_error_shows(&Copy::hiding_decompression_stream("cut", cut_in_half));
    boot_error_shows(&Copy::hiding_decompression_stream(
        "changed",
        one_character_changed,
    ));
    boot_error_shows(&Copy::of_dist("cut-stream", cut_in_half));
    boot_error_shows(&Copy::of_dist("changed-stream", one_character_changed));
}
