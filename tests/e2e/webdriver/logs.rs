//! Browser console and DevTools performance log entries, and the network-request filter built on them.

use serde_json::Value;

/// One entry of chromedriver's legacy log endpoint (`browser` or `performance`).
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO`, `DEBUG`, ...
    pub level: String,
    /// For `browser` logs the console text; for `performance` logs a JSON string
    /// `{"message":{"method":..,"params":..},"webview":..}`.
    pub message: String,
    pub timestamp: f64,
}

impl LogEntry {
    pub fn from_json(v: &Value) -> LogEntry {
        LogEntry {
            level: v
                .get("level")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            message: v
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            timestamp: v.get("timestamp").and_then(Value::as_f64).unwrap_or(0.0),
        }
    }

    /// For a performance entry: the DevTools event `(method, params)`, if the message parses.
    pub fn devtools_event(&self) -> Option<(String, Value)> {
        let v: Value = serde_json::from_str(&self.message).ok()?;
        let inner = v.get("message")?;
        let method = inner.get("method")?.as_str()?.to_owned();
        let params = inner.get("params").cloned().unwrap_or(Value::Null);
        Some((method, params))
    }
}

/// Strips a `#fragment` so `file:///x.html#/a` counts as the page's own file.
fn without_fragment(url: &str) -> &str {
    url.split('#').next().unwrap_or(url)
}

/// Whether a request was made by one of Chromium's own pages (`chrome://...`).
fn from_browser_ui(params: &Value) -> bool {
    let doc = params
        .get("documentURL")
        .and_then(Value::as_str)
        .unwrap_or("");
    doc.starts_with("chrome://") || doc.starts_with("chrome-untrusted://")
}

/// URLs from `Network.requestWillBeSent` events that are neither the page's own file nor
/// `data:` / `blob:` URLs: i.e. real network (or other-file) requests.
///
/// A fresh headless tab first shows Chromium's new-tab page, which loads many `chrome://`
/// resources (and may finish doing so while the navigation to the app is under way), so
/// events before the first request for `own_url` and requests made by `chrome://` documents
/// are not the app's and are skipped.
pub fn foreign_requests(perf: &[LogEntry], own_url: &str) -> Vec<String> {
    let own = without_fragment(own_url);
    let requests: Vec<(String, Value)> = perf
        .iter()
        .filter_map(LogEntry::devtools_event)
        .filter(|(method, _)| method == "Network.requestWillBeSent")
        .filter_map(|(_, params)| {
            let url = params
                .pointer("/request/url")
                .and_then(Value::as_str)?
                .to_owned();
            Some((url, params))
        })
        .collect();
    let start = requests
        .iter()
        .position(|(url, _)| without_fragment(url) == own)
        .unwrap_or(0);
    requests[start..]
        .iter()
        .filter(|(url, params)| {
            without_fragment(url) != own
                && !url.starts_with("data:")
                && !url.starts_with("blob:")
                && !from_browser_ui(params)
        })
        .map(|(url, _)| url.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perf(url: &str, doc: &str) -> LogEntry {
        let inner = serde_json::json!({
            "message": {"method": "Network.requestWillBeSent",
                        "params": {"documentURL": doc, "request": {"url": url}}},
            "webview": "x"
        });
        LogEntry {
            level: "INFO".into(),
            message: inner.to_string(),
            timestamp: 0.0,
        }
    }

    #[test]
    fn foreign_requests_keeps_only_the_apps_other_urls() {
        let own = "file:///d/workplan.html";
        let ntp = "chrome://new-tab-page/";
        let log = [
            perf(ntp, ntp),
            perf("https://before.invalid/", ntp),
            perf(own, own),
            perf("chrome://resources/late.js", ntp),
            perf("file:///d/workplan.html#/task/3", own),
            perf("data:application/wasm;base64,AGFzbQ==", own),
            perf("blob:null/1234", own),
            perf("https://example.invalid/font.woff2", own),
            perf("file:///d/other.js", own),
        ];
        assert_eq!(
            foreign_requests(&log, own),
            vec![
                "https://example.invalid/font.woff2".to_owned(),
                "file:///d/other.js".to_owned()
            ]
        );
    }
}
