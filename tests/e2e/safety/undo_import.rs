//! 撤销导入 undoes only the import: what this browser changed after it (on the imported tasks or others) stays.

use workplan::model::{Progress, Status, TaskId};

use super::support::*;
use crate::library::support::{click_notice_action, wait_shown};
use crate::progress::support::click;
use crate::progress::support::status_of;
use crate::webdriver::{Session, choose_unit, open_app, wait_ready};

#[test]
fn undoing_an_import_keeps_the_changes_made_after_it() {
    let now = now_ms();
    let by = stamp(now - DAY_MS, "暮云司法所", "other-pc");
    let mut progress = Progress::default();
    progress
        .task_mut(TaskId(2))
        .set_status(Some(Status::Done), &by);
    progress
        .task_mut(TaskId(4))
        .set_status(Some(Status::Done), &by);
    let file = write_file("暮云司法所.json", export_of(now, progress));

    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "文源司法所");
    let said = import(&s, &file);
    assert!(said.contains("2 项任务有更新"), "{said}");
    wait_status(&s, 2, "done");
    wait_status(&s, 4, "done");

    // After the import: task 4 changes again here, and so does task 9, which the file lacks.
    click_status(&s, 4, "lagging");
    wait_status(&s, 4, "lagging");
    click_status(&s, 9, "in-progress");
    wait_status(&s, 9, "in-progress");

    click_notice_action(&s, "撤销导入");
    wait_status(&s, 2, "not-started");
    let said = notices(&s);
    assert!(
        said.contains("2 项任务恢复到导入前") && said.contains("1 项保留了导入后本机所做的修改"),
        "the notice says what was kept: {said}"
    );
    assert_eq!(
        status_of(&s, 4),
        "lagging",
        "the later change to task 4 stays"
    );
    assert_eq!(status_of(&s, 9), "in-progress", "task 9 stays");

    s.refresh();
    wait_ready(&s);
    assert_eq!(
        status_of(&s, 2),
        "not-started",
        "task 2's import stays undone after a reload"
    );
    assert_eq!(status_of(&s, 4), "lagging");
    assert_eq!(status_of(&s, 9), "in-progress");
}

#[test]
fn an_earlier_import_is_not_undone_over_a_later_one() {
    let now = now_ms();
    let mut first = Progress::default();
    first.task_mut(TaskId(2)).set_status(
        Some(Status::Done),
        &stamp(now - DAY_MS, "文源司法所", "pc-a"),
    );
    let mut second = Progress::default();
    second.task_mut(TaskId(2)).set_status(
        Some(Status::Lagging),
        &stamp(now - 1000, "暮云司法所", "pc-b"),
    );
    second.task_mut(TaskId(3)).set_status(
        Some(Status::InProgress),
        &stamp(now - 1000, "暮云司法所", "pc-b"),
    );
    let (a, b) = (
        write_file("先导入.json", export_of(now, first)),
        write_file("后导入.json", export_of(now, second)),
    );

    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "办公室");
    import(&s, &a);
    wait_status(&s, 2, "done");
    import(&s, &b);
    wait_status(&s, 2, "lagging");
    close_notices(&s);

    // The older import is listed last; undoing it first is refused and nothing changes.
    click(&s, "button#data-open");
    wait_shown(&s, "#data-dialog");
    s.execute(
        "const b = document.querySelectorAll('#data-dialog .import-backup button.import-undo'); b[b.length - 1].click();",
        vec![],
    );
    let said = notices(&s);
    assert!(
        said.contains("不能先撤销这次导入") && said.contains("后导入.json"),
        "the refusal names the later import: {said}"
    );
    assert_eq!(status_of(&s, 2), "lagging");
    assert_eq!(status_of(&s, 3), "in-progress");

    // Undone newest first, each goes back in turn.
    click(&s, "#data-dialog .import-backup button.import-undo");
    wait_status(&s, 3, "not-started");
    assert_eq!(status_of(&s, 2), "done", "back to after the first import");
    click(&s, "#data-dialog .import-backup button.import-undo");
    wait_status(&s, 2, "not-started");
}
