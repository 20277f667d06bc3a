//! Helpers shared by the progress tests: reading a task's shown state and editing it like a user.

use std::time::Duration;

use serde_json::{Value, json};

use crate::webdriver::{ElementRef, Session};

/// Poll timeout for the app's reactions (they are synchronous; this only absorbs scheduling).
pub const T: Duration = Duration::from_secs(5);

/// Unit used as 本部门 in these tests.
pub const MY_UNIT: &str = "普法与依法治理科";

/// CSS selector of task `n`'s card.
pub fn task_css(n: u32) -> String {
    format!(r#"article.task[data-task="{n}"]"#)
}

/// Everything a task card shows, read through the DOM (hidden parts included):
/// `{status, badge, overdue, percent, pressed, deadline, percentInput, parts:{unit:value},
///   measures:{id:{checked,text}}, logs:[text], earlier:[text]}`.
/// The 进展填报 panel is built when first opened, so this opens it first (see [`build_report`]).
pub fn task_view(s: &Session, n: u32) -> Value {
    build_report(s, n);
    s.execute(
        "const a = document.querySelector(arguments[0]);
         if (!a) return null;
         const q = c => a.querySelector(c), qa = c => [...a.querySelectorAll(c)];
         const parts = {}; qa('tr.part-row').forEach(r => parts[r.dataset.unit] = r.querySelector('select.part-select').value);
         const measures = {}; qa('li.measure').forEach(m => measures[m.dataset.measure] = {
             checked: m.querySelector('input[type=checkbox]').checked,
             text: (m.querySelector('.measure-text') || {textContent: ''}).textContent.trim() });
         const pressed = qa('button.status-btn[aria-pressed=\"true\"]').map(b => b.dataset.status);
         return { status: a.dataset.status,
                  badge: q('.status-badge').textContent.trim(),
                  overdue: !!q('.overdue-badge'),
                  percent: q('.task-progress-row .progress').getAttribute('aria-valuenow'),
                  pressed,
                  deadline: q('input.deadline-input').value,
                  percentInput: q('input.percent-input').value,
                  parts, measures,
                  logs: qa('li.log-entry .log-body').map(e => e.textContent.trim()),
                  earlier: qa('li.log-entry li.log-earlier').map(e => e.textContent.trim()) };",
        vec![Value::from(task_css(n))],
    )
}

/// `data-status` of task `n`.
pub fn status_of(s: &Session, n: u32) -> String {
    task_view(s, n)["status"].as_str().unwrap_or("").to_owned()
}

/// Waits until task `n` has `data-status` = `status`; panics with the card's state otherwise.
pub fn wait_status(s: &Session, n: u32, status: &str) {
    let cond = format!(
        r#"document.querySelector('{}')?.dataset.status === '{status}'"#,
        task_css(n)
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "task {n}: expected data-status={status:?}; card shows {}",
            task_view(s, n)
        );
    }
}

/// Waits until task `n`'s bar shows `percent` (`aria-valuenow`).
pub fn wait_percent(s: &Session, n: u32, percent: u8) {
    let cond = format!(
        r#"document.querySelector('{} .task-progress-row .progress')?.getAttribute('aria-valuenow') === '{percent}'"#,
        task_css(n)
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "task {n}: expected aria-valuenow={percent}; card shows {}",
            task_view(s, n)
        );
    }
}

pub use crate::webdriver::choose_unit;

/// Scrolls `el` to the middle of the viewport (clear of the sticky toolbar), then clicks it.
pub fn click_el(s: &Session, el: &ElementRef<'_>) {
    s.execute(
        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'}); return null;",
        vec![el.as_arg()],
    );
    el.click();
}

/// Clicks the first match of `css` like [`click_el`].
pub fn click(s: &Session, css: &str) {
    click_el(s, &s.find(css));
}

/// Clicks status button `status` (`done`, `lagging`, …) of task `n`.
pub fn click_status(s: &Session, n: u32, status: &str) {
    click(
        s,
        &format!(
            r#"{} button.status-btn[data-status="{status}"]"#,
            task_css(n)
        ),
    );
}

/// Opens the 进展填报 panel of task `n` by clicking its summary (no-op if already open) and
/// waits until its body is built.
pub fn open_report(s: &Session, n: u32) {
    let css = format!("{} details.task-report", task_css(n));
    if s.find(&css).property("open") != true {
        click(s, &format!("{css} > summary"));
    }
    s.wait_until(&format!("document.querySelector('{css}').open === true"), T);
    wait_report_built(s, n);
}

/// Waits until task `n`'s 进展填报 panel has its body (it is built on first opening).
pub fn wait_report_built(s: &Session, n: u32) {
    s.wait_until(
        &format!(
            "!!document.querySelector('{} details.task-report .report-grid')",
            task_css(n)
        ),
        T,
    );
}

/// Opens task `n`'s 进展填报 panel with a click on its summary if its body was never built,
/// then likewise each corrected log entry's earlier wordings (已更正 … 查看原文), and waits
/// for them; focus and scroll stay where they are. No-op when the card is not shown; parts
/// built once stay as they are, even if closed since.
pub fn build_report(s: &Session, n: u32) {
    let card = task_css(n);
    let clicked = s.execute(
        "const d = document.querySelector(arguments[0] + ' details.task-report');
         if (!d) return false;
         if (!d.querySelector('.report-grid')) d.querySelector('summary').click();
         return true;",
        vec![Value::from(card.as_str())],
    );
    if clicked != true {
        return;
    }
    wait_report_built(s, n);
    let unbuilt = format!(
        "[...document.querySelectorAll('{card} details.log-history')].filter(d => d.children.length === 1)"
    );
    js(
        s,
        &format!("{unbuilt}.forEach(d => d.querySelector('summary').click()); return null;"),
    );
    s.wait_until(&format!("{unbuilt}.length === 0"), T);
}

/// Sets the value of the first match of `css` inside task `n` and fires a bubbling `change`.
pub fn set_field(s: &Session, n: u32, css: &str, value: &str) {
    let found = s.execute(
        "const e = document.querySelector(arguments[0]);
         if (!e) return false;
         e.value = arguments[1];
         e.dispatchEvent(new Event('input', {bubbles: true}));
         e.dispatchEvent(new Event('change', {bubbles: true}));
         return true;",
        vec![
            Value::from(format!("{} {css}", task_css(n))),
            Value::from(value),
        ],
    );
    assert_eq!(found, true, "task {n} has no {css}");
}

/// Sets task `n`'s 完成进度 to `percent` and waits for the bar to show it.
pub fn set_percent(s: &Session, n: u32, percent: u8) {
    set_field(s, n, "input.percent-input", &percent.to_string());
    wait_percent(s, n, percent);
}

/// Sets task `n`'s 完成时限 (`YYYY-MM-DD`) and waits for the input to keep it.
pub fn set_deadline(s: &Session, n: u32, date: &str) {
    set_field(s, n, "input.deadline-input", date);
    let cond = format!(
        "document.querySelector('{} input.deadline-input').value === '{date}'",
        task_css(n)
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "task {n}: deadline {date} not kept; card shows {}",
            task_view(s, n)
        );
    }
}

/// Focuses task `n`'s card itself (not a control inside it).
pub fn focus_task(s: &Session, n: u32) {
    let focused = s.execute(
        "const a = document.querySelector(arguments[0]); a.focus(); return document.activeElement === a;",
        vec![Value::from(task_css(n))],
    );
    assert_eq!(focused, true, "task {n}'s card did not take focus");
}

/// Types `keys` to the focused element with the WebDriver Actions API; `modifier` (e.g.
/// `\u{E009}` Control) is held down around them.
pub fn press_keys(s: &Session, modifier: Option<&str>, keys: &str) {
    let mut actions = Vec::new();
    if let Some(m) = modifier {
        actions.push(json!({"type": "keyDown", "value": m}));
    }
    for c in keys.chars() {
        actions.push(json!({"type": "keyDown", "value": c.to_string()}));
        actions.push(json!({"type": "keyUp", "value": c.to_string()}));
    }
    if let Some(m) = modifier {
        actions.push(json!({"type": "keyUp", "value": m}));
    }
    s.cmd(
        "POST",
        "/actions",
        Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
    );
    s.cmd("DELETE", "/actions", None);
}

/// WebDriver code of the Control key.
pub const CONTROL: &str = "\u{E009}";
/// WebDriver code of the Enter key.
pub const ENTER: &str = "\u{E007}";

/// Runs `js` (a function body) and returns its value.
pub fn js(s: &Session, js: &str) -> Value {
    s.execute(js, vec![])
}

/// Whether the undo / redo buttons are disabled: `(undo, redo)`.
pub fn undo_redo_disabled(s: &Session) -> (bool, bool) {
    let v = js(
        s,
        "return [document.querySelector('#undo').disabled, document.querySelector('#redo').disabled];",
    );
    (v[0] == true, v[1] == true)
}

/// Number of rendered task cards.
pub fn task_count(s: &Session) -> usize {
    s.find_all("article.task").len()
}
