//! A 1 MB progress (many log entries) is embedded in a saved copy and shows whole in a fresh browser.

use serde_json::Value;
use workplan::model::{Date, ItemId, PlanId, Progress, ReplicaId, Stamp, TaskId, UnitId};
use workplan::snapshot::encode_progress;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

/// Log entries per task, over all 19 tasks.
const PER_TASK: u32 = 60;

/// The text of entry `i` of task `task` (about 900 bytes).
fn entry_text(task: u32, i: u32) -> String {
    format!(
        "任务{task}第{i}条：{}",
        "组织开展法治宣传教育进机关进乡村进社区进学校进企业进单位活动，".repeat(9)
    )
}

/// The stored value of a progress with [`PER_TASK`] entries on every task, about 1 MB.
fn big_progress() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let mut progress = Progress::default();
    for task in 1..=19u32 {
        for i in 0..PER_TASK {
            let stamp = Stamp {
                at: now - 3_600_000 + i64::from(task * 1000 + i),
                n: 0,
                by: Some(UnitId("办公室".into())),
                replica: ReplicaId("big-pc".into()),
            };
            let day = Date::new(2023, 1 + (i % 12) as u8, 1 + (i % 28) as u8).expect("date");
            progress
                .task_mut(TaskId(task))
                .add_log(
                    ItemId(format!("big-pc.{task}.{i}")),
                    day,
                    &entry_text(task, i),
                    &stamp,
                )
                .expect("log entry");
        }
    }
    let text = encode_progress(&PlanId(DEFAULT_ID.into()), &progress);
    assert!(text.len() >= 1_000_000, "progress is {} bytes", text.len());
    text
}

/// Number of log entries task `n` shows, and whether entry 0 and the last one are there.
fn shown_entries(s: &Session, n: u32) -> (u64, bool) {
    crate::progress::support::build_report(s, n);
    let v = s.execute(
        "const bodies = [...document.querySelectorAll(`article.task[data-task=\"${arguments[0]}\"] li.log-entry .log-body`)]
                            .map(e => e.textContent.trim());
         return [bodies.length, bodies.includes(arguments[1]) && bodies.includes(arguments[2])];",
        vec![
            Value::from(n),
            Value::from(entry_text(n, 0)),
            Value::from(entry_text(n, PER_TASK - 1)),
        ],
    );
    (v[0].as_u64().unwrap_or(0), v[1] == true)
}

#[test]
fn a_one_megabyte_progress_travels_in_a_copy() {
    let big = big_progress();
    let scratch = Scratch::new("large");
    let a = Session::new();
    let dir = scratch.downloads(&a, "a");
    open_app(&a);
    let stored = a.execute(
        "try { localStorage.setItem('workplan:progress:' + arguments[0], arguments[1]); return true; }
         catch (e) { return String(e); }",
        vec![Value::from(DEFAULT_ID), Value::from(big.as_str())],
    );
    assert_eq!(stored, true, "store the 1 MB progress: {stored}");
    a.refresh();
    wait_ready(&a);
    for n in [1, 10, 19] {
        assert_eq!(
            shown_entries(&a, n),
            (u64::from(PER_TASK), true),
            "task {n} before saving"
        );
    }
    let (path, html) = save_copy(&a, &dir);
    assert!(
        embedded_json(&html).len() >= 1_000_000,
        "the copy's block holds the 1 MB progress ({} bytes)",
        embedded_json(&html).len()
    );
    let bundle = embedded_bundle(&html);
    let logs = bundle["plans"][0]["progress"]["tasks"]["19"]["log"].as_object();
    assert_eq!(
        logs.map(|l| l.len()),
        Some(PER_TASK as usize),
        "task 19's entries in the copy"
    );

    let b = Session::new();
    open_file(&b, &path);
    wait_notice(&b, "已从副本中载入 1 份计划及其进展。");
    for n in [1, 7, 19] {
        assert_eq!(
            shown_entries(&b, n),
            (u64::from(PER_TASK), true),
            "task {n} in the fresh browser"
        );
    }
    assert!(!copy_dialog_shown(&b), "no choice in a fresh browser");
    let warned = notices(&b);
    assert!(
        !warned.contains("无法"),
        "no failure notice for a 1 MB copy: {warned}"
    );
    open_app(&b);
    assert_eq!(shown_entries(&b, 19), (u64::from(PER_TASK), true));
}
