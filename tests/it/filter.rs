//! Filtering and search on the embedded 2023 plan; expected sets read off data/plan-2023.txt.

use workplan::model::{
    Date, Filter, FilterContext, Plan, Progress, ReplicaId, SectionId, Stamp, Status, TaskId,
    facet_counts, from_hash, to_hash, unit_options,
};

fn plan() -> Plan {
    workplan::parse::parse_plan(workplan::DEFAULT_PLAN_TEXT)
        .expect("the embedded plan parses")
        .plan
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap_or_else(|| Date::from_days_since_epoch(0))
}

fn ids_on(plan: &Plan, progress: &Progress, today: Date, filter: &Filter) -> Vec<u32> {
    let ctx = FilterContext {
        plan,
        progress,
        today,
    };
    filter
        .prepare()
        .matching(&ctx)
        .iter()
        .map(|t| t.id.0)
        .collect()
}

fn ids(filter: &Filter) -> Vec<u32> {
    ids_on(&plan(), &Progress::default(), date(2023, 6, 1), filter)
}

fn unit(name: &str) -> Filter {
    Filter {
        units: [name.to_string()].into(),
        ..Filter::default()
    }
}

fn query(q: &str) -> Filter {
    Filter {
        query: q.to_string(),
        ..Filter::default()
    }
}

fn all_but(skip: &[u32]) -> Vec<u32> {
    (1..=19).filter(|i| !skip.contains(i)).collect()
}

/// Tasks whose 责任部门 is `各科室、司法所`.
const ALL_OFFICES: [u32; 8] = [1, 2, 3, 6, 16, 17, 18, 19];

fn with_all_offices(named: &[u32]) -> Vec<u32> {
    let mut v: Vec<u32> = ALL_OFFICES.iter().chain(named).copied().collect();
    v.sort_unstable();
    v
}

#[test]
fn empty_filter_shows_every_task() {
    assert_eq!(ids(&Filter::default()), all_but(&[]));
}

#[test]
fn named_office_includes_tasks_of_all_offices() {
    assert_eq!(
        ids(&unit("普法与依法治理科")),
        [1, 2, 3, 6, 7, 8, 9, 15, 16, 17, 18, 19]
    );
    assert_eq!(ids(&unit("办公室")), with_all_offices(&[8]));
    assert_eq!(ids(&unit("社区矫正管理科")), with_all_offices(&[14]));
    assert_eq!(
        ids(&unit("行政复议与应诉科")),
        with_all_offices(&[4, 5, 8, 13])
    );
}

#[test]
fn named_judicial_office_includes_tasks_of_all_judicial_offices() {
    // Only tasks 7 and 8 name no 司法所 / 各司法所.
    assert_eq!(ids(&unit("文源司法所")), all_but(&[7, 8]));
    assert_eq!(ids(&unit("暮云司法所")), all_but(&[7, 8]));
}

#[test]
fn groups_include_every_unit_of_their_kind() {
    // Every task names 各科室 or some 科/办公室.
    assert_eq!(ids(&unit("各科室")), all_but(&[]));
    assert_eq!(ids(&unit("各司法所")), all_but(&[7, 8]));
    assert_eq!(ids(&unit("司法所")), all_but(&[7, 8]));
}

#[test]
fn section_and_unit_combine() {
    let f = Filter {
        sections: [SectionId(3)].into(),
        ..unit("各司法所")
    };
    assert_eq!(ids(&f), [9]);
    let f = Filter {
        sections: [SectionId(3), SectionId(4)].into(),
        ..unit("各司法所")
    };
    assert_eq!(ids(&f), [9, 10, 11, 12]);
}

#[test]
fn text_search() {
    assert_eq!(ids(&query("合法性审查")), [4, 5, 8]);
    assert_eq!(ids(&query("２０２３")), [7]);
    assert_eq!(ids(&query("２０２３年工作要点")), [7]);
    assert_eq!(ids(&query("文源")), [15]);
    assert_eq!(ids(&query("合法性审查 执法监督")), [8]);
    assert_eq!(ids(&query("（县、区）")), [9]);
    let f = Filter {
        query: "合法性审查".into(),
        ..unit("行政复议与应诉科")
    };
    assert_eq!(ids(&f), [4, 5, 8]);
}

#[test]
fn unit_options_order() {
    assert_eq!(
        unit_options(&plan()),
        [
            "各科室",
            "各司法所",
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
}

#[test]
fn facet_counts_on_the_plan() {
    let plan = plan();
    let c = facet_counts(
        &plan,
        &Progress::default(),
        date(2023, 6, 1),
        &Filter::default(),
    );
    assert_eq!(c.total, 19);
    let per_section: Vec<usize> = c.sections.iter().map(|(_, n)| *n).collect();
    assert_eq!(per_section, [3, 3, 3, 3, 3, 4]);
    assert_eq!(
        (
            c.unit("各科室"),
            c.unit("各司法所"),
            c.unit("普法与依法治理科")
        ),
        (19, 17, 12)
    );
    assert_eq!(c.status(Status::NotStarted), 19);
    let f = Filter {
        sections: [SectionId(3)].into(),
        ..unit("各司法所")
    };
    let c = facet_counts(&plan, &Progress::default(), date(2023, 6, 1), &f);
    assert_eq!(c.total, 1);
    assert_eq!(c.section(SectionId(3)), 1);
    assert_eq!(c.section(SectionId(4)), 3);
    assert_eq!(
        (
            c.unit("各司法所"),
            c.unit("普法与依法治理科"),
            c.unit("办公室")
        ),
        (1, 3, 1)
    );
}

#[test]
fn status_overdue_and_updated_since() {
    let plan = plan();
    let mut progress = Progress::default();
    let july = date(2023, 7, 1);
    let at = july.days_since_epoch() * 86_400_000;
    let stamp = |at: i64| Stamp {
        at,
        n: 0,
        by: None,
        replica: ReplicaId("t".into()),
    };
    progress
        .task_mut(TaskId(2))
        .set_status(Some(Status::Done), &stamp(at + 3_600_000));
    progress
        .task_mut(TaskId(5))
        .set_status(Some(Status::Lagging), &stamp(at - 1));
    progress
        .task_mut(TaskId(5))
        .set_deadline(Some(date(2023, 9, 30)), &stamp(at - 1));
    progress
        .task_mut(TaskId(9))
        .set_status(Some(Status::InProgress), &stamp(at));
    progress
        .task_mut(TaskId(9))
        .set_deadline(Some(date(2023, 12, 31)), &stamp(at));
    progress
        .task_mut(TaskId(2))
        .set_deadline(Some(date(2023, 9, 30)), &stamp(at));

    let st = |s: &[Status]| Filter {
        statuses: s.iter().copied().collect(),
        ..Filter::default()
    };
    let oct = date(2023, 10, 1);
    assert_eq!(ids_on(&plan, &progress, oct, &st(&[Status::Done])), [2]);
    assert_eq!(
        ids_on(
            &plan,
            &progress,
            oct,
            &st(&[Status::Lagging, Status::InProgress])
        ),
        [5, 9]
    );
    assert_eq!(
        ids_on(&plan, &progress, oct, &st(&[Status::NotStarted])),
        all_but(&[2, 5, 9])
    );

    let overdue = Filter {
        overdue: true,
        ..Filter::default()
    };
    assert_eq!(
        ids_on(&plan, &progress, date(2023, 9, 30), &overdue),
        Vec::<u32>::new()
    );
    assert_eq!(ids_on(&plan, &progress, oct, &overdue), [5]);
    assert_eq!(ids_on(&plan, &progress, date(2024, 1, 1), &overdue), [5, 9]);

    let since = |d: Date| Filter {
        updated_since: Some(d),
        ..Filter::default()
    };
    assert_eq!(ids_on(&plan, &progress, oct, &since(july)), [2, 9]);
    assert_eq!(
        ids_on(&plan, &progress, oct, &since(date(2023, 6, 30))),
        [2, 5, 9]
    );
    assert_eq!(
        ids_on(&plan, &progress, oct, &since(date(2023, 7, 2))),
        Vec::<u32>::new()
    );

    let c = facet_counts(
        &plan,
        &progress,
        oct,
        &Filter {
            overdue: true,
            ..unit("各司法所")
        },
    );
    assert_eq!(
        (
            c.total,
            c.overdue,
            c.status(Status::Lagging),
            c.status(Status::Done)
        ),
        (1, 1, 1, 0)
    );
    let c = facet_counts(&plan, &progress, date(2024, 1, 1), &Filter::default());
    assert_eq!((c.overdue, c.status(Status::InProgress)), (2, 1));
}

#[test]
fn hash_round_trip_on_plan_values() {
    let f = Filter {
        sections: [SectionId(3)].into(),
        units: ["各司法所".to_string(), "普法与依法治理科".to_string()].into(),
        query: "普法 宣传".into(),
        ..Filter::default()
    };
    let back = from_hash(&to_hash(&f));
    assert_eq!(back, f);
    assert_eq!(ids(&back), [9]);
}
