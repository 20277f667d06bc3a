//! 计划管理: copy a plan for next year, rename (Enter saves too), delete with confirmation and undo, restore from the trash, restore the embedded plan.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

/// Opens 计划管理.
pub(super) fn open_library(s: &Session) {
    open_dialog(s, "button#manage-plans", "#library-dialog");
}

/// CSS of plan `id`'s row in the library dialog.
fn library_row(id: &str) -> String {
    format!(r#"#library-dialog li.library-plan[data-plan="{id}"]"#)
}

/// Clicks `button` inside plan `id`'s library row.
pub(super) fn click_in_row(s: &Session, id: &str, button: &str) {
    click(s, &format!("{} {button}", library_row(id)));
}

/// Ids of the plans the library dialog lists.
fn library_ids(s: &Session) -> Vec<String> {
    let v = js(
        s,
        "return [...document.querySelectorAll('#library-dialog li.library-plan')].map(l => l.dataset.plan);",
    );
    serde_json::from_value(v).expect("ids")
}

/// Clicks 恢复 on plan `id`'s row among the deleted plans of 计划管理 (opening it as needed).
pub(super) fn restore_from_trash(s: &Session, id: &str) {
    let trashed = format!(r#"#library-dialog li.trashed-plan[data-plan="{id}"]"#);
    if !shown(s, &trashed) {
        if shown(s, "#library-dialog") {
            close_dialog(s, "#library-dialog");
        }
        open_library(s);
    }
    wait_shown(s, &trashed);
    click(s, &format!("{trashed} button.restore-plan"));
}

/// Waits until `select#plan-switch` offers exactly `n` plans; returns them.
pub(super) fn wait_plan_count(s: &Session, n: usize) -> Vec<(String, String)> {
    let ok = poll_js(
        s,
        "return document.querySelector('select#plan-switch')?.options.length === arguments[0];",
        vec![Value::from(n)],
    );
    assert!(
        ok,
        "expected {n} plans in select#plan-switch: {:?}",
        plan_options(s)
    );
    plan_options(s)
}

#[test]
fn copy_for_next_year_has_the_tasks_and_no_progress() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 2, "done");
    wait_status(&s, 2, "done");
    let titles = card_titles(&s);
    assert_eq!(titles.len(), 19, "sanity: the 2023 plan's tasks");

    open_library(&s);
    assert!(
        s.find(&library_row(DEFAULT_ID))
            .attr("class")
            .unwrap_or_default()
            .contains("active"),
        "the shown plan's row is marked active"
    );
    click_in_row(&s, DEFAULT_ID, "button.copy-plan");
    let plans = wait_plan_count(&s, 2);
    let (copy, copy_title) = plans
        .iter()
        .find(|(id, _)| id != DEFAULT_ID)
        .cloned()
        .expect("the copy is offered");
    assert!(
        copy_title.contains("2024年") && !copy_title.contains("2023年"),
        "the copy is titled for the next year: {copy_title:?}"
    );
    if shown(&s, "#library-dialog") {
        close_dialog(&s, "#library-dialog");
    }
    if active_plan(&s) != copy {
        switch_plan(&s, &copy);
    }
    wait_h1(&s, &copy_title);
    assert_eq!(
        card_titles(&s),
        titles,
        "the copy has the same tasks, in order"
    );
    for n in card_ids(&s) {
        assert_eq!(
            status_of(&s, n),
            "not-started",
            "task {n} of the copy has no progress"
        );
    }

    switch_plan(&s, DEFAULT_ID);
    assert_eq!(status_of(&s, 2), "done", "the original keeps its progress");
    s.refresh();
    wait_ready(&s);
    switch_plan(&s, &copy);
    assert_eq!(status_of(&s, 2), "not-started", "the copy after reload");
}

/// Opens 计划管理, 重命名 on the embedded plan, and types `title`; returns the box's CSS.
fn rename_typed(s: &Session, title: &str) -> String {
    open_library(s);
    click_in_row(s, DEFAULT_ID, "button.rename-plan");
    let input = format!("{} input.rename-input", library_row(DEFAULT_ID));
    wait_shown(s, &input);
    set_value(s, &input, title);
    input
}

#[test]
fn rename_changes_the_title_everywhere() {
    let s = Session::new();
    open_app(&s);
    rename_typed(&s, "2023年工作要点（修订）");
    click_in_row(&s, DEFAULT_ID, "button.rename-save");
    let ok = poll_js(
        &s,
        "return document.querySelector(arguments[0])?.textContent.trim() === '2023年工作要点（修订）';",
        vec![Value::from(format!(
            "{} .plan-title",
            library_row(DEFAULT_ID)
        ))],
    );
    assert!(ok, "the library row shows the new title");
    close_dialog(&s, "#library-dialog");
    wait_h1(&s, "2023年工作要点（修订）");
    assert_eq!(
        plan_options(&s),
        vec![(DEFAULT_ID.to_owned(), "2023年工作要点（修订）".to_owned())],
        "select#plan-switch shows the new title under the same id"
    );
    s.refresh();
    wait_ready(&s);
    wait_h1(&s, "2023年工作要点（修订）");
}

#[test]
fn delete_asks_first_and_undo_brings_the_plan_back_with_progress() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 2, "done");
    wait_status(&s, 2, "done");
    let new = create_plan(&s, SAMPLE, SAMPLE_TITLE);

    open_library(&s);
    let mut listed = library_ids(&s);
    listed.sort();
    let mut want = vec![DEFAULT_ID.to_owned(), new.clone()];
    want.sort();
    assert_eq!(listed, want, "the library lists both plans");
    click_in_row(&s, DEFAULT_ID, "button.delete-plan");
    wait_shown(&s, "#library-dialog button.confirm-delete");
    assert_eq!(
        plan_options(&s).len(),
        2,
        "nothing is deleted before 确认删除"
    );
    assert!(
        !stored_json(&s, &format!("workplan:plan:{DEFAULT_ID}")).is_null(),
        "the plan is still stored before 确认删除"
    );
    click(&s, "#library-dialog button.confirm-delete");
    let left = wait_plan_count(&s, 1);
    assert_eq!(left[0].0, new, "only the new plan is left: {left:?}");
    assert!(
        stored_json(&s, &format!("workplan:plan:{DEFAULT_ID}")).is_null(),
        "the deleted plan's key is gone: {:?}",
        stored_keys(&s, "workplan:")
    );
    assert_eq!(
        stored_keys(&s, "workplan:trash:"),
        vec![format!("workplan:trash:{DEFAULT_ID}")],
        "the deleted plan waits in the trash"
    );
    assert_eq!(h1(&s), SAMPLE_TITLE, "the shown plan stays");

    click_notice_action(&s, "撤销删除");
    wait_plan_count(&s, 2);
    if shown(&s, "#library-dialog") {
        close_dialog(&s, "#library-dialog");
    }
    switch_plan(&s, DEFAULT_ID);
    assert_eq!(
        status_of(&s, 2),
        "done",
        "the plan came back with its progress"
    );
    assert!(
        stored_keys(&s, "workplan:trash:").is_empty(),
        "the trash is empty again"
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(plan_options(&s).len(), 2, "both plans after reload");
}

#[test]
fn a_deleted_shown_plan_is_restored_from_the_trash() {
    let s = Session::new();
    open_app(&s);
    let new = create_plan(&s, SAMPLE, SAMPLE_TITLE);
    click_status(&s, 1, "lagging");
    wait_status(&s, 1, "lagging");

    open_library(&s);
    click_in_row(&s, &new, "button.delete-plan");
    click(&s, "#library-dialog button.confirm-delete");
    wait_plan_count(&s, 1);
    wait_h1(&s, DEFAULT_TITLE);
    assert_eq!(active_plan(&s), DEFAULT_ID, "the remaining plan is shown");

    restore_from_trash(&s, &new);
    wait_plan_count(&s, 2);
    if shown(&s, "#library-dialog") {
        close_dialog(&s, "#library-dialog");
    }
    switch_plan(&s, &new);
    assert_eq!(
        status_of(&s, 1),
        "lagging",
        "the restored plan kept its progress"
    );
}

#[test]
fn the_embedded_plan_can_be_restored_after_deletion() {
    let s = Session::new();
    open_app(&s);
    let new = create_plan(&s, SAMPLE, SAMPLE_TITLE);
    open_library(&s);
    click_in_row(&s, DEFAULT_ID, "button.delete-plan");
    click(&s, "#library-dialog button.confirm-delete");
    assert_eq!(
        wait_plan_count(&s, 1)[0].0,
        new,
        "only the new plan is left"
    );

    if !shown(&s, "#library-dialog button#restore-default") {
        if shown(&s, "#library-dialog") {
            close_dialog(&s, "#library-dialog");
        }
        open_library(&s);
    }
    click(&s, "#library-dialog button#restore-default");
    let plans = wait_plan_count(&s, 2);
    assert!(
        plans.contains(&(DEFAULT_ID.to_owned(), DEFAULT_TITLE.to_owned())),
        "恢复内置计划 brings back {DEFAULT_TITLE}: {plans:?}"
    );
    if shown(&s, "#library-dialog") {
        close_dialog(&s, "#library-dialog");
    }
    switch_plan(&s, DEFAULT_ID);
    assert_eq!(card_ids(&s).len(), 19, "the embedded plan's 19 tasks");
}

#[test]
fn enter_in_the_rename_box_saves() {
    let s = Session::new();
    open_app(&s);
    let input = rename_typed(&s, "2023年工作要点（按回车保存）");
    s.find(&input).send_keys("\u{E007}");
    wait_hidden(&s, &input);
    close_dialog(&s, "#library-dialog");
    wait_h1(&s, "2023年工作要点（按回车保存）");
}
