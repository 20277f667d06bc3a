//! CSV export for Excel and WPS (台账): RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM.
//!
//! Two tables: the task list ([`tasks_csv`], one row per counted task) and the unit × status
//! matrix ([`matrix_csv`]). Both write exactly the rows they are given, so the current
//! filter applies to the export as to the screen.

use super::derive::visible_log;
use super::plan::Plan;
use super::progress::{Progress, ReportPart, TaskProgress};
use super::states::StateCache;
use super::stats::{Counts, StatusMatrix, local_date_time, section_heading};
use super::status::Status;
use super::task::{Role, Task, TaskId};
use std::borrow::Cow;
use std::collections::HashSet;

/// The byte order mark that makes Excel and WPS read the file as UTF-8.
pub const BOM: char = '\u{feff}';

/// One field as written: quoted when it holds a comma, a double quote, CR or LF, or starts
/// or ends with a space (which spreadsheet programs would otherwise trim); quotes doubled.
pub fn csv_field(field: &str) -> Cow<'_, str> {
    let needs_quotes = field.contains([',', '"', '\r', '\n'])
        || field.starts_with([' ', '\t'])
        || field.ends_with([' ', '\t']);
    if needs_quotes {
        Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(field)
    }
}

/// Builds a CSV text row by row: the BOM first, every row ended by CRLF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvWriter {
    out: String,
}

impl Default for CsvWriter {
    fn default() -> CsvWriter {
        CsvWriter::new()
    }
}

impl CsvWriter {
    /// An empty table (just the BOM).
    pub fn new() -> CsvWriter {
        CsvWriter {
            out: BOM.to_string(),
        }
    }

    /// Appends one row.
    pub fn row<S: AsRef<str>>(&mut self, fields: impl IntoIterator<Item = S>) {
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            self.out.push_str(&csv_field(f.as_ref()));
        }
        self.out.push_str("\r\n");
    }

    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }
}

/// The columns of the task table, in order.
pub const TASK_COLUMNS: [&str; 13] = [
    "序号",
    "部分",
    "任务",
    "牵头单位",
    "责任单位",
    "状态",
    "进度",
    "完成时限",
    "是否逾期",
    "最新进展",
    "存在问题",
    "下一步措施",
    "更新时间",
];

/// One task as the task table shows it. To add a column, add a field here, fill it in
/// [`TaskRow::of`], and append it to [`TASK_COLUMNS`] and [`TaskRow::fields`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRow {
    /// 序号: the task's position in the plan.
    pub number: usize,
    /// 部分: the section heading, numbered by position (`一、…`).
    pub section: String,
    /// 任务: the title.
    pub title: String,
    /// 牵头单位: lead units as written.
    pub lead: Vec<String>,
    /// 责任单位: every other unit as written (responsible and co-operating).
    pub others: Vec<String>,
    /// 状态.
    pub status: Status,
    /// 进度, 0–100.
    pub percent: u8,
    /// 完成时限: the effective date as `YYYY-MM-DD`, else the plan's wording, else empty.
    pub deadline: String,
    /// 是否逾期.
    pub overdue: bool,
    /// 最新进展: the 进展情况 of the newest month's reports, else the newest visible log
    /// entry's text.
    pub latest: String,
    /// 存在问题 of the newest month's reports.
    pub problems: String,
    /// 下一步措施 of the newest month's reports.
    pub next_steps: String,
    /// 更新时间: the latest change, ms since the epoch.
    pub updated: Option<i64>,
}

impl TaskRow {
    /// The row of one task, or `None` when the plan or the states lack it.
    pub fn of(
        plan: &Plan,
        progress: &Progress,
        states: &StateCache,
        id: TaskId,
    ) -> Option<TaskRow> {
        let task = plan.task(id)?;
        let state = states.get(id)?;
        let tp = progress.task(id);
        let deadline = match state.deadline {
            Some(d) => d.to_string(),
            None => task.deadline.clone().unwrap_or_default(),
        };
        Some(TaskRow {
            number: plan.task_number(id)?,
            section: section_heading(plan, task.section),
            title: task.title.clone(),
            lead: names(task, true),
            others: names(task, false),
            status: state.status,
            percent: state.percent,
            deadline,
            overdue: state.overdue,
            latest: match report_part(tp, ReportPart::Progress) {
                text if text.is_empty() => latest_log(tp),
                text => text,
            },
            problems: report_part(tp, ReportPart::Problems),
            next_steps: report_part(tp, ReportPart::Next),
            updated: tp.and_then(TaskProgress::last_change).map(|s| s.at),
        })
    }

    /// The fields in [`TASK_COLUMNS`] order; times shown in local time (`tz_offset_minutes`
    /// east of UTC, 480 for 北京时间).
    pub fn fields(&self, tz_offset_minutes: i32) -> [String; 13] {
        [
            self.number.to_string(),
            self.section.clone(),
            self.title.clone(),
            self.lead.join("、"),
            self.others.join("、"),
            self.status.label().to_string(),
            format!("{}%", self.percent),
            self.deadline.clone(),
            if self.overdue { "是" } else { "否" }.to_string(),
            self.latest.clone(),
            self.problems.clone(),
            self.next_steps.clone(),
            self.updated
                .map(|ms| local_date_time(ms, tz_offset_minutes))
                .unwrap_or_default(),
        ]
    }
}

fn names(task: &Task, lead: bool) -> Vec<String> {
    task.units
        .iter()
        .filter(|a| (a.role == Role::Lead) == lead)
        .map(|a| a.name.clone())
        .collect()
}

/// One part of the newest month's reports; with several units, each on its own line after
/// its name (`办公室：…`).
fn report_part(tp: Option<&TaskProgress>, part: ReportPart) -> String {
    let Some((_, reports)) = tp.and_then(TaskProgress::latest_reports) else {
        return String::new();
    };
    let filled: Vec<(&str, &str)> = reports
        .iter()
        .map(|(unit, r)| (*unit, r.text(part)))
        .filter(|(_, t)| !t.is_empty())
        .collect();
    match filled.as_slice() {
        [(_, only)] if reports.len() == 1 => only.to_string(),
        _ => filled
            .iter()
            .map(|(unit, t)| format!("{unit}：{t}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn latest_log(tp: Option<&TaskProgress>) -> String {
    visible_log(tp)
        .first()
        .map(|(_, e)| e.text().to_string())
        .unwrap_or_default()
}

/// The task table: a header and one row per given task (each once, in the given order).
pub fn tasks_csv(
    plan: &Plan,
    progress: &Progress,
    states: &StateCache,
    ids: &[TaskId],
    tz_offset_minutes: i32,
) -> String {
    let mut w = CsvWriter::new();
    w.row(TASK_COLUMNS);
    let mut seen = HashSet::new();
    for id in ids.iter().filter(|id| seen.insert(**id)) {
        if let Some(row) = TaskRow::of(plan, progress, states, *id) {
            w.row(row.fields(tz_offset_minutes));
        }
    }
    w.finish()
}

/// The columns of the matrix table, in order.
pub const MATRIX_COLUMNS: [&str; 7] =
    ["单位", "未启动", "推进中", "已完成", "滞后", "逾期", "合计"];

/// The label of the matrix table's last row: counts over distinct tasks (a task shared by
/// several units counts once, so it is not the sum of the rows above).
pub const MATRIX_TOTAL_LABEL: &str = "全部任务";

/// The unit × status matrix: a header, one row per unit, and the [`MATRIX_TOTAL_LABEL`] row.
pub fn matrix_csv(matrix: &StatusMatrix) -> String {
    let mut w = CsvWriter::new();
    w.row(MATRIX_COLUMNS);
    let row = |label: &str, c: &Counts| {
        let mut fields = vec![label.to_string()];
        fields.extend(c.by_status.iter().map(usize::to_string));
        fields.push(c.overdue.to_string());
        fields.push(c.total.to_string());
        fields
    };
    for r in &matrix.rows {
        w.row(row(r.unit.label(), &r.counts));
    }
    w.row(row(MATRIX_TOTAL_LABEL, &matrix.totals));
    w.finish()
}

#[cfg(test)]
mod tests;
