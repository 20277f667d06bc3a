//! Keyword search in the browser: matching, `<mark>` highlighting, width/case folding, empty
//! result, and a hit inside a closed report panel quoted on its summary.

use serde_json::Value;

use super::support::*;
use crate::webdriver::{Session, choose_unit, open_app, wait_ready};

/// Whether task `n`'s body (`details.task-details`) is open.
fn body_open(s: &Session, n: u32) -> bool {
    s.find(&format!("{} details.task-details", task_css(n)))
        .property("open")
        == true
}

#[test]
fn typed_keyword_filters_highlights_and_opens_bodies() {
    let s = Session::new();
    open_app(&s);
    assert!(!body_open(&s, 4), "sanity: task bodies start collapsed");

    // Typed key by key, like a user: each `input` event refilters.
    s.find("#search").send_keys("合法性审查");
    wait_shown(&s, &[4, 5, 8]);
    for n in [4, 5, 8] {
        let marks = marks_in(&s, n, "");
        assert!(!marks.is_empty(), "task {n} has no <mark>");
        assert!(
            marks.iter().all(|m| m == "合法性审查"),
            "task {n}: every <mark> holds the term: {marks:?}"
        );
        assert!(
            body_open(&s, n),
            "task {n}: body opens when the match is inside it"
        );
        assert!(
            !marks_in(&s, n, ".task-body").is_empty(),
            "task {n}: the match in the body is marked"
        );
    }
    assert_eq!(
        marks_in(&s, 8, ".task-body").len(),
        2,
        "task 8's body has two occurrences (合法性审核 is not one)"
    );
    crate::progress::support::open_report(&s, 8);
    assert_eq!(
        marks_in(&s, 8, ".measure-list").len(),
        2,
        "the measures (the body's sentences) are highlighted as well"
    );

    // Several terms: all must occur (AND).
    set_search(&s, "合法性审查 营商");
    wait_shown(&s, &[5]);
    let marks = marks_in(&s, 5, ".task-body");
    assert!(
        marks.iter().any(|m| m == "营商"),
        "second term marked: {marks:?}"
    );
    assert!(
        marks.iter().any(|m| m == "合法性审查"),
        "first term marked: {marks:?}"
    );

    // Emptying the box removes every highlight and shows everything again.
    set_search(&s, "");
    wait_shown(&s, &ALL);
    assert!(
        s.find_all("article.task mark").is_empty(),
        "no <mark> without a query"
    );
}

#[test]
fn full_width_digits_find_half_width_text() {
    let s = Session::new();
    open_app(&s);
    set_search(&s, "２０２３");
    wait_shown(&s, &[7]);
    assert_eq!(
        marks_in(&s, 7, ".task-body"),
        ["2023"],
        "the half-width text is what gets marked"
    );
    assert!(body_open(&s, 7), "task 7's body opens on the match");

    set_search(&s, "2023");
    wait_shown(&s, &[7]);
    // Curly quotes fold to ASCII ones, so a plainly typed quotation finds them.
    set_search(&s, "\"一规划两方案\"");
    wait_shown(&s, &[7]);
    assert_eq!(marks_in(&s, 7, ".task-body"), ["“一规划两方案”"]);
}

#[test]
fn latin_search_is_case_insensitive_and_reaches_the_log() {
    // The plan text has no Latin letters, so the Latin text comes from a progress log entry.
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, "普法与依法治理科");
    let report = format!("{} details.task-report", task_css(12));
    click(&s, &format!("{report} > summary"));
    s.wait_until(&format!("document.querySelector('{report}').open"), T);
    crate::progress::support::wait_report_built(&s, 12);
    s.find(&format!("{} textarea.log-text", task_css(12)))
        .send_keys("Checked with ABC Law Firm");
    click(&s, &format!("{} button.log-add-btn", task_css(12)));
    let cond = format!(
        "[...document.querySelectorAll('{} li.log-entry .log-body')].some(e => e.textContent.includes('ABC Law'))",
        task_css(12)
    );
    s.wait_until(&cond, T);

    for query in ["abc law", "ABC LAW", "ａｂｃ"] {
        set_search(&s, query);
        wait_shown(&s, &[12]);
        let logged = s.execute(
            "return [...document.querySelectorAll(arguments[0] + ' li.log-entry .log-body mark')].map(m => m.textContent);",
            vec![Value::from(task_css(12))],
        );
        let logged: Vec<&str> = logged
            .as_array()
            .expect("marks")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            logged.iter().any(|m| m.starts_with("ABC")),
            "query {query:?}: the log entry's original text is marked: {logged:?}"
        );
    }
}

#[test]
fn empty_result_offers_a_way_back() {
    let s = Session::new();
    open_app(&s);
    click_chip(&s, "section", "2");
    set_search(&s, "不存在的词语");
    wait_shown(&s, &[]);
    let v = view(&s);
    assert!(v["empty"] == true, ".empty-result shown: {v}");
    assert_eq!(
        v["sections"],
        serde_json::json!([]),
        "no section rendered: {v}"
    );
    assert!(
        s.find(".empty-result").text().contains("没有符合"),
        ".empty-result explains itself"
    );

    click(&s, "#empty-clear");
    wait_shown(&s, &ALL);
    let v = view(&s);
    assert!(v["empty"] == false, ".empty-result gone: {v}");
    assert_eq!(v["query"], "", "search box emptied: {v}");
    assert_eq!(v["pressed"], serde_json::json!([]), "no chip pressed: {v}");
    assert_eq!(v["hash"], "", "URL hash emptied: {v}");
}

#[test]
fn a_hit_in_the_log_is_quoted_without_building_the_panel() {
    use crate::progress::support::{MY_UNIT, click_el, open_report};
    let entry = "本月走访辖区企业三十家，收集意见建议十二条，形成专题报告报区政府";
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, MY_UNIT);
    open_report(&s, 8);
    let card = s.find(&task_css(8));
    card.find("textarea.log-text").send_keys(entry);
    click_el(&s, &card.find("button.log-add-btn"));
    assert!(s.poll_until(
        &format!("!!document.querySelector('{} li.log-entry')", task_css(8)),
        T
    ));
    s.refresh();
    wait_ready(&s);

    set_search(&s, "走访辖区");
    wait_shown(&s, &[8]);
    let hit = s.execute(
        "const h = document.querySelector('article.task[data-task=\"8\"] details.task-report > summary .search-hit');
         return h && [h.textContent, [...h.querySelectorAll('mark')].map(m => m.textContent),
             document.querySelectorAll('details.task-report .report-grid').length,
             h.closest('details').open];",
        vec![],
    );
    assert_eq!(
        hit,
        serde_json::json!([
            "搜索词见于进展记录：本月走访辖区企业三十家，收集意见建议十二条，形成专题报告报区政府",
            ["走访辖区"],
            0,
            false
        ]),
        "the summary quotes the entry; no panel is built or opened"
    );
    // With the title or body holding every term, the card explains itself: no quote.
    set_search(&s, "样板工程");
    wait_shown(&s, &[8]);
    assert!(s.find_all(".search-hit").is_empty());
    // One term in the body, one in the log: the log's is quoted.
    set_search(&s, "样板工程 专题报告");
    wait_shown(&s, &[8]);
    assert_eq!(marks_in(&s, 8, ".search-hit"), ["专题报告"]);
    set_search(&s, "");
    wait_shown(&s, &ALL);
    assert!(
        s.find_all(".search-hit").is_empty(),
        "no quote without a query"
    );
}
