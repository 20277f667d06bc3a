//! 报送月份 offers the twelve months up to this one and every month of the shown plan's year, so that a past year's plan can still be reported on month by month.

use serde_json::Value;

use super::support::{js, open_report, set_field};
use crate::library::support::set_value;
use crate::webdriver::{Session, choose_unit, open_app, wait_ready};

/// The values of `select#period`'s options, in order.
fn months_offered(s: &Session) -> Vec<String> {
    let v = js(
        s,
        "return [...document.querySelectorAll('select#period option')].map(o => o.value);",
    );
    serde_json::from_value(v).expect("options")
}

/// The legend of task `n`'s report form.
fn report_legend(s: &Session, n: u32) -> String {
    let v = s.execute(
        "return document.querySelector(`article.task[data-task=\"${arguments[0]}\"] fieldset.unit-report legend`).textContent;",
        vec![Value::from(n)],
    );
    v.as_str().unwrap_or_default().to_owned()
}

#[test]
fn the_2023_plan_offers_its_own_months_and_keeps_a_report_under_its_month() {
    let s = Session::new();
    open_app(&s);
    let this_month = js(
        &s,
        "const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');",
    );
    let offered = months_offered(&s);
    assert_eq!(
        offered[0], this_month,
        "this month comes first: {offered:?}"
    );
    let mut sorted = offered.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    sorted.dedup();
    assert_eq!(offered, sorted, "newest first, each once");
    let plan_year: Vec<&String> = offered.iter().filter(|m| m.starts_with("2023-")).collect();
    assert_eq!(plan_year.len(), 12, "every month of 2023: {offered:?}");
    assert_eq!(offered.last().map(String::as_str), Some("2023-01"));

    choose_unit(&s, "办公室");
    set_value(&s, "select#period", "2023-06");
    open_report(&s, 1);
    assert!(
        report_legend(&s, 1).contains("2023年6月报送"),
        "the form is for June 2023: {}",
        report_legend(&s, 1)
    );
    set_field(&s, 1, "textarea.report-progress", "六月召开专题学习会");
    let count = s
        .find(r#"article.task[data-task="1"] .report-count"#)
        .property("textContent");
    assert_eq!(
        count, "（2023年6月已有 1 个单位报送）",
        "the panel's summary counts the month's reports"
    );

    s.refresh();
    wait_ready(&s);
    set_value(&s, "select#period", "2023-06");
    open_report(&s, 1);
    let kept = s
        .find(r#"article.task[data-task="1"] textarea.report-progress"#)
        .property("value");
    assert_eq!(
        kept, "六月召开专题学习会",
        "the report is kept under June 2023"
    );
}

#[test]
fn a_month_that_holds_reports_is_offered_even_outside_the_list() {
    use crate::safety::support::{export_of, import, now_ms, stamp, write_file};
    use workplan::model::{Month, Progress, ReportPart, TaskId};
    let now = now_ms();
    let mut progress = Progress::default();
    // Written on a PC whose clock ran years ahead: filed under a month not yet come.
    let ahead = Month::parse("2031-01").expect("month");
    progress
        .task_mut(TaskId(1))
        .set_report(
            ahead,
            "办公室",
            ReportPart::Progress,
            "提前写下的报送",
            &stamp(now, "办公室", "fast-pc"),
        )
        .expect("report");
    let file = write_file("快钟报送.json", export_of(now, progress));

    let s = Session::new();
    open_app(&s);
    import(&s, &file);
    assert!(
        s.poll_until(
            "[...document.querySelectorAll('select#period option')].some(o => o.value === '2031-01')",
            std::time::Duration::from_secs(5)
        ),
        "2031年1月 is offered: {:?}",
        months_offered(&s)
    );
    set_value(&s, "select#period", "2031-01");
    open_report(&s, 1);
    let other = js(
        &s,
        "return document.querySelector('article.task[data-task=\"1\"] .other-report')?.textContent ?? '';",
    );
    assert!(
        other.as_str().is_some_and(|t| t.contains("提前写下的报送")),
        "the report can be read: {other}"
    );
}
