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

#[test]
fn restoring_a_deleted_plan_in_use_again_merges_and_twice_deleted_keeps_both() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 2, "done");
    wait_status(&s, 2, "done");
    create_plan(&s, SAMPLE, SAMPLE_TITLE);
    delete(&s, DEFAULT_ID, 1);

    // The plan is added again and worked on; the old copy still waits in the trash.
    restore_embedded(&s);
    click_status(&s, 3, "lagging");
    wait_status(&s, 3, "lagging");
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
