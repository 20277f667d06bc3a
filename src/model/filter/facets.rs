//! Facet counts: how many tasks each facet value would show with every other facet applied,
//! the values the unit facet offers, and the matching tasks, from one pass over the tasks.

use super::units;
use super::{Filter, FilterCache, FilterContext, state_of};
use crate::model::date::Date;
use crate::model::order;
use crate::model::plan::{Plan, SectionId};
use crate::model::progress::Progress;
use crate::model::status::Status;
use crate::model::task::TaskId;
use crate::model::unit::UnitKind;
use std::collections::BTreeSet;

/// The values offered by the unit facet: the groups (when the plan names them or has units
/// of their kind), then named units by kind in registry order, then names the registry lacks.
pub fn unit_options(plan: &Plan) -> Vec<String> {
    let reg = &plan.units;
    let kinds = reg.kinds();
    let rank = |k: &UnitKind| kinds.iter().position(|x| x == k).unwrap_or(usize::MAX);
    let mut named: Vec<(usize, String)> = reg
        .units()
        .iter()
        .map(|u| (rank(&u.kind), u.id.to_string()))
        .collect();
    let mut groups_named: BTreeSet<String> = BTreeSet::new();
    for name in plan.tasks.iter().flat_map(|t| t.unit_names()) {
        match reg.group(name) {
            Some(g) if !groups_named.contains(&g.name) => {
                groups_named.insert(g.name.clone());
            }
            Some(_) => {}
            None if !named.iter().any(|(_, n)| n == name) => {
                named.push((usize::MAX, name.to_string()));
            }
            None => {}
        }
    }
    order::sort_by_key(&mut named, |(rank, _)| *rank);
    let mut out: Vec<String> = reg
        .groups()
        .iter()
        .filter(|g| groups_named.contains(&g.name) || reg.of_kind(&g.kind).next().is_some())
        .map(|g| g.name.clone())
        .collect();
    out.extend(named.into_iter().map(|(_, n)| n));
    out
}

/// How many tasks each facet value would show, with every other facet applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    /// Tasks passing the whole filter.
    pub total: usize,
    /// Those tasks, in plan order (the same as [`PreparedFilter::matching`]).
    pub matching: Vec<(SectionId, TaskId)>,
    /// Per section, in plan order.
    pub sections: Vec<(SectionId, usize)>,
    /// Per unit option, in [`unit_options`] order.
    pub units: Vec<(String, usize)>,
    /// Per status, in [`Status::ALL`] order.
    pub statuses: Vec<(Status, usize)>,
    /// Overdue tasks.
    pub overdue: usize,
}

impl FacetCounts {
    /// The count of one section (0 if unknown).
    pub fn section(&self, id: SectionId) -> usize {
        self.sections
            .iter()
            .find(|(s, _)| *s == id)
            .map_or(0, |(_, n)| *n)
    }

    /// The count of one unit option (0 if unknown).
    pub fn unit(&self, name: &str) -> usize {
        self.units
            .iter()
            .find(|(u, _)| u == name)
            .map_or(0, |(_, n)| *n)
    }

    /// The count of one status.
    pub fn status(&self, status: Status) -> usize {
        self.statuses
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }
}

/// Counts for every facet value: for value `v` of facet `F`, the tasks passing every facet
/// except `F` (query and `updated_since` always apply) and having `v`.
pub fn facet_counts(plan: &Plan, progress: &Progress, today: Date, filter: &Filter) -> FacetCounts {
    facet_counts_with(
        &FilterContext {
            plan,
            progress,
            today,
        },
        filter,
        None,
    )
}

/// [`facet_counts`], reading text and states from `cache` when given.
pub fn facet_counts_with(
    ctx: &FilterContext,
    filter: &Filter,
    cache: Option<FilterCache>,
) -> FacetCounts {
    let (plan, progress) = (ctx.plan, ctx.progress);
    let pf = filter.prepare();
    let computed;
    let options: &[String] = match cache {
        Some(c) => c.facts.unit_options(),
        None => {
            computed = unit_options(plan);
            &computed
        }
    };
    let mut index = units::UnitIndex::new(&plan.units, options);
    let mut counts = FacetCounts {
        total: 0,
        matching: Vec::new(),
        sections: plan.sections.iter().map(|s| (s.id, 0)).collect(),
        units: options.iter().map(|o| (o.clone(), 0)).collect(),
        statuses: Status::ALL.iter().map(|s| (*s, 0)).collect(),
        overdue: 0,
    };
    for task in &plan.tasks {
        let tp = progress.task(task.id);
        if !pf.since_ok(tp) || !pf.query_ok(task, tp, cache) {
            continue;
        }
        let (status, overdue) = state_of(task, ctx, cache);
        let sec = pf.section_ok(task);
        let unit = pf.unit_ok(plan, task);
        let st = pf.status_ok(status);
        let od = !pf.overdue || overdue;
        if sec && unit && st && od {
            counts.total += 1;
            counts.matching.push((task.section, task.id));
        }
        if unit
            && st
            && od
            && let Some(c) = counts.sections.iter_mut().find(|(s, _)| *s == task.section)
        {
            c.1 += 1;
        }
        if sec && st && od {
            index.for_each_value(task, pf.role, |i| counts.units[i].1 += 1);
        }
        if sec
            && unit
            && od
            && let Some(c) = counts.statuses.iter_mut().find(|(s, _)| *s == status)
        {
            c.1 += 1;
        }
        counts.overdue += usize::from(sec && unit && st && overdue);
    }
    counts
}
