//! Two tabs of the same file: each sees the other's saves, and neither overwrites the other's newer edits.

use super::support::*;
use crate::webdriver::{Session, dist_url, open_app, wait_ready};

/// Asserts task 4 done at 60 % and task 6 lagging in the current tab.
fn assert_all_three(s: &Session, tab: &str) {
    let (t4, t6) = (task_view(s, 4), task_view(s, 6));
    assert_eq!(t4["status"], "done", "tab {tab}: task 4 status: {t4}");
    assert_eq!(t4["percent"], "60", "tab {tab}: task 4 percent: {t4}");
    assert_eq!(t6["status"], "lagging", "tab {tab}: task 6 status: {t6}");
}

#[test]
fn two_tabs_exchange_edits_without_overwriting() {
    let s = Session::new();
    open_app(&s);
    let a = s.window_handles().into_iter().next().expect("first tab");
    let b = s.new_window();
    s.switch_to(&b);
    s.goto(&dist_url());
    wait_ready(&s);

    s.switch_to(&a);
    click_status(&s, 4, "done");
    wait_status(&s, 4, "done");

    s.switch_to(&b);
    wait_status(&s, 4, "done");
    open_report(&s, 4);
    set_percent(&s, 4, 60);
    click_status(&s, 6, "lagging");
    wait_status(&s, 6, "lagging");
    assert_eq!(
        status_of(&s, 4),
        "done",
        "tab B: task 4 keeps A's done after B's edits"
    );

    s.switch_to(&a);
    wait_percent(&s, 4, 60);
    wait_status(&s, 6, "lagging");
    assert_all_three(&s, "A (live)");

    s.refresh();
    wait_ready(&s);
    assert_all_three(&s, "A (reloaded)");
    s.switch_to(&b);
    s.refresh();
    wait_ready(&s);
    assert_all_three(&s, "B (reloaded)");
}
