//! 添加任务 in 编辑计划: the dialog takes the focus, adds nothing until 保存, and undoes in one step.

use serde_json::Value;

use super::editor::{add_unit_row, editor_ids, save_task};
use super::support::*;
use crate::webdriver::{Session, open_app};

#[test]
fn add_task_adds_nothing_until_saved_and_undoes_in_one_step() {
    let s = Session::new();
    open_app(&s);
    enter_edit(&s);
    let before = editor_ids(&s);
    let add = r#"#plan-editor .edit-section[data-section="2"] button.add-task"#;
    click(&s, add);
    wait_shown(&s, "#task-dialog");
    assert_eq!(
        js(
            &s,
            "return document.querySelector('#task-dialog input#task-title').value;"
        ),
        "",
        "the title starts empty, not with a placeholder text to delete"
    );
    let opened = js(
        &s,
        "return { focus: document.activeElement?.id ?? null,
                  title: document.querySelector('#task-dialog h2').textContent };",
    );
    assert_eq!(
        opened["focus"], "task-title",
        "typing goes to the title: {opened}"
    );
    assert_eq!(
        opened["title"], "添加任务",
        "no colon before a title not typed yet: {opened}"
    );
    click(&s, "#task-dialog button.dialog-close");
    wait_hidden(&s, "#task-dialog");
    assert_eq!(
        js(
            &s,
            "return document.activeElement?.matches(arguments[0]) ?? false;"
                .replace("arguments[0]", &format!("{add:?}"))
                .as_str()
        ),
        true,
        "closing gives the focus back to 添加任务"
    );
    assert_eq!(editor_ids(&s), before, "取消 adds no task");
    assert!(undo_redo_disabled(&s).0, "and leaves nothing to undo");

    click(&s, add);
    wait_shown(&s, "#task-dialog");
    set_value(&s, "#task-dialog input#task-title", "新增：年度普法考核");
    add_unit_row(&s, "普法与依法治理科", "lead");
    save_task(&s);
    let after = editor_ids(&s);
    assert_eq!(
        after.len(),
        before.len() + 1,
        "保存 adds one task: {after:?}"
    );
    let new = *after
        .iter()
        .find(|id| !before.contains(id))
        .expect("new id");
    assert!(
        text_of(&s, &format!(r#"#plan-editor .edit-task[data-task="{new}"]"#))
            .is_some_and(|t| t.contains("新增：年度普法考核") && t.contains("普法与依法治理科（牵头）")),
        "the added task has its title and lead unit"
    );
    click(&s, "#undo");
    let ok = poll_js(
        &s,
        "return document.querySelectorAll('#plan-editor .edit-task').length === arguments[0];",
        vec![Value::from(before.len())],
    );
    assert!(ok, "one undo removes the added task: {:?}", editor_ids(&s));
}

#[test]
fn a_unit_row_naming_several_units_gives_each_its_own_entry_and_an_unreadable_deadline_is_told() {
    let s = Session::new();
    open_app(&s);
    enter_edit(&s);
    let before = editor_ids(&s);
    super::editor::start_task(&s, 1, "优化营商环境");
    // A deadline the app cannot read as a date is pointed out while typing.
    set_value(&s, "#task-dialog input#task-deadline", "2024年13月底前");
    wait_shown(&s, "#task-deadline-hint");
    set_value(&s, "#task-dialog input#task-deadline", "2024-06-30");
    wait_hidden(&s, "#task-deadline-hint");
    add_unit_row(&s, "区数据资源局（牵头）、各街道", "responsible");
    save_task(&s);
    let new = *editor_ids(&s)
        .iter()
        .find(|id| !before.contains(id))
        .expect("new id");
    let units = s.execute(
        "const doc = JSON.parse(localStorage.getItem('workplan:plan:' + arguments[0]));
         return doc.plan.tasks.find(t => t.id === arguments[1]).units;",
        vec![DEFAULT_ID.into(), new.into()],
    );
    assert_eq!(
        units,
        serde_json::json!([
            { "name": "区数据资源局", "role": "lead" },
            { "name": "各街道", "role": "responsible" }
        ]),
        "two units, the first marked as lead"
    );
}
