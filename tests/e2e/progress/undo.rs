//! The undo and redo buttons: stepping back and forth through changes, disabled when there is nothing to do.

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

#[test]
fn undo_and_redo_buttons_step_through_changes() {
    let s = Session::new();
    open_app(&s);
    assert_eq!(
        undo_redo_disabled(&s),
        (true, true),
        "(undo, redo) disabled on a fresh page"
    );

    click_status(&s, 11, "done");
    wait_status(&s, 11, "done");
    open_report(&s, 12);
    set_percent(&s, 12, 30);
    click_status(&s, 13, "lagging");
    wait_status(&s, 13, "lagging");
    assert_eq!(
        undo_redo_disabled(&s),
        (false, true),
        "(undo, redo) disabled after three changes"
    );

    click(&s, "#undo");
    wait_status(&s, 13, "not-started");
    click(&s, "#undo");
    wait_percent(&s, 12, 0);
    assert_eq!(
        status_of(&s, 12),
        "not-started",
        "task 12 after undoing its percent"
    );
    assert_eq!(
        status_of(&s, 11),
        "done",
        "task 11 is untouched by two undos"
    );
    assert_eq!(
        undo_redo_disabled(&s),
        (false, false),
        "(undo, redo) disabled after two undos"
    );

    click(&s, "#redo");
    wait_percent(&s, 12, 30);
    assert_eq!(status_of(&s, 12), "in-progress", "task 12 after redo");
    assert_eq!(
        status_of(&s, 13),
        "not-started",
        "task 13 stays undone after one redo"
    );
    assert_eq!(status_of(&s, 11), "done", "task 11 after redo");
    assert_eq!(
        undo_redo_disabled(&s),
        (false, false),
        "(undo, redo) disabled after one redo"
    );

    for _ in 0..2 {
        click(&s, "#undo");
    }
    wait_status(&s, 11, "not-started");
    wait_percent(&s, 12, 0);
    assert_eq!(
        undo_redo_disabled(&s),
        (true, false),
        "(undo, redo) disabled once every change is undone"
    );

    s.refresh();
    wait_ready(&s);
    for n in [11, 12, 13] {
        let v = task_view(&s, n);
        assert_eq!(
            v["status"], "not-started",
            "task {n} after undoing everything and reloading: {v}"
        );
    }
}
