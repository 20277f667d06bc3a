//! Marking progress with the mouse: everything set survives a reload; the overdue badge.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, open_app, wait_ready};

/// Adds a log entry to task `n` (report open, 本部门 chosen) and waits until it is listed.
fn add_log(s: &Session, n: u32, text: &str) {
    let card = s.find(&task_css(n));
    card.find("textarea.log-text").send_keys(text);
    click_el(s, &card.find("button.log-add-btn"));
    let cond = format!(
        "[...document.querySelectorAll('{} li.log-entry .log-body')].some(e => e.textContent.trim() === {})",
        task_css(n),
        Value::from(text)
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "task {n}: log entry {text:?} not listed; card shows {}",
            task_view(s, n)
        );
    }
}

/// Corrects the (only) log entry of task `n` to `text` with 更正 / 保存更正.
fn correct_log(s: &Session, n: u32, text: &str) {
    let entry = s.find(&format!("{} li.log-entry", task_css(n)));
    let buttons = entry.find_all("button");
    let correct = buttons
        .iter()
        .find(|b| b.text().trim() == "更正")
        .unwrap_or_else(|| panic!("task {n}: no 更正 button on the author's own log entry"));
    click_el(s, correct);
    let edit = s.find(&format!("{} li.log-entry textarea.log-edit", task_css(n)));
    edit.clear();
    edit.send_keys(text);
    let entry = s.find(&format!("{} li.log-entry", task_css(n)));
    let save = entry
        .find_all("button")
        .into_iter()
        .find(|b| b.text().trim() == "保存更正")
        .unwrap_or_else(|| panic!("task {n}: no 保存更正 button while correcting"));
    click_el(s, &save);
    let cond = format!(
        "document.querySelector('{} li.log-entry .log-body')?.textContent.trim() === {}",
        task_css(n),
        Value::from(text)
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "task {n}: correction {text:?} not shown; card shows {}",
            task_view(s, n)
        );
    }
}

#[test]
fn marked_progress_survives_reload() {
    let s = Session::new();
    open_app(&s);
    assert_eq!(task_count(&s), 19, "article.task count");

    build_report(&s, 7);
    let hint = js(
        &s,
        "return !!document.querySelector('article.task[data-task=\"7\"] .progress-log .hint') && !document.querySelector('article.task[data-task=\"7\"] button.log-add-btn');",
    );
    assert_eq!(
        hint, true,
        "before 本部门 is chosen the log shows a .hint instead of the add button"
    );
    choose_unit(&s, MY_UNIT);

    click_status(&s, 2, "in-progress");
    wait_status(&s, 2, "in-progress");

    focus_task(&s, 5);
    press_keys(&s, None, "3");
    wait_status(&s, 5, "done");

    open_report(&s, 8);
    set_percent(&s, 8, 40);
    set_deadline(&s, 8, "2023-09-30");
    let units8: Vec<String> = task_view(&s, 8)["parts"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    assert_eq!(units8.len(), 4, "task 8 part rows: {units8:?}");
    set_field(
        &s,
        8,
        r#"tr.part-row[data-unit="办公室"] select.part-select"#,
        "lagging",
    );
    s.wait_until(
        r#"document.querySelector('article.task[data-task="8"] tr.part-row[data-unit="办公室"] select.part-select')?.value === 'lagging'"#,
        T,
    );

    open_report(&s, 1);
    click(
        &s,
        r#"article.task[data-task="1"] li.measure[data-measure="seed-1-1"] input[type=checkbox]"#,
    );
    wait_percent(&s, 1, 50);

    open_report(&s, 3);
    let before3 = task_view(&s, 3)["measures"]
        .as_object()
        .map_or(0, |m| m.len());
    s.find(r#"article.task[data-task="3"] input.measure-new"#)
        .send_keys(&format!("编写专项工作台账{ENTER}"));
    let cond = format!(
        "document.querySelectorAll('{} li.measure').length === {}",
        task_css(3),
        before3 + 1
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "task 3: added measure not listed; card shows {}",
            task_view(&s, 3)
        );
    }

    open_report(&s, 7);
    add_log(&s, 7, "已召开专题部署会");
    correct_log(&s, 7, "已于6月召开专题部署会");

    let before: Vec<Value> = [1, 2, 3, 5, 7, 8]
        .iter()
        .map(|&n| task_view(&s, n))
        .collect();
    s.refresh();
    wait_ready(&s);

    let unit = js(&s, "return document.querySelector('select#my-unit').value;");
    assert_eq!(unit, MY_UNIT, "本部门 after reload");
    let t2 = task_view(&s, 2);
    assert_eq!(t2["status"], "in-progress", "task 2 after reload: {t2}");
    assert_eq!(
        t2["pressed"],
        serde_json::json!(["in-progress"]),
        "task 2 pressed button: {t2}"
    );
    let t5 = task_view(&s, 5);
    assert_eq!(t5["status"], "done", "task 5 after reload: {t5}");
    assert_eq!(t5["badge"], "已完成", "task 5 badge: {t5}");
    let t8 = task_view(&s, 8);
    assert_eq!(t8["percent"], "40", "task 8 bar after reload: {t8}");
    assert_eq!(
        t8["percentInput"], "40",
        "task 8 percent input after reload: {t8}"
    );
    assert_eq!(
        t8["deadline"], "2023-09-30",
        "task 8 deadline after reload: {t8}"
    );
    assert_eq!(
        t8["parts"]["办公室"], "lagging",
        "task 8 办公室 part after reload: {t8}"
    );
    let t1 = task_view(&s, 1);
    assert_eq!(
        t1["measures"]["seed-1-1"]["checked"], true,
        "task 1 measure after reload: {t1}"
    );
    assert_eq!(t1["percent"], "50", "task 1 bar after reload: {t1}");
    let t3 = task_view(&s, 3);
    let added = t3["measures"].as_object().is_some_and(|m| {
        m.iter()
            .any(|(id, v)| !id.starts_with("seed-") && v["text"] == "编写专项工作台账")
    });
    assert!(added, "task 3 added measure after reload: {t3}");
    let t7 = task_view(&s, 7);
    assert_eq!(
        t7["logs"],
        serde_json::json!(["已于6月召开专题部署会"]),
        "task 7 log after reload: {t7}"
    );
    assert_eq!(
        t7["earlier"],
        serde_json::json!(["已召开专题部署会"]),
        "task 7 earlier wording after reload: {t7}"
    );

    let after: Vec<Value> = [1, 2, 3, 5, 7, 8]
        .iter()
        .map(|&n| task_view(&s, n))
        .collect();
    assert_eq!(
        before, after,
        "cards before vs after reload (tasks 1,2,3,5,7,8)"
    );
}

#[test]
fn past_deadline_shows_overdue_until_done() {
    let s = Session::new();
    open_app(&s);
    let badge = format!("{} .overdue-badge", task_css(9));
    assert!(
        s.find_all(&badge).is_empty(),
        "task 9 is not overdue before a deadline is set"
    );

    open_report(&s, 9);
    set_deadline(&s, 9, "2000-01-01");
    if !s.poll_until(&format!("!!document.querySelector('{badge}')"), T) {
        panic!(
            "task 9: no .overdue-badge after a past deadline; card shows {}",
            task_view(&s, 9)
        );
    }
    assert_eq!(s.find(&badge).text().trim(), "逾期");
    let summary = js(
        &s,
        "return document.querySelector('.plan-summary').textContent;",
    );
    assert!(
        summary.as_str().is_some_and(|t| t.contains("逾期 1")),
        ".plan-summary while task 9 is overdue: {summary}"
    );

    click_status(&s, 9, "done");
    wait_status(&s, 9, "done");
    if !s.poll_until(&format!("!document.querySelector('{badge}')"), T) {
        panic!(
            "task 9: .overdue-badge still shown after 已完成; card shows {}",
            task_view(&s, 9)
        );
    }

    set_deadline(&s, 9, "2099-12-31");
    click_status(&s, 9, "lagging");
    wait_status(&s, 9, "lagging");
    assert!(
        s.find_all(&badge).is_empty(),
        "task 9 with a future deadline is not overdue"
    );
}
