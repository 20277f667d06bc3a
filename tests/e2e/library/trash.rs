//! The trash never overwrites: a deleted plan restored while the plan is in use again merges into it, and a second deletion keeps the first one's progress.

use super::manage::{click_in_row, open_library, restore_from_trash, wait_plan_count};
use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

/// Deletes plan `id` from 计划管理, confirming.
fn delete(s: &Session, id: &str, plans_left: usize) {
    if !shown(s, "#library-dialog") {
        open_library(s);
    }
    click_in_row(s, id, "button.delete-plan");
    click(s, "#library-dialog button.confirm-delete");
    wait_plan_count(s, plans_left);
    close_library(s);
}

/// Closes 计划管理 if it is still open.
fn close_library(s: &Session) {
    if shown(s, "#library-dialog") {
        close_dialog(s, "#library-dialog");
    }
}

/// Brings back the embedded plan with 恢复内置计划 and shows it.
fn restore_embedded(s: &Session) {
    open_library(s);
    click(s, "#library-dialog button#restore-default");
    wait_plan_count(s, 2);
    close_library(s);
    switch_plan(s, DEFAULT_ID);
}

/// With a second plan in the library, deletes the embedded plan, adds it again as published
/// and marks its task 3 滞后.
fn delete_and_work_on_it_added_again(s: &Session) {
    create_plan(s, SAMPLE, SAMPLE_TITLE);
    delete(s, DEFAULT_ID, 1);
    restore_embedded(s);
    click_status(s, 3, "lagging");
    wait_status(s, 3, "lagging");
}

#[test]
fn restoring_a_deleted_plan_in_use_again_merges_and_twice_deleted_keeps_both() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 2, "done");
    wait_status(&s, 2, "done");
    // The plan is added again and worked on; the old copy still waits in the trash.
    delete_and_work_on_it_added_again(&s);
    restore_from_trash(&s, DEFAULT_ID);
    wait_status(&s, 2, "done");
    assert_eq!(
        status_of(&s, 3),
        "lagging",
        "the work on the copy in use stays"
    );

    // Deleted twice: the second deletion keeps the first one's progress as well.
    close_library(&s);
    delete(&s, DEFAULT_ID, 1);
    restore_embedded(&s);
    click_status(&s, 4, "in-progress");
    wait_status(&s, 4, "in-progress");
    delete(&s, DEFAULT_ID, 1);
    restore_from_trash(&s, DEFAULT_ID);
    wait_plan_count(&s, 2);
    close_library(&s);
    switch_plan(&s, DEFAULT_ID);
    s.refresh();
    wait_ready(&s);
    switch_plan(&s, DEFAULT_ID);
    for (n, status) in [(2, "done"), (3, "lagging"), (4, "in-progress")] {
        assert_eq!(status_of(&s, n), status, "task {n} after both deletions");
    }
}

#[test]
fn restoring_over_a_version_that_reads_differently_swaps_them() {
    let s = Session::new();
    open_app(&s);
    // The plan gets a task of its own (20) with progress, then is deleted.
    enter_edit(&s);
    super::editor::start_task(&s, 1, "本机新增的任务");
    super::editor::save_task(&s);
    leave_edit(&s);
    click_status(&s, 20, "done");
    wait_status(&s, 20, "done");
    // The plan comes back as it was published (no task 20), then the deleted one is restored.
    delete_and_work_on_it_added_again(&s);
    restore_from_trash(&s, DEFAULT_ID);
    wait_status(&s, 20, "done");
    assert_eq!(
        card_ids(&s).len(),
        20,
        "the deleted version, with its own task, is back"
    );
    assert_eq!(
        status_of(&s, 3),
        "lagging",
        "the work on the other version stays"
    );
    assert!(
        notices(&s).contains("已移入回收站"),
        "the notice says where the other version went: {}",
        notices(&s)
    );
    close_library(&s);
    open_library(&s);
    wait_shown(
        &s,
        &format!(r#"#library-dialog li.trashed-plan[data-plan="{DEFAULT_ID}"]"#),
    );
}

#[test]
fn deleting_again_keeps_the_earlier_deleted_version_as_a_backup() {
    let s = Session::new();
    open_app(&s);
    enter_edit(&s);
    super::editor::start_task(&s, 1, "只在旧版本里的任务");
    super::editor::save_task(&s);
    leave_edit(&s);
    create_plan(&s, SAMPLE, SAMPLE_TITLE);
    delete(&s, DEFAULT_ID, 1);
    restore_embedded(&s);
    delete(&s, DEFAULT_ID, 1);
    assert!(
        notices(&s).contains("已连同其进展另存为备份"),
        "the notice says where the earlier version went: {}",
        notices(&s)
    );
    let kept = s.execute(
        "return Object.keys(localStorage).filter(k => k.startsWith('workplan:backup:'))
                 .some(k => localStorage.getItem(k).includes('只在旧版本里的任务'));",
        vec![],
    );
    assert_eq!(kept, true, "the earlier version's task list is kept");
}
