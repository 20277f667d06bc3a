//! Keystrokes in the search box: each word typed key by key and cleared, timed until the DOM is
//! updated; the browser's result counts are checked against the native filter.

use serde_json::{Value, json};

use super::probe::TASK;
use super::report::{num, summary};
use crate::webdriver::Session;
use workplan::model::{Date, Filter, FilterContext, Plan, Progress};

/// Queried words: rare and frequent, a task number, a phrase in only some tasks, and no match.
const WORDS: [&str; 6] = [
    "合法性审查",
    "调解",
    "编号4321号",
    "枫桥经验",
    "法治建设",
    "zzz",
];

/// One keystroke: sets `#search`, fires `input`, and times the dispatch, the last DOM
/// mutation under `#app` (a MutationObserver; `null` if nothing changed), and the next
/// animation frame. Leptos applies the update in microtasks after the dispatch returns, so
/// the wait ends only when both a MessageChannel task (run after every queued microtask) and
/// the frame have come.
const KEYSTROKE_JS: &str = r#"
const done = arguments[arguments.length - 1];
const input = document.querySelector('#search');
const count = () => document.querySelector('.result-count').textContent.trim();
const before = count();
let lastMutation = null;
const observer = new MutationObserver(() => { lastMutation = performance.now(); });
observer.observe(document.querySelector('#app'),
    {subtree: true, childList: true, characterData: true, attributes: true});
input.value = arguments[0];
const t0 = performance.now();
input.dispatchEvent(new Event('input', {bubbles: true}));
const t1 = performance.now();
const atDispatch = count();
const out = {dispatch: t1 - t0, atDispatch, before};
let pending = 2;
const finish = () => { if (--pending === 0) {
    observer.disconnect();
    out.dom = lastMutation === null ? null : lastMutation - t0;
    out.after = count();
    out.rendered = document.querySelectorAll(arguments[1]).length;
    done(out);
} };
const ch = new MessageChannel();
ch.port1.onmessage = () => { out.settled = performance.now() - t0; finish(); };
ch.port2.postMessage(0);
requestAnimationFrame(() => { out.frame = performance.now() - t0; finish(); });
"#;

/// How many tasks the native filter finds for `query`.
fn native_count(plan: &Plan, progress: &Progress, query: &str) -> usize {
    let f = Filter {
        query: query.to_string(),
        ..Filter::default()
    };
    let ctx = FilterContext {
        plan,
        progress,
        today: Date::new(2023, 7, 1).expect("date"),
    };
    f.prepare().matching(&ctx).len()
}

/// Types every word of [`WORDS`] and clears the box again; `{keystrokes, dom_ms, frame_ms,
/// dispatch_ms, unchanged}` (`dom_ms` over the keystrokes that changed the DOM).
pub fn run(s: &Session, plan: &Plan, progress: &Progress) -> Value {
    let total = plan.tasks.len();
    let all = format!("显示 {total} / {total} 项");
    let initial_rendered = s.find_all(TASK).len();
    let (mut dispatch, mut dom, mut frame) = (Vec::new(), Vec::new(), Vec::new());
    let mut keystrokes = 0usize;
    for word in WORDS {
        let want = native_count(plan, progress, word);
        let chars: Vec<char> = word.chars().collect();
        let mut values: Vec<String> = (1..=chars.len())
            .map(|n| chars[..n].iter().collect())
            .collect();
        values.push(String::new());
        for (k, value) in values.iter().enumerate() {
            let r = s.execute_async(KEYSTROKE_JS, vec![json!(value), json!(TASK)]);
            dispatch.push(num(&r, "dispatch"));
            frame.push(num(&r, "frame"));
            if let Some(ms) = r["dom"].as_f64() {
                dom.push(ms);
            }
            keystrokes += 1;
            if k + 1 == chars.len() {
                let shown = format!("显示 {want} / {total} 项");
                assert_eq!(
                    r["after"],
                    shown.as_str(),
                    "query {word:?}: the browser's count differs from the native filter ({r})"
                );
                assert_eq!(
                    r["rendered"].as_u64(),
                    Some(want.min(initial_rendered) as u64),
                    "query {word:?}: rendered cards ({r})"
                );
            }
        }
        let count = s.execute(
            "return document.querySelector('.result-count').textContent.trim();",
            vec![],
        );
        assert_eq!(
            count,
            all.as_str(),
            "clearing the box shows every task again"
        );
    }
    json!({
        "keystrokes": keystrokes,
        "unchanged": keystrokes - dom.len(),
        "dom_ms": summary(&dom),
        "frame_ms": summary(&frame),
        "dispatch_ms": summary(&dispatch),
    })
}
