//! The matrix's rows and counts, with and without a unit filter, and the filters its counts link to.

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
    let m = unit_matrix(&kit.plan, &kit.states(), &ids(1..=19), &Filter::default());
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
    let m = unit_matrix(
        &kit.plan,
        &states,
        &ids([14, 15, 14, 99]),
        &Filter::default(),
    );
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
    let m = unit_matrix(&kit.plan, &states, &ids([14]), &Filter::default());
    let labels: Vec<&str> = m.rows.iter().map(|r| r.unit.label()).collect();
    assert_eq!(labels, ["社区矫正管理科", "文源司法所"]);
}

#[test]
fn under_a_unit_filter_the_rows_are_its_values() {
    let mut kit = Kit::plan_2023();
    kit.set_status(8, Status::Done);
    let states = kit.states();
    let units = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
    let filter = Filter {
        units: units(&["办公室", "各司法所"]),
        ..Filter::default()
    };
    let m = unit_matrix(&kit.plan, &states, &ids(1..=19), &filter);
    let labels: Vec<&str> = m.rows.iter().map(|r| r.unit.label()).collect();
    assert_eq!(
        labels,
        ["办公室", "各司法所"],
        "no row for units named beside them"
    );
    assert_eq!(row(&m, "办公室"), (9, [8, 0, 1, 0], 0));
    assert_eq!(row(&m, "各司法所").0, 17, "the group as one row");
    let unknown = Filter {
        units: units(&["不存在的部门"]),
        ..Filter::default()
    };
    assert!(
        unit_matrix(&kit.plan, &states, &ids(1..=19), &unknown)
            .rows
            .is_empty()
    );
}

#[test]
fn a_link_keeps_the_role_only_under_a_unit_filter() {
    let lead = Filter {
        role: Some(crate::model::Role::Lead),
        statuses: [Status::Done, Status::Lagging].into_iter().collect(),
        ..Filter::default()
    };
    let unit = Responsible::Unit(crate::model::UnitId("办公室".into()));
    let f = drill_down(&lead, &unit, MatrixColumn::Status(Status::Done));
    assert_eq!(
        f.role, None,
        "without units the list ignores the role, so the row does"
    );
    assert_eq!(f.statuses, [Status::Done].into_iter().collect());
    let mut under = lead.clone();
    under.units.insert("办公室".into());
    let f = drill_down(&under, &unit, MatrixColumn::Overdue);
    assert_eq!(f.role, Some(crate::model::Role::Lead));
    assert!(f.overdue);
    assert_eq!(
        f.statuses, lead.statuses,
        "the overdue column keeps the statuses"
    );
}
