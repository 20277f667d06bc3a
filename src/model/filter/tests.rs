//! Unit tests of the filter predicate and facet counts on a small hand-made plan.

use super::*;
use crate::model::{Assignee, PlanId, ReplicaId, Section, Stamp, TaskId, UnitRegistry};

fn task(id: u32, section: u32, title: &str, body: &str, units: &[&str]) -> Task {
    Task {
        id: TaskId(id),
        section: SectionId(section),
        heading: None,
        title: title.to_string(),
        body: body.to_string(),
        units: units
            .iter()
            .map(|u| Assignee::new(u, Role::Responsible))
            .collect(),
        deadline: None,
    }
}

/// Tasks: 1 各科室 · 2 普法科 · 3 各司法所 · 4 文源司法所 · 5 区委政法委 (section 2 for 4 and 5).
fn plan() -> Plan {
    let tasks = vec![
        task(1, 1, "筑牢政治忠诚", "深入开展学习，ABC培训。", &["各科室"]),
        task(
            2,
            1,
            "普法宣传",
            "开展“八五”普法，２０２３年工作要点。",
            &["普法与依法治理科"],
        ),
        task(3, 1, "基层治理", "加强司法所建设。", &["司法所"]),
        task(4, 2, "文源试点", "规范化建设；法治乡村。", &["文源司法所"]),
        task(5, 2, "协同配合", "加强联系。", &["区委政法委"]),
    ];
    let mut units = UnitRegistry::default();
    for name in [
        "普法与依法治理科",
        "办公室",
        "文源司法所",
        "暮云司法所",
        "区委政法委",
    ] {
        units.insert(name);
    }
    let section = |id: u32, numeral: &str| Section {
        id: SectionId(id),
        numeral: numeral.into(),
        title: "x".into(),
    };
    Plan {
        id: PlanId("p".into()),
        title: "t".into(),
        issuer: None,
        published: None,
        preamble: String::new(),
        sections: vec![section(1, "一"), section(2, "二")],
        tasks,
        units,
        last_task_id: 0,
        revision: 0,
    }
}

fn stamp(at: i64) -> Stamp {
    Stamp {
        at,
        n: 0,
        by: None,
        replica: ReplicaId("t".into()),
    }
}

fn today() -> Date {
    Date::new(2023, 10, 1).unwrap_or_else(|| Date::from_days_since_epoch(0))
}

fn ids(plan: &Plan, progress: &Progress, filter: &Filter) -> Vec<u32> {
    let ctx = FilterContext {
        plan,
        progress,
        today: today(),
    };
    filter
        .prepare()
        .matching(&ctx)
        .iter()
        .map(|t| t.id.0)
        .collect()
}

fn units(names: &[&str]) -> Filter {
    Filter {
        units: names.iter().map(|n| n.to_string()).collect(),
        ..Filter::default()
    }
}

fn query(q: &str) -> Filter {
    Filter {
        query: q.to_string(),
        ..Filter::default()
    }
}

#[test]
fn empty_filter_matches_all() {
    let (plan, progress) = (plan(), Progress::default());
    assert!(Filter::default().is_empty());
    assert!(query(" \u{3000}").is_empty());
    assert_eq!(ids(&plan, &progress, &Filter::default()), [1, 2, 3, 4, 5]);
}

#[test]
fn clear_resets_everything() {
    let mut f = Filter {
        overdue: true,
        query: "x".into(),
        ..units(&["各科室"])
    };
    assert!(!f.is_empty());
    f.clear();
    assert_eq!(f, Filter::default());
}

#[test]
fn sections_combine_with_or() {
    let (plan, progress) = (plan(), Progress::default());
    let one = Filter {
        sections: [SectionId(2)].into(),
        ..Filter::default()
    };
    assert_eq!(ids(&plan, &progress, &one), [4, 5]);
    let both = Filter {
        sections: [SectionId(1), SectionId(2)].into(),
        ..Filter::default()
    };
    assert_eq!(ids(&plan, &progress, &both), [1, 2, 3, 4, 5]);
}

#[test]
fn named_unit_includes_groups_covering_it() {
    let (plan, progress) = (plan(), Progress::default());
    assert_eq!(ids(&plan, &progress, &units(&["普法与依法治理科"])), [1, 2]);
    assert_eq!(ids(&plan, &progress, &units(&["办公室"])), [1]);
    assert_eq!(ids(&plan, &progress, &units(&["文源司法所"])), [3, 4]);
    assert_eq!(ids(&plan, &progress, &units(&["暮云司法所"])), [3]);
    assert_eq!(ids(&plan, &progress, &units(&["区委政法委"])), [5]);
}

#[test]
fn group_includes_units_of_its_kind() {
    let (plan, progress) = (plan(), Progress::default());
    assert_eq!(ids(&plan, &progress, &units(&["各科室"])), [1, 2]);
    assert_eq!(ids(&plan, &progress, &units(&["各司法所"])), [3, 4]);
    assert_eq!(
        ids(&plan, &progress, &units(&["各科室", "区委政法委"])),
        [1, 2, 5]
    );
}

#[test]
fn facets_combine_with_and() {
    let (plan, progress) = (plan(), Progress::default());
    let f = Filter {
        sections: [SectionId(2)].into(),
        ..units(&["各司法所"])
    };
    assert_eq!(ids(&plan, &progress, &f), [4]);
    let f = Filter {
        query: "建设".into(),
        ..units(&["各司法所"])
    };
    assert_eq!(ids(&plan, &progress, &f), [3, 4]);
    let f = Filter {
        sections: [SectionId(1)].into(),
        query: "建设".into(),
        ..units(&["各司法所"])
    };
    assert_eq!(ids(&plan, &progress, &f), [3]);
}

#[test]
fn query_ignores_width_and_case_and_ands_terms() {
    let (plan, progress) = (plan(), Progress::default());
    assert_eq!(ids(&plan, &progress, &query("abc")), [1]);
    assert_eq!(ids(&plan, &progress, &query("学习,ａｂｃ")), [1]);
    assert_eq!(ids(&plan, &progress, &query("2023")), [2]);
    assert_eq!(ids(&plan, &progress, &query("\"八五\"")), [2]);
    assert_eq!(ids(&plan, &progress, &query("建设;法治")), [4]);
    assert_eq!(ids(&plan, &progress, &query("加强")), [3, 5]);
    assert_eq!(ids(&plan, &progress, &query("加强 司法所")), [3]);
    assert_eq!(
        ids(&plan, &progress, &query("加强 不存在")),
        Vec::<u32>::new()
    );
}

#[test]
fn query_searches_measures_and_visible_log() {
    let plan = plan();
    let mut progress = Progress::default();
    let tp = progress.task_mut(TaskId(5));
    let id = crate::model::ItemId("r.1.1".into());
    assert!(tp.add_measure(id, "召开联席会议", &stamp(1)).is_ok());
    let seed = crate::model::seed_measure_id(TaskId(5), 0);
    let change = crate::model::MeasureChange::Text("加强沟通协调".into());
    assert!(
        tp.update_measure(&seed, Some("加强联系。"), change, &stamp(2))
            .is_ok()
    );
    let log = crate::model::ItemId("r.1.2".into());
    assert!(
        tp.add_log(log.clone(), today(), "已报送材料", &stamp(3))
            .is_ok()
    );
    assert_eq!(ids(&plan, &progress, &query("联席")), [5]);
    assert_eq!(ids(&plan, &progress, &query("沟通")), [5]);
    assert_eq!(ids(&plan, &progress, &query("报送 联席")), [5]);
    assert!(
        progress
            .task_mut(TaskId(5))
            .set_log_withdrawn(&log, true, &stamp(4))
            .is_ok()
    );
    assert!(ids(&plan, &progress, &query("报送")).is_empty());
}

#[test]
fn status_overdue_and_since_use_progress() {
    let plan = plan();
    let mut progress = Progress::default();
    let july = Date::new(2023, 7, 1).unwrap_or(today());
    let at = july.days_since_epoch() * 86_400_000;
    progress
        .task_mut(TaskId(1))
        .set_status(Some(Status::Done), &stamp(at));
    progress
        .task_mut(TaskId(2))
        .set_status(Some(Status::Lagging), &stamp(at - 1));
    progress
        .task_mut(TaskId(2))
        .set_deadline(Date::new(2023, 9, 30), &stamp(at - 1));
    progress
        .task_mut(TaskId(3))
        .set_deadline(Date::new(2023, 10, 1), &stamp(at - 1));
    let st = |s: &[Status]| Filter {
        statuses: s.iter().copied().collect(),
        ..Filter::default()
    };
    assert_eq!(ids(&plan, &progress, &st(&[Status::Done])), [1]);
    assert_eq!(
        ids(&plan, &progress, &st(&[Status::Done, Status::Lagging])),
        [1, 2]
    );
    assert_eq!(ids(&plan, &progress, &st(&[Status::NotStarted])), [3, 4, 5]);
    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    assert_eq!(ids(&plan, &progress, &overdue), [2]);
    let since = Filter {
        updated_since: Some(july),
        ..Filter::default()
    };
    assert_eq!(ids(&plan, &progress, &since), [1]);
}

mod facets;
