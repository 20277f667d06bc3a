//! npm packages the tasks use, installed under the target dir on first use: binaryen (wasm-opt)
//! and terser (the JS glue) for `dist`, acorn (the ES2020 syntax check of the page script)
//! and chrome-aws-lambda (Chromium 80) for the browser tests.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::{Result, run as sh, target_dir};

/// Where the npm packages live (`<target>/xtask-npm/node_modules`).
pub fn modules_dir() -> PathBuf {
    target_dir().join("xtask-npm").join("node_modules")
}

/// The folder of npm package `name` at major version `major`, installing it when missing.
pub fn package(name: &str, major: &str) -> Result<PathBuf> {
    install(name, major, &format!("\"version\": \"{major}."))
}

/// The folder of npm package `name` at exactly `version`, installing it when missing.
pub fn package_exact(name: &str, version: &str) -> Result<PathBuf> {
    install(name, version, &format!("\"version\": \"{version}\""))
}

/// Installs `name@spec` unless the installed `package.json` contains `installed`.
fn install(name: &str, spec: &str, installed: &str) -> Result<PathBuf> {
    let dir = modules_dir().join(name);
    let manifest = fs::read_to_string(dir.join("package.json")).unwrap_or_default();
    if !manifest.contains(installed) {
        sh(Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(target_dir().join("xtask-npm"))
            .arg(format!("{name}@{spec}")))?;
    }
    Ok(dir)
}
