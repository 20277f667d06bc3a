//! `cargo xtask bench`: the performance record. One dist build and its sizes, then the ignored e2e
//! `bench::record` test in headless Chromium; prints one table with the budgets and writes the
//! same figures to `target/bench/bench.json` (and a timestamped copy beside it).

mod parts;
mod report;
mod row;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use crate::inline::gzip_len;
use crate::test::with_env;
use crate::tools::{ensure_browser, ensure_wasm_target};
use crate::{Result, cargo, dist, no_args, output, root, run, target_dir};
use report::Size;

/// `cargo xtask bench`. Figures over budget are reported, never an error.
pub fn main(args: &[String]) -> Result<()> {
    no_args(args)?;
    let start = Instant::now();
    ensure_wasm_target()?;
    let browser = ensure_browser()?;
    let built = dist::build(true)?;
    let html =
        fs::read(&built.html).map_err(|e| format!("cannot read {}: {e}", built.html.display()))?;
    let sizes = [
        size("HTML", &html)?,
        size("wasm", &built.wasm)?,
        size("JS glue", built.glue.as_bytes())?,
    ];
    let wasm_parts = parts::parts(built.named.as_deref().ok_or("no named wasm was built")?)?;

    let out = target_dir().join("bench");
    fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let figures = out.join("browser.json");
    let _ = fs::remove_file(&figures);
    let mut cmd = cargo();
    cmd.args(["test", "-p", "workplan", "--features", "workplan/e2e"])
        .args(["--test", "e2e", "--"])
        .args(["--ignored", "--nocapture", "--exact", "bench::record"]);
    with_env(&mut cmd, &built.html, &browser);
    cmd.env("WORKPLAN_BENCH_OUT", &out);
    let load_before = load_average();
    run(&mut cmd)?;
    let load_after = load_average();
    let text = fs::read_to_string(&figures)
        .map_err(|e| format!("the bench test wrote no {}: {e}", figures.display()))?;
    let browser_figures: Value = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not JSON: {e}", figures.display()))?;

    let rows = report::rows(&sizes, &browser_figures);
    let when = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let seconds = start.elapsed().as_secs_f64();
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let record = json!({
        "when": utc(when),
        "commit": commit(),
        "seconds": (seconds * 10.0).round() / 10.0,
        "machine": {"cores": cores, "load_average_before": load_before, "load_average_after": load_after},
        "sizes": sizes.iter().map(|s| json!({"part": s.name, "raw": s.raw, "gzip": s.gzip})).collect::<Vec<_>>(),
        "rows": rows.iter().map(row::Row::to_json).collect::<Vec<_>>(),
        "wasm_parts": wasm_parts.to_json(),
        "browser": browser_figures,
    });
    let text = serde_json::to_string_pretty(&record)?;
    let stamped = out.join(format!("bench-{}.json", utc(when).replace([':', '-'], "")));
    for path in [out.join("bench.json"), stamped] {
        write(&path, &text)?;
    }
    let _ = fs::remove_file(&figures);

    println!("\n{}", row::table(&rows));
    println!("{}", wasm_parts.table());
    println!(
        "machine: {cores} cores; 1-minute load average {} before the browser run, {} after \
         (timings grow with other load: compare runs made under similar load)",
        load_before.as_deref().unwrap_or("?"),
        load_after.as_deref().unwrap_or("?")
    );
    println!(
        "xtask bench: done in {seconds:.1} s; figures in {}",
        out.join("bench.json").display()
    );
    Ok(())
}

/// The 1-minute load average (Linux `/proc/loadavg`), if known.
fn load_average() -> Option<String> {
    let text = fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_owned)
}

/// Raw and best-level gzip size of one part.
fn size(name: &'static str, bytes: &[u8]) -> Result<Size> {
    Ok(Size {
        name,
        raw: bytes.len(),
        gzip: gzip_len(bytes)?,
    })
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()).into())
}

/// `git describe`-like: the commit, `+dirty` when the tree has changes; `null` without git.
fn commit() -> Value {
    let git = |args: &[&str]| output(Command::new("git").current_dir(root()).args(args));
    let head = git(&["rev-parse", "--short=12", "HEAD"]);
    let dirty = git(&["status", "--porcelain"]);
    match (head, dirty) {
        (Ok(h), Ok(d)) if d.trim().is_empty() => json!(h.trim()),
        (Ok(h), Ok(_)) => json!(format!("{}+dirty", h.trim())),
        _ => Value::Null,
    }
}

/// `secs` since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
fn utc(secs: u64) -> String {
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil from days (Howard Hinnant's algorithm), for days since 1970-01-01.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::utc;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc(1_700_000_000), "2023-11-14T22:13:20Z");
    }
}
