//! Plans told apart by their shape: tables, note lines, traditional characters, a notice
//! around the plan, web-page debris, a truncated copy, no sections at all.

use super::{assert_well_formed, counts, parse, units, warnings};
use workplan::model::{Assignee, Role, SectionId};
use workplan::parse::WarningKind;

#[test]
fn table_with_pipes() {
    let parsed = parse("04-table-pipes.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 4, 8, 4));
    assert_eq!(plan.sections[1].title, "业务工作");
    let t = &plan.tasks[0];
    assert_eq!(
        (t.title.as_str(), t.body.as_str()),
        ("开展党纪学习教育", "组织专题读书班和警示教育。")
    );
    assert_eq!(
        units(t),
        [("机关党支部", Role::Lead), ("办公室", Role::Cooperating)]
    );
    assert_eq!(t.deadline.as_deref(), Some("6月底前"));
    assert_eq!(plan.tasks[2].deadline.as_deref(), Some("长期坚持"));
    assert_eq!(plan.tasks[3].section, SectionId(2));
    assert!(
        !plan.distinct_raw_units().contains(&"李明"),
        "persons are not units"
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn table_with_tabs_and_no_sections() {
    let parsed = parse("05-table-tabs.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (1, 3, 5, 0));
    assert_eq!(plan.sections[0].numeral, "");
    assert_eq!(
        units(&plan.tasks[0]),
        [
            ("综治中心", Role::Responsible),
            ("各村（社区）", Role::Responsible)
        ]
    );
    assert_eq!(plan.tasks[2].deadline.as_deref(), Some("12月31日前"));
    for person in ["张伟", "刘洋", "陈静"] {
        assert!(!plan.distinct_raw_units().contains(&person));
    }
    assert_eq!(warnings(&parsed), [(3, WarningKind::ImplicitSection)]);
}

#[test]
fn separate_note_lines_with_roles_and_persons() {
    let parsed = parse("06-note-lines.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 3, 7, 2));
    let t = &plan.tasks[0];
    assert_eq!(
        units(t),
        [
            ("登记注册科", Role::Lead),
            ("各市场监管所", Role::Responsible),
            ("区政务服务中心", Role::Cooperating),
        ]
    );
    assert_eq!(t.deadline.as_deref(), Some("9月底前"));
    assert!(t.body.starts_with("(1)推行") && t.body.contains("(2)开展"));
    assert_eq!(
        units(&plan.tasks[1]),
        [
            ("价格监督检查和反不正当竞争科", Role::Lead),
            ("区发展改革局", Role::Cooperating),
            ("区财政局", Role::Cooperating),
        ]
    );
    assert_eq!(plan.tasks[2].deadline.as_deref(), Some("长期坚持"));
    let names = plan.distinct_raw_units();
    assert!(!names.contains(&"周国强") && !names.contains(&"吴丽"));
    assert!(plan.units.get("周国强").is_none());
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn traditional_characters() {
    let parsed = parse("07-traditional.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 3, 6, 2));
    assert_eq!(plan.issuer.as_deref(), Some("香江區司法局"));
    assert_eq!(
        plan.published.map(|d| d.to_string()).as_deref(),
        Some("2024-02-20")
    );
    assert_eq!(
        units(&plan.tasks[0]),
        [("辦公室", Role::Lead), ("各科室", Role::Responsible)]
    );
    assert_eq!(units(&plan.tasks[1]), [("政治處", Role::Responsible)]);
    assert_eq!(plan.tasks[2].deadline.as_deref(), Some("年底前"));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn notice_around_the_plan_is_not_content() {
    let parsed = parse("08-notice-wrapped.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 3, 4, 0));
    assert_eq!(plan.title, "2024年青山区司法行政工作要点");
    assert_eq!(plan.issuer.as_deref(), Some("青山区司法局"));
    assert_eq!(
        plan.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-08")
    );
    assert_eq!(
        plan.preamble,
        "2024年全区司法行政工作的总体要求是：坚持稳中求进，全面提升司法行政工作质效。"
    );
    let all: String = plan
        .tasks
        .iter()
        .map(|t| format!("{}{}", t.title, t.body))
        .collect();
    for bit in ["青司发", "各科室、各司法所", "附件", "任务清单"] {
        assert!(!all.contains(bit) && !plan.preamble.contains(bit), "{bit}");
    }
    assert_eq!(units(&plan.tasks[1])[1], ("政工科", Role::Responsible));
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn web_page_debris_and_mirror_pinyin() {
    let parsed = parse("09-web-mirror.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 3, 4, 0));
    assert_eq!(plan.title, "2024年云溪县司法局工作要点");
    assert_eq!(plan.issuer.as_deref(), Some("云溪县司法局"));
    assert_eq!(plan.sections[0].title, "推动經濟高質量發展");
    assert!(plan.tasks[0].body.contains("各級黨委(黨組)主體責任"));
    assert_eq!(
        plan.tasks[1].title,
        "落實《云溪縣法治建設規劃(2021-2025年)》"
    );
    assert_eq!(units(&plan.tasks[1]), [("依法治縣股", Role::Responsible)]);
    assert_eq!(plan.preamble, "");
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn truncated_copy_keeps_the_tasks_so_far() {
    let parsed = parse("13-truncated.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (2, 3, 4, 0));
    assert_eq!(units(&plan.tasks[2]), [("优抚科", Role::Responsible)]);
    assert!(!plan.distinct_raw_units().contains(&"区政"));
    assert!(plan.units.get("区政").is_none());
    assert_eq!(plan.tasks[2].body, "按时足额发放优抚金。");
    assert_eq!(
        warnings(&parsed),
        [(6, WarningKind::TruncatedNote("区政".into()))]
    );
}

#[test]
fn tasks_without_sections_and_names_with_separators() {
    let parsed = parse("14-no-sections.txt");
    let plan = &parsed.plan;
    assert_well_formed(plan);
    assert_eq!(counts(plan), (1, 3, 7, 2));
    assert_eq!(
        units(&plan.tasks[0]),
        [
            ("市公安局", Role::Lead),
            ("各县、市、区政府", Role::Responsible)
        ]
    );
    assert_eq!(
        units(&plan.tasks[1]),
        [
            ("市应急管理局", Role::Lead),
            ("各县（市、区）人民政府", Role::Responsible),
            ("市有关部门", Role::Responsible),
        ]
    );
    assert_eq!(
        plan.tasks[2].units,
        [
            Assignee::new("市民政局", Role::Responsible),
            Assignee::new("市总工会", Role::Responsible)
        ]
    );
    assert_eq!(warnings(&parsed), [(3, WarningKind::ImplicitSection)]);
}
