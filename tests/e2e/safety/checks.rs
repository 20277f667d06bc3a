//! Strict checks on incoming values: progress of tasks the plan does not have, a percentage over 100, an over-long text and the progress of another task under the same number are left out and named, while the valid rest of the same file merges.

use workplan::model::{Date, ItemId, Progress, Stamped, Status, TaskId};
use workplan::snapshot::{Snapshot, decode, encode_pretty};

use super::support::*;
use crate::library::support::{click, enter_edit, wait_hidden, wait_shown};
use crate::webdriver::{Session, open_app, wait_ready};

/// A date inside the 2023 plan year, for log entries.
fn day() -> Date {
    Date::new(2023, 8, 1).expect("date")
}

#[test]
fn progress_of_an_unknown_task_is_left_out_and_named() {
    let now = now_ms();
    let by = stamp(now, "办公室", "other-pc");
    let mut progress = Progress::default();
    let two = progress.task_mut(TaskId(2));
    two.set_status(Some(Status::Done), &by);
    two.add_log(ItemId("other-pc.1.1".into()), day(), "支部活动已开展", &by)
        .expect("log entry");
    let ghost = progress.task_mut(TaskId(999));
    ghost.set_status(Some(Status::Lagging), &by);
    ghost
        .add_log(ItemId("other-pc.1.2".into()), day(), "不存在的任务", &by)
        .expect("log entry");
    let file = write_file("含未知任务.json", export_of(now, progress));

    let s = Session::new();
    open_app(&s);
    let said = import(&s, &file);
    assert!(
        said.contains("已合并") && said.contains("1 项任务有更新"),
        "task 2 merges and counts alone: {said}"
    );
    assert!(
        said.contains("文件中有本机计划里没有的任务（编号 999），其数据未导入。"),
        "the notice names task 999: {said}"
    );
    let view = task_view(&s, 2);
    assert_eq!(view["status"], "done", "task 2 merged: {view}");
    assert_eq!(
        view["logs"][0], "支部活动已开展",
        "task 2's log merged: {view}"
    );

    let tasks = &stored_progress(&s)["progress"]["tasks"];
    assert!(
        tasks.get("2").is_some(),
        "stored progress has task 2: {tasks}"
    );
    assert!(
        tasks.get("999").is_none(),
        "stored progress has no task 999: {tasks}"
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(task_view(&s, 2)["status"], "done", "task 2 after reload");
    assert_eq!(
        js(
            &s,
            "return document.querySelectorAll('article.task').length;"
        ),
        19,
        "no card appears for task 999"
    );
}

#[test]
fn out_of_range_values_are_left_out_and_the_rest_merges() {
    let now = now_ms();
    let by = stamp(now, "办公室", "other-pc");
    let mut progress = Progress::default();
    let three = progress.task_mut(TaskId(3));
    // `set_percent` clamps; a hand-edited file can say anything a byte holds.
    three.percent = Some(Stamped::new(Some(255), &by));
    three.set_status(Some(Status::Lagging), &by);
    let four = progress.task_mut(TaskId(4));
    // The app refuses such a text when typed; a file written elsewhere can still carry it.
    let long = "长".repeat(10_001);
    four.log.insert(
        ItemId("other-pc.1.1".into()),
        workplan::model::LogEntry {
            date: day(),
            created: by.clone(),
            revisions: vec![Stamped::new(long, &by)],
            withdrawn: Stamped::new(false, &by),
        },
    );
    four.add_log(
        ItemId("other-pc.1.2".into()),
        day(),
        "征收法律服务团已组建",
        &by,
    )
    .expect("log entry");
    let file = write_file("超出范围.json", export_of(now, progress));

    let s = Session::new();
    open_app(&s);
    let percent_before = percent_shown(&s, 3);
    let said = import(&s, &file);
    assert!(said.contains("已合并"), "the file merges: {said}");
    assert!(
        said.contains("第 3 项的完成进度 255% 超出 0–100，未导入。"),
        "the notice names task 3's percentage: {said}"
    );
    assert!(
        said.contains("第 4 项有一段 10001 字的文字超过长度上限，未导入。"),
        "the notice names task 4's long text: {said}"
    );

    let three = task_view(&s, 3);
    assert_eq!(
        three["percent"], percent_before,
        "task 3's percentage is unchanged: {three}"
    );
    assert_eq!(
        three["status"], "lagging",
        "task 3's valid status merged: {three}"
    );
    let four = task_view(&s, 4);
    assert_eq!(
        four["logs"],
        serde_json::json!(["征收法律服务团已组建"]),
        "task 4 keeps only its valid log entry: {four}"
    );

    let tasks = &stored_progress(&s)["progress"]["tasks"];
    assert!(
        tasks["3"].get("percent").is_none(),
        "no percentage stored for task 3: {}",
        tasks["3"]
    );
    let stored_four = tasks["4"].to_string();
    assert!(
        !stored_four.contains(&"长".repeat(100)),
        "the long text is not stored"
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(
        percent_shown(&s, 3),
        percent_before,
        "task 3's percentage after reload"
    );
    assert_eq!(task_view(&s, 3)["status"], "lagging", "task 3 after reload");
}

#[test]
fn a_dialog_shows_the_notices_given_while_it_is_open() {
    let file = write_file("不是数据.json", "{ 这不是");
    let s = Session::new();
    open_app(&s);
    let said = import(&s, &file);
    assert!(
        said.contains("未导入"),
        "the page says the file was refused: {said}"
    );
    let in_dialog = |dialog: &str| {
        js(
            &s,
            &format!(
                "return [...document.querySelectorAll('{dialog} .notice')].map(n => n.textContent).join(' | ');"
            ),
        )
    };
    click(&s, "#data-open");
    wait_shown(&s, "#data-dialog");
    assert_eq!(
        in_dialog("#data-dialog"),
        "",
        "the earlier refusal stays behind the dialog, not inside it"
    );
    click(&s, "#data-dialog button.dialog-close");
    wait_hidden(&s, "#data-dialog");
    assert!(
        notices(&s).contains("未导入"),
        "and shows on the page again: {}",
        notices(&s)
    );

    enter_edit(&s);
    click(
        &s,
        r#"#plan-editor .edit-section[data-section="1"] button.add-task"#,
    );
    wait_shown(&s, "#task-dialog");
    click(&s, "#task-dialog button#task-save");
    let ok = poll_js(
        &s,
        "return document.querySelectorAll('#task-dialog .notice').length === 1;",
        vec![],
    );
    assert!(
        ok,
        "saving without a title says why, inside the dialog, alone: {}",
        in_dialog("#task-dialog")
    );
}

#[test]
fn progress_of_another_task_under_the_same_number_is_left_out_and_named() {
    let now = now_ms();
    let by = stamp(now, "暮云司法所", "other-pc");
    let mut progress = Progress::default();
    progress
        .task_mut(TaskId(5))
        .set_status(Some(Status::Done), &by);
    progress
        .task_mut(TaskId(2))
        .set_status(Some(Status::Done), &by);
    // The file's plan gives number 5 to a task of its own (each side added one, say).
    let mut snapshot: Snapshot = decode(&export_of(now, progress)).expect("decodes");
    let five = snapshot
        .plan
        .tasks
        .iter_mut()
        .find(|t| t.id == TaskId(5))
        .expect("task 5");
    five.title = "暮云所新增：专项行动".into();
    five.body = String::new();
    let file = write_file("同号不同任务.json", encode_pretty(&snapshot));

    let s = Session::new();
    open_app(&s);
    let said = import(&s, &file);
    assert!(said.contains("1 项任务有更新"), "task 2 merges: {said}");
    assert!(
        said.contains("文件中的“暮云所新增：专项行动”与本机第 5 项")
            && said.contains("不是同一项任务"),
        "the notice names both tasks: {said}"
    );
    assert_eq!(task_view(&s, 2)["status"], "done", "task 2 merged");
    assert_eq!(
        task_view(&s, 5)["status"],
        "not-started",
        "this plan's task 5 gets nothing of the other task"
    );
}
