//! The unit × status matrix: for every unit, how many of the counted tasks it answers for,
//! by status, and how many of them are overdue.

use super::{Counts, distinct};
use crate::model::derive::answerable_units;
use crate::model::order;
use crate::model::plan::Plan;
use crate::model::states::StateCache;
use crate::model::task::{Task, TaskId};
use crate::model::unit::{Responsible, UnitKind};

/// One row of the matrix: a unit (or a group with no known members) and its task counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRow {
    /// The unit; [`Responsible::Group`] only for a group whose kind has no named unit.
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

/// The units a task makes answerable, every role included, in the task's order (see
/// [`answerable_units`]).
pub fn units_of(plan: &Plan, task: &Task) -> Vec<Responsible> {
    answerable_units(plan, task.unit_names())
}

/// Counts the given tasks per unit and status. A task without a derived state is skipped.
pub fn unit_matrix(plan: &Plan, states: &StateCache, ids: &[TaskId]) -> StatusMatrix {
    let mut matrix = StatusMatrix::default();
    for id in distinct(ids) {
        let (Some(task), Some(state)) = (plan.task(id), states.get(id)) else {
            continue;
        };
        matrix.totals.add(state);
        for unit in units_of(plan, task) {
            let at = match matrix.rows.iter().position(|r| r.unit == unit) {
                Some(at) => at,
                None => {
                    matrix.rows.push(UnitRow {
                        kind: kind_of(plan, &unit),
                        unit,
                        counts: Counts::default(),
                    });
                    matrix.rows.len() - 1
                }
            };
            matrix.rows[at].counts.add(state);
        }
    }
    sort_rows(plan, &mut matrix.rows);
    matrix
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
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::model::stats::testkit::{Kit, ids};

    fn row(m: &StatusMatrix, label: &str) -> (usize, [usize; 4], usize) {
        let r = m
            .rows
            .iter()
            .find(|r| r.unit.label() == label)
            .expect(label);
        (r.counts.total, r.counts.by_status, r.counts.overdue)
    }

    #[test]
    fn groups_expand_to_registered_members_in_registry_order() {
        let mut kit = Kit::plan_2023();
        kit.set_status(1, Status::Done);
        kit.set_status(4, Status::Lagging);
        let m = unit_matrix(&kit.plan, &kit.states(), &ids(1..=19));
        let labels: Vec<&str> = m.rows.iter().map(|r| r.unit.label()).collect();
        // The parser registers units in first-mention order, 文源司法所 and 暮云司法所 from
        // task 15's text; 各司法所 stands for them.
        assert_eq!(
            labels,
            [
                "行政复议与应诉科",
                "执法监督与法制审查科",
                "公共法律服务管理科",
                "人民参与和促进法治科",
                "普法与依法治理科",
                "办公室",
                "社区矫正管理科",
                "文源司法所",
                "暮云司法所",
            ]
        );
        // Every office is named by the 8 tasks of 各科室 (1–3, 6, 16–19).
        assert_eq!(
            row(&m, "办公室"),
            (9, [8, 0, 1, 0], 0),
            "8 group tasks + task 8"
        );
        assert_eq!(row(&m, "社区矫正管理科"), (9, [8, 0, 1, 0], 0));
        assert_eq!(
            row(&m, "文源司法所"),
            (17, [15, 0, 1, 1], 0),
            "all but 7 and 8"
        );
        assert_eq!(row(&m, "暮云司法所"), row(&m, "文源司法所"));
        assert_eq!((m.totals.total, m.totals.by_status), (19, [17, 0, 1, 1]));
    }

    #[test]
    fn memberless_group_is_its_own_row_and_overdue_counts() {
        let mut kit = Kit::plan_2023();
        kit.plan.units.remove("文源司法所");
        kit.plan.units.remove("暮云司法所");
        kit.set_deadline(14, 2023, 6, 30);
        kit.today = crate::model::Date::new(2023, 7, 1).expect("date");
        let states = kit.states();
        let m = unit_matrix(&kit.plan, &states, &ids([14, 15, 14, 99]));
        let labels: Vec<&str> = m.rows.iter().map(|r| r.unit.label()).collect();
        assert_eq!(
            labels,
            [
                "人民参与和促进法治科",
                "普法与依法治理科",
                "社区矫正管理科",
                "各司法所"
            ]
        );
        assert_eq!(row(&m, "各司法所"), (2, [2, 0, 0, 0], 1));
        assert_eq!(row(&m, "社区矫正管理科"), (1, [1, 0, 0, 0], 1));
        assert_eq!(
            (m.totals.total, m.totals.overdue),
            (2, 1),
            "14 given twice counts once"
        );
        kit.plan.units.insert("文源司法所");
        let m = unit_matrix(&kit.plan, &states, &ids([14]));
        let labels: Vec<&str> = m.rows.iter().map(|r| r.unit.label()).collect();
        assert_eq!(labels, ["社区矫正管理科", "文源司法所"]);
    }
}
