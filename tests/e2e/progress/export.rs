//! The export reminder: changes older than three days that were never exported are flagged until 导出数据.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

const DAY_MS: i64 = 86_400_000;

/// Id of the embedded 2023 plan (its keys are `workplan:plan:<id>`, `workplan:progress:<id>`).
const PLAN_ID: &str = "plan-d046933b05f415f1";

#[test]
fn stale_unexported_changes_show_reminder_until_export() {
    let s = Session::new();
    open_app(&s);
    assert!(
        s.find_all(".export-reminder").is_empty(),
        "no reminder on a fresh page"
    );
    assert_eq!(
        s.find(".export-info").text().trim(),
        "尚未导出过",
        ".export-info on a fresh page"
    );

    let stored = s.execute(
        "const now = Date.now();
         const pk = 'workplan:progress:' + arguments[1];
         const stored = JSON.parse(localStorage.getItem(pk) || 'null');
         const settings = JSON.parse(localStorage.getItem('workplan:settings') || 'null');
         if (!settings) return 'no workplan:settings after opening';
         const doc = stored || { format: 'workplan-progress', version: 1, plan: arguments[1], progress: { tasks: {} } };
         doc.progress.tasks['2'] = Object.assign(doc.progress.tasks['2'] || {},
             { status: { value: 'Done', stamp: { at: now - 5 * arguments[0], replica: settings.replica } } });
         settings.last_export_at = now - 10 * arguments[0];
         localStorage.setItem(pk, JSON.stringify(doc));
         localStorage.setItem('workplan:settings', JSON.stringify(settings));
         return true;",
        vec![Value::from(DAY_MS), Value::from(PLAN_ID)],
    );
    assert_eq!(stored, true, "prepare a 5-day-old change: {stored}");
    s.refresh();
    wait_ready(&s);

    assert_eq!(
        status_of(&s, 2),
        "done",
        "the prepared 5-day-old change is loaded"
    );
    let reminder = s.find_all(".export-reminder");
    assert_eq!(
        reminder.len(),
        1,
        ".export-reminder count with a 5-day-old unexported change"
    );
    assert!(reminder[0].is_displayed(), ".export-reminder is visible");
    let text = reminder[0].text();
    assert!(
        text.contains('5'),
        ".export-reminder names 5 days: {text:?}"
    );
    let info = s.find(".export-info").text();
    assert!(
        info.trim().starts_with("上次导出"),
        ".export-info before export: {info:?}"
    );

    let before = js(&s, "return Date.now();").as_i64().expect("now");
    click(&s, "#export");
    if !s.poll_until("!document.querySelector('.export-reminder')", T) {
        panic!(
            ".export-reminder still shown after 导出数据: {:?}",
            s.find(".export-reminder").text()
        );
    }
    let info = s.find(".export-info").text();
    assert!(
        info.trim().starts_with("上次导出"),
        ".export-info after export: {info:?}"
    );
    let last = js(
        &s,
        "return JSON.parse(localStorage.getItem('workplan:settings')).last_export_at;",
    );
    assert!(
        last.as_i64().is_some_and(|t| t >= before),
        "stored last_export_at {last} is not the export just made (>= {before})"
    );

    s.refresh();
    wait_ready(&s);
    assert!(
        s.find_all(".export-reminder").is_empty(),
        "no reminder after export and reload"
    );
}
