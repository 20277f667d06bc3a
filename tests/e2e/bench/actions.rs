//! Timed user actions on a loaded plan: a status click until its progress is saved, 导出数据
//! until the download blob exists, and 导入合并 of a file until the app shows the outcome.

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use super::probe::TASK;
use super::report::{num, summary};
use crate::webdriver::Session;

/// What shows that an import was taken in: the merge preview, or, when nothing is to merge
/// (a plan the library lacks, or nothing new), a notice. The import is timed until it shows;
/// [`imports`] then confirms the preview, so the next file starts clean.
pub const IMPORT_SHOWN: &str = "#import-preview, .notice-info";
/// What shows that an import was refused.
const IMPORT_REFUSED: &str = ".notice-warning";

/// Clicks a status button on rendered card `nth` (one its task does not have yet) and waits
/// for the `setItem` of `key`: `{saved, write, chars, handler}`, ms from the click.
const STATUS_JS: &str = r#"
const [nth, key, task] = arguments, done = arguments[arguments.length - 1];
const b = window.__bench;
const cards = document.querySelectorAll(task);
const card = cards[nth % cards.length];
const to = card.dataset.status === 'done' ? 'lagging' : 'done';
const button = card.querySelector(`button.status-btn[data-status="${to}"]`);
b.writes = [];
const t0 = performance.now();
button.click();
const handler = performance.now() - t0;
const poll = () => {
  const w = b.writes.find((w) => w.key === key);
  if (w) done({ saved: w.end - t0, write: w.end - w.start, chars: w.chars, handler,
                shown: card.dataset.status === to });
  else if (performance.now() - t0 > 20000) done({ error: 'no write of ' + key });
  else setTimeout(poll, 0);
};
poll();
"#;

/// `clicks` status clicks: `{saved_ms, write_ms, chars}` (`write_ms`: inside `setItem` alone).
pub fn status_clicks(s: &Session, progress_key: &str, clicks: usize) -> Value {
    let (mut saved, mut write) = (Vec::new(), Vec::new());
    let mut chars = 0;
    for nth in 0..clicks {
        let r = s.execute_async(
            STATUS_JS,
            vec![json!(nth), json!(progress_key), json!(TASK)],
        );
        assert_eq!(r["shown"], true, "status click {nth}: {r}");
        saved.push(num(&r, "saved"));
        write.push(num(&r, "write"));
        chars = r["chars"].as_u64().unwrap_or(0);
    }
    json!({ "saved_ms": summary(&saved), "write_ms": summary(&write), "progress_chars": chars })
}

/// `times` clicks on 导出数据: `{ms, bytes}`, ms from the click until `URL.createObjectURL`
/// got the blob. The last blob is read back and must be this plan's export.
pub fn exports(s: &Session, tasks: usize, times: usize) -> Value {
    let mut ms = Vec::new();
    let mut bytes = 0;
    for _ in 0..times {
        let r = s.execute(
            "const b = window.__bench; b.blobs = [];
             const t0 = performance.now();
             document.querySelector('#export').click();
             const handler = performance.now() - t0;
             const blob = b.blobs[0];
             return blob ? { ms: blob.at - t0, handler, bytes: blob.size } : { error: 'no blob' };",
            vec![],
        );
        ms.push(num(&r, "ms"));
        bytes = r["bytes"].as_u64().unwrap_or(0);
    }
    let check = s.execute_async(
        "const done = arguments[arguments.length - 1];
         window.__bench.lastBlob.text().then((t) => {
           const d = JSON.parse(t); window.__bench.lastBlob = null;
           done([d.format, d.plan.tasks.length]);
         }, (e) => done(String(e)));",
        vec![],
    );
    assert_eq!(check, json!(["workplan", tasks]), "the exported file");
    json!({ "ms": summary(&ms), "bytes": bytes })
}

/// Imports each file through `input#import`: `{ms, said}`, ms from the input's `change`
/// event until an element matching [`IMPORT_SHOWN`] appeared; `said` is the last outcome's text.
pub fn imports(s: &Session, files: &[impl AsRef<Path>]) -> Value {
    let mut ms = Vec::new();
    let mut said = Value::Null;
    for file in files {
        // Close earlier notices, then (once they are gone) watch for a new outcome.
        s.execute(
            "document.querySelectorAll('.notice-close').forEach((b) => b.click()); return null;",
            vec![],
        );
        s.execute(
            "const [shown, refused] = arguments, b = window.__bench;
             const sel = shown + ', ' + refused;
             const before = new Set(document.querySelectorAll(sel));
             b.changeAt = null; b.imported = null;
             const mo = new MutationObserver(() => {
               const el = [...document.querySelectorAll(sel)].find((e) => !before.has(e));
               if (!el) return;
               mo.disconnect();
               b.imported = { at: performance.now(), ok: el.matches(shown),
                              text: (el.querySelector('span') || el).textContent.trim() };
             });
             mo.observe(document.body, { childList: true, subtree: true, attributes: true });
             return null;",
            vec![json!(IMPORT_SHOWN), json!(IMPORT_REFUSED)],
        );
        s.find("input#import")
            .send_keys(&file.as_ref().to_string_lossy());
        s.wait_until("window.__bench.imported !== null", Duration::from_secs(60));
        let r = s.execute(
            "const b = window.__bench;
             return { ms: b.changeAt === null ? null : b.imported.at - b.changeAt, ok: b.imported.ok, text: b.imported.text };",
            vec![],
        );
        assert_eq!(r["ok"], true, "import of {}: {r}", file.as_ref().display());
        ms.push(num(&r, "ms"));
        crate::webdriver::confirm_import(s);
        said = r["text"].clone();
    }
    json!({ "ms": summary(&ms), "said": said })
}
