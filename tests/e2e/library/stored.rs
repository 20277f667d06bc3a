//! Helpers for what the library tests read and prepare outside the page: stored keys, captured downloads, a seeded store.

use std::path::PathBuf;

use serde_json::Value;
use workplan::model::{PlanId, Progress};
use workplan::snapshot::decode_progress;

use super::support::{notices, poll_js};
use crate::progress::support::js;
use crate::webdriver::{Session, file_url, open_app};

/// Stored localStorage keys starting with `prefix`, sorted.
pub fn stored_keys(s: &Session, prefix: &str) -> Vec<String> {
    let v = s.execute(
        "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0])).sort();",
        vec![Value::from(prefix)],
    );
    serde_json::from_value(v).expect("key list")
}

/// The stored value of `key`, parsed as JSON (`Null` when absent).
pub fn stored_json(s: &Session, key: &str) -> Value {
    s.execute(
        "const t = localStorage.getItem(arguments[0]); return t === null ? null : JSON.parse(t);",
        vec![Value::from(key)],
    )
}

/// The stored progress of plan `id`, read as the app reads it (`None` when absent); panics
/// when it cannot be read.
pub fn stored_progress_of(s: &Session, id: &str) -> Option<Progress> {
    let key = format!("workplan:progress:{id}");
    let text = js_text(s, &key)?;
    let progress = decode_progress(&PlanId(id.into()), &text)
        .unwrap_or_else(|e| panic!("{key} does not read: {e}"));
    Some(progress)
}

/// The raw stored text of `key`, if any.
fn js_text(s: &Session, key: &str) -> Option<String> {
    s.execute(
        "return localStorage.getItem(arguments[0]);",
        vec![Value::from(key)],
    )
    .as_str()
    .map(str::to_owned)
}

/// Makes every `URL.createObjectURL` blob readable as `window.__downloads` (texts, in order)
/// and keeps the link click from saving a file.
pub fn capture_downloads(s: &Session) {
    js(
        s,
        "if (!window.__downloads) {
           window.__downloads = [];
           const make = URL.createObjectURL;
           URL.createObjectURL = function (b) {
             if (b instanceof Blob) b.text().then(t => window.__downloads.push(t));
             return make.call(URL, b);
           };
           const click = HTMLAnchorElement.prototype.click;
           HTMLAnchorElement.prototype.click = function () {
             if (this.hasAttribute('download')) return;
             return click.call(this);
           };
         }
         return null;",
    );
}

/// Waits for the `n`-th (1-based) captured download and returns it parsed as JSON.
pub fn wait_download(s: &Session, n: usize) -> Value {
    let ok = poll_js(
        s,
        "return (window.__downloads || []).length >= arguments[0];",
        vec![Value::from(n)],
    );
    assert!(ok, "no download #{n} captured; notices: {}", notices(s));
    let text = s.execute(
        "return window.__downloads[arguments[0] - 1];",
        vec![Value::from(n)],
    );
    serde_json::from_str(text.as_str().expect("download text"))
        .unwrap_or_else(|e| panic!("download #{n} is not JSON ({e}): {text}"))
}

/// A blank page under file:// (it shares the app's localStorage bucket).
fn blank_page() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("workplan-e2e-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("blank.html");
    std::fs::write(&path, "<!doctype html><title>blank</title>").expect("write blank page");
    path
}

/// Replaces every `workplan:` key by `entries` while the app is not open, then opens the app.
pub fn seed_storage_and_open(s: &Session, entries: &[(&str, &str)]) {
    s.goto(&file_url(&blank_page()));
    let pairs: Vec<Value> = entries
        .iter()
        .map(|(k, v)| Value::from(vec![Value::from(*k), Value::from(*v)]))
        .collect();
    s.execute(
        "Object.keys(localStorage).filter(k => k.startsWith('workplan:')).forEach(k => localStorage.removeItem(k));
         for (const [k, v] of arguments[0]) localStorage.setItem(k, v);
         return null;",
        vec![Value::from(pairs)],
    );
    open_app(s);
}
