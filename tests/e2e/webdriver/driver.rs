//! The one chromedriver process shared by the whole test binary, and raw JSON-over-HTTP calls to it.

use std::io::Write as _;
use std::net::TcpListener;
use std::os::unix::process::CommandExt as _;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A running chromedriver plus an HTTP agent pointed at it.
pub struct Driver {
    base: String,
    agent: ureq::Agent,
    log_path: String,
    /// The `sh` watchdog that owns chromedriver. Its stdin is a pipe from this process: when the
    /// test binary exits (normally, by panic or by signal) the kernel closes the pipe, `read`
    /// returns EOF and the watchdog kills chromedriver and its browsers, so nothing outlives
    /// `cargo test`.
    watchdog: Mutex<(Child, ChildStdin)>,
}

static DRIVER: OnceLock<Driver> = OnceLock::new();

/// The shared driver, started on first use.
pub fn driver() -> &'static Driver {
    DRIVER.get_or_init(|| {
        let mut last_err = String::new();
        // Picking a free port and handing it over is racy; a couple of retries covers that.
        for _ in 0..3 {
            match Driver::start() {
                Ok(d) => return d,
                Err(e) => last_err = e,
            }
        }
        panic!("could not start chromedriver: {last_err}")
    })
}

/// Per-run scratch folder (browser profiles); the watchdog removes it when the run ends.
pub fn run_dir() -> PathBuf {
    std::env::temp_dir().join(format!("workplan-e2e-{}", std::process::id()))
}

fn free_port() -> Result<u16, String> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind 127.0.0.1:0: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("local_addr: {e}"))?
        .port();
    Ok(port)
}

impl Driver {
    fn start() -> Result<Driver, String> {
        let exe = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port()?;
        let log_path = std::env::temp_dir()
            .join(format!(
                "workplan-e2e-chromedriver-{}-{port}.log",
                std::process::id()
            ))
            .to_string_lossy()
            .into_owned();
        // Watchdog: `sh` leads a new process group holding chromedriver and every browser it
        // starts. It runs chromedriver in the background with no inherited stdio (an inherited
        // pipe would keep `cargo test | tee` waiting), then blocks reading our pipe. On EOF it
        // asks chromedriver to quit, kills whatever is left of the group, removes the run
        // folder and finally kills itself.
        let script = r#"dir="$1"; exe="$2"; shift 2
"$exe" "$@" </dev/null >/dev/null 2>&1 &
pid=$!
read -r _ignored
trap '' TERM
kill "$pid" 2>/dev/null
sleep 1
kill -TERM 0 2>/dev/null
sleep 1
rm -rf "$dir"
kill -KILL 0"#;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg("sh")
            .arg(run_dir())
            .arg(&exe)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={log_path}"))
            .process_group(0)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("spawn sh for {exe}: {e}"))?;
        let stdin = child.stdin.take().ok_or("watchdog stdin missing")?;
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let driver = Driver {
            base: format!("http://127.0.0.1:{port}"),
            agent,
            log_path,
            watchdog: Mutex::new((child, stdin)),
        };
        driver.wait_ready(Duration::from_secs(15))?;
        Ok(driver)
    }

    fn wait_ready(&self, timeout: Duration) -> Result<(), String> {
        let deadline = Instant::now() + timeout;
        loop {
            let status = self.call("GET", "/status", None);
            if status.is_ok_and(|v| v.get("ready").and_then(Value::as_bool) == Some(true)) {
                return Ok(());
            }
            if Instant::now() > deadline {
                self.stop();
                return Err(format!(
                    "chromedriver at {} not ready after {timeout:?} (log: {})",
                    self.base, self.log_path
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Tells the watchdog to kill chromedriver now (used when startup failed).
    fn stop(&self) {
        if let Ok(mut guard) = self.watchdog.lock() {
            let _ = guard.1.write_all(b"stop\n");
            let _ = guard.1.flush();
            let _ = guard.0.wait();
        }
    }

    /// Where chromedriver writes its own log; quoted in failure messages.
    pub fn log_path(&self) -> &str {
        &self.log_path
    }

    /// One WebDriver call. Returns the response's `value`, or an error string carrying the
    /// WebDriver error code and message.
    pub fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let url = format!("{}{}", self.base, path);
        let resp = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            ("POST", Some(b)) => self.agent.post(&url).send_json(b),
            ("POST", None) => self.agent.post(&url).send_json(serde_json::json!({})),
            _ => return Err(format!("unsupported method {method}")),
        };
        let mut resp = resp.map_err(|e| format!("{method} {path}: {e}"))?;
        let status = resp.status().as_u16();
        let json: Value = resp
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_json()
            .map_err(|e| format!("{method} {path}: HTTP {status}, body is not JSON: {e}"))?;
        let value = json.get("value").cloned().unwrap_or(Value::Null);
        if status >= 400 || value.get("error").is_some_and(Value::is_string) {
            let err = value
                .get("error")
                .and_then(Value::as_str)
                .unwrap_or("unknown error");
            let msg = value.get("message").and_then(Value::as_str).unwrap_or("");
            return Err(format!("{method} {path}: HTTP {status} {err}: {msg}"));
        }
        Ok(value)
    }
}
