//! `cargo xtask bench`: one dist build, then the ignored e2e `bench` test in headless Chromium.

use std::time::Instant;

use crate::test::with_env;
use crate::tools::{ensure_browser, ensure_wasm_target};
use crate::{Result, cargo, dist, no_args, run};

/// `cargo xtask bench`.
pub fn main(args: &[String]) -> Result<()> {
    no_args(args)?;
    let start = Instant::now();
    ensure_wasm_target()?;
    let browser = ensure_browser()?;
    let html = dist::run()?;
    let mut cmd = cargo();
    cmd.args([
        "test",
        "-p",
        "workplan",
        "--features",
        "workplan/e2e",
        "--test",
        "e2e",
    ])
    .args(["--", "--ignored", "--nocapture", "bench"]);
    with_env(&mut cmd, &html, &browser);
    let result = run(&mut cmd);
    println!(
        "xtask bench: {} ({:.1} s)",
        if result.is_ok() { "done" } else { "FAILED" },
        start.elapsed().as_secs_f64()
    );
    result
}
