//! Import (a snapshot file chosen with `DOM.setFileInputFiles`) and export (a real download) in Chromium 80.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use workplan::model::{Status, TaskId};
use workplan::snapshot::decode;

use super::browser::fresh_dir;
use super::page::{Page, T};
use crate::exports::office_export;

const STATUS_5: &str = r#"document.querySelector('article.task[data-task="5"]').dataset.status"#;

#[test]
fn a_snapshot_file_imports_in_chromium_80() {
    let mut p = Page::open();
    let dir = fresh_dir("import");
    let file = dir.join("进展.json");
    std::fs::write(
        &file,
        office_export(5, Status::Done, "已完成涉企行政复议案件集中办结"),
    )
    .expect("write the snapshot");
    assert_eq!(p.eval(STATUS_5), "not-started");

    p.choose_file("input#import", &file);
    p.wait(
        "document.querySelector('#import-confirm') !== null",
        "the import preview",
    );
    p.eval("document.querySelector('#import-confirm').click()");
    p.wait(
        "document.querySelector('.notice-info') !== null",
        "an import notice",
    );
    let notice =
        p.eval("[...document.querySelectorAll('.notice')].map(n => n.textContent).join(' | ')");
    let notice = notice.as_str().unwrap_or_default();
    assert!(
        notice.contains("已合并") && notice.contains("1 项任务有更新"),
        "notice: {notice}"
    );
    assert_eq!(p.eval(STATUS_5), "done", "the imported status is shown");
    p.click(r#"article.task[data-task="5"] details.task-report > summary"#);
    p.wait(
        r#"!!document.querySelector('article.task[data-task="5"] .log-body')"#,
        "task 5's report panel opens",
    );
    let log =
        p.eval(r#"document.querySelector('article.task[data-task="5"] .log-body').textContent"#);
    assert_eq!(log, "已完成涉企行政复议案件集中办结");
    p.reload();
    assert_eq!(p.eval(STATUS_5), "done", "the import was stored");
    let _ = std::fs::remove_dir_all(&dir);
    p.assert_clean("import");
}

/// Waits for one finished file in `dir` (no `.crdownload`) and returns it.
fn downloaded(dir: &PathBuf) -> Option<PathBuf> {
    let deadline = Instant::now() + T;
    while Instant::now() < deadline {
        let files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        if let [one] = files.as_slice()
            && one.extension().is_some_and(|x| x == "json")
        {
            return Some(one.clone());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn export_downloads_a_snapshot_in_chromium_80() {
    let mut p = Page::open();
    p.click(r#"article.task[data-task="5"] button.status-btn[data-status="done"]"#);
    p.wait(&format!("{STATUS_5} === 'done'"), "task 5 shows done");

    p.click("button#export");
    let file = downloaded(&p.downloads).unwrap_or_else(|| {
        panic!(
            "no .json download in {} within {T:?}; console: {:#?}",
            p.downloads.display(),
            p.console()
        )
    });
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    assert!(name.starts_with("工作要点进展-"), "download name: {name}");
    let text = std::fs::read_to_string(&file).expect("read the download");
    let snapshot = decode(&text).unwrap_or_else(|e| panic!("the download decodes: {e:?}"));
    assert_eq!(snapshot.plan.tasks.len(), 19, "the exported plan");
    let status = snapshot
        .progress
        .task(TaskId(5))
        .and_then(|t| t.status.as_ref())
        .and_then(|s| s.value);
    assert_eq!(status, Some(Status::Done), "task 5's exported status");
    p.assert_clean("export");
}
