//! A store written by the version-1 app (`workplan:v1:doc`, `workplan:v1:settings`) moves to the per-plan keys at start-up, losing nothing.

use workplan::model::TaskId;

use super::support::*;
use crate::webdriver::{Session, wait_ready};

/// The version-1 document of the 2023 plan with progress on tasks 3 and 17.
const V1_DOC: &str = include_str!("../../fixtures/snapshots/v1-2023-progress.json");

/// Version-1 settings: plain JSON.
const V1_SETTINGS: &str = r#"{"my_unit":"办公室","replica":"v1pc","last_export_at":null}"#;

/// The migrated progress shows: task 3 in progress at 40 % with its log entry and
/// 办公室's part, task 17 done with its first measure checked.
fn assert_v1_progress(s: &Session, when: &str) {
    wait_status(s, 3, "in-progress");
    let t3 = task_view(s, 3);
    assert_eq!(t3["percent"], "40", "{when}: task 3's bar: {t3}");
    assert_eq!(
        t3["logs"],
        serde_json::json!(["完成网站三审三校制度修订"]),
        "{when}: task 3's log: {t3}"
    );
    assert_eq!(
        t3["parts"]["办公室"], "in-progress",
        "{when}: 办公室's part of task 3: {t3}"
    );
    let t17 = task_view(s, 17);
    assert_eq!(t17["status"], "done", "{when}: task 17: {t17}");
    assert_eq!(
        t17["measures"]["seed-17-1"]["checked"], true,
        "{when}: task 17's first measure: {t17}"
    );
    assert_eq!(
        js(s, "return document.querySelector('select#my-unit').value;"),
        "办公室",
        "{when}: 本部门"
    );
}

#[test]
fn a_version_1_store_is_migrated_to_per_plan_keys() {
    let s = Session::new();
    seed_storage_and_open(
        &s,
        &[
            ("workplan:v1:doc", V1_DOC),
            ("workplan:v1:settings", V1_SETTINGS),
        ],
    );
    wait_h1(&s, DEFAULT_TITLE);
    assert_v1_progress(&s, "after migration");

    let all = stored_keys(&s, "workplan:");
    assert!(
        !all.iter().any(|k| k.starts_with("workplan:v1:")),
        "the version-1 keys are removed: {all:?}"
    );
    assert!(
        !all.iter().any(|k| k.starts_with("workplan:backup:")),
        "a readable version-1 store needs no backup: {all:?}"
    );
    let plan = stored_json(&s, &format!("workplan:plan:{DEFAULT_ID}"));
    assert_eq!(plan["format"], "workplan-plan", "plan envelope: {all:?}");
    assert_eq!(plan["version"], 1, "plan envelope version");
    assert_eq!(plan["title"], DEFAULT_TITLE, "plan envelope title");
    assert_eq!(plan["tasks"], 19, "plan envelope task count");
    let progress = stored_json(&s, &format!("workplan:progress:{DEFAULT_ID}"));
    assert_eq!(
        progress["format"], "workplan-progress",
        "progress envelope: {all:?}"
    );
    assert_eq!(progress["version"], 2, "progress is stored compactly");
    assert_eq!(
        progress["plan"], DEFAULT_ID,
        "progress envelope names its plan"
    );
    let tasks = stored_progress_of(&s, DEFAULT_ID)
        .expect("stored progress")
        .tasks;
    assert!(
        tasks.contains_key(&TaskId(3)) && tasks.contains_key(&TaskId(17)),
        "stored progress has tasks 3 and 17: {progress}"
    );
    let settings = stored_json(&s, "workplan:settings");
    assert_eq!(
        settings["format"], "workplan-settings",
        "settings envelope: {settings}"
    );
    assert_eq!(
        settings["my_unit"], "办公室",
        "settings keep 本部门: {settings}"
    );
    assert_eq!(
        settings["replica"], "v1pc",
        "settings keep the replica id: {settings}"
    );

    // The migrated store is the store now: an edit lands in the new keys and survives reload.
    click_status(&s, 5, "lagging");
    wait_status(&s, 5, "lagging");
    s.refresh();
    wait_ready(&s);
    assert_v1_progress(&s, "after an edit and reload");
    assert_eq!(status_of(&s, 5), "lagging", "task 5 after reload");
    assert!(
        stored_keys(&s, "workplan:v1:").is_empty(),
        "the version-1 keys do not come back"
    );
}

#[test]
fn a_damaged_version_1_document_is_backed_up_and_the_app_opens() {
    let s = Session::new();
    let cut: String = V1_DOC.chars().take(V1_DOC.chars().count() / 2).collect();
    seed_storage_and_open(&s, &[("workplan:v1:doc", cut.as_str())]);
    wait_h1(&s, DEFAULT_TITLE);
    assert_eq!(card_ids(&s).len(), 19, "the embedded plan is shown");
    let backups = stored_keys(&s, "workplan:backup:");
    let kept: Vec<&String> = backups
        .iter()
        .filter(|k| stored_raw(&s, k).as_deref() == Some(cut.as_str()))
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "one backup holds the damaged text: {backups:?}"
    );
    assert!(
        notices(&s).contains(kept[0].as_str()),
        "a notice names {}: {}",
        kept[0],
        notices(&s)
    );
    assert!(
        stored_keys(&s, "workplan:v1:").is_empty(),
        "the damaged key is cleared once backed up"
    );
}

/// The raw stored text of `key`.
fn stored_raw(s: &Session, key: &str) -> Option<String> {
    s.execute(
        "return localStorage.getItem(arguments[0]);",
        vec![serde_json::Value::from(key)],
    )
    .as_str()
    .map(str::to_owned)
}
