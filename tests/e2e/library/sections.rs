//! 编辑计划 for sections: rename, move and add a section; the task list follows and the order survives reload.

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
    s.refresh();
    wait_ready(&s);
    let first = js(
        &s,
        "return document.querySelector('section.plan-section').dataset.section;",
    );
    assert_eq!(first, "2", "the section order survives reload");
}
