//! An import waiting for 确认合并: every file read, checked and compared with the data here,
//! with nothing changed yet. Built by [`super::import`], shown by the preview dialog.

use super::state::{AppState, NoticeAction, NoticeKind, now_ms};
use super::words;
use crate::model::order;
use crate::model::{PlanId, Progress, ProgressDiff, TaskId, UnitId};
use crate::snapshot::{CheckReport, Snapshot, check_incoming, check_size, decode_any};
use crate::storage::{self, Loaded};
use leptos::prelude::*;

/// One plan of one file, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilePreview {
    /// The file's name.
    pub name: String,
    /// What the file holds for this plan, or why it was refused.
    pub outcome: Result<FileMerge, String>,
}

/// What one file would merge into one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileMerge {
    /// The plan.
    pub plan: PlanId,
    /// Its title.
    pub title: String,
    /// When the file was exported (ms).
    pub saved_at: i64,
    /// The units whose changes it carries, most changes first.
    pub units: Vec<UnitId>,
    /// What merging it changes, after the files before it.
    pub diff: ProgressDiff,
    /// What the checks left out or corrected.
    pub report: CheckReport,
    /// The same in words, tasks numbered as this copy's plan shows them.
    pub said: String,
    /// How each task the diff names reads: `3. 标题`.
    pub labels: Vec<(TaskId, String)>,
    /// Whether merging it changes what is stored at all: a value, or only the stamp of an
    /// equal value (which must still be taken in, so that every copy ends up alike).
    pub merges: bool,
}

impl FileMerge {
    /// How a task reads in the preview.
    pub fn label(&self, id: TaskId) -> String {
        self.labels
            .iter()
            .find(|(t, _)| *t == id)
            .map_or_else(|| format!("任务 {id}"), |(_, l)| l.clone())
    }
}

/// One plan the import changes: its progress before, and each file's checked progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMerge {
    /// The plan.
    pub plan: PlanId,
    /// Its title.
    pub title: String,
    /// The checked progress of each file, in order.
    pub incoming: Vec<Progress>,
}

/// Everything an import would do, nothing done yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingImport {
    /// Each plan of each file, in the order picked.
    pub files: Vec<FilePreview>,
    /// The plans that would change.
    pub plans: Vec<PlanMerge>,
}

impl PendingImport {
    /// The names of the files, each once.
    pub fn file_names(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for f in &self.files {
            if !names.contains(&f.name) {
                names.push(f.name.clone());
            }
        }
        names
    }

    /// Whether merging changes what is stored at all (values or stamps).
    pub fn merges_anything(&self) -> bool {
        self.files
            .iter()
            .any(|f| f.outcome.as_ref().is_ok_and(|m| m.merges))
    }

    /// The tasks whose values the import changes, over all files, each once.
    pub fn tasks_changed(&self) -> usize {
        let mut ids: Vec<(PlanId, TaskId)> = self
            .files
            .iter()
            .filter_map(|f| f.outcome.as_ref().ok())
            .flat_map(|m| m.diff.tasks().into_iter().map(|t| (m.plan.clone(), t)))
            .collect();
        order::sort(&mut ids);
        ids.dedup();
        ids.len()
    }

    /// Whether confirming would change any value.
    pub fn changes_anything(&self) -> bool {
        self.files
            .iter()
            .any(|f| f.outcome.as_ref().is_ok_and(|m| !m.diff.is_empty()))
    }
}

/// The units whose stamps a copy carries, most first.
fn units_in(progress: &Progress) -> Vec<UnitId> {
    let mut counts: Vec<(UnitId, usize)> = Vec::new();
    for s in progress.tasks.values().flat_map(|t| t.stamps()) {
        let Some(by) = &s.by else { continue };
        match counts.iter_mut().find(|(u, _)| u == by) {
            Some((_, n)) => *n += 1,
            None => counts.push((by.clone(), 1)),
        }
    }
    order::sort_by_key(&mut counts, |c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(u, _)| u).collect()
}

impl AppState {
    /// The progress of a plan of the library as it is now (shown or stored).
    pub(super) fn current_progress(&self, id: &PlanId) -> Result<Progress, String> {
        if self.plan.with_untracked(|p| &p.id == id) {
            return Ok(self.progress.get_untracked());
        }
        match storage::load_progress(id, now_ms()) {
            Ok(Loaded::Found(p)) => Ok(p),
            Ok(Loaded::Empty) => Ok(Progress::default()),
            Ok(Loaded::Damaged { .. }) => {
                Err("计划库中这份计划的进展无法读取，请先在“数据与存储”中处理。".into())
            }
            Err(e) => Err(words::storage_error(&e)),
        }
    }

    /// Reads, checks and compares every file; plans the library lacks are offered as new
    /// plans. Nothing changes here.
    pub fn prepare_import(&self, texts: Vec<(String, String)>) -> PendingImport {
        let mut pending = PendingImport {
            files: Vec::new(),
            plans: Vec::new(),
        };
        // The progress each plan would have after the files so far.
        let mut merged: Vec<(PlanId, Progress)> = Vec::new();
        for (name, text) in texts {
            let snapshots = match check_size(&text).and_then(|_| decode_any(&text)) {
                Ok(incoming) => incoming.into_snapshots(),
                Err(e) => {
                    pending.files.push(FilePreview {
                        name,
                        outcome: Err(words::snapshot_error(&e)),
                    });
                    continue;
                }
            };
            self.prepare_file(&mut pending, &mut merged, &name, snapshots);
        }
        pending
    }

    /// [`AppState::prepare_import`] for plans already read, such as those an opened copy
    /// carries, under one name.
    pub fn prepare_snapshots(&self, name: &str, snapshots: Vec<Snapshot>) -> PendingImport {
        let mut pending = PendingImport {
            files: Vec::new(),
            plans: Vec::new(),
        };
        self.prepare_file(&mut pending, &mut Vec::new(), name, snapshots);
        pending
    }

    fn prepare_file(
        &self,
        pending: &mut PendingImport,
        merged: &mut Vec<(PlanId, Progress)>,
        name: &str,
        snapshots: Vec<Snapshot>,
    ) {
        for snapshot in snapshots {
            if let Some(outcome) = self.prepare_one(pending, merged, name, snapshot) {
                pending.files.push(FilePreview {
                    name: name.to_string(),
                    outcome,
                });
            }
        }
    }

    fn prepare_one(
        &self,
        pending: &mut PendingImport,
        merged: &mut Vec<(PlanId, Progress)>,
        name: &str,
        incoming: Snapshot,
    ) -> Option<Result<FileMerge, String>> {
        let id = incoming.plan.id.clone();
        if !self.has_plan(&id) {
            let (progress, report) = check_incoming(&incoming, &incoming.plan, now_ms());
            let title = incoming.plan.title.clone();
            let said = words::check_report(&report, &incoming.plan);
            let doc = Snapshot {
                progress,
                ..incoming
            };
            self.notify_with(
                NoticeKind::Info,
                format!(
                    "“{name}”属于计划库中还没有的《{title}》。可以把它连同进展添加到计划库。{said}"
                ),
                Some(NoticeAction::AddPlan(Box::new(doc))),
            );
            return None;
        }
        let plan = if self.plan.with_untracked(|p| p.id == id) {
            self.plan.get_untracked()
        } else {
            match storage::load_plan(&id, now_ms()) {
                Ok(Loaded::Found(p)) => p,
                _ => return Some(Err("计划库中的这份计划无法读取。".into())),
            }
        };
        self.offer_plan(name, &plan, &incoming);
        let at = match merged.iter().position(|(p, _)| *p == id) {
            Some(at) => at,
            None => match self.current_progress(&id) {
                Ok(p) => {
                    merged.push((id.clone(), p));
                    merged.len() - 1
                }
                Err(why) => return Some(Err(why)),
            },
        };
        let (progress, report) = check_incoming(&incoming, &plan, now_ms());
        let base = &mut merged[at].1;
        let diff = base.diff(&progress);
        let before = base.clone();
        base.merge(&progress);
        let merges = *base != before;
        match pending.plans.iter_mut().find(|m| m.plan == id) {
            Some(m) => m.incoming.push(progress.clone()),
            None => pending.plans.push(PlanMerge {
                plan: id.clone(),
                title: plan.title.clone(),
                incoming: vec![progress.clone()],
            }),
        }
        let mut named = diff.tasks();
        named.extend(diff.conflicts.iter().map(|c| c.task));
        let labels = named
            .into_iter()
            .filter_map(|t| {
                let task = plan.task(t)?;
                Some((t, format!("{}. {}", plan.task_number(t)?, task.title)))
            })
            .collect();
        let said = words::check_report(&report, &plan);
        Some(Ok(FileMerge {
            plan: id,
            title: plan.title,
            said,
            labels,
            merges,
            saved_at: incoming.saved_at,
            units: units_in(&progress),
            diff,
            report,
        }))
    }
}
