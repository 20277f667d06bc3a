//! Ensures the external tools the tasks need: the wasm32 target, rustfmt, Chromium and chromedriver.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Result, output, run};

/// The rustc target the app is built for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Installs the wasm32 target with rustup unless `rustup target list --installed` has it.
pub fn ensure_wasm_target() -> Result<()> {
    let installed = match output(Command::new("rustup").args(["target", "list", "--installed"])) {
        Ok(list) => list,
        Err(e) => {
            eprintln!(
                "xtask: cannot ask rustup for installed targets ({e}); assuming {WASM_TARGET} is present"
            );
            return Ok(());
        }
    };
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// Adds rustfmt with rustup when `cargo fmt` is unavailable (minimal rustup profile).
pub fn ensure_rustfmt() -> Result<()> {
    if output(crate::cargo().args(["fmt", "--version"])).is_ok() {
        return Ok(());
    }
    run(Command::new("rustup").args(["component", "add", "rustfmt"]))
}

/// Adds clippy to the toolchain when it is missing.
pub fn ensure_clippy() -> Result<()> {
    if output(crate::cargo().args(["clippy", "--version"])).is_ok() {
        return Ok(());
    }
    run(Command::new("rustup").args(["component", "add", "clippy"]))
}

/// The Debian packages that provide the browsers the tests drive.
const PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "firefox-esr"];

/// Paths of a headless-capable Chromium, a matching chromedriver, and Firefox.
#[derive(Debug, Clone)]
pub struct Browser {
    /// The Chromium executable (passed to tests as `CHROME`).
    pub chrome: PathBuf,
    /// The chromedriver executable (passed to tests as `CHROMEDRIVER`).
    pub chromedriver: PathBuf,
    /// The Firefox executable, driven over Marionette (passed to tests as `FIREFOX`).
    pub firefox: PathBuf,
}

/// Finds Chromium, chromedriver and Firefox; installs them with apt when missing and running as root.
pub fn ensure_browser() -> Result<Browser> {
    if let Some(found) = find_browser() {
        return Ok(found);
    }
    let uid = output(Command::new("id").arg("-u")).unwrap_or_default();
    if uid.trim() != "0" {
        return Err(
            format!("Chromium, chromedriver or Firefox is missing: install them with `sudo apt-get install {}`", PACKAGES.join(" "))
                .into(),
        );
    }
    eprintln!(
        "xtask: a browser is missing; installing {} with apt-get (running as root)",
        PACKAGES.join(" ")
    );
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y"])
        .args(PACKAGES))?;
    find_browser().ok_or_else(|| {
        "apt-get finished but chromium, chromedriver or firefox is still not found".into()
    })
}

/// Looks up both tools: `$CHROME`/`$CHROMEDRIVER`, then `/usr/bin`, then `$PATH`.
fn find_browser() -> Option<Browser> {
    let chrome = find(
        "CHROME",
        &[
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ],
    )?;
    let chromedriver = find("CHROMEDRIVER", &["chromedriver"])?;
    let firefox = find("FIREFOX", &["firefox-esr", "firefox"])?;
    Some(Browser {
        chrome,
        chromedriver,
        firefox,
    })
}

fn find(env: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env).map(PathBuf::from)
        && is_executable(&p)
    {
        return Some(p);
    }
    let mut dirs = vec![PathBuf::from("/usr/bin")];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    names
        .iter()
        .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}
