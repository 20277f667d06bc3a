//! The app opens from file:// and renders the 2023 plan (header, preamble, 6 sections, 19 tasks) cleanly and offline.

use std::time::Duration;

use serde_json::Value;

use crate::webdriver::{Session, foreign_requests, open_app};

/// Trimmed `textContent` of the first match of `css` (hidden text included), or `None`.
fn text_of(s: &Session, css: &str) -> Option<String> {
    let v = s.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
        vec![Value::from(css)],
    );
    v.as_str().map(str::to_owned)
}

fn count(s: &Session, css: &str) -> usize {
    s.find_all(css).len()
}

/// Opens every task's 工作内容 (built on first opening) with a click on its summary.
fn open_task_bodies(s: &Session) {
    s.execute(
        "document.querySelectorAll('article.task details.task-details:not([open]) > summary').forEach(m => m.click());",
        vec![],
    );
    s.wait_until(
        "document.querySelectorAll('article.task .task-body').length === document.querySelectorAll('article.task').length",
        Duration::from_secs(5),
    );
}

#[test]
fn mounts_with_plan_header_and_collapsible_preamble() {
    let s = Session::new();
    open_app(&s);
    assert_eq!(
        count(&s, r#"#app[data-ready="true"]"#),
        1,
        "exactly one ready #app"
    );

    assert_eq!(count(&s, "h1.plan-title"), 1, "exactly one h1.plan-title");
    assert_eq!(
        s.find("h1.plan-title").text().trim(),
        "2023年天心区司法行政工作要点"
    );
    let issuer = text_of(&s, ".plan-issuer").expect(".plan-issuer exists");
    assert!(
        issuer.contains("长沙市天心区司法局"),
        ".plan-issuer text: {issuer:?}"
    );
    let date = text_of(&s, ".plan-date").expect(".plan-date exists");
    assert!(
        ["2023-06-01", "2023年6月1日", "2023年06月01日"]
            .iter()
            .any(|d| date.contains(d)),
        ".plan-date text: {date:?}"
    );

    let preamble = s.execute(
        "const p = document.querySelector('.preamble');
         return p && { tag: p.tagName, summary: !!p.querySelector(':scope > summary'),
                       text: p.textContent };",
        vec![],
    );
    assert!(preamble.is_object(), "no .preamble element");
    assert_eq!(
        preamble["tag"], "DETAILS",
        "the preamble must be a collapsible <details>"
    );
    assert_eq!(
        preamble["summary"], true,
        "the preamble <details> needs a <summary>"
    );
    let text = preamble["text"].as_str().unwrap_or("");
    assert!(
        text.contains("总体要求") || text.contains("以习近平新时代中国特色社会主义思想为指导"),
        ".preamble text: {text:?}"
    );
}

#[test]
fn renders_six_sections_and_nineteen_tasks() {
    let s = Session::new();
    open_app(&s);

    let titles = s.execute(
        "return [...document.querySelectorAll('section.plan-section')].map(sec => {
           const h = sec.querySelector('h2.section-title');
           return h ? h.textContent.trim() : null; });",
        vec![],
    );
    let titles: Vec<Option<&str>> = titles
        .as_array()
        .expect("array")
        .iter()
        .map(Value::as_str)
        .collect();
    assert_eq!(
        titles.len(),
        6,
        "section.plan-section count; titles: {titles:?}"
    );
    assert!(
        titles.iter().all(Option::is_some),
        "every section needs an h2.section-title: {titles:?}"
    );
    let (first, last) = (titles[0].unwrap_or(""), titles[5].unwrap_or(""));
    assert!(
        first.contains("以贯彻党的二十大精神为主线"),
        "first section title: {first:?}"
    );
    assert!(
        last.contains("以提升工作效能为主攻"),
        "last section title: {last:?}"
    );

    open_task_bodies(&s);
    let tasks = s.execute(
        "return [...document.querySelectorAll('article.task')].map(a => {
           const t = a.querySelector('.task-title'), b = a.querySelector('.task-body');
           return { no: a.dataset.task ?? null, hasNo: !!a.querySelector('.task-no'),
                    title: t ? t.textContent.trim() : null,
                    bodyInDetails: !!(b && b.closest('details') && a.contains(b.closest('details'))),
                    chips: [...a.querySelectorAll('.unit-chip')].map(c => c.textContent.trim()) }; });",
        vec![],
    );
    let tasks = tasks.as_array().expect("array");
    assert_eq!(tasks.len(), 19, "article.task count");
    let nos: Vec<&str> = tasks
        .iter()
        .map(|t| t["no"].as_str().unwrap_or(""))
        .collect();
    let expected: Vec<String> = (1..=19).map(|n| n.to_string()).collect();
    assert_eq!(nos, expected, "data-task values in document order");
    for t in tasks {
        let no = &t["no"];
        assert_eq!(t["hasNo"], true, "task {no} lacks .task-no");
        assert!(
            t["title"].as_str().is_some_and(|x| !x.is_empty()),
            "task {no} lacks .task-title"
        );
        assert_eq!(
            t["bodyInDetails"], true,
            "task {no}: .task-body must sit inside a <details>"
        );
        let chips = t["chips"].as_array().map_or(0, Vec::len);
        assert!(chips >= 1, "task {no} has no .unit-chip");
    }
    let title1 = tasks[0]["title"].as_str().unwrap_or("");
    assert!(
        title1.starts_with("筑牢政治忠诚"),
        "task 1 title: {title1:?}"
    );
    let chips8: Vec<&str> = tasks[7]["chips"]
        .as_array()
        .expect("chips")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(chips8.len(), 4, "task 8 unit chips: {chips8:?}");
    assert!(
        chips8.iter().any(|c| c.contains("办公室")),
        "task 8 unit chips: {chips8:?}"
    );
}

#[test]
fn page_text_has_no_web_debris() {
    let s = Session::new();
    open_app(&s);
    // All text a reader could see (collapsed <details> included), without script/style source.
    let text = s.execute(
        "const c = document.body.cloneNode(true);
         c.querySelectorAll('script, style, noscript, template').forEach(e => e.remove());
         return c.textContent;",
        vec![],
    );
    let text = text.as_str().expect("body text");
    assert!(
        text.contains("筑牢政治忠诚"),
        "sanity: the plan text is on the page"
    );
    for debris in [
        "字体大小",
        "扫一扫在手机打开当前页",
        "首页 > 政务公开",
        "2023年61日",
    ] {
        assert!(
            !text.contains(debris),
            "page text contains web debris {debris:?}"
        );
    }
}

#[test]
fn console_is_clean_and_nothing_is_fetched() {
    let s = Session::new();
    open_app(&s);
    std::thread::sleep(Duration::from_millis(300)); // let late errors reach the console

    match s
        .execute("return window.__workplanReadyAt ?? null;", vec![])
        .as_f64()
    {
        Some(ms) => eprintln!("e2e: workplan ready {ms:.1} ms after navigation start"),
        None => eprintln!("e2e: window.__workplanReadyAt is not set"),
    }

    let log = s.browser_log();
    for e in &log {
        eprintln!("e2e: console {} {}", e.level, e.message);
    }
    let severe: Vec<&str> = log
        .iter()
        .filter(|e| e.level == "SEVERE")
        .map(|e| e.message.as_str())
        .collect();
    assert!(severe.is_empty(), "SEVERE console entries: {severe:#?}");

    let own = s.url();
    let perf = s.performance_log();
    assert!(
        perf.iter()
            .filter_map(|e| e.devtools_event())
            .any(|(m, _)| m.starts_with("Network.")),
        "sanity: the performance log records network events (the page's own load)"
    );
    let foreign = foreign_requests(&perf, &own);
    assert!(
        foreign.is_empty(),
        "requests other than {own}: {foreign:#?}"
    );
    let resources = s.execute(
        "return performance.getEntriesByType('resource').length;",
        vec![],
    );
    assert_eq!(resources, 0, "performance resource entries");
}

/// Visibility of every `.task-body` (rendered, with a non-empty box), in document order.
fn task_bodies_visible(s: &Session) -> Vec<bool> {
    let v = s.execute(
        "return [...document.querySelectorAll('article.task .task-body')].map(b =>
           b.checkVisibility({ visibilityProperty: true }) && b.getBoundingClientRect().height > 0);",
        vec![],
    );
    v.as_array()
        .expect("array")
        .iter()
        .map(|b| b.as_bool() == Some(true))
        .collect()
}

#[test]
fn print_media_shows_collapsed_task_bodies() {
    let s = Session::new();
    open_app(&s);
    open_task_bodies(&s);
    s.execute(
        "document.querySelectorAll('article.task details').forEach(d => d.open = false);",
        vec![],
    );
    let screen = task_bodies_visible(&s);
    assert_eq!(screen.len(), 19, "one .task-body per task");
    assert!(
        screen.iter().all(|v| !v),
        "sanity: collapsed task bodies are hidden on screen"
    );

    s.cdp(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "print" }),
    );
    assert_eq!(
        s.execute("return matchMedia('print').matches;", vec![]),
        true,
        "print emulated"
    );
    let print = task_bodies_visible(&s);
    let hidden: Vec<usize> = print
        .iter()
        .enumerate()
        .filter(|(_, v)| !**v)
        .map(|(i, _)| i + 1)
        .collect();
    assert!(
        hidden.is_empty(),
        "task bodies hidden in print media (tasks {hidden:?})"
    );
}
