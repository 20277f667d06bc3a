//! The one application store, provided through context; every change goes through it.

use crate::model::{
    Clock, Date, EditError, FacetCounts, Filter, History, ItemId, Month, Plan, PlanEdit, Progress,
    ProgressError, ReplicaId, SectionId, Stamp, StateCache, TaskId, TaskProgress,
};
use crate::snapshot::{PlanMeta, Snapshot};
use crate::storage::{Settings, StorageError};
use leptos::prelude::*;

pub use super::notice::{Notice, NoticeAction, NoticeKind};

/// Which dialog is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// 新建计划.
    NewPlan,
    /// 计划管理.
    Library,
    /// 单位管理.
    Units,
    /// Editing one task, or a new one.
    Task(TaskTarget),
    /// What to do with the data an opened copy carries.
    Copy(Box<super::copy_offer::CopyOffer>),
    /// 数据与存储.
    Data,
    /// 粘贴导入.
    Paste,
    /// The report text just copied.
    ReportText(String),
    /// The preview of an import, before anything merges.
    ImportPreview(Box<super::pending::PendingImport>),
}

/// What the task dialog edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskTarget {
    /// A task of the plan.
    Edit(TaskId),
    /// A task to add at the end of a section: nothing is added until it is saved.
    Add(SectionId),
}

/// Everything the UI shares. Provided once by [`crate::ui::App`].
///
/// The active plan and its progress are separate signals: a status click touches only
/// `progress`, so the plan is neither cloned nor saved again.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plans kept in this browser (titles and counts).
    pub library: RwSignal<Vec<PlanMeta>>,
    /// The plan shown.
    pub plan: RwSignal<Plan>,
    /// Its progress.
    pub progress: RwSignal<Progress>,
    /// The open dialog.
    pub dialog: RwSignal<Option<Dialog>>,
    /// How many notices there were when the open dialog opened: it shows the later ones.
    pub dialog_notices: StoredValue<usize>,
    /// Whether the plan editor is shown instead of the task list.
    pub editing: RwSignal<bool>,
    /// The text being prepared in 新建计划: kept when the dialog is closed, until a plan is
    /// created from it.
    pub new_plan_text: RwSignal<String>,
    /// Whether the statistics (统计) are shown instead of the task list.
    pub stats: RwSignal<bool>,
    /// The reporting month (报送月份) the report form, the report text and 未报送 use.
    pub period: RwSignal<Month>,
    /// This browser's settings.
    pub settings: RwSignal<Settings>,
    /// Undo and redo stacks.
    pub history: RwSignal<History>,
    /// Today's date (local time).
    pub today: RwSignal<Date>,
    /// Notices shown at the top.
    pub notices: RwSignal<Vec<Notice>>,
    /// The last save's failure, if the latest state is not saved.
    pub save_error: RwSignal<Option<StorageError>>,
    /// Whether saving is allowed (false when damaged data could not be backed up).
    pub can_save: RwSignal<bool>,
    /// The current filter (mirrored in the URL hash).
    pub filter: RwSignal<Filter>,
    /// How many matching tasks are rendered (long plans render in pages).
    pub limit: RwSignal<usize>,
    /// Whether the page is being printed (`beforeprint` until `afterprint`): every
    /// collapsible part is then built and open.
    pub print_all: RwSignal<bool>,
    /// The search text alone, so highlighting reacts only to it.
    pub query: Memo<String>,
    /// Derived task states, rebuilt when progress or today changes.
    pub states: Memo<StateCache>,
    /// The facet counts of the filter (the matching tasks among them).
    pub counts: Memo<FacetCounts>,
    /// Every task matching the filter, in plan order: the list, the statistics and the
    /// table export all count these.
    pub matching: Memo<Vec<(SectionId, TaskId)>>,
    pub(super) seq: StoredValue<u64>,
    /// This copy's hybrid logical clock.
    pub(super) clock: StoredValue<Clock>,
}

/// How many matching tasks are rendered at first; 显示更多 adds as many again.
pub const PAGE_SIZE: usize = 20;

/// Milliseconds since the epoch, from the browser clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's local date, as the browser clock says.
pub fn local_today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or_else(|| Date::from_days_since_epoch(now_ms() / 86_400_000))
}

/// Settings for a browser that has none: a new replica id.
pub fn fresh_settings() -> Settings {
    let random = (js_sys::Math::random() * 1e12) as u64;
    Settings {
        replica: ReplicaId(format!("{:x}{:x}", now_ms(), random)),
        ..Settings::default()
    }
}

impl AppState {
    /// A stamp for a change made now by 本部门 in this copy.
    pub fn stamp(&self) -> Stamp {
        let s = self.settings.get_untracked();
        let by = self.my_unit_untracked();
        let mut clock = self.clock.get_value();
        let (at, n) = clock.tick(now_ms());
        self.clock.set_value(clock);
        Stamp {
            at,
            n,
            by,
            replica: s.replica,
        }
    }

    /// How many changes this copy made since the last export or saved copy.
    pub fn unsaved_changes(&self) -> usize {
        let since = self.settings.with(|s| s.last_export_at).unwrap_or(i64::MIN);
        let replica = self.settings.with(|s| s.replica.clone());
        self.progress.with(|p| p.changes_by_after(&replica, since))
    }

    /// Lets the clock see every stamp of `progress` (after loading or merging it), so that
    /// edits made from now on come after all of them.
    pub fn observe(&self, progress: &Progress) {
        if let Some(latest) = progress.last_change() {
            self.clock.update_value(|c| c.observe(latest));
        }
    }

    /// A new id for a measure or log entry, unique across copies.
    pub fn new_item_id(&self) -> ItemId {
        let n = self.seq.get_value() + 1;
        self.seq.set_value(n);
        ItemId(format!(
            "{}.{}.{}",
            self.settings.get_untracked().replica.0,
            now_ms(),
            n
        ))
    }

    /// Applies one change to a task's progress and records it for undo.
    pub fn edit(
        &self,
        task: TaskId,
        change: impl FnOnce(&mut TaskProgress, &Stamp) -> Result<(), ProgressError>,
    ) -> Result<(), ProgressError> {
        let stamp = self.stamp();
        let mut result = Ok(());
        let mut record = None;
        self.progress.update(|p| {
            let tp = p.task_mut(task);
            let before = tp.clone();
            result = change(tp, &stamp);
            if result.is_ok() && *tp != before {
                record = Some((before, tp.clone()));
            }
        });
        if let Some((before, after)) = record {
            self.history.update(|h| h.record(task, before, after));
        }
        result
    }

    /// Applies one edit to the plan and records it for undo. A refused edit changes nothing.
    pub fn edit_plan(&self, edit: PlanEdit) -> Result<(), EditError> {
        self.edit_plan_all(vec![edit])
    }

    /// Applies `edits` in turn as one step of undo; if one is refused, none is applied.
    pub fn edit_plan_all(&self, edits: Vec<PlanEdit>) -> Result<(), EditError> {
        let before = self.plan.get_untracked();
        let mut after = before.clone();
        for edit in edits {
            after.apply(edit)?;
        }
        if after != before {
            after.revision = before.revision.saturating_add(1);
            self.plan.set(after.clone());
            self.history.update(|h| h.record_plan(before, after));
        }
        Ok(())
    }

    /// The current plan and progress as a snapshot.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            saved_at: now_ms(),
            plan: self.plan.get_untracked(),
            progress: self.progress.get_untracked(),
        }
    }

    /// Opens dialog `d`; notices given from now on show inside it.
    pub fn open_dialog(&self, d: Dialog) {
        self.dialog_notices
            .set_value(self.notices.with_untracked(Vec::len));
        self.dialog.set(Some(d));
    }

    /// Shows a notice.
    pub fn notify(&self, kind: NoticeKind, text: String) {
        self.notify_with(kind, text, None);
    }

    /// Shows a notice with a button.
    pub fn notify_with(&self, kind: NoticeKind, text: String, action: Option<NoticeAction>) {
        // A notice given again moves to the end: it is the latest, and shown in an open dialog.
        self.notices.update(|n| {
            if let Some(i) = n.iter().position(|x| x.text == text) {
                n.remove(i);
                if i < self.dialog_notices.get_value() {
                    self.dialog_notices.update_value(|from| *from -= 1);
                }
            }
            n.push(Notice { kind, text, action });
        });
    }
}

/// The store from context. Components below [`crate::ui::App`] always have it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
