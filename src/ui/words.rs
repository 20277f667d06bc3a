//! Turning errors into plain Chinese sentences. Only the UI does this.

use crate::model::decimal::fixed;
use crate::model::{EditError, ProgressError};
use crate::model::{Plan, TaskId};
use crate::parse::{ParseError, ParseErrorKind, WarningKind};
use crate::snapshot::{CheckReport, Dropped, SnapshotError};
use crate::storage::StorageError;

/// Explains a snapshot problem (import or stored data).
pub fn snapshot_error(e: &SnapshotError) -> String {
    match e {
        SnapshotError::NotJson { line, column } => {
            format!(
                "这不是本工具导出的数据（第 {line} 行第 {column} 列不是有效的 JSON）：内容可能被改动过或不完整。请使用本工具“导出数据”得到的原始文件或其完整内容。"
            )
        }
        SnapshotError::Truncated => {
            "文件内容不完整，可能在复制或邮件传输中被截断。请让对方重新导出后再试。".into()
        }
        SnapshotError::NotWorkplan => "这个 JSON 文件不是工作要点跟踪的数据文件。".into(),
        // Every format starts at version 1: 0 is no version of any tool.
        SnapshotError::UnknownVersion(0) => {
            "数据文件的格式版本（0）无法识别：文件可能被改动过。请使用本工具“导出数据”得到的原始文件。".into()
        }
        SnapshotError::UnknownVersion(v) => {
            format!(
                "数据文件来自更新版本的工具（格式版本 {v}），当前版本无法读取。请使用最新版本的页面文件。"
            )
        }
        // The detail is for maintainers (in English, in the console); the user gets where.
        SnapshotError::Invalid { at: Some((line, column)), .. } => {
            format!("数据文件已损坏，无法读取：第 {line} 行第 {column} 列附近的内容不符合数据格式。")
        }
        SnapshotError::Invalid { at: None, .. } => "数据文件已损坏，无法读取：其中的内容不符合数据格式。".into(),
        SnapshotError::NoEmbeddedData => {
            "这是一个网页文件，但其中没有保存数据。请选择用“保存带数据的副本”得到的文件，或导出的 .json 文件。".into()
        }
        SnapshotError::TooLarge { bytes, limit } => format!(
            "文件太大（{} MB），超过导入上限 {} MB，没有读取。请确认选择的是本工具导出的数据文件。",
            fixed(*bytes as f64 / 1_048_576.0, 1),
            fixed(*limit as f64 / 1_048_576.0, 0)
        ),
    }
}

/// Explains why the stored data could not be read at start-up.
pub fn damaged_storage(e: &SnapshotError, backup_key: Option<&str>) -> String {
    // Said of what this browser stored, not of a file someone sent.
    let why = match e {
        SnapshotError::Truncated => "保存的内容不完整（可能在写入时被中断）。".to_string(),
        SnapshotError::UnknownVersion(v) if *v > 0 => {
            format!("保存的内容来自更新版本的工具（格式版本 {v}），当前版本无法读取。")
        }
        _ => "保存的内容已损坏。".to_string(),
    };
    match backup_key {
        Some(key) => format!(
            "本机保存的数据无法读取：{why}原始内容已原样另存（备份键名 {key}），没有被删除，可在“数据与存储”中找到。可重新填报，或导入此前导出的文件恢复。"
        ),
        None => format!(
            "本机保存的数据无法读取：{why} 由于无法另存备份，为保护原始内容，本次修改将不会自动保存。请先导出，再联系维护人员。"
        ),
    }
}

/// Changes stored here with times still to come on this PC's clock.
pub fn future_changes(n: usize, latest_ms: i64) -> String {
    let day = crate::model::Date::from_days_since_epoch(latest_ms.div_euclid(86_400_000));
    format!(
        "本机数据中有 {n} 处修改的时间晚于本机现在的时间（最晚的是 {}年{}月{}日）：可能本机时钟慢了，或者做这些修改的电脑时钟曾经快了。请核对电脑右下角的日期和时间；时钟不对时，新做的修改在合并时可能排在较早的修改之后。",
        day.year(),
        day.month(),
        day.day()
    )
}

/// `约 3 万字符`, or below ten thousand `约 800 字符`: rounded up (`up`) or down, so that
/// what is needed is never understated, nor what is free overstated.
fn chars(n: usize, up: bool) -> String {
    let round = |unit: usize| match up {
        true => n.div_ceil(unit),
        false => n / unit,
    };
    match n {
        n if n >= 10_000 => format!("约 {} 万字符", round(10_000)),
        _ => format!("约 {} 字符", round(100) * 100),
    }
}

/// Explains a storage failure.
pub fn storage_error(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable => {
            "浏览器禁止了本地存储（可能处于无痕模式或受策略限制），修改只保留在当前页面中。请及时导出。".into()
        }
        StorageError::Full => {
            "浏览器存储空间已满，最近的修改尚未保存，但仍保留在当前页面中。请立即点击“导出数据”（或此提示中的“立即导出”）保存一份文件，再清理浏览器中的其他本地数据。".into()
        }
        StorageError::NoRoom { needed, free } => format!(
            "浏览器存储空间不足：还需要{}，只剩{}。没有做任何改动。请先导出并清理不用的计划后再试。",
            chars(*needed, true),
            chars(*free, false)
        ),
        StorageError::Other(m) => format!("保存失败（{m}）。修改仍保留在当前页面中，请及时导出。"),
    }
}

/// Explains a refused edit.
pub fn progress_error(e: &ProgressError) -> String {
    match e {
        ProgressError::NoSuchItem(_) => "该条目已不存在，可能已在其他窗口中被修改。".into(),
        ProgressError::NotAuthor => {
            "只有填写该记录的部门才能更正它。请先在“本部门”中选择正确的部门。".into()
        }
        ProgressError::EmptyText => "内容不能为空。".into(),
        ProgressError::TooLong(n) => format!(
            "内容有 {n} 字，超过了每条 {} 字的上限，请分成几条填写。",
            crate::model::MAX_TEXT_CHARS
        ),
    }
}

/// Explains a refused plan edit.
pub fn edit_error(e: &EditError) -> String {
    match e {
        EditError::NoSuchSection(_) => "该部分已不存在，可能已在其他窗口中被删除。".into(),
        EditError::NoSuchTask(_) => "该任务已不存在，可能已在其他窗口中被删除。".into(),
        EditError::NoSuchUnit(name) => format!("计划中没有名为“{name}”的单位。"),
        EditError::EmptyText => "名称或标题不能为空。".into(),
        EditError::EmptyKind => {
            "类型不能为空（如“科室”“司法所”）：类型决定单位属于哪个分组。".into()
        }
        EditError::LastSection => "计划至少要保留一个部分。".into(),
    }
}

/// Says that two tabs edited the plan and where the other tab's version was kept.
pub fn plan_conflict(backup_key: Option<&str>) -> String {
    match backup_key {
        Some(key) => format!(
            "另一个窗口也修改了本计划的结构。本窗口的修改已保存；另一个窗口的版本已另存（备份键名 {key}）。"
        ),
        None => "另一个窗口也修改了本计划的结构，且无法另存备份。本窗口的修改已保存。".into(),
    }
}

/// Explains why a text is not a plan.
pub fn parse_error(e: &ParseError) -> String {
    let what = match &e.kind {
        ParseErrorKind::Empty => "文本是空的，或只有网页导航、通知抬头等文字，没有找到计划内容。",
        ParseErrorKind::NoTasks => {
            "找到了标题，但没有找到任务：请确认文本中有“1.”“（一）”等编号的条目，或带有“序号、工作任务、责任单位”表头的表格。"
        }
    };
    if e.line > 0 {
        format!("第 {} 行：{what}", e.line)
    } else {
        what.to_string()
    }
}

/// Explains a parse warning (the line number is shown beside it).
pub fn parse_warning(w: &WarningKind) -> String {
    match w {
        WarningKind::UnplacedLine(text) => {
            format!("无法归入任何任务的文字，未导入：“{}”", clip(text))
        }
        WarningKind::TaskWithoutUnits(_) => "这项任务没有写明责任单位，可在创建后编辑补充。".into(),
        WarningKind::NumberOutOfSequence { expected, found } => {
            format!("编号不连续：应为 {expected}，实为 {found}。请核对是否漏复制了内容。")
        }
        WarningKind::TextAfterNote(text) => {
            format!(
                "责任单位说明之后还有文字“{}”，已保留在任务内容中。",
                clip(text)
            )
        }
        WarningKind::ImplicitSection => "没有找到“一、”等部分标题，全部任务归入一个部分。".into(),
        WarningKind::ItemBeforeFirstSection => {
            "第一个部分标题之前的编号条目，已作为总体要求的一部分保留。".into()
        }
        WarningKind::NoteWithoutTask => "这行责任单位或时限说明前面没有任务，已忽略。".into(),
        WarningKind::Truncated => {
            "文本在一项任务中间结束，可能复制不完整。已保留此前的全部任务，请核对原文。".into()
        }
        WarningKind::TruncatedNote(cut) => format!(
            "文本在责任单位说明中间结束，可能复制不完整；末尾不完整的“{}”未作为单位导入。",
            clip(cut)
        ),
        WarningKind::TableRowShape { expected, found } => {
            format!("表格这一行有 {found} 列，表头有 {expected} 列，请核对。")
        }
    }
}

/// The first 40 characters of `text`, with … when longer.
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// What the import checks left out or corrected, as sentences (empty when nothing); tasks go
/// by their number in `plan`, this copy's plan, as its pages show them.
pub fn check_report(r: &CheckReport, plan: &Plan) -> String {
    let numbered = |id: &TaskId| match plan.task_number(*id) {
        Some(n) => format!("第 {n} 项"),
        None => format!("编号 {id}"),
    };
    let list = |ids: &[TaskId]| ids.iter().map(numbered).collect::<Vec<_>>().join("、");
    let mut out = String::new();
    if !r.unknown_tasks.is_empty() {
        let named: Vec<String> = r
            .unknown_tasks
            .iter()
            .map(|(id, title)| match title.is_empty() {
                true => format!("编号 {id}"),
                false => format!("“{title}”"),
            })
            .collect();
        out += &format!(
            "文件中有本机计划里没有的任务（{}），其数据未导入。",
            named.join("、")
        );
    }
    for (id, theirs, ours) in &r.other_tasks {
        out += &format!(
            "文件中的“{theirs}”与本机{}“{ours}”编号相同却不是同一项任务（可能是两边各自添加的），其数据未导入；请先统一计划（如用“保存带数据的副本”分发最新计划）。",
            numbered(id)
        );
    }
    if let Some(ms) = r.clock_ahead_ms {
        out += &format!(
            "该文件来自时钟比本机快约 {} 的电脑（也可能是本机时钟慢了，请核对本机的日期和时间），其中晚于本机时间的修改已按此调回，不会覆盖本机较早的修改。",
            duration(ms)
        );
    }
    if !r.future_stamps.is_empty() {
        out += &format!(
            "{}的部分修改时间仍在将来，已视为最早的修改，不会覆盖其他单位的填报。",
            list(&r.future_stamps)
        );
    }
    if let Some((_, month)) = r.future_months.iter().max_by_key(|(_, m)| *m) {
        let mut tasks: Vec<TaskId> = r.future_months.iter().map(|(t, _)| *t).collect();
        tasks.dedup();
        out += &format!(
            "{}有晚于本机当前月份的月度报送（最晚为 {}）：报送的电脑时钟可能快了，请核对；这些报送照常合并，在“报送月份”中选该月可以看到。",
            list(&tasks),
            month.to_chinese()
        );
    }
    for (id, d) in &r.dropped {
        out += &match d {
            Dropped::Percent(p) => format!("{}的完成进度 {p}% 超出 0–100，未导入。", numbered(id)),
            Dropped::LongText(n) => {
                format!("{}有一段 {n} 字的文字超过长度上限，未导入。", numbered(id))
            }
        };
    }
    if !r.unknown_units.is_empty() {
        out += &format!(
            "文件中的单位“{}”不在本计划中（可能一方改过单位名称），其填报照常合并，但不计入本计划各单位的统计；请在“单位管理”中核对。",
            r.unknown_units.join("”“")
        );
    }
    out
}

/// A span of time in words: 约 5 年, 3 天, 5 小时.
fn duration(ms: i64) -> String {
    let days = ms / 86_400_000;
    if days >= 365 {
        format!("{} 年", fixed(days as f64 / 365.0, 1))
    } else if days >= 1 {
        format!("{days} 天")
    } else {
        format!("{} 小时", (ms / 3_600_000).max(1))
    }
}

/// Says that the data a saved copy carries could not be read.
pub fn carried_damaged(e: &SnapshotError) -> String {
    format!(
        "这个副本中保存的数据无法读取：{} 已照常打开本机的数据，没有做任何改动。",
        snapshot_error(e)
    )
}

/// A date field left with a year out of range.
pub fn bad_year() -> String {
    let years = crate::model::TYPED_YEARS;
    format!(
        "请填写 {}—{} 年之间的日期；未保存的输入已恢复为原来的日期。",
        years.start(),
        years.end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_words_speak_of_this_browser_in_plain_sizes() {
        let damaged = damaged_storage(&SnapshotError::Truncated, Some("workplan:backup:1"));
        assert!(
            !damaged.contains("对方") && damaged.contains("workplan:backup:1"),
            "{damaged}"
        );
        let full = storage_error(&StorageError::NoRoom {
            needed: 12_000,
            free: 640,
        });
        assert!(
            full.contains("约 2 万字符") && full.contains("约 600 字符"),
            "{full}"
        );
    }

    #[test]
    fn version_zero_is_not_called_newer() {
        let zero = snapshot_error(&SnapshotError::UnknownVersion(0));
        assert!(
            zero.contains("无法识别") && !zero.contains("更新版本"),
            "{zero}"
        );
        assert!(snapshot_error(&SnapshotError::UnknownVersion(9)).contains("更新版本"));
    }
}
