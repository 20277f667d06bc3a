//! Small synchronous W3C WebDriver client (chromedriver + headless Chromium) for the e2e tests.
//!
//! Every method panics with context on failure: these are test helpers, and a panic with the
//! WebDriver error text is the most useful failure report a test can give.
// A shared client: not every test module uses every method or re-export.
#![allow(dead_code, unused_imports)]

mod app;
mod base64;
mod driver;
mod element;
mod logs;
mod selftest;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

pub use app::{
    choose_unit, confirm_import, dist_path, dist_url, file_url, open_app, wait_ready, written_hash,
};
pub use base64::decode as base64_decode;
pub use driver::run_dir;
pub use element::ElementRef;
pub use logs::{LogEntry, foreign_requests};

/// W3C key under which element references travel in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One browser session with its own fresh profile; closed (and its profile removed) on drop.
pub struct Session {
    id: String,
    profile: PathBuf,
}

fn fresh_profile_dir() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = driver::run_dir().join(format!("profile-{n}-{nanos}"));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}

impl Session {
    /// Starts headless Chromium with a fresh user-data-dir (localStorage under file:// is one
    /// bucket per profile, so tests must not share one).
    pub fn new() -> Session {
        Session::with_args(&[])
    }

    /// Like [`Session::new`], with extra Chromium switches (e.g. `--enable-precise-memory-info`).
    pub fn with_args(extra: &[&str]) -> Session {
        let d = driver::driver();
        let profile = fresh_profile_dir();
        let binary = std::env::var("CHROME").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1366,768",
        ];
        let mut args: Vec<String> = args.iter().chain(extra).map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": binary, "args": args},
            "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
        }}});
        let v = d.call("POST", "/session", Some(&caps)).unwrap_or_else(|e| {
            let _ = std::fs::remove_dir_all(&profile);
            panic!(
                "new session failed: {e} (chromedriver log: {})",
                d.log_path()
            )
        });
        let id = v
            .get("sessionId")
            .and_then(Value::as_str)
            .expect("sessionId in new-session reply");
        Session {
            id: id.to_owned(),
            profile,
        }
    }

    /// Raw command under `/session/{id}`; panics with the WebDriver error.
    pub fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.try_cmd(method, path, body)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Raw command under `/session/{id}`, returning the WebDriver error instead of panicking.
    pub fn try_cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        driver::driver().call(
            method,
            &format!("/session/{}{path}", self.id),
            body.as_ref(),
        )
    }

    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }
    pub fn refresh(&self) {
        self.cmd("POST", "/refresh", None);
    }
    pub fn back(&self) {
        self.cmd("POST", "/back", None);
    }
    pub fn forward(&self) {
        self.cmd("POST", "/forward", None);
    }
    pub fn url(&self) -> String {
        self.cmd("GET", "/url", None)
            .as_str()
            .expect("url is a string")
            .to_owned()
    }

    /// Runs a function body (`return ...;`) with `arguments` = `args`.
    pub fn execute(&self, js: &str, args: Vec<Value>) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": js, "args": args})),
        )
    }

    /// Like [`Session::execute`], but the result is the value passed to the callback that is
    /// the last element of `arguments`.
    pub fn execute_async(&self, js: &str, args: Vec<Value>) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({"script": js, "args": args})),
        )
    }

    /// Polls the JS *expression* `cond` every 50 ms until truthy; false on timeout.
    pub fn poll_until(&self, cond: &str, timeout: Duration) -> bool {
        let script = format!("return !!({cond});");
        let deadline = Instant::now() + timeout;
        loop {
            if self.execute(&script, vec![]).as_bool() == Some(true) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Like [`Session::poll_until`] but panics naming the condition on timeout.
    pub fn wait_until(&self, cond: &str, timeout: Duration) {
        assert!(
            self.poll_until(cond, timeout),
            "timed out after {timeout:?} waiting for: {cond}"
        );
    }

    fn element(&self, v: &Value) -> ElementRef<'_> {
        let id = v
            .get(ELEMENT_KEY)
            .and_then(Value::as_str)
            .expect("element reference");
        ElementRef {
            session: self,
            id: id.to_owned(),
        }
    }

    /// The first element matching `css`; panics if there is none.
    pub fn find(&self, css: &str) -> ElementRef<'_> {
        let body = json!({"using": "css selector", "value": css});
        let v = self
            .try_cmd("POST", "/element", Some(body))
            .unwrap_or_else(|e| panic!("find({css:?}): {e}"));
        self.element(&v)
    }

    /// All elements matching `css` in document order (possibly none).
    pub fn find_all(&self, css: &str) -> Vec<ElementRef<'_>> {
        let v = self.cmd(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        self.elements(&v)
    }

    /// The element references of a `/elements` reply.
    pub(crate) fn elements(&self, reply: &Value) -> Vec<ElementRef<'_>> {
        reply
            .as_array()
            .expect("elements array")
            .iter()
            .map(|e| self.element(e))
            .collect()
    }

    /// Opens a new tab and returns its handle (does not switch to it).
    pub fn new_window(&self) -> String {
        self.open_window("tab")
    }
    /// Opens a separate browser window (not a tab): the first stays visible beside it.
    pub fn new_separate_window(&self) -> String {
        self.open_window("window")
    }
    fn open_window(&self, kind: &str) -> String {
        let v = self.cmd("POST", "/window/new", Some(json!({"type": kind})));
        v.get("handle")
            .and_then(Value::as_str)
            .expect("window handle")
            .to_owned()
    }
    pub fn window_handles(&self) -> Vec<String> {
        let v = self.cmd("GET", "/window/handles", None);
        v.as_array()
            .expect("handles")
            .iter()
            .filter_map(|h| h.as_str().map(str::to_owned))
            .collect()
    }
    pub fn switch_to(&self, handle: &str) {
        self.cmd("POST", "/window", Some(json!({ "handle": handle })));
    }
    /// Closes the current window; returns the remaining handles.
    pub fn close_window(&self) -> Vec<String> {
        let v = self.cmd("DELETE", "/window", None);
        v.as_array()
            .expect("handles")
            .iter()
            .filter_map(|h| h.as_str().map(str::to_owned))
            .collect()
    }

    fn log(&self, kind: &str) -> Vec<LogEntry> {
        let v = self.cmd("POST", "/se/log", Some(json!({ "type": kind })));
        v.as_array()
            .expect("log entries")
            .iter()
            .map(LogEntry::from_json)
            .collect()
    }
    /// Console entries since the previous call (chromedriver drains the buffer).
    pub fn browser_log(&self) -> Vec<LogEntry> {
        self.log("browser")
    }
    /// DevTools events since the previous call (drained like [`Session::browser_log`]).
    pub fn performance_log(&self) -> Vec<LogEntry> {
        self.log("performance")
    }

    /// Runs a Chrome DevTools Protocol command, e.g. `Emulation.setEmulatedMedia`.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({"cmd": cmd, "params": params})),
        )
    }

    /// Saves a PNG screenshot of the viewport.
    pub fn screenshot_png(&self, path: &Path) {
        let v = self.cmd("GET", "/screenshot", None);
        let png =
            base64_decode(v.as_str().expect("screenshot base64")).expect("screenshot decodes");
        std::fs::write(path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Never panic here: this also runs while a failed test unwinds.
        let _ = driver::driver().call("DELETE", &format!("/session/{}", self.id), None);
        for _ in 0..5 {
            if std::fs::remove_dir_all(&self.profile).is_ok() || !self.profile.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}
