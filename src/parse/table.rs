//! Task tables: a header row naming 序号 / 工作任务 / 责任单位 … columns, then one task a row.

use super::label::{Label, contains_folded, label_at};
use super::line::section;
use super::note::{Note, note_line};
use super::numeral::chinese_number;
use super::units::split_units;
use crate::model::Role;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// 序号: ignored (tasks are numbered in reading order).
    Number,
    /// 类别 / 领域: a heading for this and the following rows.
    Category,
    /// 工作任务 / 重点任务 / 任务内容: the task text.
    Task,
    /// 工作措施 / 目标要求: more text for the body.
    Extra,
    /// Units in a role.
    Units(Role),
    /// 责任领导 / 责任人: persons, never units.
    Person,
    /// 完成时限.
    Deadline,
    /// Anything else (备注): ignored.
    Other,
}

/// A table's header row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The columns, in order.
    pub columns: Vec<Column>,
}

fn column(cell: &str) -> Column {
    let has = |w: &str| contains_folded(cell, w);
    let bare = |w: &str| cell == w;
    if has("序号") || bare("编号") || bare("序") {
        return Column::Number;
    }
    if let Some((label, _)) = label_at(cell) {
        return match label {
            Label::Units(role) => Column::Units(role),
            Label::Person => Column::Person,
            Label::Deadline => Column::Deadline,
        };
    }
    if bare("牵头") {
        Column::Units(Role::Lead)
    } else if bare("配合") || bare("协同") {
        Column::Units(Role::Cooperating)
    } else if bare("责任") {
        Column::Units(Role::Responsible)
    } else if has("时限") || has("时间") {
        Column::Deadline
    } else if has("任务") || has("工作要点") || has("重点工作") || has("事项") {
        Column::Task
    } else if has("措施") || has("目标") || has("要求") || has("内容") || has("举措") {
        Column::Extra
    } else if has("类别") || has("领域") || has("板块") || has("方面") {
        Column::Category
    } else {
        Column::Other
    }
}

/// The header, when `cells` name a task column and at least one units column.
pub fn header(cells: &[&str]) -> Option<Header> {
    let columns: Vec<Column> = cells.iter().map(|c| column(c)).collect();
    let task = columns.contains(&Column::Task);
    let units = columns.iter().any(|c| matches!(c, Column::Units(_)));
    (task && units).then_some(Header { columns })
}

/// What a data row is. A row holding only `一、…`, or a Chinese numeral in the 序号
/// column and no unit, is a section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// A row holding only a section heading `一、…`.
    Section {
        /// The numeral as written.
        numeral: String,
        /// The heading.
        title: String,
    },
    /// A task.
    Task {
        /// The 类别 cell, when filled.
        category: Option<String>,
        /// The task cell.
        text: String,
        /// The extra text cells, joined.
        extra: String,
        /// Units and deadline from the unit and deadline columns.
        note: Note,
    },
    /// A row with no task text.
    Empty,
}

/// Reads a data row against its header.
pub fn row(header: &Header, cells: &[&str]) -> Row {
    let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
    if let [only] = filled.as_slice()
        && let Some((numeral, title)) = section(only)
    {
        return Row::Section {
            numeral: numeral.to_string(),
            title: title.to_string(),
        };
    }
    let (mut category, mut text, mut extra) = (None, String::new(), String::new());
    let mut numeral = None;
    let mut note = Note::default();
    for (col, cell) in header.columns.iter().zip(cells) {
        let cell = cell.trim();
        if cell.is_empty() || cell.chars().all(|c| "-—/／无".contains(c)) {
            continue;
        }
        match col {
            Column::Task => text.push_str(cell),
            Column::Extra => extra.push_str(cell),
            Column::Category => category = Some(cell.to_string()),
            Column::Units(role) => note.extend(units_cell(cell, *role)),
            Column::Deadline => note.deadline = Some(cell.to_string()),
            Column::Number => numeral = chinese_number(cell).map(|_| cell.to_string()),
            Column::Person | Column::Other => {}
        }
    }
    if text.is_empty() {
        return Row::Empty;
    }
    if let Some(numeral) = numeral.filter(|_| note.units.is_empty()) {
        return Row::Section {
            numeral,
            title: text,
        };
    }
    Row::Task {
        category,
        text,
        extra,
        note,
    }
}

/// A units cell: a plain list in the column's role, or labelled text of its own.
fn units_cell(cell: &str, role: Role) -> Note {
    if let Some(note) = label_at(cell).and_then(|_| note_line(cell)) {
        return note;
    }
    Note {
        units: split_units(cell)
            .into_iter()
            .map(|(name, marked)| (name, marked.unwrap_or(role)))
            .collect(),
        ..Note::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_their_columns() {
        let h = header(&[
            "序号",
            "重点任务",
            "牵头单位",
            "配合单位",
            "责任领导",
            "完成时限",
        ])
        .expect("header");
        assert_eq!(
            h.columns,
            [
                Column::Number,
                Column::Task,
                Column::Units(Role::Lead),
                Column::Units(Role::Cooperating),
                Column::Person,
                Column::Deadline
            ]
        );
        assert!(header(&["序号", "姓名", "电话"]).is_none());
        assert!(header(&["任务内容", "責任單位"]).is_some());
    }

    #[test]
    fn rows_become_tasks_or_sections() {
        let h = header(&["序号", "工作任务", "牵头单位", "责任人", "完成时限"]).expect("header");
        let Row::Task { text, note, .. } =
            row(&h, &["1", "做甲。", "办公室、法援中心", "张三", "6月底前"])
        else {
            panic!("task row");
        };
        assert_eq!(text, "做甲。");
        assert_eq!(note.units.len(), 2);
        assert!(note.units.iter().all(|u| u.1 == Role::Lead));
        assert_eq!(note.deadline.as_deref(), Some("6月底前"));
        assert_eq!(
            row(&h, &["二、依法行政", "", "", "", ""]),
            Row::Section {
                numeral: "二".into(),
                title: "依法行政".into()
            }
        );
        assert_eq!(row(&h, &["3", "", "办公室", "", ""]), Row::Empty);
        assert_eq!(
            row(&h, &["三", "公共法律服务", "", "", ""]),
            Row::Section {
                numeral: "三".into(),
                title: "公共法律服务".into()
            }
        );
    }
}
