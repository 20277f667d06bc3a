//! `cargo xtask test`: format check, clippy, one dist build, then every workspace test including browser e2e.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::tools::{Browser, ensure_browser, ensure_clippy, ensure_rustfmt, ensure_wasm_target};
use crate::{Result, cargo, dist, run};

/// The lint gate: every target, the browser tests included, warnings as errors.
const CLIPPY: [&str; 8] = [
    "clippy",
    "--workspace",
    "--all-targets",
    "--features",
    "workplan/e2e",
    "--",
    "-D",
    "warnings",
];

/// `cargo xtask test [-- TEST ARGS]`: extra arguments go to every test binary.
pub fn main(args: &[String]) -> Result<()> {
    let start = Instant::now();
    let args = match args.first().map(String::as_str) {
        Some("--") => &args[1..],
        _ => args,
    };
    ensure_rustfmt()?;
    run(cargo().args(["fmt", "--all", "--", "--check"]))
        .map_err(|e| format!("{e}\nformatting differs: run `cargo fmt --all`"))?;
    ensure_clippy()?;
    run(cargo().args(CLIPPY)).map_err(|e| {
        format!(
            "{e}\nclippy found problems: run `cargo {}`",
            CLIPPY.join(" ")
        )
    })?;
    ensure_wasm_target()?;
    let browser = ensure_browser()?;
    crate::chrome80::ensure()?;
    crate::npm::package("acorn", "8")?;
    crate::npm::package("axe-core", "4")?;
    let html = dist::run()?;
    let dist_time = start.elapsed();

    let mut cmd = cargo();
    cmd.args([
        "test",
        "--workspace",
        "--all-targets",
        "--features",
        "workplan/e2e",
    ]);
    if !args.is_empty() {
        cmd.arg("--").args(args);
    }
    with_env(&mut cmd, &html, &browser);
    let result = run(&mut cmd);
    println!(
        "xtask test: {} (dist {:.1} s, total {:.1} s; {})",
        if result.is_ok() { "PASSED" } else { "FAILED" },
        dist_time.as_secs_f64(),
        start.elapsed().as_secs_f64(),
        html.display(),
    );
    result
}

/// Sets what the e2e tests read: `WORKPLAN_DIST`, `CHROMEDRIVER`, `CHROME`, `FIREFOX`, `WORKPLAN_NPM`,
/// and `CHROME80` once [`crate::chrome80::ensure`] has unpacked it.
pub fn with_env(cmd: &mut Command, html: &Path, browser: &Browser) {
    cmd.env("WORKPLAN_DIST", html)
        .env("CHROMEDRIVER", &browser.chromedriver)
        .env("CHROME", &browser.chrome)
        .env("FIREFOX", &browser.firefox)
        .env("WORKPLAN_NPM", crate::npm::modules_dir());
    if let Some(chrome80) = crate::chrome80::unpacked() {
        cmd.env("CHROME80", chrome80);
    }
}
