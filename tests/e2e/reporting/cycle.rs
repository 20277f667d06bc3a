//! The monthly cycle end to end: one unit exports everything, another only 本部门; the office
//! picks both at once, previews (changes, new log entries, one conflict), cancels (nothing
//! changes), confirms (both merge), and undoes (the exact earlier state comes back).

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app};

const LAW: &str = "普法与依法治理科";
const REVIEW: &str = "行政复议与应诉科";

fn preview_file(s: &Session, i: usize) -> serde_json::Value {
    js(
        s,
        &format!(
            "const f = document.querySelectorAll('#import-preview .preview-file')[{i}];
             return f && {{ name: f.dataset.file, changes: +f.dataset.changes,
                 conflicts: +f.dataset.conflicts, newLog: +f.dataset.newLog, text: f.textContent }};"
        ),
    )
}

#[test]
fn two_units_report_and_the_office_previews_merges_and_undoes() {
    let scratch = Scratch::new("cycle");
    // Unit 1 marks task 7 done, reports on it, and exports everything.
    let a = Session::new();
    open_app(&a);
    let dir_a = scratch.downloads(&a, "a");
    choose_unit(&a, LAW);
    click_status(&a, 7, "done");
    write_report(
        &a,
        7,
        "已完成八五普法中期评估",
        "基层普法力量不足",
        "开展法治宣传进社区",
    );
    let (full, text_a) = download_by(&a, &dir_a, "button#export", ".json");
    assert!(text_a.contains("已完成八五普法中期评估"));

    // Unit 2 reports on task 4, marks task 8 lagging, and exports only 本部门.
    let b = Session::new();
    open_app(&b);
    let dir_b = scratch.downloads(&b, "b");
    choose_unit(&b, REVIEW);
    click_status(&b, 4, "in-progress");
    click_status(&b, 8, "lagging");
    write_report(&b, 4, "办结复议案件12件", "无", "继续推进繁简分流");
    // A change by another unit on this PC stays out of 本部门's file.
    choose_unit(&b, "办公室");
    click_status(&b, 9, "lagging");
    choose_unit(&b, REVIEW);
    let (mine, text_b) = download_by(&b, &dir_b, "button#export-unit", ".json");
    assert!(text_b.contains("办结复议案件12件"));
    assert!(
        !text_b.contains("\"9\""),
        "task 9, changed by 办公室, is not in 本部门's file: {text_b}"
    );

    // The office changed task 8 too, after unit 2 did: a conflict.
    let o = Session::new();
    open_app(&o);
    choose_unit(&o, "办公室");
    click_status(&o, 8, "done");
    let before = signature(&o);
    let shown_before = statuses(&o);

    pick_files(&o, &[full.clone(), mine.clone()]);
    let f1 = preview_file(&o, 0);
    let f2 = preview_file(&o, 1);
    let t1 = f1["text"].as_str().unwrap_or_default();
    let t2 = f2["text"].as_str().unwrap_or_default();
    assert!(
        t1.contains(LAW) && t1.contains("导出于"),
        "unit and time shown: {t1}"
    );
    assert!(
        f1["changes"].as_u64() >= Some(4),
        "status and three report parts: {f1}"
    );
    assert!(
        t1.contains("已完成") && t1.contains("已完成八五普法中期评估"),
        "old → new shown: {t1}"
    );
    assert!(t1.contains("进展情况"), "{t1}");
    let status_row = js(
        &o,
        "const r = [...document.querySelectorAll('#import-preview .preview-change')]
                       .find(r => r.cells[1].textContent === '状态');
         return r ? [r.querySelector('.old').textContent, r.querySelector('.new').textContent] : null;",
    );
    assert_eq!(
        status_row,
        serde_json::json!(["自动", "已完成"]),
        "a status never set here is shown as 自动, not as nothing"
    );
    assert_eq!(f1["conflicts"], 0, "{t1}");
    assert!(t2.contains(REVIEW), "{t2}");
    assert_eq!(f2["conflicts"], 1, "task 8 changed on both sides: {t2}");
    assert!(
        t2.contains("冲突：本机及前面的文件和文件各自改了同一项"),
        "the second file is compared with this browser and the first file: {t2}"
    );
    let conflict = js(
        &o,
        "const r = document.querySelector('#import-preview .preview-conflict'); return r && [r.dataset.task, r.querySelector('.ours').textContent, r.querySelector('.theirs').textContent];",
    );
    assert_eq!(conflict[0], "8");
    assert!(
        conflict[1].as_str().is_some_and(|t| t.contains("已完成")),
        "{conflict}"
    );
    assert!(
        conflict[2].as_str().is_some_and(|t| t.contains("滞后")),
        "{conflict}"
    );

    // 取消 leaves everything as it was.
    click(&o, "button#import-cancel");
    wait_hidden(&o, "#import-preview");
    assert_eq!(signature(&o), before, "取消 changes nothing");
    assert_eq!(statuses(&o), shown_before);

    // 确认合并 applies both files.
    pick_files(&o, &[full, mine]);
    click(&o, "button#import-confirm");
    wait_hidden(&o, "#import-preview");
    wait_status(&o, 7, "done");
    wait_status(&o, 4, "in-progress");
    assert_eq!(
        status_of(&o, 8),
        "done",
        "the office's later change is kept"
    );
    assert_eq!(
        status_of(&o, 9),
        "not-started",
        "本部门's file carried nothing of 办公室's"
    );
    assert!(notices(&o).contains("已合并"), "{}", notices(&o));
    open_report(&o, 7);
    let other = js(
        &o,
        "return document.querySelector('article.task[data-task=\"7\"] .other-report')?.textContent || '';",
    );
    assert!(
        other
            .as_str()
            .is_some_and(|t| t.contains("基层普法力量不足")),
        "unit 1's report arrived: {other}"
    );

    // 撤销导入 restores the exact earlier state.
    click_notice_action(&o, "撤销导入");
    wait_status(&o, 7, "not-started");
    assert!(poll_js(
        &o,
        "return !Object.keys(localStorage).some(k => k.startsWith('workplan:import:'));",
        vec![]
    ));
    assert!(
        poll_js(
            &o,
            "return JSON.stringify(arguments[0]) === JSON.stringify(Object.keys(localStorage).filter(k => k.startsWith('workplan:')).sort().map(k => [k, localStorage.getItem(k)]));",
            vec![before.clone()]
        ),
        "撤销导入 gives back the earlier storage"
    );
    assert_eq!(signature(&o), before);
    assert_eq!(statuses(&o), shown_before);
}

#[test]
fn the_last_five_import_backups_stay_listed_after_a_reload() {
    let scratch = Scratch::new("backups");
    let a = Session::new();
    open_app(&a);
    let dir = scratch.downloads(&a, "a");
    choose_unit(&a, LAW);
    let o = Session::new();
    open_app(&o);
    for (i, status) in [
        "done",
        "lagging",
        "in-progress",
        "done",
        "lagging",
        "in-progress",
    ]
    .iter()
    .enumerate()
    {
        click_status(&a, 7, status);
        let (saved, _) = download_by(&a, &dir, "button#export-unit", ".json");
        // The next export has the same name: keep this one apart.
        let file = scratch.0.join(format!("{i}.json"));
        std::fs::rename(&saved, &file).expect("move the export");
        pick_files(&o, &[file]);
        click(&o, "button#import-confirm");
        wait_hidden(&o, "#import-preview");
        wait_status(&o, 7, status);
        assert!(
            poll_js(
                &o,
                "return Object.keys(localStorage).filter(k => k.startsWith('workplan:import:')).length === arguments[0];",
                vec![serde_json::Value::from((i + 1).min(5))]
            ),
            "backup {i} kept"
        );
    }
    o.refresh();
    crate::webdriver::wait_ready(&o);
    click(&o, "button#data-open");
    wait_shown(&o, "#data-dialog");
    let listed = js(
        &o,
        "return document.querySelectorAll('#data-dialog .import-backup').length;",
    );
    assert_eq!(listed, 5, "the last five imports are listed after a reload");
    // The newest goes back to the state before the last import.
    click(&o, "#data-dialog .import-backup button.import-undo");
    wait_status(&o, 7, "lagging");
}
