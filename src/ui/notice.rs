//! Notices: messages at the top of the page, some with a button (撤销删除, 添加到计划库, …).

use crate::model::{PlanId, Progress};
use crate::snapshot::Snapshot;

/// How serious a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened that the user should know.
    Info,
    /// Something needs attention; data is safe.
    Warning,
}

/// A message shown at the top of the page until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Severity.
    pub kind: NoticeKind,
    /// The message, in Chinese.
    pub text: String,
    /// A button the notice offers.
    pub action: Option<NoticeAction>,
}

/// What a notice's button does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// 撤销删除: puts a deleted plan back.
    UndoDelete(PlanId),
    /// 添加到计划库: adds an imported plan that the library lacks.
    AddPlan(Box<Snapshot>),
    /// 切换到该计划: shows another plan of the library.
    SwitchTo(PlanId),
    /// 撤销清空: puts a plan's cleared progress back.
    RestoreProgress(PlanId, Box<Progress>),
    /// 撤销导入: puts back what the import with this backup key changed.
    UndoImport(String),
    /// 采用文件中的计划: takes the plan of the named file in place of this copy's.
    AdoptPlan(Box<Snapshot>, String),
}

impl NoticeAction {
    /// The button's label.
    pub fn label(&self) -> &'static str {
        match self {
            NoticeAction::UndoDelete(_) => "撤销删除",
            NoticeAction::AddPlan(_) => "添加到计划库",
            NoticeAction::SwitchTo(_) => "切换到该计划",
            NoticeAction::RestoreProgress(..) => "撤销清空",
            NoticeAction::UndoImport(_) => "撤销导入",
            NoticeAction::AdoptPlan(..) => "采用文件中的计划",
        }
    }
}
