//! Long plans render in pages: the first 20 matching tasks, then 显示更多 adds 20 more at a
//! time until every match shows; a new search starts again at the first page.

use serde_json::json;

use super::support::*;
use crate::library::support::create_plan;
use crate::webdriver::{Session, open_app};

/// A plan of `n` tasks in two sections, every odd task mentioning 调解.
fn long_plan(n: u32) -> String {
    let mut text = String::from("2025年分页测试工作要点\n一、第一部分\n");
    for k in 1..=n {
        if k == n / 2 + 1 {
            text.push_str("二、第二部分\n");
        }
        let topic = if k % 2 == 1 { "调解" } else { "普法" };
        text.push_str(&format!(
            "{k}.推进第{k}项{topic}工作。按计划完成。(责任单位:办公室)\n"
        ));
    }
    text
}

/// `[rendered cards, the 显示更多 text or null, the result count]`.
fn page(s: &Session) -> serde_json::Value {
    s.execute(
        "return [document.querySelectorAll('article.task').length,
                 document.querySelector('button.show-more')?.textContent.trim() ?? null,
                 document.querySelector('.result-count').textContent.trim()];",
        vec![],
    )
}

fn wait_page(s: &Session, want: serde_json::Value) {
    let ok = s.poll_until(
        &format!(
            "JSON.stringify([document.querySelectorAll('article.task').length,
                 document.querySelector('button.show-more')?.textContent.trim() ?? null,
                 document.querySelector('.result-count').textContent.trim()]) === {:?}",
            want.to_string()
        ),
        std::time::Duration::from_secs(10),
    );
    assert!(ok, "expected {want}, page shows {}", page(s));
}

#[test]
fn a_long_plan_shows_twenty_tasks_at_a_time() {
    let s = Session::new();
    open_app(&s);
    create_plan(&s, &long_plan(45), "2025年分页测试工作要点");
    wait_page(&s, json!([20, "显示更多（还有 25 项）", "显示 45 / 45 项"]));
    click(&s, "button.show-more");
    wait_page(&s, json!([40, "显示更多（还有 5 项）", "显示 45 / 45 项"]));
    click(&s, "button.show-more");
    wait_page(&s, json!([45, null, "显示 45 / 45 项"]));
    let order = s.execute(
        "return [...document.querySelectorAll('article.task')].map(a => +a.dataset.task);",
        vec![],
    );
    assert_eq!(order, json!((1..=45).collect::<Vec<u32>>()), "plan order");

    set_search(&s, "调解");
    wait_page(&s, json!([20, "显示更多（还有 3 项）", "显示 23 / 45 项"]));
    click(&s, "button.show-more");
    wait_page(&s, json!([23, null, "显示 23 / 45 项"]));
}
