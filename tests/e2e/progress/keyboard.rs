//! Keyboard marking: keys 1–4 and 0 on a focused task card, Ctrl+Z / Ctrl+Y, no shortcuts while typing; Tab stays inside an open dialog and Escape closes it.

use super::support::*;
use crate::webdriver::{Session, open_app};

#[test]
fn number_keys_on_focused_card_set_status_and_ctrl_z_undoes() {
    let s = Session::new();
    open_app(&s);
    assert_eq!(status_of(&s, 10), "not-started", "task 10 on a fresh page");

    focus_task(&s, 10);
    press_keys(&s, None, "4");
    wait_status(&s, 10, "lagging");
    let v = task_view(&s, 10);
    assert_eq!(v["badge"], "滞后", "task 10 badge after key 4: {v}");
    assert_eq!(
        v["pressed"],
        serde_json::json!(["lagging"]),
        "task 10 pressed button after key 4: {v}"
    );
    assert_eq!(
        js(&s, "return document.activeElement?.dataset?.task ?? null;"),
        "10",
        "focus stays on the card after a shortcut"
    );

    press_keys(&s, None, "2");
    wait_status(&s, 10, "in-progress");

    press_keys(&s, None, "0");
    wait_status(&s, 10, "not-started");
    let auto = js(
        &s,
        "return !!document.querySelector('article.task[data-task=\"10\"] button.status-auto');",
    );
    assert_eq!(
        auto, false,
        "task 10 shows no 自动 button once back to automatic"
    );

    press_keys(&s, Some(CONTROL), "z");
    wait_status(&s, 10, "in-progress");
    press_keys(&s, Some(CONTROL), "z");
    wait_status(&s, 10, "lagging");
    press_keys(&s, Some(CONTROL), "y");
    wait_status(&s, 10, "in-progress");

    // Ctrl+Z also works with focus on the page body, not only on the card.
    js(&s, "document.activeElement?.blur(); return null;");
    press_keys(&s, Some(CONTROL), "z");
    wait_status(&s, 10, "lagging");
}

#[test]
fn keys_typed_into_a_field_are_not_shortcuts() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 10, "done");
    wait_status(&s, 10, "done");
    open_report(&s, 10);
    let input = s.find(r#"article.task[data-task="10"] input.measure-new"#);
    click_el(&s, &input);
    press_keys(&s, None, "34");
    assert_eq!(
        input.property("value"),
        "34",
        "the digits land in the field"
    );
    press_keys(&s, Some(CONTROL), "z");
    let v = task_view(&s, 10);
    assert_eq!(
        v["status"], "done",
        "task 10 after typing 3, 4 and Ctrl+Z in its measure field: {v}"
    );
    assert_eq!(
        undo_redo_disabled(&s),
        (false, true),
        "(undo, redo) disabled: Ctrl+Z in a field is not the app's undo"
    );
}

#[test]
fn arrow_keys_and_j_k_move_between_tasks() {
    let s = Session::new();
    open_app(&s);
    let focused = || js(&s, "return document.activeElement?.dataset?.task ?? null;");
    focus_task(&s, 3);
    press_keys(&s, None, "\u{E015}"); // ArrowDown: into the next section
    assert_eq!(focused(), "4");
    press_keys(&s, None, "jj");
    assert_eq!(focused(), "6");
    press_keys(&s, None, "k\u{E013}"); // k, ArrowUp
    assert_eq!(focused(), "4");
    press_keys(&s, None, "3");
    wait_status(&s, 4, "done");
    focus_task(&s, 1);
    press_keys(&s, None, "k");
    assert_eq!(focused(), "1", "the first task stays focused");
}

/// WebDriver code of the Tab key.
const TAB: &str = "\u{E004}";
/// WebDriver code of the Shift key.
const SHIFT: &str = "\u{E008}";
/// WebDriver code of the Escape key.
const ESCAPE: &str = "\u{E00C}";

#[test]
fn tab_stays_inside_an_open_dialog_and_escape_gives_the_focus_back() {
    let s = Session::new();
    open_app(&s);
    js(
        &s,
        "document.querySelector('button#new-plan').focus(); return null;",
    );
    press_keys(&s, None, ENTER);
    s.wait_until("document.querySelector('#new-plan-dialog') !== null", T);
    let inside = "document.querySelector('.modal').contains(document.activeElement)";
    assert_eq!(
        js(&s, &format!("return {inside};")),
        true,
        "the dialog has the focus"
    );
    for n in 1..=12 {
        press_keys(&s, None, TAB);
        assert_eq!(
            js(&s, &format!("return {inside};")),
            true,
            "Tab {n} stays inside the dialog"
        );
    }
    for n in 1..=12 {
        press_keys(&s, Some(SHIFT), TAB);
        assert_eq!(
            js(&s, &format!("return {inside};")),
            true,
            "Shift+Tab {n} stays inside the dialog"
        );
    }
    // A click on the backdrop leaves the focus nowhere; Tab brings it back in.
    js(&s, "document.activeElement.blur(); return null;");
    press_keys(&s, None, TAB);
    assert_eq!(
        js(&s, &format!("return {inside};")),
        true,
        "Tab from nowhere goes into the dialog"
    );
    press_keys(&s, None, ESCAPE);
    s.wait_until("document.querySelector('#new-plan-dialog') === null", T);
    assert_eq!(
        js(&s, "return document.activeElement?.id ?? null;"),
        "new-plan",
        "closing gives the focus back to 新建计划"
    );
}
