//! Helpers of the reporting tests: writing a unit's report, the storage signature, picking
//! several files at once, and reading CSV back.

use std::path::PathBuf;

use serde_json::Value;

pub use crate::carry::support::{Scratch, download_by};
pub use crate::library::support::{click_notice_action, notices, poll_js, wait_hidden, wait_shown};
pub use crate::progress::support::{
    click, click_status, js, open_report, set_field, status_of, wait_status,
};
use crate::webdriver::Session;

/// Writes 本部门's three-part report on task `n` for the reporting month.
pub fn write_report(s: &Session, n: u32, progress: &str, problems: &str, next: &str) {
    open_report(s, n);
    set_field(s, n, "textarea.report-progress", progress);
    set_field(s, n, "textarea.report-problems", problems);
    set_field(s, n, "textarea.report-next", next);
}

/// Every `workplan:` key of storage with its value, sorted: what "the state" is.
pub fn signature(s: &Session) -> Value {
    js(
        s,
        "return Object.keys(localStorage).filter(k => k.startsWith('workplan:')).sort()
                 .map(k => [k, localStorage.getItem(k)]);",
    )
}

/// Every task's status as shown, by task number.
pub fn statuses(s: &Session) -> Value {
    js(
        s,
        "return [...document.querySelectorAll('article.task')].map(a => [a.dataset.task, a.dataset.status]);",
    )
}

/// Picks `paths` in 导入合并 in one go and waits for the preview.
pub fn pick_files(s: &Session, paths: &[PathBuf]) {
    let joined = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    s.find("input#import").send_keys(&joined);
    wait_shown(s, "#import-preview");
}

/// The shown task count of the list (`显示 n / m 项`).
pub fn shown_count(s: &Session) -> usize {
    let text = js(
        s,
        "return document.querySelector('.result-count').textContent;",
    );
    let text = text.as_str().unwrap_or_default();
    text.trim_start_matches("显示 ")
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {text:?}"))
}

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF rows, line breaks inside quotes).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the table ends with CRLF"
    );
    rows
}

/// The report text of `unit` for this month, made natively from what the page stored.
pub fn expected_report(s: &Session, unit: &str) -> String {
    use workplan::model::{Date, Month, StateCache, UnitId, report_text};
    use workplan::snapshot::{decode_plan, decode_progress};
    let got = js(
        s,
        "const id = JSON.parse(localStorage.getItem('workplan:settings')).active_plan;
         const d = new Date();
         return [localStorage.getItem('workplan:plan:' + id), localStorage.getItem('workplan:progress:' + id),
                 d.getFullYear(), d.getMonth() + 1, d.getDate()];",
    );
    let plan = decode_plan(got[0].as_str().unwrap_or_default()).expect("stored plan");
    let progress =
        decode_progress(&plan.id, got[1].as_str().unwrap_or_default()).expect("stored progress");
    let n = |i: usize| got[i].as_i64().unwrap_or_default();
    let today = Date::new(n(2) as i32, n(3) as u8, n(4) as u8).expect("today");
    let states = StateCache::build(&plan, &progress, today);
    report_text(
        &plan,
        &progress,
        &states,
        &UnitId(unit.into()),
        Month::of(today),
    )
}
