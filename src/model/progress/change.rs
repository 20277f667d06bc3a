//! The merge preview's vocabulary: which field of a task's progress, its value as shown, and
//! one field that differs.

use super::Month;
use super::report::ReportPart;
use crate::model::date::Date;
use crate::model::stamp::ItemId;
use crate::model::status::Status;
use crate::model::task::TaskId;
use crate::model::unit::UnitId;

/// Which field of a task's progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// 状态.
    Status,
    /// 完成进度.
    Percent,
    /// 完成时限.
    Deadline,
    /// A unit's own part.
    Part(String),
    /// A measure's wording.
    MeasureText(ItemId),
    /// Whether a measure is done.
    MeasureDone(ItemId),
    /// Whether a measure was removed.
    MeasureRemoved(ItemId),
    /// A log entry's wording (a correction).
    LogText(ItemId),
    /// Whether a log entry was withdrawn.
    LogWithdrawn(ItemId),
    /// One part of a unit's monthly report.
    Report(Month, String, ReportPart),
}

/// A field's value, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeValue {
    /// Not set.
    Unset,
    /// A status (`None`: derived again).
    Status(Option<Status>),
    /// A percentage (`None`: automatic again).
    Percent(Option<u8>),
    /// A date (`None`: cleared).
    Date(Option<Date>),
    /// A text.
    Text(String),
    /// Yes or no.
    Flag(bool),
}

impl ChangeValue {
    /// Whether it shows as nothing: unset, automatic, cleared, empty or "no".
    pub(super) fn is_blank(&self) -> bool {
        match self {
            ChangeValue::Unset | ChangeValue::Flag(false) => true,
            ChangeValue::Status(v) => v.is_none(),
            ChangeValue::Percent(v) => v.is_none(),
            ChangeValue::Date(v) => v.is_none(),
            ChangeValue::Text(t) => t.is_empty(),
            ChangeValue::Flag(true) => false,
        }
    }
}

/// One field that differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The task.
    pub task: TaskId,
    /// The field.
    pub field: Field,
    /// The value here now.
    pub ours: ChangeValue,
    /// The value in the incoming copy.
    pub theirs: ChangeValue,
    /// Whether the incoming value is kept (it is the later change).
    pub theirs_wins: bool,
    /// Who made the incoming change.
    pub by: Option<UnitId>,
}
