//! The unit × status matrix: for every unit, how many of the counted tasks it answers for,
//! by status, and how many of them are overdue; and the filter each count stands for.
//!
//! A row counts the tasks its unit's value of the unit facet would show: the unit named in
//! any role, or a group of its kind. Under a unit filter the rows are the filter's own values,
//! counted in the filter's role. So [`drill_down`] of a non-zero count shows exactly the tasks
//! counted there.

use super::{Counts, distinct};
use crate::model::derive::answerable_units;
use crate::model::filter::{Filter, UnitIndex};
use crate::model::order;
use crate::model::plan::Plan;
use crate::model::states::StateCache;
use crate::model::status::Status;
use crate::model::task::{Role, Task, TaskId};
use crate::model::unit::{Responsible, UnitKind};

/// One row of the matrix: a unit (or a group with no known members) and its task counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRow {
    /// The unit; [`Responsible::Group`] for a group whose kind has no named unit, or a group
    /// the unit filter chose.
    pub unit: Responsible,
    /// Its kind (a group row takes the group's kind).
    pub kind: UnitKind,
    /// Counts over the tasks it answers for; `counts.total` is the row's total.
    pub counts: Counts,
}

/// The unit × status matrix over a set of tasks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatusMatrix {
    /// One row per unit that answers for at least one counted task, in registry kind order,
    /// then registry order (named units before group rows of the same kind).
    pub rows: Vec<UnitRow>,
    /// Counts over the distinct tasks. Not the column sums: a task shared by three units
    /// appears in three rows but once here.
    pub totals: Counts,
}

/// A column of the matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatrixColumn {
    /// One status.
    Status(Status),
    /// 逾期.
    Overdue,
    /// 合计.
    Total,
}

impl MatrixColumn {
    /// The columns in table order: 未启动, 推进中, 已完成, 滞后, 逾期, 合计.
    pub const ALL: [MatrixColumn; 6] = [
        MatrixColumn::Status(Status::NotStarted),
        MatrixColumn::Status(Status::InProgress),
        MatrixColumn::Status(Status::Done),
        MatrixColumn::Status(Status::Lagging),
        MatrixColumn::Overdue,
        MatrixColumn::Total,
    ];

    /// This column's count in `counts`.
    pub fn count(self, counts: &Counts) -> usize {
        match self {
            MatrixColumn::Status(s) => counts.status(s),
            MatrixColumn::Overdue => counts.overdue,
            MatrixColumn::Total => counts.total,
        }
    }
}

/// The units a task makes answerable, every role included, in the task's order (see
/// [`answerable_units`]).
pub fn units_of(plan: &Plan, task: &Task) -> Vec<Responsible> {
    answerable_units(plan, task.unit_names())
}

/// Counts the given tasks (those `filter` lets through) per unit and status. A task without a
/// derived state is skipped. Without a unit filter the rows are every unit the tasks make
/// answerable; with one, the filter's values, each counting the tasks it picks in the
/// filter's role. Rows without a task are left out.
pub fn unit_matrix(
    plan: &Plan,
    states: &StateCache,
    ids: &[TaskId],
    filter: &Filter,
) -> StatusMatrix {
    let counted: Vec<(&Task, _)> = distinct(ids)
        .into_iter()
        .filter_map(|id| Some((plan.task(id)?, states.get(id)?)))
        .collect();
    let units: Vec<Responsible> = if filter.units.is_empty() {
        let mut units: Vec<Responsible> = Vec::new();
        for unit in counted.iter().flat_map(|(task, _)| units_of(plan, task)) {
            if !units.contains(&unit) {
                units.push(unit);
            }
        }
        units
    } else {
        filter.units.iter().map(|v| plan.units.resolve(v)).collect()
    };
    let role = row_role(filter);
    let labels: Vec<String> = units.iter().map(|u| u.label().to_string()).collect();
    let mut index = UnitIndex::new(&plan.units, &labels);
    let mut counts = vec![Counts::default(); units.len()];
    let mut matrix = StatusMatrix::default();
    for (task, state) in &counted {
        matrix.totals.add(state);
        index.for_each_value(task, role, |i| counts[i].add(state));
    }
    matrix.rows = units
        .into_iter()
        .zip(counts)
        .filter(|(_, counts)| counts.total > 0)
        .map(|(unit, counts)| UnitRow {
            kind: kind_of(plan, &unit),
            unit,
            counts,
        })
        .collect();
    sort_rows(plan, &mut matrix.rows);
    matrix
}

/// The role a row counts in: the filter's under a unit filter (without one the unit facet
/// ignores the role).
fn row_role(filter: &Filter) -> Option<Role> {
    if filter.units.is_empty() {
        None
    } else {
        filter.role
    }
}

/// The filter a count of the matrix made under `filter` stands for: `filter` narrowed to the
/// row's unit (in the role the row counts in) and the column. For a non-zero count it shows
/// exactly the tasks counted; a zero count stands for no list.
pub fn drill_down(filter: &Filter, unit: &Responsible, column: MatrixColumn) -> Filter {
    let mut f = filter.clone();
    f.role = row_role(filter);
    f.units = [unit.label().to_string()].into_iter().collect();
    match column {
        MatrixColumn::Status(s) => f.statuses = [s].into_iter().collect(),
        MatrixColumn::Overdue => f.overdue = true,
        MatrixColumn::Total => {}
    }
    f
}

/// The kind of a row's unit: as registered (or guessed from the name), or the group's kind.
pub(super) fn kind_of(plan: &Plan, unit: &Responsible) -> UnitKind {
    match unit {
        Responsible::Unit(id) => plan.units.kind_of(id.as_str()),
        Responsible::Group(g) => plan
            .units
            .group(g)
            .map_or_else(|| UnitKind::of_name(g), |g| g.kind.clone()),
    }
}

/// Orders rows by kind (registry kind order), then named units in registry order, units the
/// registry does not know, and group rows in group order. The sort is stable, so unknown
/// units keep their first-counted order.
fn sort_rows(plan: &Plan, rows: &mut [UnitRow]) {
    let kinds = plan.units.kinds();
    order::sort_by_cached_key(rows, |row| order_key(plan, &kinds, &row.unit, &row.kind));
}

/// The sort key of a unit row: (kind position, named / unknown / group, registry position).
pub(super) fn order_key(
    plan: &Plan,
    kinds: &[UnitKind],
    unit: &Responsible,
    kind: &UnitKind,
) -> (usize, u8, usize) {
    let reg = &plan.units;
    let kind = kinds.iter().position(|k| k == kind).unwrap_or(usize::MAX);
    let (class, pos) = match unit {
        Responsible::Unit(id) => match reg.units().iter().position(|u| &u.id == id) {
            Some(p) => (0, p),
            None => (1, 0),
        },
        Responsible::Group(g) => {
            let p = reg.groups().iter().position(|d| d.is_called(g));
            (2, p.unwrap_or(0))
        }
    };
    (kind, class, pos)
}

#[cfg(test)]
mod tests;
