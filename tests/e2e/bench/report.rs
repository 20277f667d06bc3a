//! The benchmark's figures as JSON: sample statistics, and `browser.json`, which `cargo xtask bench`
//! merges with the file sizes into the one report (table and `target/bench/bench.json`).

use std::path::PathBuf;

use serde_json::{Value, json};

/// Nearest-rank percentile `p` (0–1) of `xs`; NaN when empty.
pub fn percentile(xs: &[f64], p: f64) -> f64 {
    let mut v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[((p * v.len() as f64).ceil() as usize).clamp(1, v.len()) - 1]
}

/// The median (nearest rank: the lower middle of an even count).
pub fn median(xs: &[f64]) -> f64 {
    percentile(xs, 0.5)
}

/// `{n, min, p50, p90, max, samples}` of `xs` in ms, rounded to 0.01 ms.
pub fn summary(xs: &[f64]) -> Value {
    let r = |x: f64| {
        if x.is_finite() {
            json!(round(x))
        } else {
            Value::Null
        }
    };
    json!({
        "n": xs.len(),
        "min": r(percentile(xs, 0.0)),
        "p50": r(percentile(xs, 0.5)),
        "p90": r(percentile(xs, 0.9)),
        "max": r(percentile(xs, 1.0)),
        "samples": xs.iter().map(|x| r(*x)).collect::<Vec<_>>(),
    })
}

/// `x` rounded to two decimals.
pub fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Reads number `key` of a probe reply, panicking with the reply.
pub fn num(v: &Value, key: &str) -> f64 {
    v[key]
        .as_f64()
        .unwrap_or_else(|| panic!("no number `{key}` in {v}"))
}

/// Where the report goes: `$WORKPLAN_BENCH_OUT` (set by `cargo xtask bench` to `target/bench`),
/// else a folder in the temp dir.
pub fn out_dir() -> PathBuf {
    let dir = std::env::var_os("WORKPLAN_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("workplan-bench"));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    dir
}

/// Writes `figures` to `browser.json` in [`out_dir`] and returns its path.
pub fn write(figures: &Value) -> PathBuf {
    let path = out_dir().join("browser.json");
    let text = serde_json::to_string_pretty(figures).expect("figures serialise");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path
}

#[test]
fn percentiles_use_nearest_rank() {
    let xs = [5.0, 1.0, 4.0, 2.0, 3.0];
    assert_eq!(median(&xs), 3.0);
    assert_eq!(percentile(&xs, 0.9), 5.0);
    assert_eq!(median(&[2.0, 1.0]), 1.0);
    assert!(median(&[]).is_nan());
    assert_eq!(summary(&[1.234_567])["p50"], json!(1.23));
}
