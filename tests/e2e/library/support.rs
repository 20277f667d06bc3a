//! Helpers shared by the plan-library tests: dialogs, plans, stored keys, downloads, seeding storage.

use std::time::Instant;

use serde_json::Value;

pub use super::stored::{
    capture_downloads, seed_storage_and_open, stored_json, stored_keys, stored_progress_of,
    wait_download,
};
pub use crate::progress::support::{
    CONTROL, T, click, click_el, click_status, js, press_keys, status_of, task_view,
    undo_redo_disabled, wait_status,
};
use crate::webdriver::Session;

/// Id of the embedded 2023 plan.
pub const DEFAULT_ID: &str = "plan-d046933b05f415f1";
/// Title of the embedded 2023 plan.
pub const DEFAULT_TITLE: &str = "2023年天心区司法行政工作要点";

/// A small plan: 2 sections, 4 tasks, 5 units (法制审查科 leads task 1), task 2 has the
/// deadline 6月底前, and line 7 numbers its task 5 where 4 was expected (one warning).
pub const SAMPLE: &str = "2024年示范区司法局工作要点
一、依法行政
1.完善合法性审查机制。全面落实重大行政决策合法性审查。(牵头单位:法制审查科;责任单位:办公室、行政复议科)
2.推进行政复议规范化。完成案件办理系统升级。(责任单位:行政复议科;完成时限:6月底前)
二、公共法律服务
3.建设公共法律服务站点。推动站点覆盖全部社区。(责任单位:公共法律服务科、办公室)
5.开展法律援助进社区活动。每季度至少开展一次。(责任单位:法律援助科)
";
/// Title of [`SAMPLE`].
pub const SAMPLE_TITLE: &str = "2024年示范区司法局工作要点";
/// Task titles of [`SAMPLE`], in order.
pub const SAMPLE_TASKS: [&str; 4] = [
    "完善合法性审查机制",
    "推进行政复议规范化",
    "建设公共法律服务站点",
    "开展法律援助进社区活动",
];

/// Polls the function body `js_body` (with `arguments` = `args`) until it returns true.
pub fn poll_js(s: &Session, js_body: &str, args: Vec<Value>) -> bool {
    let deadline = Instant::now() + T;
    loop {
        if s.execute(js_body, args.clone()) == true {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// JS body: whether the element `arguments[0]` exists and is rendered (dialogs in the top
/// layer included).
const SHOWN: &str = "const e = document.querySelector(arguments[0]);
     return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';";

/// Whether `css` is present and rendered.
pub fn shown(s: &Session, css: &str) -> bool {
    s.execute(SHOWN, vec![Value::from(css)]) == true
}

/// Waits until `css` is rendered; panics naming it.
pub fn wait_shown(s: &Session, css: &str) {
    if !poll_js(s, SHOWN, vec![Value::from(css)]) {
        panic!("{css} did not appear; notices: {}", notices(s));
    }
}

/// Waits until `css` is gone or hidden; panics naming it.
pub fn wait_hidden(s: &Session, css: &str) {
    let body = format!("return !(() => {{ {SHOWN} }})();");
    if !poll_js(s, &body, vec![Value::from(css)]) {
        panic!("{css} is still shown");
    }
}

/// Trimmed `textContent` of the first match of `css`, or `None`.
pub fn text_of(s: &Session, css: &str) -> Option<String> {
    s.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
        vec![Value::from(css)],
    )
    .as_str()
    .map(str::to_owned)
}

/// Sets a form control's value and fires bubbling `input` and `change`, as typing would.
pub fn set_value(s: &Session, css: &str, value: &str) {
    let found = s.execute(
        "const e = document.querySelector(arguments[0]);
         if (!e) return false;
         e.value = arguments[1];
         e.dispatchEvent(new Event('input', {bubbles: true}));
         e.dispatchEvent(new Event('change', {bubbles: true}));
         return true;",
        vec![Value::from(css), Value::from(value)],
    );
    assert_eq!(found, true, "no {css} to set to {value:?}");
}

/// Text of every notice shown, joined with ` | `.
pub fn notices(s: &Session) -> String {
    js(
        s,
        "return [...document.querySelectorAll('.notice')].map(n => n.textContent.trim()).join(' | ');",
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Clicks the `.notice button.notice-action` reading `label`.
pub fn click_notice_action(s: &Session, label: &str) {
    let found = poll_js(
        s,
        "return [...document.querySelectorAll('.notice button.notice-action')]
                 .some(b => b.textContent.trim() === arguments[0]);",
        vec![Value::from(label)],
    );
    assert!(found, "no notice offers {label:?}; notices: {}", notices(s));
    let button = s
        .find_all(".notice button.notice-action")
        .into_iter()
        .find(|b| b.property("textContent").as_str().map(str::trim) == Some(label))
        .expect("notice action");
    click_el(s, &button);
}

/// A plan title as an option shows it: the app may add the task count (`（19 项）`).
pub fn option_title(text: &str) -> &str {
    match text.rfind('（') {
        Some(i) if text.ends_with("项）") => &text[..i],
        _ => text,
    }
}

/// The plans offered by `select#plan-switch`: `(id, title)` in order (a task count the
/// option adds is cut off).
pub fn plan_options(s: &Session) -> Vec<(String, String)> {
    let v = js(
        s,
        "const sel = document.querySelector('select#plan-switch');
         return sel ? [...sel.options].map(o => [o.value, o.textContent.trim()]) : null;",
    );
    let rows = v.as_array().expect("select#plan-switch exists");
    rows.iter()
        .map(|r| {
            let text = r[1].as_str().unwrap_or("");
            (
                r[0].as_str().unwrap_or("").to_owned(),
                option_title(text).to_owned(),
            )
        })
        .collect()
}

/// The plan `select#plan-switch` shows as chosen.
pub fn active_plan(s: &Session) -> String {
    js(
        s,
        "return document.querySelector('select#plan-switch')?.value ?? null;",
    )
    .as_str()
    .unwrap_or("")
    .to_owned()
}

/// The shown plan title (`h1`).
pub fn h1(s: &Session) -> String {
    text_of(s, "h1").unwrap_or_default()
}

/// Waits until `h1` reads `title`.
pub fn wait_h1(s: &Session, title: &str) {
    let ok = poll_js(
        s,
        "return document.querySelector('h1')?.textContent.trim() === arguments[0];",
        vec![Value::from(title)],
    );
    assert!(ok, "h1 should read {title:?}; it reads {:?}", h1(s));
}

/// Chooses plan `id` in `select#plan-switch` and waits for its title in `h1`.
pub fn switch_plan(s: &Session, id: &str) {
    let options = plan_options(s);
    let title = options
        .iter()
        .find(|(v, _)| v == id)
        .map(|(_, t)| t.clone())
        .unwrap_or_else(|| panic!("select#plan-switch has no plan {id}; options: {options:?}"));
    set_value(s, "select#plan-switch", id);
    wait_h1(s, &title);
}

/// Task ids of the rendered cards, in page order.
pub fn card_ids(s: &Session) -> Vec<u32> {
    let v = js(
        s,
        "return [...document.querySelectorAll('article.task')].map(a => +a.dataset.task);",
    );
    serde_json::from_value(v).expect("ids")
}

/// Titles of the rendered cards, in page order.
pub fn card_titles(s: &Session) -> Vec<String> {
    let v = js(
        s,
        "return [...document.querySelectorAll('article.task .task-title')].map(t => t.textContent.trim());",
    );
    serde_json::from_value(v).expect("titles")
}

/// What task card `id` shows: `{title, status, units:[{name, lead, mark}], deadline}`.
pub fn card(s: &Session, id: u32) -> Value {
    s.execute(
        "const a = document.querySelector(`article.task[data-task=\"${arguments[0]}\"]`);
         if (!a) return null;
         const t = c => { const e = a.querySelector(c); return e ? e.textContent.trim() : null; };
         return { title: t('.task-title'), status: a.dataset.status,
                  units: [...a.querySelectorAll('.unit-chip')].map(c => ({
                      name: (c.querySelector('.unit-name') || c).textContent.trim(),
                      lead: c.classList.contains('unit-lead'),
                      mark: c.querySelector('.lead-mark')?.textContent.trim() ?? null })),
                  deadline: t('.plan-deadline') };",
        vec![Value::from(id)],
    )
}

/// Unit names on task card `id`, in order.
pub fn card_units(s: &Session, id: u32) -> Vec<String> {
    card(s, id)["units"]
        .as_array()
        .map(|u| {
            u.iter()
                .filter_map(|c| c["name"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Opens a dialog by clicking `button` and waits for `dialog` to show.
pub fn open_dialog(s: &Session, button: &str, dialog: &str) {
    click(s, button);
    wait_shown(s, dialog);
    let role = s.find(dialog).attr("role");
    assert_eq!(role.as_deref(), Some("dialog"), "{dialog} role");
}

/// Closes `dialog` with its `button.dialog-close`.
pub fn close_dialog(s: &Session, dialog: &str) {
    click(s, &format!("{dialog} button.dialog-close"));
    wait_hidden(s, dialog);
}

/// Opens 新建计划 and pastes `text` into `textarea#plan-text`.
pub fn paste_plan(s: &Session, text: &str) {
    open_dialog(s, "button#new-plan", "#new-plan-dialog");
    set_value(s, "#new-plan-dialog textarea#plan-text", text);
}

/// Creates a plan from `text` through the dialog; waits until it is shown (h1 = `title`)
/// and returns its id (the value of `select#plan-switch`).
pub fn create_plan(s: &Session, text: &str, title: &str) -> String {
    paste_plan(s, text);
    let enabled = poll_js(
        s,
        "const b = document.querySelector('button#create-plan'); return !!b && !b.disabled;",
        vec![],
    );
    assert!(
        enabled,
        "创建计划 stays disabled; preview: {:?}",
        text_of(s, ".plan-preview")
    );
    click(s, "button#create-plan");
    wait_hidden(s, "#new-plan-dialog");
    wait_h1(s, title);
    let id = active_plan(s);
    assert!(
        plan_options(s).iter().any(|(v, t)| v == &id && t == title),
        "select#plan-switch offers the new plan {title:?} as {id:?}: {:?}",
        plan_options(s)
    );
    id
}

/// Turns edit mode on: `#plan-editor` replaces the task list.
pub fn enter_edit(s: &Session) {
    click(s, "button#edit-plan");
    wait_shown(s, "#plan-editor");
    let pressed = s.find("button#edit-plan").attr("aria-pressed");
    assert_eq!(
        pressed.as_deref(),
        Some("true"),
        "编辑计划 aria-pressed in edit mode"
    );
}

/// Turns edit mode off and waits for the task cards.
pub fn leave_edit(s: &Session) {
    click(s, "button#edit-plan");
    wait_hidden(s, "#plan-editor");
    s.wait_until("document.querySelector('article.task') !== null", T);
}
