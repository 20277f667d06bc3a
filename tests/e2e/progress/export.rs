//! The export reminder: changes older than three days that were never exported are flagged until 导出数据.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

const DAY_MS: i64 = 86_400_000;

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
         const doc = JSON.parse(localStorage.getItem('workplan:v1:doc'));
         const settings = JSON.parse(localStorage.getItem('workplan:v1:settings'));
         if (!doc || !settings) return [!!doc, !!settings];
         doc.progress.tasks['2'] = Object.assign(doc.progress.tasks['2'] || {},
             { status: { value: 'Done', stamp: { at: now - 5 * arguments[0], replica: 'x' } } });
         settings.last_export_at = now - 10 * arguments[0];
         localStorage.setItem('workplan:v1:doc', JSON.stringify(doc));
         localStorage.setItem('workplan:v1:settings', JSON.stringify(settings));
         return true;",
        vec![Value::from(DAY_MS)],
    );
    assert_eq!(
        stored, true,
        "stored (doc, settings) present after opening: {stored}"
    );
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
        "return JSON.parse(localStorage.getItem('workplan:v1:settings')).last_export_at;",
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
