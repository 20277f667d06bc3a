//! The export reminder: changes older than three days that were never exported are flagged until 导出数据.

use serde_json::Value;
use workplan::model::{PlanId, ReplicaId, Stamp, Status, TaskId};
use workplan::snapshot::encode_progress;

use super::support::*;
use crate::library::support::stored_progress_of;
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

    // A change made five days ago, never exported: stored as the app stores it.
    let replica = s.execute(
        "const t = localStorage.getItem('workplan:settings'); return t && JSON.parse(t).replica;",
        vec![],
    );
    let replica = replica.as_str().expect("workplan:settings after opening");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let mut progress = stored_progress_of(&s, PLAN_ID).unwrap_or_default();
    let stamp = Stamp {
        at: now - 5 * DAY_MS,
        n: 0,
        by: None,
        replica: ReplicaId(replica.into()),
    };
    progress
        .task_mut(TaskId(2))
        .set_status(Some(Status::Done), &stamp);
    let text = encode_progress(&PlanId(PLAN_ID.into()), &progress);
    let stored = s.execute(
        "const [pk, text, at] = arguments;
         const settings = JSON.parse(localStorage.getItem('workplan:settings'));
         settings.last_export_at = at;
         localStorage.setItem(pk, text);
         localStorage.setItem('workplan:settings', JSON.stringify(settings));
         return true;",
        vec![
            Value::from(format!("workplan:progress:{PLAN_ID}")),
            Value::from(text),
            Value::from(now - 10 * DAY_MS),
        ],
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
        info.trim().starts_with("上次导出") && !info.contains('年'),
        ".export-info after export, this year's date without the year: {info:?}"
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
