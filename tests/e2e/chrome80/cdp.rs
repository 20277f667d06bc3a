//! A small synchronous DevTools-protocol (1.3) client over one WebSocket: commands by id, events buffered.

use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket};

/// How long one command may take before the test fails.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);
/// The socket's read timeout: how often a waiting loop looks at its deadline.
const TICK: Duration = Duration::from_millis(50);

/// One connection to a DevTools target (`ws://127.0.0.1:PORT/devtools/...`).
pub struct Cdp {
    ws: WebSocket<TcpStream>,
    next_id: u64,
    /// Every event received so far (`{"method", "params"}`), in arrival order.
    pub events: Vec<Value>,
}

impl Cdp {
    /// Connects to a `ws://127.0.0.1:PORT/...` DevTools endpoint.
    pub fn connect(url: &str) -> Cdp {
        let hostport = url
            .strip_prefix("ws://")
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("not a ws:// DevTools URL: {url}"));
        let stream =
            TcpStream::connect(hostport).unwrap_or_else(|e| panic!("connect to {url}: {e}"));
        stream
            .set_read_timeout(Some(COMMAND_TIMEOUT))
            .expect("set read timeout");
        let (ws, _) = tungstenite::client::client(url, stream)
            .unwrap_or_else(|e| panic!("WebSocket handshake with {url}: {e}"));
        ws.get_ref().set_read_timeout(Some(TICK)).expect("set tick");
        Cdp {
            ws,
            next_id: 1,
            events: Vec::new(),
        }
    }

    /// Sends `method` with `params` and waits for its result; `Err` carries the protocol error.
    pub fn try_call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        let text = json!({"id": id, "method": method, "params": params}).to_string();
        self.ws
            .send(Message::text(text))
            .map_err(|e| format!("send {method}: {e}"))?;
        let deadline = Instant::now() + COMMAND_TIMEOUT;
        loop {
            let Some(msg) = self.read_one(deadline)? else {
                let dialogs: Vec<&Value> =
                    self.events_named("Page.javascriptDialogOpening").collect();
                return Err(format!(
                    "{method}: no reply within {COMMAND_TIMEOUT:?} (dialogs opened: {dialogs:?})"
                ));
            };
            if msg.get("id").and_then(Value::as_u64) == Some(id) {
                return match msg.get("error") {
                    Some(err) => Err(format!("{method} failed: {err}")),
                    None => Ok(msg.get("result").cloned().unwrap_or(Value::Null)),
                };
            }
        }
    }

    /// Like [`Cdp::try_call`], panicking on a protocol error.
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.try_call(method, params)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Reads events for `wait`, buffering them.
    pub fn pump(&mut self, wait: Duration) {
        let deadline = Instant::now() + wait;
        while let Ok(Some(_)) = self.read_one(deadline) {}
    }

    /// Events named `method`, as their `params`.
    pub fn events_named<'a>(&'a self, method: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
        self.events
            .iter()
            .filter(move |e| e["method"] == method)
            .map(|e| &e["params"])
    }

    /// Confirms a `beforeunload` prompt (the app's "leave with unexported changes?") the way a
    /// WebDriver navigation does; its reply is skipped like any other unmatched id. Other
    /// dialogs stay open, and the command that waits on the page times out naming them.
    fn answer_leave_prompt(&mut self, event: &Value) -> Result<(), String> {
        if event["method"] != "Page.javascriptDialogOpening"
            || event["params"]["type"] != "beforeunload"
        {
            return Ok(());
        }
        let id = self.next_id;
        self.next_id += 1;
        let text =
            json!({"id": id, "method": "Page.handleJavaScriptDialog", "params": {"accept": true}});
        self.ws
            .send(Message::text(text.to_string()))
            .map_err(|e| format!("send Page.handleJavaScriptDialog: {e}"))
    }

    /// The next message before `deadline` (events are also buffered); `None` on timeout.
    fn read_one(&mut self, deadline: Instant) -> Result<Option<Value>, String> {
        loop {
            match self.ws.read() {
                Ok(Message::Text(text)) => {
                    let v: Value = serde_json::from_str(text.as_str())
                        .map_err(|e| format!("bad DevTools JSON ({e}): {text}"))?;
                    if v.get("method").is_some() {
                        self.events.push(v.clone());
                        self.answer_leave_prompt(&v)?;
                    }
                    return Ok(Some(v));
                }
                Ok(Message::Close(frame)) => return Err(format!("DevTools closed: {frame:?}")),
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => return Err(format!("DevTools socket: {e}")),
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
        }
    }
}
