//! Typed fields of 进展填报: a date counts once its year is whole (a browser reports 0002,
//! 0020 and 0202 on the way to 2027), and undo takes back a monthly report's text.

use serde_json::Value;

use super::support::*;
use crate::library::support::notices;
use crate::webdriver::{Session, choose_unit, open_app};

/// Waits until task `n`'s field `css` holds `value` (a JSON string literal); panics with
/// `what` otherwise.
fn wait_value(s: &Session, n: u32, css: &str, value: &Value, what: &str) {
    let cond = format!(
        "document.querySelector('{} {css}').value === {value}",
        task_css(n)
    );
    assert!(s.poll_until(&cond, T), "{what}: {}", task_view(s, n));
}

#[test]
fn a_typed_deadline_counts_once_its_year_is_whole() {
    let s = Session::new();
    open_app(&s);
    open_report(&s, 4);
    let before = task_view(&s, 4)["deadline"].clone();
    for partial in ["0002-06-30", "0020-06-30", "0202-06-30"] {
        set_field(&s, 4, "input.deadline-input", partial);
    }
    assert!(
        undo_redo_disabled(&s).0,
        "years 2, 20 and 202 are no changes: nothing to undo"
    );
    set_deadline(&s, 4, "2027-06-30");
    assert_eq!(
        task_view(&s, 4)["overdue"],
        false,
        "2027-06-30 is not overdue"
    );
    click(&s, "#undo");
    let what = format!("one undo restores the deadline before typing ({before})");
    wait_value(&s, 4, "input.deadline-input", &before, &what);
    assert!(undo_redo_disabled(&s).0, "typing the date was one step");

    // Leaving the field with a year still being typed puts the saved date back.
    set_deadline(&s, 4, "2027-06-30");
    set_field(&s, 4, "input.deadline-input", "0202-06-30");
    js(
        &s,
        &format!(
            "document.querySelector('{} input.deadline-input').dispatchEvent(new FocusEvent('blur')); return null;",
            task_css(4)
        ),
    );
    let date = Value::from("2027-06-30");
    wait_value(
        &s,
        4,
        "input.deadline-input",
        &date,
        "blur restores 2027-06-30",
    );
    assert!(
        notices(&s).contains("2000—2099"),
        "a notice names the years a date may have: {}",
        notices(&s)
    );
}

#[test]
fn undo_takes_back_a_monthly_report_text() {
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "办公室");
    open_report(&s, 2);
    set_field(&s, 2, "textarea.report-progress", "已召开部署会");
    set_field(&s, 2, "textarea.report-next", "下月完成方案");
    let text = |css: &str| {
        js(
            &s,
            &format!(
                "return document.querySelector('{} {css}').value;",
                task_css(2)
            ),
        )
    };
    click(&s, "#undo");
    let empty = Value::from("");
    wait_value(
        &s,
        2,
        "textarea.report-next",
        &empty,
        "undo clears 下一步措施",
    );
    assert_eq!(
        text("textarea.report-progress"),
        "已召开部署会",
        "进展情况 stays"
    );
    click(&s, "#undo");
    let what = "a second undo clears 进展情况";
    wait_value(&s, 2, "textarea.report-progress", &empty, what);
    assert!(undo_redo_disabled(&s).0, "two writes, two undos");
    click(&s, "#redo");
    let written = Value::from("已召开部署会");
    let what = "redo writes 进展情况 again";
    wait_value(&s, 2, "textarea.report-progress", &written, what);
}

#[test]
fn a_measure_delete_link_is_readable() {
    let s = Session::new();
    open_app(&s);
    open_report(&s, 1);
    let style = js(
        &s,
        &format!(
            "const b = document.querySelector('{} li.measure .link-btn.danger');
             if (!b) return null;
             const c = getComputedStyle(b);
             return [c.color, c.backgroundColor];",
            task_css(1)
        ),
    );
    assert_eq!(
        style[1], "rgba(0, 0, 0, 0)",
        "删除 is a link on the card's background, not red on red: {style}"
    );
    assert_ne!(
        style[0], style[1],
        "its text has a colour of its own: {style}"
    );
}
