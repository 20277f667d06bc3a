//! Size limits on import: a file over 64 MB is refused unread; a merge that would not fit in the browser's storage is refused with the figures; neither changes anything.

use serde_json::Value;
use workplan::model::{Date, ItemId, Progress, Status, TaskId};

use super::support::*;
use crate::webdriver::{Session, open_app};

/// The import limit, in bytes.
const LIMIT: usize = 64 * 1024 * 1024;

/// A valid export (task 5 已完成, stamped now) padded with whitespace to `len` bytes.
fn padded_export(len: usize) -> String {
    let now = now_ms();
    let mut progress = Progress::default();
    progress
        .task_mut(TaskId(5))
        .set_status(Some(Status::Done), &stamp(now, "办公室", "other-pc"));
    let mut text = export_of(now, progress);
    assert!(text.len() < len, "sanity: the export is smaller than {len}");
    while text.len() + 1024 <= len {
        text.push_str(&" ".repeat(1023));
        text.push('\n');
    }
    text.push_str(&" ".repeat(len - text.len()));
    assert_eq!(text.len(), len);
    text
}

/// Marks task 2 推进中 and waits until its progress is stored.
fn edit_and_store(s: &Session) {
    click_status(s, 2, "in-progress");
    wait_status(s, 2, "in-progress");
    assert!(
        poll_js(
            s,
            "return localStorage.getItem(arguments[0]) !== null;",
            vec![Value::from(progress_key())]
        ),
        "progress stored after an edit"
    );
}

#[test]
fn a_file_over_64_mb_is_refused_and_one_at_the_limit_imports() {
    let s = Session::new();
    open_app(&s);
    edit_and_store(&s);
    let before = stored_doc(&s);

    let big = write_file("过大.json", padded_export(LIMIT + 1));
    let said = import(&s, &big);
    assert!(
        said.contains("未导入“过大.json”")
            && said.contains("文件太大")
            && said.contains("超过导入上限 64 MB")
            && said.contains("当前数据没有任何改动"),
        "the notice refuses the file for its size: {said}"
    );
    assert_eq!(task_view(&s, 5)["status"], "not-started", "nothing merged");
    assert_eq!(stored_doc(&s), before, "storage is unchanged");

    let edge = write_file("正好上限.json", padded_export(LIMIT));
    let said = import(&s, &edge);
    assert!(
        said.contains("已合并") && said.contains("1 项任务有更新"),
        "a file of exactly 64 MB imports: {said}"
    );
    assert_eq!(task_view(&s, 5)["status"], "done", "task 5 merged");
}

/// Fills localStorage with `junk-<i>` keys until it is full, then removes the last ones until
/// at least `room` characters are free by the app's count (5,242,880 UTF-16 units for keys and
/// values together). Returns the characters then free.
fn leave_room(s: &Session, room: u64) -> u64 {
    let free = s.execute(
        "let i = 0;
         for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
           const v = 'x'.repeat(size);
           for (;;) { try { localStorage.setItem('junk-' + i, v); i++; } catch (e) { break; } }
         }
         const free = () => 5242880 - Object.keys(localStorage)
             .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0);
         while (free() < arguments[0] && i > 0) { i--; localStorage.removeItem('junk-' + i); }
         return free();",
        vec![Value::from(room)],
    );
    free.as_u64().expect("free characters")
}

fn clear_junk(s: &Session) {
    js(
        s,
        "Object.keys(localStorage).filter(k => k.startsWith('junk-')).forEach(k => localStorage.removeItem(k)); return null;",
    );
}

/// Twelve tasks with a 9,000-character log entry each (every text within the limit): more
/// than 100,000 characters of progress.
fn large_progress_file() -> String {
    let now = now_ms();
    let by = stamp(now, "办公室", "other-pc");
    let day = Date::new(2023, 9, 1).expect("date");
    let mut progress = Progress::default();
    for n in 1..=12u32 {
        let text = format!("第{n}项进展：{}", "详".repeat(9_000));
        progress
            .task_mut(TaskId(n))
            .add_log(ItemId(format!("other-pc.2.{n}")), day, &text, &by)
            .expect("log entry");
    }
    export_of(now, progress)
}

#[test]
fn a_merge_that_would_not_fit_in_storage_is_refused_with_the_figures() {
    let s = Session::new();
    open_app(&s);
    edit_and_store(&s);
    let file = write_file("大量进展.json", large_progress_file());

    let free = leave_room(&s, 55_000);
    assert!(
        (55_000..100_000).contains(&free),
        "sanity: a little room is left ({free} characters)"
    );
    let before = stored_doc(&s);
    let said = import(&s, &file);
    assert!(
        said.contains("未导入“大量进展.json”")
            && said.contains("浏览器存储空间不足：还需要约 ")
            && said.contains(&format!("万字符，只剩约 {} 万字符。", free / 10_000))
            && said.contains("没有做任何改动"),
        "the notice refuses the merge with the figures ({free} characters free): {said}"
    );
    let needed: u64 = said
        .split("还需要约 ")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a figure after 还需要约: {said}"));
    assert!(
        needed >= 10,
        "about 100,000 characters or more are needed: {said}"
    );
    for n in 1..=12 {
        let logs = &task_view(&s, n)["logs"];
        assert_eq!(logs, &serde_json::json!([]), "task {n} got no log entry");
    }
    assert_eq!(
        task_view(&s, 2)["status"],
        "in-progress",
        "the local edit stays"
    );
    assert_eq!(stored_doc(&s), before, "storage is unchanged");
    clear_junk(&s);

    // With the room back, the same file merges.
    let said = import(&s, &file);
    assert!(
        said.contains("已合并") && said.contains("12 项任务有更新"),
        "the file merges once there is room: {said}"
    );
    assert_eq!(
        task_view(&s, 2)["status"],
        "in-progress",
        "the local edit is kept"
    );
    let log = &task_view(&s, 7)["logs"][0];
    assert!(
        log.as_str().is_some_and(|t| t.starts_with("第7项进展")),
        "task 7's long entry merged: {log}"
    );
}
