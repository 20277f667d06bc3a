//! Synthetic plans of 1k, 5k and 20k tasks with logs: put into the app through 导入合并 (or, past
//! the import limit, written to storage as the app stores them), then first render, keystrokes,
//! status clicks, export, import, heap and storage measured on each.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use super::probe::{self, TASK};
use super::report::{num, summary};
use super::{actions, keystroke, synthetic};
use crate::webdriver::{Session, open_app, wait_ready};
use workplan::model::{Plan, Progress};
use workplan::snapshot::{MAX_IMPORT_BYTES, encode_plan, encode_progress};

/// One synthetic plan: its size and how much text each task carries.
pub struct Size {
    /// Tasks in the plan.
    pub tasks: u32,
    /// Sentences per task body.
    pub sentences: usize,
    /// A log entry on every this many tasks.
    pub log_every: u32,
}

/// The plans measured. 20k tasks with the 5k plan's text would not fit the 5 M characters of
/// browser storage, so its bodies are shorter and fewer of its tasks have logs.
pub const SIZES: [Size; 3] = [
    Size {
        tasks: 1_000,
        sentences: 3,
        log_every: 2,
    },
    Size {
        tasks: 5_000,
        sentences: 3,
        log_every: 2,
    },
    Size {
        tasks: 20_000,
        sentences: 1,
        log_every: 10,
    },
];
/// Reloads timed for the first render.
const RELOADS: usize = 7;
/// Status clicks timed.
const STATUS_CLICKS: usize = 20;
/// Exports timed.
const EXPORTS: usize = 7;
/// Import files timed (each changes different tasks, so every one merges something).
const IMPORTS: u32 = 5;
/// Longest wait for anything the app does with a big plan.
const T: Duration = Duration::from_secs(60);

/// Writes `text` as `name` in `dir`.
fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path
}

/// The `.result-count` text when every task of `n` shows.
fn all_shown(n: usize) -> String {
    format!("document.querySelector('.result-count')?.textContent.trim() === '显示 {n} / {n} 项'")
}

/// Puts the plan into the app: 导入合并 of its export, then the notice's 添加到计划库.
fn add_by_import(s: &Session, export: &Path) {
    s.find("input#import").send_keys(&export.to_string_lossy());
    let action = ".notice-info .notice-action";
    s.wait_until(&format!("document.querySelector('{action}') !== null"), T);
    s.execute(
        &format!("document.querySelector('{action}').click(); return null;"),
        vec![],
    );
}

/// Puts the plan into storage as the app keeps it and makes it the shown plan (for files over
/// the import limit).
fn add_by_storage(s: &Session, plan: &Plan, progress: &Progress) {
    let ok = s.execute(
        "const [id, plan, progress] = arguments;
         localStorage.setItem('workplan:plan:' + id, plan);
         localStorage.setItem('workplan:progress:' + id, progress);
         const settings = JSON.parse(localStorage.getItem('workplan:settings') || 'null')
             || { format: 'workplan-settings', version: 1, replica: 'bench' };
         settings.active_plan = id;
         localStorage.setItem('workplan:settings', JSON.stringify(settings));
         return localStorage.getItem('workplan:plan:' + id).length === plan.length;",
        vec![
            json!(plan.id.0),
            json!(encode_plan(plan)),
            json!(encode_progress(&plan.id, progress)),
        ],
    );
    assert_eq!(ok, true, "the synthetic plan was stored whole");
    s.refresh();
}

/// Reloads `times` times: `{first_task_ms, ready_ms, lcp_ms}` since navigation start.
fn first_renders(s: &Session, tasks: usize, times: usize) -> Value {
    let (mut first, mut ready, mut lcp) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..times {
        s.refresh();
        wait_ready(s);
        s.wait_until(&all_shown(tasks), T);
        probe::settle(s, 200);
        let v = probe::load_figures(s);
        first.push(num(&v, "firstTask"));
        ready.push(num(&v, "ready"));
        lcp.push(num(&v, "lcp"));
    }
    json!({ "first_task_ms": summary(&first), "ready_ms": summary(&ready), "lcp_ms": summary(&lcp) })
}

/// Every figure of one synthetic plan; scratch files go to `dir`.
pub fn run(size: &Size, dir: &Path) -> Value {
    let plan = synthetic::plan(size.tasks, size.sentences);
    let progress = synthetic::progress(size.tasks, size.log_every);
    let tasks = plan.tasks.len();
    let export = synthetic::export(&plan, &progress);
    let importable = export.len() <= MAX_IMPORT_BYTES;
    let progress_key = format!("workplan:progress:{}", plan.id.0);

    let s = probe::session();
    open_app(&s);
    if importable {
        add_by_import(&s, &file(dir, &format!("plan-{tasks}.json"), &export));
    } else {
        add_by_storage(&s, &plan, &progress);
    }
    wait_ready(&s);
    s.wait_until(&all_shown(tasks), T);
    s.wait_until(
        &format!("localStorage.getItem('{progress_key}') !== null"),
        T,
    );

    let first_render = first_renders(&s, tasks, RELOADS);
    let memory = probe::memory(&s);
    let storage_chars = probe::storage_chars(&s);
    let keystrokes = keystroke::run(&s, &plan, &progress);
    let status = actions::status_clicks(&s, &progress_key, STATUS_CLICKS);
    let exports = actions::exports(&s, tasks, EXPORTS);
    let imports = if importable {
        let peers: Vec<PathBuf> = (1..=IMPORTS)
            .map(|r| {
                let text = synthetic::peer_export(&plan, &progress, r);
                file(dir, &format!("peer-{tasks}-{r}.json"), &text)
            })
            .collect();
        actions::imports(&s, &peers)
    } else {
        json!({ "skipped": format!(
            "export {:.1} MiB > {:.0} MiB import limit",
            export.len() as f64 / 1_048_576.0,
            MAX_IMPORT_BYTES as f64 / 1_048_576.0
        ) })
    };
    let rendered = s.find_all(TASK).len();
    println!(
        "bench: {tasks} tasks: first task {} ms, keystroke p90 {} ms, status saved {} ms, \
         export {} ms, import {} ms",
        first_render["first_task_ms"]["p50"],
        keystrokes["dom_ms"]["p90"],
        status["saved_ms"]["p50"],
        exports["ms"]["p50"],
        imports["ms"]["p50"]
    );
    json!({
        "tasks": tasks,
        "sentences_per_body": size.sentences,
        "log_entries": synthetic::log_count(&progress),
        "set_up_by": if importable { "import" } else { "storage" },
        "export_bytes": export.len(),
        "rendered_cards": rendered,
        "first_render": first_render,
        "keystroke": keystrokes,
        "status_click": status,
        "export": exports,
        "import": imports,
        "js_heap_bytes": memory["heap"],
        "wasm_memory_bytes": memory["wasm"],
        "storage_chars": storage_chars,
    })
}
