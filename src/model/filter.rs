//! Task filtering and search: facets (section, unit, status, overdue, updated since) plus text query.

use super::date::Date;
use super::derive::task_state;
use super::plan::{Plan, SectionId};
use super::progress::{Progress, TaskProgress};
use super::status::Status;
use super::task::{Role, Task};
use super::text::query_terms;
use super::unit::UnitKind;
use std::collections::BTreeSet;

mod cache;
mod facets;
mod hit;
mod units;

pub use cache::{FilterCache, ProgressText, SearchText};
use cache::{base_text, extra_fields, has_extra};
pub use facets::{FacetCounts, facet_counts, facet_counts_with, unit_options};
pub use hit::{HitPlace, ProgressHit, progress_hit};
pub(crate) use units::UnitIndex;

/// What the user filters by. Facets combine with AND; values within one facet with OR.
/// An empty facet does not restrict.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Sections to show.
    pub sections: BTreeSet<SectionId>,
    /// Unit names or group labels (`各科室`, `各司法所`), see [`unit_options`].
    pub units: BTreeSet<String>,
    /// Narrows the unit facet by role: `Lead` keeps tasks the unit leads (牵头), any other
    /// role keeps tasks where it is named but does not lead (配合). `None`: any role.
    pub role: Option<Role>,
    /// Effective statuses to show.
    pub statuses: BTreeSet<Status>,
    /// Only overdue tasks.
    pub overdue: bool,
    /// Only tasks with a change stamped on or after this date (00:00 UTC).
    pub updated_since: Option<Date>,
    /// Free text; whitespace-separated terms must all occur.
    pub query: String,
}

/// What a filter is evaluated against.
#[derive(Clone, Copy, Debug)]
pub struct FilterContext<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Recorded progress.
    pub progress: &'a Progress,
    /// Today, for the overdue flag.
    pub today: Date,
}

impl Filter {
    /// Whether the filter lets every task through.
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
            && self.units.is_empty()
            && self.role.is_none()
            && self.statuses.is_empty()
            && !self.overdue
            && self.updated_since.is_none()
            && query_terms(&self.query).is_empty()
    }

    /// Resets every facet and the query.
    pub fn clear(&mut self) {
        *self = Filter::default();
    }

    /// Precomputes what matching needs (normalized terms, unit choices); build once per change.
    pub fn prepare(&self) -> PreparedFilter {
        PreparedFilter {
            sections: self.sections.clone(),
            units: self.units.iter().map(|u| UnitChoice(u.clone())).collect(),
            role: self.role,
            statuses: self.statuses.clone(),
            overdue: self.overdue,
            since_ms: self.updated_since.map(day_start_ms),
            terms: query_terms(&self.query),
        }
    }

    /// Whether `task` passes. Prefer [`PreparedFilter::matches`] when testing many tasks.
    pub fn matches(&self, task: &Task, ctx: &FilterContext) -> bool {
        self.prepare().matches(task, ctx)
    }
}

/// Milliseconds since the epoch at 00:00 UTC of `date`. Stamps are UTC, and the filter
/// ignores the local time zone: a change at 07:00 on 1 July in UTC+8 counts as 30 June.
fn day_start_ms(date: Date) -> i64 {
    date.days_since_epoch().saturating_mul(86_400_000)
}

/// One value of the unit facet: a group name (tasks naming the group or any unit of its
/// kind) or a unit name (tasks naming it or a group covering it).
#[derive(Clone, Debug, PartialEq, Eq)]
struct UnitChoice(String);

impl UnitChoice {
    fn matches(&self, plan: &Plan, task: &Task, role: Option<Role>) -> bool {
        let reg = &plan.units;
        let role_ok = |r: Role| match role {
            None => true,
            Some(Role::Lead) => r == Role::Lead,
            Some(_) => r != Role::Lead,
        };
        // Runs for every task and facet value on each keystroke: compares names, no allocation.
        let mut named = task.units.iter().filter(|a| role_ok(a.role));
        let same_kind = |name: &str, kind: &UnitKind| match reg.get(name) {
            Some(u) => u.kind == *kind,
            None => UnitKind::of_name(name) == *kind,
        };
        match reg.group(&self.0) {
            Some(g) => named.any(|a| match reg.group(&a.name) {
                Some(h) => h.name == g.name,
                None => same_kind(&a.name, &g.kind),
            }),
            None => named.any(|a| match reg.group(&a.name) {
                Some(h) => same_kind(&self.0, &h.kind),
                None => a.name == self.0,
            }),
        }
    }
}

/// A [`Filter`] ready for matching many tasks: the query is normalized once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedFilter {
    sections: BTreeSet<SectionId>,
    units: Vec<UnitChoice>,
    role: Option<Role>,
    statuses: BTreeSet<Status>,
    overdue: bool,
    since_ms: Option<i64>,
    terms: Vec<String>,
}

impl PreparedFilter {
    /// The normalized search terms.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether `task` passes every facet. Cheap facets go first; the task state is derived
    /// only when the status or overdue facet is active.
    pub fn matches(&self, task: &Task, ctx: &FilterContext) -> bool {
        self.matches_with(task, ctx, None)
    }

    /// [`PreparedFilter::matches`], reading text and states from `cache` when given.
    pub fn matches_with(
        &self,
        task: &Task,
        ctx: &FilterContext,
        cache: Option<FilterCache>,
    ) -> bool {
        let progress = ctx.progress.task(task.id);
        if !self.section_ok(task) || !self.unit_ok(ctx.plan, task) || !self.since_ok(progress) {
            return false;
        }
        if !self.query_ok(task, progress, cache) {
            return false;
        }
        if self.statuses.is_empty() && !self.overdue {
            return true;
        }
        let (status, overdue) = state_of(task, ctx, cache);
        self.status_ok(status) && (!self.overdue || overdue)
    }

    /// The tasks of the plan that pass, in plan order, using precomputed data.
    pub fn matching_with<'p>(&self, ctx: &FilterContext<'p>, cache: FilterCache) -> Vec<&'p Task> {
        ctx.plan
            .tasks
            .iter()
            .filter(|t| self.matches_with(t, ctx, Some(cache)))
            .collect()
    }

    /// The tasks of the plan that pass, in plan order.
    pub fn matching<'p>(&self, ctx: &FilterContext<'p>) -> Vec<&'p Task> {
        ctx.plan
            .tasks
            .iter()
            .filter(|t| self.matches(t, ctx))
            .collect()
    }

    fn section_ok(&self, task: &Task) -> bool {
        self.sections.is_empty() || self.sections.contains(&task.section)
    }

    fn unit_ok(&self, plan: &Plan, task: &Task) -> bool {
        self.units.is_empty() || self.units.iter().any(|u| u.matches(plan, task, self.role))
    }

    fn status_ok(&self, status: Status) -> bool {
        self.statuses.is_empty() || self.statuses.contains(&status)
    }

    fn since_ok(&self, progress: Option<&TaskProgress>) -> bool {
        match self.since_ms {
            None => true,
            Some(ms) => progress
                .and_then(TaskProgress::last_change)
                .is_some_and(|s| s.at >= ms),
        }
    }

    /// Every term must occur in the title, the body, a current measure or a visible log entry.
    /// Without progress, measures are the body's sentences, so title and body suffice.
    fn query_ok(
        &self,
        task: &Task,
        progress: Option<&TaskProgress>,
        cache: Option<FilterCache>,
    ) -> bool {
        if self.terms.is_empty() {
            return true;
        }
        let search = cache.and_then(|c| c.search);
        let owned;
        let base: &str = match search.and_then(|(text, _)| text.get(task.id)) {
            Some(text) => text,
            None => {
                owned = base_text(task);
                &owned
            }
        };
        if !has_extra(progress) {
            // The common case on every keystroke: no allocation at all.
            return self.terms.iter().all(|t| base.contains(t.as_str()));
        }
        if let Some((_, notes)) = search {
            let extra = notes.get(task.id).unwrap_or_default();
            return self
                .terms
                .iter()
                .all(|t| base.contains(t.as_str()) || extra.contains(t.as_str()));
        }
        let mut fields = vec![base.to_string()];
        if let Some(p) = progress {
            fields.extend(extra_fields(task, p));
        }
        self.terms
            .iter()
            .all(|t| fields.iter().any(|f| f.contains(t.as_str())))
    }
}

#[cfg(test)]
mod tests;

/// A task's status and overdue flag, from the cache when it has them.
fn state_of(task: &Task, ctx: &FilterContext, cache: Option<FilterCache>) -> (Status, bool) {
    cache
        .and_then(|c| c.states.get(task.id))
        .map(|s| (s.status, s.overdue))
        .unwrap_or_else(|| {
            let s = task_state(task, ctx.plan, ctx.progress.task(task.id), ctx.today);
            (s.status, s.overdue)
        })
}
