//! Markup in imported or typed text (log entries, measures, a file name) is shown literally as text: no element is created from it and no script runs.

use serde_json::Value;
use workplan::model::{Date, ItemId, Progress, TaskId};

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app, wait_ready};

/// A log entry that would run a script if it were parsed as HTML.
const IMG: &str = "<img src=x onerror=alert(1)>";
/// A measure that would run a script and make bold text if it were parsed as HTML.
const SCRIPT: &str = "<b>粗体</b><script>window.__xss = 1</script>";

/// Replaces `alert` with a recorder, so a payload that runs is seen instead of blocking.
fn record_alerts(s: &Session) {
    js(
        s,
        "window.__alerts = []; window.alert = m => window.__alerts.push(String(m)); return null;",
    );
}

/// Asserts that nothing ran and no element came from the payloads, anywhere on the page.
fn assert_inert(s: &Session, when: &str) {
    // An <img src=x> would fail to load and fire onerror within moments.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let seen = js(
        s,
        "return { alerts: window.__alerts || [], xss: window.__xss ?? null,
                  imgs: document.querySelectorAll('img').length,
                  bold: document.querySelectorAll('#app b, .notices b').length,
                  scripts: document.querySelectorAll('#app script, .notices script').length };",
    );
    assert_eq!(
        seen,
        serde_json::json!({"alerts": [], "xss": null, "imgs": 0, "bold": 0, "scripts": 0}),
        "{when}: markup in text must stay text"
    );
}

/// Texts of task `n`'s log entries and measures, as shown.
fn texts(s: &Session, n: u32) -> (Value, Value) {
    let v = task_view(s, n);
    let measures: Vec<Value> = v["measures"]
        .as_object()
        .map(|m| m.values().map(|x| x["text"].clone()).collect())
        .unwrap_or_default();
    (v["logs"].clone(), Value::from(measures))
}

#[test]
fn markup_in_text_fields_renders_as_plain_text() {
    let now = now_ms();
    let by = stamp(now, "办公室", "other-pc");
    let mut progress = Progress::default();
    let four = progress.task_mut(TaskId(4));
    four.add_log(
        ItemId("other-pc.1.1".into()),
        Date::new(2023, 8, 1).expect("date"),
        IMG,
        &by,
    )
    .expect("log entry");
    four.add_measure(ItemId("other-pc.1.2".into()), SCRIPT, &by)
        .expect("measure");
    // A file name is shown in the notice; Linux allows `<`, `>` and `=` in names.
    let name = format!("{IMG}.json");
    let file = write_file(&name, export_of(now, progress));

    let s = Session::new();
    open_app(&s);
    record_alerts(&s);
    let said = import(&s, &file);
    assert!(
        said.contains(&format!("已合并“{name}”")),
        "the notice shows the file name literally: {said}"
    );
    let (logs, measures) = texts(&s, 4);
    assert_eq!(
        logs,
        serde_json::json!([IMG]),
        "the imported log entry reads literally"
    );
    assert!(
        measures
            .as_array()
            .is_some_and(|m| m.iter().any(|t| t == SCRIPT)),
        "the imported measure reads literally: {measures}"
    );
    assert_inert(&s, "after the import");

    // Typed by hand into another task's log.
    choose_unit(&s, "普法与依法治理科");
    crate::progress::support::open_report(&s, 7);
    let card = s.find(r#"article.task[data-task="7"]"#);
    card.find("textarea.log-text").send_keys(IMG);
    crate::progress::support::click_el(&s, &card.find("button.log-add-btn"));
    let listed = poll_js(
        &s,
        "return [...document.querySelectorAll('article.task[data-task=\"7\"] li.log-entry .log-body')]
                 .some(e => e.textContent.trim() === arguments[0]);",
        vec![Value::from(IMG)],
    );
    assert!(listed, "the typed entry is listed: {}", task_view(&s, 7));
    assert_inert(&s, "after typing the entry");

    s.refresh();
    wait_ready(&s);
    record_alerts(&s);
    assert_eq!(
        texts(&s, 4).0,
        serde_json::json!([IMG]),
        "task 4 after reload"
    );
    assert_eq!(
        texts(&s, 7).0,
        serde_json::json!([IMG]),
        "task 7 after reload"
    );
    assert_inert(&s, "after reload");
}
