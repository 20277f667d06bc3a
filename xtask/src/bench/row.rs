//! One row of the performance record: a figure, its value and unit, its budget; and the printed
//! table of rows with pass/FAIL.

use serde_json::{Value, json};

pub const KIB: f64 = 1024.0;
const MIB: f64 = 1024.0 * 1024.0;

/// How a row's value is shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unit {
    Bytes,
    Ms,
    Ratio,
    Count,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Bytes => "bytes",
            Unit::Ms => "ms",
            Unit::Ratio => "ratio",
            Unit::Count => "count",
        }
    }

    fn show(self, v: f64) -> String {
        match self {
            Unit::Bytes if v >= MIB => format!("{:.1} MiB", v / MIB),
            Unit::Bytes => format!("{:.1} KiB", v / KIB),
            Unit::Ms => format!("{v:.1} ms"),
            Unit::Ratio => format!("{v:.2}×"),
            Unit::Count => format!("{v:.0}"),
        }
    }
}

/// One figure of the record.
#[derive(Clone, Debug)]
pub struct Row {
    pub figure: String,
    /// `None` when not measured (the note says why).
    pub value: Option<f64>,
    pub unit: Unit,
    /// The best (lowest) sample of a timing: what the code costs when nothing else runs.
    pub best: Option<f64>,
    /// The largest value within budget.
    pub budget: Option<f64>,
    pub note: Option<String>,
}

impl Row {
    pub fn new(figure: impl Into<String>, value: Option<f64>, unit: Unit) -> Row {
        Row {
            figure: figure.into(),
            value,
            unit,
            best: None,
            budget: None,
            note: None,
        }
    }

    pub fn best(mut self, min: Option<f64>) -> Row {
        self.best = min;
        self
    }

    pub fn budget(mut self, max: f64) -> Row {
        self.budget = Some(max);
        self
    }

    /// Within budget? `None` without a budget or a value.
    pub fn pass(&self) -> Option<bool> {
        Some(self.value? <= self.budget?)
    }

    pub fn to_json(&self) -> Value {
        json!({
            "figure": self.figure,
            "value": self.value,
            "unit": self.unit.name(),
            "best": self.best,
            "budget": self.budget,
            "pass": self.pass(),
            "note": self.note,
        })
    }
}

/// The printed table: figure, value, best sample, budget, pass/FAIL.
pub fn table(rows: &[Row]) -> String {
    let width = rows
        .iter()
        .map(|r| r.figure.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "{:<width$}  {:>12}  {:>10}  {:>12}  result\n",
        "figure", "value", "best", "budget"
    );
    for r in rows {
        let value = r.value.map_or("–".to_owned(), |v| r.unit.show(v));
        let best = r.best.map_or(String::new(), |v| r.unit.show(v));
        let budget = r
            .budget
            .map_or(String::new(), |b| format!("≤ {}", r.unit.show(b)));
        let result = match r.pass() {
            Some(true) => "pass",
            Some(false) => "FAIL",
            None => "",
        };
        let line = format!(
            "{:<width$}  {value:>12}  {best:>10}  {budget:>12}  {result}",
            r.figure
        );
        out.push_str(line.trim_end());
        if let Some(note) = &r.note {
            out.push_str(&format!("  ({note})"));
        }
        out.push('\n');
    }
    out
}
