//! The app opened in Chromium 80 over CDP: evaluate, wait, click, reload, and the console/network record.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::browser::{Chrome80, fresh_dir};
use super::cdp::Cdp;
use crate::webdriver::dist_url;

/// Default wait for the page to react.
pub const T: Duration = Duration::from_secs(10);

/// A tab of a fresh Chromium 80 showing the built app.
pub struct Page {
    cdp: Cdp,
    /// Where downloads land (`Page.setDownloadBehavior`).
    pub downloads: PathBuf,
    chrome: Chrome80,
}

impl Page {
    /// Starts Chromium 80, records console, exceptions, log and network, opens the app and
    /// waits until it is ready.
    pub fn open() -> Page {
        let chrome = Chrome80::start();
        let mut cdp = chrome.page();
        for domain in ["Runtime", "Log", "Network", "Page"] {
            cdp.call(&format!("{domain}.enable"), json!({}));
        }
        let downloads = fresh_dir("downloads");
        cdp.call(
            "Page.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": downloads.to_string_lossy()}),
        );
        let mut page = Page {
            cdp,
            downloads,
            chrome,
        };
        let url = dist_url();
        page.cdp.call("Page.navigate", json!({ "url": url }));
        page.wait_ready();
        page
    }

    /// Evaluates the JS expression `js` (promises awaited) and returns its value.
    pub fn eval(&mut self, js: &str) -> Value {
        self.try_eval(js)
            .unwrap_or_else(|e| panic!("{e}\nin: {js}"))
    }

    /// Like [`Page::eval`]; `Err` carries a protocol error (e.g. the context went away while
    /// the page navigated) or the exception `js` threw.
    pub fn try_eval(&mut self, js: &str) -> Result<Value, String> {
        let r = self.cdp.try_call(
            "Runtime.evaluate",
            json!({"expression": js, "returnByValue": true, "awaitPromise": true}),
        )?;
        match r.get("exceptionDetails") {
            Some(ex) => Err(format!("JS threw: {ex}")),
            None => Ok(r["result"]["value"].clone()),
        }
    }

    /// Polls the JS expression `cond` every 50 ms until truthy; `Err` (the last value or error)
    /// after `timeout`. Errors while polling count as "not yet": the page may be navigating.
    fn poll_last(&mut self, cond: &str, timeout: Duration) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        let js = format!("!!({cond})");
        loop {
            let last = match self.try_eval(&js) {
                Ok(Value::Bool(true)) => return Ok(()),
                Ok(v) => v.to_string(),
                Err(e) => e,
            };
            if Instant::now() > deadline {
                return Err(last);
            }
            self.cdp.pump(Duration::from_millis(50));
        }
    }

    /// Polls the JS expression `cond` every 50 ms until truthy; false after `timeout`.
    pub fn poll(&mut self, cond: &str, timeout: Duration) -> bool {
        self.poll_last(cond, timeout).is_ok()
    }

    /// Like [`Page::poll`] with [`T`], panicking with `what`, the last result and the console.
    pub fn wait(&mut self, cond: &str, what: &str) {
        if let Err(last) = self.poll_last(cond, T) {
            panic!(
                "{what}: `{cond}` not true within {T:?} (last: {last}); console: {:#?}",
                self.console()
            );
        }
    }

    /// Waits until a new document (not the one before navigation) has `#app[data-ready="true"]`.
    pub fn wait_ready(&mut self) {
        self.wait(
            r#"!window.__chrome80_old && document.querySelector('#app[data-ready="true"]') !== null"#,
            "the app mounts",
        );
    }

    /// Navigates the tab to `url` (no waiting for any app).
    pub fn navigate(&mut self, url: &str) {
        self.cdp.call("Page.navigate", json!({ "url": url }));
    }

    /// Reloads the tab and waits until the app is ready again.
    pub fn reload(&mut self) {
        self.eval("window.__chrome80_old = true");
        self.cdp.call("Page.reload", json!({}));
        self.wait_ready();
    }

    /// Clicks the centre of the first match of `css` with real mouse events (scrolled into view).
    pub fn click(&mut self, css: &str) {
        let css_js = serde_json::to_string(css).expect("json");
        let rect = self.eval(&format!(
            "(() => {{ const e = document.querySelector({css_js}); if (!e) return null;
               e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
               const x = r.left + r.width / 2, y = r.top + r.height / 2;
               const top = document.elementFromPoint(x, y);
               return {{x, y, hit: !!top && (top === e || e.contains(top))}}; }})()"
        ));
        assert!(!rect.is_null(), "nothing matches {css}");
        assert_eq!(rect["hit"], true, "{css} is covered at its centre: {rect}");
        for kind in ["mousePressed", "mouseReleased"] {
            self.cdp.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": rect["x"], "y": rect["y"], "button": "left", "clickCount": 1}),
            );
        }
    }

    /// Sets `value` on the form control `css` and fires a bubbling `input` (like a paste).
    pub fn set_value(&mut self, css: &str, value: &str) {
        let (css, value) = (json!(css), json!(value));
        let ok = self.eval(&format!(
            "(() => {{ const e = document.querySelector({css}); if (!e) return false;
               e.value = {value}; e.dispatchEvent(new Event('input', {{bubbles: true}}));
               return true; }})()"
        ));
        assert_eq!(ok, true, "no {css} to type into");
    }

    /// Chooses `path` in the file input `css` (`DOM.setFileInputFiles` fires `change`).
    pub fn choose_file(&mut self, css: &str, path: &Path) {
        let r = self.cdp.call(
            "Runtime.evaluate",
            json!({"expression": format!("document.querySelector({})", json!(css))}),
        );
        let object = r["result"]["objectId"]
            .as_str()
            .unwrap_or_else(|| panic!("no {css}: {r}"))
            .to_owned();
        self.cdp.call(
            "DOM.setFileInputFiles",
            json!({"files": [path.to_string_lossy()], "objectId": object}),
        );
    }

    /// The `beforeunload` prompts answered so far (the app asks before leaving unexported changes).
    pub fn leave_prompts(&self) -> usize {
        self.cdp
            .events_named("Page.javascriptDialogOpening")
            .filter(|p| p["type"] == "beforeunload")
            .count()
    }

    /// Console API errors, uncaught exceptions and error-level log entries so far.
    pub fn errors(&mut self) -> Vec<String> {
        self.cdp.pump(Duration::from_millis(10));
        self.console()
            .into_iter()
            .filter(|l| l.starts_with("error "))
            .collect()
    }

    /// Every console API call, exception and log entry so far, as `level text`.
    pub fn console(&self) -> Vec<String> {
        let mut out = Vec::new();
        for p in self.cdp.events_named("Runtime.consoleAPICalled") {
            let text: Vec<String> = p["args"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| match &a["value"] {
                    Value::String(s) => s.clone(),
                    Value::Null => a["description"].as_str().unwrap_or("").to_owned(),
                    v => v.to_string(),
                })
                .collect();
            let level = match p["type"].as_str() {
                Some("error" | "assert") => "error",
                Some(t) => t,
                None => "?",
            };
            out.push(format!("{level} console: {}", text.join(" ")));
        }
        for p in self.cdp.events_named("Runtime.exceptionThrown") {
            let d = &p["exceptionDetails"];
            let text = d["exception"]["description"]
                .as_str()
                .or(d["text"].as_str())
                .unwrap_or("?");
            out.push(format!("error exception: {text}"));
        }
        for p in self.cdp.events_named("Log.entryAdded") {
            let e = &p["entry"];
            out.push(format!(
                "{} log/{}: {}",
                e["level"].as_str().unwrap_or("?"),
                e["source"].as_str().unwrap_or("?"),
                e["text"].as_str().unwrap_or("?")
            ));
        }
        out
    }

    /// URLs requested other than file:, data: and blob: ones.
    pub fn foreign_requests(&self) -> Vec<String> {
        self.cdp
            .events_named("Network.requestWillBeSent")
            .filter_map(|p| p["request"]["url"].as_str())
            .filter(|u| !["file:", "data:", "blob:"].iter().any(|s| u.starts_with(s)))
            .map(str::to_owned)
            .collect()
    }

    /// Number of `Network.requestWillBeSent` events (sanity: the page's own load is one).
    pub fn requests(&self) -> usize {
        self.cdp.events_named("Network.requestWillBeSent").count()
    }

    /// Lets late messages arrive, prints the console, and asserts no error and no foreign request.
    pub fn assert_clean(&mut self, scenario: &str) {
        self.cdp.pump(Duration::from_millis(300));
        for line in self.console() {
            eprintln!("chrome80 {scenario}: {line}");
        }
        let errors = self.errors();
        assert!(
            errors.is_empty(),
            "{scenario}: Chromium 80 logged errors: {errors:#?}"
        );
        let foreign = self.foreign_requests();
        assert!(
            foreign.is_empty(),
            "{scenario}: requests other than file:/data:/blob: {foreign:#?}"
        );
    }

    /// Runs a DevTools command on the tab, e.g. `Emulation.setEmulatedMedia`.
    pub fn cdp(&mut self, method: &str, params: Value) -> Value {
        self.cdp.call(method, params)
    }

    /// The running browser (for its version).
    pub fn chrome(&self) -> &Chrome80 {
        &self.chrome
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.downloads);
    }
}
