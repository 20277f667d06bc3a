//! Progress-based facets in the browser: status after marking tasks, overdue after a past deadline, has-updates-since.

use super::support::*;
use crate::webdriver::{Session, open_app};

#[test]
fn status_facet_follows_marked_statuses() {
    let s = Session::new();
    open_app(&s);
    mark_status(&s, 2, "done");
    mark_status(&s, 11, "done");
    mark_status(&s, 5, "lagging");
    mark_status(&s, 14, "in-progress");

    wait_chip_count(&s, "status", "done", 2);
    wait_chip_count(&s, "status", "lagging", 1);
    wait_chip_count(&s, "status", "in-progress", 1);
    wait_chip_count(&s, "status", "not-started", 15);

    click_chip(&s, "status", "done");
    wait_shown(&s, &[2, 11]);
    click_chip(&s, "status", "lagging");
    wait_shown(&s, &[2, 5, 11]);
    click_chip(&s, "status", "done");
    wait_shown(&s, &[5]);
    click_chip(&s, "status", "lagging");

    click_chip(&s, "status", "not-started");
    let rest: Vec<u32> = ALL
        .iter()
        .copied()
        .filter(|n| ![2, 5, 11, 14].contains(n))
        .collect();
    wait_shown(&s, &rest);

    // A status change while filtered moves the task out of the view.
    click(
        &s,
        &format!(
            r#"{} button.status-btn[data-status="in-progress"]"#,
            task_css(1)
        ),
    );
    let rest: Vec<u32> = rest.into_iter().filter(|n| *n != 1).collect();
    wait_shown(&s, &rest);
    wait_chip_count(&s, "status", "in-progress", 2);
}

#[test]
fn overdue_facet_shows_unfinished_tasks_past_their_deadline() {
    let s = Session::new();
    open_app(&s);
    assert_eq!(chip_count(&s, "status", "overdue"), 0);

    set_deadline(&s, 4, "2023-01-31");
    set_deadline(&s, 12, "2023-03-31");
    mark_status(&s, 12, "done"); // done before the deadline passed: not overdue
    set_deadline(&s, 13, "2099-12-31"); // not yet due
    wait_chip_count(&s, "status", "overdue", 1);

    click_chip(&s, "status", "overdue");
    wait_shown(&s, &[4]);
    assert!(
        !s.find_all(&format!("{} .overdue-badge", task_css(4)))
            .is_empty(),
        "the shown task carries its 逾期 badge"
    );
    assert!(pressed(&s, &chip_css("status", "overdue")));

    // Overdue combines with the status facet (AND): no overdue task is done.
    click_chip(&s, "status", "done");
    wait_shown(&s, &[]);
    click_chip(&s, "status", "done");
    wait_shown(&s, &[4]);
}

#[test]
fn since_facet_keeps_tasks_edited_on_or_after_the_date() {
    let s = Session::new();
    open_app(&s);
    mark_status(&s, 10, "in-progress");

    set_since(&s, "2020-01-01");
    wait_shown(&s, &[10]);
    assert_eq!(view(&s)["hash"], "#since=2020-01-01");

    // Stamps are UTC; the edit was made today (UTC), so today's date keeps it too.
    let today = s.execute("return new Date().toISOString().slice(0, 10);", vec![]);
    let today = today.as_str().expect("today").to_owned();
    set_since(&s, &today);
    wait_shown(&s, &[10]);

    set_since(&s, "2099-01-01");
    wait_shown(&s, &[]);
    assert!(
        view(&s)["empty"] == true,
        ".empty-result shown for a future date"
    );

    set_since(&s, "");
    wait_shown(&s, &ALL);
}
