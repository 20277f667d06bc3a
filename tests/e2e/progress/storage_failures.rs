//! Storage that fails: a full quota keeps edits on the page and says so; damaged stored data is backed up, not lost.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

/// Fills localStorage with `junk-<i>` keys until not even one character fits; returns how many.
fn fill_storage(s: &Session) -> u64 {
    let n = js(
        s,
        "let i = 0;
         for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
           const v = 'x'.repeat(size);
           for (;;) { try { localStorage.setItem('junk-' + i, v); i++; } catch (e) { break; } }
         }
         return i;",
    );
    n.as_u64().expect("junk count")
}

fn clear_junk(s: &Session) {
    js(
        s,
        "Object.keys(localStorage).filter(k => k.startsWith('junk-')).forEach(k => localStorage.removeItem(k)); return null;",
    );
}

#[test]
fn full_storage_keeps_edits_on_page_and_saves_once_space_returns() {
    let s = Session::new();
    open_app(&s);
    let n = fill_storage(&s);
    assert!(
        n > 0,
        "sanity: some junk was stored before the quota ran out"
    );
    let full = js(
        &s,
        "try { localStorage.setItem('junk-probe', 'xxxxxxxx'); localStorage.removeItem('junk-probe'); return false; } catch (e) { return e.name; }",
    );
    assert_eq!(full, "QuotaExceededError", "sanity: storage is full");

    click_status(&s, 14, "done");
    wait_status(&s, 14, "done");
    if !s.poll_until("!!document.querySelector('.save-error')", T) {
        let notices = js(
            &s,
            "return document.querySelector('.notices')?.textContent ?? null;",
        );
        panic!("no .save-error after an edit with storage full; notices: {notices}");
    }
    let err = s.find(".save-error");
    assert!(err.is_displayed(), ".save-error is visible");
    assert_eq!(
        err.attr("role").as_deref(),
        Some("alert"),
        ".save-error role"
    );
    let has_export = err
        .find_all("button")
        .iter()
        .any(|b| b.text().trim() == "立即导出");
    assert!(
        has_export,
        ".save-error offers 立即导出; text: {:?}",
        err.text()
    );
    assert_eq!(status_of(&s, 14), "done", "the unsaved edit is still shown");

    clear_junk(&s);
    click_status(&s, 15, "lagging");
    wait_status(&s, 15, "lagging");
    if !s.poll_until("!document.querySelector('.save-error')", T) {
        panic!("'.save-error' still shown after space was freed and another edit saved");
    }

    s.refresh();
    wait_ready(&s);
    let (t14, t15) = (task_view(&s, 14), task_view(&s, 15));
    assert_eq!(
        t14["status"], "done",
        "task 14 (edited while full) after reload: {t14}"
    );
    assert_eq!(t15["status"], "lagging", "task 15 after reload: {t15}");
}

/// Id of the embedded 2023 plan.
const PLAN_ID: &str = "plan-d046933b05f415f1";

/// `workplan:progress:<id>` of the embedded plan.
fn progress_key() -> String {
    format!("workplan:progress:{PLAN_ID}")
}

/// `workplan:plan:<id>` of the embedded plan.
fn plan_key() -> String {
    format!("workplan:plan:{PLAN_ID}")
}

/// Stores `raw` under `key` before the app reads it, reloads, and checks the app opens
/// with a warning naming a backup key that holds exactly `raw`. Returns the warning text.
fn reload_with_stored(key: &str, raw: &str) -> String {
    let s = Session::new();
    open_app(&s);
    s.execute(
        "localStorage.setItem(arguments[0], arguments[1]); return null;",
        vec![Value::from(key), Value::from(raw)],
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(task_count(&s), 19, "tasks rendered with damaged {key}");

    let warnings = js(
        &s,
        "return [...document.querySelectorAll('.notice-warning')].map(e => e.textContent);",
    );
    let warning = warnings
        .as_array()
        .and_then(|w| {
            w.iter()
                .filter_map(Value::as_str)
                .find(|t| t.contains("workplan:backup:"))
        })
        .unwrap_or_else(|| {
            panic!(
                "damaged {key}: no .notice-warning naming workplan:backup:; warnings: {warnings}"
            )
        })
        .to_owned();
    assert!(
        s.find(".notice-warning").is_displayed(),
        ".notice-warning is visible"
    );
    let backups = s.execute(
        "return Object.keys(localStorage).filter(k => k.startsWith('workplan:backup:'))
                 .map(k => [k, localStorage.getItem(k) === arguments[0]]);",
        vec![Value::from(raw)],
    );
    let holders: Vec<&str> = backups
        .as_array()
        .expect("array")
        .iter()
        .filter(|b| b[1] == true)
        .filter_map(|b| b[0].as_str())
        .collect();
    assert_eq!(
        holders.len(),
        1,
        "backup keys holding the raw text exactly: {backups}"
    );
    assert!(
        warning.contains(holders[0]),
        "warning names the backup key {}: {warning:?}",
        holders[0]
    );

    // The app still works and saves: an edit survives a reload, and the backup stays.
    click_status(&s, 16, "done");
    wait_status(&s, 16, "done");
    s.refresh();
    wait_ready(&s);
    assert_eq!(
        status_of(&s, 16),
        "done",
        "an edit after recovery survives reload"
    );
    let kept = s.execute(
        "return localStorage.getItem(arguments[0]) === arguments[1];",
        vec![Value::from(holders[0]), Value::from(raw)],
    );
    assert_eq!(kept, true, "backup {} kept after saving", holders[0]);
    warning
}

#[test]
fn truncated_stored_progress_is_backed_up_and_app_opens() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 2, "done");
    wait_status(&s, 2, "done");
    let stored = js(
        &s,
        &format!("return localStorage.getItem('{}');", progress_key()),
    );
    let stored = stored
        .as_str()
        .unwrap_or_else(|| panic!("{} stored after an edit", progress_key()));
    drop(s);
    let cut: String = stored.chars().take(stored.chars().count() / 2).collect();
    reload_with_stored(&progress_key(), &cut);
}

#[test]
fn garbage_stored_plan_is_backed_up_and_app_opens() {
    reload_with_stored(
        &plan_key(),
        "{\"format\":\"workplan-plan\",\"version\":1,\"title\":",
    );
}

#[test]
fn garbage_plan_keeps_the_plans_progress() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 4, "lagging");
    wait_status(&s, 4, "lagging");
    js(
        &s,
        &format!(
            "localStorage.setItem('{}', 'not json'); return null;",
            plan_key()
        ),
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(task_count(&s), 19, "tasks rendered with a damaged plan");
    assert_eq!(
        status_of(&s, 4),
        "lagging",
        "the embedded plan shown again still finds its stored progress"
    );
}

#[test]
fn unknown_version_is_backed_up_and_named() {
    let raw = format!(r#"{{"format":"workplan-progress","version":99,"plan":"{PLAN_ID}"}}"#);
    let warning = reload_with_stored(&progress_key(), &raw);
    assert!(
        warning.contains("版本"),
        "warning mentions 版本: {warning:?}"
    );
}

#[test]
fn garbage_settings_do_not_stop_the_app() {
    let s = Session::new();
    open_app(&s);
    js(
        &s,
        "localStorage.setItem('workplan:settings', 'not json'); return null;",
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(task_count(&s), 19, "tasks rendered with garbage settings");
    let backup = js(
        &s,
        "return Object.keys(localStorage).some(k => k.startsWith('workplan:backup:') && localStorage.getItem(k) === 'not json');",
    );
    assert_eq!(
        backup, true,
        "the unreadable settings text is kept under a workplan:backup: key"
    );

    choose_unit(&s, MY_UNIT);
    click_status(&s, 3, "lagging");
    wait_status(&s, 3, "lagging");
    let settings = js(
        &s,
        "return JSON.parse(localStorage.getItem('workplan:settings'));",
    );
    assert_eq!(
        settings["my_unit"], MY_UNIT,
        "settings rewritten as JSON: {settings}"
    );
    assert_eq!(
        settings["format"], "workplan-settings",
        "settings rewritten in their envelope: {settings}"
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(
        js(&s, "return document.querySelector('select#my-unit').value;"),
        MY_UNIT
    );
    assert_eq!(status_of(&s, 3), "lagging", "task 3 after reload");
}
