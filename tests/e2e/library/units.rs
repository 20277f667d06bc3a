//! 单位管理: renaming a unit changes it on every task (and keeps its reports and 本部门); merging folds one name into another.

use serde_json::Value;
use workplan::model::{TaskId, UnitId};

use super::support::*;
use crate::progress::support::{choose_unit, open_report, set_field};
use crate::webdriver::{Session, open_app, wait_ready};

/// CSS of unit `name`'s row in the units dialog.
pub(super) fn unit_row(name: &str) -> String {
    format!(r#"#units-dialog tr.unit-manage[data-unit="{name}"]"#)
}

/// Task ids whose card names `unit`.
fn tasks_naming(s: &Session, unit: &str) -> Vec<u32> {
    let v = s.execute(
        "return [...document.querySelectorAll('article.task')]
                 .filter(a => [...a.querySelectorAll('.unit-chip .unit-name')].some(n => n.textContent.trim() === arguments[0]))
                 .map(a => +a.dataset.task);",
        vec![Value::from(unit)],
    );
    serde_json::from_value(v).expect("ids")
}

/// How many chips of card `id` read `unit`.
fn chips_of(s: &Session, id: u32, unit: &str) -> usize {
    card_units(s, id).iter().filter(|u| *u == unit).count()
}

/// Options of `select#my-unit`.
fn my_unit_options(s: &Session) -> Vec<String> {
    let v = js(
        s,
        "return [...document.querySelector('select#my-unit').options].map(o => o.value);",
    );
    serde_json::from_value(v).expect("options")
}

/// Waits until unit row `name` is gone from the units dialog.
fn wait_row_gone(s: &Session, name: &str) {
    let ok = poll_js(
        s,
        "return !document.querySelector(arguments[0]);",
        vec![Value::from(unit_row(name))],
    );
    assert!(ok, "{name} is still listed in 单位管理");
}

#[test]
fn a_renamed_unit_changes_everywhere_and_keeps_its_reports() {
    let s = Session::new();
    open_app(&s);
    let had = tasks_naming(&s, "办公室");
    assert!(had.contains(&8), "sanity: task 8 names 办公室: {had:?}");
    choose_unit(&s, "办公室");
    open_report(&s, 8);
    set_field(
        &s,
        8,
        r#"tr.part-row[data-unit="办公室"] select.part-select"#,
        "lagging",
    );
    set_field(&s, 8, "textarea.report-progress", "已完成年度总结");
    set_field(&s, 8, "textarea.log-text", "召开专题会议");
    click(&s, r#"article.task[data-task="8"] button.log-add-btn"#);
    s.wait_until(
        "document.querySelector('article.task[data-task=\"8\"] .log-body') !== null",
        T,
    );

    open_dialog(&s, "button#manage-units", "#units-dialog");
    set_value(
        &s,
        &format!("{} input.unit-new-name", unit_row("办公室")),
        "综合办公室",
    );
    click(&s, &format!("{} button.unit-rename", unit_row("办公室")));
    wait_shown(&s, &unit_row("综合办公室"));
    wait_row_gone(&s, "办公室");
    close_dialog(&s, "#units-dialog");

    let check = |when: &str| {
        assert_eq!(
            tasks_naming(&s, "办公室"),
            Vec::<u32>::new(),
            "{when}: no card names 办公室"
        );
        assert_eq!(
            tasks_naming(&s, "综合办公室"),
            had,
            "{when}: every card that had 办公室"
        );
        let options = my_unit_options(&s);
        assert!(
            options.contains(&"综合办公室".to_owned()) && !options.contains(&"办公室".to_owned()),
            "{when}: 本部门 offers the new name only: {options:?}"
        );
        assert_eq!(
            js(&s, "return document.querySelector('select#my-unit').value;"),
            "综合办公室",
            "{when}: 本部门 follows the rename"
        );
        let t8 = task_view(&s, 8);
        assert_eq!(
            t8["parts"]["综合办公室"], "lagging",
            "{when}: the unit's report on task 8 follows it: {t8}"
        );
        let own = js(
            &s,
            "const e = document.querySelector('article.task[data-task=\"8\"] li.log-entry');
             return [...e.querySelectorAll('button')].some(b => b.textContent.trim() === '更正');",
        );
        assert_eq!(
            own, true,
            "{when}: its 进展记录 written as 办公室 is its own to correct"
        );
        let others = js(
            &s,
            "return [...document.querySelectorAll('article.task[data-task=\"8\"] li.other-report')].map(l => l.dataset.unit);",
        );
        assert_eq!(
            others,
            Value::Array(vec![]),
            "{when}: its report under the old name is not listed as another unit's"
        );
    };
    check("after renaming");
    // The copies under the new name are the unit's own: stamped by it, so 导出本部门 takes them.
    let progress = stored_progress_of(&s, DEFAULT_ID).expect("stored progress");
    let t8 = progress.task(TaskId(8)).expect("task 8");
    let renamed = Some(UnitId("综合办公室".into()));
    assert_eq!(
        t8.parts.get("综合办公室").and_then(|p| p.stamp.by.clone()),
        renamed,
        "the copied part is stamped by 综合办公室"
    );
    let report = t8
        .reports
        .values()
        .find_map(|units| units.get("综合办公室"))
        .and_then(|r| r.progress.clone())
        .expect("the report copied under the new name");
    assert_eq!(
        (report.value.as_str(), report.stamp.by),
        ("已完成年度总结", renamed),
        "the copied report is stamped by 综合办公室"
    );
    s.refresh();
    wait_ready(&s);
    check("after reload");
}

#[test]
fn merging_folds_one_name_into_another() {
    let s = Session::new();
    open_app(&s);
    let from = "执法监督与法制审查科";
    let into = "行政复议与应诉科";
    let both: Vec<u32> = tasks_naming(&s, from);
    assert!(!both.is_empty(), "sanity: some task names {from}");
    let mut expected = tasks_naming(&s, into);
    expected.extend(both.iter().copied());
    expected.sort_unstable();
    expected.dedup();

    open_dialog(&s, "button#manage-units", "#units-dialog");
    set_value(
        &s,
        &format!("{} select.unit-merge-into", unit_row(from)),
        into,
    );
    click(&s, &format!("{} button.unit-merge", unit_row(from)));
    wait_row_gone(&s, from);

    // Renaming onto an existing name merges too.
    let (a, b) = ("人民参与和促进法治科", "普法与依法治理科");
    let mut expected_b = tasks_naming(&s, a);
    expected_b.extend(tasks_naming(&s, b));
    expected_b.sort_unstable();
    expected_b.dedup();
    set_value(&s, &format!("{} input.unit-new-name", unit_row(a)), b);
    click(&s, &format!("{} button.unit-rename", unit_row(a)));
    wait_row_gone(&s, a);
    assert!(shown(&s, &unit_row(b)), "{b} is still listed");
    close_dialog(&s, "#units-dialog");

    let check = |when: &str| {
        assert!(
            tasks_naming(&s, from).is_empty(),
            "{when}: no card names {from}"
        );
        assert_eq!(
            tasks_naming(&s, into),
            expected,
            "{when}: cards naming {into}"
        );
        for id in &expected {
            assert_eq!(
                chips_of(&s, *id, into),
                1,
                "{when}: task {id} names {into} once: {}",
                card(&s, *id)
            );
        }
        assert!(tasks_naming(&s, a).is_empty(), "{when}: no card names {a}");
        assert_eq!(tasks_naming(&s, b), expected_b, "{when}: cards naming {b}");
        for id in &expected_b {
            assert_eq!(
                chips_of(&s, *id, b),
                1,
                "{when}: task {id} names {b} once: {}",
                card(&s, *id)
            );
        }
        let options = my_unit_options(&s);
        assert!(
            !options.iter().any(|o| o == from || o == a),
            "{when}: 本部门 no longer offers merged names: {options:?}"
        );
    };
    check("after merging");
    s.refresh();
    wait_ready(&s);
    check("after reload");
}
