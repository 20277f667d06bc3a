//! The measuring session: Chromium switches for exact heap figures, and a probe script injected
//! before any page script that records LCP, the first task, storage writes, blobs and imports.

use serde_json::{Value, json};

use crate::webdriver::Session;

/// A task card (src/ui/components/task_card.rs): "first task visible" waits for one.
pub const TASK: &str = "article.task";

/// Precise `performance.memory` (else it is bucketed and refreshed rarely) and a `gc()` to call
/// before reading it.
const ARGS: &[&str] = &["--enable-precise-memory-info", "--js-flags=--expose-gc"];

/// Runs at document start in every page of a bench session, before the page's own scripts
/// (`Page.addScriptToEvaluateOnNewDocument`). Everything it sees goes to `window.__bench`:
/// `lcp` (the last `largest-contentful-paint` entry's start time, observed with
/// `buffered: true`), `firstTask` / `firstTaskFrame` (when the first task card entered the DOM,
/// and the animation frame after), `writes` (every `Storage.setItem`: key, start, end, length),
/// `blobs` (every `URL.createObjectURL`: time and size), `changeAt` (the last `change` event of
/// a file input, seen while capturing, before the app's handler) and `wasm` (the wasm instance's
/// memory). All times are `performance.now()`: ms since navigation start.
const PROBE: &str = r#"(() => {
  const b = window.__bench = { lcp: null, lcpTag: null, firstTask: null, firstTaskFrame: null,
                               writes: [], blobs: [], lastBlob: null, changeAt: null, wasm: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { b.lcp = e.startTime; b.lcpTag = e.element ? e.element.tagName : null; }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch (e) { b.lcpError = String(e); }
  const seen = () => {
    if (b.firstTask !== null || !document.querySelector(TASK)) return;
    b.firstTask = performance.now();
    requestAnimationFrame(() => { b.firstTaskFrame = performance.now(); });
    mo.disconnect();
  };
  const mo = new MutationObserver(seen);
  mo.observe(document, { childList: true, subtree: true });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const start = performance.now();
    try { return setItem.call(this, key, value); }
    finally { b.writes.push({ key: String(key), start, end: performance.now(), chars: String(value).length }); }
  };
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (o) {
    b.blobs.push({ at: performance.now(), size: o && o.size });
    b.lastBlob = o;
    return createObjectURL.call(URL, o);
  };
  document.addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file') b.changeAt = performance.now();
  }, true);
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((r) => {
      const exports = (r.instance || r).exports;
      if (exports && exports.memory) b.wasm = exports.memory;
      return r;
    });
  };
})();"#;

/// A fresh browser (new profile) with the probe installed and downloads refused (the export
/// is timed until its blob exists; nothing needs to reach the disk).
pub fn session() -> Session {
    let s = Session::with_args(ARGS);
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": PROBE.replace("TASK", &format!("{TASK:?}")) }),
    );
    s.cdp("Browser.setDownloadBehavior", json!({ "behavior": "deny" }));
    s
}

/// Waits until the page has painted what it shows: two animation frames, then `quiet_ms`
/// without a new LCP candidate (5 s at most).
pub fn settle(s: &Session, quiet_ms: u32) {
    let v = s.execute_async(
        "const [quiet, done] = [arguments[0], arguments[arguments.length - 1]];
         const b = window.__bench, t0 = performance.now();
         let last = b.lcp, since = performance.now();
         const check = () => {
           if (b.lcp !== last) { last = b.lcp; since = performance.now(); }
           if (performance.now() - since >= quiet || performance.now() - t0 > 5000) done(b.lcp);
           else setTimeout(check, 20);
         };
         requestAnimationFrame(() => requestAnimationFrame(check));",
        vec![json!(quiet_ms)],
    );
    assert!(v.is_number(), "no LCP entry after the page settled: {v}");
}

/// What one load showed: `{lcp, lcpTag, firstTask, firstTaskFrame, ready, dom}` in ms since
/// navigation start (`ready`: the app's `window.__workplanReadyAt`, null on the static page;
/// `dom`: elements in the document).
pub fn load_figures(s: &Session) -> Value {
    s.execute(
        "const b = window.__bench;
         return { lcp: b.lcp, lcpTag: b.lcpTag, firstTask: b.firstTask, firstTaskFrame: b.firstTaskFrame,
                  ready: window.__workplanReadyAt ?? null,
                  dom: document.getElementsByTagName('*').length };",
        vec![],
    )
}

/// `{heap, wasm}` after a full garbage collection: `performance.memory.usedJSHeapSize` and the
/// wasm linear memory, in bytes.
pub fn memory(s: &Session) -> Value {
    let v = s.execute(
        "const collected = typeof gc === 'function';
         if (collected) gc();
         const b = window.__bench;
         return { collected, heap: performance.memory ? performance.memory.usedJSHeapSize : null,
                  wasm: b.wasm ? b.wasm.buffer.byteLength : null };",
        vec![],
    );
    assert_eq!(
        v["collected"], true,
        "gc() exposed by --js-flags=--expose-gc: {v}"
    );
    v
}

/// Characters in localStorage: every key and value (UTF-16 units, what the quota counts).
pub fn storage_chars(s: &Session) -> u64 {
    let v = s.execute(
        "let n = 0;
         for (let i = 0; i < localStorage.length; i++) {
           const k = localStorage.key(i); n += k.length + localStorage.getItem(k).length;
         }
         return n;",
        vec![],
    );
    v.as_u64().expect("storage size")
}
