//! The first frame: the top of the page and at most three tasks are built and painted first;
//! the rest of the page follows, and only then is the app ready.

use serde_json::json;

use crate::webdriver::{Session, dist_url, wait_ready};

/// Installed before the page loads: at the first animation frame after a task appears (the
/// frame about to be painted), records what the page holds.
const PROBE: &str = r#"(() => {
  window.__firstFrame = null;
  const mo = new MutationObserver(() => {
    if (!document.querySelector('article.task')) return;
    mo.disconnect();
    requestAnimationFrame(() => {
      window.__firstFrame = {
        tasks: document.querySelectorAll('article.task').length,
        preamble: document.querySelector('details.preamble') !== null,
        filters: document.querySelector('#search') !== null,
        ready: document.querySelector('#app[data-ready="true"]') !== null,
      };
    });
  });
  mo.observe(document, { childList: true, subtree: true });
})();"#;

#[test]
fn the_first_frame_holds_the_top_and_three_tasks_then_the_page_completes() {
    let s = Session::new();
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PROBE }),
    );
    s.goto(&dist_url());
    wait_ready(&s);
    assert_eq!(
        s.execute("return window.__firstFrame;", vec![]),
        json!({"tasks": 3, "preamble": true, "filters": true, "ready": false}),
        "the first painted frame"
    );
    assert_eq!(
        s.execute(
            "return [document.querySelectorAll('article.task').length, \
                     document.querySelectorAll('section.plan-section').length];",
            vec![]
        ),
        json!([19, 6]),
        "the whole page once ready"
    );
}
