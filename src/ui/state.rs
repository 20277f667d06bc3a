//! The one application store, provided through context; every change goes through it.

use crate::model::{
    Date, Filter, FilterCache, FilterContext, History, ItemId, Plan, Progress, ProgressError,
    ReplicaId, SearchText, Stamp, StateCache, TaskId, TaskProgress,
};
use crate::parse::parse_plan;
use crate::snapshot::Snapshot;
use crate::storage::{self, Loaded, Settings, StorageError};
use leptos::prelude::*;

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
}

/// Everything the UI shares. Provided once by [`crate::ui::App`].
#[derive(Clone, Copy)]
pub struct AppState {
    /// The plan being tracked.
    pub plan: RwSignal<Plan>,
    /// Its progress.
    pub progress: RwSignal<Progress>,
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
    /// The search text alone, so highlighting reacts only to it.
    pub query: Memo<String>,
    /// Normalized task text, rebuilt when the plan changes.
    pub search_text: Memo<SearchText>,
    /// Derived task states, rebuilt when progress or today changes.
    pub states: Memo<StateCache>,
    seq: StoredValue<u64>,
}

/// How many matching tasks are rendered at first; 显示更多 adds as many again.
pub const PAGE_SIZE: usize = 30;

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

fn fresh_settings() -> Settings {
    let random = (js_sys::Math::random() * 1e12) as u64;
    Settings {
        replica: ReplicaId(format!("{:x}{:x}", now_ms(), random)),
        ..Settings::default()
    }
}

impl AppState {
    /// Builds the state from storage, falling back to the embedded default plan.
    pub fn load() -> Option<AppState> {
        // The embedded plan is parsed only when nothing readable is stored.
        let default_plan = || parse_plan(crate::DEFAULT_PLAN_TEXT).ok().map(|p| p.plan);
        let now = now_ms();
        let mut notices = Vec::new();
        let mut can_save = true;
        let (plan, progress) = match storage::load_doc(now) {
            Ok(Loaded::Found(doc)) => (Some(doc.plan), doc.progress),
            Ok(Loaded::Empty) => (default_plan(), Progress::default()),
            Ok(Loaded::Damaged { error, backup_key }) => {
                let text = super::words::damaged_storage(&error, backup_key.as_deref());
                can_save = backup_key.is_some();
                notices.push(Notice {
                    kind: NoticeKind::Warning,
                    text,
                });
                (default_plan(), Progress::default())
            }
            Err(e) => {
                notices.push(Notice {
                    kind: NoticeKind::Warning,
                    text: super::words::storage_error(&e),
                });
                (default_plan(), Progress::default())
            }
        };
        let plan = plan?;
        let settings = storage::load_settings(now, fresh_settings);
        let filter = RwSignal::new(Filter::default());
        let plan = RwSignal::new(plan);
        let progress = RwSignal::new(progress);
        let today = RwSignal::new(local_today());
        Some(AppState {
            plan,
            progress,
            search_text: Memo::new(move |_| plan.with(SearchText::build)),
            states: Memo::new(move |_| {
                let today = today.get();
                plan.with(|p| progress.with(|pr| StateCache::build(p, pr, today)))
            }),
            settings: RwSignal::new(settings),
            history: RwSignal::new(History::default()),
            today,
            notices: RwSignal::new(notices),
            save_error: RwSignal::new(None),
            can_save: RwSignal::new(can_save),
            filter,
            limit: RwSignal::new(PAGE_SIZE),
            query: Memo::new(move |_| filter.with(|f| f.query.clone())),
            seq: StoredValue::new(0),
        })
    }

    /// Runs `f` with the filter context and the caches (tracking plan, progress, today and caches).
    pub fn with_filter_ctx<R>(&self, f: impl FnOnce(&FilterContext, FilterCache) -> R) -> R {
        let today = self.today.get();
        self.search_text.with(|text| {
            self.states.with(|states| {
                self.plan.with(|plan| {
                    self.progress.with(|progress| {
                        f(
                            &FilterContext {
                                plan,
                                progress,
                                today,
                            },
                            FilterCache { text, states },
                        )
                    })
                })
            })
        })
    }

    /// A stamp for a change made now by 本部门 in this copy.
    pub fn stamp(&self) -> Stamp {
        let s = self.settings.get_untracked();
        Stamp {
            at: now_ms(),
            by: s.my_unit,
            replica: s.replica,
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

    /// Undoes the last change.
    pub fn undo(&self) {
        self.step_history(History::undo);
    }

    /// Redoes the last undone change.
    pub fn redo(&self) {
        self.step_history(History::redo);
    }

    /// Applies one undo or redo step, stamped now.
    fn step_history(&self, step: fn(&mut History, &mut Progress, &Stamp) -> Option<TaskId>) {
        let stamp = self.stamp();
        let mut history = self.history.get_untracked();
        let mut progress = self.progress.get_untracked();
        if step(&mut history, &mut progress, &stamp).is_some() {
            self.progress.set(progress);
            self.history.set(history);
        }
    }

    /// The current plan and progress as a snapshot.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            saved_at: now_ms(),
            plan: self.plan.get_untracked(),
            progress: self.progress.get_untracked(),
        }
    }

    /// Shows a notice.
    pub fn notify(&self, kind: NoticeKind, text: String) {
        self.notices.update(|n| {
            if !n.iter().any(|x| x.text == text) {
                n.push(Notice { kind, text });
            }
        });
    }
}

/// The store from context. Components below [`crate::ui::App`] always have it.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
