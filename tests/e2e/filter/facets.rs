//! Facet filtering in the browser: section, unit (with groups), combinations, chip counts, 我的任务, clear-all.

use super::support::*;
use crate::webdriver::{Session, open_app};

#[test]
fn section_facet_shows_only_that_section() {
    let s = Session::new();
    open_app(&s);
    wait_shown(&s, &ALL);
    assert!(
        view(&s)["clearDisabled"] == true,
        "#clear-filters is disabled with no filter"
    );

    click_chip(&s, "section", "3");
    wait_shown(&s, &[7, 8, 9]);
    let v = view(&s);
    assert_eq!(
        v["sections"],
        serde_json::json!([3]),
        "only section 3 is rendered: {v}"
    );
    assert_eq!(v["pressed"], serde_json::json!(["section:3"]), "{v}");
    assert!(
        v["clearDisabled"] == false,
        "#clear-filters is enabled while filtering: {v}"
    );
    assert!(
        s.find_all(".preamble").is_empty(),
        "the preamble is hidden while a filter is active"
    );

    // Values within one facet combine with OR.
    click_chip(&s, "section", "6");
    wait_shown(&s, &[7, 8, 9, 16, 17, 18, 19]);
    assert_eq!(view(&s)["sections"], serde_json::json!([3, 6]));

    click_chip(&s, "section", "3");
    click_chip(&s, "section", "6");
    wait_shown(&s, &ALL);
    assert!(
        !pressed(&s, &chip_css("section", "3")),
        "section 3 chip released"
    );
}

#[test]
fn unit_facet_includes_tasks_assigned_through_groups() {
    let s = Session::new();
    open_app(&s);

    // A 科室 also gets every task addressed to 各科室; section 4 has none of its tasks.
    click_chip(&s, "unit", "普法与依法治理科");
    wait_shown(&s, &PUFA);
    assert_eq!(
        view(&s)["sections"],
        serde_json::json!([1, 2, 3, 5, 6]),
        "sections without a shown task are not rendered"
    );
    click_chip(&s, "unit", "普法与依法治理科");
    wait_shown(&s, &ALL);

    // A named 司法所 gets every task addressed to 司法所 / 各司法所.
    let wenyuan: Vec<u32> = ALL
        .iter()
        .copied()
        .filter(|n| ![7, 8].contains(n))
        .collect();
    click_chip(&s, "unit", "文源司法所");
    wait_shown(&s, &wenyuan);
    click_chip(&s, "unit", "文源司法所");

    // The group chip 各司法所 covers the same tasks.
    click_chip(&s, "unit", "各司法所");
    wait_shown(&s, &wenyuan);

    // OR within the facet: 各司法所 or 普法与依法治理科 is everything.
    click_chip(&s, "unit", "普法与依法治理科");
    wait_shown(&s, &ALL);
    let v = view(&s);
    assert_eq!(
        v["pressed"],
        serde_json::json!(["unit:各司法所", "unit:普法与依法治理科"]),
        "{v}"
    );
}

#[test]
fn section_and_unit_combine_with_and() {
    let s = Session::new();
    open_app(&s);
    click_chip(&s, "section", "3");
    wait_shown(&s, &[7, 8, 9]);
    click_chip(&s, "unit", "各司法所");
    wait_shown(&s, &[9]);
    let v = view(&s);
    assert_eq!(v["sections"], serde_json::json!([3]), "{v}");
    assert_eq!(
        v["pressed"],
        serde_json::json!(["section:3", "unit:各司法所"]),
        "{v}"
    );
}

#[test]
fn chip_counts_match_what_a_click_shows() {
    let s = Session::new();
    open_app(&s);
    wait_shown(&s, &ALL);

    assert_eq!(chip_count(&s, "unit", "普法与依法治理科"), 12);
    assert_eq!(chip_count(&s, "unit", "文源司法所"), 17);
    assert_eq!(chip_count(&s, "unit", "各司法所"), 17);
    let sections: Vec<usize> = (1..=6)
        .map(|n| chip_count(&s, "section", &n.to_string()))
        .collect();
    assert_eq!(sections, [3, 3, 3, 3, 3, 4], "section chip counts");
    assert_eq!(chip_count(&s, "status", "not-started"), 19);
    assert_eq!(chip_count(&s, "status", "done"), 0);

    // Every unit chip: clicking it alone shows exactly as many tasks as it announced.
    let units: Vec<String> = s
        .execute(
            "return [...document.querySelectorAll('.facet[data-facet=\"unit\"] button.facet-chip')].map(b => b.dataset.value);",
            vec![],
        )
        .as_array()
        .expect("unit values")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    assert!(units.len() >= 4, "unit chips: {units:?}");
    for unit in &units {
        let announced = chip_count(&s, "unit", unit);
        click_chip(&s, "unit", unit);
        let cond = format!(
            "document.querySelector('.result-count')?.textContent.trim() === '显示 {announced} / 19 项'
             && document.querySelectorAll('article.task').length === {announced}"
        );
        if !s.poll_until(&cond, T) {
            panic!(
                "unit chip {unit:?} announced {announced}; page shows {}",
                view(&s)
            );
        }
        click_chip(&s, "unit", unit);
        wait_shown(&s, &ALL);
    }

    // With section 3 chosen, unit chips count within section 3, and section chips count
    // within the chosen unit (a facet never narrows its own counts).
    click_chip(&s, "section", "3");
    wait_shown(&s, &[7, 8, 9]);
    wait_chip_count(&s, "unit", "各司法所", 1);
    wait_chip_count(&s, "unit", "普法与依法治理科", 3);
    wait_chip_count(&s, "section", "4", 3);
    click_chip(&s, "unit", "各司法所");
    wait_shown(&s, &[9]);
    wait_chip_count(&s, "section", "3", 1);
    wait_chip_count(&s, "section", "4", 3);
    wait_chip_count(&s, "section", "1", 3);
}

#[test]
fn my_tasks_uses_the_chosen_unit() {
    let s = Session::new();
    open_app(&s);

    // Without 本部门 the button explains what to do and filters nothing.
    click(&s, "#my-tasks");
    let cond =
        "[...document.querySelectorAll('.notice')].some(n => n.textContent.includes('本部门'))";
    if !s.poll_until(cond, T) {
        panic!(
            "no notice asking for 本部门 after 我的任务; page shows {}",
            view(&s)
        );
    }
    wait_shown(&s, &ALL);
    assert!(
        !pressed(&s, "#my-tasks"),
        "#my-tasks stays released without 本部门"
    );

    choose_unit(&s, "普法与依法治理科");
    click(&s, "#my-tasks");
    wait_shown(&s, &PUFA);
    assert!(
        pressed(&s, "#my-tasks"),
        "#my-tasks is pressed while showing my tasks"
    );
    assert!(
        pressed(&s, &chip_css("unit", "普法与依法治理科")),
        "the unit chip shows the same filter"
    );

    click(&s, "#my-tasks");
    wait_shown(&s, &ALL);
    assert!(
        !pressed(&s, "#my-tasks"),
        "a second click releases 我的任务"
    );
}

#[test]
fn clear_all_resets_every_filter_in_one_click() {
    let s = Session::new();
    open_app(&s);
    mark_status(&s, 9, "done");

    click_chip(&s, "section", "3");
    click_chip(&s, "unit", "各司法所");
    click_chip(&s, "status", "done");
    set_since(&s, "2020-01-01");
    set_search(&s, "普法");
    wait_shown(&s, &[9]);

    click(&s, "#clear-filters");
    wait_shown(&s, &ALL);
    let v = view(&s);
    assert_eq!(
        v["pressed"],
        serde_json::json!([]),
        "no chip stays pressed: {v}"
    );
    assert_eq!(v["query"], "", "search box emptied: {v}");
    assert_eq!(v["since"], "", "since date emptied: {v}");
    assert_eq!(v["hash"], "", "URL hash emptied: {v}");
    assert!(
        v["clearDisabled"] == true,
        "#clear-filters disabled again: {v}"
    );
    assert_eq!(v["sections"], serde_json::json!([1, 2, 3, 4, 5, 6]), "{v}");
}
