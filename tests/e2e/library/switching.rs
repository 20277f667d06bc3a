//! Switching plans: each plan keeps its own progress, across switches and reloads, and the shown plan is remembered.

use workplan::model::{TaskId, UnitId};

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app, wait_ready};

/// Asserts the statuses of tasks 1 and 2 of the shown plan, naming the plan and the moment.
fn assert_statuses(s: &Session, when: &str, t1: &str, t2: &str) {
    wait_status(s, 1, t1);
    wait_status(s, 2, t2);
    assert_eq!(
        (status_of(s, 1), status_of(s, 2)),
        (t1.to_owned(), t2.to_owned()),
        "{when}: (task 1, task 2) of {:?}",
        h1(s)
    );
}

#[test]
fn each_plan_keeps_its_progress_across_switches_and_reloads() {
    let s = Session::new();
    open_app(&s);
    click_status(&s, 2, "done");
    wait_status(&s, 2, "done");

    let new = create_plan(&s, SAMPLE, SAMPLE_TITLE);
    assert_ne!(new, DEFAULT_ID, "the new plan has its own id");
    assert_eq!(
        card_titles(&s),
        SAMPLE_TASKS,
        "the new plan's tasks are shown"
    );
    assert_statuses(&s, "new plan before any edit", "not-started", "not-started");
    click_status(&s, 1, "lagging");
    wait_status(&s, 1, "lagging");

    switch_plan(&s, DEFAULT_ID);
    assert_eq!(card_ids(&s).len(), 19, "the 2023 plan's 19 tasks are shown");
    assert_eq!(
        active_plan(&s),
        DEFAULT_ID,
        "select#plan-switch follows the switch"
    );
    assert_statuses(&s, "2023 plan after switching back", "not-started", "done");

    switch_plan(&s, &new);
    assert_eq!(
        card_titles(&s),
        SAMPLE_TASKS,
        "the new plan's tasks after switching"
    );
    assert_statuses(
        &s,
        "new plan after switching again",
        "lagging",
        "not-started",
    );

    let keys = stored_keys(&s, "workplan:progress:");
    for id in [DEFAULT_ID, new.as_str()] {
        assert!(
            keys.contains(&format!("workplan:progress:{id}")),
            "progress of {id} is stored under its own key: {keys:?}"
        );
    }
    let settings = stored_json(&s, "workplan:settings");
    assert_eq!(
        settings["active_plan"],
        new.as_str(),
        "settings remember the shown plan: {settings}"
    );

    s.refresh();
    wait_ready(&s);
    wait_h1(&s, SAMPLE_TITLE);
    assert_eq!(active_plan(&s), new, "the shown plan is kept across reload");
    assert_statuses(&s, "new plan after reload", "lagging", "not-started");

    switch_plan(&s, DEFAULT_ID);
    assert_statuses(
        &s,
        "2023 plan after reload and switch",
        "not-started",
        "done",
    );
    s.refresh();
    wait_ready(&s);
    wait_h1(&s, DEFAULT_TITLE);
    assert_statuses(&s, "2023 plan after a second reload", "not-started", "done");
    assert_eq!(
        plan_options(&s).len(),
        2,
        "both plans offered: {:?}",
        plan_options(&s)
    );
}

#[test]
fn undo_after_switching_does_not_touch_the_other_plan() {
    let s = Session::new();
    open_app(&s);
    let new = create_plan(&s, SAMPLE, SAMPLE_TITLE);
    click_status(&s, 3, "done");
    wait_status(&s, 3, "done");
    switch_plan(&s, DEFAULT_ID);
    click_status(&s, 3, "lagging");
    wait_status(&s, 3, "lagging");
    click(&s, "#undo");
    wait_status(&s, 3, "not-started");
    switch_plan(&s, &new);
    assert_eq!(
        status_of(&s, 3),
        "done",
        "undo in the 2023 plan left the new plan's task 3 alone"
    );
}

/// What `select#my-unit` shows: the selected option's value ("" for （请选择）).
fn shown_unit(s: &Session) -> String {
    let v = js(
        s,
        "const sel = document.querySelector('select#my-unit');
         return sel.options[sel.selectedIndex].value;",
    );
    v.as_str().expect("a value").to_owned()
}

/// The 责任部门 chips of the filter bar.
fn unit_chips(s: &Session) -> Vec<String> {
    let v = js(
        s,
        "return [...document.querySelectorAll('.facet[data-facet=unit] .facet-chip')].map(b => b.dataset.value);",
    );
    serde_json::from_value(v).expect("chips")
}

#[test]
fn my_unit_and_unit_chips_follow_the_shown_plan() {
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "普法与依法治理科");
    assert_eq!(shown_unit(&s), "普法与依法治理科");

    create_plan(&s, SAMPLE, SAMPLE_TITLE);
    assert_eq!(
        shown_unit(&s),
        "",
        "a plan without 普法与依法治理科 has no 本部门 until one of its units is chosen"
    );
    assert_eq!(
        js(
            &s,
            "return document.querySelector('#export-unit').disabled;"
        ),
        true,
        "导出本部门 waits for a 本部门 of this plan"
    );
    let chips = unit_chips(&s);
    assert!(
        chips.contains(&"法律援助科".to_owned()) && !chips.contains(&"普法与依法治理科".to_owned()),
        "the 责任部门 chips are the new plan's units: {chips:?}"
    );

    assert!(
        !shown(&s, "details.preamble"),
        "a plan without 总体要求 shows no empty 总体要求"
    );

    choose_unit(&s, "办公室");
    switch_plan(&s, DEFAULT_ID);
    wait_shown(&s, "details.preamble");
    assert_eq!(
        shown_unit(&s),
        "办公室",
        "the 2023 plan has 办公室 too: the latest choice is in effect and shown"
    );
    let chips = unit_chips(&s);
    assert!(
        chips.contains(&"普法与依法治理科".to_owned()) && !chips.contains(&"法律援助科".to_owned()),
        "the chips follow the switch back: {chips:?}"
    );
    click_status(&s, 1, "done");
    wait_status(&s, 1, "done");
    let progress = stored_progress_of(&s, DEFAULT_ID).expect("stored progress");
    let by = progress
        .task(TaskId(1))
        .and_then(|t| t.status.as_ref())
        .and_then(|st| st.stamp.by.clone());
    assert_eq!(
        by,
        Some(UnitId("办公室".into())),
        "the change is stamped by 办公室"
    );
}
