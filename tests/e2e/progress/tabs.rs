//! Two tabs of the same file: each sees the other's saves, neither overwrites the other's newer edits, and text being typed survives the other tab saving and a reload.

use super::support::*;
use crate::webdriver::{Session, dist_url, open_app, wait_ready};

/// A session with the app open in two tabs: `(session, first tab, second tab)`, the second
/// one in front.
fn two_tabs() -> (Session, String, String) {
    let s = Session::new();
    open_app(&s);
    let a = s.window_handles().into_iter().next().expect("first tab");
    let b = s.new_window();
    s.switch_to(&b);
    s.goto(&dist_url());
    wait_ready(&s);
    (s, a, b)
}

/// Asserts task 4 done at 60 % and task 6 lagging in the current tab.
fn assert_all_three(s: &Session, tab: &str) {
    let (t4, t6) = (task_view(s, 4), task_view(s, 6));
    assert_eq!(t4["status"], "done", "tab {tab}: task 4 status: {t4}");
    assert_eq!(t4["percent"], "60", "tab {tab}: task 4 percent: {t4}");
    assert_eq!(t6["status"], "lagging", "tab {tab}: task 6 status: {t6}");
}

#[test]
fn two_tabs_exchange_edits_without_overwriting() {
    let (s, a, b) = two_tabs();

    s.switch_to(&a);
    click_status(&s, 4, "done");
    wait_status(&s, 4, "done");

    s.switch_to(&b);
    wait_status(&s, 4, "done");
    open_report(&s, 4);
    set_percent(&s, 4, 60);
    click_status(&s, 6, "lagging");
    wait_status(&s, 6, "lagging");
    assert_eq!(
        status_of(&s, 4),
        "done",
        "tab B: task 4 keeps A's done after B's edits"
    );

    s.switch_to(&a);
    wait_percent(&s, 4, 60);
    wait_status(&s, 6, "lagging");
    assert_all_three(&s, "A (live)");

    s.refresh();
    wait_ready(&s);
    assert_all_three(&s, "A (reloaded)");
    s.switch_to(&b);
    s.refresh();
    wait_ready(&s);
    assert_all_three(&s, "B (reloaded)");
}

/// Types `text` into task `n`'s 进展情况 as a keyboard does: `input` events, no `change` yet.
fn type_progress(s: &Session, n: u32, text: &str) {
    let typed = s.execute(
        "const box = document.querySelector(`article.task[data-task=\"${arguments[0]}\"] textarea.report-progress`);
         box.focus();
         box.value = arguments[1];
         box.dispatchEvent(new Event('input', { bubbles: true }));
         return document.activeElement === box;",
        vec![n.into(), text.into()],
    );
    assert_eq!(typed, true, "task {n}'s 进展情况 has the focus");
}

/// What task `n`'s 进展情况 box holds, and whether it is still being typed in.
fn progress_box(s: &Session, n: u32) -> serde_json::Value {
    s.execute(
        "const box = document.querySelector(`article.task[data-task=\"${arguments[0]}\"] textarea.report-progress`);
         return { value: box.value, typing: box.hasAttribute('data-typing') };",
        vec![n.into()],
    )
}

#[test]
fn text_being_typed_survives_the_other_window_saving_and_a_reload() {
    let s = Session::new();
    open_app(&s);
    crate::webdriver::choose_unit(&s, "文源司法所");
    let a = s.window_handles().into_iter().next().expect("first window");
    // A window beside the first, so that the first stays visible (and keeps its typing).
    let b = s.new_separate_window();
    s.switch_to(&b);
    s.goto(&dist_url());
    wait_ready(&s);

    s.switch_to(&a);
    open_report(&s, 16);
    type_progress(&s, 16, "本月走访企业8家");

    s.switch_to(&b);
    click_status(&s, 17, "in-progress");
    wait_status(&s, 17, "in-progress");

    s.switch_to(&a);
    wait_status(&s, 17, "in-progress");
    let held = progress_box(&s, 16);
    assert_eq!(held["typing"], true, "still being typed: {held}");
    assert_eq!(
        held["value"], "本月走访企业8家",
        "the other window's save leaves the text being typed: {held}"
    );

    // Reloading before leaving the box: the text is kept as if the box had been left.
    s.refresh();
    wait_ready(&s);
    open_report(&s, 16);
    let kept = progress_box(&s, 16);
    assert_eq!(
        kept["value"], "本月走访企业8家",
        "kept over the reload: {kept}"
    );
    assert_eq!(kept["typing"], false, "and saved as written: {kept}");
}

#[test]
fn text_being_typed_is_saved_when_its_tab_is_hidden() {
    let s = Session::new();
    open_app(&s);
    crate::webdriver::choose_unit(&s, "文源司法所");
    open_report(&s, 16);
    type_progress(&s, 16, "专项检查已部署");
    // Another tab in front hides this one: what was typed is saved, and the other tab has it.
    let b = s.new_window();
    s.switch_to(&b);
    s.goto(&dist_url());
    wait_ready(&s);
    open_report(&s, 16);
    let there = progress_box(&s, 16);
    assert_eq!(
        there["value"], "专项检查已部署",
        "saved when hidden: {there}"
    );
}

#[test]
fn a_section_title_being_typed_survives_the_other_window_editing_the_plan() {
    use crate::library::support::enter_edit;
    let s = Session::new();
    open_app(&s);
    let a = s.window_handles().into_iter().next().expect("first window");
    let b = s.new_separate_window();
    s.switch_to(&b);
    s.goto(&dist_url());
    wait_ready(&s);
    enter_edit(&s);

    s.switch_to(&a);
    enter_edit(&s);
    let title = r#"#plan-editor .edit-section[data-section="1"] input.section-title"#;
    let typed = s.execute(
        "const box = document.querySelector(arguments[0]);
         box.focus();
         box.value = box.value + '和统筹';
         box.dispatchEvent(new Event('input', { bubbles: true }));
         return box.value;",
        vec![title.into()],
    );

    s.switch_to(&b);
    click(
        &s,
        r#"#plan-editor .edit-section[data-section="2"] button.task-down"#,
    );

    s.switch_to(&a);
    assert!(
        s.poll_until(
            "[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('另一个窗口修改了本计划的结构'))",
            T
        ),
        "the other window's edit arrived"
    );
    assert_eq!(
        s.find(title).property("value"),
        typed,
        "the section title being typed stays"
    );
}

#[test]
fn undo_keeps_what_the_other_window_changed_since() {
    let (s, a, b) = two_tabs();

    s.switch_to(&a);
    click_status(&s, 5, "done");
    wait_status(&s, 5, "done");
    s.switch_to(&b);
    wait_status(&s, 5, "done");
    click_status(&s, 5, "lagging");
    wait_status(&s, 5, "lagging");

    // A takes back its own change: B's newer status stays, and A says so.
    s.switch_to(&a);
    wait_status(&s, 5, "lagging");
    click(&s, "button#undo");
    let said = crate::library::support::notices(&s);
    assert!(
        said.contains("撤销时保留了 1 处内容"),
        "the notice says what was kept: {said}"
    );
    assert_eq!(status_of(&s, 5), "lagging");
    s.refresh();
    wait_ready(&s);
    assert_eq!(status_of(&s, 5), "lagging", "after a reload too");
}

#[test]
fn undoing_a_plan_edit_leaves_the_other_windows_later_plan_edit() {
    use crate::library::support::{enter_edit, leave_edit, set_value};
    let (s, a, b) = two_tabs();

    s.switch_to(&a);
    enter_edit(&s);
    set_value(
        &s,
        r#"#plan-editor .edit-section[data-section="1"] input.section-title"#,
        "窗口甲改的标题",
    );
    leave_edit(&s);
    s.switch_to(&b);
    enter_edit(&s);
    set_value(
        &s,
        r#"#plan-editor .edit-section[data-section="2"] input.section-title"#,
        "窗口乙改的标题",
    );
    leave_edit(&s);

    s.switch_to(&a);
    let title = |s: &Session, n: u32| {
        s.execute(
            "return document.querySelector(`section.plan-section[data-section=\"${arguments[0]}\"] .section-title`)?.textContent ?? '';",
            vec![n.into()],
        )
    };
    let seen = s.poll_until(
        "document.body.textContent.includes('窗口乙改的标题')",
        std::time::Duration::from_secs(5),
    );
    assert!(seen, "window A sees B's edit");
    click(&s, "button#undo");
    let said = crate::library::support::notices(&s);
    assert!(
        said.contains("计划在这一步之后又在别处"),
        "the undo says why it did nothing: {said}"
    );
    let (one, two) = (title(&s, 1), title(&s, 2));
    assert!(
        one.as_str().is_some_and(|t| t.contains("窗口甲改的标题"))
            && two.as_str().is_some_and(|t| t.contains("窗口乙改的标题")),
        "both windows' edits stay: {one} / {two}"
    );
}
