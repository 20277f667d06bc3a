//! Helpers shared by the import-safety tests: hand-made snapshot files, importing one, moving the page's clock, capturing an export, reading storage.

use std::path::{Path, PathBuf};

use serde_json::Value;
use workplan::model::{Plan, Progress, ReplicaId, Stamp, UnitId};
use workplan::parse::parse_plan;
use workplan::snapshot::{Snapshot, encode_pretty};

pub use crate::library::support::{capture_downloads, notices, poll_js, stored_progress_of};
pub use crate::progress::support::{click_status, js, task_view, wait_status};
use crate::webdriver::Session;

/// Id of the embedded 2023 plan.
pub const PLAN_ID: &str = "plan-d046933b05f415f1";
/// One day, in milliseconds.
pub const DAY_MS: i64 = 86_400_000;
/// Five years (of 365 days), in milliseconds: how far the wrong PC's clock runs ahead.
pub const FIVE_YEARS_MS: i64 = 5 * 365 * DAY_MS;

/// `workplan:progress:<id>` of the embedded plan.
pub fn progress_key() -> String {
    format!("workplan:progress:{PLAN_ID}")
}

/// The test machine's clock (the browser's real `Date.now()` agrees with it).
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The embedded 2023 plan, parsed natively (the same plan and id the page shows).
pub fn embedded_plan() -> Plan {
    parse_plan(workplan::DEFAULT_PLAN_TEXT)
        .expect("embedded plan parses")
        .plan
}

/// A stamp at `at` by `unit` in copy `replica`.
pub fn stamp(at: i64, unit: &str, replica: &str) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: Some(UnitId(unit.into())),
        replica: ReplicaId(replica.into()),
    }
}

/// An export file of the embedded plan with `progress`, written at `saved_at`.
pub fn export_of(saved_at: i64, progress: Progress) -> String {
    encode_pretty(&Snapshot {
        saved_at,
        plan: embedded_plan(),
        progress,
    })
}

/// Writes `text` (or bytes) to a fresh file in this run's folder and returns its path.
pub fn write_file(name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    // A folder of its own for each file: tests running side by side write files of the same
    // name, and one must not read another's while it is being rewritten.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("workplan-safety-{}/{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}

/// Closes every notice shown.
pub fn close_notices(s: &Session) {
    js(
        s,
        "document.querySelectorAll('.notice-close').forEach(b => b.click()); return null;",
    );
    assert!(
        poll_js(
            s,
            "return !document.querySelector('.notice-info, .notice-warning');",
            vec![]
        ),
        "notices did not close: {}",
        notices(s)
    );
}

/// Chooses `path` in 导入合并 (`input#import`) after closing earlier notices, waits for the
/// import's notice and returns the text of every notice then shown.
pub fn import(s: &Session, path: &Path) -> String {
    close_notices(s);
    s.find("input#import").send_keys(&path.to_string_lossy());
    crate::webdriver::confirm_import(s);
    let shown = poll_js(
        s,
        "return !!document.querySelector('.notice-info, .notice-warning');",
        vec![],
    );
    assert!(
        shown,
        "no notice after importing {}: {}",
        path.display(),
        notices(s)
    );
    notices(s)
}

/// Moves the page's clock: from now on its `Date.now()` reads the real time plus `offset_ms`
/// (until the page is reloaded).
pub fn set_clock_offset(s: &Session, offset_ms: i64) {
    s.execute(
        "window.__realNow = window.__realNow || Date.now;
         const offset = arguments[0];
         Date.now = () => window.__realNow() + offset;
         return null;",
        vec![Value::from(offset_ms)],
    );
}

/// Clicks 导出数据 and returns the text of the file it offered (downloads are captured first).
pub fn export_file(s: &Session) -> String {
    capture_downloads(s);
    let count = js(s, "return window.__downloads.length;")
        .as_u64()
        .expect("download count");
    crate::progress::support::click(s, "button#export");
    let ok = poll_js(
        s,
        "return window.__downloads.length > arguments[0];",
        vec![Value::from(count)],
    );
    assert!(ok, "导出数据 offered no file; notices: {}", notices(s));
    s.execute(
        "return window.__downloads[arguments[0]];",
        vec![Value::from(count)],
    )
    .as_str()
    .expect("download text")
    .to_owned()
}

/// Every stored `workplan:` key but settings and backups, with its raw value.
pub fn stored_doc(s: &Session) -> Value {
    js(
        s,
        "return Object.keys(localStorage).filter(k => k.startsWith('workplan:')
                     && !k.startsWith('workplan:backup:') && k !== 'workplan:settings')
                 .sort().map(k => [k, localStorage.getItem(k)]);",
    )
}

/// The stored progress of the embedded plan, read as the app reads it and shown as an
/// export file writes it: `{"progress": {"tasks": …}}` (`Null` when absent).
pub fn stored_progress(s: &Session) -> Value {
    match stored_progress_of(s, PLAN_ID) {
        Some(p) => serde_json::json!({ "progress": p }),
        None => Value::Null,
    }
}

/// The stored status stamp's `at` of task `n`, if any.
pub fn stored_status_at(s: &Session, n: u32) -> Option<i64> {
    stored_progress(s)["progress"]["tasks"][n.to_string()]["status"]["stamp"]["at"].as_i64()
}

/// Task `n`'s shown percentage (`aria-valuenow` of its bar).
pub fn percent_shown(s: &Session, n: u32) -> Value {
    task_view(s, n)["percent"].clone()
}
