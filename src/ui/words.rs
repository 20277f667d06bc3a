//! Turning errors into plain Chinese sentences. Only the UI does this.

use crate::model::ProgressError;
use crate::snapshot::SnapshotError;
use crate::storage::StorageError;

/// Explains a snapshot problem (import or stored data).
pub fn snapshot_error(e: &SnapshotError) -> String {
    match e {
        SnapshotError::NotJson { line, column } => {
            format!(
                "这不是本工具导出的数据文件（第 {line} 行第 {column} 列不是有效的 JSON）。请选择以 .json 结尾的导出文件。"
            )
        }
        SnapshotError::Truncated => {
            "文件内容不完整，可能在复制或邮件传输中被截断。请让对方重新导出后再试。".into()
        }
        SnapshotError::NotWorkplan => "这个 JSON 文件不是工作要点跟踪的数据文件。".into(),
        SnapshotError::UnknownVersion(v) => {
            format!(
                "数据文件来自更新版本的工具（格式版本 {v}），当前版本无法读取。请使用最新版本的页面文件。"
            )
        }
        SnapshotError::Invalid(detail) => format!("数据文件已损坏，无法读取（{detail}）。"),
        SnapshotError::OtherPlan { title } => {
            format!("这份数据属于另一份工作要点《{title}》，不能合并到当前计划。")
        }
    }
}

/// Explains why the stored data could not be read at start-up.
pub fn damaged_storage(e: &SnapshotError, backup_key: Option<&str>) -> String {
    let why = snapshot_error(e);
    match backup_key {
        Some(key) => format!(
            "本机保存的数据无法读取：{why} 原始内容已原样另存（备份键名 {key}），没有被删除。现已载入内置的工作要点，可重新填报或导入此前导出的文件。"
        ),
        None => format!(
            "本机保存的数据无法读取：{why} 由于无法另存备份，为保护原始内容，本次修改将不会自动保存。请先导出，再联系维护人员。"
        ),
    }
}

/// Explains a storage failure.
pub fn storage_error(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable => {
            "浏览器禁止了本地存储（可能处于无痕模式或受策略限制），修改只保留在当前页面中。请及时导出。".into()
        }
        StorageError::Full => {
            "浏览器存储空间已满，最近的修改尚未保存，但仍保留在当前页面中。请立即点击“导出”保存一份文件，再清理浏览器中的其他本地数据。".into()
        }
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
    }
}
