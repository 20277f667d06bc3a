//! Importing a snapshot file: a good file merges on change stamps; a bad one is refused in Chinese and changes nothing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;
use workplan::model::{Date, ItemId, Progress, ReplicaId, Stamp, Status, TaskId, UnitId};
use workplan::parse::parse_plan;
use workplan::snapshot::{Snapshot, encode_pretty};

use crate::webdriver::{Session, open_app};

const T: Duration = Duration::from_secs(5);

/// A snapshot of the embedded plan in which 办公室 marked task 5 done and logged it, just now.
fn incoming() -> String {
    let plan = parse_plan(workplan::DEFAULT_PLAN_TEXT)
        .expect("embedded plan parses")
        .plan;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let stamp = Stamp {
        at: now,
        by: Some(UnitId("办公室".into())),
        replica: ReplicaId("other-pc".into()),
    };
    let mut progress = Progress::default();
    let task = progress.task_mut(TaskId(5));
    task.set_status(Some(Status::Done), &stamp);
    let day = Date::new(2023, 8, 1).expect("date");
    task.add_log(
        ItemId("other-pc.1.1".into()),
        day,
        "已完成涉企行政复议案件集中办结",
        &stamp,
    )
    .expect("log entry");
    encode_pretty(&Snapshot {
        saved_at: now,
        plan,
        progress,
    })
}

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

fn stored_doc(s: &Session) -> Value {
    s.execute("return localStorage.getItem('workplan:v1:doc');", vec![])
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

    let snapshot = incoming();
    choose_file(&s, &file("进展.json", &snapshot));
    s.wait_until("document.querySelector('.notice-info') !== null", T);
    let said = notices(&s);
    assert!(
        said.contains("已合并") && said.contains("1 项任务有更新"),
        "notice: {said}"
    );
    assert_eq!(status(&s, 5), "done", "the incoming newer status wins");
    assert_eq!(status(&s, 6), "lagging", "the local edit is kept");
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
    s.wait_until("localStorage.getItem('workplan:v1:doc') !== null", T);
    let before = stored_doc(&s);

    let good = incoming();
    let cut: String = good.chars().take(good.chars().count() / 2).collect();
    let other = encode_pretty(&Snapshot {
        saved_at: 0,
        plan: parse_plan("另一份工作要点\n一、部分\n1.做事。(责任部门:办公室)")
            .expect("parses")
            .plan,
        progress: Progress::default(),
    });
    let cases = [
        ("截断.json", cut, "不完整"),
        (
            "网页.html",
            "<html><body>工作要点</body></html>".to_owned(),
            "不是本工具导出的数据文件",
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
        ("另一份.json", other, "另一份工作要点"),
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
        assert_eq!(
            status(&s, 2),
            "in-progress",
            "{name}: the page keeps its data"
        );
        assert_eq!(status(&s, 5), "not-started", "{name}: nothing was merged");
        assert_eq!(stored_doc(&s), before, "{name}: storage is untouched");
    }
}
