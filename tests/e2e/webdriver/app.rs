//! Locating the built app (`WORKPLAN_DIST`) and opening it in a session.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::Session;

/// Absolute path of the built single-file app, from `WORKPLAN_DIST`.
pub fn dist_path() -> PathBuf {
    let raw = std::env::var("WORKPLAN_DIST").unwrap_or_else(|_| {
        panic!(
            "WORKPLAN_DIST is not set: run the browser tests with `cargo xtask test` (it builds \
             dist/workplan.html and sets WORKPLAN_DIST), or set it to the absolute path of the html"
        )
    });
    let path = PathBuf::from(&raw);
    path.canonicalize().unwrap_or_else(|e| {
        panic!("WORKPLAN_DIST={raw} is not readable ({e}); run `cargo xtask dist`")
    })
}

/// `file://` URL of the built app, percent-encoded the way Chromium reports it.
pub fn dist_url() -> String {
    file_url(&dist_path())
}

/// `file://` URL for an absolute path.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &b in path.to_string_lossy().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Navigates to the app and waits (10 s) until it has mounted (`#app[data-ready="true"]`).
pub fn open_app(s: &Session) {
    s.goto(&dist_url());
    wait_ready(s);
}

/// Waits (10 s) for `#app[data-ready="true"]`; on timeout panics with the console log.
pub fn wait_ready(s: &Session) {
    let cond = r#"document.querySelector('#app[data-ready="true"]') !== null"#;
    if !s.poll_until(cond, Duration::from_secs(10)) {
        let log: Vec<String> = s
            .browser_log()
            .iter()
            .map(|e| format!("{} {}", e.level, e.message))
            .collect();
        panic!(
            "app did not become ready (#app[data-ready=\"true\"]) within 10 s; console: {log:#?}"
        );
    }
}

/// Chooses 本部门 through the toolbar select (value + bubbling `change`).
pub fn choose_unit(s: &Session, unit: &str) {
    let ok = s.execute(
        "const sel = document.querySelector('select#my-unit');
         if (![...sel.options].some(o => o.value === arguments[0])) return false;
         sel.value = arguments[0];
         sel.dispatchEvent(new Event('change', {bubbles: true}));
         return true;",
        vec![serde_json::Value::from(unit)],
    );
    assert_eq!(ok, true, "select#my-unit has no option {unit:?}");
}

/// After files were picked, dropped or pasted: when the import preview opens, confirms it
/// (确认合并) and waits for it to close; when nothing was to merge (a refused file, nothing
/// new), the page shows notices instead and nothing is clicked.
pub fn confirm_import(s: &Session) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let seen = s.execute(
            "return document.querySelector('#import-preview') ? 'preview'
                 : document.querySelector('.notice') ? 'notice' : '';",
            vec![],
        );
        match seen.as_str() {
            Some("preview") => break,
            Some("notice") => return,
            _ if std::time::Instant::now() > deadline => {
                panic!("no import preview or notice within 10 s")
            }
            _ => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    s.find("#import-confirm").click();
    if !s.poll_until(
        "!document.querySelector('#import-preview')",
        std::time::Duration::from_secs(10),
    ) {
        let shown = s.execute(
            "return document.querySelector('#import-preview').outerHTML.slice(0, 3000);",
            vec![],
        );
        panic!("the import preview stayed open after 确认合并: {shown}");
    }
}

/// `location.hash` once the app has written it: it writes after the frame showing a change is
/// painted, from a task queued in that frame before this one's.
pub fn written_hash(s: &Session) -> String {
    let hash = s.execute_async(
        "const done = arguments[arguments.length - 1];
         requestAnimationFrame(() => setTimeout(() => done(location.hash), 0));",
        vec![],
    );
    hash.as_str().unwrap_or_default().to_string()
}
