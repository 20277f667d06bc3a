//! Importing a snapshot file: a good file merges on change stamps (version-1 files too); another plan's file is offered for the library; a bad one is refused in Chinese and changes nothing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;
use workplan::model::{Progress, ReplicaId, Stamp, Status, TaskId, UnitId};
use workplan::parse::parse_plan;
use workplan::snapshot::{Snapshot, encode_pretty};

use crate::exports::office_export;
use crate::progress::support::build_report;
use crate::webdriver::{Session, open_app};

const T: Duration = Duration::from_secs(5);

/// Writes `text` to a fresh file and returns its path.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("workplan-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}

fn choose_file(s: &Session, path: &Path) {
    s.find("input#import").send_keys(&path.to_string_lossy());
    crate::webdriver::confirm_import(s);
}

fn notices(s: &Session) -> String {
    s.execute(
        "return [...document.querySelectorAll('.notice')].map(n => n.textContent).join(' | ');",
        vec![],
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Id of the embedded 2023 plan.
const PLAN_ID: &str = "plan-d046933b05f415f1";

/// Every stored `workplan:` key but settings and backups, with its raw value.
fn stored_doc(s: &Session) -> Value {
    s.execute(
        "return Object.keys(localStorage).filter(k => k.startsWith('workplan:')
                     && !k.startsWith('workplan:backup:') && k !== 'workplan:settings')
                 .sort().map(k => [k, localStorage.getItem(k)]);",
        vec![],
    )
}

fn status(s: &Session, n: u32) -> String {
    s.execute(
        "return document.querySelector(`article.task[data-task=\"${arguments[0]}\"]`).dataset.status;",
        vec![Value::from(n)],
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

#[test]
fn a_snapshot_merges_with_local_edits_and_survives_reload() {
    let s = Session::new();
    open_app(&s);
    s.find(r#"article.task[data-task="6"] button.status-btn[data-status="lagging"]"#)
        .click();
    assert_eq!(status(&s, 6), "lagging");

    let snapshot = office_export(5, Status::Done, "已完成涉企行政复议案件集中办结");
    choose_file(&s, &file("进展.json", &snapshot));
    s.wait_until("document.querySelector('.notice-info') !== null", T);
    let said = notices(&s);
    assert!(
        said.contains("已合并") && said.contains("1 项任务有更新"),
        "notice: {said}"
    );
    assert_eq!(status(&s, 5), "done", "the incoming newer status wins");
    assert_eq!(status(&s, 6), "lagging", "the local edit is kept");
    build_report(&s, 5);
    let log = s.execute(
        "return document.querySelector('article.task[data-task=\"5\"] .log-body').textContent;",
        vec![],
    );
    assert_eq!(log, "已完成涉企行政复议案件集中办结");

    // The same file a second time changes nothing.
    s.execute(
        "document.querySelectorAll('.notice-close').forEach(b => b.click()); return null;",
        vec![],
    );
    choose_file(&s, &file("进展-再次.json", &snapshot));
    s.wait_until("document.querySelector('.notice-info') !== null", T);
    assert!(
        notices(&s).contains("0 项任务有更新"),
        "notice: {}",
        notices(&s)
    );

    s.refresh();
    crate::webdriver::wait_ready(&s);
    assert_eq!(
        (status(&s, 5), status(&s, 6)),
        ("done".to_owned(), "lagging".to_owned())
    );
}

#[test]
fn bad_files_are_refused_and_change_nothing() {
    let s = Session::new();
    open_app(&s);
    s.find(r#"article.task[data-task="2"] button.status-btn[data-status="in-progress"]"#)
        .click();
    s.wait_until(
        &format!("localStorage.getItem('workplan:progress:{PLAN_ID}') !== null"),
        T,
    );
    let before = stored_doc(&s);

    let good = office_export(5, Status::Done, "已完成涉企行政复议案件集中办结");
    let cut: String = good.chars().take(good.chars().count() / 2).collect();
    assert!(
        good.contains("\"Done\""),
        "the export names the status Done"
    );
    let bogus = good.replacen("\"Done\"", "\"Bogus\"", 1);
    let cases = [
        ("截断.json", cut, "不完整"),
        ("改坏.json", bogus, "列附近的内容不符合数据格式"),
        (
            "网页.html",
            "<html><body>工作要点</body></html>".to_owned(),
            "其中没有保存数据",
        ),
        (
            "其他.json",
            r#"{"name": "某个配置"}"#.to_owned(),
            "不是工作要点跟踪的数据文件",
        ),
        (
            "新版本.json",
            r#"{"format":"workplan","version":7}"#.to_owned(),
            "更新版本",
        ),
    ];
    for (name, text, expected) in cases {
        s.execute(
            "document.querySelectorAll('.notice-close').forEach(b => b.click()); return null;",
            vec![],
        );
        choose_file(&s, &file(name, &text));
        s.wait_until("document.querySelector('.notice-warning') !== null", T);
        let said = notices(&s);
        assert!(
            said.contains(name) && said.contains(expected),
            "{name}: notice was {said}"
        );
        assert!(
            !said.contains("unknown") && !said.contains("expected"),
            "{name}: the notice is in Chinese only: {said}"
        );
        assert_eq!(
            status(&s, 2),
            "in-progress",
            "{name}: the page keeps its data"
        );
        assert_eq!(status(&s, 5), "not-started", "{name}: nothing was merged");
        assert_eq!(stored_doc(&s), before, "{name}: storage is untouched");
    }
}

#[test]
fn a_file_of_another_plan_is_added_to_the_library_on_request() {
    use crate::library::support::{
        SAMPLE, SAMPLE_TITLE, active_plan, click_notice_action, plan_options, wait_h1,
    };
    let s = Session::new();
    open_app(&s);
    let plan = parse_plan(SAMPLE).expect("SAMPLE parses").plan;
    let id = plan.id.0.clone();
    let stamp = Stamp {
        at: 1_700_000_000_000,
        n: 0,
        by: Some(UnitId("办公室".into())),
        replica: ReplicaId("other-pc".into()),
    };
    let mut progress = Progress::default();
    progress
        .task_mut(TaskId(1))
        .set_status(Some(Status::Done), &stamp);
    let text = encode_pretty(&Snapshot {
        saved_at: 1_700_000_000_000,
        plan,
        progress,
    });
    let before = stored_doc(&s);
    choose_file(&s, &file("另一份.json", &text));
    s.wait_until(
        "[...document.querySelectorAll('.notice button.notice-action')].some(b => b.textContent.trim() === '添加到计划库')",
        T,
    );
    let said = notices(&s);
    assert!(
        said.contains(SAMPLE_TITLE),
        "the notice names the plan: {said}"
    );
    assert_eq!(
        stored_doc(&s),
        before,
        "nothing is stored before 添加到计划库"
    );
    assert_eq!(
        plan_options(&s).len(),
        1,
        "the library is unchanged before 添加到计划库"
    );
    assert_eq!(status(&s, 1), "not-started", "the shown plan is untouched");

    click_notice_action(&s, "添加到计划库");
    wait_h1(&s, SAMPLE_TITLE);
    assert_eq!(active_plan(&s), id, "the added plan is shown");
    assert_eq!(plan_options(&s).len(), 2, "the library holds both plans");
    assert_eq!(
        status(&s, 1),
        "done",
        "the added plan came with its progress"
    );
    s.refresh();
    crate::webdriver::wait_ready(&s);
    wait_h1(&s, SAMPLE_TITLE);
    assert_eq!(
        status(&s, 1),
        "done",
        "the added plan's progress after reload"
    );
}

#[test]
fn a_version_1_export_file_still_imports() {
    let s = Session::new();
    open_app(&s);
    let v1 = include_str!("../fixtures/snapshots/v1-2023-progress.json");
    choose_file(&s, &file("2023-v1.json", v1));
    s.wait_until("document.querySelector('.notice-info') !== null", T);
    let said = notices(&s);
    assert!(
        said.contains("已合并") && said.contains("2 项任务有更新"),
        "notice: {said}"
    );
    assert_eq!(
        status(&s, 3),
        "in-progress",
        "task 3 from the version-1 file"
    );
    assert_eq!(status(&s, 17), "done", "task 17 from the version-1 file");
    build_report(&s, 3);
    let log = s.execute(
        "return document.querySelector('article.task[data-task=\"3\"] .log-body')?.textContent ?? null;",
        vec![],
    );
    assert_eq!(log, "完成网站三审三校制度修订", "task 3's log entry");
}
