//! Unit tests for the plan parser on small hand-written plans.

use super::*;
use crate::model::{Role, SectionId};

const SMALL: &str = "首页 > 规划计划\n\n某区工作要点\n发布时间：2024年3月5日 来源：某区司法局\n总体要求是：干好。\n一、第一部分\n1．做甲。细节一；细节二。（责任部门：办公室、各司法所）\n2.做乙。\n续写内容。(责任部门:各科室)\n二、第二部分\n3、做丙。(责任单位:甲司法所)\n某区司法局\n2024年35日\n扫一扫在手机打开当前页\n";

#[test]
fn the_lines_under_the_title_name_the_issuer_and_the_date() {
    let text = "2024年某区司法行政工作要点\n某区司法局\n2024年3月1日\n总体要求是：干好。\n一、第一部分\n1.做甲。（牵头单位：办公室）\n";
    let parsed = parse_plan(text).expect("parses");
    let plan = &parsed.plan;
    assert_eq!(plan.issuer.as_deref(), Some("某区司法局"));
    assert_eq!(
        plan.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-01")
    );
    assert_eq!(
        plan.preamble, "总体要求是：干好。",
        "neither line is preamble"
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

/// A notice that hands down a plan: issuer and 文号 above the notice title, the plan as 附件.
const NOTICE: &str = "天心区司法局\n天司发〔2025〕3号\n\n关于印发《2025年天心区司法行政工作要点》的通知\n\n各科室、各司法所：\n现将《2025年天心区司法行政工作要点》印发给你们，请结合实际认真抓好落实。\n\n附件：2025年天心区司法行政工作要点\n\n天心区司法局\n2025年2月20日\n\n附件\n\n2025年天心区司法行政工作要点\n\n一、加强政治建设\n1.深化理论学习。（责任单位：办公室）\n2.加强党风廉政建设。（责任单位：办公室、各科室）\n二、提升法治服务\n3.优化营商环境法治保障。（牵头单位：执法监督与法制审查科；配合单位：行政复议与应诉科）9月底前完成。\n4.深化公共法律服务。（责任单位：公共法律服务管理科、各司法所）\n\n抄送：区委依法治区办。\n天心区司法局办公室          2025年2月20日印发\n";

#[test]
fn a_notice_headed_by_its_issuer_gives_the_plan_it_hands_down() {
    let parsed = parse_plan(NOTICE).expect("parses");
    let plan = &parsed.plan;
    assert_eq!(plan.title, "2025年天心区司法行政工作要点");
    assert_eq!(plan.issuer.as_deref(), Some("天心区司法局"));
    assert!(
        !plan.preamble.contains("印发给你们"),
        "the notice's wording is no preamble: {}",
        plan.preamble
    );
    assert_eq!(plan.tasks.len(), 4);
    assert_eq!(plan.tasks[2].deadline.as_deref(), Some("9月底前"));
}

fn kinds(text: &str) -> Vec<(usize, WarningKind)> {
    parse_plan(text)
        .expect("parses")
        .warnings
        .into_iter()
        .map(|w| (w.line, w.kind))
        .collect()
}

#[test]
fn parses_a_small_plan() {
    let parsed = parse_plan(SMALL).expect("parses");
    let plan = &parsed.plan;
    assert_eq!(plan.title, "某区工作要点");
    assert_eq!(plan.issuer.as_deref(), Some("某区司法局"));
    assert_eq!(
        plan.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-05")
    );
    assert_eq!(plan.preamble, "总体要求是：干好。");
    assert_eq!(plan.sections.len(), 2);
    assert_eq!(plan.tasks.len(), 3);
    assert_eq!(plan.tasks[0].title, "做甲");
    assert_eq!(plan.tasks[0].body, "细节一；细节二。");
    assert_eq!(plan.tasks[1].body, "续写内容。");
    assert_eq!(plan.tasks[2].section, SectionId(2));
    assert_eq!(
        plan.tasks[2].unit_names().collect::<Vec<_>>(),
        vec!["甲司法所"]
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn unplaced_lines_become_warnings_with_line_numbers() {
    let text = "标题\n一、部分\n1.做甲。(责任部门:办公室)\n这行放不下\n";
    assert_eq!(
        kinds(text),
        vec![(4, WarningKind::UnplacedLine("这行放不下".into()))]
    );
}

#[test]
fn missing_units_and_gaps_are_reported() {
    let text = "标题\n一、部分\n1.做甲。\n3.做丙。(责任部门:办公室)\n";
    assert_eq!(
        kinds(text),
        vec![
            (3, WarningKind::TaskWithoutUnits(1)),
            (
                4,
                WarningKind::NumberOutOfSequence {
                    expected: 2,
                    found: 3
                }
            ),
        ]
    );
}

#[test]
fn numbering_may_restart_or_continue_in_each_section() {
    let restart = "标题\n一、甲\n1.做甲。(责任单位:办公室)\n二、乙\n1.做乙。(责任单位:办公室)\n";
    assert!(kinds(restart).is_empty());
    let cont = "标题\n一、甲\n1.做甲。(责任单位:办公室)\n二、乙\n2.做乙。(责任单位:办公室)\n";
    assert!(kinds(cont).is_empty());
}

#[test]
fn fatal_errors() {
    let err = |text: &str| parse_plan(text).map(|_| ()).unwrap_err().kind;
    assert_eq!(err(""), ParseErrorKind::Empty);
    assert_eq!(
        err("扫一扫在手机打开当前页\n字体大小："),
        ParseErrorKind::Empty
    );
    assert_eq!(err("标题\n正文"), ParseErrorKind::NoTasks);
    assert_eq!(err("标题\n一、部分\n"), ParseErrorKind::NoTasks);
}

#[test]
fn duplicate_numbers_still_give_distinct_ids() {
    let parsed = parse_plan("标题\n一、部分\n1.甲。(责任单位:办公室)\n1.乙。(责任单位:办公室)")
        .expect("parses");
    let ids: Vec<u32> = parsed.plan.tasks.iter().map(|t| t.id.0).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(
        parsed.warnings[0].kind,
        WarningKind::NumberOutOfSequence {
            expected: 2,
            found: 1
        }
    );
}

#[test]
fn item_before_the_first_section_stays_in_the_preamble() {
    let parsed =
        parse_plan("标题\n1.总体要求。\n一、部分\n1.做甲。(责任单位:办公室)").expect("parses");
    assert_eq!(parsed.plan.preamble, "1.总体要求。");
    assert_eq!(parsed.plan.tasks.len(), 1);
    assert_eq!(parsed.warnings[0].kind, WarningKind::ItemBeforeFirstSection);
    assert_eq!(parsed.warnings[0].line, 2);
}

#[test]
fn stray_notes_and_text_after_notes() {
    assert_eq!(
        kinds("标题\n一、部分\n1.做甲。(责任单位:办公室)并按月报送。\n"),
        vec![(3, WarningKind::TextAfterNote("并按月报送".into()))]
    );
    assert_eq!(
        kinds("标题\n一、部分\n1.做甲。(责任单位:办公室)\n这一行\n牵头单位：办公室\n"),
        vec![
            (4, WarningKind::UnplacedLine("这一行".into())),
            (5, WarningKind::NoteWithoutTask)
        ]
    );
}

#[test]
fn table_rows_of_the_wrong_width_are_reported() {
    let text = "标题\n序号|工作任务|责任单位\n1|做甲。|办公室\n2|做乙。\n";
    let parsed = parse_plan(text).expect("parses");
    assert_eq!(parsed.plan.tasks.len(), 2);
    assert!(parsed.warnings.contains(&ParseWarning {
        line: 4,
        kind: WarningKind::TableRowShape {
            expected: 3,
            found: 2
        }
    }));
}

#[test]
fn paren_items_with_note_lines_after_them() {
    let text = "标题\n一、部分\n（一）做甲。\n牵头单位：办公室\n（二）做乙。\n责任单位：法制科\n";
    let plan = parse_plan(text).expect("parses").plan;
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.tasks[0].units[0].role, Role::Lead);
    assert_eq!(plan.tasks[1].heading, None);
}

#[test]
fn plan_id_is_stable_across_copies() {
    let a = parse_plan(SMALL).expect("parses").plan;
    let b = parse_plan(&SMALL.replace('\n', "\r\n"))
        .expect("parses")
        .plan;
    assert_eq!(a.id, b.id);
    assert_eq!(a.tasks, b.tasks);
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "（",
        "标题\n（一",
        "标题\n1.",
        "标题\n一、\n1.(",
        "标题\n|",
        "标题\n序号|工作任务|责任单位\n|||\n",
        "标题\n1.做甲(牵头单位:",
        "标题\n1.做甲〔A牵头，",
        "标题\n①\n(1)\n1)",
        "标题\n1.做甲(责任单位:各县(市、区",
        "\u{feff}\u{3000}",
    ] {
        let _ = parse_plan(text);
    }
}

#[test]
fn a_deadline_may_end_the_task_line_without_brackets() {
    let text = "某区工作要点\n一、法律服务\n1.推进法律援助便民。完成时限：2025年10月底\n2.开展普法宣传。牵头单位：普法科；责任单位：各司法所\n";
    let plan = parse_plan(text).expect("parses").plan;
    let first = &plan.tasks[0];
    assert_eq!(first.deadline.as_deref(), Some("2025年10月底"));
    assert!(!first.body.contains("完成时限"), "{first:?}");
    let second = &plan.tasks[1];
    let units: Vec<(&str, Role)> = second
        .units
        .iter()
        .map(|a| (a.name.as_str(), a.role))
        .collect();
    assert_eq!(
        units,
        [("普法科", Role::Lead), ("各司法所", Role::Responsible)]
    );
    assert!(!second.body.contains("牵头单位"), "{second:?}");
}
