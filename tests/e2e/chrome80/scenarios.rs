//! Render, mark-and-reload, search, and panels built on opening and for printing in Chromium 80,
//! each with a clean console.

use serde_json::json;

use super::page::{Page, T};

/// Ids of the task cards now rendered, in page order.
fn shown_tasks(p: &mut Page) -> Vec<u64> {
    let v = p.eval("[...document.querySelectorAll('article.task')].map(a => +a.dataset.task)");
    v.as_array()
        .expect("array of task ids")
        .iter()
        .filter_map(|n| n.as_u64())
        .collect()
}

#[test]
fn renders_the_2023_plan_in_chromium_80() {
    let mut p = Page::open();
    let version = p.chrome().version();
    let product = version["product"].as_str().unwrap_or_default().to_owned();
    assert!(
        product.contains("Chrome/80."),
        "the browser is Chromium 80: {version}"
    );
    let ua = p.eval("navigator.userAgent");
    assert!(
        ua.as_str().is_some_and(|u| u.contains("Chrome/80.")),
        "the page sees Chrome 80: {ua}"
    );
    assert_eq!(
        p.eval(r#"document.querySelectorAll('#app[data-ready="true"]').length"#),
        1
    );
    assert_eq!(
        shown_tasks(&mut p),
        (1..=19).collect::<Vec<u64>>(),
        "19 cards"
    );
    assert!(
        p.requests() >= 1,
        "sanity: the network record holds the page's own load"
    );
    eprintln!("chrome80: {product}");
    p.assert_clean("render");
}

#[test]
fn a_marked_status_survives_reload_in_chromium_80() {
    let mut p = Page::open();
    let card = r#"document.querySelector('article.task[data-task="5"]').dataset.status"#;
    assert_eq!(p.eval(card), "not-started", "task 5 starts not started");
    p.click(r#"article.task[data-task="5"] button.status-btn[data-status="done"]"#);
    p.wait(&format!("{card} === 'done'"), "task 5 shows done");
    p.reload();
    eprintln!(
        "chrome80: leave prompts answered on reload: {}",
        p.leave_prompts()
    );
    assert_eq!(p.eval(card), "done", "task 5 is still done after reload");
    p.assert_clean("mark and reload");
}

#[test]
fn search_filters_tasks_in_chromium_80() {
    let mut p = Page::open();
    p.set_value("#search", "合法性审查");
    p.wait(
        "document.querySelectorAll('article.task').length === 3",
        "three tasks match 合法性审查",
    );
    assert_eq!(shown_tasks(&mut p), [4, 5, 8]);
    let count = p.eval("document.querySelector('.result-count').textContent.trim()");
    assert_eq!(count, "显示 3 / 19 项");
    // The hash is written through the history API once the frame is painted; back and forward
    // then move between the views.
    p.wait(
        "location.hash.startsWith('#q=')",
        "the search is written into the hash",
    );
    p.eval("history.back()");
    p.wait(
        "document.querySelectorAll('article.task').length === 19 && document.querySelector('#search').value === ''",
        "back shows the view before the search",
    );
    p.eval("history.forward()");
    p.wait(
        "document.querySelectorAll('article.task').length === 3",
        "forward shows the search again",
    );
    p.set_value("#search", "");
    assert!(
        p.poll("document.querySelectorAll('article.task').length === 19", T),
        "clearing the search shows all 19 again"
    );
    p.assert_clean("search");
}

#[test]
fn panels_build_on_opening_and_print_whole_in_chromium_80() {
    let mut p = Page::open();
    const GRIDS: &str = "document.querySelectorAll('details.task-report .report-grid').length";
    assert_eq!(p.eval(GRIDS), 0, "no panel is built at start");
    p.click(r#"article.task[data-task="8"] details.task-report > summary"#);
    p.wait(
        &format!("{GRIDS} === 1 && !!document.querySelector('article.task[data-task=\"8\"] input.percent-input')"),
        "opening task 8's panel builds it",
    );

    // Chromium 80 prints no part of a closed <details>, so printing must open them all.
    p.eval("window.dispatchEvent(new Event('beforeprint'))");
    p.wait(
        &format!("{GRIDS} === 19 && [...document.querySelectorAll('details')].every(d => d.open)"),
        "printing builds and opens every part",
    );
    p.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    assert_eq!(p.eval("matchMedia('print').matches"), true);
    let hidden = p.eval(
        "[...document.querySelectorAll('article.task')].filter(a => {
             const b = a.querySelector('.task-body');
             return !b || b.getClientRects().length === 0;
         }).map(a => +a.dataset.task)",
    );
    assert_eq!(hidden, json!([]), "tasks whose body does not print");
    p.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }));
    p.eval("window.dispatchEvent(new Event('afterprint'))");
    p.wait(
        "[...document.querySelectorAll('details:not(.preamble)')].filter(d => d.open).length === 1
         && document.querySelector('article.task[data-task=\"8\"] details.task-report').open",
        "after printing only the panel opened before stays open",
    );
    p.assert_clean("lazy panels and printing");
}
