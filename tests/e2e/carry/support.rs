//! Helpers shared by the carry tests: real downloads into a scratch folder, saving a copy, the embedded block, synthetic exports, dropped files.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub use crate::exports::office_export as export_json;
pub use crate::library::support::{
    DEFAULT_ID, click_notice_action, notices, poll_js, shown, stored_json, stored_keys,
    wait_hidden, wait_shown,
};
pub use crate::progress::support::{click, click_status, js, status_of, task_view, wait_status};
use crate::webdriver::{Session, dist_path, file_url, wait_ready};

/// The opening tag of the embedded data block, as the app writes it.
pub const EMBED_OPEN: &str = r#"<script type="application/json" id="workplan-data">"#;

/// A folder of its own for one test (downloads, written copies); removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(tag: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("workplan-carry-{}-{tag}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    /// Writes `text` to `name` in this folder and returns the path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// A sub-folder for `s`'s downloads: the browser saves files there for real.
    pub fn downloads(&self, s: &Session, name: &str) -> PathBuf {
        let dir = self.0.join(name);
        std::fs::create_dir_all(&dir).expect("download dir");
        s.cdp(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dir.to_string_lossy()}),
        );
        dir
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Finished files in `dir` (no partial `.crdownload`), sorted by name.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| !p.to_string_lossy().ends_with(".crdownload"));
    v.sort();
    v
}

/// Waits (15 s) until `dir` holds a finished file ending in `ext` that is not in `before`.
pub fn wait_new_file(s: &Session, dir: &Path, ext: &str, before: &[PathBuf]) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let partial = std::fs::read_dir(dir)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
            })
            .unwrap_or(false);
        let new = files_in(dir)
            .into_iter()
            .find(|p| !before.contains(p) && p.to_string_lossy().ends_with(ext));
        if let (Some(p), false) = (new, partial) {
            // Let the browser finish renaming and flushing.
            std::thread::sleep(Duration::from_millis(200));
            return p;
        }
        if Instant::now() > deadline {
            panic!(
                "no new *{ext} download in {} within 15 s (files: {:?}); notices: {}",
                dir.display(),
                files_in(dir),
                notices(s)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Clicks `button` and returns the downloaded file (ending in `ext`) and its text.
pub fn download_by(s: &Session, dir: &Path, button: &str, ext: &str) -> (PathBuf, String) {
    let before = files_in(dir);
    click(s, button);
    let path = wait_new_file(s, dir, ext, &before);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    (path, text)
}

/// Clicks 保存带数据的副本 and returns the saved page and its text.
pub fn save_copy(s: &Session, dir: &Path) -> (PathBuf, String) {
    download_by(s, dir, "button#save-copy", ".html")
}

/// Byte range of the embedded block `<script type="application/json" id="workplan-data">…</script>`.
pub fn embed_span(html: &str) -> Option<(usize, usize)> {
    let start = html.find(EMBED_OPEN)?;
    let end = html[start..].find("</script>")? + start + "</script>".len();
    Some((start, end))
}

/// The JSON text inside the embedded block; panics if the page has none.
pub fn embedded_json(html: &str) -> &str {
    let (start, end) = embed_span(html).expect("the saved copy has an embedded data block");
    &html[start + EMBED_OPEN.len()..end - "</script>".len()]
}

/// The embedded bundle, parsed.
pub fn embedded_bundle(html: &str) -> Value {
    let text = embedded_json(html);
    serde_json::from_str(text).unwrap_or_else(|e| panic!("embedded block is not JSON ({e})"))
}

/// The built app's bytes and their FNV-1a hash.
pub fn dist_hash() -> (usize, u64) {
    let bytes = std::fs::read(dist_path()).expect("read dist");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in &bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (bytes.len(), h)
}

/// Opens `path` (a saved copy) and waits until the app is ready.
pub fn open_file(s: &Session, path: &Path) {
    s.goto(&file_url(path));
    wait_ready(s);
}

/// Whether the copy-choice dialog is shown.
pub fn copy_dialog_shown(s: &Session) -> bool {
    shown(s, "#copy-dialog")
}

/// The `(data-plan, data-relation)` of every `li.copy-plan`.
pub fn copy_plans(s: &Session) -> Vec<(String, String)> {
    let v = js(
        s,
        "return [...document.querySelectorAll('#copy-dialog li.copy-plan')]
                 .map(l => [l.dataset.plan, l.dataset.relation]);",
    );
    serde_json::from_value(v).expect("copy-plan rows")
}

/// Dispatches a `drop` of one file (`name`, `mime`, `text`) on the page, as a user dragging
/// it from the file manager would.
pub fn drop_file(s: &Session, name: &str, mime: &str, text: &str) {
    let done = s.execute(
        "const dt = new DataTransfer();
         dt.items.add(new File([arguments[2]], arguments[0], {type: arguments[1]}));
         const over = new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true});
         document.body.dispatchEvent(over);
         const ev = new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true});
         document.body.dispatchEvent(ev);
         return ev.defaultPrevented;",
        vec![Value::from(name), Value::from(mime), Value::from(text)],
    );
    assert_eq!(
        done, true,
        "the page should take the dropped {name} (drop not default-prevented)"
    );
}

/// Waits until some notice contains `part`; panics with the notices shown.
pub fn wait_notice(s: &Session, part: &str) {
    let ok = poll_js(
        s,
        "return [...document.querySelectorAll('.notice')].some(n => n.textContent.includes(arguments[0]));",
        vec![Value::from(part)],
    );
    assert!(ok, "no notice containing {part:?}; notices: {}", notices(s));
}

/// Log bodies shown on task `n` (hidden ones included).
pub fn logs_of(s: &Session, n: u32) -> Vec<String> {
    serde_json::from_value(task_view(s, n)["logs"].clone()).unwrap_or_default()
}

/// Text of `#unsaved-count`.
pub fn unsaved_text(s: &Session) -> String {
    js(
        s,
        "return document.querySelector('#unsaved-count')?.textContent.trim() ?? null;",
    )
    .as_str()
    .unwrap_or("<no #unsaved-count>")
    .to_owned()
}

/// Dispatches a cancelable `beforeunload` on window: `(defaultPrevented, returnValue)`.
pub fn leave_prompted(s: &Session) -> (bool, String) {
    let v = js(
        s,
        "const e = new Event('beforeunload', {cancelable: true});
         window.dispatchEvent(e);
         return [e.defaultPrevented, String(e.returnValue)];",
    );
    (v[0] == true, v[1].as_str().unwrap_or("").to_owned())
}
