//! Chromium 80 for the old-browser e2e tests: the npm package chrome-aws-lambda@2.1.1, unpacked once.
//!
//! The package ships Chromium 80.0.3987.0 brotli-compressed (`bin/chromium.br`), its missing shared
//! libraries (`bin/aws.tar.br` → `aws/lib`) and SwiftShader (`bin/swiftshader.tar.br`, which the
//! binary looks for in `swiftshader/` beside itself). Node's zlib decompresses, Debian's tar unpacks.
//! Nothing is downloaded but the npm package.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::{Result, output, run, target_dir};

/// The npm package that carries the browser.
const PACKAGE: &str = "chrome-aws-lambda";
/// Its version: the last one with Chromium 80.
const VERSION: &str = "2.1.1";
/// Written into the unpacked folder last; its content names the package version.
const STAMP: &str = ".unpacked";

/// Where the browser is unpacked: `<target>/xtask-chrome80`.
pub fn dir() -> PathBuf {
    target_dir().join("xtask-chrome80")
}

/// The unpacked Chromium 80 executable, if [`ensure`] has completed for this version.
pub fn unpacked() -> Option<PathBuf> {
    let dir = dir();
    let binary = dir.join("chromium");
    let stamp = fs::read_to_string(dir.join(STAMP)).unwrap_or_default();
    (stamp.trim() == format!("{PACKAGE}@{VERSION}") && binary.is_file()).then_some(binary)
}

/// The Chromium 80 executable, installing the npm package and unpacking it when needed.
pub fn ensure() -> Result<PathBuf> {
    if let Some(binary) = unpacked() {
        return Ok(binary);
    }
    let dir = dir();
    let start = Instant::now();
    let package = crate::npm::package_exact(PACKAGE, VERSION)?;
    let tmp = target_dir().join("xtask-chrome80.partial");
    remove(&tmp)?;
    unpack(&package.join("bin"), &tmp)?;
    remove(&dir)?;
    fs::rename(&tmp, &dir)
        .map_err(|e| format!("cannot rename {} to {}: {e}", tmp.display(), dir.display()))?;
    fs::write(dir.join(STAMP), format!("{PACKAGE}@{VERSION}\n"))
        .map_err(|e| format!("cannot write the stamp in {}: {e}", dir.display()))?;
    eprintln!(
        "xtask: unpacked Chromium 80 ({PACKAGE}@{VERSION}) into {} in {:.1} s",
        dir.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(dir.join("chromium"))
}

/// Decompresses the three `.br` files of `bin` with node and untars the two archives into `out`.
fn unpack(bin: &Path, out: &Path) -> Result<()> {
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let script = "const fs = require('fs'), zlib = require('zlib'), path = require('path');
        const [bin, out] = process.argv.slice(1);
        for (const [from, to] of [['chromium.br', 'chromium'], ['aws.tar.br', 'aws.tar'],
                                  ['swiftshader.tar.br', 'swiftshader.tar']]) {
          const src = path.join(bin, from);
          if (!fs.existsSync(src)) { if (from === 'chromium.br') throw new Error('missing ' + src); continue; }
          fs.writeFileSync(path.join(out, to), zlib.brotliDecompressSync(fs.readFileSync(src)));
        }
        fs.chmodSync(path.join(out, 'chromium'), 0o755);";
    eprintln!(
        "$ node -e <brotli-decompress> {} {}",
        bin.display(),
        out.display()
    );
    output(Command::new("node").args(["-e", script]).arg(bin).arg(out))?;
    for (archive, into) in [("aws.tar", "aws"), ("swiftshader.tar", "swiftshader")] {
        let tar = out.join(archive);
        if !tar.is_file() {
            continue;
        }
        let into = out.join(into);
        fs::create_dir_all(&into).map_err(|e| format!("cannot create {}: {e}", into.display()))?;
        run(Command::new("tar")
            .args(["--no-same-owner", "-xf"])
            .arg(&tar)
            .arg("-C")
            .arg(&into))?;
        fs::remove_file(&tar).map_err(|e| format!("cannot remove {}: {e}", tar.display()))?;
    }
    if !out.join("aws").join("lib").is_dir() {
        return Err(format!("{} has no aws/lib after unpacking", out.display()).into());
    }
    Ok(())
}

/// Removes `dir` and everything in it; a missing `dir` is fine.
fn remove(dir: &Path) -> Result<()> {
    match fs::remove_dir_all(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot remove {}: {e}", dir.display()).into()),
    }
}
