//! Collapsed parts are built on first opening: nothing inside a closed `<details>` exists at
//! start, opening one builds a working panel, and printing builds and shows every panel.

use serde_json::{Value, json};
use workplan::model::{Date, ItemId, PlanId, Progress, ReplicaId, Stamp, TaskId, UnitId};
use workplan::snapshot::encode_progress;

use super::support::*;
use crate::library::support::DEFAULT_ID;
use crate::webdriver::{Session, base64_decode, open_app, wait_ready};

/// Elements inside closed `<details>` other than their summary line, over the whole page.
const BUILT_IN_CLOSED: &str = "return [...document.querySelectorAll('details:not([open])')]
    .map(d => d.querySelectorAll('*').length - d.querySelector('summary').querySelectorAll('*').length - 1)
    .reduce((a, b) => a + b, 0);";

/// How many report panels have their body.
fn built_reports(s: &Session) -> Value {
    js(
        s,
        "return document.querySelectorAll('details.task-report .report-grid').length;",
    )
}

/// The text of the one log entry every task gets in [`printing_builds_and_shows_every_panel`].
fn entry(n: u32) -> String {
    format!("任务{n}的进展记录")
}

#[test]
fn closed_parts_have_no_body_at_start() {
    let s = Session::new();
    open_app(&s);
    assert_eq!(task_count(&s), 19);
    let panels = js(
        &s,
        "return [...document.querySelectorAll('details.task-report')].map(d => [d.open, d.children.length]);",
    );
    assert_eq!(
        panels,
        Value::from(vec![json!([false, 1]); 19]),
        "19 closed report panels, each only its summary"
    );
    for part in [
        ".report-grid",
        ".measures",
        ".progress-log",
        "table.parts",
        ".task-body",
        "input",
    ] {
        let n = js(
            &s,
            &format!("return document.querySelectorAll('article.task {part}').length;"),
        );
        assert_eq!(n, 0, "no {part} inside any task card at start");
    }
    assert_eq!(js(&s, BUILT_IN_CLOSED), 0, "closed parts hold nothing");
    assert_eq!(
        js(
            &s,
            "return !!document.querySelector('details.preamble[open] .preamble-text');"
        ),
        true,
        "the preamble starts open, so it is built"
    );
    // The seed plan's page held 2,546 elements when every panel was built up front.
    let all = js(&s, "return document.getElementsByTagName('*').length;");
    assert!(
        all.as_u64().is_some_and(|n| n < 1000),
        "elements at start: {all}"
    );
}

#[test]
fn opening_a_panel_builds_it_and_it_works() {
    let s = Session::new();
    open_app(&s);
    choose_unit(&s, MY_UNIT);
    open_report(&s, 8);
    assert_eq!(built_reports(&s), 1, "only the opened panel is built");
    set_percent(&s, 8, 40);
    set_deadline(&s, 8, "2023-09-30");
    let card = s.find(&task_css(8));
    card.find("textarea.log-text")
        .send_keys("完成法律顾问全覆盖");
    click_el(&s, &card.find("button.log-add-btn"));
    s.wait_until(
        &format!(
            "document.querySelector('{} li.log-entry .log-body')?.textContent.trim() === '完成法律顾问全覆盖'",
            task_css(8)
        ),
        T,
    );
    assert_eq!(
        js(
            &s,
            &format!(
                "return document.querySelector('{} .report-count').textContent;",
                task_css(8)
            )
        ),
        "（1 条记录）"
    );

    // Closing keeps the body (and what was typed); reopening shows the same fields.
    js(
        &s,
        "window.__grid = document.querySelector('article.task[data-task=\"8\"] .report-grid'); return null;",
    );
    click(
        &s,
        &format!("{} details.task-report > summary", task_css(8)),
    );
    s.wait_until(
        &format!(
            "document.querySelector('{} details.task-report').open === false",
            task_css(8)
        ),
        T,
    );
    open_report(&s, 8);
    assert_eq!(
        js(
            &s,
            "return window.__grid === document.querySelector('article.task[data-task=\"8\"] .report-grid');"
        ),
        true,
        "the body was kept, not built again"
    );
    let v = task_view(&s, 8);
    assert_eq!(v["percentInput"], "40", "{v}");
    assert_eq!(v["deadline"], "2023-09-30", "{v}");

    // Opening the task body (工作内容) builds it too.
    assert_eq!(
        js(&s, "return document.querySelectorAll('.task-body').length;"),
        0
    );
    click(
        &s,
        &format!("{} details.task-details > summary", task_css(3)),
    );
    s.wait_until(
        &format!("!!document.querySelector('{} .task-body')", task_css(3)),
        T,
    );
}

#[test]
fn printing_builds_and_shows_every_panel() {
    // Every task has one log entry, so that each panel has something to print.
    let mut progress = Progress::default();
    let by = Stamp {
        at: 1_690_000_000_000,
        n: 0,
        by: Some(UnitId("办公室".into())),
        replica: ReplicaId("print-pc".into()),
    };
    for n in 1..=19u32 {
        progress
            .task_mut(TaskId(n))
            .add_log(
                ItemId(format!("print-pc.{n}")),
                Date::new(2023, 7, 1).expect("date"),
                &entry(n),
                &by,
            )
            .expect("log entry");
    }
    let stored = encode_progress(&PlanId(DEFAULT_ID.into()), &progress);
    let s = Session::new();
    open_app(&s);
    js(
        &s,
        &format!(
            "localStorage.setItem('workplan:progress:{DEFAULT_ID}', {}); return null;",
            Value::from(stored)
        ),
    );
    s.refresh();
    wait_ready(&s);
    assert_eq!(built_reports(&s), 0, "sanity: no panel is built at start");
    // One panel the user opened before printing.
    open_report(&s, 2);

    js(
        &s,
        "window.dispatchEvent(new Event('beforeprint')); return null;",
    );
    s.wait_until(
        "document.querySelectorAll('details.task-report .report-grid').length === 19
         && [...document.querySelectorAll('details')].every(d => d.open)",
        T,
    );
    s.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    assert_eq!(js(&s, "return matchMedia('print').matches;"), json!(true));
    let shown = s.execute(
        "return [...document.querySelectorAll('article.task')].map(a => {
             const shown = c => { const e = a.querySelector(c); return !!e && e.getClientRects().length > 0; };
             return [+a.dataset.task, shown('.log-body') && a.querySelector('.log-body').textContent.trim(),
                     shown('.task-body')];
         });",
        vec![],
    );
    let want: Vec<Value> = (1..=19u32).map(|n| json!([n, entry(n), true])).collect();
    assert_eq!(
        shown,
        Value::from(want),
        "every task prints its body and its panel's log"
    );

    // Afterwards the parts opened for printing close again; what the user opened stays open.
    s.cdp("Emulation.setEmulatedMedia", json!({ "media": "" }));
    js(
        &s,
        "window.dispatchEvent(new Event('afterprint')); return null;",
    );
    s.wait_until(
        "[...document.querySelectorAll('details.task-report')].filter(d => d.open).length === 1",
        T,
    );
    assert_eq!(
        js(
            &s,
            "return document.querySelector('article.task[data-task=\"2\"] details.task-report').open;"
        ),
        true,
        "the panel opened before printing stays open"
    );
    assert_eq!(
        js(
            &s,
            "return [...document.querySelectorAll('details:not(.preamble)')].filter(d => d.open).length;"
        ),
        1,
        "every other collapsed part is closed again"
    );
    assert_eq!(built_reports(&s), 19, "the built panels stay built");
}

/// Prints the page with DevTools' `Page.printToPDF` (which fires `beforeprint` and
/// `afterprint` like a real print) and returns the number of pages.
fn printed_pages(s: &Session) -> usize {
    let pdf = s.cdp("Page.printToPDF", json!({}));
    let pdf = base64_decode(pdf["data"].as_str().expect("PDF data")).expect("PDF decodes");
    let count = |word: &[u8]| pdf.windows(word.len()).filter(|w| *w == word).count();
    count(b"/Type /Page") - count(b"/Type /Pages")
}

#[test]
fn a_printout_includes_parts_never_opened() {
    let s = Session::new();
    // Control: the same printout while the app does not hear `beforeprint` (a listener
    // installed before the app's own stops it).
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__deaf = true;
            window.addEventListener('beforeprint', e => { if (window.__deaf) e.stopImmediatePropagation(); });" }),
    );
    open_app(&s);
    let deaf = printed_pages(&s);
    assert_eq!(
        js(&s, "return document.querySelectorAll('.task-body').length;"),
        0,
        "sanity: the control printout built nothing"
    );
    js(&s, "window.__deaf = false; return null;");

    let first = printed_pages(&s);
    assert_eq!(
        js(
            &s,
            "return [document.querySelectorAll('.task-body').length, document.querySelectorAll('.report-grid').length];"
        ),
        json!([19, 19]),
        "printing built every task body and panel"
    );
    let again = printed_pages(&s);
    assert_eq!(
        first, again,
        "the first printout already held what it built (a second one, with everything built, is as long)"
    );
    assert!(
        deaf < first,
        "sanity: the task bodies take pages ({deaf} pages without them, {first} with them)"
    );
}
