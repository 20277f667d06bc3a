//! 编辑计划: editing a task in the task dialog, adding and reordering tasks; edits show on the cards, survive reload, undo, and progress stays with its task.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

const TITLE_7: &str = "实施法治建设领航工程,统筹推进全面依法治区";
const TITLE_2: &str = "强化党建引领,增强党组织战斗力";
const EDITED_7: &str = "实施法治建设领航工程（修订）";

/// Task ids in the editor, in order.
pub(super) fn editor_ids(s: &Session) -> Vec<u32> {
    let v = js(
        s,
        "return [...document.querySelectorAll('#plan-editor .edit-task')].map(d => +d.dataset.task);",
    );
    serde_json::from_value(v).expect("ids")
}

/// Opens the task dialog of task `id` from the editor.
pub(super) fn open_task(s: &Session, id: u32) {
    click(
        s,
        &format!(r#"#plan-editor .edit-task[data-task="{id}"] button.task-edit"#),
    );
    wait_shown(s, "#task-dialog");
}

/// Adds a unit row to the open task dialog and fills it with `name` in `role`.
pub(super) fn add_unit_row(s: &Session, name: &str, role: &str) {
    let before = s.find_all("#task-dialog .unit-row").len();
    click(s, "#task-dialog button#add-unit-row");
    let ok = poll_js(
        s,
        "return document.querySelectorAll('#task-dialog .unit-row').length === arguments[0];",
        vec![Value::from(before + 1)],
    );
    assert!(ok, "增加单位 added no .unit-row (had {before})");
    let last = format!("#task-dialog .unit-row:nth-of-type({})", before + 1);
    let set = s.execute(
        "const rows = document.querySelectorAll('#task-dialog .unit-row'), r = rows[rows.length - 1];
         const fire = e => { e.dispatchEvent(new Event('input', {bubbles: true}));
                             e.dispatchEvent(new Event('change', {bubbles: true})); };
         const n = r.querySelector('input.unit-name'), k = r.querySelector('select.unit-role');
         if (!n || !k) return false;
         n.value = arguments[0]; fire(n); k.value = arguments[1]; fire(k);
         return k.value === arguments[1];",
        vec![Value::from(name), Value::from(role)],
    );
    assert_eq!(
        set, true,
        "fill the new unit row ({last}) with {name} / {role}"
    );
}

/// Opens 添加任务 under section `section` of the open plan editor and types `title`.
pub(crate) fn start_task(s: &Session, section: u32, title: &str) {
    click(
        s,
        &format!(r#"#plan-editor .edit-section[data-section="{section}"] button.add-task"#),
    );
    wait_shown(s, "#task-dialog");
    set_value(s, "#task-dialog input#task-title", title);
}

/// Saves the task dialog and waits for it to close.
pub(super) fn save_task(s: &Session) {
    click(s, "#task-dialog button#task-save");
    wait_hidden(s, "#task-dialog");
}

/// Waits until card `id` shows `title`; panics with the card otherwise.
fn wait_card_title(s: &Session, id: u32, title: &str) {
    let ok = poll_js(
        s,
        "return document.querySelector(`article.task[data-task=\"${arguments[0]}\"] .task-title`)?.textContent.trim() === arguments[1];",
        vec![Value::from(id), Value::from(title)],
    );
    assert!(
        ok,
        "card {id} should be titled {title:?}; it shows {}",
        card(s, id)
    );
}

/// Card 7 shows the edit: new title, 办公室 leading (first, 牵头), deadline 9月底前.
fn assert_edited_7(s: &Session, when: &str) {
    wait_card_title(s, 7, EDITED_7);
    let c = card(s, 7);
    assert_eq!(
        c["units"][0]["name"], "办公室",
        "{when}: lead unit first: {c}"
    );
    assert_eq!(
        c["units"][0]["lead"], true,
        "{when}: lead chip has unit-lead: {c}"
    );
    assert_eq!(
        c["units"][0]["mark"], "牵头",
        "{when}: lead chip marked 牵头: {c}"
    );
    assert!(
        card_units(s, 7).contains(&"普法与依法治理科".to_owned()),
        "{when}: kept unit: {c}"
    );
    assert_eq!(c["deadline"], "时限：9月底前", "{when}: plan deadline: {c}");
}

/// Card 7 shows the plan as published.
fn assert_original_7(s: &Session, when: &str) {
    wait_card_title(s, 7, TITLE_7);
    let c = card(s, 7);
    assert_eq!(card_units(s, 7), ["普法与依法治理科"], "{when}: units: {c}");
    assert!(c["deadline"].is_null(), "{when}: no plan deadline: {c}");
}

#[test]
fn a_task_edited_in_the_dialog_shows_on_its_card_undoes_and_survives_reload() {
    let s = Session::new();
    open_app(&s);
    enter_edit(&s);
    assert_eq!(editor_ids(&s).len(), 19, "the editor lists every task");
    open_task(&s, 7);
    assert_eq!(
        s.find("#task-dialog input#task-title").property("value"),
        TITLE_7,
        "the dialog starts from the task"
    );
    set_value(&s, "#task-dialog input#task-title", EDITED_7);
    add_unit_row(&s, "办公室", "lead");
    set_value(&s, "#task-dialog input#task-deadline", "9月底前");
    save_task(&s);
    let row = text_of(
        &s,
        r#"#plan-editor .edit-task[data-task="7"] .edit-task-title"#,
    );
    assert_eq!(
        row.as_deref(),
        Some(EDITED_7),
        "the editor row shows the new title"
    );
    leave_edit(&s);
    assert_edited_7(&s, "after saving");

    js(&s, "document.activeElement?.blur(); return null;");
    press_keys(&s, Some(CONTROL), "z");
    assert_original_7(&s, "after Ctrl+Z (one save is one step)");
    press_keys(&s, Some(CONTROL), "y");
    assert_edited_7(&s, "after Ctrl+Y");
    click(&s, "#undo");
    assert_original_7(&s, "after 撤销");
    click(&s, "#redo");
    assert_edited_7(&s, "after 重做");

    s.refresh();
    wait_ready(&s);
    assert_edited_7(&s, "after reload");
    assert!(
        !shown(&s, "#plan-editor"),
        "a reload opens the task list, not the editor"
    );
}

#[test]
fn added_and_moved_tasks_keep_progress_with_their_task() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 2, "done");
    wait_status(&s, 2, "done");

    enter_edit(&s);
    let before = editor_ids(&s);
    click(
        &s,
        r#"#plan-editor .edit-section[data-section="1"] button.add-task"#,
    );
    wait_shown(&s, "#task-dialog");
    assert_eq!(editor_ids(&s), before, "nothing is added before 保存");
    set_value(&s, "#task-dialog input#task-title", "新增任务：测试排序");
    add_unit_row(&s, "办公室", "responsible");
    save_task(&s);
    let after = editor_ids(&s);
    assert_eq!(after.len(), 20, "the editor lists 20 tasks: {after:?}");
    let new = *after
        .iter()
        .find(|id| !before.contains(id))
        .expect("the new task's id");
    assert!(
        !before.contains(&new),
        "the new task takes a fresh id, not a reused one"
    );

    click(
        &s,
        r#"#plan-editor .edit-task[data-task="2"] button.task-down"#,
    );
    let ok = poll_js(
        &s,
        "const ids = [...document.querySelectorAll('#plan-editor .edit-task')].map(d => +d.dataset.task);
         return ids.indexOf(2) === ids.indexOf(3) + 1;",
        vec![],
    );
    assert!(ok, "下移 put task 2 after task 3: {:?}", editor_ids(&s));
    leave_edit(&s);

    let mut expected = vec![1, 3, 2, new];
    expected.extend(4..=19);
    let check = |when: &str| {
        assert_eq!(
            card_ids(&s),
            expected,
            "{when}: card order (new task ends section 1)"
        );
        let c2 = card(&s, 2);
        assert_eq!(c2["title"], TITLE_2, "{when}: task 2 keeps its title: {c2}");
        assert_eq!(
            c2["status"], "done",
            "{when}: task 2 keeps its status: {c2}"
        );
        assert_eq!(
            status_of(&s, 3),
            "not-started",
            "{when}: task 3 did not take task 2's status"
        );
        let cn = card(&s, new);
        assert_eq!(
            cn["title"], "新增任务：测试排序",
            "{when}: the new task: {cn}"
        );
        assert_eq!(
            cn["status"], "not-started",
            "{when}: the new task has no progress: {cn}"
        );
        assert_eq!(
            card_units(&s, new),
            ["办公室"],
            "{when}: the new task's unit"
        );
    };
    check("after editing");
    s.refresh();
    wait_ready(&s);
    check("after reload");
}
