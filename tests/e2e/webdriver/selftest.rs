//! Exercises every client method once against two small local pages (not the app).

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use super::{Session, driver, file_url};

const PAGE_A: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>A</title></head>
<body><input id="q"><button id="b" onclick="document.getElementById('out').textContent =
document.getElementById('q').value">go</button><p id="out"></p>
<div id="hidden" style="display:none" data-x="7">secret</div><ul><li>1</li><li>2</li><li>3</li></ul>
</body></html>"#;
const PAGE_B: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>B</title></head>
<body><p id="b-text">page b</p></body></html>"#;

/// Writes the two pages into the run folder; returns their `file://` URLs.
fn pages() -> (String, String) {
    let dir = driver::run_dir().join(format!("selftest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create selftest dir");
    let write = |name: &str, html: &str| -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, html).expect("write selftest page");
        path
    };
    (
        file_url(&write("a.html", PAGE_A)),
        file_url(&write("b.html", PAGE_B)),
    )
}

#[test]
fn client_methods_work_against_a_local_page() {
    let (a, b) = pages();
    let s = Session::new();
    s.goto(&a);
    assert_eq!(s.url(), a);

    let q = s.find("#q");
    q.send_keys("abc");
    assert_eq!(q.property("value"), "abc");
    q.clear();
    assert_eq!(q.property("value"), "");
    q.send_keys("xyz");
    s.find("#b").click();
    s.wait_until(
        "document.getElementById('out').textContent === 'xyz'",
        Duration::from_secs(2),
    );
    assert_eq!(s.find("#out").text(), "xyz");

    let hidden = s.find("#hidden");
    assert!(!hidden.is_displayed());
    assert!(s.find("#out").is_displayed());
    assert_eq!(hidden.attr("data-x").as_deref(), Some("7"));
    assert_eq!(hidden.attr("data-missing"), None);
    assert_eq!(s.find_all("li").len(), 3);
    assert_eq!(s.find("ul").find_all("li").len(), 3);
    assert_eq!(s.find("ul").find("li").text(), "1");
    assert!(s.find_all(".nothing").is_empty());

    assert_eq!(s.execute("return arguments[0] + 1;", vec![json!(1)]), 2);
    let id = s.execute("return arguments[0].id;", vec![hidden.as_arg()]);
    assert_eq!(id, "hidden");
    let later = s.execute_async(
        "const done = arguments[0]; setTimeout(() => done(42), 10);",
        vec![],
    );
    assert_eq!(later, 42);
    let cdp = s.cdp(
        "Runtime.evaluate",
        json!({"expression": "1 + 2", "returnByValue": true}),
    );
    assert_eq!(cdp.pointer("/result/value"), Some(&json!(3)));

    s.browser_log(); // drain
    s.execute("console.error('selftest-marker');", vec![]);
    let log = s.browser_log();
    assert!(
        log.iter()
            .any(|e| e.level == "SEVERE" && e.message.contains("selftest-marker")),
        "console.error reaches the browser log: {log:?}"
    );
    assert!(
        !s.performance_log().is_empty(),
        "performance log records events"
    );

    s.goto(&b);
    s.back();
    assert_eq!(s.url(), a);
    s.forward();
    assert_eq!(s.url(), b);
    s.execute("window.__mark = 1;", vec![]);
    s.refresh();
    assert_eq!(
        s.execute("return window.__mark ?? null;", vec![]),
        Value::Null
    );

    let first = s.window_handles();
    assert_eq!(first.len(), 1);
    let second = s.new_window();
    assert_eq!(s.window_handles().len(), 2);
    s.switch_to(&second);
    s.goto(&a);
    assert_eq!(s.execute("return document.title;", vec![]), "A");
    assert_eq!(s.close_window(), first);
    s.switch_to(&first[0]);
    assert_eq!(s.execute("return document.title;", vec![]), "B");

    let shot = driver::run_dir().join(format!("selftest-{}.png", std::process::id()));
    s.screenshot_png(&shot);
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "screenshot is a PNG");
}
