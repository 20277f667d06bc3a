//! Helpers shared by the filter tests: reading what the page shows and filtering like a user.

use std::time::Duration;

use serde_json::Value;

use crate::webdriver::Session;

/// Poll timeout for the app's reactions (they are synchronous; this only absorbs scheduling).
pub const T: Duration = Duration::from_secs(5);

/// Every task of the 2023 plan.
pub const ALL: [u32; 19] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
];

/// Tasks naming 普法与依法治理科, directly or through 各科室.
pub const PUFA: [u32; 12] = [1, 2, 3, 6, 7, 8, 9, 15, 16, 17, 18, 19];

/// CSS selector of task `n`'s card.
pub fn task_css(n: u32) -> String {
    format!(r#"article.task[data-task="{n}"]"#)
}

/// CSS selector of the chip `value` of facet `facet` (`section`, `unit`, `status`).
pub fn chip_css(facet: &str, value: &str) -> String {
    format!(r#".facet[data-facet="{facet}"] button.facet-chip[data-value="{value}"]"#)
}

/// What the filter UI shows, for assertions and failure messages:
/// `{tasks:[n], sections:[n], count, hash, query, since, pressed:[facet:value], empty, clearDisabled}`,
/// read once the frame is painted (the app writes the hash then).
pub fn view(s: &Session) -> Value {
    s.execute_async(
        "const done = arguments[arguments.length - 1];
         requestAnimationFrame(() => setTimeout(() => {
         const qa = c => [...document.querySelectorAll(c)];
         const rc = document.querySelector('.result-count');
         done({ tasks: qa('article.task').map(a => +a.dataset.task),
                  sections: qa('section.plan-section').map(x => +x.dataset.section),
                  count: rc ? rc.textContent.trim() : null,
                  hash: location.hash,
                  query: document.querySelector('#search').value,
                  since: document.querySelector('#since').value,
                  pressed: qa('button.facet-chip[aria-pressed=\"true\"]').map(b =>
                      b.closest('.facet').dataset.facet + ':' + b.dataset.value),
                  empty: !!document.querySelector('.empty-result'),
                  clearDisabled: document.querySelector('#clear-filters').disabled });
         }, 0));",
        vec![],
    )
}

/// Waits until exactly `expected` (in plan order) are rendered and `.result-count` agrees;
/// panics with what the page shows otherwise.
pub fn wait_shown(s: &Session, expected: &[u32]) {
    let want = serde_json::to_string(expected).expect("json");
    let count = format!("显示 {} / 19 项", expected.len());
    let cond = format!(
        "JSON.stringify([...document.querySelectorAll('article.task')].map(a => +a.dataset.task)) === '{want}'
         && document.querySelector('.result-count')?.textContent.trim() === '{count}'"
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "expected tasks {expected:?} and {count:?}; page shows {}",
            view(s)
        );
    }
}

/// Scrolls `css` to the middle of the viewport (clear of sticky bars) and clicks it.
pub fn click(s: &Session, css: &str) {
    let el = s.find(css);
    s.execute(
        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'}); return null;",
        vec![el.as_arg()],
    );
    el.click();
}

/// Clicks a facet chip.
pub fn click_chip(s: &Session, facet: &str, value: &str) {
    click(s, &chip_css(facet, value));
}

/// The number a chip shows in its `.facet-count`.
pub fn chip_count(s: &Session, facet: &str, value: &str) -> usize {
    let v = s.execute(
        "const c = document.querySelector(arguments[0]);
         return c ? c.querySelector('.facet-count').textContent.trim() : null;",
        vec![Value::from(chip_css(facet, value))],
    );
    let text = v
        .as_str()
        .unwrap_or_else(|| panic!("no chip {facet}:{value}; page shows {}", view(s)));
    text.parse()
        .unwrap_or_else(|_| panic!("chip {facet}:{value} count {text:?} is not a number"))
}

/// Waits until chip `facet:value` shows `count`.
pub fn wait_chip_count(s: &Session, facet: &str, value: &str, count: usize) {
    let cond = format!(
        "document.querySelector('{} .facet-count')?.textContent.trim() === '{count}'",
        chip_css(facet, value).replace('\'', "\\'")
    );
    if !s.poll_until(&cond, T) {
        panic!(
            "chip {facet}:{value}: expected count {count}, shows {}",
            chip_count(s, facet, value)
        );
    }
}

/// `aria-pressed` of a chip (or any element) as a bool.
pub fn pressed(s: &Session, css: &str) -> bool {
    s.find(css).attr("aria-pressed").as_deref() == Some("true")
}

/// Replaces the search text at once (value + one bubbling `input`), like a paste.
pub fn set_search(s: &Session, text: &str) {
    s.execute(
        "const i = document.querySelector('#search');
         i.value = arguments[0];
         i.dispatchEvent(new Event('input', {bubbles: true}));
         return null;",
        vec![Value::from(text)],
    );
}

/// Sets `input#since` (`YYYY-MM-DD`, or `""` to clear) and fires a bubbling `change`.
pub fn set_since(s: &Session, date: &str) {
    s.execute(
        "const i = document.querySelector('#since');
         i.value = arguments[0];
         i.dispatchEvent(new Event('change', {bubbles: true}));
         return null;",
        vec![Value::from(date)],
    );
}

pub use crate::webdriver::choose_unit;

/// Clicks status button `status` of task `n` and waits for the card's `data-status`.
pub fn mark_status(s: &Session, n: u32, status: &str) {
    click(
        s,
        &format!(
            r#"{} button.status-btn[data-status="{status}"]"#,
            task_css(n)
        ),
    );
    let cond = format!(
        "document.querySelector('{}')?.dataset.status === '{status}'",
        task_css(n)
    );
    s.wait_until(&cond, T);
}

/// Opens task `n`'s 进展填报 panel, sets its 完成时限 and waits for the input to keep it.
pub fn set_deadline(s: &Session, n: u32, date: &str) {
    let report = format!("{} details.task-report", task_css(n));
    if s.find(&report).property("open") != true {
        click(s, &format!("{report} > summary"));
    }
    s.wait_until(&format!("document.querySelector('{report}').open"), T);
    crate::progress::support::wait_report_built(s, n);
    s.execute(
        "const i = document.querySelector(arguments[0]);
         i.value = arguments[1];
         i.dispatchEvent(new Event('change', {bubbles: true}));
         return null;",
        vec![
            Value::from(format!("{report} input.deadline-input")),
            Value::from(date),
        ],
    );
    s.wait_until(
        &format!("document.querySelector('{report} input.deadline-input').value === '{date}'"),
        T,
    );
}

/// Trimmed text of every `<mark>` inside `part` (a CSS selector, `""` for all) of task `n`.
pub fn marks_in(s: &Session, n: u32, part: &str) -> Vec<String> {
    let v = s.execute(
        "return [...document.querySelectorAll(arguments[0] + ' mark')].map(m => m.textContent.trim());",
        vec![Value::from(format!("{} {part}", task_css(n)))],
    );
    v.as_array()
        .expect("marks array")
        .iter()
        .filter_map(|m| m.as_str().map(str::to_owned))
        .collect()
}
