//! Printing prints what was reported (status, parts, log), not the empty forms or the on-screen notices.

use serde_json::json;

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app};

/// Whether the first element matching `css` is rendered (has a layout box).
fn shown(s: &Session, css: &str) -> bool {
    js(
        s,
        &format!(
            "const e = document.querySelector({css:?}); return !!e && e.getClientRects().length > 0;"
        ),
    ) == json!(true)
}

#[test]
fn print_shows_reports_and_hides_forms() {
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "办公室");
    open_report(&s, 8);
    set_field(
        &s,
        8,
        r#"tr.part-row[data-unit="办公室"] select.part-select"#,
        "lagging",
    );
    open_report(&s, 7);
    set_field(&s, 7, "textarea.log-text", "召开全面依法治区委员会会议");
    click(&s, r#"article.task[data-task="7"] button.log-add-btn"#);
    s.wait_until(
        "document.querySelector('article.task[data-task=\"7\"] .log-body') !== null",
        T,
    );
    click(
        &s,
        r#"article.task[data-task="7"] li.measure input[type=checkbox]"#,
    );
    s.wait_until(
        "document.querySelector('article.task[data-task=\"7\"] li.measure.done') !== null",
        T,
    );
    set_field(&s, 8, "textarea.report-progress", "八月已完成年度总结");

    // Closed panels print too, the never opened ones included: the browser announces printing.
    js(
        &s,
        "document.querySelectorAll('details.task-report').forEach(d => d.open = false); return null;",
    );
    js(
        &s,
        "window.dispatchEvent(new Event('beforeprint')); return null;",
    );
    s.wait_until(
        "!!document.querySelector('article.task[data-task=\"1\"] .progress-log')",
        T,
    );
    s.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    assert_eq!(js(&s, "return matchMedia('print').matches;"), json!(true));

    let task7 = r#"article.task[data-task="7"]"#;
    let task8 = r#"article.task[data-task="8"]"#;
    assert!(
        shown(&s, &format!("{task7} .log-body")),
        "the log entry prints"
    );
    assert!(
        !shown(&s, &format!("{task7} .log-add")),
        "the log form does not print"
    );
    assert!(
        !shown(&s, &format!("{task7} .report-grid")),
        "empty deadline/percent fields do not print"
    );
    assert!(
        !shown(&s, r#"article.task[data-task="1"] .progress-log"#),
        "an empty log prints nothing"
    );
    let part = format!(r#"{task8} tr.part-row[data-unit="办公室"]"#);
    assert!(shown(&s, &part), "a reported part prints");
    assert_eq!(
        js(
            &s,
            &format!(
                "return document.querySelector({:?}).textContent.trim();",
                format!("{part} .print-only")
            )
        ),
        json!("滞后")
    );
    assert!(
        !shown(
            &s,
            &format!(r#"{task8} tr.part-row[data-unit="普法与依法治理科"]"#)
        ),
        "unreported parts do not print"
    );
    assert!(
        !shown(&s, r#"article.task[data-task="1"] table.parts"#),
        "a table with no report does not print"
    );
    assert!(
        !shown(&s, "#search") && !shown(&s, ".toolbar"),
        "controls do not print"
    );
    let marks = js(
        &s,
        &format!(
            "return [...document.querySelectorAll({:?})].filter(e => e.getClientRects().length > 0).map(e => e.textContent.trim());",
            format!("{task7} li.measure .measure-mark")
        ),
    );
    let marks: Vec<String> = serde_json::from_value(marks).expect("marks");
    assert!(
        marks.first().is_some_and(|m| m == "☑") && marks.len() >= 2,
        "measures print, the ticked one marked: {marks:?}"
    );
    assert!(
        shown(&s, &format!("{task8} .unit-report .report-print")),
        "a written monthly report prints"
    );
    assert!(
        !shown(
            &s,
            &format!("{task8} .unit-report label.report-field.empty")
        ),
        "its parts left empty do not print"
    );
    assert!(
        !shown(&s, r#"article.task[data-task="1"] .unit-report"#),
        "a task without reports prints no empty report form"
    );
    assert_eq!(
        js(
            &s,
            &format!(
                "return getComputedStyle(document.querySelector({:?}), '::before').content;",
                format!("{task8} .unit-report .report-print")
            )
        ),
        json!("\"：\""),
        "本部门's report reads 进展情况：…, like the other units' lines"
    );
    assert_eq!(
        js(
            &s,
            "return getComputedStyle(document.querySelector('.notices')).display;"
        ),
        json!("none"),
        "on-screen notices do not print"
    );
}
