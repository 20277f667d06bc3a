//! Building the store at start-up: migrate a version-1 store, scan the library, open the
//! active plan; every problem becomes a notice, and the embedded plan is the fallback.

use super::filter_ctx::with_filter_ctx;
use super::state::{AppState, Notice, NoticeKind, PAGE_SIZE, fresh_settings, local_today, now_ms};
use super::words;
use crate::model::{
    Clock, Filter, History, Month, Plan, PlanFacts, Progress, ProgressText, SearchText, StateCache,
    facet_counts_with, query_terms,
};
use crate::snapshot::{CLOCK_SLACK_MS, PlanMeta};
use crate::storage::{self, Loaded, Migration};
use leptos::prelude::*;

/// The embedded 2023 plan, as stored at build time (not parsed at each first start).
pub fn default_plan() -> Option<Plan> {
    crate::snapshot::decode_plan(crate::DEFAULT_PLAN_STORED).ok()
}

/// What a plan list shows of a plan in memory.
pub fn meta_of(plan: &Plan) -> PlanMeta {
    PlanMeta {
        id: plan.id.clone(),
        title: plan.title.clone(),
        tasks: plan.tasks.len(),
    }
}

fn warn(notices: &mut Vec<Notice>, text: String) {
    notices.push(Notice {
        kind: NoticeKind::Warning,
        text,
        action: None,
    });
}

impl AppState {
    /// Builds the state from storage, falling back to the embedded default plan.
    pub fn load() -> Option<AppState> {
        let now = now_ms();
        let mut notices = Vec::new();
        let mut can_save = true;
        let mut settings = storage::load_settings(now, fresh_settings);
        match storage::migrate_v1(now) {
            Ok(Migration::Moved(id)) => {
                settings.active_plan.get_or_insert(id);
            }
            Ok(Migration::Damaged(error, backup)) => {
                can_save &= backup.is_some();
                warn(
                    &mut notices,
                    words::damaged_storage(&error, backup.as_deref()),
                );
            }
            Ok(Migration::Nothing) => {}
            Err(e) => warn(&mut notices, words::storage_error(&e)),
        }
        let scan = storage::list_plans(now);
        for (error, backup) in &scan.damaged {
            warn(
                &mut notices,
                words::damaged_storage(error, backup.as_deref()),
            );
        }
        let mut library = scan.plans;
        let active = settings
            .active_plan
            .clone()
            .filter(|id| library.iter().any(|m| &m.id == id))
            .or_else(|| library.first().map(|m| m.id.clone()));
        let plan = match active.map(|id| storage::load_plan(&id, now)) {
            Some(Ok(Loaded::Found(plan))) => Some(plan),
            Some(Ok(Loaded::Damaged { error, backup_key })) => {
                can_save &= backup_key.is_some();
                warn(
                    &mut notices,
                    words::damaged_storage(&error, backup_key.as_deref()),
                );
                None
            }
            Some(Err(e)) => {
                warn(&mut notices, words::storage_error(&e));
                None
            }
            Some(Ok(Loaded::Empty)) | None => None,
        };
        let plan = match plan {
            Some(plan) => plan,
            None => {
                let plan = default_plan()?;
                library.retain(|m| m.id != plan.id);
                library.push(meta_of(&plan));
                plan
            }
        };
        let progress = match storage::load_progress(&plan.id, now) {
            Ok(Loaded::Found(p)) => p,
            Ok(Loaded::Empty) => Progress::default(),
            Ok(Loaded::Damaged { error, backup_key }) => {
                can_save &= backup_key.is_some();
                warn(
                    &mut notices,
                    words::damaged_storage(&error, backup_key.as_deref()),
                );
                Progress::default()
            }
            Err(e) => {
                warn(&mut notices, words::storage_error(&e));
                Progress::default()
            }
        };
        settings.active_plan = Some(plan.id.clone());
        Some(AppState::new(
            library, plan, progress, settings, notices, can_save,
        ))
    }

    fn new(
        library: Vec<PlanMeta>,
        plan: Plan,
        progress: Progress,
        settings: crate::storage::Settings,
        mut notices: Vec<Notice>,
        can_save: bool,
    ) -> AppState {
        let mut clock = Clock::default();
        if let Some(latest) = progress.last_change() {
            clock.observe(latest);
            // Changes stamped after now (a slow clock, or one that ran fast): counted only then.
            let limit = now_ms().saturating_add(CLOCK_SLACK_MS);
            if latest.at > limit
                && let Some((n, last)) = progress.changes_after(limit)
            {
                warn(&mut notices, words::future_changes(n, last));
            }
        }
        let filter = RwSignal::new(Filter::default());
        let plan = RwSignal::new(plan);
        let progress = RwSignal::new(progress);
        let today = RwSignal::new(local_today());
        let facts = Memo::new(move |_| plan.with(PlanFacts::build));
        let states = Memo::new(move |_| {
            let today = today.get();
            facts.with(|f| {
                plan.with(|p| progress.with(|pr| StateCache::from_facts(f, p, pr, today)))
            })
        });
        let search_text = Memo::new(move |_| plan.with(SearchText::build));
        let notes =
            Memo::new(move |_| plan.with(|p| progress.with(|pr| ProgressText::build(p, pr))));
        // Built when the page is idle after start, so the first keystroke in the search box
        // does not pay for it; a memo only builds again once a search reads it.
        request_idle_callback(move || {
            search_text.with_untracked(|_| ());
            notes.with_untracked(|_| ());
        });
        // One pass over the tasks gives the facet counts and the matching tasks.
        let counts = Memo::new(move |_| {
            filter.with(|f| {
                let searching = !query_terms(&f.query).is_empty();
                let search = searching.then_some((search_text, notes));
                with_filter_ctx(
                    plan,
                    progress,
                    today,
                    facts,
                    states,
                    search,
                    |ctx, cache| facet_counts_with(ctx, f, Some(cache)),
                )
            })
        });
        let matching = Memo::new(move |_| counts.with(|c| c.matching.clone()));
        AppState {
            library: RwSignal::new(library),
            plan,
            progress,
            dialog: RwSignal::new(None),
            dialog_notices: StoredValue::new(0),
            editing: RwSignal::new(false),
            new_plan_text: RwSignal::new(String::new()),
            stats: RwSignal::new(false),
            period: RwSignal::new(Month::of(today.get_untracked())),
            states,
            counts,
            matching,
            settings: RwSignal::new(settings),
            history: RwSignal::new(History::default()),
            today,
            notices: RwSignal::new(notices),
            save_error: RwSignal::new(None),
            can_save: RwSignal::new(can_save),
            filter,
            limit: RwSignal::new(PAGE_SIZE),
            print_all: RwSignal::new(false),
            query: Memo::new(move |_| filter.with(|f| f.query.clone())),
            seq: StoredValue::new(0),
            clock: StoredValue::new(clock),
        }
    }
}
