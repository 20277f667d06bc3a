//! 采用文件中的计划: the office's edited plan reaches a unit that has the plan already; the unit's progress stays, the new task's progress follows, and 撤销 brings the old plan back.

use workplan::model::{PlanEdit, Progress, SectionId, Status, TaskId};
use workplan::snapshot::{Snapshot, encode_pretty};

use super::support::*;
use crate::library::support::{card_ids, click_notice_action};
use crate::progress::support::{click, status_of};
use crate::webdriver::{Session, choose_unit, confirm_import, open_app, wait_ready};

#[test]
fn a_unit_takes_the_offices_edited_plan_and_keeps_its_progress() {
    let now = now_ms();
    let mut plan = embedded_plan();
    plan.apply(PlanEdit::AddTask {
        section: SectionId(1),
        after: None,
        title: "开展专项督查".into(),
    })
    .expect("added");
    let new_task = plan.tasks.iter().map(|t| t.id).max().expect("tasks");
    assert_eq!(new_task, TaskId(20));
    let mut progress = Progress::default();
    progress
        .task_mut(new_task)
        .set_status(Some(Status::Done), &stamp(now - 1000, "办公室", "office"));
    let file = write_file(
        "办公室.json",
        encode_pretty(&Snapshot {
            saved_at: now,
            plan,
            progress,
        }),
    );

    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "文源司法所");
    click_status(&s, 5, "lagging");
    wait_status(&s, 5, "lagging");
    let said = import(&s, &file);
    assert!(
        said.contains("与本机的计划结构不同") && said.contains("新增“开展专项督查” 1 项"),
        "the notice says what the file's plan adds: {said}"
    );
    assert_eq!(card_ids(&s).len(), 19, "nothing changes before it is taken");

    click_notice_action(&s, "采用文件中的计划");
    confirm_import(&s);
    wait_status(&s, 20, "done");
    assert_eq!(card_ids(&s).len(), 20);
    assert_eq!(status_of(&s, 5), "lagging", "the unit's own progress stays");
    let stored = s.execute(
        "return JSON.parse(localStorage.getItem('workplan:plan:' + arguments[0])).plan.tasks.length;",
        vec![PLAN_ID.into()],
    );
    assert_eq!(stored, 20, "the plan taken is saved");

    click(&s, "button#undo");
    let back = poll_js(
        &s,
        "return document.querySelectorAll('article.task').length === 19;",
        vec![],
    );
    assert!(back, "撤销 brings the old plan back");
    assert_eq!(status_of(&s, 5), "lagging");
    s.refresh();
    wait_ready(&s);
    assert_eq!(card_ids(&s).len(), 19, "the old plan is saved again");
    assert_eq!(status_of(&s, 5), "lagging");
}

#[test]
fn a_file_with_an_older_version_of_the_plan_offers_nothing_to_take_over() {
    // The office renamed a section after the plan went out; a unit's file still has the old one.
    let now = now_ms();
    let mut progress = Progress::default();
    progress
        .task_mut(TaskId(2))
        .set_status(Some(Status::Done), &stamp(now - 1000, "文源司法所", "unit"));
    let file = write_file("文源司法所.json", export_of(now, progress));

    let s = Session::new();
    open_app(&s);
    crate::library::support::enter_edit(&s);
    crate::library::support::set_value(
        &s,
        r#"#plan-editor .edit-section[data-section="1"] input.section-title"#,
        "办公室改过的部分标题",
    );
    crate::library::support::leave_edit(&s);
    let said = import(&s, &file);
    confirm_import(&s);
    wait_status(&s, 2, "done");
    assert!(
        !said.contains("采用文件中的计划")
            && !crate::library::support::notices(&s).contains("与本机的计划结构不同"),
        "no offer to go back to the older plan: {said}"
    );
}

#[test]
fn a_plan_is_not_taken_over_progress_kept_under_a_number_it_gives_another_task() {
    // This copy added its own task 20, worked on it and deleted it (its progress stays);
    // the office's plan has a different task 20.
    let now = now_ms();
    let mut plan = embedded_plan();
    plan.apply(PlanEdit::AddTask {
        section: SectionId(1),
        after: None,
        title: "办公室新增的任务".into(),
    })
    .expect("added");
    plan.revision = 5; // the office edited its plan more than this copy did
    let file = write_file(
        "办公室.json",
        encode_pretty(&Snapshot {
            saved_at: now,
            plan,
            progress: Progress::default(),
        }),
    );

    let s = Session::new();
    open_app(&s);
    crate::library::support::enter_edit(&s);
    crate::library::editor::start_task(&s, 1, "本机的任务");
    click(&s, "#task-dialog button#task-save");
    crate::library::support::wait_hidden(&s, "#task-dialog");
    crate::library::support::leave_edit(&s);
    click_status(&s, 20, "lagging");
    wait_status(&s, 20, "lagging");
    crate::library::support::enter_edit(&s);
    click(
        &s,
        r#"#plan-editor .edit-task[data-task="20"] button.task-delete"#,
    );
    crate::library::support::leave_edit(&s);
    assert_eq!(card_ids(&s).len(), 19);

    import(&s, &file);
    click_notice_action(&s, "采用文件中的计划");
    let said = crate::library::support::notices(&s);
    assert!(
        said.contains("没有采用") && said.contains("办公室新增的任务"),
        "taking the plan is refused, naming the task: {said}"
    );
    assert_eq!(card_ids(&s).len(), 19, "the plan stays as it was");
}
