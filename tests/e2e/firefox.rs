//! The built file in Firefox (ESR), driven over Marionette: it starts, marks, searches and keeps data over reload.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::webdriver::dist_url;

/// Preferences that keep Firefox from reaching out on its own and from showing first-run pages.
const PREFS: &[(&str, &str)] = &[
    ("browser.shell.checkDefaultBrowser", "false"),
    ("browser.startup.homepage", "\"about:blank\""),
    ("startup.homepage_welcome_url", "\"\""),
    ("browser.newtabpage.enabled", "false"),
    ("app.update.enabled", "false"),
    ("app.normandy.enabled", "false"),
    ("datareporting.policy.dataSubmissionEnabled", "false"),
    ("toolkit.telemetry.enabled", "false"),
    ("browser.safebrowsing.malware.enabled", "false"),
    ("browser.safebrowsing.phishing.enabled", "false"),
    ("extensions.update.enabled", "false"),
    ("network.captive-portal-service.enabled", "false"),
    ("network.connectivity-service.enabled", "false"),
    ("browser.search.update", "false"),
    ("media.gmp-manager.url", "\"\""),
];

/// A headless Firefox with a fresh profile and a Marionette connection; killed on drop.
pub(crate) struct Firefox {
    child: Child,
    conn: BufReader<TcpStream>,
    next_id: u64,
    profile: PathBuf,
}

impl Firefox {
    pub(crate) fn start() -> Firefox {
        let bin = std::env::var_os("FIREFOX")
            .map(PathBuf::from)
            .expect("FIREFOX is not set: run the browser tests with `cargo xtask test`");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let profile =
            std::env::temp_dir().join(format!("workplan-firefox-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&profile).expect("profile dir");
        let mut prefs = format!("user_pref(\"marionette.port\", {port});\n");
        for (k, v) in PREFS {
            prefs.push_str(&format!("user_pref(\"{k}\", {v});\n"));
        }
        std::fs::write(profile.join("user.js"), prefs).expect("write user.js");
        let child = Command::new(bin)
            .args(["--headless", "--marionette", "--no-remote", "--profile"])
            .arg(&profile)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start firefox");
        let deadline = Instant::now() + Duration::from_secs(60);
        let stream = loop {
            match TcpStream::connect(("127.0.0.1", port)) {
                Ok(s) => break s,
                Err(e) if Instant::now() > deadline => panic!("Marionette did not start: {e}"),
                Err(_) => std::thread::sleep(Duration::from_millis(200)),
            }
        };
        let mut ff = Firefox {
            child,
            conn: BufReader::new(stream),
            next_id: 0,
            profile,
        };
        ff.read_packet(); // the server's greeting
        ff.cmd("WebDriver:NewSession", json!({"capabilities": {}}));
        ff
    }

    fn read_packet(&mut self) -> Value {
        let mut len = Vec::new();
        self.conn.read_until(b':', &mut len).expect("packet length");
        let n: usize = String::from_utf8_lossy(&len[..len.len().saturating_sub(1)])
            .parse()
            .expect("length");
        let mut body = vec![0; n];
        self.conn.read_exact(&mut body).expect("packet body");
        serde_json::from_slice(&body).expect("packet json")
    }

    pub(crate) fn cmd(&mut self, name: &str, params: Value) -> Value {
        self.next_id += 1;
        let body = json!([0, self.next_id, name, params]).to_string();
        let stream = self.conn.get_mut();
        stream
            .write_all(format!("{}:{body}", body.len()).as_bytes())
            .expect("send command");
        let reply = self.read_packet();
        assert!(reply[2].is_null(), "{name} failed: {}", reply[2]);
        reply[3].clone()
    }

    pub(crate) fn js(&mut self, script: &str) -> Value {
        self.js_with(script, Vec::new())
    }

    /// Runs a function body with `arguments` = `args`.
    pub(crate) fn js_with(&mut self, script: &str, args: Vec<Value>) -> Value {
        self.cmd(
            "WebDriver:ExecuteScript",
            json!({"script": script, "args": args}),
        )["value"]
            .clone()
    }

    /// Waits (15 s) until the JS expression `condition` is true.
    pub(crate) fn wait(&mut self, condition: &str) {
        self.wait_for(condition, Duration::from_secs(15));
    }

    /// Waits up to `timeout` until the JS expression `condition` is true.
    pub(crate) fn wait_for(&mut self, condition: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        let script = format!("return !!({condition});");
        while self.js(&script) != json!(true) {
            let page = self.js("return document.body.innerText.slice(0, 300);");
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {condition}; page: {page}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Firefox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The app has mounted.
pub(crate) const READY: &str = "document.querySelector('#app[data-ready=\"true\"]')";

#[test]
fn firefox_runs_marks_searches_and_keeps_data() {
    let mut ff = Firefox::start();
    ff.cmd("WebDriver:Navigate", json!({"url": dist_url()}));
    ff.wait(READY);
    assert_eq!(
        ff.js("return document.querySelectorAll('article.task').length;"),
        json!(19)
    );
    assert_eq!(
        ff.js("return document.querySelector('h1.plan-title').textContent;"),
        json!("2023年天心区司法行政工作要点")
    );
    assert_eq!(
        ff.js("return performance.getEntriesByType('resource').length;"),
        json!(0)
    );

    ff.js("document.querySelector('article.task[data-task=\"3\"] button.status-btn[data-status=\"done\"]').click();");
    ff.js("const s = document.querySelector('#my-unit'); s.value = '办公室'; s.dispatchEvent(new Event('change', {bubbles: true}));");
    ff.js("const i = document.querySelector('#search'); i.value = '合法性审查'; i.dispatchEvent(new Event('input', {bubbles: true}));");
    ff.wait("document.querySelector('.result-count').textContent.startsWith('显示 3 /')");
    assert!(
        ff.js("return document.querySelectorAll('mark').length;")
            .as_u64()
            > Some(0)
    );
    // The hash is written through the history API once the frame is painted; back and forward
    // then move between the views.
    ff.wait("location.hash.startsWith('#q=')");
    ff.js("history.back();");
    ff.wait("document.querySelectorAll('article.task').length === 19 && document.querySelector('#search').value === ''");
    ff.js("history.forward();");
    ff.wait("document.querySelector('.result-count').textContent.startsWith('显示 3 /')");

    ff.cmd("WebDriver:Refresh", json!({}));
    ff.wait(READY);
    let after = ff.js(
        "return [document.querySelector('#search').value, document.querySelector('#my-unit').value,
                 document.querySelector('.result-count').textContent];",
    );
    assert_eq!(after, json!(["合法性审查", "办公室", "显示 3 / 19 项"]));
    ff.js("document.querySelector('#clear-filters').click();");
    ff.wait("document.querySelectorAll('article.task').length === 19");
    assert_eq!(
        ff.js("return document.querySelector('article.task[data-task=\"3\"]').dataset.status;"),
        json!("done")
    );
}

#[test]
fn firefox_builds_panels_on_opening_and_for_printing() {
    let mut ff = Firefox::start();
    ff.cmd("WebDriver:Navigate", json!({"url": dist_url()}));
    ff.wait(READY);
    const GRIDS: &str = "document.querySelectorAll('details.task-report .report-grid').length";
    assert_eq!(
        ff.js(&format!("return {GRIDS};")),
        json!(0),
        "no panel built at start"
    );
    ff.js("document.querySelector('article.task[data-task=\"8\"] details.task-report > summary').click();");
    ff.wait(&format!(
        "{GRIDS} === 1 && !!document.querySelector('article.task[data-task=\"8\"] input.percent-input')"
    ));

    ff.js("window.dispatchEvent(new Event('beforeprint'));");
    ff.wait(&format!(
        "{GRIDS} === 19 && [...document.querySelectorAll('details')].every(d => d.open)"
    ));
    ff.js("window.dispatchEvent(new Event('afterprint'));");
    ff.wait(
        "[...document.querySelectorAll('details:not(.preamble)')].filter(d => d.open).length === 1",
    );
    assert_eq!(
        ff.js("return document.querySelector('article.task[data-task=\"8\"] details.task-report').open;"),
        json!(true),
        "the panel opened before printing stays open"
    );
    assert_eq!(
        ff.js(&format!("return {GRIDS};")),
        json!(19),
        "built panels stay built"
    );
}
