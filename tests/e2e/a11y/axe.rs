//! Loading axe-core into the page (read from `WORKPLAN_NPM`) and collecting its violations.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::webdriver::Session;

/// One axe rule that failed, with the nodes it failed on.
#[derive(Debug)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    /// `(CSS target, failure summary)` per node.
    pub nodes: Vec<(String, String)>,
}

impl Violation {
    /// Whether this violation fails the gate (`serious` or `critical`).
    pub fn blocks(&self) -> bool {
        matches!(self.impact.as_str(), "serious" | "critical")
    }
}

/// The text of `axe-core/axe.min.js`, read once per test binary.
fn source() -> &'static str {
    static SRC: OnceLock<String> = OnceLock::new();
    SRC.get_or_init(|| {
        let dir = std::env::var_os("WORKPLAN_NPM")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                panic!(
                    "WORKPLAN_NPM is not set: run the browser tests with `cargo xtask test` (it \
                 installs axe-core and sets WORKPLAN_NPM to the node_modules folder)"
                )
            });
        let path = dir.join("axe-core").join("axe.min.js");
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "read {}: {e}; `cargo xtask test` installs axe-core",
                path.display()
            )
        })
    })
}

/// Script that runs axe on the whole document and hands its violations to the callback.
const RUN: &str = "const done = arguments[arguments.length - 1];
    axe.run(document, {resultTypes: ['violations']})
      .then(r => done(r.violations.map(v => ({
          id: v.id, impact: v.impact || '', help: v.help,
          nodes: v.nodes.map(n => [n.target.map(String).join(' '),
                                   (n.failureSummary || '').replace(/\\s+/g, ' ')])}))))
      .catch(e => done({error: String(e && e.stack || e)}));";

/// Injects axe (once per page) and returns every violation it reports.
pub fn run(s: &Session) -> Vec<Violation> {
    let loaded = s.execute("return typeof window.axe === 'object';", vec![]) == true;
    if !loaded {
        let ok = s.execute(
            &format!("{}\n;return typeof window.axe === 'object';", source()),
            vec![],
        );
        assert_eq!(ok, true, "axe-core did not load into the page");
    }
    s.cmd("POST", "/timeouts", Some(json!({"script": 60_000})));
    let v = s.execute_async(RUN, vec![]);
    if let Some(err) = v.get("error") {
        panic!("axe.run failed: {err}");
    }
    v.as_array()
        .expect("axe violations array")
        .iter()
        .map(|v| Violation {
            id: str_of(&v["id"]),
            impact: str_of(&v["impact"]),
            help: str_of(&v["help"]),
            nodes: v["nodes"]
                .as_array()
                .map(|ns| ns.iter().map(|n| (str_of(&n[0]), str_of(&n[1]))).collect())
                .unwrap_or_default(),
        })
        .collect()
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or("").to_owned()
}

/// Human-readable listing: rule, impact, help and node count, then each node's target with
/// the failure summary (repeated only where it differs from the node before).
pub fn report(violations: &[Violation]) -> String {
    let mut out = String::new();
    for v in violations {
        let n = v.nodes.len();
        out.push_str(&format!(
            "- {} [{}]: {} ({n} node(s))\n",
            v.id, v.impact, v.help
        ));
        let mut last = "";
        for (target, summary) in &v.nodes {
            if summary == last {
                out.push_str(&format!("    {target}\n"));
            } else {
                out.push_str(&format!("    {target}: {summary}\n"));
            }
            last = summary;
        }
    }
    out
}
