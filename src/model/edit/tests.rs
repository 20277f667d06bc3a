//! Plan edits: ids stay put, refused edits change nothing, unit renames reach every task.

use super::*;
use crate::model::UnitId;
use crate::parse::parse_plan;

fn seed() -> Plan {
    parse_plan(crate::DEFAULT_PLAN_TEXT).expect("parses").plan
}

fn ids(plan: &Plan) -> Vec<u32> {
    plan.tasks.iter().map(|t| t.id.0).collect()
}

#[test]
fn inserting_and_reordering_keeps_task_ids() {
    let mut plan = seed();
    plan.apply(PlanEdit::AddTask {
        section: SectionId(1),
        after: Some(TaskId(1)),
        title: "新增任务".into(),
    })
    .expect("added");
    assert_eq!(
        plan.tasks[1].id,
        TaskId(20),
        "a new task takes the next free id"
    );
    assert_eq!(
        plan.task_number(TaskId(2)),
        Some(3),
        "its number follows its place"
    );
    plan.apply(PlanEdit::MoveTask(TaskId(3), -1))
        .expect("moved");
    assert_eq!(&ids(&plan)[..4], &[1, 20, 3, 2]);
    plan.apply(PlanEdit::MoveTask(TaskId(1), -1))
        .expect("stays first");
    assert_eq!(plan.tasks[0].id, TaskId(1));
    plan.apply(PlanEdit::DeleteTask(TaskId(20)))
        .expect("deleted");
    plan.apply(PlanEdit::AddTask {
        section: SectionId(2),
        after: None,
        title: "末尾任务".into(),
    })
    .expect("added");
    assert_eq!(
        plan.tasks_in(SectionId(2)).last().map(|t| t.id),
        Some(TaskId(21)),
        "the deleted task's id 20 is not given out again"
    );
    assert_eq!(plan.next_task_id(), TaskId(22));
}

#[test]
fn sections_move_with_their_tasks() {
    let mut plan = seed();
    plan.apply(PlanEdit::MoveSection(SectionId(2), -1))
        .expect("moved");
    assert_eq!(plan.sections[0].id, SectionId(2));
    assert_eq!(&ids(&plan)[..6], &[4, 5, 6, 1, 2, 3]);
    plan.apply(PlanEdit::AddSection {
        after: Some(SectionId(2)),
        title: "新部分".into(),
    })
    .expect("added");
    assert_eq!(plan.sections[1].id, SectionId(7));
    plan.apply(PlanEdit::AddTask {
        section: SectionId(7),
        after: None,
        title: "新部分的任务".into(),
    })
    .expect("added");
    assert_eq!(
        plan.tasks[3].section,
        SectionId(7),
        "appended after the tasks before it"
    );
    plan.apply(PlanEdit::DeleteSection(SectionId(7)))
        .expect("deleted");
    assert_eq!(plan.tasks.len(), 19);
}

#[test]
fn refused_edits_change_nothing() {
    let mut plan = seed();
    let before = plan.clone();
    assert_eq!(
        plan.apply(PlanEdit::RenameSection(SectionId(1), "  ".into())),
        Err(EditError::EmptyText)
    );
    assert_eq!(
        plan.apply(PlanEdit::DeleteTask(TaskId(99))),
        Err(EditError::NoSuchTask(TaskId(99)))
    );
    assert_eq!(
        plan.apply(PlanEdit::RenameUnit {
            from: "无此单位".into(),
            to: "甲".into()
        }),
        Err(EditError::NoSuchUnit("无此单位".into()))
    );
    assert_eq!(plan, before);
}

#[test]
fn updating_a_task_sets_text_units_and_deadline() {
    let mut plan = seed();
    let mut t = plan.task(TaskId(7)).expect("task").clone();
    t.title = "统筹推进全面依法治区".into();
    t.units = vec![
        Assignee::new("普法与依法治理科", Role::Lead),
        Assignee::new("区委政法委", Role::Cooperating),
        Assignee::new("  ", Role::Responsible),
    ];
    t.deadline = Some("10月底前".into());
    plan.apply(PlanEdit::UpdateTask(t)).expect("updated");
    let t = plan.task(TaskId(7)).expect("task");
    assert_eq!(t.title, "统筹推进全面依法治区");
    assert_eq!(t.units.len(), 2, "blank names are dropped");
    assert!(
        plan.units.get("区委政法委").is_some(),
        "a new unit joins the registry"
    );
    assert_eq!(t.deadline.as_deref(), Some("10月底前"));
}

#[test]
fn renaming_a_unit_reaches_every_task_and_merging_keeps_the_lead() {
    let mut plan = seed();
    let named = |p: &Plan, name: &str| {
        p.tasks
            .iter()
            .filter(|t| t.unit_names().any(|n| n == name))
            .count()
    };
    let before = named(&plan, "行政复议与应诉科");
    assert!(before > 1);
    plan.apply(PlanEdit::RenameUnit {
        from: "行政复议与应诉科".into(),
        to: "行政复议科".into(),
    })
    .expect("renamed");
    assert_eq!(named(&plan, "行政复议与应诉科"), 0);
    assert_eq!(named(&plan, "行政复议科"), before);
    assert!(plan.units.get("行政复议与应诉科").is_none());

    // Two spellings of one unit in one task merge into one entry with the stronger role.
    let mut t = plan.task(TaskId(8)).expect("task").clone();
    t.units = vec![
        Assignee::new("行政复议科", Role::Responsible),
        Assignee::new("复议应诉科", Role::Lead),
    ];
    plan.apply(PlanEdit::UpdateTask(t)).expect("updated");
    plan.apply(PlanEdit::RenameUnit {
        from: "复议应诉科".into(),
        to: "行政复议科".into(),
    })
    .expect("merged");
    let t = plan.task(TaskId(8)).expect("task");
    assert_eq!(t.units, vec![Assignee::new("行政复议科", Role::Lead)]);
    assert!(plan.units.get("复议应诉科").is_none());
    // What it wrote under either former name stays its own.
    let unit = UnitId("行政复议科".into());
    for name in ["行政复议科", "行政复议与应诉科", "复议应诉科"] {
        assert!(plan.units.is_or_was(&unit, name), "{name}");
    }
    assert!(!plan.units.is_or_was(&unit, "办公室"));
}

#[test]
fn kinds_and_groups_can_be_defined() {
    let mut plan = seed();
    plan.apply(PlanEdit::SetUnitKind(
        "办公室".into(),
        UnitKind::new("综合部门"),
    ))
    .expect("kind set");
    plan.apply(PlanEdit::SetGroup(GroupDef {
        name: "各综合部门".into(),
        aliases: vec![],
        kind: UnitKind::new("综合部门"),
    }))
    .expect("group set");
    let g = plan.units.resolve("各综合部门");
    assert_eq!(plan.units.expand(&g).len(), 1);
    assert!(
        plan.units
            .expand(&plan.units.resolve("各科室"))
            .iter()
            .all(|u| u.as_str() != "办公室"),
        "办公室 left 各科室 with its kind"
    );
}

#[test]
fn an_empty_kind_is_refused_as_such_and_changes_nothing() {
    let mut plan = seed();
    let before = plan.units.kind_of("办公室");
    assert_eq!(
        plan.apply(PlanEdit::SetUnitKind("办公室".into(), UnitKind::new("  "))),
        Err(EditError::EmptyKind)
    );
    assert_eq!(plan.units.kind_of("办公室"), before, "the kind stays");
    let group = |name: &str, kind: &str| {
        PlanEdit::SetGroup(GroupDef {
            name: name.into(),
            aliases: vec![],
            kind: UnitKind::new(kind),
        })
    };
    assert_eq!(
        plan.apply(group("各综合部门", "")),
        Err(EditError::EmptyKind)
    );
    assert_eq!(plan.apply(group(" ", "科室")), Err(EditError::EmptyText));
    assert!(
        plan.units.group("各综合部门").is_none(),
        "no group was added"
    );
}

#[test]
fn a_deleted_task_number_is_never_given_out_again() {
    let mut plan = seed();
    plan.apply(PlanEdit::DeleteTask(TaskId(19)))
        .expect("deleted");
    let add = |plan: &mut Plan| {
        plan.apply(PlanEdit::AddTask {
            section: SectionId(6),
            after: None,
            title: "新增任务".into(),
        })
        .expect("added");
        plan.tasks.last().map(|t| t.id)
    };
    assert_eq!(add(&mut plan), Some(TaskId(20)), "not 19 again");
    let last_section = plan.sections.last().map(|s| s.id).expect("a section");
    plan.apply(PlanEdit::DeleteSection(last_section))
        .expect("deleted");
    plan.apply(PlanEdit::AddSection {
        after: None,
        title: "新部分".into(),
    })
    .expect("added");
    let section = plan.sections.last().map(|s| s.id).expect("the new section");
    plan.apply(PlanEdit::AddTask {
        section,
        after: None,
        title: "又一项".into(),
    })
    .expect("added");
    assert_eq!(plan.tasks.last().map(|t| t.id), Some(TaskId(21)));
    let text = crate::snapshot::encode_plan(&plan);
    assert_eq!(
        crate::snapshot::decode_plan(&text).map(|p| p.last_task_id),
        Ok(20),
        "the number kept travels with the plan"
    );
}

#[test]
fn a_task_moved_to_another_section_leaves_its_sub_heading_and_duplicate_units_go() {
    let mut plan = seed();
    let mut t = plan.task(TaskId(1)).expect("task").clone();
    t.heading = Some("（一）加强党建".into());
    plan.apply(PlanEdit::UpdateTask(t.clone()))
        .expect("updated");
    assert_eq!(
        plan.task(TaskId(1))
            .and_then(|t| t.heading.clone())
            .as_deref(),
        Some("（一）加强党建"),
        "kept while it stays"
    );
    t.section = SectionId(3);
    t.units = vec![
        crate::model::Assignee::new("办公室", crate::model::Role::Lead),
        crate::model::Assignee::new("办公室", crate::model::Role::Responsible),
    ];
    plan.apply(PlanEdit::UpdateTask(t)).expect("moved");
    let moved = plan.task(TaskId(1)).expect("task");
    assert_eq!(moved.heading, None);
    assert_eq!(moved.units.len(), 1, "the first mention of a unit stays");
}
