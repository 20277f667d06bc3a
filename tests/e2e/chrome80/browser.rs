//! Starting the unpacked Chromium 80 (`CHROME80`) headless with a fresh profile, killed on drop.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::cdp::Cdp;

/// How long the browser may take to open its DevTools port.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// The Chromium 80 executable from `CHROME80`; panics with how to get it when unset.
pub fn binary() -> PathBuf {
    let raw = std::env::var_os("CHROME80")
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| {
            panic!(
                "CHROME80 is not set: run the browser tests with `cargo xtask test`, which unpacks \
             Chromium 80 from the npm package chrome-aws-lambda@2.1.1 into target/xtask-chrome80 \
             and sets CHROME80 to target/xtask-chrome80/chromium"
            )
        });
    let path = PathBuf::from(raw);
    assert!(
        path.is_file(),
        "CHROME80={} does not exist: run `cargo xtask test` to unpack Chromium 80",
        path.display()
    );
    path
}

/// One running Chromium 80 with its own profile; killed and its profile removed on drop.
pub struct Chrome80 {
    child: Child,
    profile: PathBuf,
    /// The DevTools port the browser chose.
    pub port: u16,
}

impl Chrome80 {
    /// Starts the browser on `about:blank` and waits for its DevTools port.
    pub fn start() -> Chrome80 {
        let binary = binary();
        let profile = fresh_dir("profile");
        let lib = binary.with_file_name("aws").join("lib");
        let mut cmd = Command::new(&binary);
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--single-process",
            "--no-zygote",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-translate",
            "--disable-extensions",
            "--disable-default-apps",
            "--disable-breakpad",
            "--disable-dev-shm-usage",
            "--metrics-recording-only",
            "--mute-audio",
            "--password-store=basic",
            "--window-size=1366,768",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .env("LD_LIBRARY_PATH", join_paths(&lib))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(
            std::fs::File::create(profile.with_extension("stderr.txt"))
                .map(Stdio::from)
                .unwrap_or_else(|_| Stdio::null()),
        );
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", binary.display()));
        let mut chrome = Chrome80 {
            child,
            profile,
            port: 0,
        };
        chrome.port = chrome.wait_port();
        chrome
    }

    /// Polls `DevToolsActivePort` in the profile (first line: the port).
    fn wait_port(&mut self) -> u16 {
        let file = self.profile.join("DevToolsActivePort");
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if let Some(port) = text.lines().next().and_then(|l| l.trim().parse().ok())
                && text.lines().count() >= 2
            {
                return port;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("Chromium 80 exited early ({status}); {}", self.stderr());
            }
            if Instant::now() > deadline {
                panic!(
                    "Chromium 80 wrote no DevToolsActivePort in 30 s; {}",
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// What the browser printed on stderr so far (for failure messages).
    pub fn stderr(&self) -> String {
        let text =
            std::fs::read_to_string(self.profile.with_extension("stderr.txt")).unwrap_or_default();
        format!("stderr: {}", text.trim())
    }

    /// Connects to the first page target (the `about:blank` tab).
    pub fn page(&self) -> Cdp {
        let deadline = Instant::now() + START_TIMEOUT;
        let mut browser = Cdp::connect(&self.browser_ws());
        loop {
            let targets = browser.call("Target.getTargets", json!({}));
            let page = targets["targetInfos"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|t| t["type"] == "page")
                .and_then(|t| t["targetId"].as_str().map(str::to_owned));
            if let Some(id) = page {
                return Cdp::connect(&format!("ws://127.0.0.1:{}/devtools/page/{id}", self.port));
            }
            assert!(Instant::now() < deadline, "no page target: {targets}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The browser-wide endpoint (second line of `DevToolsActivePort`).
    fn browser_ws(&self) -> String {
        let text = std::fs::read_to_string(self.profile.join("DevToolsActivePort"))
            .expect("DevToolsActivePort");
        let path = text.lines().nth(1).unwrap_or("").trim().to_owned();
        format!("ws://127.0.0.1:{}{path}", self.port)
    }

    /// `Browser.getVersion` of the running browser.
    pub fn version(&self) -> Value {
        Cdp::connect(&self.browser_ws()).call("Browser.getVersion", json!({}))
    }
}

impl Drop for Chrome80 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
        let _ = std::fs::remove_file(self.profile.with_extension("stderr.txt"));
    }
}

/// `lib`, then whatever `LD_LIBRARY_PATH` already held.
fn join_paths(lib: &Path) -> std::ffi::OsString {
    let mut all = vec![lib.to_path_buf()];
    if let Some(old) = std::env::var_os("LD_LIBRARY_PATH") {
        all.extend(std::env::split_paths(&old));
    }
    std::env::join_paths(all).unwrap_or_else(|_| lib.as_os_str().to_owned())
}

/// A new empty directory under the system temp dir, unique to this process and call.
pub fn fresh_dir(what: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "workplan-chrome80-{}-{what}-{n}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}
