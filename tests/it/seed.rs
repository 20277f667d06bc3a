//! The embedded 2023 plan parses into exactly the expected plan.

use workplan::model::{Date, Responsible, Role, SectionId, UnitKind};
use workplan::parse::{WarningKind, parse_plan};

fn seed() -> workplan::parse::ParsedPlan {
    parse_plan(workplan::DEFAULT_PLAN_TEXT).expect("the embedded plan parses")
}

#[test]
fn metadata() {
    let plan = seed().plan;
    assert_eq!(plan.title, "2023年天心区司法行政工作要点");
    assert_eq!(plan.issuer.as_deref(), Some("长沙市天心区司法局"));
    assert_eq!(plan.published, Date::new(2023, 6, 1));
}

#[test]
fn preamble_is_the_general_requirement() {
    let plan = seed().plan;
    assert!(
        plan.preamble
            .starts_with("2023年全区司法行政工作总体要求是")
    );
    assert!(plan.preamble.ends_with("提供高效法律服务和坚强法治保障。"));
    assert!(!plan.preamble.contains('\n'));
}

#[test]
fn six_sections_and_nineteen_tasks_in_order() {
    let plan = seed().plan;
    let numerals: Vec<&str> = plan.sections.iter().map(|s| s.numeral.as_str()).collect();
    assert_eq!(numerals, ["一", "二", "三", "四", "五", "六"]);
    assert_eq!(
        plan.sections[0].title,
        "以贯彻党的二十大精神为主线,铸牢政治绝对忠诚"
    );
    assert_eq!(
        plan.sections[5].title,
        "以提升工作效能为主攻,推动队伍建设可持续发展"
    );
    let ids: Vec<u32> = plan.tasks.iter().map(|t| t.id.0).collect();
    assert_eq!(ids, (1..=19).collect::<Vec<_>>());
    let per_section: Vec<usize> = (1..=6)
        .map(|s| plan.tasks_in(SectionId(s)).count())
        .collect();
    assert_eq!(per_section, [3, 3, 3, 3, 3, 4]);
}

#[test]
fn task_titles_are_first_sentences() {
    let plan = seed().plan;
    assert_eq!(plan.tasks[0].title, "筑牢政治忠诚,鲜明政治立场");
    assert!(
        plan.tasks[0]
            .body
            .starts_with("深入开展党的二十大精神学习宣传")
    );
    assert!(plan.tasks[0].body.ends_with("做到“两个维护”。"));
    assert_eq!(plan.tasks[18].title, "坚持调查研究务实有效");
    for task in &plan.tasks {
        assert!(
            !task.body.contains("责任部门"),
            "task {} keeps its units note",
            task.id
        );
        assert!(
            !task.title.is_empty() && !task.body.is_empty(),
            "task {}",
            task.id
        );
    }
}

#[test]
fn ten_distinct_raw_units() {
    let plan = seed().plan;
    let raw = plan.distinct_raw_units();
    assert_eq!(
        raw,
        [
            "各科室",
            "司法所",
            "行政复议与应诉科",
            "执法监督与法制审查科",
            "各司法所",
            "公共法律服务管理科",
            "人民参与和促进法治科",
            "普法与依法治理科",
            "办公室",
            "社区矫正管理科",
        ]
    );
    assert_eq!(
        plan.tasks[7].unit_names().collect::<Vec<_>>(),
        [
            "普法与依法治理科",
            "执法监督与法制审查科",
            "行政复议与应诉科",
            "办公室"
        ]
    );
}

#[test]
fn groups_are_resolved() {
    let plan = seed().plan;
    let resolved = |i: usize| -> Vec<Responsible> {
        plan.tasks[i]
            .unit_names()
            .map(|n| plan.units.resolve(n))
            .collect()
    };
    assert_eq!(
        resolved(0),
        [
            Responsible::Group("各科室".into()),
            Responsible::Group("各司法所".into())
        ]
    );
    assert_eq!(resolved(3)[2], Responsible::Group("各司法所".into()));
    let office = UnitKind::new(UnitKind::OFFICE);
    let offices: Vec<&str> = plan.units.of_kind(&office).map(|u| u.id.as_str()).collect();
    assert_eq!(offices.len(), 7);
    assert!(offices.contains(&"办公室"));
    let jo = UnitKind::new(UnitKind::JUDICIAL_OFFICE);
    let jos: Vec<&str> = plan.units.of_kind(&jo).map(|u| u.id.as_str()).collect();
    assert_eq!(jos, ["文源司法所", "暮云司法所"]);
}

#[test]
fn every_unit_is_responsible_and_no_deadlines_or_headings() {
    let plan = seed().plan;
    for task in &plan.tasks {
        assert!(
            task.units.iter().all(|a| a.role == Role::Responsible),
            "task {}",
            task.id
        );
        assert_eq!(task.heading, None, "task {}", task.id);
        assert_eq!(task.deadline, None, "task {}", task.id);
    }
}

#[test]
fn debris_is_not_content_and_nothing_is_dropped_silently() {
    let parsed = seed();
    let plan = &parsed.plan;
    let all_text: String = std::iter::once(plan.title.clone())
        .chain(std::iter::once(plan.preamble.clone()))
        .chain(plan.sections.iter().map(|s| s.title.clone()))
        .chain(plan.tasks.iter().map(|t| format!("{}{}", t.title, t.body)))
        .collect();
    for debris in [
        "字体大小",
        "扫一扫在手机打开当前页",
        "首页 > 政务公开",
        "2023年61日",
        "发布时间",
    ] {
        assert!(
            !all_text.contains(debris),
            "debris {debris} leaked into content"
        );
    }
    let unplaced: Vec<_> = parsed
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::UnplacedLine(_)))
        .collect();
    assert!(unplaced.is_empty(), "{unplaced:?}");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn full_width_punctuation_gives_the_same_plan() {
    let full = workplan::DEFAULT_PLAN_TEXT
        .replace("(责任部门:", "（责任部门：")
        .replace(')', "）")
        .replace("发布时间 :", "发布时间：");
    let a = seed().plan;
    let b = parse_plan(&full).expect("full-width text parses").plan;
    assert_eq!(a.tasks.len(), b.tasks.len());
    for (x, y) in a.tasks.iter().zip(&b.tasks) {
        assert_eq!(x.units, y.units, "task {}", x.id);
    }
    assert_eq!(a.published, b.published);
}
