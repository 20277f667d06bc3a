//! A file whose stamps lie far in the future though it was saved now: those stamps rank below every other, the notice names the task, and a local edit made afterwards wins, also after a reload; changes stored with times still to come are pointed out at start.

use workplan::model::{Progress, Status, TaskId};

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app, wait_ready};

/// Saved now by 办公室's PC: task 5 已完成 stamped five years from now; task 6 滞后 stamped now.
fn future_file() -> String {
    let now = now_ms();
    let mut progress = Progress::default();
    progress.task_mut(TaskId(5)).set_status(
        Some(Status::Done),
        &stamp(now + FIVE_YEARS_MS, "办公室", "future-pc"),
    );
    progress
        .task_mut(TaskId(6))
        .set_status(Some(Status::Lagging), &stamp(now, "办公室", "future-pc"));
    export_of(now, progress)
}

/// Asserts that task 5 shows `status` and its stored status stamp does not lie in the future.
fn assert_task5(s: &Session, status: &str, when: &str) {
    assert_eq!(
        task_view(s, 5)["status"],
        status,
        "task 5 {when}: {}",
        task_view(s, 5)
    );
    let at = stored_status_at(s, 5)
        .unwrap_or_else(|| panic!("task 5 {when}: no stored status: {}", stored_progress(s)));
    assert!(
        at <= now_ms() + DAY_MS,
        "task 5 {when}: the stored status stamp {at} lies in the future (now {})",
        now_ms()
    );
}

#[test]
fn a_local_edit_wins_over_stamps_from_the_future() {
    let file = write_file("将来的修改时间.json", future_file());
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "普法与依法治理科");

    let said = import(&s, &file);
    assert!(
        said.contains("已合并") && said.contains("2 项任务有更新"),
        "both tasks merge: {said}"
    );
    assert!(
        said.contains("第 5 项的部分修改时间仍在将来"),
        "the notice names task 5 as having future stamps: {said}"
    );
    assert!(
        !said.contains("时钟比本机快"),
        "the file was saved now, so no clock correction is claimed: {said}"
    );
    assert_eq!(
        task_view(&s, 6)["status"],
        "lagging",
        "task 6 (stamped now) merged"
    );
    assert_task5(&s, "done", "after the import (nothing local to beat it)");

    click_status(&s, 5, "in-progress");
    wait_status(&s, 5, "in-progress");
    assert_task5(&s, "in-progress", "after the local edit");

    s.refresh();
    wait_ready(&s);
    assert_task5(&s, "in-progress", "after the local edit and a reload");

    // The same file again: its future stamp still ranks below the local edit.
    let said = import(&s, &file);
    assert!(
        said.contains("第 5 项的部分修改时间仍在将来"),
        "second import notice: {said}"
    );
    assert_task5(&s, "in-progress", "after importing the file a second time");
}

#[test]
fn changes_stored_with_times_still_to_come_are_pointed_out_at_start() {
    // A PC whose clock ran five years ahead while task 5 was marked, then put right.
    let s = Session::new();
    open_app(&s);
    set_clock_offset(&s, FIVE_YEARS_MS);
    click_status(&s, 5, "done");
    wait_status(&s, 5, "done");
    s.refresh();
    wait_ready(&s);
    let said = notices(&s);
    assert!(
        said.contains("本机数据中有 1 处修改的时间晚于本机现在的时间")
            && said.contains("请核对电脑右下角的日期和时间"),
        "the start says this PC's data has changes from a time to come: {said}"
    );
    assert_eq!(
        crate::progress::support::status_of(&s, 5),
        "done",
        "and the data stays as it is"
    );
}
