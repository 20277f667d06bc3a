//! Benchmark (ignored; `cargo xtask bench`): cold start against the static page, and synthetic
//! plans of 1k, 5k and 20k tasks with logs. Writes `browser.json` for xtask's report.

mod actions;
mod cold_start;
mod keystroke;
mod plans;
mod probe;
mod report;
mod synthetic;

use std::time::Instant;

use serde_json::json;

/// Cold-start pairs (app load, static load), each load in a new browser profile.
const PAIRS: usize = 15;

#[test]
#[ignore = "benchmark: run with `cargo xtask bench`"]
fn record() {
    let start = Instant::now();
    let out = report::out_dir();
    let scratch = crate::webdriver::run_dir().join("bench");
    std::fs::create_dir_all(&scratch).expect("bench scratch dir");
    let static_html = cold_start::static_page(&out);
    let cold = cold_start::run(&static_html, PAIRS);
    let plans: Vec<_> = plans::SIZES
        .iter()
        .map(|size| plans::run(size, &scratch))
        .collect();
    let s = probe::session();
    let browser = s.execute("return navigator.userAgent;", vec![]);
    drop(s);
    let path = report::write(&json!({
        "browser": browser,
        "cold_start": cold,
        "plans": plans,
        "seconds": report::round(start.elapsed().as_secs_f64()),
    }));
    println!("bench: browser figures in {}", path.display());
}
