//! 编辑计划 for sections: rename, move and add a section; the task list follows and the order survives reload; moves with nowhere to go are off, the task buttons name their task, and a section added takes the focus.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

#[test]
fn sections_rename_move_and_add() {
    let s = Session::new();
    open_app(&s);
    enter_edit(&s);
    set_value(
        &s,
        r#"#plan-editor .edit-section[data-section="1"] input.section-title"#,
        "党建引领",
    );
    click(
        &s,
        r#"#plan-editor .edit-section[data-section="2"] button.section-up"#,
    );
    let before = s.find_all("#plan-editor .edit-section").len();
    click(&s, "#plan-editor button#add-section");
    let ok = poll_js(
        &s,
        "return document.querySelectorAll('#plan-editor .edit-section').length === arguments[0];",
        vec![Value::from(before + 1)],
    );
    assert!(ok, "添加部分 added a section (had {before})");
    leave_edit(&s);

    let sections = js(
        &s,
        "return [...document.querySelectorAll('section.plan-section')].map(x => [+x.dataset.section, x.querySelector('.section-title').textContent.trim()]);",
    );
    assert_eq!(sections[0][0], 2, "section 2 moved first: {sections}");
    assert_eq!(sections[1][0], 1, "section 1 second: {sections}");
    assert!(
        sections[1][1].as_str().unwrap_or("").contains("党建引领"),
        "section 1 renamed: {sections}"
    );
    assert_eq!(
        card_ids(&s).first(),
        Some(&4),
        "section 2's tasks come first"
    );
    let chips = js(
        &s,
        "return [...document.querySelectorAll('.facet-chip')].filter(c => /^[0-9]+$/.test(c.dataset.value)).slice(0, 3).map(c => [c.dataset.value, c.firstChild.textContent.trim()]);",
    );
    assert_eq!(
        chips,
        serde_json::json!([["2", "一"], ["1", "二"], ["3", "三"]]),
        "the 部分 chips are numbered by place, as the headings are"
    );
    s.refresh();
    wait_ready(&s);
    let first = js(
        &s,
        "return document.querySelector('section.plan-section').dataset.section;",
    );
    assert_eq!(first, "2", "the section order survives reload");
}

#[test]
fn moves_with_nowhere_to_go_are_off_and_buttons_name_their_task() {
    let s = Session::new();
    open_app(&s);
    enter_edit(&s);
    let state = js(
        &s,
        "const q = c => document.querySelector(c);
         const sections = document.querySelectorAll('#plan-editor .edit-section');
         const first = sections[0], last = sections[sections.length - 1];
         const t1 = q('#plan-editor .edit-task[data-task=\"1\"]');
         const t3 = q('#plan-editor .edit-task[data-task=\"3\"]');
         return {
           firstUp: first.querySelector('.section-up').disabled,
           firstDown: first.querySelector('.section-down').disabled,
           lastDown: last.querySelector('.section-down').disabled,
           task1Up: t1.querySelector('.task-up').disabled,
           task1Down: t1.querySelector('.task-down').disabled,
           task3Down: t3.querySelector('.task-down').disabled,
           edit: t1.querySelector('.task-edit').getAttribute('aria-label'),
         };",
    );
    assert_eq!(
        state["firstUp"], true,
        "the first section cannot go up: {state}"
    );
    assert_eq!(state["firstDown"], false, "{state}");
    assert_eq!(
        state["lastDown"], true,
        "the last section cannot go down: {state}"
    );
    assert_eq!(
        state["task1Up"], true,
        "the first task of a section cannot go up: {state}"
    );
    assert_eq!(state["task1Down"], false, "{state}");
    assert_eq!(
        state["task3Down"], true,
        "the last task of section 一 stays in it: {state}"
    );
    assert!(
        state["edit"]
            .as_str()
            .is_some_and(|l| l.starts_with("编辑任务 1“")),
        "编辑 names its task: {state}"
    );
}

#[test]
fn a_section_added_takes_the_focus_to_be_named() {
    let s = Session::new();
    open_app(&s);
    enter_edit(&s);
    click(&s, "button#add-section");
    assert!(
        s.poll_until(
            "document.activeElement?.matches('#plan-editor .edit-section:last-child input.section-title, #plan-editor .edit-section:last-of-type input.section-title')
             && document.activeElement.value === '新的部分'
             && document.activeElement.selectionEnd - document.activeElement.selectionStart === 4",
            std::time::Duration::from_secs(5)
        ),
        "the new section's title has the focus, its text selected: {}",
        js(&s, "return document.activeElement?.outerHTML ?? null;")
    );
}
