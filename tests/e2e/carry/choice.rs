//! A copy opened where this browser holds a diverged state of its plan asks first: 合并 previews as an import and gives the union with a backup to undo it, 使用副本中的数据 replaces after a backup, 保留本机数据 changes nothing; none asks twice.

use std::path::PathBuf;

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app};

/// Saves a copy in which task 3 is done; returns its path (in `scratch`).
fn copy_with_task3_done(scratch: &Scratch) -> PathBuf {
    let a = Session::new();
    let dir = scratch.downloads(&a, "a");
    open_app(&a);
    click_status(&a, 3, "done");
    wait_status(&a, 3, "done");
    save_copy(&a, &dir).0
}

/// A fresh browser in which task 5 was marked lagging in the plain app.
fn diverged_browser() -> Session {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 5, "lagging");
    wait_status(&s, 5, "lagging");
    assert!(
        poll_js(
            &s,
            "return localStorage.getItem('workplan:progress:' + arguments[0]) !== null;",
            vec![Value::from(DEFAULT_ID)],
        ),
        "the local change is stored"
    );
    s
}

/// Opens the copy and waits for the choice, which must list the plan as diverged.
fn open_and_expect_choice(s: &Session, copy: &std::path::Path) {
    open_file(s, copy);
    if !poll_js(
        s,
        "return !!document.querySelector('#copy-dialog');",
        vec![],
    ) {
        panic!(
            "#copy-dialog did not appear; task 3 {:?}, task 5 {:?}; notices: {}",
            status_of(s, 3),
            status_of(s, 5),
            notices(s)
        );
    }
    wait_shown(s, "#copy-dialog");
    assert_eq!(
        s.find("#copy-dialog").attr("role").as_deref(),
        Some("dialog"),
        "#copy-dialog role"
    );
    assert_eq!(
        copy_plans(s),
        vec![(DEFAULT_ID.to_owned(), "diverged".to_owned())],
        "li.copy-plan rows"
    );
    for (id, label) in [
        ("copy-merge", "合并（推荐）"),
        ("copy-use", "使用副本中的数据"),
        ("copy-keep", "保留本机数据"),
    ] {
        let text = s.find(&format!("button#{id}")).property("textContent");
        assert_eq!(text.as_str().map(str::trim), Some(label), "button#{id}");
    }
    // Nothing is taken in before the choice.
    assert_ne!(
        status_of(s, 3),
        "done",
        "the copy's change waits for the choice"
    );
    assert_eq!(
        status_of(s, 5),
        "lagging",
        "the local change stays until the choice"
    );
}

#[test]
fn merge_previews_then_gives_the_union_with_a_backup_and_is_not_asked_again() {
    let scratch = Scratch::new("merge");
    let copy = copy_with_task3_done(&scratch);
    let s = diverged_browser();
    open_and_expect_choice(&s, &copy);

    click(&s, "button#copy-merge");
    wait_hidden(&s, "#copy-dialog");
    // As an import: the preview first, then the merge with its backup and 撤销导入.
    wait_shown(&s, "#import-preview");
    let previewed = s.find("#import-preview .preview-file").attr("data-file");
    assert_eq!(
        previewed.as_deref(),
        Some("带数据的副本"),
        "the preview names the copy"
    );
    crate::webdriver::confirm_import(&s);
    wait_status(&s, 3, "done");
    wait_status(&s, 5, "lagging");
    wait_notice(&s, "已合并“带数据的副本”");
    assert!(
        notices(&s).contains("可以撤销"),
        "the merge can be undone: {}",
        notices(&s)
    );
    assert_eq!(
        stored_keys(&s, "workplan:import:").len(),
        1,
        "a backup of what the merge changed is kept"
    );
    assert!(
        stored_json(&s, "workplan:settings")["handled_copies"]
            .as_array()
            .is_some_and(|l| !l.is_empty()),
        "settings remember the handled copy: {}",
        stored_json(&s, "workplan:settings")
    );

    s.refresh();
    wait_ready_and_settle(&s);
    wait_status(&s, 3, "done");
    wait_status(&s, 5, "lagging");
    assert!(!copy_dialog_shown(&s), "the same copy does not ask again");

    open_app(&s);
    wait_status(&s, 3, "done");
    wait_status(&s, 5, "lagging");
}

#[test]
fn use_copy_replaces_after_a_backup_and_keep_local_changes_nothing() {
    let scratch = Scratch::new("use-keep");
    let copy = copy_with_task3_done(&scratch);

    let s = diverged_browser();
    open_and_expect_choice(&s, &copy);
    click(&s, "button#copy-use");
    wait_hidden(&s, "#copy-dialog");
    wait_status(&s, 3, "done");
    assert_ne!(status_of(&s, 5), "lagging", "the local change is replaced");
    let backups = stored_keys(&s, "workplan:backup:");
    assert_eq!(
        backups.len(),
        1,
        "one backup of the local data: {backups:?}"
    );
    let backup = stored_json(&s, &backups[0]);
    assert_eq!(
        backup["plan"]["id"], DEFAULT_ID,
        "backup is an export: {backup}"
    );
    assert!(
        backup["format"].is_string(),
        "backup has a format: {backup}"
    );
    assert_eq!(
        backup["progress"]["tasks"]["5"]["status"]["value"], "Lagging",
        "the backup holds the local change"
    );
    s.refresh();
    wait_ready_and_settle(&s);
    assert!(!copy_dialog_shown(&s), "the same copy does not ask again");
    wait_status(&s, 3, "done");
    assert_ne!(status_of(&s, 5), "lagging", "after reload too");

    let k = diverged_browser();
    let stored_before = stored_json(&k, &format!("workplan:progress:{DEFAULT_ID}"));
    open_and_expect_choice(&k, &copy);
    click(&k, "button#copy-keep");
    wait_hidden(&k, "#copy-dialog");
    assert_eq!(
        status_of(&k, 5),
        "lagging",
        "保留本机数据 keeps the local change"
    );
    assert_ne!(
        status_of(&k, 3),
        "done",
        "保留本机数据 takes nothing from the copy"
    );
    assert_eq!(
        stored_json(&k, &format!("workplan:progress:{DEFAULT_ID}")),
        stored_before,
        "the stored progress is unchanged"
    );
    assert!(
        stored_keys(&k, "workplan:backup:").is_empty(),
        "no backup for 保留本机数据"
    );
    k.refresh();
    wait_ready_and_settle(&k);
    assert!(!copy_dialog_shown(&k), "the same copy does not ask again");
    assert_eq!(status_of(&k, 5), "lagging");
    assert_ne!(status_of(&k, 3), "done");
}

/// Waits for the app, then a moment for a start-up dialog to open if it were going to.
fn wait_ready_and_settle(s: &Session) {
    crate::webdriver::wait_ready(s);
    std::thread::sleep(std::time::Duration::from_millis(300));
}
