//! A PC whose clock runs five years ahead: its export is corrected on import, so the office ends with the change made later in real time, in either import order, and a local edit made after the import still wins.

use std::path::PathBuf;

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app, wait_ready};

/// 本部门 of the PC whose clock runs ahead.
const UNIT_A: &str = "办公室";
/// 本部门 of the PC with the right clock.
const UNIT_B: &str = "普法与依法治理科";

/// Opens the app in a fresh profile (a PC of its own) whose clock runs `offset_ms` ahead,
/// chooses 本部门 `unit`, marks task 5 `status` and returns the exported file's text.
fn mark_and_export(unit: &str, offset_ms: i64, status: &str) -> String {
    let s = Session::new();
    open_app(&s);
    set_clock_offset(&s, offset_ms);
    choose_unit(&s, unit);
    click_status(&s, 5, status);
    wait_status(&s, 5, status);
    export_file(&s)
}

/// `(saved_at, task 5's status stamp at)` of an export file.
fn times(file: &str) -> (i64, i64) {
    let v: Value = serde_json::from_str(file).expect("export is JSON");
    let saved = v["saved_at"].as_i64().expect("saved_at");
    let at = v["progress"]["tasks"]["5"]["status"]["stamp"]["at"]
        .as_i64()
        .unwrap_or_else(|| panic!("task 5's status stamp in the export: {v}"));
    (saved, at)
}

/// File A from 办公室's PC running five years ahead (task 5 推进中), then, later in real time,
/// file B from 普法与依法治理科's PC with the right clock (task 5 已完成).
fn exports_a_then_b() -> (PathBuf, PathBuf) {
    let a = mark_and_export(UNIT_A, FIVE_YEARS_MS, "in-progress");
    let (saved, at) = times(&a);
    let ahead = now_ms() + FIVE_YEARS_MS - DAY_MS;
    assert!(
        saved > ahead && at > ahead,
        "sanity: file A carries the wrong clock (saved_at {saved}, stamp {at}, real now {})",
        now_ms()
    );
    let b = mark_and_export(UNIT_B, 0, "done");
    let (saved_b, at_b) = times(&b);
    assert!(
        saved_b <= now_ms() && at_b <= now_ms(),
        "sanity: file B carries the right clock (saved_at {saved_b}, stamp {at_b})"
    );
    (
        write_file("A-快了5年.json", a),
        write_file("B-正确时钟.json", b),
    )
}

/// Asserts that a notice about file A says its clock was corrected by about five years.
fn assert_clock_corrected(said: &str) {
    assert!(
        said.contains("已合并")
            && said.contains("该文件来自时钟比本机快约 5.0 年")
            && said.contains("已按此调回"),
        "the notice for file A names the clock correction: {said}"
    );
}

/// Asserts that task 5 shows `status` and that no stored stamp of it lies in the future.
fn assert_task5(s: &Session, status: &str, when: &str) {
    assert_eq!(
        task_view(s, 5)["status"],
        status,
        "task 5 {when}: {}",
        task_view(s, 5)
    );
    if let Some(at) = stored_status_at(s, 5) {
        assert!(
            at <= now_ms() + DAY_MS,
            "task 5 {when}: the stored status stamp {at} lies in the future (now {})",
            now_ms()
        );
    }
}

#[test]
fn office_importing_the_wrong_clock_file_first_ends_with_the_later_edit() {
    let (a, b) = exports_a_then_b();
    let s = Session::new();
    open_app(&s);
    let said = import(&s, &a);
    assert_clock_corrected(&said);
    assert_task5(&s, "in-progress", "after importing A");

    let said = import(&s, &b);
    assert!(said.contains("已合并"), "notice for file B: {said}");
    assert_task5(
        &s,
        "done",
        "after importing A then B (B's change came later)",
    );

    s.refresh();
    wait_ready(&s);
    assert_task5(&s, "done", "after importing A then B and reloading");
}

#[test]
fn office_importing_the_wrong_clock_file_last_keeps_the_later_edit() {
    let (a, b) = exports_a_then_b();
    let s = Session::new();
    open_app(&s);
    let said = import(&s, &b);
    assert!(said.contains("已合并"), "notice for file B: {said}");
    assert_task5(&s, "done", "after importing B");

    let said = import(&s, &a);
    assert_clock_corrected(&said);
    assert_task5(
        &s,
        "done",
        "after importing B then A (A's change came earlier)",
    );

    s.refresh();
    wait_ready(&s);
    assert_task5(&s, "done", "after importing B then A and reloading");
}

/// In a fresh profile with the right clock and 本部门 普法与依法治理科: imports file A (task 5
/// 推进中 from the PC running ahead), then marks task 5 滞后 by hand. Returns the session and
/// file A.
fn import_a_then_edit() -> (Session, PathBuf) {
    let a = mark_and_export(UNIT_A, FIVE_YEARS_MS, "in-progress");
    let a = write_file("A-快了5年-本机修改.json", a);
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, UNIT_B);
    let said = import(&s, &a);
    assert_clock_corrected(&said);
    assert_task5(&s, "in-progress", "after importing A");

    click_status(&s, 5, "lagging");
    wait_status(&s, 5, "lagging");
    assert_task5(&s, "lagging", "after the local edit");
    (s, a)
}

#[test]
fn a_local_edit_after_importing_the_wrong_clock_file_wins() {
    let (s, _) = import_a_then_edit();
    s.refresh();
    wait_ready(&s);
    assert_task5(&s, "lagging", "after the local edit and a reload");
}

#[test]
fn importing_the_wrong_clock_file_again_does_not_undo_a_later_local_edit() {
    let (s, a) = import_a_then_edit();
    // Let some time pass between the edit and the second import, as e-mail would.
    std::thread::sleep(std::time::Duration::from_secs(2));
    let said = import(&s, &a);
    assert_clock_corrected(&said);
    assert_task5(
        &s,
        "lagging",
        "after importing A a second time (its change is older than the local edit)",
    );
    s.refresh();
    wait_ready(&s);
    assert_task5(&s, "lagging", "after importing A again and reloading");
}
