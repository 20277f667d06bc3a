//! Two windows editing one plan: a task dialog opened before the other window changed that task does not save over the change.

use super::editor::{open_task, save_task};
use super::support::*;
use crate::webdriver::{Session, dist_url, open_app, wait_ready};

#[test]
fn a_task_dialog_does_not_save_over_a_change_made_since_it_opened() {
    let s = Session::new();
    open_app(&s);
    let a = s.window_handles().into_iter().next().expect("first window");
    enter_edit(&s);
    open_task(&s, 4);

    let b = s.new_window();
    s.switch_to(&b);
    s.goto(&dist_url());
    wait_ready(&s);
    enter_edit(&s);
    open_task(&s, 4);
    set_value(&s, "#task-dialog input#task-title", "乙窗口改的标题");
    save_task(&s);

    s.switch_to(&a);
    set_value(&s, "#task-dialog textarea#task-body", "甲窗口补充的内容");
    click(&s, "#task-dialog button#task-save");
    let said = notices(&s);
    assert!(
        said.contains("这项任务在打开此对话框之后已被修改"),
        "saving is refused with the reason: {said}"
    );
    assert!(
        shown(&s, "#task-dialog"),
        "the dialog stays open with what was typed"
    );
    let title = text_of(
        &s,
        r#"#plan-editor .edit-task[data-task="4"] .edit-task-title"#,
    );
    assert_eq!(
        title.as_deref(),
        Some("乙窗口改的标题"),
        "the other window's change stays"
    );
}
