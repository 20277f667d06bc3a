//! The performance record's rows: file sizes and browser figures with their budgets. A row over
//! its budget says FAIL; it never fails the command.

use serde_json::Value;

use super::row::{KIB, Row, Unit};

/// The number at `path` in `v`.
fn at(v: &Value, path: &[&str]) -> Option<f64> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_f64()
}

/// Raw and gzip sizes of one part of the build, in bytes.
pub struct Size {
    pub name: &'static str,
    pub raw: usize,
    pub gzip: usize,
}

/// Every row: the sizes, the cold start with its static limit, then each synthetic plan.
pub fn rows(sizes: &[Size], browser: &Value) -> Vec<Row> {
    let mut rows = Vec::new();
    for s in sizes {
        let (raw, gzip) = (Some(s.raw as f64), Some(s.gzip as f64));
        let mut r = Row::new(format!("{} raw", s.name), raw, Unit::Bytes);
        let mut g = Row::new(format!("{} gzip", s.name), gzip, Unit::Bytes);
        if s.name == "HTML" {
            (r, g) = (r.budget(400.0 * KIB), g.budget(250.0 * KIB));
        }
        rows.extend([r, g]);
    }
    let cold = &browser["cold_start"];
    let n = cold["pairs"].as_u64().unwrap_or(0);
    let c = |label: String, k: &str, unit| {
        Row::new(label, at(cold, &[k, "p50"]), unit).best(at(cold, &[k, "min"]))
    };
    rows.extend([
        c(
            format!("cold start LCP, app (median of {n})"),
            "app_lcp_ms",
            Unit::Ms,
        ),
        c(
            format!("cold start LCP, static page (median of {n})"),
            "static_lcp_ms",
            Unit::Ms,
        ),
        c(
            format!("cold start LCP app ÷ static (median of {n} pairs)"),
            "lcp_ratio",
            Unit::Ratio,
        )
        .budget(1.2),
        c(
            "cold start first task in DOM (median)".into(),
            "first_task_ms",
            Unit::Ms,
        ),
        Row::new(
            "DOM elements at start",
            at(cold, &["dom_elements"]),
            Unit::Count,
        ),
    ]);
    for plan in browser["plans"].as_array().into_iter().flatten() {
        rows.extend(plan_rows(plan));
    }
    rows
}

/// Budgets of the synthetic plans: tasks, figure key (of [`plan_rows`]), largest value in ms.
const PLAN_BUDGETS: [(u64, &str, f64); 4] = [
    (20_000, "first render", 300.0),
    (5_000, "keystroke p90", 16.0),
    (5_000, "status click", 20.0),
    (5_000, "export + import", 200.0),
];

/// The rows of one synthetic plan, with the budgets of [`PLAN_BUDGETS`].
fn plan_rows(plan: &Value) -> Vec<Row> {
    let tasks = plan["tasks"].as_u64().unwrap_or(0);
    let p = |path: &[&str]| at(plan, path);
    // A timing: its `stat` and its best sample.
    let t = |a: &str, b: &str, stat: &str| (p(&[a, b, stat]), p(&[a, b, "min"]));
    let of = |what: &str, a: &str, b: &str| match p(&[a, b, "n"]) {
        Some(n) if n > 0.0 => format!(" ({what} {n})"),
        _ => String::new(),
    };
    let (export, import) = (t("export", "ms", "p50"), t("import", "ms", "p50"));
    let sum = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| a + b);
    let bytes = |key: &str| (p(&[key]), None);
    let figures = [
        (
            "first render",
            format!(
                "first render, first task in DOM{}",
                of("median of", "first_render", "first_task_ms")
            ),
            t("first_render", "first_task_ms", "p50"),
            Unit::Ms,
        ),
        (
            "keystroke p50",
            format!(
                "keystroke → DOM updated, p50{}",
                of("of", "keystroke", "dom_ms")
            ),
            t("keystroke", "dom_ms", "p50"),
            Unit::Ms,
        ),
        (
            "keystroke p90",
            "keystroke → DOM updated, p90".into(),
            t("keystroke", "dom_ms", "p90"),
            Unit::Ms,
        ),
        (
            "status click",
            format!(
                "status click → saved{}",
                of("median of", "status_click", "saved_ms")
            ),
            t("status_click", "saved_ms", "p50"),
            Unit::Ms,
        ),
        (
            "save",
            "save: progress setItem (median)".into(),
            t("status_click", "write_ms", "p50"),
            Unit::Ms,
        ),
        (
            "export",
            format!("export → blob{}", of("median of", "export", "ms")),
            export,
            Unit::Ms,
        ),
        (
            "import",
            format!("import → result shown{}", of("median of", "import", "ms")),
            import,
            Unit::Ms,
        ),
        (
            "export + import",
            "export + import".into(),
            (sum(export.0, import.0), sum(export.1, import.1)),
            Unit::Ms,
        ),
        (
            "heap",
            "JS heap (usedJSHeapSize)".into(),
            bytes("js_heap_bytes"),
            Unit::Bytes,
        ),
        (
            "wasm",
            "wasm memory".into(),
            bytes("wasm_memory_bytes"),
            Unit::Bytes,
        ),
        (
            "storage",
            "localStorage, characters".into(),
            bytes("storage_chars"),
            Unit::Count,
        ),
    ];
    let skipped = plan["import"]["skipped"].as_str();
    figures
        .into_iter()
        .map(|(key, label, (value, best), unit)| {
            let label = format!("{}k tasks: {label}", tasks / 1000);
            let mut row = Row::new(label, value, unit).best(best);
            let budget = PLAN_BUDGETS
                .iter()
                .find(|(t, k, _)| *t == tasks && *k == key);
            if let Some((_, _, max)) = budget {
                row = row.budget(*max);
            }
            if value.is_none() {
                row.note = skipped.map(str::to_owned);
            }
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::row::table;
    use serde_json::json;

    #[test]
    fn budgets_pass_and_fail() {
        let sizes = [Size {
            name: "HTML",
            raw: 500 * 1024,
            gzip: 100 * 1024,
        }];
        let browser = json!({
            "cold_start": {"pairs": 3, "lcp_ratio": {"p50": 1.1}, "dom_elements": 10},
            "plans": [{"tasks": 5000, "keystroke": {"dom_ms": {"p90": 20.0, "p50": 5.0, "n": 31}},
                       "export": {"ms": {"p50": 50.0}}, "import": {"ms": {"p50": 60.0}}},
                      {"tasks": 20000, "import": {"skipped": "too big"}}],
        });
        let rows = rows(&sizes, &browser);
        let find = |s: &str| rows.iter().find(|r| r.figure.starts_with(s)).expect(s);
        assert_eq!(find("HTML raw").pass(), Some(false));
        assert_eq!(find("HTML gzip").pass(), Some(true));
        assert_eq!(find("cold start LCP app").pass(), Some(true));
        assert_eq!(
            find("5k tasks: keystroke → DOM updated, p90").pass(),
            Some(false)
        );
        assert_eq!(find("5k tasks: export + import").value, Some(110.0));
        assert_eq!(find("5k tasks: export + import").pass(), Some(true));
        assert_eq!(find("20k tasks: export + import").value, None);
        let table = table(&rows);
        assert!(
            table.contains("FAIL") && table.contains("(too big)"),
            "{table}"
        );
    }
}
