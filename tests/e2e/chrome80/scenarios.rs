//! Render, mark-and-reload and search in Chromium 80, each with a clean console.

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
    p.set_value("#search", "");
    assert!(
        p.poll("document.querySelectorAll('article.task').length === 19", T),
        "clearing the search shows all 19 again"
    );
    p.assert_clean("search");
}
